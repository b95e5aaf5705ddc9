package hk.baycover.report;

import hk.baycover.model.UserError;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one PDF builder of every BayCover document (the proposal, the comparison, the gap report): A4 pages, portrait or
 * landscape, an embedded CJK TrueType font found by {@link CjkFonts} (subset, so the text stays extractable), wrapped
 * paragraphs that break between CJK characters and between Latin words, tables that flow across pages with the header
 * repeated, drawing helpers for charts, a running footer with "page X of Y", and the finished file. Documents only say
 * what to write; this class decides where it goes. Without a usable font it fails with a message naming the font and
 * how to install it ({@code report.noFont}).
 */
public final class PdfBuilder implements Closeable {

    public enum Orientation { PORTRAIT, LANDSCAPE }

    public static final Color TEXT = new Color(0x22, 0x22, 0x22);
    public static final Color BLACK = Color.BLACK;
    public static final Color MUTED = new Color(0x5b, 0x66, 0x66);
    public static final Color ACCENT = new Color(0x0b, 0x6e, 0x69);
    public static final Color SAMPLE = new Color(0x8a, 0x5a, 0x00);
    public static final Color RULE = new Color(0xc9, 0xd1, 0xd1);
    public static final Color ERROR = new Color(0xa4, 0x26, 0x2c);
    public static final Color HEADER_BG = new Color(0xe3, 0xf0, 0xed);
    public static final Color GROUP_BG = new Color(0xcc, 0xe3, 0xe0);
    public static final Color SECTION_BG = new Color(0xf0, 0xf2, 0xf2);
    public static final Color DIFF_BG = new Color(0xe8, 0xf5, 0xff);
    public static final Color SAMPLE_BG = new Color(0xff, 0xf2, 0xd6);
    public static final Color GREY_BG = new Color(0xed, 0xed, 0xed);

    private static final float FOOTER = 30f;
    private static final float PAD = 3f;

    /**
     * A table cell: its text, an optional background and text colour, and an optional badge printed under the text in
     * the sample colour (e.g. "sample").
     */
    public record Cell(String text, Color background, Color color, String badge) {
        public Cell(String text, Color color) {
            this(text, null, color, null);
        }

        public static Cell of(String text) {
            return new Cell(text, null, null, null);
        }
    }

    /** How a table is drawn: every cell boxed, or rows separated by a rule under a tinted header. */
    public enum TableStyle { GRID, RULED }

    /** A table: relative column weights, a header repeated on every page it spans, rows and full-width rows. */
    public static final class Table {
        private final float[] weights;
        private final List<List<Cell>> rows = new ArrayList<>();
        private List<Cell> header = List.of();
        private float fontSize = 8f;
        private TableStyle style = TableStyle.GRID;

        public Table(float... weights) {
            this.weights = weights.clone();
        }

        public Table header(List<Cell> cells) {
            this.header = List.copyOf(cells);
            return this;
        }

        public Table row(List<Cell> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        /** A row of one cell across the whole table (a group or section title). */
        public Table span(Cell cell) {
            rows.add(List.of(cell));
            return this;
        }

        public Table fontSize(float size) {
            this.fontSize = size;
            return this;
        }

        public Table style(TableStyle s) {
            this.style = s;
            return this;
        }

        public int size() { return rows.size(); }
    }

    private final PDDocument doc = new PDDocument();
    private final CjkFonts.Loaded fonts;
    private final PDType0Font font;
    private final PDRectangle size;
    private final float margin;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private String footer = "";
    private BiFunction<Integer, Integer, String> pageLabel = (n, total) -> n + " / " + total;

    /** Opens a document on A4 with the given margin; throws a {@link UserError} naming the font when none is installed. */
    public PdfBuilder(Orientation orientation, float margin) {
        this.size = orientation == Orientation.LANDSCAPE ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        this.margin = margin;
        try {
            fonts = CjkFonts.load(doc);
        } catch (RuntimeException e) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // nothing was written
            }
            throw e;
        }
        font = fonts.font();
    }

    /** Title, subject and language (e.g. "zh-HK") of the document; creator and producer say BayCover. */
    public PdfBuilder metadata(String title, String subject, String language) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("BayCover");
        info.setProducer("BayCover (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
        doc.getDocumentCatalog().setLanguage(language);
        return this;
    }

    /** Text at the bottom left of every page (e.g. the data's as-of date); up to two lines. */
    public PdfBuilder footer(String text) {
        this.footer = text == null ? "" : text;
        return this;
    }

    /** How "page n of N" reads in the document's language. */
    public PdfBuilder pageLabel(BiFunction<Integer, Integer, String> label) {
        this.pageLabel = label;
        return this;
    }

    public PDDocument document() { return doc; }

    public PDType0Font font() { return font; }

    /** The font file embedded. */
    public Path fontFile() { return fonts.file(); }

    /** The width text may take between the margins. */
    public float width() { return size.getWidth() - 2 * margin; }

    public float left() { return margin; }

    /** The cursor: the top of what comes next. */
    public float y() { return y; }

    public int pages() { return doc.getNumberOfPages(); }

    // pages -----------------------------------------------------------------------------------------------------------

    public void newPage() {
        try {
            closeStream();
            page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - margin;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    public void ensure(float height) {
        if (page == null || y - height < margin + FOOTER) newPage();
    }

    /** Moves the cursor down (a new page comes only with what is drawn next). */
    public void gap(float points) {
        y -= points;
    }

    /** Moves the cursor down, starting a new page if the space does not fit. */
    public void space(float points) {
        ensure(points);
        y -= points;
    }

    private void closeStream() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    // text ------------------------------------------------------------------------------------------------------------

    /** Text with every character the font cannot draw replaced by a close equivalent (or '?'). */
    public String safe(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                b.append('\n');
            } else if (cp == '\t' || cp == '\r') {
                b.append(' ');
            } else if (Character.isISOControl(cp)) {
                continue;
            } else if (glyphs.computeIfAbsent(cp, fonts::has)) {
                b.appendCodePoint(cp);
            } else {
                b.append(replacement(cp));
            }
        }
        return b.toString();
    }

    private String replacement(int cp) {
        switch (cp) {
            case 0x2013: case 0x2014: case 0x2012: case 0x2212: case 0x2205: return "-";
            case 0x2018: case 0x2019: return "'";
            case 0x201C: case 0x201D: return "\"";
            case 0x2027: case 0x30FB: case 0x00B7: case 0x2022: return glyphs.computeIfAbsent(0x00B7, fonts::has) ? "\u00B7" : ".";
            case 0x2026: return "...";
            case 0x2192: return "->";
            case 0x2264: return "<=";
            case 0x2265: return ">=";
            case 0x2248: return "~";
            case 0x00A0: case 0x202F: case 0x2009: return " ";
            case 0x25CF: return "*";   // ● full cover
            case 0x25D0: return "~";   // ◐ partial cover
            case 0x2715: return "x";   // ✕ no cover
            default: return "?";
        }
    }

    /** The width of {@code text} at {@code fontSize}, in points. */
    public float textWidth(String text, float fontSize) {
        String s = safe(text);
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += widths.computeIfAbsent(cp, c -> {
                try {
                    return font.getStringWidth(new String(Character.toChars(c)));
                } catch (IOException | IllegalArgumentException e) {
                    return 500f;
                }
            });
        }
        return w / 1000f * fontSize;
    }

    /** Splits text into lines no wider than {@code maxWidth}: breaks between CJK characters, at spaces in Latin text, long words by character. */
    public List<String> wrap(String text, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : safe(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineW = 0;
            for (String tok : hk.baycover.i18n.LineBreaks.tokens(para)) {
                float w = textWidth(tok, fontSize);
                if (lineW + w <= maxWidth || line.length() == 0 && w <= maxWidth) {
                    if (line.length() == 0 && tok.isBlank()) continue;
                    line.append(tok);
                    lineW += w;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    lineW = 0;
                }
                if (tok.isBlank()) continue;
                if (w <= maxWidth) {
                    line.append(tok);
                    lineW = w;
                } else {
                    for (int i = 0; i < tok.length(); ) {
                        int cp = tok.codePointAt(i);
                        String ch = new String(Character.toChars(cp));
                        float cw = textWidth(ch, fontSize);
                        if (lineW + cw > maxWidth && line.length() > 0) {
                            lines.add(line.toString());
                            line.setLength(0);
                            lineW = 0;
                        }
                        line.append(ch);
                        lineW += cw;
                        i += Character.charCount(cp);
                    }
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Draws one line of text at an absolute position (no wrapping). */
    public void textAt(String text, float x, float baseline, float fontSize, Color color) {
        String s = safe(text).replace('\n', ' ');
        if (s.isEmpty()) return;
        try {
            out.beginText();
            out.setFont(font, fontSize);
            out.setNonStrokingColor(color == null ? TEXT : color);
            out.newLineAtOffset(x, baseline);
            out.showText(s);
            out.endText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A wrapped paragraph at the cursor, flowing onto new pages as needed. */
    public void paragraph(String text, float fontSize, Color color) {
        paragraph(text, fontSize, color, 0);
    }

    public void paragraph(String text, float fontSize, Color color, float indent) {
        float leading = fontSize * 1.35f;
        for (String line : wrap(text, fontSize, width() - indent)) {
            ensure(leading);
            y -= leading;
            textAt(line, left() + indent, y + fontSize * 0.25f, fontSize, color);
        }
    }

    /** A section heading in the accent colour with a rule under it. */
    public void heading(String text, float fontSize) {
        ensure(fontSize * 3f);
        y -= fontSize * 0.6f;
        paragraph(text, fontSize, ACCENT);
        line(left(), y - 3, left() + width(), y - 3, RULE, 0.8f);
        y -= 8;
    }

    /** A title in the accent colour, without a rule. */
    public void title(String text, float fontSize) {
        paragraph(text, fontSize, ACCENT);
        y -= 2;
    }

    // tables ----------------------------------------------------------------------------------------------------------

    /**
     * A ruled table: a tinted header row (repeated on every page the table spans) and a rule under every row;
     * {@code widths} are fractions of the text width.
     */
    public void table(float[] widths, List<String> header, List<List<Cell>> rows, float fontSize) {
        Table t = new Table(widths).fontSize(fontSize).style(TableStyle.RULED).header(header.stream().map(h -> new Cell(h, ACCENT)).toList());
        rows.forEach(t::row);
        table(t);
        y -= 4;
    }

    public void table(Table t) {
        float total = 0;
        for (float w : t.weights) total += w;
        float[] cols = new float[t.weights.length];
        for (int i = 0; i < cols.length; i++) cols[i] = width() * t.weights[i] / total;
        float leading = t.fontSize * 1.3f;
        if (!t.header.isEmpty()) {
            ensure(rowHeight(t.header, cols, t.fontSize, leading) + 3 * leading);
            drawRow(t.header, cols, leading, true, t);
        }
        for (List<Cell> row : t.rows) drawRow(row, cols, leading, false, t);
    }

    private float rowHeight(List<Cell> row, float[] cols, float fs, float leading) {
        int max = 1;
        for (int i = 0; i < row.size(); i++) max = Math.max(max, lines(row.get(i), widthOf(row, i, cols), fs).size());
        return max * leading + 2 * PAD;
    }

    private float widthOf(List<Cell> row, int i, float[] cols) {
        return row.size() == 1 ? width() : cols[i];
    }

    private List<String> lines(Cell c, float w, float fs) {
        List<String> l = new ArrayList<>(wrap(c.text() == null ? "" : c.text(), fs, w - 2 * PAD));
        if (c.badge() != null) l.addAll(wrap("[" + c.badge() + "]", fs, w - 2 * PAD));
        return l;
    }

    /** Draws a row, continuing on the next page (with the header again) when it does not fit. */
    private void drawRow(List<Cell> row, float[] cols, float leading, boolean isHeader, Table t) {
        float fs = t.fontSize;
        List<List<String>> cellLines = new ArrayList<>();
        int max = 1;
        for (int i = 0; i < row.size(); i++) {
            List<String> l = lines(row.get(i), widthOf(row, i, cols), fs);
            cellLines.add(l);
            max = Math.max(max, l.size());
        }
        int from = 0;
        while (from < max) {
            float available = y - (margin + FOOTER) - 2 * PAD;
            int fit = (int) Math.floor(available / leading);
            if (page == null || fit < 1 || (from == 0 && fit < Math.min(max, 3) && y < size.getHeight() - margin - 40)) {
                newPage();
                if (!isHeader && !t.header.isEmpty()) drawRow(t.header, cols, leading, true, t);
                continue;
            }
            int n = Math.min(fit, max - from);
            float h = n * leading + 2 * PAD;
            float x = left();
            if (t.style == TableStyle.RULED && isHeader) rect(left(), y - h, width(), h, HEADER_BG, null);
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                float w = widthOf(row, i, cols);
                if (t.style == TableStyle.GRID) {
                    Color bg = c.background() != null ? c.background() : isHeader ? HEADER_BG : null;
                    rect(x, y - h, w, h, bg, RULE, 0.4f);
                } else if (c.background() != null) {
                    rect(x, y - h, w, h, c.background(), null);
                }
                List<String> l = cellLines.get(i);
                int textLines = c.text() == null ? 0 : wrap(c.text(), fs, w - 2 * PAD).size();
                for (int k = from; k < Math.min(l.size(), from + n); k++) {
                    Color color = k >= textLines ? SAMPLE : c.color() != null ? c.color() : TEXT;
                    textAt(l.get(k), x + PAD, y - PAD - fs - (k - from) * leading + 1, fs, color);
                }
                x += w;
            }
            if (t.style == TableStyle.RULED) line(left(), y - h, left() + width(), y - h, RULE, 0.5f);
            y -= h;
            from += n;
        }
    }

    // drawing ---------------------------------------------------------------------------------------------------------

    public void line(float x1, float y1, float x2, float y2, Color color, float lineWidth) {
        try {
            out.setStrokingColor(color);
            out.setLineWidth(lineWidth);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rectangle filled with {@code fill} and/or outlined with {@code stroke} (either may be null). */
    public void rect(float x, float y0, float w, float h, Color fill, Color stroke) {
        rect(x, y0, w, h, fill, stroke, 0.6f);
    }

    private void rect(float x, float y0, float w, float h, Color fill, Color stroke, float lineWidth) {
        try {
            if (fill != null) {
                out.setNonStrokingColor(fill);
                out.addRect(x, y0, w, h);
                out.fill();
            }
            if (stroke != null) {
                out.setStrokingColor(stroke);
                out.setLineWidth(lineWidth);
                out.addRect(x, y0, w, h);
                out.stroke();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reserves {@code height} points at the cursor (on a new page if needed) and returns the bottom of the box. */
    public float reserve(float height) {
        ensure(height);
        y -= height;
        return y;
    }

    // finishing -------------------------------------------------------------------------------------------------------

    /** Writes the footer and "page X of Y" on every page and returns the document. */
    public byte[] toBytes() {
        try {
            if (page == null) newPage();
            closeStream();
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    out = s;
                    float base = margin - 18;
                    line(left(), base + 12, left() + width(), base + 12, RULE, 0.5f);
                    String label = pageLabel.apply(i + 1, n);
                    float lw = textWidth(label, 8);
                    List<String> lines = wrap(footer, 7.5f, width() - lw - 20);
                    for (int k = 0; k < Math.min(2, lines.size()); k++) textAt(lines.get(k), left(), base - k * 7.5f * 1.25f, 7.5f, MUTED);
                    textAt(label, left() + width() - lw, base, 8, MUTED);
                }
                out = null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finishes the document (see {@link #toBytes()}) and writes it to {@code out} (files go through {@code io.SafeFiles}). */
    public void save(OutputStream out) throws IOException {
        out.write(toBytes());
    }

    @Override
    public void close() {
        try {
            closeStream();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure
        }
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing to release
        }
        try {
            fonts.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
