package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on a small real pack (read through the real reader): scripts, width, typos, ranking, filters, hostile input. */
class LookupIndexTest {

    private static final Catalog CATALOG = TestCatalogs.mini();
    private static final LookupIndex INDEX = LookupIndex.build(CATALOG);
    private static final LinearScan SCAN = LinearScan.build(CATALOG);

    private static List<String> ids(LookupResult r) {
        return r.hits().stream().map(LookupHit::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"劳拉替尼", "勞拉替尼", "lorlatinib", "LORLATINIB", "ＬＯＲＬＡＴＩＮＩＢ", "lorlatnib", "lorlaitnib", "lorlatinb"})
    void everySpellingFindsLorlatinibFirst(String q) {
        LookupResult r = INDEX.search(LookupQuery.of(q));
        assertEquals("lorlatinib", r.hits().get(0).id(), q);
        assertEquals(MatchField.NAME, r.hits().get(0).field());
    }

    @Test
    void typoIsReportedAsFuzzyAndExactAsExact() {
        assertEquals(MatchType.EXACT, INDEX.search(LookupQuery.of("Lorlatinib")).hits().get(0).type());
        LookupHit typo = INDEX.search(LookupQuery.of("lorlatnib")).hits().get(0);
        assertEquals(MatchType.FUZZY, typo.type());
        assertEquals("Lorlatinib", typo.matchedText());
    }

    @Test
    void fuzzyIsGuardedAgainstNoise() {
        // four letters: no typo tolerance ("lung" must not find "long"-like words); digits or spaces: none either
        assertEquals(0, INDEX.search(LookupQuery.of("lorx")).total());
        assertEquals(0, INDEX.search(LookupQuery.of("lorlatnib tablets")).total());
        // two edits are too many
        assertEquals(0, INDEX.search(LookupQuery.of("lorlatnb")).total());
    }

    @Test
    void shortChineseQueriesWork() {
        assertEquals(List.of("cochlear-implant-new"), ids(INDEX.search(LookupQuery.of("耳蜗"))));
        assertEquals(List.of("cochlear-implant-new"), ids(INDEX.search(LookupQuery.of("耳蝸"))));
        assertTrue(ids(INDEX.search(LookupQuery.of("蜗"))).contains("cochlear-implant-new"));
        LookupResult hospitals = INDEX.search(LookupQuery.of("醫"));
        assertEquals(5, hospitals.total());
    }

    @Test
    void rankingIsExactThenPrefixThenSubstringThenOtherFields() {
        // "深圳": names starting with it, then names containing it, then institutions only in the city
        LookupResult r = INDEX.search(LookupQuery.of("深圳"));
        List<LookupHit> h = r.hits();
        assertEquals(MatchType.PREFIX, h.get(0).type());
        assertEquals(MatchType.PREFIX, h.get(1).type());
        assertEquals("hku-szh", h.get(2).id());
        assertEquals(MatchType.SUBSTRING, h.get(2).type());
        // "oncology": exact in the therapeutic area
        LookupResult onc = INDEX.search(LookupQuery.of("oncology"));
        assertEquals(Set.of("lorlatinib", "entrectinib"), Set.copyOf(ids(onc)));
        assertTrue(onc.hits().stream().allMatch(x -> x.field() == MatchField.THERAPEUTIC_AREA && x.type() == MatchType.EXACT));
        // "cancer": exact indication first, then substrings
        List<LookupHit> cancer = INDEX.search(LookupQuery.of("cancer")).hits();
        assertEquals("entrectinib", cancer.get(0).id());
        assertEquals(MatchType.EXACT, cancer.get(0).type());
        assertEquals(MatchType.SUBSTRING, cancer.get(1).type());
        // "lor": name prefix (Lorlatinib) before brand prefix is the same tier; both before any substring
        List<LookupHit> lor = INDEX.search(LookupQuery.of("lor")).hits();
        assertEquals(List.of("lorlatinib", "eye-lens-sample"), lor.stream().map(LookupHit::id).toList());
        assertEquals(MatchField.BRAND, lor.get(1).field());
    }

    @Test
    void exactBeatsPrefixBeatsSubstringBeatsFuzzy() {
        List<LookupHit> l = INDEX.search(LookupQuery.of("l").withLimit(100)).hits();
        int last = -1;
        for (LookupHit h : l) {
            int tier = (h.field().isName() ? 0 : 3) + h.type().ordinal();
            assertTrue(tier >= last, "tier order broken at " + h);
            last = tier;
        }
    }

    @Test
    void institutionsFoundByCityInAnyLanguageAndDistrict() {
        LookupResult zs = INDEX.search(LookupQuery.of("中山"));
        assertTrue(ids(zs).contains("zhongshan-chenxinghai"));
        assertEquals("zhongshan-chenxinghai", INDEX.search(LookupQuery.of("Zhongshan").withKinds(Set.of(ResultKind.INSTITUTION))).hits().get(0).id());
        LookupHit futian = INDEX.search(LookupQuery.of("福田")).hits().get(0);
        assertEquals("hku-szh", futian.id());
        assertEquals(MatchField.DISTRICT, futian.field());
        LookupHit foshan = INDEX.search(LookupQuery.of("佛山市")).hits().isEmpty() ? null : null;
        assertEquals(null, foshan);
        LookupHit city = INDEX.search(LookupQuery.of("東莞")).hits().stream().findFirst().orElse(null);
        assertEquals(null, city, "no institution in Dongguan in this pack");
        assertEquals(MatchField.CITY, INDEX.search(LookupQuery.of("guangzhou")).hits().get(0).field());
    }

    @Test
    void filters() {
        assertEquals(List.of("lorlatinib"), ids(INDEX.search(LookupQuery.of("lor").withKinds(Set.of(ResultKind.DRUG)))));
        assertEquals(List.of("eye-lens-sample"), ids(INDEX.search(LookupQuery.of("lor").withKinds(Set.of(ResultKind.DEVICE)))));
        // items by the city they are approved in
        assertEquals(Set.of("lorlatinib"), Set.copyOf(ids(INDEX.search(LookupQuery.of("lung").withCity(City.ZHONGSHAN)))));
        assertEquals(Set.of("lorlatinib", "shenzhen-drug-x"), Set.copyOf(ids(INDEX.search(LookupQuery.of("lung").withCity(City.SHENZHEN)))));
        // by institution: the items approved there (browse with an empty query), and the institution itself
        assertEquals(Set.of("lorlatinib", "entrectinib", "anti-d-immunoglobulin", "hku-szh"),
                Set.copyOf(ids(INDEX.search(LookupQuery.of("").withInstitution("hku-szh")))));
        // status
        assertEquals(Set.of("eye-lens-sample", "foshan-cmer-eye"), Set.copyOf(ids(INDEX.search(LookupQuery.of("").withStatus(DesignationStatus.REMOVED)))));
        assertEquals(0, INDEX.search(LookupQuery.of("lens").withStatus(DesignationStatus.CURRENT)).total());
        assertEquals(0, INDEX.search(LookupQuery.of("lorlatinib").withInstitution("no-such-place")).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\"", "*", "'", "(", ")", "\"lor*", "OR", "or", "NEAR", "NEAR(a b)", "lor OR ent",
            "a AND b", "-", "%", "_", "\\", "🙂", "🙂🙂🙂", "勞🙂", "\u0000", "\uD800", "\uFFFF", "' OR 1=1 --", "lor\"", "*lor*",
            "\u200D", "ﷺ", "𠀋", "ℒ𝒪ℛ"})
    void hostileInputNeverThrowsAndAgreesWithTheScan(String q) {
        LookupResult r = INDEX.search(LookupQuery.of(q));
        assertEquals(SCAN.search(LookupQuery.of(q)), r);
        assertTrue(r.hits().size() <= r.total());
    }

    @Test
    void veryLongQueriesAreHandled() {
        String five = "x".repeat(500);
        assertEquals(0, INDEX.search(LookupQuery.of(five)).total());
        String mixed = "劳拉替尼".repeat(125);
        assertEquals(0, INDEX.search(LookupQuery.of(mixed)).total());
        String lorlatinib = "lorlatinib ".repeat(46);
        assertEquals(SCAN.search(LookupQuery.of(lorlatinib)), INDEX.search(LookupQuery.of(lorlatinib)));
    }

    @Test
    void emptyQueryWithoutFiltersFindsNothing() {
        assertEquals(0, INDEX.search(LookupQuery.of("")).total());
        assertEquals(0, INDEX.search(LookupQuery.of("  ")).hits().size());
    }

    @Test
    void limitCutsTheListButNotTheTotal() {
        LookupResult r = INDEX.search(LookupQuery.of("l").withLimit(2));
        assertEquals(2, r.hits().size());
        assertEquals(SCAN.search(LookupQuery.of("l")).total(), r.total());
        assertTrue(r.total() > 2);
    }
}
