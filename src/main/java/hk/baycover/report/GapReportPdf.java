package hk.baycover.report;

import hk.baycover.compare.Format;
import hk.baycover.gaps.AgeBand;
import hk.baycover.gaps.CellDetail;
import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.ReasonGroup;
import hk.baycover.gaps.Segment;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Lang;
import hk.baycover.model.Need;
import hk.baycover.model.Product;

import java.io.IOException;
import java.io.OutputStream;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A short gap report in the chosen language: method and data as-of dates, a summary, uncovered segments per need and
 * age band (a compact heat map with symbols), the main reasons per need, and what active what-if drafts change (each
 * marked as a sample, not a real product). CJK font embedded.
 */
public final class GapReportPdf {

    /** How many uncovered segments are named per need before "and N more". */
    static final int NAMED_PER_NEED = 8;

    private GapReportPdf() {
    }

    /** Writes the report to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(GapMatrix m, GapDiff diff, List<Product> drafts, Catalog catalog, Lang lang, OutputStream out) throws IOException {
        try (PdfBuilder pdf = new PdfBuilder(PdfBuilder.Orientation.PORTRAIT, 48f)) {
            pdf.metadata(t(lang, "gaps.pdf.title"), t(lang, "gaps.pdf.title"), lang.tag());
            pdf.newPage();
            heading(pdf, t(lang, "gaps.pdf.title"), 16);
            String asOf = catalog.asOf().map(Object::toString).orElse("—");
            pdf.paragraph(t(lang, "gaps.pdf.meta", m.engine().today(), asOf, m.products().size() - drafts.size(), m.segments().size(), m.needs().size()), 9, PdfBuilder.TEXT);
            pdf.gap(6);
            pdf.paragraph(t(lang, "gaps.pdf.method", GapTexts.name(lang, m.config().agePolicy()), t(lang, "gaps.policy.explain." + m.config().agePolicy().name()),
                    I18n.enumName(lang, m.config().currency())), 8.5f, PdfBuilder.MUTED, 0);
            pdf.gap(8);

            int full = 0;
            int partial = 0;
            for (CellSummary c : m.cells()) {
                if (c.level() == CoverageLevel.FULL) full++;
                else if (c.level() == CoverageLevel.PARTIAL) partial++;
            }
            heading(pdf, t(lang, "gaps.pdf.summary"), 12);
            pdf.paragraph(t(lang, "gaps.pdf.summaryText", m.cellCount(), full, partial, m.uncoveredCount()), 9.5f, PdfBuilder.TEXT);
            pdf.gap(8);

            // needs × age bands: uncovered segments out of segments in the band
            heading(pdf, t(lang, "gaps.pdf.byBand"), 12);
            pdf.paragraph(t(lang, "gaps.pdf.byBandHint"), 8, PdfBuilder.MUTED, 0);
            List<AgeBand> bands = m.config().bands();
            float[] weights = new float[bands.size() + 1];
            weights[0] = 3.2f;
            for (int i = 1; i < weights.length; i++) weights[i] = 1f;
            List<String> header = new ArrayList<>();
            header.add(t(lang, "gaps.pdf.need"));
            bands.forEach(b -> header.add(b.label()));
            PdfBuilder.Table table = new PdfBuilder.Table(weights).fontSize(8).header(header.stream().map(PdfBuilder.Cell::of).toList());
            for (int n = 0; n < m.needs().size(); n++) {
                List<String> cells = new ArrayList<>();
                List<Color> bgs = new ArrayList<>();
                cells.add(GapTexts.name(lang, m.needs().get(n)));
                bgs.add(null);
                for (int b = 0; b < bands.size(); b++) {
                    int total = 0;
                    int none = 0;
                    CoverageLevel worst = CoverageLevel.FULL;
                    for (Segment s : m.segments()) {
                        if (s.bandIndex() != b) continue;
                        total++;
                        CoverageLevel l = m.level(s.index(), n);
                        if (l == CoverageLevel.NONE) none++;
                        if (rank(l) < rank(worst)) worst = l;
                    }
                    cells.add(GapTexts.symbol(worst) + " " + none + "/" + total);
                    bgs.add(worst == CoverageLevel.NONE ? new Color(0.99f, 0.87f, 0.80f) : worst == CoverageLevel.PARTIAL
                            ? new Color(0.87f, 0.93f, 0.98f) : new Color(0.84f, 0.91f, 0.96f));
                }
                List<PdfBuilder.Cell> row = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) row.add(new PdfBuilder.Cell(cells.get(i), bgs.get(i), null, null));
                table.row(row);
            }
            pdf.table(table);
            pdf.paragraph(t(lang, "gaps.pdf.legend"), 7.5f, PdfBuilder.MUTED, 0);
            pdf.gap(8);

            heading(pdf, t(lang, "gaps.pdf.uncovered"), 12);
            if (m.uncoveredCount() == 0) pdf.paragraph(t(lang, "gaps.pdf.noneUncovered"), 9.5f, PdfBuilder.TEXT);
            for (int n = 0; n < m.needs().size(); n++) {
                Need need = m.needs().get(n);
                List<Segment> open = new ArrayList<>();
                Map<ReasonGroup, Integer> reasons = new EnumMap<>(ReasonGroup.class);
                boolean noProducts = false;
                for (Segment s : m.segments()) {
                    if (m.level(s.index(), n) != CoverageLevel.NONE) continue;
                    open.add(s);
                    CellDetail d = m.detail(s.index(), n);
                    if (d.failing().isEmpty()) noProducts = true;
                    d.failing().forEach((g, list) -> reasons.merge(g, list.size(), Math::max));
                }
                if (open.isEmpty()) continue;
                pdf.paragraph(t(lang, "gaps.pdf.needLine", GapTexts.name(lang, need), open.size(), m.segments().size()), 9.5f, PdfBuilder.TEXT, 0);
                String named = Format.clauses(lang, open.stream().limit(NAMED_PER_NEED).map(s -> GapTexts.segment(lang, s)).toList());
                if (open.size() > NAMED_PER_NEED) named += " " + t(lang, "gaps.pdf.more", open.size() - NAMED_PER_NEED);
                pdf.paragraph(named, 8, PdfBuilder.TEXT, 12);
                String why = reasons.entrySet().stream().map(e -> t(lang, "gaps.pdf.reasonCount", GapTexts.group(lang, e.getKey()), e.getValue()))
                        .collect(Collectors.joining(" · "));
                if (noProducts && why.isEmpty()) why = t(lang, "gaps.reason.noProducts");
                pdf.paragraph(t(lang, "gaps.pdf.why", why), 8, PdfBuilder.MUTED, 12);
                pdf.gap(3);
            }

            if (!drafts.isEmpty() && diff != null) {
                pdf.gap(6);
                heading(pdf, t(lang, "gaps.pdf.drafts"), 12);
                pdf.paragraph(t(lang, "gaps.pdf.draftsSample", Format.join(lang, drafts.stream().map(p -> p.name().get(lang)).toList())), 8.5f, PdfBuilder.SAMPLE, 0);
                pdf.paragraph(t(lang, "gaps.diff.summary", diff.closes().size(), diff.improves().size(), diff.changes().size()), 9.5f, PdfBuilder.TEXT);
                Map<Need, List<String>> byNeed = new LinkedHashMap<>();
                for (GapDiff.Change ch : diff.closes()) {
                    byNeed.computeIfAbsent(ch.after().need(), k -> new ArrayList<>()).add(GapTexts.segment(lang, ch.after().segment()));
                }
                for (Map.Entry<Need, List<String>> e : byNeed.entrySet()) {
                    String list = Format.clauses(lang, e.getValue().stream().limit(NAMED_PER_NEED).toList());
                    if (e.getValue().size() > NAMED_PER_NEED) list += " " + t(lang, "gaps.pdf.more", e.getValue().size() - NAMED_PER_NEED);
                    pdf.paragraph("+ " + GapTexts.name(lang, e.getKey()) + ": " + list, 8, PdfBuilder.TEXT, 12);
                }
            }

            pdf.gap(8);
            heading(pdf, t(lang, "gaps.pdf.sources"), 11);
            for (DatasetInfo d : catalog.datasets()) {
                pdf.paragraph(hk.baycover.i18n.SourceText.dataset(d, lang), 8, PdfBuilder.TEXT);
            }
            if (catalog.products().stream().anyMatch(Product::sample)) pdf.paragraph(t(lang, "gaps.pdf.sampleNote"), 8, PdfBuilder.SAMPLE, 0);
            pdf.paragraph(t(lang, "gaps.pdf.fxNote"), 8, PdfBuilder.MUTED, 0);

            pdf.footer(t(lang, "gaps.pdf.footer", asOf)).pageLabel((i, n) -> t(lang, "gaps.pdf.page", i, n)).save(out);
        }
    }

    /** A heading in the accent colour (this report's headings carry no rule). */
    private static void heading(PdfBuilder pdf, String text, float size) {
        pdf.title(text, size);
        pdf.gap(2);
    }

    private static int rank(CoverageLevel l) {
        return l == CoverageLevel.FULL ? 2 : l == CoverageLevel.PARTIAL ? 1 : 0;
    }

    private static String t(Lang lang, String key, Object... args) {
        return I18n.get(lang, key, args);
    }
}
