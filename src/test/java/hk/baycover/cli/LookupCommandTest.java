package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code baycover lookup} end to end: a fresh data folder seeded with the shipped packs, JSON and table output, bad arguments. */
class LookupCommandTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private JsonNode json(String... args) throws Exception {
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void traditionalChineseAndTypoBothReturnLorlatinibWithItsInstitutions() throws Exception {
        for (String q : List.of("勞拉替尼", "lorlatnib")) {
            JsonNode root = json("lookup", q, "--json");
            JsonNode first = root.get("results").get(0);
            assertEquals("drug", first.get("kind").asText());
            assertEquals("lorlatinib", first.get("id").asText());
            assertEquals("勞拉替尼", first.get("names").get("zhHant").asText());
            assertEquals("劳拉替尼", first.get("names").get("zhHans").asText());
            assertEquals("Lorlatinib", first.get("names").get("en").asText());
            assertEquals("name", first.get("matchedField").asText());
            assertEquals(q.equals("lorlatnib") ? "fuzzy" : "exact", first.get("matchType").asText());
            List<String> ids = new ArrayList<>();
            for (JsonNode in : first.get("institutions")) {
                ids.add(in.get("id").asText());
                assertTrue(in.has("names") && in.get("names").has("zhHant") && in.get("names").has("zhHans") && in.get("names").has("en"));
                assertTrue(in.has("city") && in.has("date") && in.has("status"));
            }
            assertTrue(ids.containsAll(List.of("hku-szh", "zhongshan-chenxinghai")), ids.toString());
            JsonNode zs = first.get("institutions").get(ids.indexOf("zhongshan-chenxinghai"));
            assertEquals("ZHONGSHAN", zs.get("city").asText());
            assertEquals("Zhongshan Chenxinghai Hospital", zs.get("names").get("en").asText());
        }
    }

    @Test
    void twoCharactersFindTheCochlearImplant() throws Exception {
        JsonNode root = json("lookup", "耳蜗", "--json");
        assertTrue(root.get("total").asInt() >= 1);
        boolean found = false;
        for (JsonNode r : root.get("results")) found |= r.get("names").get("zhHans").asText().equals("新型人工耳蜗");
        assertTrue(found, root.toString());
    }

    @Test
    void kindCityAndLimitFilter() throws Exception {
        JsonNode inst = json("lookup", "醫院", "--kind", "institution", "--city", "深圳", "--limit", "3", "--json");
        assertEquals(3, inst.get("results").size());
        assertTrue(inst.get("total").asInt() > 3);
        for (JsonNode r : inst.get("results")) {
            assertEquals("institution", r.get("kind").asText());
            assertEquals("SHENZHEN", r.get("city").asText());
        }
        assertEquals("SHENZHEN", inst.get("filters").get("city").asText());
        // the city in English, upper case or Traditional Chinese means the same
        assertEquals(inst.get("total"), json("lookup", "醫院", "--kind", "INSTITUTION", "--city", "Shenzhen", "--json").get("total"));
        // drugs approved in Zhongshan
        JsonNode drugs = json("lookup", "nib", "--kind", "drug", "--city", "zhongshan", "--json");
        assertTrue(drugs.get("total").asInt() >= 1);
        for (JsonNode r : drugs.get("results")) {
            boolean inZhongshan = false;
            for (JsonNode in : r.get("institutions")) inZhongshan |= in.get("city").asText().equals("ZHONGSHAN");
            assertTrue(inZhongshan, r.toString());
        }
    }

    @Test
    void humanTableInTheChosenLanguage() {
        Run en = run("--lang", "en", "lookup", "lorlatinib");
        assertEquals(0, en.code(), en.err());
        assertTrue(en.out().contains("Lorlatinib"), en.out());
        assertTrue(en.out().contains("Zhongshan Chenxinghai Hospital"), en.out());
        assertTrue(en.out().contains("Data as of"), en.out());
        Run hk = run("--lang", "zh-HK", "lookup", "lorlatinib");
        assertTrue(hk.out().contains("勞拉替尼"), hk.out());
        assertTrue(hk.out().contains("中山陳星海醫院"), hk.out());
        Run cn = run("--lang", "zh-CN", "lookup", "lorlatinib");
        assertTrue(cn.out().contains("中山陈星海医院"), cn.out());
        Run none = run("--lang", "en", "lookup", "\"*(");
        assertEquals(0, none.code());
        assertTrue(none.out().contains("Nothing found"), none.out());
    }

    @Test
    void badArgumentsGiveALocalizedUsageError() {
        Run kind = run("--lang", "en", "lookup", "x", "--kind", "pill");
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("Unknown kind \"pill\""), kind.err());
        Run kindHk = run("--lang", "zh-HK", "lookup", "x", "--kind", "pill");
        assertEquals(2, kindHk.code());
        assertTrue(kindHk.err().contains("未知類別"), kindHk.err());
        Run city = run("--lang", "zh-CN", "lookup", "x", "--city", "Atlantis");
        assertEquals(2, city.code());
        assertTrue(city.err().contains("未知城市") && city.err().contains("深圳"), city.err());
        for (String bad : List.of("0", "-1", "abc", "1.5", "999999999")) {
            Run limit = run("--lang", "en", "lookup", "x", "--limit", bad);
            assertEquals(2, limit.code(), bad);
            assertTrue(limit.err().contains("--limit must be a whole number"), limit.err());
        }
        Run missing = run("lookup");
        assertEquals(2, missing.code());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }
}
