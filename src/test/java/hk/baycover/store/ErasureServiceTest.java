package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;
import hk.baycover.trust.PersonalDataCipher;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure on a real folder, with a stand-in client table (the client store registers its own deleter the same way):
 * the rows, their ciphertext and the client's audit entries are gone from every file; one erasure entry remains.
 */
class ErasureServiceTest {

    @TempDir
    Path dir;

    static boolean anyFileContains(Path dir, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void erasesEveryTraceButTheErasureEntry() throws Exception {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            app.keys().setUp("erase me properly".toCharArray(), null);
            PersonalDataCipher cipher = app.keys().cipher();
            app.database().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE test_client (id TEXT PRIMARY KEY, name BLOB NOT NULL, notes BLOB)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_client VALUES (?,?,?)")) {
                    for (String id : List.of("c-1", "c-2")) {
                        ps.setString(1, id);
                        ps.setBytes(2, cipher.encryptText("Wong Kwok Keung " + id, "client/" + id + "/name"));
                        ps.setBytes(3, cipher.encryptText("hypertension since 2019", "client/" + id + "/notes"));
                        ps.executeUpdate();
                    }
                }
                AuditStore.planCreated(c, "plan-1", "c-1", java.time.Clock.systemDefaultZone());
                AuditStore.planCreated(c, "plan-2", "c-2", java.time.Clock.systemDefaultZone());
                return null;
            });
            app.erasure().register((c, id) -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM test_client WHERE id = ?")) {
                    ps.setString(1, id);
                    return ps.executeUpdate();
                }
            });
            // a later import leaves an automatic backup that still holds c-1
            app.catalogStore().importSources(List.of(new CatalogStore.Source("e.json", TestPacks.drugsBytes("er-pack", "1", 1, 1))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            byte[] c1Name = app.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM test_client WHERE id = 'c-1'"); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            });
            app.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
            assertTrue(anyFileContains(dir, c1Name), "the ciphertext is on disk before the erasure");
            assertFalse(anyFileContains(dir, "Wong Kwok Keung".getBytes(StandardCharsets.UTF_8)), "never plaintext");

            var result = app.eraseClient("c-1");
            assertEquals(1, result.rowsRemoved());
            assertEquals(1, result.auditEntriesRemoved());
            assertTrue(result.automaticBackupsDeleted() >= 1);
            assertTrue(result.wiped());

            assertFalse(anyFileContains(dir, c1Name), "no copy of the erased record in the database, its WAL, or a backup");
            assertEquals(0, Files.exists(Path.of(app.database().file() + "-wal")) ? Files.size(Path.of(app.database().file() + "-wal")) : 0);
            assertEquals(List.of(), app.audit().list(new AuditQuery(null, null, null, null, "c-1", 0)));
            List<AuditEntry> erased = app.audit().list(new AuditQuery(AuditAction.CLIENT_ERASED, null, null, null, null, 0));
            assertEquals(1, erased.size());
            assertEquals("c-1", erased.get(0).subjectId());
            assertEquals(1, app.audit().list(new AuditQuery(null, null, null, null, "c-2", 0)).size(), "other clients untouched");
            assertEquals(1, (int) app.database().read(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM test_client")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
            // a fresh automatic backup exists again, without c-1
            assertEquals(1, app.backups().automatic().size());
            assertEquals(0, BackupServiceTest.count(app.backups().automatic().get(0).file(), "SELECT COUNT(*) FROM test_client WHERE id = 'c-1'"));
            assertEquals("trust.erase.unknownClient", assertThrows(UserError.class, () -> app.eraseClient("c-1")).key());
        }
    }
}
