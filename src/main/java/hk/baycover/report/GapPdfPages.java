package hk.baycover.report;

import hk.baycover.model.UserError;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal PDF page plumbing for the gap report: A4 portrait, an embedded CJK TrueType font (subset, text extractable),
 * headings, wrapped paragraphs (CJK by character, Latin by word), table rows with optional cell colours, and a footer
 * with "page n of N". Kept small and separate on purpose (ADR 0044): once the shared {@code PdfDocumentBuilder} of the
 * comparison and proposal reports lands, {@link GapReportPdf} moves onto it and this class goes away.
 */
final class GapPdfPages implements Closeable {

    /** Font files tried in order after the {@code baycover.pdf.font} system property. */
    static final List<String> FONT_FILES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");
    static final float MARGIN = 48f;
    static final float FOOTER = 28f;

    private final PDDocument doc = new PDDocument();
    private final TrueTypeCollection collection;
    private final PDType0Font font;
    private final PDRectangle size = PDRectangle.A4;
    private final Map<Integer, String> drawable = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    GapPdfPages(String title, String language) {
        Path file = locateFont();
        try {
            if (file.toString().endsWith(".ttc")) {
                collection = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] chosen = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (chosen[0] == null) chosen[0] = f;
                });
                font = PDType0Font.load(doc, chosen[0], true);
            } else {
                collection = null;
                font = PDType0Font.load(doc, file.toFile());
            }
        } catch (IOException e) {
            throw new UserError(e, "gaps.pdf.fontUnreadable", file, hk.baycover.io.IoErrors.reason(e));
        }
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("BayCover");
        doc.getDocumentCatalog().setLanguage(language);
    }

    /** The CJK font to embed, or a UserError naming the font and how to install it. */
    static Path locateFont() {
        String configured = System.getProperty("baycover.pdf.font");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isReadable(p)) return p;
            throw new UserError("gaps.pdf.noFont", configured);
        }
        for (String f : FONT_FILES) {
            Path p = Path.of(f);
            if (Files.isReadable(p)) return p;
        }
        throw new UserError("gaps.pdf.noFont", FONT_FILES.get(0));
    }

    float width() { return size.getWidth() - 2 * MARGIN; }

    void newPage() {
        try {
            if (out != null) out.close();
            PDPage page = new PDPage(size);
            doc.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void ensure(float height) {
        if (out == null || y - height < MARGIN + FOOTER) newPage();
    }

    void gap(float points) { y -= points; }

    /** Replaces characters the font cannot draw (so a missing glyph never aborts the report). */
    String safe(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> sb.append(drawable.computeIfAbsent(cp, this::glyph)));
        return sb.toString();
    }

    private String glyph(int cp) {
        if (cp == '\n' || cp == '\t') return " ";
        if (cp < 0x20) return "";
        String s = new String(Character.toChars(cp));
        if (canEncode(s)) return s;
        String alt;
        switch (cp) {
            case 0x25CF: alt = "*"; break;      // ● full
            case 0x25D0: alt = "~"; break;      // ◐ partial
            case 0x2715: alt = "x"; break;      // ✕ none
            case 0x2013: case 0x2014: alt = "-"; break;
            case 0x2192: alt = "->"; break;
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

    float textWidth(String s, float fontSize) {
        try {
            return font.getStringWidth(safe(s)) / 1000f * fontSize;
        } catch (IOException e) {
            return s.length() * fontSize;
        }
    }

    /** Splits text into lines that fit {@code width}: CJK may break anywhere, Latin between words. */
    List<String> wrap(String text, float width, float fontSize) {
        List<String> lines = new ArrayList<>();
        for (String para : safe(text == null ? "" : text.replace("\r", "")).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < para.length()) {
                int cp = para.codePointAt(i);
                int end = i + Character.charCount(cp);
                if (!isCjk(cp) && cp != ' ') {
                    while (end < para.length() && !isCjk(para.codePointAt(end)) && para.charAt(end) != ' ') end += Character.charCount(para.codePointAt(end));
                }
                String token = para.substring(i, end);
                if (line.length() > 0 && textWidth(line + token, fontSize) > width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    if (token.equals(" ")) {
                        i = end;
                        continue;
                    }
                }
                line.append(token);
                i = end;
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    void heading(String text, float fontSize) {
        paragraph(text, fontSize, 0, 0.04f, 0.43f, 0.41f);
        gap(4);
    }

    void paragraph(String text, float fontSize) {
        paragraph(text, fontSize, 0, 0.13f, 0.13f, 0.13f);
    }

    void paragraph(String text, float fontSize, float indent, float r, float g, float b) {
        float lead = fontSize * 1.35f;
        for (String line : wrap(text, width() - indent, fontSize)) {
            ensure(lead);
            draw(line, MARGIN + indent, y - fontSize, fontSize, r, g, b);
            y -= lead;
        }
    }

    /** A table row: cells with relative widths, optional RGB backgrounds (null = none), bold-ish header via colour. */
    void row(float[] weights, List<String> cells, List<float[]> backgrounds, float fontSize, boolean header) {
        float total = 0;
        for (float w : weights) total += w;
        float[] widths = new float[weights.length];
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
            List<String> l = wrap(i < cells.size() ? cells.get(i) : "", widths[i] - 4, fontSize);
            wrapped.add(l);
            lines = Math.max(lines, l.size());
        }
        float lead = fontSize * 1.3f;
        float height = lines * lead + 4;
        ensure(height);
        try {
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                float[] bg = backgrounds == null || i >= backgrounds.size() ? null : backgrounds.get(i);
                if (header) bg = new float[] {0.89f, 0.94f, 0.93f};
                if (bg != null) {
                    out.setNonStrokingColor(bg[0], bg[1], bg[2]);
                    out.addRect(x, y - height, widths[i], height);
                    out.fill();
                }
                out.setStrokingColor(0.79f, 0.82f, 0.82f);
                out.setLineWidth(0.4f);
                out.addRect(x, y - height, widths[i], height);
                out.stroke();
                float ty = y - 2 - fontSize;
                for (String line : wrapped.get(i)) {
                    draw(line, x + 2, ty, fontSize, 0.13f, 0.13f, 0.13f);
                    ty -= lead;
                }
                x += widths[i];
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        y -= height;
    }

    private void draw(String text, float x, float baseline, float fontSize, float r, float g, float b) {
        try {
            out.beginText();
            out.setFont(font, fontSize);
            out.setNonStrokingColor(r, g, b);
            out.newLineAtOffset(x, baseline);
            out.showText(safe(text));
            out.endText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the footer on every page and saves atomically. */
    void save(java.io.OutputStream sink, String footer, String pageOf) throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = safe(footer + "    " + String.format(pageOf, i + 1, pages.size()));
                s.beginText();
                s.setFont(font, 7.5f);
                s.setNonStrokingColor(0.36f, 0.40f, 0.40f);
                s.newLineAtOffset(MARGIN, MARGIN / 2);
                s.showText(text);
                s.endText();
            }
        }
        doc.save(sink);
    }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
        doc.close();
        if (collection != null) collection.close();
    }
}
