package hk.baycover.report;

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
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Shared PDF plumbing for BayCover reports (the plan proposal and the comparison export): A4 pages with margins, an
 * embedded CJK TrueType font (subset, so the text stays extractable), wrapped paragraphs that break between CJK
 * characters and between Latin words, simple tables that flow across pages, drawing helpers for charts, a running
 * footer and "page X of Y" numbers. Reports only say what to write; this class decides where it goes.
 *
 * <p>The font is found by {@link CjkFonts} (the lookup every BayCover report uses, ADR 0022): a TrueType-outline CJK
 * font such as WenQuanYi Zen Hei (package fonts-wqy-zenhei), or {@code -Dbaycover.pdf.font}; without one the report
 * fails with a message naming the font and how to install it.
 */
public final class ProposalPdfBuilder implements Closeable {

    public static final float MARGIN = 50f;
    public static final float FOOTER = 30f;
    public static final Color TEXT = new Color(0x22, 0x22, 0x22);
    public static final Color MUTED = new Color(0x5b, 0x66, 0x66);
    public static final Color ACCENT = new Color(0x0b, 0x6e, 0x69);
    public static final Color SAMPLE = new Color(0x8a, 0x5a, 0x00);
    public static final Color RULE = new Color(0xc9, 0xd1, 0xd1);
    public static final Color ERROR = new Color(0xa4, 0x26, 0x2c);

    private final PDDocument doc = new PDDocument();
    private final CjkFonts.Loaded fonts;
    private final PDType0Font font;
    private final PDRectangle size = PDRectangle.A4;
    private final Map<Integer, String> safeChars = new HashMap<>();
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private String footer = "";

    public ProposalPdfBuilder(String title, String subject, String language) {
        try {
            fonts = CjkFonts.load(doc); // the one font lookup of every BayCover report (ADR 0022)
        } catch (RuntimeException e) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // nothing was written
            }
            throw e;
        }
        font = fonts.font();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("BayCover");
        info.setProducer("BayCover (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
        doc.getDocumentCatalog().setLanguage(language);
    }

    public PDDocument document() { return doc; }

    public PDType0Font font() { return font; }

    public float width() { return size.getWidth() - 2 * MARGIN; }

    public float left() { return MARGIN; }

    public float y() { return y; }

    /** Text drawn at the bottom of every page (e.g. the dataset as-of date). */
    public void footer(String text) {
        this.footer = text == null ? "" : text;
    }

    // pages -----------------------------------------------------------------------------------------------------------

    public void newPage() {
        try {
            closeStream();
            page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    public void ensure(float height) {
        if (page == null || y - height < MARGIN + FOOTER) newPage();
    }

    public void gap(float points) {
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
    public String safe(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.append(safeChars.computeIfAbsent(cp, this::drawable)));
        return sb.toString();
    }

    private String drawable(int cp) {
        String s = new String(Character.toChars(cp));
        if (cp == '\t') return " ";
        if (cp == '\n') return "\n";
        if (cp < 0x20) return "";
        if (canEncode(s)) return s;
        String alt;
        switch (cp) {
            case 0x2013: case 0x2014: case 0x2212: alt = "-"; break;
            case 0x2026: alt = "..."; break;
            case 0x2192: alt = "->"; break;
            case 0x2264: alt = "<="; break;
            case 0x2265: alt = ">="; break;
            case 0x2018: case 0x2019: alt = "'"; break;
            case 0x201C: case 0x201D: alt = "\""; break;
            case 0x00A0: case 0x202F: alt = " "; break;
            case 0x2022: case 0x00B7: alt = "·"; break;
            default: alt = "?";
        }
        return canEncode(alt) ? alt : "?";
    }

    private boolean canEncode(String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public float textWidth(String text, float fontSize) {
        try {
            return font.getStringWidth(safe(text)) / 1000f * fontSize;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Draws one line of text at an absolute position (no wrapping). */
    public void textAt(String text, float x, float baseline, float fontSize, Color color) {
        try {
            out.beginText();
            out.setFont(font, fontSize);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(x, baseline);
            out.showText(safe(text).replace('\n', ' '));
            out.endText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits text into lines no wider than {@code maxWidth}: breaks between CJK characters and at spaces in Latin text. */
    public List<String> wrap(String text, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : safe(text).split("\n", -1)) {
            List<String> tokens = tokens(para);
            StringBuilder line = new StringBuilder();
            for (String t : tokens) {
                String candidate = line + t;
                if (textWidth(candidate, fontSize) <= maxWidth || line.length() == 0) {
                    if (line.length() == 0 && textWidth(t, fontSize) > maxWidth) {
                        // a single token wider than the line: cut it by characters
                        for (int i = 0; i < t.length(); ) {
                            int cp = t.codePointAt(i);
                            String ch = new String(Character.toChars(cp));
                            if (textWidth(line + ch, fontSize) > maxWidth && line.length() > 0) {
                                lines.add(line.toString());
                                line.setLength(0);
                            }
                            line.append(ch);
                            i += Character.charCount(cp);
                        }
                    } else {
                        line.append(t);
                    }
                } else {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    if (!t.isBlank()) line.append(t);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean cjk = Character.isIdeographic(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFFEF);
            if (cp == ' ' || cjk) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) out.add(word.toString());
        return out;
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

    public void heading(String text, float fontSize) {
        ensure(fontSize * 3f);
        y -= fontSize * 0.6f;
        paragraph(text, fontSize, ACCENT);
        line(left(), y - 3, left() + width(), y - 3, RULE, 0.8f);
        y -= 8;
    }

    // tables ----------------------------------------------------------------------------------------------------------

    /** A table cell: text, colour and whether it should stand out as a sample figure. */
    public record Cell(String text, Color color) {
        public static Cell of(String text) { return new Cell(text, TEXT); }
    }

    /**
     * A table with a header row repeated on every page it spans; {@code widths} are fractions of the text width.
     * Each cell wraps within its column.
     */
    public void table(float[] widths, List<String> header, List<List<Cell>> rows, float fontSize) {
        float leading = fontSize * 1.3f;
        float pad = 3f;
        Runnable drawHeader = () -> drawRow(widths, header.stream().map(h -> new Cell(h, ACCENT)).toList(), fontSize, leading, pad, true);
        ensure(leading * 3);
        drawHeader.run();
        for (List<Cell> row : rows) {
            float h = rowHeight(widths, row, fontSize, leading, pad);
            if (y - h < MARGIN + FOOTER) {
                newPage();
                drawHeader.run();
            }
            drawRow(widths, row, fontSize, leading, pad, false);
        }
        y -= 4;
    }

    private float rowHeight(float[] widths, List<Cell> row, float fontSize, float leading, float pad) {
        int lines = 1;
        for (int i = 0; i < row.size(); i++) {
            lines = Math.max(lines, wrap(row.get(i).text(), fontSize, widths[i] * width() - 2 * pad).size());
        }
        return lines * leading + 2 * pad;
    }

    private void drawRow(float[] widths, List<Cell> row, float fontSize, float leading, float pad, boolean header) {
        float h = rowHeight(widths, row, fontSize, leading, pad);
        float x = left();
        float top = y;
        if (header) rect(left(), top - h, width(), h, new Color(0xee, 0xf4, 0xf3), null);
        for (int i = 0; i < row.size(); i++) {
            float w = widths[i] * width();
            List<String> lines = wrap(row.get(i).text(), fontSize, w - 2 * pad);
            float ly = top - pad;
            for (String l : lines) {
                ly -= leading;
                textAt(l, x + pad, ly + fontSize * 0.3f, fontSize, row.get(i).color());
            }
            x += w;
        }
        line(left(), top - h, left() + width(), top - h, RULE, 0.5f);
        y = top - h;
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
        try {
            if (fill != null) {
                out.setNonStrokingColor(fill);
                out.addRect(x, y0, w, h);
                out.fill();
            }
            if (stroke != null) {
                out.setStrokingColor(stroke);
                out.setLineWidth(0.6f);
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

    /**
     * Writes the footer and "page X of Y" on every page ({@code pageLabel} gets the page number and the page count) and
     * saves the document.
     */
    public byte[] finish(BiFunction<Integer, Integer, String> pageLabel) {
        try {
            closeStream();
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage p = doc.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    out = s;
                    float base = MARGIN - 18;
                    line(left(), base + 12, left() + width(), base + 12, RULE, 0.5f);
                    String label = pageLabel.apply(i + 1, n);
                    float lw = textWidth(label, 8);
                    String foot = footer;
                    float maxFoot = width() - lw - 20;
                    List<String> fl = wrap(foot, 7.5f, maxFoot);
                    textAt(fl.isEmpty() ? "" : fl.get(0), left(), base, 7.5f, MUTED);
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

    @Override
    public void close() {
        try {
            closeStream();
            doc.close();
            fonts.close();
        } catch (IOException e) {
            // nothing useful to do: the document is discarded
        }
    }
}
