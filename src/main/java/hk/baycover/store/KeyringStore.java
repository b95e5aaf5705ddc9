package hk.baycover.store;

import hk.baycover.model.UserError;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.Keyring;
import hk.baycover.trust.KeyringRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The keyring row (migration 004). Changes and their audit entries commit together. */
public final class KeyringStore implements KeyringRepository {

    private static final String COLUMNS = "format, key_id, kdf, iterations, salt, wrap_nonce, wrapped_key, check_nonce, check_value, created_at, changed_at";

    private final Database db;

    public KeyringStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Keyring> load() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM keyring WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Keyring(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBytes(5), rs.getBytes(6),
                        rs.getBytes(7), rs.getBytes(8), rs.getBytes(9), rs.getString(10), rs.getString(11)));
            }
        });
    }

    @Override
    public void create(Keyring k, AuditEntry audit) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM keyring"); ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) throw new UserError("trust.alreadySet");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO keyring(id, " + COLUMNS + ") VALUES (1,?,?,?,?,?,?,?,?,?,?,?)")) {
                bind(ps, k);
                ps.executeUpdate();
            }
            AuditStore.append(c, audit, db.clock());
            return null;
        });
    }

    @Override
    public void replace(Keyring k, String expectedChangedAt, AuditEntry audit) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE keyring SET format=?, key_id=?, kdf=?, iterations=?, salt=?, wrap_nonce=?, "
                    + "wrapped_key=?, check_nonce=?, check_value=?, created_at=?, changed_at=? WHERE id = 1 AND changed_at = ?")) {
                bind(ps, k);
                ps.setString(12, expectedChangedAt);
                if (ps.executeUpdate() != 1) throw new UserError("trust.changedMeanwhile");
            }
            AuditStore.append(c, audit, db.clock());
            return null;
        });
    }

    @Override
    public void recordFailure(AuditEntry audit) {
        db.inTransaction(c -> AuditStore.append(c, audit, db.clock()));
    }

    @Override
    public int failuresSince(java.time.Instant since) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = ? AND at >= ?")) {
                ps.setString(1, hk.baycover.trust.AuditAction.PASSPHRASE_FAILED.name());
                ps.setString(2, since.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, Keyring k) throws java.sql.SQLException {
        ps.setInt(1, k.format());
        ps.setString(2, k.keyId());
        ps.setString(3, k.kdf());
        ps.setInt(4, k.iterations());
        ps.setBytes(5, k.salt());
        ps.setBytes(6, k.wrapNonce());
        ps.setBytes(7, k.wrappedKey());
        ps.setBytes(8, k.checkNonce());
        ps.setBytes(9, k.checkValue());
        ps.setString(10, k.createdAt());
        ps.setString(11, k.changedAt());
    }
}
