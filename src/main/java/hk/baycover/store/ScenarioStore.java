package hk.baycover.store;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.Scenario;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The user's own care episodes (edited copies of catalog episodes, or new ones) in SQLite. */
public final class ScenarioStore {

    /** A user episode and the catalog episode it edits (null when the user added it). */
    public record UserScenario(Scenario scenario, String baseId, String savedAt) {
    }

    private final Database db;

    public ScenarioStore(Database db) {
        this.db = db;
    }


    /** Saves the user's episode (replacing one with the same id); {@code baseId} names the catalog episode it edits. */
    public void saveScenario(Scenario s, String baseId) {
        String json = CatalogJson.compact(s);
        String now = Instant.now(db.clock()).toString();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_scenario(id, base_id, saved_at, json) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET base_id = excluded.base_id, saved_at = excluded.saved_at, json = excluded.json")) {
                ps.setString(1, s.id());
                ps.setString(2, baseId);
                ps.setString(3, now);
                ps.setString(4, json);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<UserScenario> userScenarios() {
        return db.read(c -> {
            List<UserScenario> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT json, base_id, saved_at FROM user_scenario ORDER BY saved_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new UserScenario(StoredRecords.parse(rs.getString(1), Scenario.class), rs.getString(2), rs.getString(3)));
            }
            return out;
        });
    }

    public boolean deleteScenario(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_scenario WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
