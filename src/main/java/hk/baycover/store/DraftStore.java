package hk.baycover.store;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.Product;
import hk.baycover.model.UserError;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gap explorer's what-if drafts (migration 005): draft products kept as JSON, whether each is switched into the
 * matrix, and which catalog product it was cloned from. Every write is one transaction.
 */
public final class DraftStore {

    /** A saved draft: the product (sample), the catalog product it was cloned from (or null), and whether it is switched on. */
    public record Draft(Product product, String basedOn, boolean active, String createdAt, String updatedAt) {
        public String id() { return product.id(); }
    }

    private final Database db;

    public DraftStore(Database db) {
        this.db = db;
    }

    public List<Draft> list() {
        return db.read(c -> {
            List<Draft> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT json, based_on, active, created_at, updated_at FROM gap_draft ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(draft(rs));
            }
            return out;
        });
    }

    public Optional<Draft> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json, based_on, active, created_at, updated_at FROM gap_draft WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(draft(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Saves a draft (insert or replace). {@code previousId} is the id it had before an edit renamed it (or null); the
     * old row goes in the same transaction.
     */
    public Draft save(Product product, String basedOn, boolean active, String previousId) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> {
            String created = now;
            String oldId = previousId == null ? product.id() : previousId;
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM gap_draft WHERE id = ?")) {
                ps.setString(1, oldId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) created = rs.getString(1);
                }
            }
            if (!oldId.equals(product.id())) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gap_draft WHERE id = ?")) {
                    ps.setString(1, product.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) throw new UserError("gaps.draft.exists", product.id());
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM gap_draft WHERE id = ?")) {
                    ps.setString(1, oldId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gap_draft(id, based_on, active, json, created_at, updated_at) VALUES (?,?,?,?,?,?) "
                    + "ON CONFLICT(id) DO UPDATE SET based_on = excluded.based_on, active = excluded.active, json = excluded.json, updated_at = excluded.updated_at")) {
                ps.setString(1, product.id());
                ps.setString(2, basedOn);
                ps.setInt(3, active ? 1 : 0);
                ps.setString(4, CatalogJson.compact(product));
                ps.setString(5, created);
                ps.setString(6, now);
                ps.executeUpdate();
            }
            return new Draft(product, basedOn, active, created, now);
        });
    }

    public void setActive(String id, boolean active) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gap_draft SET active = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, active ? 1 : 0);
                ps.setString(2, Instant.now(db.clock()).toString());
                ps.setString(3, id);
                if (ps.executeUpdate() == 0) throw new UserError("gaps.draft.missing", id);
            }
            return null;
        });
    }

    public boolean delete(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gap_draft WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Draft draft(ResultSet rs) throws java.sql.SQLException {
        return new Draft(CatalogJson.parse(rs.getString(1), Product.class), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getString(5));
    }
}
