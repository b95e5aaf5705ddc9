package hk.baycover.store;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.Lang;
import hk.baycover.model.UserError;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanStatus;
import hk.baycover.planning.ScenarioRun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved plans in SQLite (migration 003): a plan per client with every saved revision kept. A revision's title and notes
 * are personal data in {@code plan_revision.personal_json}, sealed with the clients' codec ({@link ClientStore}).
 */
public final class PlanStore {

    public record PlanSummary(String id, String clientId, String title, PlanStatus status, int revision, String updatedAt,
                              List<String> productIds, String duplicatedFrom) {
    }

    public record Revision(int revision, String savedAt, String datasetAsOf, String title, List<String> productIds) {
    }

    public record SavedPlan(String id, String clientId, int revision, String savedAt, String datasetAsOf, Plan plan) {
    }

    // stored shapes ---------------------------------------------------------------------------------------------------

    record PlanJson(List<String> productIds, Map<String, String> options, LocalDate startDate, Currency currency, List<FxRate> fx,
                    List<ScenarioRun> runs, PlanStatus status) {
    }

    record PlanPersonalJson(String title, String notes) {
    }

    private final Database db;
    private final ClientStore clients;

    public PlanStore(Database db, ClientStore clients) {
        this.db = db;
        this.clients = clients;
    }


    /**
     * Saves {@code plan} for the client: a new plan when {@code planId} is null, otherwise the next revision of that plan.
     * Earlier revisions are kept.
     */
    public SavedPlan savePlan(String planId, String clientId, Plan plan, String datasetAsOf) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> savePlan(c, planId, clientId, plan, datasetAsOf, now));
    }

    /**
     * Saves the client and the plan in one transaction. A revision always belongs to its plan's client: with
     * {@code planId}, a profile without an id updates that plan's client, and a profile naming another client is
     * refused ({@code planStore.otherClient}); nothing is written then.
     */
    public SavedPlan saveClientAndPlan(ClientProfile client, Lang language, String planId, Plan plan, String datasetAsOf) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> {
            String id = client.id();
            if (planId != null) {
                String owner = planClient(c, planId);
                if (id == null) id = owner;
                else if (!id.equals(owner)) throw new UserError("planStore.otherClient", planId, owner, id);
            }
            if (id == null) id = StoredRecords.newId("client");
            clients.upsertClient(c, client, id, language, now);
            return savePlan(c, planId, id, plan, datasetAsOf, now);
        });
    }

    /** The client a saved plan belongs to; {@code planStore.noPlan} when there is no such plan. */
    private static String planClient(Connection c, String planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT client_id FROM plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new UserError("planStore.noPlan", planId);
                return rs.getString(1);
            }
        }
    }

    private SavedPlan savePlan(Connection c, String planId, String clientId, Plan plan, String datasetAsOf, String now) throws SQLException {
        PlanJson pj = new PlanJson(plan.productIds(), plan.options(), plan.startDate(), plan.currency(), plan.fx().rates(), plan.runs(), plan.status());
        String json = CatalogJson.compact(pj);
        String personalJson = CatalogJson.compact(new PlanPersonalJson(plan.title(), plan.notes()));
        String newId = planId == null ? StoredRecords.newId("plan") : planId;
        requireClient(c, clientId);
        String id = newId;
        int revision;
        if (planId == null) {
            revision = 1;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO plan(id, client_id, status, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, clientId);
                ps.setString(3, plan.status().name());
                ps.setString(4, now);
                ps.setString(5, now);
                ps.executeUpdate();
            }
        } else {
            // a revision always belongs to the plan's client: a plan never moves to another client
            String owner = planClient(c, id);
            if (!owner.equals(clientId)) throw new UserError("planStore.otherClient", id, owner, clientId);
            revision = currentRevision(c, id) + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan SET revision = ?, status = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, revision);
                ps.setString(2, plan.status().name());
                ps.setString(3, now);
                ps.setString(4, id);
                ps.executeUpdate();
            }
        }
        String personal = clients.codec().seal(personalJson, "plan/" + id + "/" + revision);
        insertRevision(c, id, revision, now, datasetAsOf, json, personal);
        if (revision == 1) AuditStore.planCreated(c, id, clientId, db.clock());
        else AuditStore.planChanged(c, id, clientId, revision, db.clock());
        touchClient(c, clientId, now);
        return new SavedPlan(id, clientId, revision, now, datasetAsOf, plan);
    }

    private static void insertRevision(Connection c, String id, int revision, String now, String asOf, String json, String personal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plan_revision(plan_id, revision, saved_at, dataset_as_of, plan_json, personal_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, revision);
            ps.setString(3, now);
            ps.setString(4, asOf);
            ps.setString(5, json);
            ps.setString(6, personal);
            ps.executeUpdate();
        }
    }

    private static void touchClient(Connection c, String clientId, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE client SET updated_at = ? WHERE id = ?")) {
            ps.setString(1, now);
            ps.setString(2, clientId);
            ps.executeUpdate();
        }
    }

    private static void requireClient(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM client WHERE id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new UserError("planStore.noClient", clientId);
            }
        }
    }

    private static int currentRevision(Connection c, String planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new UserError("planStore.noPlan", planId);
                return rs.getInt(1);
            }
        }
    }

    /** The latest revision of a plan. */
    public Optional<SavedPlan> plan(String planId) {
        return plan(planId, null);
    }

    /** One revision of a plan (the latest when {@code revision} is null). */
    public Optional<SavedPlan> plan(String planId, Integer revision) {
        return db.read(c -> {
            String sql = "SELECT p.client_id, r.revision, r.saved_at, r.dataset_as_of, r.plan_json, r.personal_json FROM plan p "
                    + "JOIN plan_revision r ON r.plan_id = p.id AND r.revision = " + (revision == null ? "p.revision" : "?") + " WHERE p.id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (revision != null) ps.setInt(i++, revision);
                ps.setString(i, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    Plan plan = decodePlan(rs.getString(5), rs.getString(6), planId, rs.getInt(2));
                    return Optional.of(new SavedPlan(planId, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), plan));
                }
            }
        });
    }

    private Plan decodePlan(String json, String personalStored, String planId, int revision) {
        PlanJson pj = StoredRecords.parse(json, PlanJson.class);
        PlanPersonalJson pp = StoredRecords.parse(clients.codec().open(personalStored, "plan/" + planId + "/" + revision), PlanPersonalJson.class);
        FxTable fx = pj.fx() == null || pj.fx().isEmpty() ? null : new FxTable(pj.fx());
        return new Plan(pp.title(), pj.productIds(), pj.options(), pj.startDate(), pj.currency(), fx, pj.runs(), pp.notes(), pj.status());
    }

    /** A client's plans (every client's when {@code clientId} is null), most recently changed first. */
    public List<PlanSummary> plans(String clientId) {
        return db.read(c -> {
            List<PlanSummary> out = new ArrayList<>();
            String sql = "SELECT p.id, p.client_id, p.status, p.revision, p.updated_at, r.plan_json, r.personal_json, p.duplicated_from FROM plan p "
                    + "JOIN plan_revision r ON r.plan_id = p.id AND r.revision = p.revision "
                    + (clientId == null ? "" : "WHERE p.client_id = ? ") + "ORDER BY p.updated_at DESC, p.id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (clientId != null) ps.setString(1, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Plan plan = decodePlan(rs.getString(6), rs.getString(7), rs.getString(1), rs.getInt(4));
                        out.add(new PlanSummary(rs.getString(1), rs.getString(2), plan.title(), PlanStatus.valueOf(rs.getString(3)), rs.getInt(4),
                                rs.getString(5), plan.productIds(), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    /** Every saved revision of a plan, oldest first. */
    public List<Revision> revisions(String planId) {
        return db.read(c -> {
            List<Revision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT revision, saved_at, dataset_as_of, plan_json, personal_json FROM plan_revision WHERE plan_id = ? ORDER BY revision")) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Plan plan = decodePlan(rs.getString(4), rs.getString(5), planId, rs.getInt(1));
                        out.add(new Revision(rs.getInt(1), rs.getString(2), rs.getString(3), plan.title(), plan.productIds()));
                    }
                }
            }
            return out;
        });
    }

    /** Copies the latest revision of a plan into a new plan (revision 1) for the same client. */
    public SavedPlan duplicate(String planId, String newTitle) {
        SavedPlan src = plan(planId).orElseThrow(() -> new UserError("planStore.noPlan", planId));
        Plan copy = src.plan().withTitle(newTitle == null ? src.plan().title() : newTitle, src.plan().notes()).withStatus(PlanStatus.DRAFT);
        SavedPlan saved = savePlan(null, src.clientId(), copy, src.datasetAsOf());
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan SET duplicated_from = ? WHERE id = ?")) {
                ps.setString(1, planId);
                ps.setString(2, saved.id());
                ps.executeUpdate();
            }
            return null;
        });
        return saved;
    }

    public boolean deletePlan(String planId) {
        return db.inTransaction(c -> {
            String clientId = StoredRecords.clientOf(c, planId);
            if (clientId == null) return false;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan WHERE id = ?")) {
                ps.setString(1, planId);
                ps.executeUpdate();
            }
            AuditStore.planDeleted(c, planId, clientId, db.clock());
            return true;
        });
    }

}
