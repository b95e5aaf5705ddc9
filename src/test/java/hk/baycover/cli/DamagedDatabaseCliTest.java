package hk.baycover.cli;

import hk.baycover.store.Database;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line checks the whole database before its first write, not at every open (ADR 0065): a damaged file is
 * still refused before anything is written, and a damaged page a reading command meets is reported the same way — one
 * clear message naming the file and the automatic backup to restore, exit 1, no stack trace.
 */
class DamagedDatabaseCliTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--lang", "en"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path db() {
        return dataDir.resolve(Database.FILE_NAME);
    }

    /** Overwrites the root page of {@code table} with bytes no b-tree page starts with. */
    private void scribbleRootPage(String table) throws Exception {
        int root;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
                rs.next();
                root = rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            byte[] garbage = new byte[pageSize];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            f.seek((long) (root - 1) * pageSize);
            f.write(garbage);
        }
    }

    /** Every file of the backups folder with its bytes' hash. */
    private Map<String, String> backups() throws Exception {
        Map<String, String> out = new TreeMap<>();
        Path dir = dataDir.resolve("backups");
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), hk.baycover.catalog.PackReader.sha256(Files.readAllBytes(p)));
        }
        return out;
    }

    /** A folder with the shipped packs and one import (so there is an automatic backup), closed cleanly. */
    private void folderWithABackup() {
        Run r = run("import", TestPacks.DRUGS.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void anImportIntoADamagedFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        folderWithABackup();
        scribbleRootPage("audit_log");
        byte[] before = Files.readAllBytes(db());
        Map<String, String> backupsBefore = backups();
        assertFalse(backupsBefore.isEmpty(), "the first import took an automatic backup");

        Run r = run("import", TestPacks.PRODUCTS.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("failed its integrity check"), r.err());
        assertTrue(r.err().contains("baycover restore"), "says how to restore: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(before, Files.readAllBytes(db()), "the database is unchanged");
        assertEquals(backupsBefore, backups(), "no backup was taken of the damaged file, none replaced");
    }

    @Test
    void aDamagedPageAReadingCommandMeetsIsReportedWithTheBackupToRestore() throws Exception {
        folderWithABackup();
        scribbleRootPage("product");
        byte[] before = Files.readAllBytes(db());

        Run r = run("gaps", "--json");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out(), "no half report");
        assertTrue(r.err().contains("failed its integrity check") && r.err().contains(db().toString()), r.err());
        assertTrue(r.err().contains("baycover restore \""), "names the automatic backup to restore: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(before, Files.readAllBytes(db()), "a reading command writes nothing");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedByEveryCommand() throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(db(), "not a database at all, a text file saved here by mistake".repeat(200));
        for (String[] command : List.of(new String[] {"info"}, new String[] {"gaps", "--json"}, new String[] {"import", TestPacks.DRUGS.toString()})) {
            Run r = run(command);
            assertEquals(1, r.code(), String.join(" ", command) + ": " + r.err());
            assertTrue(r.err().contains("failed its integrity check"), r.err());
        }
    }
}
