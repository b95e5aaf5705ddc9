package hk.baycover.store;

import hk.baycover.catalog.PackSigning;
import hk.baycover.model.SafeText;
import hk.baycover.model.UserError;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publishers whose pack-signing keys the user trusts (migration 007), each under the name the user gave it. A signed
 * pack shows who signed it by this name; adding and removing a publisher is audited.
 */
public final class TrustedPublishers {

    /** Longest publisher name. */
    public static final int MAX_NAME = 100;

    /** A trusted key: its fingerprint, the user's name for it, when it was added. */
    public record Publisher(String fingerprint, String name, String addedAt) {
        public String shortFingerprint() { return PackSigning.shortFingerprint(fingerprint); }
    }

    private final Database db;

    public TrustedPublishers(Database db) {
        this.db = db;
    }

    public List<Publisher> list() {
        return db.read(c -> {
            List<Publisher> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, name, added_at FROM trusted_publisher ORDER BY name, fingerprint");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Publisher(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        });
    }

    public Optional<Publisher> byFingerprint(String fingerprint) {
        return list().stream().filter(p -> p.fingerprint().equals(fingerprint)).findFirst();
    }

    /**
     * Trusts a public key (its X.509 bytes) under {@code name}; the same key again renames it. The name follows the
     * text rules (one line, at most {@value #MAX_NAME} characters, no control or direction-override characters).
     */
    public Publisher trust(byte[] publicKeyX509, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new UserError("publisher.noName");
        SafeText.Issue bad = SafeText.check(n, MAX_NAME, false);
        if (bad != null) throw new UserError("publisher.badName", MAX_NAME);
        if (!PackSigning.isPublicKey(publicKeyX509)) throw new UserError("sign.badKey", "");
        String fp = PackSigning.fingerprint(publicKeyX509);
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trusted_publisher(fingerprint, name, public_key, added_at) VALUES (?,?,?,?) "
                    + "ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name")) {
                ps.setString(1, fp);
                ps.setString(2, n);
                ps.setBytes(3, publicKeyX509);
                ps.setString(4, now);
                ps.executeUpdate();
            }
            AuditStore.append(c, AuditEntry.of(AuditAction.PUBLISHER_TRUSTED, "publisher", fp, null, Map.of("name", n)), db.clock());
            return new Publisher(fp, n, now);
        });
    }

    /** Stops trusting a key; {@code publisher.unknown} when it was not trusted. Datasets it signed stay, shown by fingerprint. */
    public void remove(String fingerprint) {
        db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trusted_publisher WHERE fingerprint = ?")) {
                ps.setString(1, fingerprint);
                n = ps.executeUpdate();
            }
            if (n == 0) throw new UserError("publisher.unknown", fingerprint);
            AuditStore.append(c, AuditEntry.of(AuditAction.PUBLISHER_REMOVED, "publisher", fingerprint, null, Map.of()), db.clock());
            return null;
        });
    }
}
