package hk.baycover.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A content hash of every table (and the schema) of a database, to prove that something left it exactly as it was. */
public final class DbFingerprint {

    private DbFingerprint() {
    }

    public static String of(Path dataDir) {
        return ofFile(dataDir.resolve(Database.FILE_NAME), List.of());
    }

    /** {@code ignore}: tables left out (e.g. audit_log when comparing a restored copy that gained an entry). */
    public static String ofFile(Path db, List<String> ignore) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
                while (rs.next()) {
                    if ("table".equals(rs.getString(1))) tables.add(rs.getString(2));
                    if (!ignore.contains(rs.getString(2))) md.update((rs.getString(1) + rs.getString(2) + rs.getString(3)).getBytes(StandardCharsets.UTF_8));
                }
            }
            for (String t : tables) {
                if (ignore.contains(t) || t.equals("sqlite_sequence")) continue;
                md.update(("#" + t).getBytes(StandardCharsets.UTF_8));
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof byte[]) md.update((byte[]) v);
                            else md.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row count of a table. */
    public static int count(Path dataDir, String table) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
