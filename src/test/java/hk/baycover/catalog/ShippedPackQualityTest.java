package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped packs meet the data rules of issue 13: every text a user sees is in all three languages and free of
 * research remarks, every source carries a date, every as-of is a full date, every real premium table names its
 * source, and every benefit states its 港澳藥械通 stance for drugs and for devices, with a source. Each rule is checked on the pack files themselves, so a broken record fails here with its JSON pointer.
 */
class ShippedPackQualityTest {

    private static final Path PACKS = Path.of("data", "packs");
    private static final List<String> FILES = List.of("gba-drugs-devices.json", "gba-products.json", "gba-scenarios.json");
    private static final Set<String> TEXT_KEYS = Set.of("zhHant", "zhHans", "en", "converted");
    private static final Pattern FULL_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");
    /** Research remarks that must not reach a reader: row ids (P02, S05, I21, D03, M09), markers, research file names. */
    private static final Pattern REMARK = Pattern.compile("\\b[PSIDMA]\\d{2}\\b|UNVERIFIED|UNCERTAIN|\\bresearch\\b|products-fill|gaps-fill|§");

    record Finding(String file, String pointer, String problem) {
        @Override
        public String toString() { return file + ":" + pointer + ": " + problem; }
    }

    static JsonNode read(String file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(PACKS.resolve(file)));
    }

    static boolean isText(JsonNode n) {
        if (!n.isObject() || n.isEmpty()) return false;
        boolean lang = false;
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String k = e.getKey();
            if (!TEXT_KEYS.contains(k)) return false;
            lang |= !k.equals("converted");
        }
        return lang;
    }

    interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    static void walk(JsonNode n, String pointer, Visitor v) {
        v.visit(pointer, n);
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!isText(e.getValue())) walk(e.getValue(), pointer + "/" + e.getKey(), v);
                else v.visit(pointer + "/" + e.getKey(), e.getValue());
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                if (!isText(n.get(i))) walk(n.get(i), pointer + "/" + i, v);
                else v.visit(pointer + "/" + i, n.get(i));
            }
        }
    }

    static List<Finding> check(String file, JsonNode root) {
        List<Finding> out = new ArrayList<>();
        walk(root, "", (p, n) -> {
            if (isText(n)) {
                for (String lang : List.of("zhHant", "zhHans", "en")) {
                    if (!n.hasNonNull(lang) || n.get(lang).asText().isBlank()) out.add(new Finding(file, p, "text has no " + lang));
                }
                for (String lang : List.of("zhHant", "zhHans", "en")) {
                    if (n.hasNonNull(lang) && REMARK.matcher(n.get(lang).asText()).find()) {
                        out.add(new Finding(file, p, "research remark in a user-visible text (" + lang + "): move it to the source note"));
                    }
                }
                return;
            }
            if (!n.isObject()) return;
            if (n.has("url") && n.get("url").isTextual()) {
                String date = n.path("date").asText("");
                String read = n.path("retrieved").asText("");
                if (date.isBlank() && read.isBlank()) out.add(new Finding(file, p, "source has no date (neither stated nor retrieved)"));
                if (!date.isBlank() && !DATE.matcher(date).matches()) out.add(new Finding(file, p, "source date is not a date: " + date));
            }
            if (n.has("asOf") && !FULL_DATE.matcher(n.get("asOf").asText()).matches()) {
                out.add(new Finding(file, p + "/asOf", "as-of is not a full date: " + n.get("asOf").asText()));
            }
            if (p.matches("/products/\\d+/benefits/\\d+") && n.has("need")) {
                for (String kind : List.of("drugs", "devices")) {
                    JsonNode st = n.path("gbaStance").path(kind);
                    if (!st.hasNonNull("stance")) out.add(new Finding(file, p, "benefit without a 港澳藥械通 stance for " + kind));
                    else if (st.path("sources").size() == 0) out.add(new Finding(file, p + "/gbaStance/" + kind, "港澳藥械通 stance without a source"));
                }
            }
            if (n.has("rows") && n.get("rows").isArray() && n.get("rows").size() > 0 && n.has("status")
                    && !n.path("sample").asBoolean(false) && n.path("sources").size() == 0) {
                out.add(new Finding(file, p, "premium rows without a source (and the table is not a sample)"));
            }
        });
        return out;
    }

    @Test
    void everyShippedPackMeetsTheDataRules() throws Exception {
        List<Finding> all = new ArrayList<>();
        for (String f : FILES) all.addAll(check(f, read(f)));
        assertEquals(List.of(), all, "data rules broken:\n" + String.join("\n", all.stream().map(Finding::toString).toList()));
    }

    @Test
    void theRulesCatchEachKindOfFault() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode bad = m.readTree("""
                {"pack": {"id": "x", "asOf": "2026"},
                 "products": [{"id": "p", "name": {"en": "English only"}, "summary": {"zhHant": "甲", "zhHans": "甲", "en": "P02. row"},
                   "sources": [{"url": "https://example.org/a"}, {"url": "https://example.org/b", "date": "n.s."}],
                   "premiums": {"status": "TABLE", "rows": [{"ageFrom": 50, "ageTo": 80, "amount": 1}], "sources": []},
                   "benefits": [{"need": "INPATIENT"}],
                   "asOf": "2025-09"}]}""");
        List<String> problems = check("bad.json", bad).stream().map(Finding::toString).toList();
        assertTrue(problems.contains("bad.json:/products/0/name: text has no zhHant"), problems.toString());
        assertTrue(problems.contains("bad.json:/products/0/name: text has no zhHans"), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("bad.json:/products/0/summary: research remark")), problems.toString());
        assertTrue(problems.contains("bad.json:/products/0/sources/0: source has no date (neither stated nor retrieved)"), problems.toString());
        assertTrue(problems.contains("bad.json:/products/0/sources/1: source date is not a date: n.s."), problems.toString());
        assertTrue(problems.contains("bad.json:/pack/asOf: as-of is not a full date: 2026"), problems.toString());
        assertTrue(problems.contains("bad.json:/products/0/asOf: as-of is not a full date: 2025-09"), problems.toString());
        assertTrue(problems.contains("bad.json:/products/0/premiums: premium rows without a source (and the table is not a sample)"), problems.toString());
        assertTrue(problems.contains("bad.json:/products/0/benefits/0: benefit without a 港澳藥械通 stance for drugs"), problems.toString());
        assertEquals(10, problems.size(), problems.toString());
    }

    @TempDir
    Path dataDir;

    @Test
    void productsJsonShowsAtLeastThirtyCommercialProductsWithPublishedPremiumsForAges50To80() throws Exception {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new String[] {"--data-dir", dataDir.toString(), "products", "--json"}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        JsonNode root = new ObjectMapper().readTree(o.toString());
        int published = 0;
        for (JsonNode p : root.get("products")) {
            JsonNode pr = p.get("premium");
            if (p.get("layer").asText().equals("COMMERCIAL") && pr.get("published").asBoolean() && !pr.get("sample").asBoolean()
                    && pr.get("ageFrom").asInt() <= 50 && pr.get("ageTo").asInt() >= 80) published++;
        }
        assertTrue(published >= 30, "commercial products with published premiums for ages 50-80: " + published);
    }
}
