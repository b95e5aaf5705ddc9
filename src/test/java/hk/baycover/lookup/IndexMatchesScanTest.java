package hk.baycover.lookup;

import hk.baycover.bench.CatalogGenerator;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.RegulatedItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index must give exactly the answer of the plain scan (same hits, same order, same reasons, same total) for
 * thousands of queries: typed prefixes of real names in every script, substrings, one-typo words, random characters,
 * with and without filters, on a generated catalog of mixed Chinese and Latin names.
 */
class IndexMatchesScanTest {

    private static final Catalog CATALOG = new CatalogGenerator(7).generate(4000, 300);
    private static final LookupIndex INDEX = LookupIndex.build(CATALOG);
    private static final LinearScan SCAN = LinearScan.over(INDEX);

    @Test
    void typedNamesSubstringsAndTyposGiveTheScanAnswer() {
        Random r = new Random(42);
        List<String> texts = new ArrayList<>();
        for (RegulatedItem i : CATALOG.items()) {
            texts.addAll(i.name().all());
            if (i.brand() != null) texts.add(i.brand());
            if (i.indication() != null) texts.addAll(i.indication().all());
        }
        for (Institution i : CATALOG.institutions()) texts.addAll(i.name().all());
        int nonEmpty = 0;
        for (int n = 0; n < 600; n++) {
            String t = texts.get(r.nextInt(texts.size()));
            int from = r.nextInt(100) < 50 ? 0 : r.nextInt(t.length());
            int len = 1 + r.nextInt(12);
            String q = t.substring(from, Math.min(t.length(), from + len));
            if (r.nextInt(100) < 15 && q.length() > 2) q = typo(q, r);
            if (r.nextInt(100) < 10) q = q.toUpperCase();
            LookupQuery query = LookupQuery.of(q).withLimit(1 + r.nextInt(60));
            query = randomFilters(query, r);
            LookupResult expected = SCAN.search(query);
            assertEquals(expected, INDEX.search(query), "query «" + q + "» " + query);
            if (expected.total() > 0) nonEmpty++;
        }
        assertTrue(nonEmpty > 300, "most generated queries should find something: " + nonEmpty);
    }

    @Test
    void typingWholeNamesOneCharacterAtATime() {
        Random r = new Random(3);
        for (int n = 0; n < 40; n++) {
            RegulatedItem item = CATALOG.items().get(r.nextInt(CATALOG.items().size()));
            for (String name : item.name().all()) {
                for (int len = 1; len <= Math.min(12, name.length()); len++) {
                    LookupQuery q = LookupQuery.of(name.substring(0, len));
                    assertEquals(SCAN.search(q), INDEX.search(q), q.text());
                }
                // the whole name finds the item first... unless another record has the very same name
                LookupResult whole = INDEX.search(LookupQuery.of(name));
                assertEquals(MatchType.EXACT, whole.hits().get(0).type(), name);
                assertTrue(whole.hits().stream().anyMatch(h -> h.id().equals(item.id())), name);
            }
        }
    }

    @Test
    void randomCharactersNeverThrow() {
        Random r = new Random(11);
        String alphabet = "aeiloprtnx 劳拉替尼勞醫院深圳耳蜗\"*'()-_%🙂\u200D\uD800ＬＯＲ";
        for (int n = 0; n < 500; n++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(20);
            for (int i = 0; i < len; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            LookupQuery q = randomFilters(LookupQuery.of(b.toString()), r);
            assertEquals(SCAN.search(q), INDEX.search(q), b.toString());
        }
    }

    private static LookupQuery randomFilters(LookupQuery q, Random r) {
        if (r.nextInt(100) < 20) q = q.withKinds(Set.of(ResultKind.values()[r.nextInt(3)]));
        if (r.nextInt(100) < 15) q = q.withCity(City.values()[r.nextInt(9)]);
        if (r.nextInt(100) < 10) q = q.withStatus(r.nextBoolean() ? DesignationStatus.CURRENT : DesignationStatus.REMOVED);
        if (r.nextInt(100) < 5) q = q.withInstitution(CATALOG.institutions().get(r.nextInt(CATALOG.institutions().size())).id());
        return q;
    }

    private static String typo(String q, Random r) {
        int i = r.nextInt(q.length() - 1);
        switch (r.nextInt(4)) {
            case 0: return q.substring(0, i) + q.substring(i + 1);
            case 1: return q.substring(0, i) + 'x' + q.substring(i);
            case 2: return q.substring(0, i) + 'q' + q.substring(i + 1);
            default: return q.substring(0, i) + q.charAt(i + 1) + q.charAt(i) + q.substring(i + 2);
        }
    }
}
