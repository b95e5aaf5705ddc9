package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.trust.TestFolders;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways a backup copies the database's pages (ADR 0071), on real files: the whole file byte for byte when the
 * write-ahead log can be emptied and the write lock taken at once, SQLite's online backup otherwise; either way the copy
 * holds every committed change and nothing uncommitted, and the source connection is left as it was. And the automatic
 * backup written beside an import: kept when the import writes, gone when it was refused or cancelled first.
 */
class BackupCopyWaysTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;

    private static final Clock CLOCK = Clock.systemUTC();

    private Database seeded() {
        BayCover.open(TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE).close();
        return Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
    }

    private static Connection open(Path file) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    private static long count(Path file, String sql) {
        return BackupServiceTest.count(file, sql);
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static final String NOTES = "SELECT COUNT(*) FROM scratch";

    /** A seeded database with a table of its own for the test's changes (one row in it). */
    private Database seededWithScratch() throws Exception {
        Database db = seeded();
        try (Connection c = open(db.file()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch (n INTEGER)");
            s.execute("INSERT INTO scratch VALUES (0)");
        }
        return db;
    }

    private static void addRows(Connection c, int n) throws Exception {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < n; i++) s.execute("INSERT INTO scratch VALUES (" + (i + 1) + ")");
        }
    }

    private Path wal(Database db) {
        return db.file().resolveSibling(db.file().getFileName() + "-wal");
    }

    private BackupService.Way copy(Database db, Path target) throws Exception {
        Files.createFile(target);
        return db.read(c -> {
            try {
                BackupService.Way way = BackupService.copyPages(c, db.file(), target, ProgressMonitor.NONE);
                assertTrue(c.getAutoCommit(), "the source connection is left outside any transaction");
                assertEquals("10000", one(c, "PRAGMA busy_timeout"), "the source connection waits for locks as before");
                return way;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anIdleDatabaseIsCopiedAsAFileWithEveryCommittedChangeEvenThoseStillInTheLog() throws Exception {
        Database db = seededWithScratch();
        long before;
        try (Connection c = open(db.file())) {
            before = Long.parseLong(one(c, NOTES));
            // committed, and still only in the write-ahead log: another connection stays open, so nothing checkpoints it
            addRows(c, 3);
            assertTrue(Files.size(wal(db)) > 0, "the changes are in the log");
            Path copy = out.resolve("idle.db");
            assertEquals(BackupService.Way.FILE_COPY, copy(db, copy));
            assertEquals(before + 3, count(copy, NOTES), "the log was emptied into the file before it was copied");
            assertEquals("ok", one(c, "PRAGMA quick_check"));
        }
        assertEquals("ok", BackupServiceTest.quickCheck(out.resolve("idle.db")));
    }

    @Test
    void aWriteUnderWayIsNotWaitedForAndNotCopied() throws Exception {
        Database db = seededWithScratch();
        long committed = count(db.file(), NOTES);
        try (Connection writer = open(db.file()); Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            addRows(writer, 2);
            Path copy = out.resolve("writing.db");
            assertEquals(BackupService.Way.ONLINE_BACKUP, copy(db, copy), "another connection holds the write lock");
            assertEquals(committed, count(copy, NOTES), "only what was committed is in the copy");
            s.execute("COMMIT");
        }
        assertEquals(committed + 2, count(db.file(), NOTES));
    }

    @Test
    void aReaderThatKeepsTheLogFromBeingEmptiedMeansTheOnlineBackupWithEveryCommittedChange() throws Exception {
        Database db = seededWithScratch();
        try (Connection writer = open(db.file()); Connection reader = open(db.file()); Statement r = reader.createStatement()) {
            long before = Long.parseLong(one(writer, NOTES));
            addRows(writer, 1);
            // a read transaction on the snapshot with that change: the log cannot be emptied while it lasts
            r.execute("BEGIN");
            assertEquals(String.valueOf(before + 1), one(reader, NOTES));
            addRows(writer, 2);
            Path copy = out.resolve("reading.db");
            assertEquals(BackupService.Way.ONLINE_BACKUP, copy(db, copy));
            assertEquals(before + 3, count(copy, NOTES));
            r.execute("COMMIT");
            Path again = out.resolve("after.db");
            assertEquals(BackupService.Way.FILE_COPY, copy(db, again), "once the reader is done the file is copied");
            assertEquals(before + 3, count(again, NOTES));
        }
    }

    @Test
    void theBackupBesideAnImportIsKeptWhenItWritesAndGoneWhenItIsRefusedOrCancelledFirst() throws Exception {
        try (BayCover app = BayCover.open(TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            List<BackupService.AutoBackup> start = app.backups().automatic();
            app.catalogStore().importSources(List.of(new CatalogStore.Source("one.json", TestPacks.drugsBytes("ahead", "1", 2, 3))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            List<BackupService.AutoBackup> afterImport = app.backups().automatic();
            assertEquals(Math.min(BackupService.KEEP, start.size() + 1), afterImport.size());
            Path newest = afterImport.get(0).file();
            assertFalse(start.stream().anyMatch(b -> b.file().equals(newest)), "the import took a backup of its own");
            assertEquals(0, count(newest, "SELECT COUNT(*) FROM item WHERE dataset_id = 'ahead'"), "taken before the import wrote");
            assertEquals("ok", BackupServiceTest.quickCheck(newest));

            // refused: a pack with a problem
            assertThrows(UserError.class, () -> app.catalogStore().importSources(
                    List.of(new CatalogStore.Source("bad.json", Files.readAllBytes(Path.of("src/test/resources/packs/bad/missing-required.json")))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
            assertEquals(afterImport, app.backups().automatic(), "a refused import leaves the backups as they were");

            // cancelled before it writes
            ProgressMonitor cancelling = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String what) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(ProgressMonitor.Cancelled.class, () -> app.catalogStore().importSources(
                    List.of(new CatalogStore.Source("two.json", TestPacks.drugsBytes("ahead-2", "1", 2, 3))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, cancelling));
            assertEquals(afterImport, app.backups().automatic(), "a cancelled import leaves the backups as they were");
            try (var left = Files.list(dir.resolve(BackupService.DIR))) {
                assertEquals(afterImport.size(), left.count(), "no copy or temporary file is left in the backups folder");
            }
        }
    }
}
