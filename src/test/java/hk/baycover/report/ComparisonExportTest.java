package hk.baycover.report;

import hk.baycover.app.BayCover;
import hk.baycover.compare.CompareFixtures;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.ComparisonService;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Sex;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static hk.baycover.compare.CompareFixtures.BOCG;
import static hk.baycover.compare.CompareFixtures.HSBC;
import static hk.baycover.compare.CompareFixtures.PICC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PDF and CSV of a real comparison, read back with PDFBox's text extraction and as bytes. */
class ComparisonExportTest {

    private static final java.util.function.Function<Path, hk.baycover.io.SafeFiles> FILES = d -> hk.baycover.io.SafeFiles.forDataDir(d.resolve("data"));

    @TempDir
    static Path dir;
    static ComparisonMatrix matrix;
    static String asOf;

    @BeforeAll
    static void build() {
        BayCover app = CompareFixtures.open(dir.resolve("data"));
        matrix = new ComparisonService(LocalDate.of(2026, 3, 1)).compare(app.catalog(),
                ComparisonRequest.of(List.of(PICC, BOCG, HSBC), 85, Sex.M));
        asOf = app.catalog().asOf().map(Object::toString).orElse(null);
    }

    /** Extracted text without the line breaks and spaces that wrapping inserts. */
    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void traditionalChinesePdfHoldsTheNamesSourcesSampleLabelAndPageNumbers() throws Exception {
        Path pdf = dir.resolve("compare-zh-HK.pdf");
        FILES.apply(dir).write(pdf, o -> ComparisonPdf.write(matrix, new ComparisonPdf.Options(Lang.ZH_HK, false, asOf), o, ProgressMonitor.NONE));
        String text = text(pdf);
        assertTrue(text.contains("跨境通行保·北上醫無憂"), "Traditional name of the first product");
        assertTrue(text.contains("中銀大灣區醫療保障計劃－卓越計劃"));
        assertTrue(text.contains("滙豐自願醫保標準計劃"));
        assertTrue(text.contains("跨境通行保·北上醫無憂、中銀大灣區醫療保障計劃－卓越計劃、滙豐自願醫保標準計劃"), "names joined with 、");
        assertTrue(text.contains("承保協同") && text.contains("服務聯動"));
        assertTrue(text.contains("https://www.10life.com/en/blog/Comparison-of-Cross-Border-Medical-Insurance"), "source URL printed");
        assertTrue(text.contains("（2025-05-15）"), "source date printed");
        assertTrue(text.contains("[示例數字]"), "sample figures labelled");
        assertTrue(text.contains("資料截至"), "as-of date printed");
        assertTrue(text.contains("不可投保"), "the 85-year-old cannot join HSBC VHIS (entry to 80)");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertTrue(text.contains("第1頁，共" + pages + "頁"), "page numbers");
            PDPage first = doc.getPage(0);
            PDRectangle box = first.getMediaBox();
            assertTrue(box.getWidth() > box.getHeight(), "landscape");
            assertEquals(842, Math.round(box.getWidth()));
            assertEquals(595, Math.round(box.getHeight()));
            boolean embedded = false;
            for (var name : first.getResources().getFontNames()) {
                PDFont f = first.getResources().getFont(name);
                if (f instanceof PDType0Font && f.isEmbedded()) embedded = true;
            }
            assertTrue(embedded, "the CJK font is embedded");
            assertEquals("zh-HK", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void simplifiedAndEnglishPdfsFollowTheChosenLanguage() throws Exception {
        Path cn = dir.resolve("compare-zh-CN.pdf");
        FILES.apply(dir).write(cn, o -> ComparisonPdf.write(matrix, new ComparisonPdf.Options(Lang.ZH_CN, true, asOf), o, ProgressMonitor.NONE));
        String t = text(cn);
        assertTrue(t.contains("中银大湾区医疗保障计划－卓越计划"));
        assertTrue(t.contains("只显示各产品有差异的项目"));
        Path en = dir.resolve("compare-en.pdf");
        FILES.apply(dir).write(en, o -> ComparisonPdf.write(matrix, new ComparisonPdf.Options(Lang.EN, false, asOf), o, ProgressMonitor.NONE));
        String e = text(en);
        assertTrue(e.contains("BOCGGBAMedicalProtectionPlan"));
        assertTrue(e.contains("[Samplefigure]"));
        assertTrue(e.contains("Page1of"));
    }

    @Test
    void csvStartsWithTheUtf8BomAndHoldsOneLinePerRow() throws Exception {
        Path csv = dir.resolve("compare.csv");
        FILES.apply(dir).write(csv, o -> ComparisonCsv.write(matrix, Lang.ZH_HK, false, o));
        byte[] bytes = Files.readAllBytes(csv);
        assertArrayEquals(hk.baycover.io.CsvWriter.BOM, Arrays.copyOf(bytes, 3));
        String body = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertFalse(body.startsWith("\uFEFF"), "exactly one BOM");
        String header = body.substring(0, body.indexOf("\r\n"));
        assertTrue(header.contains("中銀大灣區醫療保障計劃－卓越計劃 (" + BOCG + ")"), header);
        assertTrue(body.contains("[示例數字] 港元 500,000") || body.contains("[示例數字] HKD 500,000"), "sample labelled in CSV");
        assertTrue(body.contains("https://www.10life.com/en/blog/Comparison-of-Cross-Border-Medical-Insurance"));
        // quoted multi-line cells keep the CSV parseable: the number of records is header + one per row
        assertEquals(matrix.rows().size() + 1, records(body));
    }

    /** Counts CSV records, honouring quotes. */
    private static int records(String csv) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) n++;
        }
        return n;
    }

    @Test
    void missingFontIsAClearLocalizedError() {
        String before = System.getProperty(CjkFonts.PROPERTY);
        // a property naming a file that is not a font: only used when it exists, so point at this very CSV-less folder
        assertTrue(CjkFonts.candidates().stream().anyMatch(p -> p.toString().endsWith(".ttc") || p.toString().endsWith(".ttf")),
                "this machine needs fonts-wqy-zenhei for PDF export (CI installs it)");
        String msg = hk.baycover.i18n.I18n.get(Lang.ZH_HK, "report.noFont", CjkFonts.PREFERRED, CjkFonts.PROPERTY, CjkFonts.ENV);
        assertTrue(msg.contains("WenQuanYi Zen Hei") && msg.contains("fonts-wqy-zenhei") && msg.contains("baycover.pdf.font"));
        assertEquals(before, System.getProperty(CjkFonts.PROPERTY));
    }
}
