package hk.baycover.report;

import hk.baycover.model.UserError;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Shared PDF plumbing for BayCover reports (comparison, plan proposal…): A4 pages in either orientation, an embedded
 * CJK font ({@link CjkFonts}), text that wraps Chinese by character and Latin by word, headings and paragraphs, tables
 * whose header repeats on every page and whose rows may split across pages, a footer (e.g. data sources and as-of
 * date) and "page n of N" on every page, and an atomic save (temp file, then move). Not thread-safe: one per document.
 */
public final class PdfDocumentBuilder implements Closeable {

    public enum Orientation { PORTRAIT, LANDSCAPE }

    /** An RGB colour, components 0–1 (no AWT). */
    public record Rgb(float r, float g, float b) {
        public static final Rgb BLACK = new Rgb(0, 0, 0);
        public static final Rgb MUTED = new Rgb(0.36f, 0.40f, 0.40f);
        public static final Rgb ACCENT = new Rgb(0.04f, 0.43f, 0.41f);
        public static final Rgb HEADER_BG = new Rgb(0.89f, 0.94f, 0.93f);
        public static final Rgb GROUP_BG = new Rgb(0.80f, 0.89f, 0.88f);
        public static final Rgb SECTION_BG = new Rgb(0.94f, 0.95f, 0.95f);
        public static final Rgb DIFF_BG = new Rgb(0.91f, 0.96f, 1.0f);
        public static final Rgb SAMPLE = new Rgb(0.54f, 0.35f, 0.0f);
        public static final Rgb SAMPLE_BG = new Rgb(1.0f, 0.95f, 0.84f);
        public static final Rgb GREY_BG = new Rgb(0.93f, 0.93f, 0.93f);
        public static final Rgb BORDER = new Rgb(0.79f, 0.82f, 0.82f);
    }

    /** One table cell: text (may contain newlines), optional background, text colour and a trailing badge line. */
    public record TableCell(String text, Rgb background, Rgb color, String badge) {
        public static TableCell of(String text) {
            return new TableCell(text, null, null, null);
        }
    }

    /** A table: relative column widths, a header row repeated on each page, body rows; a row of one cell spans all columns. */
    public static final class Table {
        final float[] weights;
        final List<TableCell> header = new ArrayList<>();
        final List<List<TableCell>> rows = new ArrayList<>();
        float fontSize = 8f;

        public Table(float... weights) {
            this.weights = weights.clone();
        }

        public Table header(List<TableCell> cells) {
            header.clear();
            header.addAll(cells);
            return this;
        }

        public Table row(List<TableCell> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        /** A full-width row (group or section heading). */
        public Table span(TableCell cell) {
            rows.add(List.of(cell));
            return this;
        }

        public Table fontSize(float size) {
            this.fontSize = size;
            return this;
        }

        public int size() { return rows.size(); }
    }

    private static final float MARGIN = 36f;
    private static final float FOOTER_SPACE = 30f;
    private static final float PAD = 3f;

    private final PDDocument doc = new PDDocument();
    private final CjkFonts.Loaded loaded;
    private final PDType0Font font;
    private final PDRectangle size;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private String footer = "";
    private BiFunction<Integer, Integer, String> pageLabel = (n, total) -> n + " / " + total;

    /** Opens a document; throws a {@link UserError} naming the missing font when no CJK font is installed. */
    public PdfDocumentBuilder(Orientation orientation) {
        this.size = orientation == Orientation.LANDSCAPE ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        CjkFonts.Loaded l;
        try {
            l = CjkFonts.load(doc);
        } catch (RuntimeException e) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // nothing was written
            }
            throw e;
        }
        this.loaded = l;
        this.font = loaded.font();
    }

    public PdfDocumentBuilder metadata(String title, String subject, String language) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("BayCover");
        info.setProducer("BayCover (Apache PDFBox)");
        doc.getDocumentCatalog().setLanguage(language);
        return this;
    }

    /** Text printed at the bottom left of every page (e.g. "Sources: … · data as of …"). */
    public PdfDocumentBuilder footer(String text) {
        this.footer = text == null ? "" : text;
        return this;
    }

    /** How "page n of N" reads in the document's language. */
    public PdfDocumentBuilder pageLabel(BiFunction<Integer, Integer, String> label) {
        this.pageLabel = label;
        return this;
    }

    public float contentWidth() {
        return size.getWidth() - 2 * MARGIN;
    }

    public Path fontFile() { return loaded.file(); }

    // ------------------------------------------------------------------ flowing text

    public void heading(String text, float fontSize) {
        paragraph(text, fontSize, Rgb.ACCENT);
        y -= 2;
    }

    public void paragraph(String text, float fontSize, Rgb color) {
        float leading = fontSize * 1.35f;
        for (String line : wrap(text, fontSize, contentWidth())) {
            ensure(leading);
            drawText(line, MARGIN, y - fontSize, fontSize, color);
            y -= leading;
        }
    }

    public void space(float points) {
        ensure(points);
        y -= points;
    }

    // ------------------------------------------------------------------ tables

    public void table(Table t) {
        float total = 0;
        for (float w : t.weights) total += w;
        float[] cols = new float[t.weights.length];
        for (int i = 0; i < cols.length; i++) cols[i] = contentWidth() * t.weights[i] / total;
        float fs = t.fontSize;
        float leading = fs * 1.3f;
        if (!t.header.isEmpty()) {
            ensure(rowHeight(t.header, cols, fs, leading) + 3 * leading);
            drawRow(t.header, cols, fs, leading, true, t);
        }
        for (List<TableCell> row : t.rows) drawRow(row, cols, fs, leading, false, t);
    }

    private float rowHeight(List<TableCell> row, float[] cols, float fs, float leading) {
        int max = 1;
        for (int i = 0; i < row.size(); i++) max = Math.max(max, lines(row.get(i), widthOf(row, i, cols), fs).size());
        return max * leading + 2 * PAD;
    }

    private float widthOf(List<TableCell> row, int i, float[] cols) {
        if (row.size() == 1) return contentWidth();
        return cols[i];
    }

    private List<String> lines(TableCell c, float width, float fs) {
        List<String> l = new ArrayList<>(wrap(c.text() == null ? "" : c.text(), fs, width - 2 * PAD));
        if (c.badge() != null) l.addAll(wrap("[" + c.badge() + "]", fs, width - 2 * PAD));
        return l;
    }

    /** Draws a row, continuing on the next page (with the header again) when it does not fit. */
    private void drawRow(List<TableCell> row, float[] cols, float fs, float leading, boolean isHeader, Table t) {
        List<List<String>> cellLines = new ArrayList<>();
        int max = 1;
        for (int i = 0; i < row.size(); i++) {
            List<String> l = lines(row.get(i), widthOf(row, i, cols), fs);
            cellLines.add(l);
            max = Math.max(max, l.size());
        }
        int from = 0;
        while (from < max) {
            float available = y - (MARGIN + FOOTER_SPACE) - 2 * PAD;
            int fit = (int) Math.floor(available / leading);
            if (fit < 1 || (from == 0 && fit < Math.min(max, 3) && y < size.getHeight() - MARGIN - 40)) {
                newPage();
                if (!isHeader && !t.header.isEmpty()) drawRow(t.header, cols, fs, leading, true, t);
                continue;
            }
            int n = Math.min(fit, max - from);
            float h = n * leading + 2 * PAD;
            float x = MARGIN;
            for (int i = 0; i < row.size(); i++) {
                TableCell c = row.get(i);
                float w = widthOf(row, i, cols);
                Rgb bg = c.background() != null ? c.background() : isHeader ? Rgb.HEADER_BG : null;
                try {
                    if (bg != null) {
                        out.setNonStrokingColor(bg.r(), bg.g(), bg.b());
                        out.addRect(x, y - h, w, h);
                        out.fill();
                    }
                    out.setStrokingColor(Rgb.BORDER.r(), Rgb.BORDER.g(), Rgb.BORDER.b());
                    out.setLineWidth(0.4f);
                    out.addRect(x, y - h, w, h);
                    out.stroke();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                List<String> l = cellLines.get(i);
                int textLines = c.text() == null ? 0 : wrap(c.text(), fs, w - 2 * PAD).size();
                for (int k = from; k < Math.min(l.size(), from + n); k++) {
                    boolean badgeLine = k >= textLines;
                    Rgb color = badgeLine ? Rgb.SAMPLE : c.color() != null ? c.color() : Rgb.BLACK;
                    drawText(l.get(k), x + PAD, y - PAD - fs - (k - from) * leading + 1, fs, color);
                }
                x += w;
            }
            y -= h;
            from += n;
        }
    }

    // ------------------------------------------------------------------ text primitives

    /** Wraps text to a width: Chinese breaks between any two characters, Latin at spaces (long words by character). */
    public List<String> wrap(String text, float fontSize, float width) {
        List<String> out = new ArrayList<>();
        for (String para : safe(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineW = 0;
            List<String> tokens = tokens(para);
            for (String tok : tokens) {
                float w = width(tok, fontSize);
                if (lineW + w <= width || line.length() == 0 && w <= width) {
                    if (line.length() == 0 && tok.isBlank()) continue;
                    line.append(tok);
                    lineW += w;
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString().stripTrailing());
                    line.setLength(0);
                    lineW = 0;
                }
                if (tok.isBlank()) continue;
                if (w <= width) {
                    line.append(tok);
                    lineW = w;
                } else {
                    for (int i = 0; i < tok.length(); ) {
                        int cp = tok.codePointAt(i);
                        String ch = new String(Character.toChars(cp));
                        float cw = width(ch, fontSize);
                        if (lineW + cw > width && line.length() > 0) {
                            out.add(line.toString());
                            line.setLength(0);
                            lineW = 0;
                        }
                        line.append(ch);
                        lineW += cw;
                        i += Character.charCount(cp);
                    }
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                if (word.length() > 0) out.add(word.toString());
                word.setLength(0);
                out.add(" ");
            } else if (isWide(cp)) {
                if (word.length() > 0) out.add(word.toString());
                word.setLength(0);
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) out.add(word.toString());
        return out;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    public float width(String s, float fontSize) {
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

    /** Replaces characters the font has no glyph for (common punctuation by a close equivalent, others by "?"). */
    public String safe(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                b.append('\n');
                continue;
            }
            if (cp == '\t' || cp == '\r' || Character.isISOControl(cp)) {
                b.append(' ');
                continue;
            }
            if (glyphs.computeIfAbsent(cp, loaded::has)) {
                b.appendCodePoint(cp);
            } else {
                b.append(replacement(cp));
            }
        }
        return b.toString();
    }

    private String replacement(int cp) {
        switch (cp) {
            case 0x2013: case 0x2014: case 0x2012: case 0x2212: return "-";
            case 0x2018: case 0x2019: return "'";
            case 0x201C: case 0x201D: return "\"";
            case 0x2027: case 0x30FB: case 0x00B7: return glyphs.computeIfAbsent(0x00B7, loaded::has) ? "\u00B7" : ".";
            case 0x2026: return "...";
            case 0x2264: return "<=";
            case 0x2265: return ">=";
            case 0x2248: return "~";
            case 0x00A0: case 0x202F: case 0x2009: return " ";
            case 0x2205: return "-";
            default: return "?";
        }
    }

    private void drawText(String text, float x, float baseline, float fontSize, Rgb color) {
        if (text.isEmpty()) return;
        try {
            out.beginText();
            out.setFont(font, fontSize);
            out.setNonStrokingColor(color.r(), color.g(), color.b());
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ pages

    private void ensure(float height) {
        if (page == null || y - height < MARGIN + FOOTER_SPACE) newPage();
    }

    public void newPage() {
        try {
            if (out != null) out.close();
            page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int pages() {
        return doc.getNumberOfPages();
    }

    /** Adds the footer and page numbers to every page and writes the document to {@code sink} (see {@code io.SafeFiles}). */
    public void save(OutputStream sink) throws IOException {
        try {
            if (page == null) newPage();
            out.close();
            out = null;
            int total = doc.getNumberOfPages();
            float fs = 7.5f;
            for (int i = 0; i < total; i++) {
                PDPage p = doc.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    out = s;
                    String label = safe(pageLabel.apply(i + 1, total));
                    float labelW = width(label, fs);
                    float footerW = contentWidth() - labelW - 20;
                    List<String> lines = wrap(footer, fs, footerW);
                    float base = MARGIN - 4;
                    for (int k = 0; k < Math.min(2, lines.size()); k++) drawText(lines.get(k), MARGIN, base + (1 - k) * fs * 1.25f - fs, fs, Rgb.MUTED);
                    drawText(label, size.getWidth() - MARGIN - labelW, base - fs + fs * 1.25f, fs, Rgb.MUTED);
                }
            }
            out = null;
            doc.save(sink);
        } finally {
            out = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (out != null) out.close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure
        }
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing to release
        }
        try {
            if (loaded != null) loaded.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
