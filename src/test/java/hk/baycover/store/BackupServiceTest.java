package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.app.CorruptDatabase;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups and restores on real data folders: round trip, every refusal leaving the database as it was, rolling backups. */
class BackupServiceTest {

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private static void importPack(BayCover app, String id, String version, int inst, int items) {
        app.catalogStore().importSources(List.of(new CatalogStore.Source(id + ".json", TestPacks.drugsBytes(id, version, inst, items))),
                CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
        app.reload();
    }

    @Test
    void backupThenRestoreRoundTrips() {
        Path backup = elsewhere.resolve("before-v2.db");
        String atBackup;
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            importPack(app, "rt-pack", "1", 3, 10);
            BackupService.Report r = app.backups().backup(backup, false, ProgressMonitor.NONE);
            assertEquals(BackupService.sha256OrFail(backup), r.sha256());
            assertEquals(Database.latestMigration(), r.schemaVersion());
            atBackup = DbFingerprint.ofFile(backup, List.of("audit_log"));
            importPack(app, "rt-pack", "2", 5, 40);
            importPack(app, "rt-other", "1", 1, 2);
            assertEquals(40, app.catalog().items().stream().filter(i -> i.id().startsWith("rt-pack")).count());

            BackupService.Candidate c = app.restore(backup, ProgressMonitor.NONE);
            assertEquals(r.sha256(), c.sha256());
            assertEquals(atBackup, DbFingerprint.ofFile(dir.resolve(Database.FILE_NAME), List.of("audit_log")), "the data is the backup's");
            assertEquals(10, app.catalog().items().stream().filter(i -> i.id().startsWith("rt-pack")).count(), "the catalog was re-read");
            assertTrue(app.catalog().datasets().stream().noneMatch(d -> d.id().equals("rt-other")));
            List<AuditEntry> restored = app.audit().list(new AuditQuery(AuditAction.BACKUP_RESTORED, null, null, null, null, 0));
            assertEquals(1, restored.size());
            String previous = restored.get(0).details().get("previous");
            assertTrue(previous.startsWith("auto-") && previous.endsWith("-before-restore.db"), previous);
            // the database replaced is kept, whole, as an automatic backup
            assertEquals(1, count(dir.resolve("backups").resolve(previous), "SELECT COUNT(*) FROM dataset WHERE id = 'rt-other'"));
            // still a WAL database and still writable
            importPack(app, "rt-after", "1", 1, 1);
        }
        assertNoTemporaries();
    }

    @Test
    void backupRefusesToOverwriteOrToTargetTheLiveDatabase() {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            Path b = elsewhere.resolve("b.db");
            app.backups().backup(b, false, ProgressMonitor.NONE);
            assertEquals("trust.backup.exists", assertThrows(UserError.class, () -> app.backups().backup(b, false, ProgressMonitor.NONE)).key());
            app.backups().backup(b, true, ProgressMonitor.NONE);
            assertEquals("file.protected", assertThrows(UserError.class,
                    () -> app.backups().backup(dir.resolve(Database.FILE_NAME), true, ProgressMonitor.NONE)).key());
            assertEquals("file.isFolder", assertThrows(UserError.class, () -> app.backups().backup(elsewhere, true, ProgressMonitor.NONE)).key());
            assertEquals(2, app.audit().list(new AuditQuery(AuditAction.BACKUP_CREATED, null, null, null, null, 0)).size());
        }
    }

    /** Makes a copy of a good backup, damages it as told, and expects the restore to refuse it with {@code key}. */
    private void refused(String name, String key, Consumer<Path> damage) throws IOException {
        Path good = elsewhere.resolve("good.db");
        Path bad = elsewhere.resolve(name);
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            if (!Files.exists(good)) {
                importPack(app, "rf-pack", "1", 2, 30);
                app.backups().backup(good, false, ProgressMonitor.NONE);
            }
            Files.copy(good, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            damage.accept(bad);
            String before = DbFingerprint.of(dir);
            List<Path> backupsBefore = list(dir.resolve("backups"));
            UserError e = assertThrows(UserError.class, () -> app.restore(bad, ProgressMonitor.NONE), name);
            assertEquals(key, e.key(), name + ": " + hk.baycover.i18n.I18n.message(Lang.EN, e));
            assertEquals(before, DbFingerprint.of(dir), name + ": the database is unchanged");
            assertEquals(backupsBefore, list(dir.resolve("backups")), name + ": no backup taken either");
            assertEquals(key, assertThrows(UserError.class, () -> BackupService.inspect(bad, dir, BayCover.systemClock())).key());
        }
        assertNoTemporaries();
    }

    @Test
    void everyDamagedOrForeignBackupIsRefusedAndNothingChanges() throws IOException {
        refused("text.db", "trust.restore.notDatabase", p -> write(p, "{\"pack\": {}}".getBytes()));
        refused("empty.db", "trust.restore.notDatabase", p -> write(p, new byte[0]));
        refused("truncated.db", "trust.restore.corrupt", p -> truncate(p, 3 * 4096 + 100));
        refused("scribbled.db", "trust.restore.corrupt", p -> scribble(p, 2 * 4096, 3 * 4096));
        refused("newer.db", "trust.restore.newer", p -> sql(p, "INSERT INTO schema_migration(version, applied_at) VALUES (98, 'x')"));
        refused("trigger.db", "trust.restore.schemaMismatch",
                p -> sql(p, "CREATE TRIGGER evil AFTER INSERT ON dataset BEGIN DELETE FROM product; END"));
        refused("extra-table.db", "trust.restore.schemaMismatch", p -> sql(p, "CREATE TABLE extra(x)"));
        refused("foreign.db", "trust.restore.notBayCover", p -> sql(p, "DROP TABLE schema_migration"));
        refused("traversal.db", "trust.restore.badRecord", p -> sql(p, "INSERT INTO dataset SELECT '../../evil', kind, version, as_of, checksum, origin, imported_at, header_json FROM dataset WHERE id = 'rf-pack'"));
        refused("garbled-record.db", "trust.restore.unreadableRecords", p -> sql(p, "UPDATE item SET json = '{\"id\": 5' WHERE rowid = 1"));
        refused("missing.db", "trust.restore.noFile", p -> {
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        refused("in-use.db", "trust.restore.inUse", p -> write(Path.of(p + "-wal"), new byte[] {1, 2, 3}));
    }

    @Test
    void restoreIsRefusedWhileAnotherUserHasTheFolder() throws IOException {
        Path b = elsewhere.resolve("b.db");
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            app.backups().backup(b, false, ProgressMonitor.NONE);
            String before = DbFingerprint.of(dir);
            try (BayCover other = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
                assertEquals("trust.folderBusy", assertThrows(UserError.class, () -> app.restore(b, ProgressMonitor.NONE)).key());
                assertFalse(other.catalog().datasets().isEmpty(), "the other user keeps working");
            }
            assertEquals(before, DbFingerprint.of(dir));
            app.restore(b, ProgressMonitor.NONE);
        }
    }

    @Test
    void automaticBackupsBeforeImportsKeepTheNewestFive() {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            int before = BackupService.automatic(dir).size();
            for (int i = 1; i <= 7; i++) importPack(app, "roll", String.valueOf(i), 1, i);
            List<BackupService.AutoBackup> autos = app.backups().automatic();
            assertEquals(BackupService.KEEP, autos.size());
            assertTrue(before <= 1);
            for (BackupService.AutoBackup a : autos) {
                assertEquals("before-import", a.reason());
                assertEquals("ok", quickCheck(a.file()));
            }
            // newest first; the newest holds version 6 (taken before the 7th import)
            assertEquals(6, count(autos.get(0).file(), "SELECT COUNT(*) FROM item WHERE dataset_id = 'roll'"));
            assertEquals(2, count(autos.get(4).file(), "SELECT COUNT(*) FROM item WHERE dataset_id = 'roll'"));
            // a rejected import takes no backup and changes nothing
            String fp = DbFingerprint.of(dir);
            assertThrows(UserError.class, () -> app.catalogStore().importSources(List.of(new CatalogStore.Source("bad.json", "{".getBytes())),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
            assertEquals(autos, app.backups().automatic());
            assertEquals(fp, DbFingerprint.of(dir));
        }
    }

    @Test
    void anAutomaticBackupIsTakenBeforeAMigration() throws SQLException {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            importPack(app, "mig", "1", 2, 3);
        }
        // make it a database from before migration 004
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME)); Statement s = c.createStatement()) {
            s.execute("DROP TABLE audit_log");
            s.execute("DROP TABLE audit_erasure");
            s.execute("DROP TABLE keyring");
            s.execute("DELETE FROM schema_migration WHERE version = 4");
        }
        int autos = BackupService.automatic(dir).size();
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            assertEquals(Database.latestMigration(), app.database().schemaVersion());
            List<BackupService.AutoBackup> after = app.backups().automatic();
            assertEquals(autos + 1, after.size());
            assertEquals("before-migration-004", after.get(0).reason());
            assertEquals(0, count(after.get(0).file(), "SELECT COUNT(*) FROM schema_migration WHERE version = 4"));
            assertEquals(3, count(after.get(0).file(), "SELECT COUNT(*) FROM item WHERE dataset_id = 'mig'"));
        }
    }

    @Test
    void aCorruptDatabaseIsReportedWithItsLatestBackupAndRestoredFromIt() throws IOException {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            importPack(app, "cor", "1", 2, 50);
            importPack(app, "cor", "2", 2, 60);
        }
        scribble(dir.resolve(Database.FILE_NAME), 3 * 4096, 6 * 4096);
        CorruptDatabase e = assertThrows(CorruptDatabase.class, () -> BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE));
        assertEquals("trust.corruptWithBackup", e.key());
        BackupService.AutoBackup latest = e.latestBackup().orElseThrow();
        assertTrue(hk.baycover.i18n.I18n.message(Lang.EN, e).contains("baycover restore \"" + latest.file()));
        BayCover.restoreUnopened(dir, latest.file(), BayCover.systemClock());
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            assertEquals(50, app.catalog().items().stream().filter(i -> i.id().startsWith("cor")).count());
            assertEquals(1, app.audit().list(new AuditQuery(AuditAction.BACKUP_RESTORED, null, null, null, null, 0)).size());
        }
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("corrupt-")), "the corrupt file is kept aside");
        }
    }

    @Test
    void aCorruptDatabaseWithoutBackupsSaysSo() throws IOException {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            importPack(app, "nob", "1", 2, 80);
        }
        for (BackupService.AutoBackup b : BackupService.automatic(dir)) Files.delete(b.file());
        scribble(dir.resolve(Database.FILE_NAME), 2 * 4096, 8 * 4096);
        CorruptDatabase e = assertThrows(CorruptDatabase.class, () -> BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE));
        assertEquals("trust.corruptNoBackup", e.key());
        assertFalse(e.latestBackup().isPresent());
    }

    // ------------------------------------------------------------------ helpers

    private void assertNoTemporaries() {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".restore-") || n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path d) {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void truncate(Path p, long size) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overwrites bytes [from, to) with a deterministic pattern (a torn write, a bad sector). */
    static void scribble(Path p, long from, long to) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(from);
            for (long i = from; i < Math.min(to, f.length()); i++) f.write((int) (i * 31 + 7));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int count(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quickCheck(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
