package hk.baycover.report;

import hk.baycover.compare.Format;
import hk.baycover.compare.Column;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.Row;
import hk.baycover.compare.RowGroup;
import hk.baycover.compare.Texts;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.report.PdfBuilder.Cell;

import java.io.IOException;
import java.io.OutputStream;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The comparison as a PDF: A4 landscape in the chosen language, CJK font embedded, products in the order picked (no
 * ranking), rows grouped as on screen, differing cells shaded, sample figures labelled next to the figure, the Sources
 * rows with every URL and as-of date, the data's as-of date in every page's footer and page numbers.
 */
public final class ComparisonPdf {

    /** What to print: the language, whether only differing rows are shown, and the data's as-of date for the footer. */
    public record Options(Lang lang, boolean onlyDifferences, String dataAsOf) {
    }

    private ComparisonPdf() {
    }

    /** Writes the PDF to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(ComparisonMatrix m, Options o, OutputStream out, ProgressMonitor monitor) throws IOException {
        Lang lang = o.lang();
        try (PdfBuilder pdf = new PdfBuilder(PdfBuilder.Orientation.LANDSCAPE, 36f)) {
            String names = Format.join(lang, m.columns().stream().map(c -> Texts.get(c.name(), lang)).toList());
            pdf.metadata(t(lang, "compare.pdf.title") + ": " + names, t(lang, "compare.pdf.subject"), lang.tag());
            pdf.footer(t(lang, "compare.pdf.footer", o.dataAsOf() == null ? "—" : o.dataAsOf(), m.on().toString()));
            pdf.pageLabel((n, total) -> t(lang, "compare.pdf.page", n, total));

            pdf.title(t(lang, "compare.pdf.title"), 16);
            pdf.paragraph(names, 11, PdfBuilder.BLACK);
            pdf.paragraph(t(lang, "compare.pdf.generated", m.on().toString(), o.dataAsOf() == null ? "—" : o.dataAsOf()) + "  " + client(m.request(), lang), 8.5f, PdfBuilder.MUTED);
            pdf.paragraph(t(lang, "compare.neutral"), 8.5f, PdfBuilder.MUTED);
            for (Column c : m.ineligible()) {
                pdf.paragraph(t(lang, "compare.ineligibleLine", Texts.get(c.name(), lang),
                        Format.clauses(lang, c.why().stream().map(w -> Texts.get(w, lang)).toList())), 8.5f, PdfBuilder.ERROR);
            }
            for (Column c : m.unconfirmed()) {
                pdf.paragraph(t(lang, "compare.unconfirmedLine", Texts.get(c.name(), lang),
                        Format.clauses(lang, c.why().stream().map(w -> Texts.get(w, lang)).toList())), 8.5f, PdfBuilder.MUTED);
            }
            pdf.paragraph(t(lang, "compare.pdf.legend", t(lang, "sample.badge")) + (o.onlyDifferences() ? "  " + t(lang, "compare.pdf.onlyDifferences") : ""), 8.5f, PdfBuilder.MUTED);
            pdf.space(4);

            int n = m.columns().size();
            float[] weights = new float[n + 1];
            weights[0] = 1.3f;
            for (int i = 1; i <= n; i++) weights[i] = (n <= 3 ? 2.2f : 1.6f);
            PdfBuilder.Table table = new PdfBuilder.Table(weights).fontSize(n > 4 ? 7f : 7.5f);
            List<Cell> header = new ArrayList<>();
            header.add(Cell.of(t(lang, "compare.col.dimension")));
            for (Column c : m.columns()) {
                String h = Texts.get(c.name(), lang) + "\n" + I18n.enumName(lang, c.kind());
                if (c.provider() != null) h += " · " + Texts.get(c.provider(), lang);
                if (c.checked()) h += "\n" + t(lang, c.statusKey());
                header.add(new Cell(h, c.eligible() ? null : PdfBuilder.GREY_BG, null, c.sample() ? t(lang, "sample.badge") : null));
            }
            table.header(header);
            List<Row> rows = o.onlyDifferences() ? m.differingRows() : m.rows();
            RowGroup group = null;
            LocalizedText section = null;
            int done = 0;
            for (Row r : rows) {
                monitor.checkCancelled();
                if (r.group() != group) {
                    group = r.group();
                    section = null;
                    table.span(new Cell(t(lang, "compare.group." + group.name()), PdfBuilder.GROUP_BG, PdfBuilder.BLACK, null));
                }
                if (r.section() != null && !Objects.equals(r.section(), section)) {
                    section = r.section();
                    table.span(new Cell(Texts.get(section, lang), PdfBuilder.SECTION_BG, PdfBuilder.BLACK, null));
                }
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.of(r.label(lang)));
                for (Column c : m.columns()) {
                    hk.baycover.compare.Cell cell = r.cell(c.productId());
                    Color bg = cell.differs() ? PdfBuilder.DIFF_BG : !c.eligible() ? PdfBuilder.GREY_BG : null;
                    Color color = cell.published() ? null : PdfBuilder.MUTED;
                    cells.add(new Cell(cell.text(lang), cell.sample() ? PdfBuilder.SAMPLE_BG : bg, color, cell.sample() ? t(lang, "sample.badge") : null));
                }
                table.row(cells);
                monitor.progress(++done, rows.size() + 1L, null);
            }
            pdf.table(table);
            if (rows.isEmpty()) pdf.paragraph(t(lang, "compare.noDifferences"), 9, PdfBuilder.MUTED);
            pdf.save(out);
            monitor.progress(rows.size() + 1L, rows.size() + 1L, null);
        }
    }

    static String client(ComparisonRequest r, Lang lang) {
        if (!r.hasClient()) return t(lang, "compare.pdf.noClient");
        String who = r.age() != null ? t(lang, "compare.age", r.age()) : t(lang, "compare.born", r.birthDate().toString());
        if (r.sex() != null) who += ", " + I18n.enumName(lang, r.sex());
        return t(lang, "compare.pdf.client", who, I18n.enumName(lang, r.residency()), I18n.enumName(lang, r.livesIn()), I18n.enumName(lang, r.szInsurance()));
    }

    private static String t(Lang lang, String key, Object... args) {
        return I18n.get(lang, key, args);
    }
}
