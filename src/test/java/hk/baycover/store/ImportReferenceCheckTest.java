package hk.baycover.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check for dangling references after an import reads only where the import can have made one (ADR 0068): the
 * approvals of the items it wrote, approvals anywhere that name an institution of a dataset it replaced, and the
 * record_ref table. A replacement that drops an institution another dataset's item is still approved at is refused with
 * the same problems as before, and leaves the database as it was.
 */
class ImportReferenceCheckTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A second drugs-devices dataset whose first item is approved at the first dataset's {@code test-hosp-a}. */
    private Path otherDatasetApprovedAtHospA() throws Exception {
        ObjectNode pack = (ObjectNode) JSON.readTree(Files.readString(TestPacks.DRUGS));
        ((ObjectNode) pack.get("pack")).put("id", "test-drugs-devices-2");
        ArrayNode institutions = (ArrayNode) pack.get("institutions");
        for (JsonNode i : institutions) ((ObjectNode) i).put("id", i.get("id").asText() + "-2");
        for (JsonNode item : pack.get("items")) {
            ((ObjectNode) item).put("id", item.get("id").asText() + "-2");
            for (JsonNode a : item.path("approvals")) {
                // every approval moves to the renamed institutions, but the first item's first stays at test-hosp-a
                if (a instanceof ObjectNode o && o.has("institution")) o.put("institution", o.get("institution").asText() + "-2");
            }
        }
        ObjectNode first = (ObjectNode) pack.get("items").get(0).get("approvals").get(0);
        assertEquals("test-hosp-a-2", first.get("institution").asText());
        first.put("institution", "test-hosp-a");
        Path f = dir.resolve("drugs-2.json");
        Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pack));
        return f;
    }

    /** Version 2 of the first dataset, with or without its institution {@code test-hosp-a}. */
    private Path firstDatasetVersion2(boolean keepHospA) throws Exception {
        ObjectNode pack = (ObjectNode) JSON.readTree(Files.readString(TestPacks.DRUGS));
        ((ObjectNode) pack.get("pack")).put("version", "2.0.0");
        if (!keepHospA) {
            for (Iterator<JsonNode> it = pack.get("institutions").elements(); it.hasNext(); ) {
                if (it.next().get("id").asText().equals("test-hosp-a")) it.remove();
            }
            for (JsonNode item : pack.get("items")) {
                for (Iterator<JsonNode> it = item.path("approvals").elements(); it.hasNext(); ) {
                    if (it.next().path("institution").asText().equals("test-hosp-a")) it.remove();
                }
            }
        }
        Path f = dir.resolve(keepHospA ? "drugs-v2-same.json" : "drugs-v2-without-a.json");
        Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pack));
        return f;
    }

    private static int approvalsAt(BayCover app, String institution) {
        return app.catalogStore().database().read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM approval WHERE institution_id = '" + institution + "'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void aReplacementThatDropsAnInstitutionAnotherDatasetIsApprovedAtIsRefusedAndChangesNothing() throws Exception {
        Path data = hk.baycover.trust.TestFolders.seeded(dir.resolve("data"));
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            CatalogStore store = app.catalogStore();
            store.importFiles(List.of(TestPacks.DRUGS), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            Path other = otherDatasetApprovedAtHospA();
            store.importFiles(List.of(other), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            assertEquals(2, approvalsAt(app, "test-hosp-a"), "the first dataset's drug and the other dataset's drug");
            String before = DbFingerprint.of(data);

            Path v2 = firstDatasetVersion2(false);
            PackException e = assertThrows(PackException.class,
                    () -> store.importFiles(List.of(v2), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
            assertEquals(1, e.problems().size(), e.problems()::toString);
            Problem p = e.problems().get(0);
            assertEquals(v2.toString(), p.file());
            assertEquals("", p.pointer());
            assertEquals("\"test-hosp-a\" is still referenced by another dataset but the new pack removes it"
                    + " (test-drugs-devices-2/items/0/approvals)", p.message());
            assertEquals(before, DbFingerprint.of(data), "nothing was written");
        }
    }

    @Test
    void aReplacementThatKeepsWhatOthersNameAndAnUnrelatedNewPackAreImported() throws Exception {
        Path data = hk.baycover.trust.TestFolders.seeded(dir.resolve("data"));
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            CatalogStore store = app.catalogStore();
            store.importFiles(List.of(TestPacks.DRUGS), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            store.importFiles(List.of(otherDatasetApprovedAtHospA()), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            List<CatalogStore.Imported> done = store.importFiles(List.of(firstDatasetVersion2(true)), CatalogStore.Origin.IMPORTED,
                    Lang.EN, ProgressMonitor.NONE);
            assertEquals(1, done.size());
            assertTrue(done.get(0).replaced(), "version 2 replaced version 1");
            assertEquals(2, approvalsAt(app, "test-hosp-a"));
        }
    }

    @Test
    void aReplacementWhoseDroppedInstitutionNobodyElseNamesIsImported() throws Exception {
        Path data = hk.baycover.trust.TestFolders.seeded(dir.resolve("data"));
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            CatalogStore store = app.catalogStore();
            store.importFiles(List.of(TestPacks.DRUGS), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            assertEquals(1, approvalsAt(app, "test-hosp-a"));
            List<CatalogStore.Imported> done = store.importFiles(List.of(firstDatasetVersion2(false)), CatalogStore.Origin.IMPORTED,
                    Lang.EN, ProgressMonitor.NONE);
            assertTrue(done.get(0).replaced());
            assertEquals(0, approvalsAt(app, "test-hosp-a"), "the institution and its approval are gone");
        }
    }

    @Test
    void referencesToRecordsOfTheDatabaseAreFoundOneByOneAndAnUnknownOneIsNamed() throws Exception {
        Path data = hk.baycover.trust.TestFolders.seeded(dir.resolve("data"));
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            CatalogStore store = app.catalogStore();
            // the products name the drugs pack's institutions and drug, which are in the database, not in this import
            Path products = dir.resolve("products.json");
            Files.writeString(products, Files.readString(TestPacks.PRODUCTS).replace("\"test-clinic-c\"", "\"test-clinic-nowhere\""));
            store.importFiles(List.of(TestPacks.DRUGS), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            String before = DbFingerprint.of(data);
            PackException e = assertThrows(PackException.class,
                    () -> store.importFiles(List.of(products), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
            assertTrue(e.problems().stream().allMatch(p -> p.file().equals(products.toString())), e.problems()::toString);
            assertTrue(e.problems().stream().anyMatch(p -> p.message().equals("unknown institution \"test-clinic-nowhere\" (not in this pack or the loaded data)")),
                    e.problems()::toString);
            assertTrue(e.problems().stream().noneMatch(p -> p.message().contains("test-hosp-a") || p.message().contains("test-drug-x")),
                    () -> "the database's records are found: " + e.problems());
            assertEquals(before, DbFingerprint.of(data));
            List<CatalogStore.Imported> done = store.importFiles(List.of(TestPacks.PRODUCTS), CatalogStore.Origin.IMPORTED, Lang.EN,
                    ProgressMonitor.NONE);
            assertEquals(1, done.size(), "the same pack naming only records of the database is imported");
        }
    }
}
