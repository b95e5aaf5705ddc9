package hk.baycover.store;

import hk.baycover.model.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The SQLite database of one data folder: WAL, foreign keys, a busy timeout, numbered migrations
 * ({@code db/migration/NNN.sql}, recorded in {@code schema_migration}) and an integrity check ({@code PRAGMA
 * quick_check}) — when opened ({@link Check#AT_OPEN}: the GUI, restores, tests), or before the first write of the
 * process ({@link Check#BEFORE_FIRST_WRITE}: the command line; ADR 0065). Connections are cheap; each unit of work opens
 * its own, so background tasks never share one.
 */
public final class Database {

    public static final String FILE_NAME = hk.baycover.io.DataFolder.DATABASE;
    /** Highest migration number probed for. Numbers may have holes (features add their own). */
    private static final int MAX_MIGRATION = 99;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final Path file;
    private final String url;
    /** The application's one clock (built where the application starts): record timestamps come from it. */
    private final Clock clock;
    /** Units of work share it; a restore takes it alone, so no connection of this process is open while the file is swapped. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** True once {@code PRAGMA quick_check} passed in this process (or the file was created by it). */
    private volatile boolean checked;

    /**
     * When the whole file is checked ({@code PRAGMA quick_check}, which reads every page: about 0.1 s for the shipped
     * catalog, over a second at 279,000 records). See ADR 0065.
     */
    public enum Check {
        /** When the database is opened (the GUI, a restore, tests): a damaged file is found before anything is shown. */
        AT_OPEN,
        /**
         * Before the first write of this process — a migration, an automatic backup, any transaction — and at open when
         * the file may not have been closed cleanly (a write-ahead log is left beside it: a process was killed, or another
         * one is working). A command that only reads gets the cheap check of the file's header and schema at open, and
         * SQLite's own checks of every page it reads ({@code store.corrupt} when one is damaged). The command line.
         */
        BEFORE_FIRST_WRITE
    }

    private Database(Path file, Clock clock) {
        this.file = file;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Opens (creating if needed) the database in {@code dataDir}, checks its integrity and migrates it. */
    public static Database open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Check.AT_OPEN);
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and migrates it; its integrity is checked at open or
     * before the first write, as {@code check} says. A damaged file is {@code store.corrupt} either way.
     */
    public static Database open(Path dataDir, Clock clock, Check check) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UserError(e, "store.cannotCreateDir", dataDir);
        }
        Database db = new Database(dataDir.resolve(FILE_NAME), clock);
        if (check == Check.AT_OPEN || !Files.exists(db.file) || db.walLeftBehind()) db.checkIntegrity();
        else db.checkHeader();
        hk.baycover.io.Timeline.mark(db.checked ? "database integrity checked (quick_check)" : "database header checked");
        db.refuseUnknownMigrations();
        db.migrate();
        hk.baycover.io.Timeline.mark("migrations checked");
        return db;
    }

    /** A handle on a database file without checks or migrations (for backups being checked, and the restore swap). */
    static Database unchecked(Path file, Clock clock) {
        return new Database(file, clock);
    }

    public Path file() { return file; }

    /** The clock every store of this database takes "now" and "today" from. */
    public Clock clock() { return clock; }

    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA synchronous = NORMAL");
        }
        return c;
    }

    /** True once the whole file passed {@code PRAGMA quick_check} in this process (or this process created it). */
    public boolean integrityChecked() {
        return checked;
    }

    /**
     * Checks the whole file ({@code PRAGMA quick_check}) unless that was done in this process: before anything is
     * written to a database opened with {@link Check#BEFORE_FIRST_WRITE}. A damaged file is {@code store.corrupt}.
     */
    public void ensureChecked() {
        if (checked) return;
        synchronized (this) {
            if (!checked) checkIntegrity();
        }
    }

    /**
     * Records that the whole file passed {@code PRAGMA quick_check} on a page-for-page copy taken in one read transaction
     * (an automatic backup, ADR 0068): the file itself need not be read again before the first write.
     */
    void checkedByCopy() {
        checked = true;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(SqlWork<T> work) {
        ensureChecked();
        gate.readLock().lock();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            gate.readLock().unlock();
        }
    }

    public <T> T read(SqlWork<T> work) {
        gate.readLock().lock();
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Runs {@code work} once every unit of work of this process has finished, holding new ones back until it returns. */
    <T> T alone(Supplier<T> work) {
        gate.writeLock().lock();
        try {
            return work.get();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** After the file was replaced by a restore: check it and bring its schema up to date, as {@link #open} does. */
    void reopen() {
        checkIntegrity();
        migrate();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * A damaged page met by a query is reported as the check at open reports it ({@code store.corrupt}: the file and
     * what SQLite said); any other failure as {@code store.sqlError}.
     */
    private UserError failure(SQLException e) {
        String key = SqlErrors.key(e);
        if ("sql.corrupt".equals(key) || "sql.notDatabase".equals(key)) return new UserError(e, "store.corrupt", file, SqlErrors.reason(e));
        return new StoreException("store.sqlError", e);
    }

    /** A write-ahead log of some size beside the file: the last process did not close it (killed), or one is working now. */
    private boolean walLeftBehind() {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The cheap check of a file that was closed cleanly: SQLite reads its header and the schema (a file that is not a
     * database, or whose schema is damaged, is {@code store.corrupt}); the pages a command reads are checked as they are
     * read; the whole file before the first write ({@link #ensureChecked}).
     */
    private void checkHeader() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new UserError(e, "store.corrupt", file, SqlErrors.reason(e));
        }
    }

    private void checkIntegrity() {
        boolean existed = Files.exists(file);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (existed) {
                try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                    String verdict = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equalsIgnoreCase(verdict)) {
                        throw new UserError("store.corrupt", file, verdict);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
            checked = true;
        } catch (SQLException e) {
            throw new UserError(e, "store.corrupt", file, SqlErrors.reason(e));
        }
    }

    private void migrate() {
        // every known migration not yet recorded (not only those above the highest: features number theirs
        // independently, so a folder may have met 004 before 003 existed)
        List<Integer> missing = new ArrayList<>();
        boolean fresh = read(c -> {
            try (Statement s = c.createStatement(); ResultSet tables = s.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'")) {
                if (!tables.next()) return true;
            }
            Set<Integer> applied = appliedVersions(c);
            for (int v = 1; v <= MAX_MIGRATION; v++) if (!applied.contains(v) && migrationScript(v) != null) missing.add(v);
            return applied.isEmpty();
        });
        // the usual open: every migration recorded, nothing is written
        if (!fresh && missing.isEmpty()) return;
        if (!fresh) BackupService.rolling(this, "before-migration-" + String.format("%03d", missing.get(0)));
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            }
            Set<Integer> applied = appliedVersions(c);
            for (int v = 1; v <= MAX_MIGRATION; v++) {
                if (applied.contains(v)) continue;
                String sql = migrationScript(v);
                if (sql == null) continue;
                LOG.fine(() -> "applying migration " + file);
                for (String statement : splitStatements(sql)) {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                }
                try (var ps = c.prepareStatement("INSERT INTO schema_migration(version, applied_at) VALUES (?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, Instant.now(clock).toString());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    public int schemaVersion() {
        return read(Database::schemaVersion);
    }

    /** The migration numbers recorded in the database. */
    static Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_migration")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migration")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Highest migration this build knows; a database newer than this was written by a newer BayCover. */
    public static int latestMigration() {
        int latest = 0;
        for (int v = 1; v <= MAX_MIGRATION; v++) if (migrationScript(v) != null) latest = v;
        return latest;
    }

    /** The scripts looked up so far (by number; {@link #NO_SCRIPT} for a number that has none): every open asks for all of them. */
    private static final Object[] SCRIPTS = new Object[MAX_MIGRATION + 1];
    private static final Object NO_SCRIPT = new Object();

    static String migrationScript(int version) {
        if (version < 1 || version > MAX_MIGRATION) return loadScript(version);
        synchronized (SCRIPTS) {
            Object known = SCRIPTS[version];
            if (known == null) {
                String loaded = loadScript(version);
                SCRIPTS[version] = loaded == null ? NO_SCRIPT : loaded;
                return loaded;
            }
            return known == NO_SCRIPT ? null : (String) known;
        }
    }

    private static String loadScript(int version) {
        String name = String.format("/db/migration/%03d.sql", version);
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** Splits a migration script on semicolons that end a line (scripts keep triggers out, or end them with ";;"). */
    static List<String> splitStatements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";;")) {
                out.add(current.toString().strip().replaceAll(";;$", ";"));
                current.setLength(0);
            } else if (trimmed.endsWith(";") && !inTrigger(current)) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }

    private static boolean inTrigger(StringBuilder sb) {
        String s = sb.toString().toUpperCase();
        return s.contains("CREATE TRIGGER") && !s.strip().endsWith("END;");
    }

    /**
     * A database that records a migration this build does not have was written by a newer (or another) BayCover: its
     * tables are unknown here, so it is refused rather than written to.
     */
    private void refuseUnknownMigrations() {
        read(c -> {
            try (Statement s = c.createStatement(); ResultSet tables = s.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'")) {
                if (!tables.next()) return null;
            }
            int unknown = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_migration")) {
                while (rs.next()) {
                    int v = rs.getInt(1);
                    if (migrationScript(v) == null) unknown = Math.max(unknown, v);
                }
            }
            if (unknown > 0) throw new UserError("store.tooNew", file, unknown, latestMigration());
            return null;
        });
    }
}
