package hk.baycover.app;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Damages one page of a closed SQLite file, the way a bad disk sector would. */
public final class DamagedPages {

    private DamagedPages() {
    }

    /** The root page (1-based) of {@code table}. */
    public static int rootPage(Path file, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            if (!rs.next()) throw new IllegalArgumentException("no table " + table);
            return rs.getInt(1);
        }
    }

    /** The file's page size in bytes. */
    public static int pageSize(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Overwrites page {@code page} (1-based) with bytes no b-tree page starts with. */
    public static void scribble(Path file, int page) throws Exception {
        int pageSize = pageSize(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[pageSize];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            f.seek((long) (page - 1) * pageSize);
            f.write(garbage);
        }
    }
}
