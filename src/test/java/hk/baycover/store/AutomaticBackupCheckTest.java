package hk.baycover.store;

import hk.baycover.app.BayCover;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An automatic backup of a file not yet checked in this process checks its copy instead of the file (ADR 0068): the
 * copy's pages, checked before its own audit row is added, give the file's verdict. A sound file is then counted as
 * checked; a damaged one is {@code store.corrupt} (the file's own check), leaves no backup and no new folder; a backup
 * that cannot be written is {@code trust.autoBackupFailed}, as before.
 */
class AutomaticBackupCheckTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.systemUTC();

    private Path seededAndClosed() {
        BayCover.open(dir, Lang.EN, ProgressMonitor.NONE).close();
        return dir.resolve(Database.FILE_NAME);
    }

    private static String quickCheck(Path file) {
        return BackupServiceTest.quickCheck(file);
    }

    private static int count(Path file, String sql) {
        return BackupServiceTest.count(file, sql);
    }

    /** Overwrites the root page of {@code table} with bytes no b-tree page starts with. */
    private static void scribbleRootPage(Path file, String table) throws Exception {
        int root;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
                rs.next();
                root = rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[pageSize];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            f.seek((long) (root - 1) * pageSize);
            f.write(garbage);
        }
    }

    @Test
    void theCopysCheckCountsAsTheFilesCheckAndTheBackupIsSound() throws Exception {
        seededAndClosed();
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        assertFalse(db.integrityChecked());
        int auditRows = count(db.file(), "SELECT COUNT(*) FROM audit_log");
        Optional<Path> backup = BackupService.rolling(db, "before-import");
        assertTrue(backup.isPresent());
        assertTrue(db.integrityChecked(), "the copy's pages were checked: the file need not be read again before the write");
        assertEquals("ok", quickCheck(backup.get()));
        assertEquals(auditRows + 1, count(backup.get(), "SELECT COUNT(*) FROM audit_log"), "the copy records its own making");
        assertEquals(count(db.file(), "SELECT COUNT(*) FROM product"), count(backup.get(), "SELECT COUNT(*) FROM product"));
        db.inTransaction(c -> null);
    }

    @Test
    void aDamagedIndexPageIsStoreCorruptWithNoBackupAndNoNewFolder() throws Exception {
        Path file = seededAndClosed();
        scribbleRootPage(file, "product_dataset");
        Path backups = dir.resolve(BackupService.DIR);
        if (Files.exists(backups)) {
            try (var walk = Files.walk(backups)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        byte[] before = Files.readAllBytes(file);
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        UserError e = assertThrows(UserError.class, () -> BackupService.rolling(db, "before-import"));
        assertEquals("store.corrupt", e.key(), e::toString);
        assertEquals(file, e.args()[0]);
        assertFalse(Files.exists(backups), "no backups folder was left behind");
        assertArrayEquals(before, Files.readAllBytes(file), "the file was not changed");
        assertFalse(db.integrityChecked());
    }

    @Test
    void aBackupThatCannotBeWrittenOfASoundFileIsStillAutoBackupFailed() throws Exception {
        seededAndClosed();
        Path backups = dir.resolve(BackupService.DIR);
        if (Files.exists(backups)) {
            try (var walk = Files.walk(backups)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.writeString(backups, "a file where the backups folder should be");
        Database db = Database.open(dir, CLOCK, Database.Check.BEFORE_FIRST_WRITE);
        UserError e = assertThrows(UserError.class, () -> BackupService.rolling(db, "before-import"));
        assertEquals("trust.autoBackupFailed", e.key(), e::toString);
        assertTrue(db.integrityChecked(), "the file itself was checked to tell a damaged file from a failed copy");
        assertTrue(Files.isRegularFile(backups));
    }
}
