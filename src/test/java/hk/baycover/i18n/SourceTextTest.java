package hk.baycover.i18n;

import hk.baycover.model.Lang;
import hk.baycover.model.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source as each reader sees it: an English-only title never stands in a Chinese text; the URL and date always do. */
class SourceTextTest {

    private static final Source GOV = new Source("https://www.info.gov.hk/gia/general/202508/18/P2025081800805.htm", "2025-08-18",
            "HK Government press release: 21 GBA service points, >1.78 million eligible elders");
    private static final Source EN_PAGE = new Source("https://www.10life.com/en/blog/Comparison-of-Cross-Border-Medical-Insurance", null,
            "10Life: comparison of cross-border medical insurance (page shows no date; read in 2026)", "2026-01-10");
    private static final Source CHINESE = new Source("https://www.hkcna.hk/docDetail.jsp?id=100600764", "2024-02-19", "長者醫療券大灣區試點增至 7 間機構");

    @Test
    void chineseReadersGetTheSiteWithALabelInsteadOfAnEnglishTitle() {
        String hk = SourceText.line(GOV, Lang.ZH_HK);
        assertEquals("網頁（info.gov.hk）：https://www.info.gov.hk/gia/general/202508/18/P2025081800805.htm（2025-08-18）", hk);
        String cn = SourceText.line(EN_PAGE, Lang.ZH_CN);
        assertTrue(cn.startsWith("英文网页（10life.com）：https://www.10life.com/en/blog/"), cn);
        assertTrue(cn.contains("2026-01-10") && !cn.contains("comparison of"), cn);
    }

    @Test
    void aChineseTitleIsKeptAndEnglishReadersKeepTheTitle() {
        assertTrue(SourceText.line(CHINESE, Lang.ZH_HK).startsWith("長者醫療券大灣區試點增至 7 間機構：https://"));
        assertEquals("HK Government press release: 21 GBA service points, >1.78 million eligible elders — "
                + GOV.url() + " (2025-08-18)", SourceText.line(GOV, Lang.EN));
        assertTrue(SourceText.line(EN_PAGE, Lang.EN).endsWith("(page shows no date; read 2026-01-10)"));
    }

    @Test
    void aMostlyEnglishTitleWithAChineseNameIsStillEnglish() {
        assertFalse(SourceText.readableBy("China Daily: Shenzhen launches health program (深圳惠民保 2023-24)", Lang.ZH_HK));
        assertTrue(SourceText.readableBy("港澳藥械通 GBA 指定醫療機構名單", Lang.ZH_HK));
        assertFalse(SourceText.readableBy("Ming Pao: batch 4", Lang.ZH_CN));
    }

    @Test
    void siteIsTheHostWithoutWww() {
        assertEquals("info.gov.hk", SourceText.site(GOV.url()));
        assertEquals("hkcna.hk", SourceText.site(CHINESE.url()));
    }
}
