package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.cli.Cli;
import hk.baycover.model.Freshness;
import hk.baycover.model.PartialDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Freshness: the twelve-month rule, and {@code info --json} reporting it per shipped dataset with official coverage. */
class FreshnessTest {

    @TempDir
    Path dataDir;

    @Test
    void aRecordIsStaleWhenItsAsOfIsMoreThanTwelveMonthsOldOrMissing() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertEquals(LocalDate.of(2025, 12, 5), Freshness.cutoff(today));
        assertFalse(Freshness.stale(PartialDate.parse("2025-12-05"), today), "exactly twelve months is not stale");
        assertTrue(Freshness.stale(PartialDate.parse("2025-12-04"), today));
        assertTrue(Freshness.stale(PartialDate.parse("2025-12"), today), "a month counts from its first day");
        assertFalse(Freshness.stale(PartialDate.parse("2026-07-17"), today));
        assertTrue(Freshness.stale((PartialDate) null, today), "no as-of is never fresh");
    }

    @Test
    void infoJsonGivesOldestAsOfStaleCountAndCoveragePerDataset() throws Exception {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        // the application's clock fixed on a known day, so the stale count is the same on every run
        LocalDate today = LocalDate.of(2026, 12, 5);
        java.time.Clock clock = java.time.Clock.fixed(today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC);
        int code = Cli.run(new String[] {"--data-dir", dataDir.toString(), "info", "--json"}, new PrintWriter(o), new PrintWriter(e), clock);
        assertEquals(0, code, e.toString());
        JsonNode root = new ObjectMapper().readTree(o.toString());
        LocalDate cutoff = Freshness.cutoff(today);
        assertEquals(LocalDate.of(2025, 12, 5), cutoff);
        for (JsonNode d : root.get("datasets")) {
            JsonNode f = d.get("freshness");
            assertNotNull(f, d.get("id").asText());
            assertEquals(cutoff.toString(), f.get("staleBefore").asText());
            // recount from the pack file itself: records with an as-of before the cut-off
            JsonNode pack = new ObjectMapper().readTree(Files.readString(Path.of("data", "packs", d.get("id").asText() + ".json")));
            int records = 0;
            int stale = 0;
            String oldest = null;
            for (String section : List.of("institutions", "items", "products", "scenarios", "totals")) {
                for (JsonNode r : pack.path(section)) {
                    records++;
                    String asOf = r.path("asOf").asText(null);
                    if (asOf == null || PartialDate.parse(asOf).earliest().isBefore(cutoff)) stale++;
                    if (asOf != null && (oldest == null || asOf.compareTo(oldest) < 0)) oldest = asOf;
                }
            }
            assertEquals(records, f.get("records").asInt(), d.get("id").asText());
            assertEquals(stale, f.get("olderThan12Months").asInt(), d.get("id").asText());
            assertEquals(oldest, f.get("oldestAsOf").asText(), d.get("id").asText());
        }
        JsonNode drugs = dataset(root, "gba-drugs-devices");
        JsonNode designated = coverage(drugs, "DESIGNATED_INSTITUTIONS");
        assertEquals(71, designated.get("total").asInt());
        assertEquals("2025-12-08", designated.get("asOf").asText());
        assertTrue(designated.get("named").asInt() >= 36 && designated.get("named").asInt() <= 71, designated.toString());
        assertEquals(140, coverage(drugs, "APPROVED_ITEMS").get("total").asInt());
        assertEquals(26, coverage(dataset(root, "gba-products"), "RCSGD_HOMES").get("total").asInt());
    }

    static JsonNode dataset(JsonNode root, String id) {
        for (JsonNode d : root.get("datasets")) if (d.get("id").asText().equals(id)) return d;
        throw new AssertionError("no dataset " + id);
    }

    static JsonNode coverage(JsonNode dataset, String list) {
        for (JsonNode c : dataset.get("officialCoverage")) if (c.get("list").asText().equals(list)) return c;
        throw new AssertionError("no coverage figure " + list + " in " + dataset.get("id"));
    }
}
