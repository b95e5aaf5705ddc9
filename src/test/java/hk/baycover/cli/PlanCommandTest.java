package hk.baycover.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.planning.PlanTestData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan and scenarios commands as a user runs them: the done-when flow, JSON shapes, errors, PDF, --save. */
class PlanCommandTest {

    @TempDir
    static Path dir;
    static Path data;
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        int code = Cli.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void seed() {
        data = dir.resolve("data");
        try (BayCover app = PlanTestData.open(data)) {
            assertTrue(app.catalog().scenario(PlanTestData.LUNG).isPresent());
        }
    }

    /** From the template: age 68, living in Shenzhen. */
    static Path client(String name) throws Exception {
        Run t = cli("--lang", "en", "plan", "--template");
        assertEquals(0, t.code(), t.err());
        ObjectNode c = (ObjectNode) JSON.readTree(t.out());
        c.put("age", 68);
        c.put("livesIn", "SHENZHEN");
        Path file = dir.resolve(name);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c));
        return file;
    }

    @Test
    void recommendWithTheGbaDrugEpisodeAddsUpLineByLine() throws Exception {
        Path client = client("client.json");
        Run r = cli("--lang", "en", "plan", client.toString(), "--recommend", "--scenario", PlanTestData.GBA_DRUG, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.path("recommendation").path("found").asBoolean());
        assertFalse(j.path("plan").path("products").isEmpty(), "a plan");
        assertEquals(10, j.path("premiums").path("years").size(), "premiums for every year of the horizon");
        for (JsonNode y : j.path("premiums").path("years")) {
            assertTrue(y.path("total").has("amount"), "the known part of the year's premiums");
            assertTrue(y.path("toBeQuoted").isArray(), "the products still to be quoted that year");
        }
        for (JsonNode p : j.path("plan").path("products")) {
            assertTrue(List.of("PUBLISHED", "SAMPLE", "QUOTED", "UNKNOWN").contains(p.path("premiumStatus").asText()), p.toString());
        }
        assertTrue(j.path("recommendation").has("complete"));
        assertTrue(j.path("recommendation").path("uncovered").isArray());
        for (JsonNode e : j.path("eligibility")) {
            assertTrue(List.of("ELIGIBLE", "NOT_ELIGIBLE", "UNCONFIRMED").contains(e.path("status").asText()));
            assertEquals(e.path("status").asText().equals("ELIGIBLE"), e.path("eligible").asBoolean());
        }
        assertTrue(j.path("eligibility").size() >= 7, "eligibility for every product");
        assertTrue(j.path("coverage").size() >= 2);
        JsonNode episode = j.path("scenarios").get(0);
        assertEquals(PlanTestData.GBA_DRUG, episode.path("id").asText());
        assertTrue(episode.path("lines").size() >= 10);
        for (JsonNode line : episode.path("lines")) {
            // Σ payments.max + outOfPocket.min == cost and Σ payments.min + outOfPocket.max == cost
            BigDecimal maxSide = line.path("outOfPocket").path("min").decimalValue();
            BigDecimal minSide = line.path("outOfPocket").path("max").decimalValue();
            for (JsonNode p : line.path("payments")) {
                assertTrue(p.has("product") && p.has("min") && p.has("max") && p.has("rule"));
                assertTrue(p.path("min").decimalValue().signum() >= 0);
                assertTrue(p.path("min").decimalValue().compareTo(p.path("max").decimalValue()) <= 0);
                maxSide = maxSide.add(p.path("max").decimalValue());
                minSide = minSide.add(p.path("min").decimalValue());
            }
            assertEquals(0, maxSide.compareTo(line.path("cost").decimalValue()), "Σ max + outOfPocket.min == cost for " + line.path("id"));
            assertEquals(0, minSide.compareTo(line.path("cost").decimalValue()), "Σ min + outOfPocket.max == cost for " + line.path("id"));
            boolean range = line.path("outOfPocket").path("min").decimalValue().compareTo(line.path("outOfPocket").path("max").decimalValue()) != 0;
            assertEquals(range, line.path("dependsOn").size() > 0, "a range names what it depends on: " + line);
            for (JsonNode d : line.path("dependsOn")) assertTrue(d.has("product") && d.has("term") && !d.path("text").asText().isBlank());
        }
        assertTrue(episode.path("totalOutOfPocket").has("min") && episode.path("totalOutOfPocket").has("max"));
        // the public layer refuses the 港澳藥械通 drug
        JsonNode drug = episode.path("lines").get(0);
        assertEquals("brolucizumab", drug.path("item").asText());
        for (JsonNode p : drug.path("payments")) {
            if (p.path("layer").asText().equals("PUBLIC")) assertEquals("GBA_PUBLIC_LAYER", p.path("rule").asText());
        }
        // amounts are plain decimals (no exponent) in the raw text
        assertFalse(r.out().matches("(?s).*\"amount\" : [0-9.]+E[0-9+-].*"));
    }

    @Test
    void chosenProductsAnEditedRateAndTheProposal() throws Exception {
        Path client = client("client2.json");
        Path pdf = dir.resolve("out/proposal.pdf");
        // client data is stored encrypted only: the first save sets the passphrase given
        Path pass = dir.resolve("passphrase.txt");
        java.nio.file.Files.writeString(pass, "a plan command passphrase\n");
        java.nio.file.Files.setPosixFilePermissions(pass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Run r = cli("--lang", "zh-HK", "--passphrase-file", pass.toString(), "plan", client.toString(), "--products", "test-voucher,test-gba-medical",
                "--scenario", PlanTestData.GBA_DRUG, "--fx", "CNY:HKD=1.25", "--pdf", pdf.toString(), "--save", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("zh-HK", j.path("language").asText());
        assertEquals(List.of("test-voucher", "test-gba-medical"), List.of(j.path("plan").path("products").get(0).path("id").asText(),
                j.path("plan").path("products").get(1).path("id").asText()));
        boolean edited = false;
        for (JsonNode fx : j.path("fx")) edited |= fx.path("from").asText().equals("CNY") && fx.path("rate").decimalValue().compareTo(new BigDecimal("1.25")) == 0;
        assertTrue(edited, "the --fx rate is used");
        // the listed drug is paid by the GBA plan at 80 %: one brolucizumab injection, 8,600 x 0.8 = 6,880 (HKD line) — every term
        // published, so exact
        JsonNode drug = j.path("scenarios").get(0).path("lines").get(0);
        JsonNode gba = drug.path("payments").get(1);
        assertEquals("test-gba-medical", gba.path("product").asText());
        assertEquals(0, gba.path("min").decimalValue().compareTo(new BigDecimal("6880")), gba.toString());
        assertEquals(0, gba.path("max").decimalValue().compareTo(new BigDecimal("6880")), gba.toString());
        assertEquals(0, drug.path("dependsOn").size());
        assertTrue(j.path("saved").has("planId"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("保障建議書"));
            assertFalse(text.contains("Cover proposal"));
        }
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            app.keys().unlock("a plan command passphrase".toCharArray());
            String planId = j.path("saved").path("planId").asText();
            assertEquals(List.of("test-voucher", "test-gba-medical"), app.planStore().plan(planId).orElseThrow().plan().productIds());
            assertEquals(1, app.proposalStore().proposals(planId).size());
            assertEquals(Lang.ZH_HK, app.proposalStore().proposals(planId).get(0).lang());
        }
    }

    @Test
    void badInputIsNamedByFileFieldAndOption() throws Exception {
        Path bad = dir.resolve("bad-client.json");
        Files.writeString(bad, "{\"age\": 230, \"sex\": \"X\", \"residency\": \"HK_PERMANENT_RESIDENT\", \"livesIn\": \"SHENZHEN\", "
                + "\"needs\": {\"INPATIENT\": \"MUST_HAVE\", \"TELEPORT\": \"MUST_HAVE\"}, \"horizonYears\": 10, \"budget\": {\"amount\": -1, \"currency\": \"HKD\"}, \"nickname\": \"x\"}");
        Run r = cli("--lang", "en", "plan", bad.toString(), "--recommend");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":/age: age must be a whole number from 0 to 120"), r.err());
        assertTrue(r.err().contains(bad + ":/sex:"), r.err());
        assertTrue(r.err().contains(bad + ":/needs/TELEPORT: unknown need"), r.err());
        assertTrue(r.err().contains(bad + ":/budget/amount:"), r.err());
        assertTrue(r.err().contains(bad + ":/nickname: unknown field"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace");
        Run zh = cli("--lang", "zh-HK", "plan", bad.toString());
        assertTrue(zh.err().contains(":/age: 年齡必須是 0 至 120 的整數"), zh.err());

        Path good = client("client3.json");
        Run fx = cli("--lang", "en", "plan", good.toString(), "--fx", "CNY:HKD=abc");
        assertEquals(1, fx.code());
        assertTrue(fx.err().contains("--fx CNY:HKD=abc"), fx.err());
        Run product = cli("--lang", "en", "plan", good.toString(), "--products", "no-such-product");
        assertEquals(1, product.code());
        assertTrue(product.err().contains("no-such-product"));
        Run scenario = cli("--lang", "en", "plan", good.toString(), "--scenario", "nope");
        assertEquals(1, scenario.code());
        assertTrue(scenario.err().contains("\"nope\""));
        Run both = cli("plan", good.toString(), "--recommend", "--products", "test-voucher");
        assertEquals(2, both.code(), "mutually exclusive options are a usage error");
        Run missing = cli("--lang", "en", "plan", dir.resolve("nowhere.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nowhere.json"));
    }

    @Test
    void noFittingSetIsSaidPlainly() throws Exception {
        Path client = client("poor.json");
        ObjectNode c = (ObjectNode) JSON.readTree(Files.readString(client));
        ((ObjectNode) c.path("budget")).put("amount", 100);
        ((ObjectNode) c.path("needs")).put("RESIDENTIAL_CARE", "MUST_HAVE");
        Files.writeString(client, c.toString());
        Run r = cli("--lang", "en", "plan", client.toString(), "--recommend", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode rec = JSON.readTree(r.out()).path("recommendation");
        // never just "no set fits": the best plan for the rest, and the uncovered must-have named with its reasons
        assertTrue(rec.path("found").asBoolean());
        assertFalse(rec.path("complete").asBoolean());
        JsonNode uncovered = rec.path("uncovered");
        assertEquals("RESIDENTIAL_CARE", uncovered.get(0).path("need").asText(), rec.toString());
        assertEquals("MUST_HAVE", uncovered.get(0).path("priority").asText());
        assertTrue(uncovered.get(0).path("reasons").get(0).path("text").asText().contains("Residential elderly care"), rec.toString());
    }

    @Test
    void scenariosAreListed() throws Exception {
        Run r = cli("--lang", "en", "scenarios", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertTrue(list.size() >= 6);
        boolean lung = false;
        for (JsonNode s : list) lung |= s.path("id").asText().equals(PlanTestData.LUNG) && s.path("lines").size() > 0;
        assertTrue(lung);
        Run text = cli("--lang", "zh-HK", "scenarios");
        assertTrue(text.out().contains(PlanTestData.LUNG));
        assertTrue(text.out().contains("示例數字"));
    }

    @Test
    void anInsurersQuoteInTheClientFilePricesTheProductAndNarrowsTheRange() throws Exception {
        Path client = client("quoted.json");
        Run before = cli("--lang", "en", "plan", client.toString(), "--products", "test-unpublished", "--scenario", "inpatient-5d-hku-szh", "--json");
        assertEquals(0, before.code(), before.err());
        JsonNode b = JSON.readTree(before.out());
        assertEquals("UNKNOWN", b.path("plan").path("products").get(0).path("premiumStatus").asText());
        assertEquals("test-unpublished", b.path("premiums").path("years").get(0).path("toBeQuoted").get(0).asText());
        assertEquals(0, b.path("premiums").path("years").get(0).path("total").path("amount").decimalValue().signum(), "not counted as zero: to be quoted");
        JsonNode wide = b.path("scenarios").get(0).path("totalOutOfPocket");
        assertTrue(wide.path("min").decimalValue().compareTo(wide.path("max").decimalValue()) < 0);
        for (JsonNode e : b.path("eligibility")) {
            if (e.path("product").asText().equals("test-unpublished")) assertEquals("UNCONFIRMED", e.path("status").asText());
        }

        ObjectNode c = (ObjectNode) JSON.readTree(Files.readString(client));
        ObjectNode q = c.putArray("quotes").addObject();
        q.put("product", "test-unpublished");
        q.put("date", "2026-11-20");
        q.put("reference", "Q-0042");
        q.putObject("premium").put("amount", 12000).put("currency", "HKD").put("frequency", "ANNUAL");
        q.put("minEntryAge", 0).put("maxEntryAge", 80).put("maxRenewalAge", 100).put("waitingPeriodDays", 0).put("network", "ANY");
        q.putObject("annualLimit").put("amount", 500000).put("currency", "HKD");
        q.putObject("deductible").put("amount", 0).put("currency", "HKD");
        q.put("coInsurance", 0);
        Files.writeString(client, c.toString());
        Run after = cli("--lang", "en", "plan", client.toString(), "--products", "test-unpublished", "--scenario", "inpatient-5d-hku-szh", "--json");
        assertEquals(0, after.code(), after.err());
        JsonNode a = JSON.readTree(after.out());
        assertEquals("QUOTED", a.path("plan").path("products").get(0).path("premiumStatus").asText());
        assertEquals(0, a.path("premiums").path("years").get(0).path("total").path("amount").decimalValue().compareTo(new BigDecimal("12000")));
        assertEquals(0, a.path("premiums").path("years").get(0).path("toBeQuoted").size());
        JsonNode narrow = a.path("scenarios").get(0).path("totalOutOfPocket");
        assertTrue(narrow.path("min").decimalValue().compareTo(wide.path("min").decimalValue()) >= 0);
        assertTrue(narrow.path("max").decimalValue().compareTo(wide.path("max").decimalValue()) < 0, "a recorded limit narrows the range");

        // a quote dated in the future, or naming no figure, is refused with the field named
        q.put("date", "2099-01-01");
        Files.writeString(client, c.toString());
        Run bad = cli("--lang", "en", "plan", client.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(client + ":/quotes/0/date: the quote's date cannot be later than today"), bad.err());
    }
}
