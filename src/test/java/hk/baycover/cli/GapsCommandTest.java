package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.app.BayCover;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackWriter;
import hk.baycover.gaps.DraftPacks;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gaps} end to end: a real data folder, the hand-built catalog imported as a pack, real draft pack files. */
class GapsCommandTest {

    @TempDir
    Path dir;
    Path data;
    Path config;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        Path pack = dir.resolve("test-products.json");
        hk.baycover.io.TestFiles.write(pack, o -> PackWriter.write(GapFixtures.pack("test-gap-products", GapFixtures.catalog()), o));
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            app.catalogStore().importFiles(List.of(pack), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
        }
        config = dir.resolve("segments.json");
        Files.writeString(config, "{\"bands\": [\"18-39\", \"40-64\", \"65-84\"], \"livesIn\": [\"HONG_KONG\", \"SHENZHEN\", \"OTHER_GBA\"],"
                + " \"szMedicalInsurance\": [false, true], \"conditions\": [\"NONE\", \"CHRONIC\"], \"needs\": [\"INPATIENT\", \"DENTAL\", \"GBA_DRUG\"]}");
    }

    JsonNode json(Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return CatalogJson.mapper().readTree(r.out());
    }

    static JsonNode cell(JsonNode root, String segment, String need) {
        for (JsonNode c : root.get("cells")) {
            if (c.get("segment").asText().equals(segment) && c.get("need").asText().equals(need)) return c;
        }
        throw new AssertionError("no cell " + segment + " " + need);
    }

    /*
     * The data folder holds the shipped packs (gba-products: 71 products and schemes) plus the four fixture products.
     * Counted by hand from data/packs/gba-products.json and GapFixtures (a Hong Kong resident's care heading north is
     * in Shenzhen; the age policy is ALL_AGES):
     * - DENTAL: the only dental benefits are hk-elderly-voucher-gba and t-sz-dental, both Shenzhen only, so the 12
     *   OTHER_GBA segments have none;
     * - GBA_DRUG: 18-64 is covered in part by t-gba-drug (entry up to 75, all GBA); at 65-84 nothing: sz-huiminbao
     *   states cover for some items but publishes no maximum entry age, so whether a 65-84-year-old may join is
     *   unconfirmed (never counted as cover); sz-basic-medical is silent on 港澳藥械通 items, hk-macao-drug-device-connect pays
     *   nothing — all 12 segments of 65-84 are open;
     * - INPATIENT: open only for 65-84 living in Hong Kong without Shenzhen insurance (NONE and CHRONIC): the
     *   mainland-inclusive plans publish no maximum entry age (unconfirmed, so not cover), the VHIS plans stop at 80 and
     *   t-hk-medical at 64 (ALL_AGES policy), the Shenzhen schemes need Shenzhen insurance or a residence in Shenzhen;
     *   and for 65-84 living elsewhere in the GBA (4 segments): Zhuhai's scheme for Macao residents excludes Hong Kong
     *   residents (its own note says so), and nothing else with a published entry age applies there.
     * 12 + 12 + 2 + 4 = 30 uncovered cells.
     */
    @Test
    void jsonListsSegmentsNeedsAndCellsWithReasons() throws Exception {
        JsonNode root = json(run("--data-dir", data.toString(), "gaps", "--json", "--config", config.toString(), "--lang", "en"));
        assertEquals(36, root.get("segments").size());
        assertEquals(3, root.get("needs").size());
        assertEquals(108, root.get("cells").size());
        List<String> none = new ArrayList<>();
        for (JsonNode c : root.get("cells")) if (c.get("level").asText().equals("NONE")) none.add(c.get("need").asText() + " " + c.get("segment").asText());
        assertEquals(30, root.get("summary").get("uncovered").asInt(), none.toString());
        assertEquals(shippedProducts() + 4, root.get("products").asInt());

        // the eight mainland-inclusive plans publish no maximum entry age: filed as "to be confirmed", not as cover
        JsonNode elder = cell(root, "65-84|HONG_KONG|NO_SZ|NONE", "INPATIENT");
        assertEquals(0, elder.get("covering").asInt());
        List<String> confirm = new ArrayList<>();
        for (JsonNode r : elder.get("reasons")) {
            if (r.get("group").asText().equals("UNCONFIRMED")) r.get("products").forEach(p -> confirm.add(p.get("id").asText()));
        }
        assertTrue(confirm.containsAll(List.of("picc-beishang-yiwuyou", "bocg-gba-excellence", "prudential-premierflex", "china-medical-card")), confirm.toString());

        // 18-39 in Shenzhen with its insurance: only the plans that publish their entry ages count (counted in
        // data/packs/gba-products.json: an inpatient benefit valid in Shenzhen, entry ages published and open to 18-39, no
        // other requirement) — the 29 VHIS Standard Plans, sunlife-wehealth-preferred, prudential-prumyhealth-prestige and
        // sz-basic-medical (33) — and t-sz-basic, t-hk-medical: 35 (Zhuhai's scheme for Macao residents excludes Hong Kong
        // residents, as its own note says). Shenzhen Huiminbao
        // (RMB 88) does not count: its entry ages are not published; nor do the two travel plans (bocg-gba-travel,
        // bluecross-gba-travelchill): trip cover for someone who lives in Shenzhen is to be confirmed with the insurer.
        JsonNode c = cell(root, "18-39|SHENZHEN|SZ|NONE", "INPATIENT");
        assertEquals("FULL", c.get("level").asText());
        assertEquals(35, c.get("covering").asInt());
        assertEquals("t-hk-medical", c.get("cheapest").get("product").asText());
        assertEquals(0, c.get("cheapest").get("originalAmount").decimalValue().compareTo(new java.math.BigDecimal("1000")));
        assertEquals("HKD", c.get("cheapest").get("originalCurrency").asText());
        assertFalse(c.has("reasons"), "covered cells carry no failure list");

        JsonNode open = cell(root, "65-84|SHENZHEN|NO_SZ|NONE", "GBA_DRUG");
        assertEquals("NONE", open.get("level").asText());
        assertEquals(0, open.get("covering").asInt());
        List<String> groups = new ArrayList<>();
        open.get("reasons").forEach(r -> groups.add(r.get("group").asText()));
        // the HA GBA patient pilot ended on 2026-03-31: filed under the scheme period; products whose terms say nothing
        // about 港澳藥械通 drugs are filed as "not stated" (every shipped benefit states its stance, issue 13)
        assertEquals(List.of("NO_BENEFIT", "GBA_ITEMS_NOT_COVERED", "GBA_NOT_STATED", "INELIGIBLE_AGE", "INELIGIBLE_REQUIREMENT", "SCHEME_PERIOD"), groups);
        assertEquals(List.of("hk-macao-drug-device-connect"), products(open, "GBA_ITEMS_NOT_COVERED"), "the measure gives access, not payment");
        // no source says Shenzhen basic medical insurance pays for these drugs: not stated, never counted as cover
        assertEquals(List.of("sz-basic-medical"), products(open, "GBA_NOT_STATED"));
        JsonNode age = reason(open, "INELIGIBLE_AGE").get("products").get(0);
        assertEquals("t-gba-drug", age.get("id").asText());
        assertEquals("65–75", age.get("eligibleAges").asText());
        assertTrue(age.get("reasons").get(0).asText().contains("above the maximum entry age 75"), age.toString());
        assertEquals(List.of("sz-huiminbao"), products(open, "INELIGIBLE_REQUIREMENT"));
        // the HA pilot ended on 2026-03-31, the cross-boundary ambulance pilot on 2026-11-29
        assertEquals(List.of("ha-gba-pilot-hkuszh", "cross-boundary-ambulance"), products(open, "SCHEME_PERIOD"));

        // with Shenzhen insurance, sz-huiminbao's cover would apply, but it publishes no maximum entry age: to be confirmed
        JsonNode gba = cell(root, "65-84|SHENZHEN|SZ|NONE", "GBA_DRUG");
        assertEquals(0, gba.get("covering").asInt());
        List<String> unconfirmed = new ArrayList<>();
        for (JsonNode r : gba.get("reasons")) {
            if (r.get("group").asText().equals("UNCONFIRMED")) r.get("products").forEach(p -> unconfirmed.add(p.get("id").asText()));
        }
        assertEquals(List.of("sz-huiminbao"), unconfirmed);
    }

    static JsonNode reason(JsonNode cell, String group) {
        for (JsonNode r : cell.get("reasons")) if (r.get("group").asText().equals(group)) return r;
        throw new AssertionError("no reason group " + group + " in " + cell);
    }

    static List<String> products(JsonNode cell, String group) {
        List<String> ids = new ArrayList<>();
        reason(cell, group).get("products").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    /** Products and schemes in the shipped products pack (read from the pack file, not from the code under test). */
    static int shippedProducts() throws Exception {
        return CatalogJson.mapper().readTree(Path.of("data", "packs", "gba-products.json").toFile()).get("products").size();
    }

    @Test
    void runsOnTheClockItIsGiven() throws Exception {
        java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2031-03-01T04:00:00Z"), java.time.ZoneId.of("Asia/Hong_Kong"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"--data-dir", data.toString(), "gaps", "--json", "--config", config.toString(), "--lang", "en"},
                new PrintWriter(out), new PrintWriter(err), fixed);
        assertEquals(0, code, err.toString());
        assertEquals("2031-03-01", CatalogJson.mapper().readTree(out.toString()).get("today").asText());
    }

    @Test
    void withDraftShowsTheCellsItCloses() throws Exception {
        Path draft = dir.resolve("draft.json");
        hk.baycover.io.TestFiles.write(draft, o -> DraftPacks.write(DraftPacks.pack(List.of(GapFixtures.dentalDraft("draft-gba-dental")), LocalDate.now()), o));
        JsonNode root = json(run("--data-dir", data.toString(), "gaps", "--with", draft.toString(), "--json", "--config", config.toString(), "--lang", "en"));
        JsonNode diff = root.get("diff");
        assertEquals("draft-gba-dental", diff.get("drafts").get(0).asText());
        assertEquals(12, diff.get("closes").asInt());
        assertEquals(36, diff.get("changed").asInt());
        int closes = 0;
        for (JsonNode ch : diff.get("cells")) {
            if (ch.get("closes").asBoolean()) {
                closes++;
                assertEquals("DENTAL", ch.get("need").asText());
                assertTrue(ch.get("segment").asText().contains("|OTHER_GBA|"));
                assertEquals("NONE", ch.get("levelBefore").asText());
            }
        }
        assertEquals(12, closes);
        assertEquals(30 - 12, root.get("summary").get("uncovered").asInt(), "cells describe the matrix with the draft");

        Run text = run("--data-dir", data.toString(), "gaps", "--with", draft.toString(), "--config", config.toString(), "--lang", "en");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("close 12 cells"), text.out());
    }

    @Test
    void badDraftFileIsReportedAsFilePointerMessage() throws Exception {
        Path bad = dir.resolve("bad-draft.json");
        String good = DraftPacks.toJson(DraftPacks.pack(List.of(GapFixtures.dentalDraft("t-sz-dental")), LocalDate.now()));
        Files.writeString(bad, good.replace("\"LAST_BIRTHDAY\"", "\"LAST_BIRTHDAI\""), StandardCharsets.UTF_8);
        Run r = run("--data-dir", data.toString(), "gaps", "--with", bad.toString(), "--json", "--lang", "en");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":/products/0/eligibility/ageBasis"), r.err());

        Files.writeString(bad, good, StandardCharsets.UTF_8);
        r = run("--data-dir", data.toString(), "gaps", "--with", bad.toString(), "--json", "--lang", "en");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":/products/0/id: id \"t-sz-dental\" is already a catalog product"), r.err());

        r = run("--data-dir", data.toString(), "gaps", "--with", dir.resolve("missing.json").toString(), "--lang", "en");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.json"), r.err());
    }

    @Test
    void csvHasABomAndOneRowPerCell() throws Exception {
        Path csv = dir.resolve("out").resolve("gaps.csv");
        Run r = run("--data-dir", data.toString(), "gaps", "--csv", csv.toString(), "--config", config.toString(), "--lang", "zh-HK");
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + 108, lines.size());
        assertTrue(lines.get(0).contains("年齡組別"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("18-39|SHENZHEN|SZ|NONE,") && l.contains(",INPATIENT,") && l.contains("t-hk-medical")));
    }

    @Test
    void usageAndConfigErrors() throws Exception {
        Run r = run("--data-dir", data.toString(), "gaps", "--json", "--csv", "x.csv");
        assertEquals(2, r.code());
        Path cfg = dir.resolve("bad-config.json");
        Files.writeString(cfg, "{\"bands\": [\"18-39\", \"old\"]}");
        r = run("--data-dir", data.toString(), "gaps", "--json", "--config", cfg.toString(), "--lang", "en");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(cfg + ":/bands/1:"), r.err());
        Files.writeString(cfg, "{\"needs\": [\"TELEPORT\"]}");
        r = run("--data-dir", data.toString(), "gaps", "--json", "--config", cfg.toString(), "--lang", "en");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(cfg + ":/needs/0:"), r.err());
    }

    @Test
    void shippedDataGivesTheFullMatrixWithNamedGaps(@TempDir Path fresh) throws Exception {
        JsonNode root = json(run("--data-dir", fresh.toString(), "gaps", "--json", "--lang", "zh-HK"));
        assertEquals(126, root.get("segments").size());
        assertEquals(16, root.get("needs").size());
        assertEquals(2016, root.get("cells").size());
        boolean named = false;
        for (JsonNode c : root.get("cells")) {
            if (c.get("level").asText().equals("NONE")) {
                assertTrue(c.get("reasons").size() > 0, c.toString());
                named = true;
            }
        }
        assertTrue(named, "at least one uncovered cell with its reasons");
        assertEquals("zh-HK", root.get("lang").asText());
    }
}
