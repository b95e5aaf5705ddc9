package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Details, the about line and CSV, in the three languages, on the small real pack. */
class LookupDetailTest {

    private static final Catalog CATALOG = TestCatalogs.mini();
    private static final LookupIndex INDEX = LookupIndex.build(CATALOG);

    private static LookupHit first(String q) {
        return INDEX.search(LookupQuery.of(q)).hits().get(0);
    }

    @Test
    void itemDetailListsApprovalsFactsProductsAndSources() {
        String en = LookupDetail.of(first("lorlatinib"), CATALOG, Lang.EN).asText();
        assertTrue(en.startsWith("Lorlatinib\n"), en);
        assertTrue(en.contains("Institutions approved to use it (2)"), en);
        assertTrue(en.contains("The University of Hong Kong-Shenzhen Hospital (HKU-SZH) — Shenzhen Futian · batch 1 · approved 2021-08 (by 2021-08) · Current"), en);
        assertTrue(en.contains("Zhongshan Chenxinghai Hospital — Zhongshan · batch 1 · approved 2022-05 · Current"), en);
        assertTrue(en.contains("Indication: Lung cancer (targeted therapy)"), en);
        assertTrue(en.contains("Catalogue entry: not recorded"), en);
        assertTrue(en.contains("No insurance products or schemes are loaded yet"), en);
        assertTrue(en.contains("https://example.org/lorlatinib (dated 2021-08-31)"), en);
        assertTrue(en.contains("Confidence: Medium"), en);
        String hk = LookupDetail.of(first("lorlatinib"), CATALOG, Lang.ZH_HK).asText();
        assertTrue(hk.startsWith("勞拉替尼\n"), hk);
        assertTrue(hk.contains("中山陳星海醫院 — 中山 · 第 1 批 · 2022-05 獲批 · 現行"), hk);
        String cn = LookupDetail.of(first("lorlatinib"), CATALOG, Lang.ZH_CN).asText();
        assertTrue(cn.contains("中山陈星海医院"), cn);
    }

    @Test
    void aRecordOlderThanTwelveMonthsIsMarkedMayBeOutOfDate() {
        // the mini pack's lorlatinib record is current to 2022-09, more than twelve months before any run of this test
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 5);
        assertTrue(!LookupDetail.of(first("lorlatinib"), CATALOG, Lang.EN).asText().contains("out of date"), "no mark without a clock");
        LookupDetail d = LookupDetail.of(first("lorlatinib"), CATALOG, Lang.EN, today);
        assertTrue(d.asText().contains("As of 2022-09: older than 12 months, may be out of date"), d.asText());
        assertTrue(d.sections().get(0).lines().stream().anyMatch(l -> l.style() == LookupDetail.Style.CAUTION
                && l.text().contains("may be out of date")));
        assertTrue(LookupDetail.of(first("lorlatinib"), CATALOG, Lang.ZH_HK, today).asText().contains("可能已過時"));
    }

    @Test
    void samplesRemovedAndLowConfidenceAreLabelled() {
        LookupDetail d = LookupDetail.of(first("intraocular lens"), CATALOG, Lang.EN);
        String text = d.asText();
        assertTrue(text.contains("Sample record: illustrative only"), text);
        assertTrue(text.contains("Low confidence"), text);
        assertTrue(text.contains("Removed"), text);
        assertTrue(text.contains("(date not stated)"), text);
        assertTrue(d.sections().get(0).lines().stream().anyMatch(l -> l.style() == LookupDetail.Style.SAMPLE));
    }

    @Test
    void institutionDetailShowsDesignationVoucherAndItems() {
        String removed = LookupDetail.of(first("foshan ximalin"), CATALOG, Lang.EN).asText();
        assertTrue(removed.contains("Batch 3, designated 2024-09, Removed"), removed);
        assertTrue(removed.contains("Removed 2025-12"), removed);
        assertTrue(removed.contains("Not in the pilot"), removed);
        String hku = LookupDetail.of(first("hku-szh"), CATALOG, Lang.EN).asText();
        assertTrue(hku.contains("In the pilot since 2015"), hku);
        assertTrue(hku.contains("Items usable here (3)"), hku);
        assertTrue(hku.contains("Lorlatinib — Drug · approved 2021-08 · Current"), hku);
    }

    @Test
    void aboutLineComparesWithTheOfficialTotal() {
        String about = LookupText.about(Lang.EN, CATALOG);
        assertTrue(about.contains("This data names 4 drugs, 2 devices and 5 institutions."), about);
        assertTrue(about.contains("The latest official count (2025-12-08) is 140 approved items at 71 institutions."), about);
        assertTrue(about.contains("about 4 % of the approved items"), about);
        assertTrue(about.contains("2 records are samples."), about);
        assertEquals("未載入港澳藥械通資料。", LookupText.about(Lang.ZH_HK, Catalog.empty()));
    }

    @Test
    void csvIsUtf8WithBomQuotedAndFormulaSafe(@TempDir Path dir) throws Exception {
        List<LookupHit> hits = INDEX.search(LookupQuery.of("l").withLimit(100)).hits();
        Path file = dir.resolve("out.csv");
        hk.baycover.io.SafeFiles.forDataDir(dir.resolve("data")).write(file, o -> assertEquals(hits.size(), ResultCsv.write(hits, CATALOG, Lang.ZH_HK, o)));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0xEF, bytes[0] & 0xFF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals(hits.size() + 1, lines.length);
        assertTrue(lines[0].startsWith("類別,編號,"));
        assertTrue(text.contains("\"Anti-D (Rho(D)) immunoglobulin injection\"") || text.contains("Anti-D (Rho(D)) immunoglobulin injection"));
    }
}
