package hk.baycover.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a SQLite file as plain data: every table (sqlite_master, sorted by name) with every row (all columns,
 * sorted), so tests can say "the database is exactly as it was" or "these two databases hold the same records".
 */
public final class DbContent {

    private DbContent() {
    }

    /** Every table's rows; columns named in {@code ignoredColumns} are left out (e.g. imported_at). */
    public static Map<String, List<List<String>>> rows(Path dbFile, Set<String> ignoredColumns) {
        return rows(dbFile, ignoredColumns, table -> true);
    }

    /**
     * The content a catalog comparison is about: every table except the audit log's (an append-only record of events,
     * with their times, rather than content), without the given columns.
     */
    public static Map<String, List<List<String>>> content(Path dbFile, Set<String> ignoredColumns) {
        return rows(dbFile, ignoredColumns, table -> !table.startsWith("audit_"));
    }

    /** The rows of the tables that {@code accept} accepts. */
    public static Map<String, List<List<String>>> rows(Path dbFile, Set<String> ignoredColumns, java.util.function.Predicate<String> accept) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath())) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) {
                if (!accept.test(table)) continue;
                List<String> columns = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" LIMIT 0")) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if (!ignoredColumns.contains(md.getColumnName(i))) columns.add("\"" + md.getColumnName(i) + "\"");
                    }
                }
                List<List<String>> rows = new ArrayList<>();
                if (!columns.isEmpty()) {
                    String list = String.join(", ", columns);
                    StringBuilder order = new StringBuilder();
                    for (int i = 1; i <= columns.size(); i++) order.append(i == 1 ? "" : ", ").append(i);
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT " + list + " FROM \"" + table + "\" ORDER BY " + order)) {
                        while (rs.next()) {
                            List<String> row = new ArrayList<>();
                            for (int i = 1; i <= columns.size(); i++) {
                                Object v = rs.getObject(i);
                                row.add(v instanceof byte[] ? "x'" + HexFormat.of().formatHex((byte[]) v) + "'" : String.valueOf(v));
                            }
                            rows.add(row);
                        }
                    }
                }
                out.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + dbFile, e);
        }
        return out;
    }

    /** Every table's rows, all columns. */
    public static Map<String, List<List<String>>> rows(Path dbFile) {
        return rows(dbFile, Set.of());
    }

    /** SHA-256 over every row of every table: equal hashes mean equal content. */
    public static String hash(Path dbFile) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, List<List<String>>> t : rows(dbFile).entrySet()) {
                md.update(("#" + t.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
                for (List<String> row : t.getValue()) md.update((String.join("\u0001", row) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of rows in one table. */
    public static int count(Path dbFile, String table) {
        return rows(dbFile).getOrDefault(table, List.of()).size();
    }
}
