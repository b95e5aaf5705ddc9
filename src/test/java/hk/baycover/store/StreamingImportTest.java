package hk.baycover.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.app.BayCover;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.PackWriter;
import hk.baycover.catalog.Problem;
import hk.baycover.catalog.ReferenceContext;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.testsupport.DbContent;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports read a pack one record at a time ({@link PackReader#check}, then {@link PackReader#stream} while writing) and
 * fall back to the whole-file read for a pack with a problem or laid out otherwise. The two paths write the same rows;
 * the streaming check never passes a pack the whole read refuses; a problem deep in a large pack, or a syntax error
 * half-way through it, is named exactly as before and leaves the data folder as it was.
 */
class StreamingImportTest {

    private static final Set<String> BOOKKEEPING = Set.of("imported_at", "checksum", "applied_at");

    @TempDir
    Path dir;

    private static BayCover open(Path dataDir) {
        return BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
    }

    private static PackReader reader() {
        return new PackReader(Lang.EN, LocalDate.now());
    }

    /** The same pack with its header written after the records: a layout the streaming read leaves to the whole read. */
    private static byte[] headerLast(Path pack) throws Exception {
        ObjectNode root = (ObjectNode) CatalogJson.mapper().readTree(Files.readAllBytes(pack));
        ObjectNode moved = CatalogJson.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!"pack".equals(e.getKey())) moved.set(e.getKey(), e.getValue());
        }
        moved.set("pack", root.get("pack"));
        return CatalogJson.mapper().writeValueAsBytes(moved);
    }

    private Map<String, List<List<String>>> imported(String name, List<Path> packs) {
        try (BayCover app = open(dir.resolve(name))) {
            app.catalogStore().importFiles(packs, CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            return DbContent.content(app.database().file(), BOOKKEEPING);
        }
    }

    /** Imports {@code packs} as they are and with their headers last; the first pack names only its own records. */
    private void assertBothPathsWriteTheSame(String name, List<Path> packs) throws Exception {
        List<Path> moved = new ArrayList<>();
        Files.createDirectories(dir.resolve(name + "-moved"));
        assertTrue(reader().check(packs.get(0).toString(), Files.readAllBytes(packs.get(0)), ReferenceContext.EMPTY).isPresent(),
                packs.get(0) + " is streamed");
        for (Path p : packs) {
            Path m = dir.resolve(name + "-moved").resolve(p.getFileName());
            Files.write(m, headerLast(p));
            assertTrue(reader().check(m.toString(), Files.readAllBytes(m), ReferenceContext.EMPTY).isEmpty(), m + " is read whole");
            moved.add(m);
        }
        Map<String, List<List<String>>> streamed = imported(name + "-streamed", packs);
        Map<String, List<List<String>>> whole = imported(name + "-whole", moved);
        assertFalse(streamed.get("dataset").isEmpty());
        assertEquals(whole.keySet(), streamed.keySet(), name);
        for (String table : whole.keySet()) {
            List<List<String>> w = whole.get(table);
            List<List<String>> st = streamed.get(table);
            for (int i = 0; i < Math.min(w.size(), st.size()); i++) {
                for (int k = 0; k < w.get(i).size(); k++) {
                    assertEquals(w.get(i).get(k), st.get(i).get(k), name + ": " + table + " row " + i + " column " + k + differsAt(w.get(i).get(k), st.get(i).get(k)));
                }
            }
            assertEquals(w.size(), st.size(), name + ": rows of " + table);
        }
    }

    /** Where two long texts part, for a failure message that shows the difference rather than both texts. */
    private static String differsAt(String a, String b) {
        if (a == null || b == null || a.equals(b)) return "";
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) i++;
        int from = Math.max(0, i - 60);
        return " at " + i + ": whole read '" + a.substring(from, Math.min(a.length(), i + 60)) + "', streamed '"
                + b.substring(from, Math.min(b.length(), i + 60)) + "'";
    }

    @Test
    void theStreamedAndTheWholeReadWriteTheSameRows() throws Exception {
        // the test packs name one Chinese script only here and there: the filled script goes through both paths
        assertBothPathsWriteTheSame("test", List.of(TestPacks.DRUGS, TestPacks.PRODUCTS, TestPacks.SCENARIOS));
        try (Stream<Path> shipped = Files.list(Path.of("data", "packs"))) {
            assertBothPathsWriteTheSame("shipped", shipped.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
        Path generated = dir.resolve("generated.json");
        var catalog = new hk.baycover.bench.CatalogGenerator(3).generate(300, 400);
        Pack pack = new Pack(CatalogJson.parse(CatalogJson.mapper().readTree(TestPacks.text(TestPacks.DRUGS)).get("pack").toString(),
                hk.baycover.model.PackHeader.class), catalog.institutions(), catalog.items(), List.of(), List.of(), List.of());
        Files.writeString(generated, PackWriter.toJson(pack));
        assertBothPathsWriteTheSame("generated", List.of(generated));
    }

    /**
     * Numbers written with trailing zeros or an exponent ({@code 1500.00}, {@code 1.5E+3}): the streamed records are bound
     * straight from their bytes, the whole read binds them from a tree (which normalises numbers); both write the same.
     */
    @Test
    void numbersWrittenInAnyFormWriteTheSameRowsBothWays() throws Exception {
        // money amounts written with two decimals (1500 -> 1500.00) or, every other round one, in exponent form (1.5E+3)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\"amount\"\\s*:\\s*)(\\d+(?:\\.\\d+)?)").matcher(TestPacks.text(TestPacks.PRODUCTS));
        StringBuilder out = new StringBuilder();
        int count = 0;
        int exponents = 0;
        while (m.find()) {
            java.math.BigDecimal d = new java.math.BigDecimal(m.group(2));
            count++;
            String form = d.stripTrailingZeros().scale() < 0 && exponents++ % 2 == 0 ? d.stripTrailingZeros().toString()
                    : d.setScale(Math.max(2, d.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + form));
        }
        m.appendTail(out);
        String text = out.toString();
        assertTrue(count >= 5 && text.contains(".00") && text.contains("E+"), "the pack holds the odd forms: " + count + " amounts");
        Path odd = dir.resolve("odd-numbers.json");
        Files.writeString(odd, text);
        // the products name the test drugs pack's institutions and items: it is imported with them
        assertBothPathsWriteTheSame("odd-numbers", List.of(TestPacks.DRUGS, odd));
    }

    @Test
    void theStreamingCheckPassesNoPackTheWholeReadRefuses() throws Exception {
        List<Path> bad;
        try (Stream<Path> files = Files.list(TestPacks.ROOT.resolve("bad"))) {
            bad = files.sorted().toList();
        }
        assertFalse(bad.isEmpty());
        for (Path p : bad) {
            byte[] bytes = Files.readAllBytes(p);
            assertFalse(reader().read(p.toString(), bytes, ReferenceContext.EMPTY).problems().isEmpty(), p.toString());
            assertTrue(reader().check(p.toString(), bytes, ReferenceContext.EMPTY).isEmpty(), p.toString());
        }
        // a reference to an institution that exists neither in the pack nor before it
        byte[] good = Files.readAllBytes(TestPacks.PRODUCTS);
        assertTrue(reader().check("p", good, ReferenceContext.EMPTY).isEmpty());
        assertTrue(reader().check("p", good, ReferenceContext.of(Set.of("test-hosp-a", "test-hosp-b", "test-hosp-c"), Set.of("test-drug-x", "test-device-y")))
                .isPresent() == reader().read("p", good, ReferenceContext.of(Set.of("test-hosp-a", "test-hosp-b", "test-hosp-c"),
                Set.of("test-drug-x", "test-device-y"))).ok());
    }

    /** A drugs-devices pack of the test institutions and items followed by {@code extra} small generated institutions. */
    private static String largePack(int extra, int bad, String badField) throws Exception {
        ObjectNode root = (ObjectNode) CatalogJson.mapper().readTree(TestPacks.bytes(TestPacks.DRUGS));
        int first = root.get("institutions").size();
        StringBuilder sb = new StringBuilder(extra * 200);
        sb.append("{\n\"pack\": ").append(root.get("pack")).append(",\n\"institutions\": [\n");
        for (JsonNode i : root.get("institutions")) sb.append(i).append(",\n");
        for (int k = 0; k < extra; k++) {
            int index = first + k;
            sb.append("{\"id\": \"gen-inst-").append(index).append("\", \"name\": {\"en\": \"Institution ").append(index)
                    .append("\"}, \"city\": \"").append(index == bad ? badField : "SHENZHEN")
                    .append("\", \"sources\": [{\"url\": \"https://example.org/").append(index).append("\"}], \"asOf\": \"2025-06\", ")
                    .append("\"confidence\": \"LOW\"}").append(k + 1 < extra ? ",\n" : "\n");
        }
        sb.append("],\n\"items\": ").append(root.get("items"));
        if (root.has("totals")) sb.append(",\n\"totals\": ").append(root.get("totals"));
        sb.append("\n}\n");
        return sb.toString();
    }

    /** Every file of a data folder with its size: "left as it was" includes no new backup. */
    private static Map<String, Long> files(Path dataDir) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".lock")).toList()) {
                out.put(dataDir.relativize(p).toString(), Files.size(p));
            }
        }
        return out;
    }

    private void assertRefusedAsTheWholeReadSays(Path pack, String pointer) throws Exception {
        Path data = dir.resolve("data");
        try (BayCover app = open(data)) {
            Map<String, List<List<String>>> before = DbContent.rows(app.database().file());
            Map<String, Long> filesBefore = files(data);
            PackException e = assertThrows(PackException.class, () -> app.datasets().importFiles(List.of(pack), Lang.EN, ProgressMonitor.NONE));
            List<Problem> whole = reader().read(pack).problems();
            assertEquals(whole, e.problems());
            assertEquals(pointer, e.problems().get(0).pointer());
            assertEquals(pack.toString(), e.problems().get(0).file());
            assertEquals(before, DbContent.rows(app.database().file()));
            assertEquals(filesBefore, files(data));
        }
    }

    @Test
    void aProblemInRecord150000IsNamedAndNothingChanges() throws Exception {
        Path pack = dir.resolve("large.json");
        Files.writeString(pack, largePack(150_010, 150_000, "ATLANTIS"), StandardCharsets.UTF_8);
        assertRefusedAsTheWholeReadSays(pack, "/institutions/150000/city");
    }

    @Test
    void recordsOfAnotherDatasetAreNamedOneByOneInPackOrder() throws Exception {
        ObjectNode root = (ObjectNode) CatalogJson.mapper().readTree(TestPacks.bytes(TestPacks.DRUGS));
        ((ObjectNode) root.get("pack")).put("id", "copy-of-test-drugs-devices");
        Path copy = dir.resolve("copy.json");
        Files.write(copy, CatalogJson.mapper().writeValueAsBytes(root));
        List<Problem> expected = new ArrayList<>();
        for (String section : List.of("institutions", "items")) {
            for (int i = 0; i < root.get(section).size(); i++) {
                String id = root.get(section).get(i).get("id").asText();
                expected.add(new Problem(copy.toString(), "/" + section + "/" + i + "/id",
                        hk.baycover.i18n.I18n.get(Lang.EN, "pack.idTaken", id, "test-drugs-devices")));
            }
        }
        try (BayCover app = open(dir.resolve("clash"))) {
            app.datasets().importFiles(List.of(TestPacks.DRUGS), Lang.EN, ProgressMonitor.NONE);
            PackException e = assertThrows(PackException.class, () -> app.datasets().importFiles(List.of(copy), Lang.EN, ProgressMonitor.NONE));
            assertEquals(expected, e.problems());
        }
    }

    @Test
    void aSyntaxErrorHalfWayGivesLineAndColumn() throws Exception {
        String text = largePack(20_000, -1, "");
        int at = text.indexOf("\"gen-inst-12000\"");
        // the comma between two records is lost
        int comma = text.lastIndexOf(",\n", at);
        Path pack = dir.resolve("broken.json");
        Files.writeString(pack, text.substring(0, comma) + text.substring(comma + 1), StandardCharsets.UTF_8);
        int line = (int) text.substring(0, comma).chars().filter(c -> c == '\n').count() + 2;
        assertRefusedAsTheWholeReadSays(pack, line + ":1");
    }
}
