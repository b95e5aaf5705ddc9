package hk.baycover.report;

import hk.baycover.app.BayCover;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.ComparisonService;
import hk.baycover.compare.Format;
import hk.baycover.i18n.SourceText;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SzInsurance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison PDF as a client reads it: four shipped products (a sample-priced cross-border plan, a GBA plan, a
 * cross-border plan whose name needs a rare glyph, Shenzhen's city insurance) compared for a 72-year-old Hong Kong
 * permanent resident living in Shenzhen, in Traditional Chinese. Page 1 is a plain-language summary in large type with
 * no ids, codes or English beyond proper names; lists use 「、」; sources never show an English-only title.
 */
class ClientComparisonPdfTest {

    static final List<String> PRODUCTS = List.of("picc-beishang-yiwuyou", "bocg-gba-excellence", "fwd-cross-border-premier-medical", "sz-huiminbao");

    @TempDir
    static Path dir;
    static BayCover app;
    static Catalog catalog;
    static ComparisonMatrix matrix;
    static byte[] hk;

    @BeforeAll
    static void render() throws IOException {
        app = BayCover.open(dir.resolve("data"), Lang.ZH_HK, ProgressMonitor.NONE);
        catalog = app.catalog();
        matrix = new ComparisonService(LocalDate.of(2026, 12, 5)).compare(catalog, new ComparisonRequest(PRODUCTS, 72, null, Sex.F,
                ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.SHENZHEN, SzInsurance.NONE));
        hk = pdf(Lang.ZH_HK);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "compare-72-zh-HK.pdf"), hk);
    }

    static byte[] pdf(Lang lang) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ComparisonPdf.write(matrix, new ComparisonPdf.Options(lang, false, "2026-10-02"), out, ProgressMonitor.NONE);
        return out.toByteArray();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    /** Text without the spaces and line breaks wrapping inserts; ‧ as the PDF draws it (the font has no ‧: · stands in). */
    private static String flat(String s) {
        return s.replaceAll("\\s+", "").replace('\u2027', '\u00B7');
    }

    private static List<String> names(Lang lang) {
        return PRODUCTS.stream().map(id -> catalog.product(id).orElseThrow().name().get(lang)).toList();
    }

    /** The summary: the text before the table pages (it ends by pointing to them). */
    private static String summary() throws IOException {
        String all = PdfText.text(hk);
        int end = all.indexOf("以下各頁逐項並列所有條款");
        assertTrue(end > 0, "the summary ends by pointing to the table pages");
        return all.substring(0, end);
    }

    @Test
    void pageOneIsAPlainLanguageSummaryInLargeType() throws IOException {
        String page1 = flat(PdfText.text(hk, 1, 1));
        for (String expected : List.of("產品比較摘要", "比較的產品", "為誰比較", "72歲", "香港永久性居民", "居於深圳")) {
            assertTrue(page1.contains(expected), "page 1 says '" + expected + "':\n" + PdfText.text(hk, 1, 1));
        }
        // every product by name, listed with the Chinese enumeration comma
        assertTrue(page1.contains(flat(String.join("、", names(Lang.ZH_HK)))), "the four names joined with 、:\n" + PdfText.text(hk, 1, 1));
        assertFalse(page1.contains(flat(names(Lang.ZH_HK).get(0) + ", ")), "no English comma after a name");
        for (int page = 1; page <= 2; page++) {
            List<Float> sizes = PdfText.sizes(hk, page);
            long body = sizes.stream().filter(f -> f >= 12f).count();
            assertTrue(body >= 0.85 * sizes.size(), body + " of " + sizes.size() + " characters on page " + page + " are 12 pt or more");
        }
        assertTrue(PdfText.pages(hk) > 3, "the table pages follow the summary");
    }

    @Test
    void theSummarySaysWhatTheTableShows() throws IOException {
        String summary = flat(summary());
        for (String expected : List.of("主要分別", "承保協同", "服務聯動", "直接結算醫療機構", "索償途徑", "保費", "每年保障限額", "港澳藥械通",
                "未公布、須向保險公司確認的項目", "代理人須先向保險公司逐項確認")) {
            assertTrue(summary.contains(expected), "the summary says '" + expected + "':\n" + summary());
        }
        // eligibility verdicts come from the matrix, with their reasons
        for (var c : matrix.columns()) {
            String why = flat(Format.clauses(Lang.ZH_HK, c.why().stream().map(w -> w.get(Lang.ZH_HK)).toList()));
            String verdict = c.eligible() ? "按已公布的條款，客戶可以投保" : c.unconfirmed() ? "客戶可否投保須向保險公司確認：" + why : "客戶不可投保：" + why;
            assertTrue(summary.contains(verdict), c.productId() + ": " + verdict + "\n" + summary());
        }
        assertTrue(matrix.columns().stream().anyMatch(c -> !c.eligible()), "the client cannot join (or must confirm) somewhere");
        // a premium the insurer must quote says so; a sample figure is labelled where it stands
        assertTrue(summary.contains("保費未公布：須向保險公司索取報價"), "premium to be quoted");
        assertTrue(summary.contains("[示例數字]"), "sample figures labelled");
        // what is not published is named, product by product
        for (String n : names(Lang.ZH_HK)) assertTrue(summary.contains(flat(n)), n);
        assertTrue(summary.contains("：未公布："), "unpublished terms named per product");
        // one spelling in one document (the engine's and the proposal's 公布)
        assertFalse(PdfText.text(hk).contains("公佈"), "公佈 and 公布 mixed in one document");
    }

    @Test
    void pageOneHasNoIdsCodesOrEnglishBeyondProperNames() throws IOException {
        assertEquals(List.of(), PdfText.notForAChineseReader(summary(), catalog));
        // ids and enum codes nowhere in the document
        List<String> codes = PdfText.notForAChineseReader(PdfText.text(hk), catalog).stream().filter(p -> !p.startsWith("English")).toList();
        assertEquals(List.of(), codes);
    }

    @Test
    void everyCharacterHasAGlyph() throws IOException {
        assertEquals(List.of(), PdfText.missingGlyphs(hk));
    }

    @Test
    void sourcesHaveNoEnglishOnlyTitleButKeepAddressAndDate() throws IOException {
        String text = PdfText.text(hk);
        List<Source> sources = new ArrayList<>();
        PRODUCTS.forEach(id -> sources.addAll(catalog.product(id).orElseThrow().sources()));
        assertTrue(sources.stream().anyMatch(s -> s.title() != null && !s.title().matches(".*\\p{IsHan}.*")),
                "the compared products rest on sources with English-only titles (else this test proves nothing)");
        assertEquals(List.of(), PdfText.englishSourceTitles(text, sources));
        String f = flat(text);
        // a long source line may continue on the next page inside its table cell: its name and the start of its URL are together
        for (Source s : sources) {
            String start = flat(s.url().substring(0, Math.min(30, s.url().length())));
            assertTrue(f.contains(start) && f.contains(flat(SourceText.name(s, Lang.ZH_HK))), "source printed: " + start);
        }
        assertTrue(text.contains("網頁（"), "an English-only title is replaced by the site's name with a label");
    }

    @Test
    void simplifiedAndEnglishSummariesFollowTheReader() throws IOException {
        String cn = flat(PdfText.text(pdf(Lang.ZH_CN), 1, 3));
        assertTrue(cn.contains("产品比较摘要") && cn.contains("承保协同") && cn.contains("服务联动"), cn);
        assertTrue(cn.contains(flat(String.join("、", names(Lang.ZH_CN)))), cn);
        String en = PdfText.text(pdf(Lang.EN), 1, 1).replaceAll("\\s+", " ");
        assertTrue(en.contains("Product comparison: summary"), en);
        assertTrue(en.contains(String.join(", ", names(Lang.EN)).replaceAll("\\s+", " ")), en);
    }
}
