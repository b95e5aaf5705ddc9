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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

            summary(pdf, m, o);
            pdf.newPage();
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

    /** Body text of the summary page: large enough for a reader of any age (as the proposal's). */
    static final float BODY = 12.5f;
    /** A summary line quotes at most this many characters of a table cell; the table has the rest. */
    private static final int MAX_QUOTE = 150;
    /** How many unpublished terms are named per product before "and n more". */
    private static final int NAMED_UNPUBLISHED = 6;

    /**
     * Page 1 in plain words, derived from the matrix the table shows: which products are compared and for whom, whether
     * the client may join each, what differs (承保協同: who underwrites, sells, services and funds; 服務聯動: direct billing
     * and claim channels; premiums, known or to be quoted; limits; the 港澳藥械通 stance), and what is not published and
     * must be confirmed with the insurer. No ids, no codes; in a Chinese summary a table text that exists only in English
     * is referred to the table instead of quoted.
     */
    static void summary(PdfBuilder pdf, ComparisonMatrix m, Options o) {
        Lang lang = o.lang();
        List<String> names = m.columns().stream().map(c -> Texts.get(c.name(), lang)).toList();
        Set<String> proper = properNames(m);
        pdf.paragraph(t(lang, "compare.sum.title"), 22, PdfBuilder.ACCENT);
        pdf.paragraph(t(lang, "compare.sum.intro", names.size(), Format.join(lang, names)), BODY, PdfBuilder.TEXT);
        pdf.paragraph(t(lang, "compare.sum.date", m.on().toString(), o.dataAsOf() == null ? "—" : o.dataAsOf()), BODY, PdfBuilder.TEXT);
        if (m.hasSample()) pdf.paragraph(t(lang, "compare.sum.sample", t(lang, "sample.badge")), BODY, PdfBuilder.SAMPLE);
        pdf.paragraph(t(lang, "compare.neutral"), BODY, PdfBuilder.MUTED);
        pdf.gap(4);

        pdf.heading(t(lang, "compare.sum.products"), 15);
        for (Column c : m.columns()) {
            String provider = Texts.get(c.provider(), lang);
            String kind = I18n.enumName(lang, c.kind());
            pdf.paragraph("• " + (provider.isBlank() ? t(lang, "compare.sum.productNoProvider", Texts.get(c.name(), lang), kind)
                    : t(lang, "compare.sum.product", Texts.get(c.name(), lang), kind, provider)), BODY, PdfBuilder.TEXT, 8);
        }

        pdf.heading(t(lang, "compare.sum.forWhom"), 15);
        pdf.paragraph(clientSentence(m.request(), lang), BODY, PdfBuilder.TEXT);
        if (m.request().hasClient()) {
            // products with the same verdict for the same reasons share one sentence
            Map<String, List<Column>> verdicts = new LinkedHashMap<>();
            for (Column c : m.columns()) {
                String why = Format.clauses(lang, c.why().stream().map(w -> Texts.get(w, lang)).toList());
                String key = c.eligible() ? "compare.sum.eligible" : c.unconfirmed() ? "compare.sum.unconfirmed" : "compare.sum.ineligible";
                verdicts.computeIfAbsent(key + "|" + why, k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<String, List<Column>> e : verdicts.entrySet()) {
                String key = e.getKey().substring(0, e.getKey().indexOf('|'));
                String why = e.getKey().substring(e.getKey().indexOf('|') + 1);
                String who = Format.join(lang, e.getValue().stream().map(c -> Texts.get(c.name(), lang)).toList());
                Color color = key.endsWith(".eligible") ? PdfBuilder.TEXT : key.endsWith(".unconfirmed") ? PdfBuilder.SAMPLE : PdfBuilder.ERROR;
                pdf.paragraph("• " + t(lang, key, who, why), BODY, color, 8);
            }
        }

        pdf.heading(t(lang, "compare.sum.differs"), 15);
        for (RowGroup g : List.of(RowGroup.UNDERWRITING, RowGroup.SERVICE, RowGroup.PREMIUM, RowGroup.BENEFITS, RowGroup.GBA_ITEMS)) {
            List<Row> rows = m.rows(g).stream().filter(r -> inSummary(r)).toList();
            if (rows.isEmpty()) continue;
            pdf.paragraph(t(lang, "compare.sum.group." + g.name()), 13.5f, PdfBuilder.ACCENT);
            for (Row r : rows) {
                String label = rowName(r, lang);
                if (!r.differs()) {
                    hk.baycover.compare.Cell any = r.cells().get(0);
                    String text = any.published() ? cellText(any, lang, proper) : t(lang, "compare.sum.noneStates");
                    pdf.paragraph("• " + t(lang, "compare.sum.same", label, text), BODY, PdfBuilder.TEXT, 8);
                    continue;
                }
                pdf.paragraph("• " + label, BODY, PdfBuilder.TEXT, 8);
                // products that say the same share one line
                Map<String, List<Column>> same = new LinkedHashMap<>();
                Map<String, hk.baycover.compare.Cell> cellOf = new java.util.HashMap<>();
                for (Column c : m.columns()) {
                    hk.baycover.compare.Cell cell = r.cell(c.productId());
                    String text = cellText(cell, lang, proper) + (cell.sample() ? " [" + t(lang, "sample.badge") + "]" : "");
                    same.computeIfAbsent(text, k -> new ArrayList<>()).add(c);
                    cellOf.putIfAbsent(text, cell);
                }
                for (Map.Entry<String, List<Column>> e : same.entrySet()) {
                    hk.baycover.compare.Cell cell = cellOf.get(e.getKey());
                    String who = Format.join(lang, e.getValue().stream().map(c -> Texts.get(c.name(), lang)).toList());
                    pdf.paragraph(t(lang, "compare.sum.productSays", who, e.getKey()), BODY,
                            cell.sample() ? PdfBuilder.SAMPLE : cell.published() ? PdfBuilder.TEXT : PdfBuilder.MUTED, 24);
                }
            }
        }

        pdf.heading(t(lang, "compare.sum.unpublished"), 15);
        boolean any = false;
        for (Column c : m.columns()) {
            List<String> missing = new ArrayList<>();
            for (RowGroup g : CONFIRM_ORDER) {
                for (Row r : m.rows(g)) {
                    if (r.key().endsWith(".note") || r.key().endsWith(".summary")) continue;
                    if (!r.cell(c.productId()).published()) missing.add(rowName(r, lang));
                }
            }
            if (missing.isEmpty()) continue;
            any = true;
            String list = Format.join(lang, missing.subList(0, Math.min(NAMED_UNPUBLISHED, missing.size())));
            if (missing.size() > NAMED_UNPUBLISHED) list += t(lang, "compare.sum.more", missing.size() - NAMED_UNPUBLISHED);
            pdf.paragraph("• " + t(lang, "compare.sum.notPublished", Texts.get(c.name(), lang), list), BODY, PdfBuilder.TEXT, 8);
        }
        pdf.paragraph(any ? t(lang, "compare.sum.confirm") : t(lang, "compare.sum.allPublished"), BODY, PdfBuilder.TEXT);
        pdf.paragraph(t(lang, "compare.sum.details"), BODY, PdfBuilder.MUTED);
    }

    /** Unpublished terms are named in this order: what the client pays and whether they may join come first. */
    private static final List<RowGroup> CONFIRM_ORDER = List.of(RowGroup.PREMIUM, RowGroup.ELIGIBILITY, RowGroup.GBA_ITEMS, RowGroup.BENEFITS,
            RowGroup.UNDERWRITING, RowGroup.SERVICE, RowGroup.ELDERLY_CARE);

    /** A cell in a sentence: its text quoted, or "not published" in the summary's own words. */
    private static String cellText(hk.baycover.compare.Cell cell, Lang lang, Set<String> proper) {
        String text = cell.text(lang);
        if (!cell.published() && text.equals(I18n.get(lang, "notPublished"))) return t(lang, "compare.sum.notPublishedCell");
        return quote(text, lang, proper);
    }

    /** The rows the summary speaks of: who does what, direct billing and claims, the premium, annual limits, 港澳藥械通. */
    private static boolean inSummary(Row r) {
        String k = r.key();
        return switch (r.group()) {
            case UNDERWRITING -> !k.endsWith(".summary");
            case SERVICE -> k.equals("service.directBilling") || k.equals("service.claimChannels");
            case PREMIUM -> k.equals("premium.annual");
            case BENEFITS -> k.endsWith(".annualLimit");
            case GBA_ITEMS -> k.startsWith("gba.") && !k.equals("gba.designatedNetwork");
            default -> false;
        };
    }

    /** A row's name for a sentence: its label, after the need it belongs to ("住院 · 每年保障限額"). */
    private static String rowName(Row r, Lang lang) {
        String label = r.label(lang);
        return r.section() == null ? label : Texts.get(r.section(), lang) + " · " + label;
    }

    /**
     * A table cell quoted in a sentence: lines joined, long texts shortened (the table has them whole); in a Chinese
     * summary a text that is English beyond proper names is not quoted but referred to the table.
     */
    static String quote(String text, Lang lang, Set<String> proper) {
        // lines joined by a semicolon: a full stop before it goes ("…公布。；…" reads as a typo)
        String s = Format.clauses(lang, text.lines().map(String::strip).filter(x -> !x.isEmpty())
                .map(x -> x.endsWith("\u3002") || x.endsWith(".") ? x.substring(0, x.length() - 1) : x).toList());
        if (lang != Lang.EN && englishBeyondNames(s, proper)) return t(lang, "compare.sum.englishOnly");
        if (s.codePointCount(0, s.length()) > MAX_QUOTE) s = s.substring(0, s.offsetByCodePoints(0, MAX_QUOTE)) + "……";
        return s;
    }

    private static final java.util.regex.Pattern ENGLISH_RUN = java.util.regex.Pattern.compile("[A-Za-z]{2,}(?:[ ,;:'’()&/-]+[A-Za-z]{2,}){2,}");

    static boolean englishBeyondNames(String s, Set<String> proper) {
        java.util.regex.Matcher w = ENGLISH_RUN.matcher(s.replaceAll("https?://\\S+", " "));
        while (w.find()) {
            String run = w.group();
            if (proper.stream().noneMatch(n -> n.contains(run))) return true;
        }
        return false;
    }

    /** English proper names the matrix shows: products, providers and the parties of each arrangement. */
    private static Set<String> properNames(ComparisonMatrix m) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Column c : m.columns()) {
            if (c.name() != null && c.name().en() != null) out.add(c.name().en());
            if (c.provider() != null && c.provider().en() != null) out.add(c.provider().en());
        }
        for (Row r : m.rows(RowGroup.UNDERWRITING)) {
            for (hk.baycover.compare.Cell cell : r.cells()) {
                if (!(cell.value() instanceof List<?> parties)) continue;
                for (Object x : parties) {
                    if (x instanceof java.util.Map<?, ?> party && party.get("name") instanceof LocalizedText n && n.en() != null) out.add(n.en());
                }
            }
        }
        return out;
    }

    /** "For a client aged 72, female, Hong Kong permanent resident, living in Shenzhen, without Shenzhen medical insurance." */
    static String clientSentence(ComparisonRequest r, Lang lang) {
        if (!r.hasClient()) return t(lang, "compare.sum.noClient");
        List<String> who = new ArrayList<>();
        who.add(r.age() != null ? t(lang, "compare.age", r.age()) : t(lang, "compare.born", r.birthDate().toString()));
        if (r.sex() != null) who.add(I18n.enumName(lang, r.sex()));
        return t(lang, "compare.sum.client", Format.join(lang, who), I18n.enumName(lang, r.residency()), I18n.enumName(lang, r.livesIn()),
                I18n.enumName(lang, r.szInsurance()));
    }

    static String client(ComparisonRequest r, Lang lang) {
        if (!r.hasClient()) return t(lang, "compare.pdf.noClient");
        List<String> parts = new ArrayList<>();
        parts.add(r.age() != null ? t(lang, "compare.age", r.age()) : t(lang, "compare.born", r.birthDate().toString()));
        if (r.sex() != null) parts.add(I18n.enumName(lang, r.sex()));
        String who = Format.join(lang, parts);
        return t(lang, "compare.pdf.client", who, I18n.enumName(lang, r.residency()), I18n.enumName(lang, r.livesIn()), I18n.enumName(lang, r.szInsurance()));
    }

    private static String t(Lang lang, String key, Object... args) {
        return I18n.get(lang, key, args);
    }
}
