package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackException;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.RegulatedItem;
import hk.baycover.testsupport.DbContent;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import (validated, one transaction), export, and the round trip export → fresh database → identical content. */
class ImportExportTest {

    /** Columns that legitimately differ between two databases holding the same records. */
    private static final Set<String> BOOKKEEPING = Set.of("imported_at", "origin", "checksum", "applied_at");

    @TempDir
    Path dataDir;

    private BayCover app;

    @BeforeEach
    void open() {
        app = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<CatalogStore.Imported> importFiles(Path... files) {
        return app.catalogStore().importFiles(List.of(files), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
    }

    private Path db() {
        return app.database().file();
    }

    private DatasetInfo dataset(String id) {
        return app.catalogStore().datasets().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aGoodPackImports() {
        int before = app.catalogStore().datasets().size();
        List<CatalogStore.Imported> done = importFiles(TestPacks.DRUGS);
        assertEquals(List.of(new CatalogStore.Imported("test-drugs-devices", "1.0.0", 6, false)), done);

        assertEquals(before + 1, app.catalogStore().datasets().size());
        DatasetInfo d = dataset("test-drugs-devices");
        assertEquals(Map.of("institutions", 3, "drugs", 1, "devices", 1, "totals", 1), d.counts());
        assertEquals("IMPORTED", d.origin());
        assertEquals("2025-06", d.asOf().value());
        assertEquals("Test drugs and devices", d.header().title().en());

        var catalog = app.reload();
        RegulatedItem drug = catalog.item("test-drug-x").orElseThrow();
        assertEquals(List.of("test-hosp-a", "test-hosp-b"), drug.approvals().stream().map(a -> a.institution()).toList());
        assertEquals("by 2022-03", drug.approvals().get(0).dateNote());
        assertEquals(2, catalog.itemsAt("test-hosp-a").size() + catalog.itemsAt("test-hosp-b").size());
        assertTrue(catalog.institution("test-clinic-c").orElseThrow().sample());
        // query columns are filled from the records
        long approvals = DbContent.rows(db()).get("approval").stream().filter(r -> r.get(0).equals("test-drug-x")).count();
        assertEquals(2, approvals);
    }

    @Test
    void icu4jFillsTheMissingChineseScriptAndMarksItConverted() {
        importFiles(TestPacks.DRUGS);
        var catalog = app.reload();

        LocalizedText a = catalog.institution("test-hosp-a").orElseThrow().name();
        assertEquals("測試醫院甲", a.zhHant());
        assertEquals("测试医院甲", a.zhHans());
        assertEquals(List.of("zhHans"), a.converted());
        assertTrue(a.isConverted(Lang.ZH_CN));
        assertFalse(a.isConverted(Lang.ZH_HK));

        LocalizedText b = catalog.institution("test-hosp-b").orElseThrow().name();
        assertEquals("測試醫院乙", b.zhHant());
        assertEquals(List.of("zhHant"), b.converted());

        LocalizedText c = catalog.institution("test-clinic-c").orElseThrow().name();
        assertEquals(List.of(), c.converted(), "both scripts given: nothing converted");

        LocalizedText device = catalog.item("test-device-y").orElseThrow().name();
        assertEquals("測試器械乙", device.zhHant());
        assertEquals(List.of("zhHant"), device.converted());

        // English-only text is left alone: no Chinese is invented
        LocalizedText indication = catalog.item("test-drug-x").orElseThrow().indication();
        assertEquals(null, indication.zhHant());
        assertEquals(List.of(), indication.converted());

        // the query columns hold the filled names too
        List<String> row = DbContent.rows(db()).get("institution").stream().filter(r -> r.get(0).equals("test-hosp-a")).findFirst().orElseThrow();
        assertTrue(row.contains("测试医院甲"), row::toString);
    }

    @Test
    void packsImportedTogetherMayReferToEachOtherInAnyOrder() {
        List<CatalogStore.Imported> done = importFiles(TestPacks.SCENARIOS, TestPacks.PRODUCTS, TestPacks.DRUGS);
        assertEquals(Set.of("test-drugs-devices", "test-products", "test-scenarios"),
                done.stream().map(CatalogStore.Imported::datasetId).collect(Collectors.toSet()));
        var catalog = app.reload();
        assertEquals(List.of("test-hosp-a"), catalog.product("test-medical-plan").orElseThrow().service().directBilling());
        assertEquals(2, catalog.scenario("test-episode").orElseThrow().lines().size());
        assertEquals(Map.of("products", 2), dataset("test-products").counts());
        assertEquals(Map.of("scenarios", 1), dataset("test-scenarios").counts());
    }

    @Test
    void theImportOrderDoesNotDependOnWhereTheKindSitsInTheFile(@TempDir Path tmp) throws Exception {
        // keys sorted alphabetically (as `jq -S` writes them) and a long description (each language within its
        // 4,000-character limit): "kind" comes late in the file
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                hk.baycover.catalog.CatalogJson.mapper().readTree(TestPacks.text(TestPacks.DRUGS));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("pack")).putObject("description").put("en", "x".repeat(3_000))
                .put("zhHant", "說".repeat(3_000)).put("zhHans", "说".repeat(3_000));
        Path sorted = tmp.resolve("sorted.json");
        Files.writeString(sorted, hk.baycover.catalog.CatalogJson.mapper().copy()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(hk.baycover.catalog.CatalogJson.mapper().treeToValue(tree, java.util.TreeMap.class)));
        assertTrue(new String(Files.readAllBytes(sorted), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\"drugs-devices\"") > 20_000, "kind after 20 KB");
        assertEquals(java.util.Optional.of(hk.baycover.model.PackKind.DRUGS_DEVICES), hk.baycover.catalog.PackReader.peekKind(Files.readAllBytes(sorted)));

        List<CatalogStore.Imported> done = importFiles(TestPacks.PRODUCTS, sorted);
        assertEquals(List.of("test-drugs-devices", "test-products"), done.stream().map(CatalogStore.Imported::datasetId).toList());
    }

    @Test
    void exportedPacksReImportIntoAFreshDatabaseWithIdenticalContent(@TempDir Path exportDir, @TempDir Path freshDir,
                                                                      @TempDir Path exportAgain) throws Exception {
        importFiles(TestPacks.DRUGS, TestPacks.PRODUCTS, TestPacks.SCENARIOS);
        List<Path> files = app.catalogStore().exportAll(exportDir, ProgressMonitor.NONE);
        assertEquals(app.catalogStore().datasets().size(), files.size());
        for (Path f : files) assertTrue(Files.size(f) > 0);

        // a fresh database with nothing seeded
        CatalogStore fresh = new CatalogStore(Database.open(freshDir, java.time.Clock.systemDefaultZone()));
        fresh.importFiles(files, CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);

        Map<String, List<List<String>>> original = DbContent.content(db(), BOOKKEEPING);
        Map<String, List<List<String>>> copy = DbContent.content(fresh.database().file(), BOOKKEEPING);
        assertEquals(original.keySet(), copy.keySet());
        for (String table : original.keySet()) {
            assertEquals(original.get(table), copy.get(table), "table " + table);
        }
        assertTrue(original.get("institution").size() > 3 && original.get("product").size() >= 2 && !original.get("record_ref").isEmpty());

        // and exporting the copy gives the same files, byte for byte
        List<Path> again = fresh.exportAll(exportAgain, ProgressMonitor.NONE);
        assertEquals(files.stream().map(p -> p.getFileName().toString()).sorted().toList(),
                again.stream().map(p -> p.getFileName().toString()).sorted().toList());
        for (Path f : files) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(exportAgain.resolve(f.getFileName())), f.toString());
    }

    @Test
    void reImportingAPackReplacesItWithTheSameContent() {
        importFiles(TestPacks.DRUGS, TestPacks.PRODUCTS);
        Map<String, List<List<String>>> before = DbContent.content(db(), Set.of("imported_at"));
        List<CatalogStore.Imported> again = importFiles(TestPacks.DRUGS);
        assertTrue(again.get(0).replaced());
        assertEquals(before, DbContent.content(db(), Set.of("imported_at")));
    }

    @Test
    void aNewVersionCannotDropARecordAnotherDatasetStillNames(@TempDir Path tmp) throws Exception {
        importFiles(TestPacks.DRUGS, TestPacks.PRODUCTS);
        String before = DbContent.hash(db());
        // version 2 of the drugs pack without test-hosp-a, which the products pack bills directly
        String text = TestPacks.text(TestPacks.DRUGS);
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                hk.baycover.catalog.CatalogJson.mapper().readTree(text);
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("institutions")).remove(0);
        com.fasterxml.jackson.databind.node.ArrayNode approvals = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("items").get(0).get("approvals");
        approvals.remove(0);
        Path v2 = tmp.resolve("test-drugs-devices-v2.json");
        Files.writeString(v2, hk.baycover.catalog.CatalogJson.mapper().writeValueAsString(tree));

        PackException e = assertThrows(PackException.class, () -> importFiles(v2));
        // reported against the file being imported (the one the user can fix), each naming the record it drops and
        // the dataset and field that still name it
        for (hk.baycover.catalog.Problem p : e.problems()) {
            assertEquals(v2.toString(), p.file(), e.problems()::toString);
            assertTrue(p.message().contains("\"test-hosp-a\" is still referenced"), p::toString);
        }
        List<String> messages = e.problems().stream().map(hk.baycover.catalog.Problem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.endsWith("(test-products/products/0/service/directBilling/0)")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.endsWith("(test-products/products/0/benefits/0/institutions/0)")), messages::toString);
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void anIdOwnedByAnotherDatasetIsRefused(@TempDir Path tmp) throws Exception {
        importFiles(TestPacks.DRUGS);
        String before = DbContent.hash(db());
        Path other = tmp.resolve("other.json");
        Files.writeString(other, TestPacks.text(TestPacks.DRUGS).replace("\"id\": \"test-drugs-devices\"", "\"id\": \"another-dataset\""));
        PackException e = assertThrows(PackException.class, () -> importFiles(other));
        assertEquals(other + ":/institutions/0/id", e.problems().get(0).file() + ":" + e.problems().get(0).pointer());
        assertTrue(e.problems().get(0).message().contains("already belongs to dataset \"test-drugs-devices\""), e.problems()::toString);
        assertEquals(5, e.problems().size(), "every clashing institution and item: " + e.problems());
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void twoPacksImportedTogetherCannotDefineTheSameRecord(@TempDir Path tmp) throws Exception {
        String before = DbContent.hash(db());
        Path other = tmp.resolve("other.json");
        Files.writeString(other, TestPacks.text(TestPacks.DRUGS).replace("\"id\": \"test-drugs-devices\"", "\"id\": \"another-dataset\""));
        PackException e = assertThrows(PackException.class, () -> importFiles(TestPacks.DRUGS, other));
        List<String> where = e.problems().stream().map(p -> p.file() + ":" + p.pointer()).toList();
        assertTrue(where.contains(other + ":/institutions/0/id"), where::toString);
        assertTrue(where.contains(other + ":/items/1/id"), where::toString);
        assertEquals(5, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).message().contains("test-drugs-devices"), e.problems()::toString);
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void twoFilesWithTheSamePackIdAreRefused(@TempDir Path tmp) throws Exception {
        String before = DbContent.hash(db());
        Path copy = tmp.resolve("copy.json");
        Files.copy(TestPacks.DRUGS, copy);
        PackException e = assertThrows(PackException.class, () -> importFiles(TestPacks.DRUGS, copy));
        assertTrue(e.problems().stream().anyMatch(p -> p.pointer().equals("/pack/id") && p.message().contains("more than one file")),
                e.problems()::toString);
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void aCancelledImportLeavesNothingBehind() {
        String before = DbContent.hash(db());
        int[] reports = {0};
        ProgressMonitor cancelAfterFirstReport = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String what) {
                reports[0]++;
            }

            @Override
            public boolean isCancelled() {
                return reports[0] > 0;
            }
        };
        assertThrows(ProgressMonitor.Cancelled.class, () -> app.catalogStore().importFiles(List.of(TestPacks.DRUGS),
                CatalogStore.Origin.IMPORTED, Lang.EN, cancelAfterFirstReport));
        assertTrue(reports[0] > 0, "the import got as far as writing");
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void exportIntoAFileIsRefusedAndTheSnapshotMatchesTheStore(@TempDir Path tmp) throws Exception {
        importFiles(TestPacks.DRUGS);
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        var e = assertThrows(hk.baycover.model.UserError.class, () -> app.catalogStore().exportAll(file.resolve("sub"), ProgressMonitor.NONE));
        assertEquals("file.cannotWrite", e.key());
        var catalog = app.reload();
        List<Institution> fromStore = app.catalogStore().pack("test-drugs-devices").institutions();
        assertEquals(fromStore, catalog.institutions().stream().filter(i -> i.id().startsWith("test-")).toList());
    }
}
