package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.testsupport.DbContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQLite store on real files: migrations, pragmas, idempotent re-open, integrity check. */
class DatabaseTest {

    @TempDir
    Path dir;

    private static List<Integer> migrationScripts() {
        return IntStream.rangeClosed(1, 99)
                .filter(v -> Database.class.getResource(String.format("/db/migration/%03d.sql", v)) != null)
                .boxed().toList();
    }

    private static List<String> migrations(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, applied_at FROM schema_migration ORDER BY version")) {
                while (rs.next()) out.add(rs.getInt(1) + "@" + rs.getString(2));
            }
            return out;
        });
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void freshDatabaseRecordsEveryMigration() {
        Database db = Database.open(dir, java.time.Clock.systemDefaultZone());
        assertTrue(Files.exists(dir.resolve(Database.FILE_NAME)));
        List<Integer> scripts = migrationScripts();
        assertFalse(scripts.isEmpty());
        List<Integer> recorded = migrations(db).stream().map(s -> Integer.parseInt(s.substring(0, s.indexOf('@')))).toList();
        assertEquals(scripts, recorded);
        assertEquals(scripts.get(scripts.size() - 1), db.schemaVersion());
        assertEquals(Database.latestMigration(), db.schemaVersion());
        // the catalog tables of migration 001 exist
        assertTrue(DbContent.rows(db.file()).keySet().containsAll(
                List.of("dataset", "institution", "item", "approval", "running_total", "product", "scenario", "record_ref")));
    }

    @Test
    void connectionsUseWalForeignKeysAndBusyTimeout() {
        Database db = Database.open(dir, java.time.Clock.systemDefaultZone());
        db.read(c -> {
            assertEquals("wal", pragma(c, "journal_mode").toLowerCase());
            assertEquals("1", pragma(c, "foreign_keys"));
            assertEquals("10000", pragma(c, "busy_timeout"));
            return null;
        });
    }

    @Test
    void foreignKeysAreEnforced() {
        Database db = Database.open(dir, java.time.Clock.systemDefaultZone());
        String before = DbContent.hash(db.file());
        StoreException e = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO institution(id, dataset_id, ord, kind, city, designated, json) "
                        + "VALUES ('x', 'no-such-dataset', 0, 'HOSPITAL', 'SHENZHEN', 0, '{}')");
            }
            return null;
        }));
        assertEquals("store.sqlError", e.key());
        assertTrue(e.getCause().getMessage().contains("FOREIGN KEY"), e.getCause().getMessage());
        assertEquals(before, DbContent.hash(db.file()));
    }

    @Test
    void transactionRollsBackOnFailure() {
        Database db = Database.open(dir, java.time.Clock.systemDefaultZone());
        String before = DbContent.hash(db.file());
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO dataset(id, kind, version, as_of, checksum, origin, imported_at, header_json) "
                        + "VALUES ('d', 'products', '1', '2025', 'x', 'IMPORTED', 'now', '{}')");
            }
            throw new IllegalStateException("boom");
        }));
        assertEquals(before, DbContent.hash(db.file()));
    }

    @Test
    void reopeningIsIdempotent() {
        Database first = Database.open(dir, java.time.Clock.systemDefaultZone());
        List<String> applied = migrations(first);
        String content = DbContent.hash(first.file());
        Database second = Database.open(dir, java.time.Clock.systemDefaultZone());
        assertEquals(applied, migrations(second), "no migration runs twice and none is re-recorded");
        assertEquals(content, DbContent.hash(second.file()));
        assertEquals(first.schemaVersion(), second.schemaVersion());
    }

    @Test
    void aDatabaseFromANewerBayCoverIsRefused() {
        Database db = Database.open(dir, java.time.Clock.systemDefaultZone());
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO schema_migration(version, applied_at) VALUES (" + (Database.latestMigration() + 100) + ", 'future')");
            }
            return null;
        });
        UserError e = assertThrows(UserError.class, () -> Database.open(dir, java.time.Clock.systemDefaultZone()));
        assertEquals("store.tooNew", e.key());
    }

    @Test
    void corruptedFileIsReportedClearly(@TempDir Path copyDir) throws Exception {
        // a real, seeded database, closed (its WAL checkpointed into the main file)
        BayCover.open(dir, Lang.EN, ProgressMonitor.NONE).close();
        Path original = dir.resolve(Database.FILE_NAME);
        assertFalse(Files.exists(dir.resolve(Database.FILE_NAME + "-wal")) && Files.size(dir.resolve(Database.FILE_NAME + "-wal")) > 0,
                "the WAL was checkpointed on close");
        Path copy = copyDir.resolve(Database.FILE_NAME);
        Files.copy(original, copy);
        long size = Files.size(copy);
        assertTrue(size > 64 * 1024, "the seeded database has many pages: " + size);
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            byte[] garbage = new byte[16 * 1024];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            f.seek((size / 2) / 4096 * 4096);
            f.write(garbage);
        }
        UserError e = assertThrows(UserError.class, () -> Database.open(copyDir, java.time.Clock.systemDefaultZone()));
        assertEquals("store.corrupt", e.key());
        assertEquals(copy, e.args()[0]);
        // the original is untouched and still opens
        assertEquals(Database.latestMigration(), Database.open(dir, java.time.Clock.systemDefaultZone()).schemaVersion());
    }

    @Test
    void notADatabaseIsReportedClearly() throws Exception {
        Files.writeString(dir.resolve(Database.FILE_NAME), "this is not a database, it is a text file that someone saved here by mistake".repeat(100));
        UserError e = assertThrows(UserError.class, () -> Database.open(dir, java.time.Clock.systemDefaultZone()));
        assertEquals("store.corrupt", e.key());
    }

    @Test
    void splitsMigrationScriptsOnStatementEnds() {
        List<String> parts = Database.splitStatements("-- comment\nCREATE TABLE a (x INT);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                + "  INSERT INTO a VALUES (1);\nEND;\nCREATE INDEX i ON a(x);\n");
        assertEquals(3, parts.size(), parts.toString());
        assertTrue(parts.get(1).startsWith("CREATE TRIGGER") && parts.get(1).endsWith("END;"));
    }
}
