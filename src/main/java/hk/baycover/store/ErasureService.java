package hk.baycover.store;

import hk.baycover.model.UserError;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Erases one client beyond recovery: every row of the client (profile, plans, saved proposals — removed by the parts
 * the client and plan stores {@linkplain #register register}) and the client's earlier audit entries go in one
 * transaction with {@code secure_delete} on (freed content is overwritten with zeros), leaving one audit entry that an
 * erasure happened. Then the WAL is checkpointed and truncated, the file is rebuilt ({@code VACUUM}, temp store in
 * memory) and truncated again, so no page of the old rows is left in the database, its WAL or a free list; the
 * automatic backups (which still hold the client) are deleted and a fresh one is taken. Run it with the folder held
 * exclusively so that no other process keeps old WAL frames alive.
 */
public final class ErasureService {

    /** Removes one client's rows inside the erasure transaction; returns how many rows it removed. */
    @FunctionalInterface
    public interface ClientRows {
        int delete(Connection c, String clientId) throws SQLException;
    }

    /** What an erasure did. {@code wiped}: the WAL was truncated to nothing after the rebuild. */
    public record Result(String clientId, int rowsRemoved, int auditEntriesRemoved, int automaticBackupsDeleted, boolean wiped) {
    }

    private static final Logger LOG = Logger.getLogger(ErasureService.class.getName());

    private final Database db;
    private final List<ClientRows> parts = new CopyOnWriteArrayList<>();

    public ErasureService(Database db) {
        this.db = db;
    }

    /** The client and plan stores register how to delete their rows of one client (in dependency order). */
    public void register(ClientRows rows) {
        parts.add(rows);
    }

    public Result erase(String clientId) {
        if (clientId == null || clientId.isBlank()) throw new UserError("trust.erase.noClient");
        int[] counts = db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA secure_delete = ON");
            }
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_erasure(id, client_id) VALUES (1, ?)")) {
                    ps.setString(1, clientId);
                    ps.executeUpdate();
                }
                int rows = 0;
                for (ClientRows part : parts) rows += part.delete(c, clientId);
                int audit;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE client_id = ?")) {
                    ps.setString(1, clientId);
                    audit = ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM audit_erasure");
                }
                if (rows == 0 && audit == 0) throw new UserError("trust.erase.unknownClient", clientId);
                AuditStore.append(c, AuditEntry.of(AuditAction.CLIENT_ERASED, "client", clientId, null,
                        Map.of("rowsRemoved", String.valueOf(rows), "auditEntriesRemoved", String.valueOf(audit))), db.clock());
                c.commit();
                return new int[] {rows, audit};
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
        Scrub scrub = scrub(db, "after-erasure");
        LOG.info(() -> "client erased: " + counts[0] + " rows, " + counts[1] + " audit entries; " + scrub.automaticBackupsDeleted()
                + " automatic backups deleted");
        return new Result(clientId, counts[0], counts[1], scrub.automaticBackupsDeleted(), scrub.wiped());
    }

    /** What a scrub did: whether the WAL was emptied after the rebuild, and how many automatic backups were replaced. */
    public record Scrub(boolean wiped, int automaticBackupsDeleted) {
    }

    /**
     * Leaves no page of deleted or overwritten content behind: the WAL is checkpointed and truncated, the file rebuilt
     * ({@code VACUUM}, temp store in memory: no temporary file) and the WAL truncated again; then the automatic backups
     * (which hold the old content) are deleted and a fresh one is taken, named by {@code reason}. Run it with the folder
     * held exclusively so no other process keeps old WAL frames alive.
     */
    public static Scrub scrub(Database db, String reason) {
        db.ensureChecked();
        boolean wiped = db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA secure_delete = ON");
                s.execute("PRAGMA temp_store = MEMORY");
                checkpoint(s);
                s.execute("VACUUM");
                return checkpoint(s);
            }
        });
        BackupService backups = new BackupService(db);
        int purged = backups.purgeAutomatic();
        BackupService.rolling(db, reason);
        return new Scrub(wiped, purged);
    }

    private static boolean checkpoint(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }
}
