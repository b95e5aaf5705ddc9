package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.app.DamagedPages;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the whole file is checked (ADR 0065): at open for {@link Database.Check#AT_OPEN}; for the command line's
 * {@link Database.Check#BEFORE_FIRST_WRITE}, before the first write, or at open when a write-ahead log was left behind —
 * and a damaged file is {@code store.corrupt} on every path, with nothing written.
 */
class IntegrityCheckPolicyTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.systemUTC();

    /** A seeded data folder, closed cleanly (its WAL checkpointed into the main file). */
    private Path seededAndClosed() {
        BayCover.open(dir, Lang.EN, ProgressMonitor.NONE).close();
        Path wal = dir.resolve(Database.FILE_NAME + "-wal");
        assertFalse(Files.exists(wal) && sizeOf(wal) > 0, "the WAL was checkpointed on close");
        return dir.resolve(Database.FILE_NAME);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
    }

    @Test
    void atOpenChecksTheWholeFileWhenOpened() {
        seededAndClosed();
        assertTrue(Database.open(dir, CLOCK).integrityChecked());
        assertTrue(Database.open(dir, CLOCK, Database.Check.AT_OPEN).integrityChecked());
    }

    @Test
    void aCleanlyClosedFileIsCheckedBeforeTheFirstWriteNotAtOpen() {
        seededAndClosed();
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        assertFalse(db.integrityChecked(), "a read-only open does not read every page");
        assertTrue(count(db, "SELECT COUNT(*) FROM product") > 0, "reads work unchecked");
        assertFalse(db.integrityChecked());
        db.inTransaction(c -> null);
        assertTrue(db.integrityChecked(), "checked before the first transaction");
    }

    @Test
    void aNewFileNeedsNoCheck() {
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        assertTrue(db.integrityChecked(), "this process made the file");
        assertEquals(Database.latestMigration(), db.schemaVersion());
    }

    @Test
    void aWriteAheadLogLeftBehindIsCheckedAtOpen() throws Exception {
        Path file = seededAndClosed();
        // another process in the middle of its work (or one that was killed): its WAL is beside the file
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("CREATE TABLE scratch_left_behind(x)");
            assertTrue(sizeOf(dir.resolve(Database.FILE_NAME + "-wal")) > 0, "the other connection's WAL");
            Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
            assertTrue(db.integrityChecked(), "an unclean file is checked at open");
        }
    }

    @Test
    void aDamagedFileIsFoundBeforeTheFirstWriteAndNothingIsWritten() throws Exception {
        Path file = seededAndClosed();
        DamagedPages.scribble(file, DamagedPages.rootPage(file, "audit_log"));
        byte[] before = Files.readAllBytes(file);
        UserError e = assertThrows(UserError.class, () -> {
            Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE written_to_a_damaged_file(x)");
                }
                return null;
            });
        });
        assertEquals("store.corrupt", e.key());
        assertEquals(file, e.args()[0]);
        assertArrayEquals(before, Files.readAllBytes(file), "nothing was written");
    }

    @Test
    void anAutomaticBackupIsNotTakenOfADamagedFile() throws Exception {
        Path file = seededAndClosed();
        DamagedPages.scribble(file, DamagedPages.rootPage(file, "audit_log"));
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        int backups = BackupService.automatic(dir).size();
        UserError e = assertThrows(UserError.class, () -> BackupService.rolling(db, "before-import"));
        assertEquals("store.corrupt", e.key());
        assertEquals(backups, BackupService.automatic(dir).size(), "no copy of the damaged file among the backups");
    }

    @Test
    void aDamagedPageAReadMeetsIsStoreCorrupt() throws Exception {
        Path file = seededAndClosed();
        DamagedPages.scribble(file, DamagedPages.rootPage(file, "product"));
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        UserError e = assertThrows(UserError.class, () -> count(db, "SELECT SUM(LENGTH(json)) FROM product"));
        assertEquals("store.corrupt", e.key());
        assertEquals(file, e.args()[0]);
    }

    @Test
    void notADatabaseIsRefusedAtOpenEvenUnchecked() throws Exception {
        Files.writeString(dir.resolve(Database.FILE_NAME), "this is not a database, it is a text file that someone saved here by mistake".repeat(100));
        UserError e = assertThrows(UserError.class, () -> Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE));
        assertEquals("store.corrupt", e.key());
    }

    @Test
    void aDamagedSchemaIsRefusedAtOpenEvenUnchecked() throws Exception {
        Path file = seededAndClosed();
        int pageSize = DamagedPages.pageSize(file);
        // page 1 after the 100-byte file header: the schema's b-tree page
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[pageSize - 100];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            f.seek(100);
            f.write(garbage);
        }
        UserError e = assertThrows(UserError.class, () -> Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE));
        assertEquals("store.corrupt", e.key());
    }
}
