package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackReader;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.testsupport.DbContent;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First start seeds the shipped packs; later starts re-seed only what changed and never touch user-imported data. */
class SeedingTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path shipped;

    private static Map<String, DatasetInfo> byId(List<DatasetInfo> list) {
        return list.stream().collect(Collectors.toMap(DatasetInfo::id, d -> d));
    }

    @Test
    void firstOpenSeedsEveryShippedPack() {
        List<String> names = ShippedPacks.names();
        assertFalse(names.isEmpty(), "data/packs/index.txt lists the shipped packs");
        try (BayCover app = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE)) {
            Map<String, DatasetInfo> loaded = byId(app.catalogStore().datasets());
            int present = 0;
            for (String name : names) {
                Optional<byte[]> bytes = ShippedPacks.JAR.bytes(name);
                if (bytes.isEmpty()) continue; // listed for a later release, not built yet
                present++;
                PackReader.Result r = new PackReader(Lang.EN, java.time.LocalDate.now()).read(name, bytes.get(), hk.baycover.catalog.ReferenceContext.of(
                        app.catalog().institutions().stream().map(i -> i.id()).collect(Collectors.toSet()),
                        app.catalog().items().stream().map(i -> i.id()).collect(Collectors.toSet())));
                assertTrue(r.ok(), () -> "shipped pack " + name + " is valid: " + r.problems());
                Pack p = r.pack();
                DatasetInfo d = loaded.get(p.pack().id());
                assertTrue(d != null, "seeded " + p.pack().id());
                assertEquals("SHIPPED", d.origin());
                assertEquals(PackReader.sha256(bytes.get()), d.checksum());
                assertEquals(p.pack().version(), d.version());
                assertEquals(p.pack().asOf(), d.asOf());
                assertEquals(p.recordCount(), d.total());
            }
            assertTrue(present > 0, "at least one shipped pack is in the build");
            assertEquals(present, loaded.size());
            assertFalse(app.catalog().institutions().isEmpty());
        }
    }

    @Test
    void secondOpenReSeedsNothing() {
        BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE).close();
        Path db = dataDir.resolve(Database.FILE_NAME);
        String before = DbContent.hash(db); // includes imported_at: a re-seed would change it
        try (BayCover again = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE)) {
            assertEquals(List.of(), ShippedPacks.seed(again.catalogStore(), Lang.EN, ProgressMonitor.NONE));
        }
        assertEquals(before, DbContent.hash(db));
    }

    @Test
    void theBuildRecordsEachShippedPacksChecksumBesideIt() {
        for (String name : ShippedPacks.names()) {
            Optional<byte[]> bytes = ShippedPacks.JAR.bytes(name);
            if (bytes.isEmpty()) continue;
            assertEquals(Optional.of(PackReader.sha256(bytes.get())), ShippedPacks.JAR.checksum(name), name + ".sha256 is the bytes' SHA-256");
        }
    }

    /** {@code location}, with the checksums given (by file name) and a count of the packs it was asked to read. */
    private static ShippedPacks.Location recording(ShippedPacks.Location location, Map<String, String> checksums, List<String> read) {
        return new ShippedPacks.Location() {
            @Override
            public List<String> names() {
                return location.names();
            }

            @Override
            public Optional<byte[]> bytes(String name) {
                read.add(name);
                return location.bytes(name);
            }

            @Override
            public Optional<String> checksum(String name) {
                return Optional.ofNullable(checksums.get(name));
            }
        };
    }

    @Test
    void aSeededPackWhoseChecksumTheBuildRecordedIsNotReadAgain() throws Exception {
        Files.copy(TestPacks.DRUGS, shipped.resolve("test-drugs-devices.json"));
        String sum = PackReader.sha256(Files.readAllBytes(TestPacks.DRUGS));
        List<String> read = new java.util.ArrayList<>();
        ShippedPacks.Location loc = recording(location("test-drugs-devices.json"), Map.of("test-drugs-devices.json", sum), read);
        CatalogStore store = emptyStore();
        assertEquals(1, ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc).size());
        assertEquals(List.of("test-drugs-devices.json"), read, "the first start reads the pack to seed it");
        read.clear();
        assertEquals(List.of(), ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc));
        assertEquals(List.of(), read, "a later start knows from the recorded checksum that it is seeded");
    }

    @Test
    void aRecordedChecksumThatIsNotTheBytesDoesNotStopASeed() throws Exception {
        Files.copy(TestPacks.DRUGS, shipped.resolve("test-drugs-devices.json"));
        CatalogStore store = emptyStore();
        List<String> read = new java.util.ArrayList<>();
        // recorded for other bytes: the bytes are read, and what is seeded carries their own checksum
        ShippedPacks.Location loc = recording(location("test-drugs-devices.json"), Map.of("test-drugs-devices.json", "0".repeat(64)), read);
        List<CatalogStore.Imported> seeded = ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc);
        assertEquals(1, seeded.size());
        String sum = PackReader.sha256(Files.readAllBytes(TestPacks.DRUGS));
        assertEquals(List.of(sum), store.datasets().stream().map(DatasetInfo::checksum).toList());
        read.clear();
        assertEquals(List.of(), ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc), "read again, and seeded already");
        assertEquals(List.of("test-drugs-devices.json"), read);
    }

    private ShippedPacks.Location location(String... files) throws Exception {
        StringBuilder index = new StringBuilder("# test index\n");
        for (String f : files) index.append(f).append('\n');
        Files.writeString(shipped.resolve("index.txt"), index);
        return ShippedPacks.directory(shipped);
    }

    private CatalogStore emptyStore() {
        return new CatalogStore(Database.open(dataDir, java.time.Clock.systemDefaultZone()));
    }

    @Test
    void aChangedShippedPackIsReSeeded() throws Exception {
        Files.copy(TestPacks.DRUGS, shipped.resolve("test-drugs-devices.json"));
        ShippedPacks.Location loc = location("test-drugs-devices.json");
        CatalogStore store = emptyStore();

        List<CatalogStore.Imported> first = ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc);
        assertEquals(1, first.size());
        assertFalse(first.get(0).replaced());
        assertEquals(List.of(), ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc), "unchanged: nothing to do");

        // a new build ships a corrected pack: same id, new bytes
        String changed = TestPacks.text(TestPacks.DRUGS).replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")
                .replace("Test Hospital A", "Test Hospital A (renamed)");
        Files.writeString(shipped.resolve("test-drugs-devices.json"), changed);
        List<CatalogStore.Imported> second = ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc);
        assertEquals(1, second.size());
        assertTrue(second.get(0).replaced());
        DatasetInfo d = byId(store.datasets()).get("test-drugs-devices");
        assertEquals("1.0.1", d.version());
        assertEquals("SHIPPED", d.origin());
        assertEquals(PackReader.sha256(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)), d.checksum());
        assertEquals("Test Hospital A (renamed)", store.snapshot().institution("test-hosp-a").orElseThrow().name().en());
        assertEquals(List.of(), ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc));
    }

    @Test
    void aUserImportedDatasetWithTheSameIdIsNeverTouched() throws Exception {
        CatalogStore store = emptyStore();
        store.importFiles(List.of(TestPacks.DRUGS), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
        Path db = dataDir.resolve(Database.FILE_NAME);
        String before = DbContent.hash(db);

        // the shipped pack has the same id but different content (a newer shipped version)
        Files.writeString(shipped.resolve("test-drugs-devices.json"),
                TestPacks.text(TestPacks.DRUGS).replace("\"version\": \"1.0.0\"", "\"version\": \"9.9.9\""));
        assertEquals(List.of(), ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, location("test-drugs-devices.json")));
        assertEquals(before, DbContent.hash(db));
        DatasetInfo d = byId(store.datasets()).get("test-drugs-devices");
        assertEquals("IMPORTED", d.origin());
        assertEquals("1.0.0", d.version());
    }

    @Test
    void theDatasetIdComesFromThePackHeaderNotTheFileName() throws Exception {
        Files.copy(TestPacks.DRUGS, shipped.resolve("renamed-file.json"));
        ShippedPacks.Location loc = location("renamed-file.json");
        CatalogStore store = emptyStore();
        assertEquals(1, ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc).size());
        String before = DbContent.hash(dataDir.resolve(Database.FILE_NAME));
        assertEquals(List.of(), ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc), "recognised as current by its id");
        assertEquals(before, DbContent.hash(dataDir.resolve(Database.FILE_NAME)));
    }

    @Test
    void aShippedPackThatCannotBeSeededDoesNotStopTheOthers() throws Exception {
        Files.copy(TestPacks.bad("unknown-field.json"), shipped.resolve("broken.json"));
        Files.copy(TestPacks.DRUGS, shipped.resolve("test-drugs-devices.json"));
        ShippedPacks.Location loc = location("broken.json", "not-built-yet.json", "test-drugs-devices.json");
        CatalogStore store = emptyStore();
        List<CatalogStore.Imported> done = ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc);
        assertEquals(List.of("test-drugs-devices"), done.stream().map(CatalogStore.Imported::datasetId).toList());
        assertEquals(List.of("test-drugs-devices"), store.datasets().stream().map(DatasetInfo::id).toList());
    }

    @Test
    void reSeedingAShippedPackKeepsOtherDatasetsIntact() throws Exception {
        Files.copy(TestPacks.DRUGS, shipped.resolve("test-drugs-devices.json"));
        Files.copy(TestPacks.PRODUCTS, shipped.resolve("test-products.json"));
        ShippedPacks.Location loc = location("test-drugs-devices.json", "test-products.json");
        CatalogStore store = emptyStore();
        assertEquals(2, ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc).size());
        Map<String, List<List<String>>> products = Map.of("product", DbContent.rows(dataDir.resolve(Database.FILE_NAME)).get("product"));

        Files.writeString(shipped.resolve("test-drugs-devices.json"),
                TestPacks.text(TestPacks.DRUGS).replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.2\""));
        List<CatalogStore.Imported> again = ShippedPacks.seed(store, Lang.EN, ProgressMonitor.NONE, loc);
        assertEquals(List.of("test-drugs-devices"), again.stream().map(CatalogStore.Imported::datasetId).toList());
        assertEquals(products.get("product"), DbContent.rows(dataDir.resolve(Database.FILE_NAME)).get("product"));
        assertNotEquals(null, store.snapshot().product("test-medical-plan").orElse(null));
    }
}
