package hk.baycover.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.model.Lang;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only audit log ({@code audit_log}, migration 004; triggers refuse UPDATE and DELETE). Append inside the
 * transaction that makes the change ({@link #append(Connection, AuditEntry)}), so the entry and the change commit
 * together or not at all.
 *
 * <p>For the plan and proposal code: call {@link #planCreated}, {@link #planChanged}, {@link #planDeleted} and
 * {@link #proposalIssued} with the connection of your transaction. Pass opaque ids only — never a client's name, and
 * never a file name (a user may have typed a name into it): the proposal is identified by its SHA-256.
 */
public final class AuditStore {

    /** Made on first use: opening a folder builds an AuditStore, and most runs write no entry. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final String VERSION = versionOf();

    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    /** Appends in its own transaction. */
    public AuditEntry append(AuditEntry entry) {
        return db.inTransaction(c -> append(c, entry, db.clock()));
    }

    /** Appends within the caller's transaction; returns the entry with its sequence number and time. */
    public static AuditEntry append(Connection c, AuditEntry e, Clock clock) throws SQLException {
        Instant at = Instant.now(clock);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log(at, actor, action, subject_type, subject_id, client_id, details, app_version) "
                + "VALUES (?,?,?,?,?,?,?,?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, at.toString());
            ps.setString(2, e.actor() == null ? AuditEntry.currentActor() : e.actor());
            ps.setString(3, e.action().name());
            ps.setString(4, e.subjectType());
            ps.setString(5, e.subjectId());
            ps.setString(6, e.clientId());
            ps.setString(7, json(e.details()));
            ps.setString(8, VERSION);
            ps.executeUpdate();
            long seq;
            try (ResultSet rs = ps.getGeneratedKeys()) {
                seq = rs.next() ? rs.getLong(1) : 0;
            }
            return new AuditEntry(seq, at, e.actor(), e.action(), e.subjectType(), e.subjectId(), e.clientId(), e.details());
        }
    }

    // ---------------------------------------------------------------- the API for plans, proposals and clients

    public static void planCreated(Connection c, String planId, String clientId, Clock clock) throws SQLException {
        append(c, AuditEntry.of(AuditAction.PLAN_CREATED, "plan", planId, clientId, Map.of()), clock);
    }

    /** {@code revision}: the plan's new revision number (or null). */
    public static void planChanged(Connection c, String planId, String clientId, Integer revision, Clock clock) throws SQLException {
        append(c, AuditEntry.of(AuditAction.PLAN_CHANGED, "plan", planId, clientId,
                revision == null ? Map.of() : Map.of("revision", revision.toString())), clock);
    }

    public static void planDeleted(Connection c, String planId, String clientId, Clock clock) throws SQLException {
        append(c, AuditEntry.of(AuditAction.PLAN_DELETED, "plan", planId, clientId, Map.of()), clock);
    }

    /**
     * A proposal was issued: its language, the datasets (id@version) it was computed on and the SHA-256 of the file
     * written. {@code datasetVersions} e.g. {@code "gba-products@2026.11, gba-drugs-devices@2026.10"}.
     */
    public static void proposalIssued(Connection c, String planId, String clientId, Lang lang, String datasetVersions, String fileSha256, Clock clock)
            throws SQLException {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("lang", lang.tag());
        d.put("datasets", datasetVersions == null ? "" : datasetVersions);
        d.put("sha256", fileSha256 == null ? "" : fileSha256);
        append(c, AuditEntry.of(AuditAction.PROPOSAL_ISSUED, "plan", planId, clientId, d), clock);
    }

    /** As {@link #proposalIssued(Connection, String, String, Lang, String, String, Clock)} in its own transaction. */
    public void proposalIssued(String planId, String clientId, Lang lang, String datasetVersions, String fileSha256) {
        db.inTransaction(c -> {
            proposalIssued(c, planId, clientId, lang, datasetVersions, fileSha256, db.clock());
            return null;
        });
    }

    // ---------------------------------------------------------------- backups and restores

    /** A backup's own record of its making: its id and time (null for a backup made by an older build). */
    public record Made(String backupId, Instant at) {
    }

    /**
     * In a backup file: the id and time its copy recorded ({@code BACKUP_CREATED} with {@code copy=true}); for an older
     * backup without one, the time of its newest entry — where its history ends either way.
     */
    static Made backupMade(Connection c) throws SQLException {
        String id = null;
        Instant at = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT at, action, subject_id, details FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                Instant t = parseAt(rs.getString(1));
                if (t != null && (at == null || t.isAfter(at))) at = t;
                if ("BACKUP_CREATED".equals(rs.getString(2)) && "true".equals(details(rs.getString(4)).get("copy"))) id = rs.getString(3);
            }
        }
        return new Made(id, at);
    }

    /** One audit row exactly as stored (also an action this build does not know), to carry it over a restore. */
    public record Raw(String at, String actor, String action, String subjectType, String subjectId, String clientId, String details,
                      String appVersion) {
    }

    /** The rows recorded after {@code after} (all when it is null), oldest first. */
    static List<Raw> rawAfter(Connection c, Instant after) throws SQLException {
        List<Raw> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT at, actor, action, subject_type, subject_id, client_id, details, app_version FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                Instant t = parseAt(rs.getString(1));
                if (after != null && (t == null || !t.isAfter(after))) continue;
                out.add(new Raw(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    /** Appends a carried row with its own time, actor and version, marked {@code carriedOverRestore=true}. */
    static void insertCarried(Connection c, Raw r) throws SQLException {
        Map<String, String> d = new TreeMap<>(details(r.details()));
        d.put("carriedOverRestore", "true");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log(at, actor, action, subject_type, subject_id, client_id, details, app_version) "
                + "VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.at());
            ps.setString(2, r.actor());
            ps.setString(3, r.action());
            ps.setString(4, r.subjectType());
            ps.setString(5, r.subjectId());
            ps.setString(6, r.clientId());
            ps.setString(7, json(d));
            ps.setString(8, r.appVersion());
            ps.executeUpdate();
        }
    }

    private static Instant parseAt(String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- reading

    /** Entries matching {@code q}, newest first. */
    public List<AuditEntry> list(AuditQuery q) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT seq, at, actor, action, subject_type, subject_id, client_id, details FROM audit_log WHERE 1=1");
            List<String> args = new ArrayList<>();
            if (q.action() != null) {
                sql.append(" AND action = ?");
                args.add(q.action().name());
            }
            if (q.clientId() != null) {
                sql.append(" AND client_id = ?");
                args.add(q.clientId());
            }
            sql.append(" ORDER BY seq DESC");
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry e = row(rs);
                        if (e != null && q.matches(e)) {
                            out.add(e);
                            if (q.limit() > 0 && out.size() >= q.limit()) break;
                        }
                    }
                }
            }
            return out;
        });
    }

    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        AuditAction action;
        try {
            action = AuditAction.valueOf(rs.getString(4));
        } catch (IllegalArgumentException unknown) {
            return null; // written by a newer BayCover: not shown rather than misread
        }
        return new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), action, rs.getString(5), rs.getString(6),
                rs.getString(7), details(rs.getString(8)));
    }

    static String json(Map<String, String> details) {
        try {
            return Json.MAPPER.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> details(String json) {
        if (json == null) return Map.of();
        try {
            return Json.MAPPER.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    private static String versionOf() {
        String v = AuditStore.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
