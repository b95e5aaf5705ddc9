package hk.baycover.lookup;

import hk.baycover.app.BayCover;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on the shipped 港澳藥械通 pack, seeded into a real SQLite database in a temporary data folder. */
class ShippedPackLookupTest {

    @TempDir
    static Path dataDir;
    static Catalog catalog;
    static LookupIndex index;

    @BeforeAll
    static void open() {
        BayCover app = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
        catalog = app.catalog();
        index = app.lookup().index(catalog, ProgressMonitor.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"劳拉替尼", "勞拉替尼", "lorlatinib", "lorlatnib", "Lorlatinib", "ＬＯＲＬＡＴＩＮＩＢ"})
    void lorlatinibInEveryScriptAndWithATypoListsItsInstitutions(String q) {
        LookupResult r = index.search(LookupQuery.of(q));
        LookupHit first = r.hits().get(0);
        assertEquals("lorlatinib", first.id());
        assertEquals(ResultKind.DRUG, first.kind());
        assertEquals("Lorlatinib", first.name().en());
        List<String> at = first.item().approvals().stream().map(a -> a.institution()).toList();
        assertTrue(at.contains("hku-szh"), at.toString());
        assertTrue(at.contains("zhongshan-chenxinghai"), at.toString());
        assertEquals(City.ZHONGSHAN, catalog.institution("zhongshan-chenxinghai").orElseThrow().city());
        assertEquals(q.equals("lorlatnib") ? MatchType.FUZZY : MatchType.EXACT, first.type());
    }

    @Test
    void chineseSourceLinesGiveNoEnglishOnlyTitleButKeepAddressAndDate() {
        LookupHit hit = index.search(LookupQuery.of("lorlatinib")).hits().get(0);
        LookupDetail d = LookupDetail.of(hit, catalog, Lang.ZH_HK);
        List<hk.baycover.model.Source> sources = new java.util.ArrayList<>(hit.item().sources());
        catalog.institutions().forEach(i -> sources.addAll(i.sources()));
        catalog.products().forEach(p -> sources.addAll(p.sources()));
        String text = d.asText();
        int englishTitles = 0;
        for (hk.baycover.model.Source s : sources) {
            String t = s.title();
            if (t == null || t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) || t.split(" ").length < 3) continue;
            englishTitles++;
            assertTrue(!text.contains(t), "an English-only source title in a Chinese detail: " + t);
        }
        assertTrue(englishTitles > 0, "the shipped data has English-only source titles (else this test proves nothing)");
        for (hk.baycover.model.Source s : hit.item().sources()) {
            assertTrue(text.contains(s.url()), "URL kept: " + s.url());
            assertTrue(text.contains(s.shownDate()), "date kept: " + s.url());
        }
        assertTrue(text.contains("網頁（"), text);
    }

    @Test
    void twoCharacterQueryFindsTheCochlearImplant() {
        for (String q : List.of("耳蜗", "耳蝸")) {
            LookupResult r = index.search(LookupQuery.of(q));
            assertTrue(r.hits().stream().anyMatch(h -> h.item() != null && h.name().zhHans().equals("新型人工耳蜗")), q);
        }
    }

    @Test
    void oneCharacterQueriesWork() {
        assertTrue(index.search(LookupQuery.of("蜗")).total() >= 1);
        LookupResult hospitals = index.search(LookupQuery.of("院").withKinds(Set.of(ResultKind.INSTITUTION)));
        long expected = catalog.institutions().stream().filter(i -> i.name().all().stream().anyMatch(n -> n.contains("院"))).count();
        assertTrue(expected > 30);
        assertEquals(expected, hospitals.total(), "every institution with 院 in a name (醫院/医院/院區...)");
    }

    @Test
    void institutionsByNameCityAndFilters() {
        LookupHit hku = index.search(LookupQuery.of("HKU-SZH")).hits().get(0);
        assertEquals("hku-szh", hku.id());
        LookupResult inShenzhen = index.search(LookupQuery.of("深圳").withKinds(Set.of(ResultKind.INSTITUTION)).withCity(City.SHENZHEN).withLimit(500));
        assertTrue(inShenzhen.total() >= 10);
        assertTrue(inShenzhen.hits().stream().allMatch(h -> h.institution().city() == City.SHENZHEN));
        // items usable at HKU-SZH, by browsing with the institution filter
        LookupResult atHku = index.search(LookupQuery.of("").withInstitution("hku-szh").withKinds(Set.of(ResultKind.DRUG, ResultKind.DEVICE)).withLimit(500));
        assertEquals(catalog.itemsAt("hku-szh").size(), atHku.total());
        assertTrue(atHku.hits().stream().anyMatch(h -> h.id().equals("lorlatinib")));
    }

    @Test
    void hostileInputs() {
        for (String q : List.of("", " ", "\"", "*", "'", "(", "OR", "NEAR", "🙂", "x".repeat(500), "\"lorlatinib\" OR *", "' OR ''='")) {
            LookupResult r = index.search(LookupQuery.of(q));
            assertTrue(r.total() >= 0);
        }
        assertFalse(index.search(LookupQuery.of("\"lorlatinib\"")).hits().isEmpty(), "quotes are ignored, the word is found");
        assertEquals(0, index.search(LookupQuery.of("\"*'(")).total());
    }
}
