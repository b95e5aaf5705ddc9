package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.testsupport.TestPacks;
import hk.baycover.trust.DataDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tallies kept at import ({@code dataset_tally}, migration 008) that let {@code info} and the Data screen show counts
 * and freshness without reading every record: right after a first import, a replacement, a restore, and when the
 * migration fills them for a database written before it.
 */
class DatasetTallyTest {

    private static final LocalDate[] DAYS = {LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 5),
            LocalDate.of(2040, 6, 30)};

    @TempDir
    Path dir;

    private static BayCover open(Path dataDir) {
        return BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
    }

    private static void importFiles(BayCover app, Path... files) {
        app.catalogStore().importFiles(List.of(files), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
    }

    /** Every dataset's counts and freshness (on several days) from the tallies equal those recomputed from its records. */
    private static void assertTalliesMatchRecords(BayCover app) {
        List<DatasetInfo> datasets = app.catalogStore().datasets();
        assertFalse(datasets.isEmpty());
        for (DatasetInfo d : datasets) {
            Pack pack = app.catalogStore().pack(d.id());
            assertEquals(recount(pack), d.counts(), d.id() + " counts");
            assertEquals(pack.recordCount(), d.total(), d.id() + " total");
            for (LocalDate day : DAYS) {
                assertEquals(Freshness.of(pack, day), app.catalogStore().freshness(d.id(), day), d.id() + " freshness on " + day);
            }
        }
    }

    /** Counts straight from a pack's records, as {@code info} printed them before the tallies. */
    private static Map<String, Integer> recount(Pack p) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int drugs = (int) p.items().stream().filter(i -> i.kind() == hk.baycover.model.ItemKind.DRUG).count();
        int[] n = {p.institutions().size(), drugs, p.items().size() - drugs, p.totals().size(), p.products().size(), p.scenarios().size()};
        String[] k = {"institutions", "drugs", "devices", "totals", "products", "scenarios"};
        for (int i = 0; i < k.length; i++) if (n[i] > 0) m.put(k[i], n[i]);
        return m;
    }

    private static List<String> tallyRows(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT dataset_id, tally, key, n FROM dataset_tally ORDER BY 1, 2, 3")) {
            while (rs.next()) out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4));
        }
        return out;
    }

    @Test
    void theShippedAndImportedPacksHaveTalliesEqualToTheirRecords() throws Exception {
        try (BayCover app = open(dir)) {
            importFiles(app, TestPacks.DRUGS, TestPacks.PRODUCTS, TestPacks.SCENARIOS);
            assertTalliesMatchRecords(app);
            // the shipped catalog names records on every kind of official list it states a total for
            Map<String, Integer> named = new TreeMap<>();
            for (DatasetInfo d : app.catalogStore().datasets()) {
                app.catalogStore().freshness(d.id(), LocalDate.of(2026, 12, 5)).coverage().forEach(c -> named.merge(c.key(), c.named(), Integer::sum));
            }
            assertEquals(36, named.get("DESIGNATED_INSTITUTIONS"), named::toString);
            assertEquals(20, named.get("VOUCHER_INSTITUTIONS"), named::toString);
            assertEquals(30, named.get("VHIS_STANDARD_PLANS"), named::toString);
            assertTrue(named.get("RCSGD_HOMES") > 0, named::toString);
            assertTrue(tallyRows(app.database().file()).stream().anyMatch(r -> r.startsWith("test-drugs-devices|count|institutions|3")));
        }
    }

    @Test
    void aReplacementLeavesOnlyTheNewVersionsTallies() throws Exception {
        try (BayCover app = open(dir)) {
            importFiles(app, TestPacks.DRUGS);
            // the same dataset, one institution fewer and a newer as-of on another
            String json = Files.readString(TestPacks.DRUGS, StandardCharsets.UTF_8);
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) hk.baycover.catalog.CatalogJson.mapper().readTree(json);
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("pack")).put("version", "1.1.0");
            var institutions = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("institutions");
            String dropped = institutions.get(institutions.size() - 1).get("id").asText();
            institutions.remove(institutions.size() - 1);
            Path v2 = dir.resolve("v2.json");
            Files.writeString(v2, hk.baycover.catalog.CatalogJson.mapper().writeValueAsString(root).replace("\"" + dropped + "\"", "\"test-hosp-a\""));
            DatasetInfo before = app.catalogStore().datasets().stream().filter(d -> d.id().equals("test-drugs-devices")).findFirst().orElseThrow();
            importFiles(app, v2);
            DatasetInfo after = app.catalogStore().datasets().stream().filter(d -> d.id().equals("test-drugs-devices")).findFirst().orElseThrow();
            assertEquals(before.counts().get("institutions") - 1, after.counts().get("institutions"));
            assertTalliesMatchRecords(app);
            // no row of the replaced version survives: the as-of tally sums to the records of the new one
            int asOf = tallyRows(app.database().file()).stream().filter(r -> r.startsWith("test-drugs-devices|asOf|"))
                    .mapToInt(r -> Integer.parseInt(r.substring(r.lastIndexOf('|') + 1))).sum();
            assertEquals(after.total(), asOf);
        }
    }

    @Test
    void aRestoreBringsBackTheBackupsTallies() throws Exception {
        Path backup = dir.resolve("before.baycover-backup");
        Path data = dir.resolve("data");
        List<String> atBackup;
        try (BayCover app = open(data)) {
            app.backups().backup(backup, false, ProgressMonitor.NONE);
            atBackup = tallyRows(app.database().file());
            importFiles(app, TestPacks.DRUGS);
            assertTalliesMatchRecords(app);
            assertTrue(tallyRows(app.database().file()).size() > atBackup.size());
            app.restore(backup, ProgressMonitor.NONE);
            assertEquals(atBackup, tallyRows(app.database().file()));
            assertTalliesMatchRecords(app);
            assertTrue(app.catalogStore().datasets().stream().noneMatch(d -> d.id().equals("test-drugs-devices")));
        }
    }

    @Test
    void theMigrationFillsTheTalliesOfADatabaseWrittenBeforeIt() throws Exception {
        List<String> kept;
        Path db;
        try (BayCover app = open(dir)) {
            importFiles(app, TestPacks.DRUGS, TestPacks.PRODUCTS, TestPacks.SCENARIOS);
            db = app.database().file();
            kept = tallyRows(db);
        }
        assertTrue(kept.size() > 30, kept::toString);
        // the database as a build before migration 008 left it: no tally table, the migration not recorded
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE dataset_tally");
            s.execute("DELETE FROM schema_migration WHERE version = 8");
        }
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED,
                Clock.fixed(java.time.Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC))) {
            assertEquals(kept, tallyRows(db), "the migration's SQL gives the rows an import writes");
            assertEquals(new TreeSet<>(kept), new TreeSet<>(tallyRows(db)));
            assertTalliesMatchRecords(app);
        }
    }

    @Test
    void aCommandLineOpenReadsNoSnapshotUntilOneIsAskedFor() {
        try (BayCover app = open(dir)) {
            assertFalse(app.catalog().datasets().isEmpty());
        }
        try (BayCover app = BayCover.openWithoutSnapshot(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, Clock.systemUTC())) {
            // the counts come from the tallies; the snapshot, read on first use, agrees with them
            List<DatasetInfo> fromTallies = app.catalogStore().datasets();
            assertEquals(fromTallies, app.catalog().datasets());
            var imported = app.datasets().importOnly(List.of(TestPacks.DRUGS), Lang.EN, ProgressMonitor.NONE);
            assertEquals(6, imported.records());
            assertTrue(imported.catalog().item("test-drug-x").isPresent(), "the snapshot after the import holds it");
            assertTrue(app.catalog().item("test-drug-x").isPresent());
        }
    }
}
