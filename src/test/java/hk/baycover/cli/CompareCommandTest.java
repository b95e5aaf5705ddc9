package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.compare.CompareFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static hk.baycover.compare.CompareFixtures.BOCG;
import static hk.baycover.compare.CompareFixtures.HSBC;
import static hk.baycover.compare.CompareFixtures.HUIMINBAO;
import static hk.baycover.compare.CompareFixtures.PICC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code baycover products} and {@code baycover compare} end to end on a real data folder (the test pack imported by the CLI itself). */
class CompareCommandTest {

    @TempDir
    static Path dataDir;
    @TempDir
    Path out;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(all.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    static JsonNode json(String... args) throws Exception {
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @BeforeAll
    static void importPack() {
        Run r = run("import", CompareFixtures.pack().toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void productsJsonListsIdsNamesInThreeScriptsAndKinds() throws Exception {
        JsonNode root = json("products", "--json");
        assertEquals(root.get("products").size(), root.get("count").asInt());
        assertTrue(root.get("count").asInt() >= 6);
        JsonNode bocg = null;
        for (JsonNode p : root.get("products")) if (p.get("id").asText().equals(BOCG)) bocg = p;
        assertTrue(bocg != null);
        assertEquals("COMMERCIAL_MEDICAL", bocg.get("kind").asText());
        assertEquals("中銀大灣區醫療保障計劃－卓越計劃", bocg.get("names").get("zhHant").asText());
        assertEquals("中银大湾区医疗保障计划－卓越计划", bocg.get("names").get("zhHans").asText());
        assertEquals("BOCG GBA Medical Protection Plan – Excellence", bocg.get("names").get("en").asText());
        JsonNode vhis = json("products", "--kind", "VHIS", "--json");
        boolean hsbc = false;
        for (JsonNode p : vhis.get("products")) {
            assertEquals("VHIS", p.get("kind").asText());
            hsbc |= p.get("id").asText().equals(HSBC);
        }
        assertTrue(hsbc);
        Run text = run("--lang", "en", "products");
        assertEquals(0, text.code());
        assertTrue(text.out().contains("滙豐自願醫保標準計劃 / 汇丰自愿医保标准计划 / HSBC VHIS Standard Plan"), text.out());
        assertEquals(2, run("products", "--kind", "NOPE").code(), "unknown kind is a usage error");
    }

    @Test
    void compareJsonSaysWhichProductsA70YearOldCanJoinAndWhyNot() throws Exception {
        JsonNode root = json("--lang", "en", "compare", HSBC, HUIMINBAO, BOCG, "--age", "70", "--json");
        assertEquals(List.of(HSBC, BOCG), strings(root.get("eligible")));
        JsonNode ineligible = root.get("ineligible");
        assertEquals(1, ineligible.size());
        assertEquals(HUIMINBAO, ineligible.get(0).get("id").asText());
        assertEquals("Requires enrolment in Shenzhen basic medical insurance", ineligible.get(0).get("why").get(0).asText());
        JsonNode products = root.get("products");
        assertEquals(HSBC, products.get(0).get("id").asText());
        assertTrue(products.get(0).get("eligible").asBoolean());
        assertEquals(70, products.get(0).get("ageUsed").asInt());
        assertFalse(products.get(1).get("eligible").asBoolean());
        assertEquals("BLOCK", products.get(1).get("reasons").get(0).get("severity").asText());
        assertEquals("elig.requires.SZ_MEDICAL_INSURANCE", products.get(1).get("reasons").get(0).get("key").asText());
        // groups in order, cells with sources
        List<String> groups = new ArrayList<>();
        root.get("groups").forEach(g -> groups.add(g.get("group").asText()));
        assertEquals(List.of("UNDERWRITING", "SERVICE", "ELIGIBILITY", "BENEFITS", "PREMIUM", "GBA_ITEMS", "ELDERLY_CARE", "SOURCES"), groups);
        JsonNode firstCell = root.get("groups").get(0).get("rows").get(0).get("cells").get(0);
        assertTrue(firstCell.has("text") && firstCell.has("published") && firstCell.has("differs") && firstCell.has("sample") && firstCell.has("sources"));
        assertEquals(root.get("rowsTotal").asInt(), root.get("rowsShown").asInt());

        // localized reasons; an over-age client
        JsonNode hk = json("--lang", "zh-HK", "compare", HSBC, BOCG, "--age", "85", "--json");
        assertEquals(List.of(BOCG), strings(hk.get("eligible")));
        assertTrue(hk.get("ineligible").get(0).get("why").get(0).asText().contains("85"), hk.get("ineligible").toString());
        JsonNode diff = json("compare", HSBC, BOCG, "--only-differences", "--json");
        assertTrue(diff.get("rowsShown").asInt() < diff.get("rowsTotal").asInt());
        assertFalse(diff.has("eligible"), "no client given: nothing checked");
    }

    /** A row of a compare --json answer, by key. */
    static JsonNode row(JsonNode root, String key) {
        for (JsonNode g : root.get("groups")) for (JsonNode r : g.get("rows")) if (r.get("key").asText().equals(key)) return r;
        throw new AssertionError("no row " + key);
    }

    @Test
    void serviceRowsShowDirectBillingBookingRouteAndNetworkSizeWithTheirSources() throws Exception {
        // shipped products (the data folder seeds the shipped packs): FWD's cross-border plan and Manulife's network
        JsonNode root = json("--lang", "en", "compare", "fwd-cross-border-premier-medical", "manulife-mainland-network", "--json");
        JsonNode direct = row(root, "service.directBilling").get("cells");
        assertTrue(direct.get(0).get("text").asText().contains("Shenzhen New Frontier United Family Hospital"), direct.toString());
        JsonNode booking = row(root, "service.bookingRoute").get("cells");
        assertTrue(booking.get(0).get("text").asText().contains("HMG"), booking.toString());
        assertTrue(booking.get(1).get("text").asText().contains("+852 2510 3941"), booking.toString());
        assertTrue(booking.get(0).get("sources").toString().contains("szufh.hk/en/fuwei.html"), "the hospital's own guide is cited");
        JsonNode size = row(root, "service.networkSize").get("cells");
        assertTrue(size.get(0).get("text").asText().startsWith("300 institutions"), size.toString());
        assertTrue(size.get(1).get("text").asText().startsWith("3,000 institutions (as of 2023-06-01)"), size.toString());
        JsonNode pre = row(root, "service.preAuthorisation").get("cells");
        assertTrue(pre.get(1).get("text").asText().contains("3 working days"), pre.toString());
        JsonNode hk = json("--lang", "zh-HK", "compare", "fwd-cross-border-premier-medical", "manulife-mainland-network", "--json");
        assertTrue(row(hk, "service.networkSize").get("cells").get(1).get("text").asText().startsWith("3,000 間醫療機構（截至 2023-06-01）"));
    }

    @Test
    void unknownIdsAndWrongCountsAreClearErrors() {
        Run typo = run("--lang", "en", "compare", "t-bocg-gba-excelence", HSBC);
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("Unknown product \"t-bocg-gba-excelence\". Did you mean: " + BOCG), typo.err());
        assertFalse(typo.err().contains("Exception"), "no stack trace");
        Run none = run("--lang", "en", "compare", "zzzzzzzzzz", HSBC);
        assertEquals(1, none.code());
        assertTrue(none.err().contains("baycover products"), none.err());
        Run one = run("--lang", "en", "compare", HSBC);
        assertEquals(1, one.code());
        assertTrue(one.err().contains("compare 2 to 6"), one.err());
        Run seven = run("--lang", "en", "compare", "a1", "a2", "a3", "a4", "a5", "a6", "a7");
        assertEquals(1, seven.code());
        assertTrue(seven.err().contains("7 product(s) given"), seven.err());
        Run age = run("--lang", "en", "compare", HSBC, BOCG, "--age", "200");
        assertEquals(1, age.code());
        // the client-age rules of the client file and the screens: a whole number from 0 to 120
        assertTrue(age.err().contains("--age 200: age must be a whole number from 0 to 120"), age.err());
        Run future = run("--lang", "en", "compare", HSBC, BOCG, "--birth-date", "2999-01-01");
        assertEquals(1, future.code());
        assertTrue(future.err().contains("--birth-date 2999-01-01: the birth date is in the future"), future.err());
        assertEquals(2, run("compare", HSBC, BOCG, "--json", "--csv", "x.csv").code(), "--json and --csv are exclusive");
    }

    @Test
    void pdfInTraditionalChineseAndCsvWithBom() throws Exception {
        Path pdf = out.resolve("out.pdf");
        Run r = run("--lang", "zh-HK", "compare", PICC, BOCG, "--pdf", pdf.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("跨境通行保·北上醫無憂"));
            assertTrue(text.contains("中銀大灣區醫療保障計劃－卓越計劃"));
        }
        Path csv = out.resolve("out.csv");
        assertEquals(0, run("--lang", "zh-CN", "compare", PICC, BOCG, "--csv", csv.toString()).code());
        byte[] b = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, b[0]);
        assertEquals((byte) 0xBB, b[1]);
        assertEquals((byte) 0xBF, b[2]);
        assertTrue(new String(b, java.nio.charset.StandardCharsets.UTF_8).contains("中银大湾区医疗保障计划"));
        Path blocker = Files.writeString(out.resolve("a-file"), "not a folder");
        Run bad = run("--lang", "en", "compare", PICC, BOCG, "--csv", blocker.resolve("x.csv").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("Cannot write"), bad.err());
    }

    @Test
    void textOutputListsEligibilityAndGroups() {
        Run r = run("--lang", "en", "compare", HSBC, HUIMINBAO, "--age", "70", "--sex", "F");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Cannot join: Requires enrolment in Shenzhen basic medical insurance"), r.out());
        assertTrue(r.out().contains("== Underwriting (承保協同)"));
        assertTrue(r.out().contains("== Sources"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
