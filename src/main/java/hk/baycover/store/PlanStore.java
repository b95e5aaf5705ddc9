package hk.baycover.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Scenario;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.UserError;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanStatus;
import hk.baycover.planning.ScenarioRun;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved planning work in SQLite (migration 003): clients, plans with every saved revision, issued proposals (language,
 * checksum, dataset as-of — never the PDF itself), and the user's own care episodes.
 *
 * <p>Personal data is kept apart: a client's name, contact, birth date, declared conditions and notes go in ONE column,
 * {@code client.personal_json}; a plan revision's title and notes in {@code plan_revision.personal_json}. Both pass
 * through {@link #personalCodec(PersonalCodec)} on every write and read, so encrypting them at rest is a one-line change
 * (install a codec). Everything else (ages, places, needs, budget, products) is planning data in plain JSON columns.
 * Every write is one transaction.
 */
public final class PlanStore {

    /**
     * Seals personal JSON before it is written and opens it after it is read (identity until encryption is installed).
     * {@code recordId} names the record ({@code client/<id>}, {@code plan/<id>/<revision>}) so that a sealed value copied
     * into another record cannot be opened there.
     */
    public interface PersonalCodec {
        String seal(String json, String recordId);

        String open(String stored, String recordId);

        PersonalCodec IDENTITY = of((json, id) -> json, (stored, id) -> stored);

        /** A codec from two functions, e.g. {@code of(cipher::encryptString, cipher::decryptString)}. */
        static PersonalCodec of(java.util.function.BiFunction<String, String, String> seal, java.util.function.BiFunction<String, String, String> open) {
            return new PersonalCodec() {
                @Override
                public String seal(String json, String recordId) { return seal.apply(json, recordId); }

                @Override
                public String open(String stored, String recordId) { return open.apply(stored, recordId); }
            };
        }
    }

    /** A stored client: the profile and the language the client reads. */
    public record ClientRecord(ClientProfile profile, Lang language, String createdAt, String updatedAt) {
    }

    public record ClientSummary(String id, String name, Integer age, LivingPlace livesIn, String updatedAt, int plans) {
    }

    public record PlanSummary(String id, String clientId, String title, PlanStatus status, int revision, String updatedAt,
                              List<String> productIds, String duplicatedFrom) {
    }

    public record Revision(int revision, String savedAt, String datasetAsOf, String title, List<String> productIds) {
    }

    public record SavedPlan(String id, String clientId, int revision, String savedAt, String datasetAsOf, Plan plan) {
    }

    public record Proposal(long id, String planId, int revision, String createdAt, Lang lang, String sha256, long bytes, String datasetAsOf,
                           String datasets) {
    }

    /** A user episode and the catalog episode it edits (null when the user added it). */
    public record UserScenario(Scenario scenario, String baseId, String savedAt) {
    }

    // stored shapes ---------------------------------------------------------------------------------------------------

    record ProfileJson(Integer age, Sex sex, Boolean smoker, ResidencyStatus residency, LivingPlace livesIn, City city,
                       SzInsurance szMedicalInsurance, String szTier, boolean cssaRecipient, boolean careHomeWaitlist,
                       boolean haFollowUpPatient, boolean mainlandResidencePermit, List<String> existingProducts,
                       List<String> preferredInstitutions, Map<Need, Priority> needs, Money budget, Integer horizonYears,
                       String language) {
    }

    record PersonalJson(String name, String contact, LocalDate birthDate, List<HealthCondition> conditions, String conditionNote,
                        String existingCoverNote, String notes) {
    }

    record PlanJson(List<String> productIds, Map<String, String> options, LocalDate startDate, Currency currency, List<FxRate> fx,
                    List<ScenarioRun> runs, PlanStatus status) {
    }

    record PlanPersonalJson(String title, String notes) {
    }

    private static final ObjectMapper READ = CatalogJson.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Database db;
    private volatile PersonalCodec codec = PersonalCodec.IDENTITY;

    public PlanStore(Database db) {
        this.db = db;
    }

    /** Installs the codec for personal columns (e.g. AES-GCM encryption). */
    public void personalCodec(PersonalCodec codec) {
        this.codec = codec == null ? PersonalCodec.IDENTITY : codec;
    }

    // sealing --------------------------------------------------------------------------------------------------------

    /** Whether any client's or plan's personal fields are stored without the passphrase cipher (written by an older build). */
    public boolean hasPlaintext() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM client WHERE personal_json NOT LIKE 'v1:%') "
                         + "+ (SELECT COUNT(*) FROM plan_revision WHERE personal_json NOT LIKE 'v1:%')")) {
                return rs.next() && rs.getInt(1) > 0;
            }
        });
    }

    /**
     * Seals every personal field still stored in plain text with the codec (the passphrase cipher, unlocked), in one
     * transaction with {@code secure_delete} on, so the old text is overwritten in the database file. Returns how many
     * records were sealed. The caller then rebuilds the file and empties the WAL ({@link ErasureService#scrub}).
     */
    public int sealPlaintext() {
        return db.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete = ON");
            }
            c.setAutoCommit(false);
            try {
                int n = 0;
                List<String[]> clients = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT id, personal_json FROM client WHERE personal_json NOT LIKE 'v1:%'")) {
                    while (rs.next()) clients.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE client SET personal_json = ? WHERE id = ?")) {
                    for (String[] r : clients) {
                        ps.setString(1, codec.seal(r[1], "client/" + r[0]));
                        ps.setString(2, r[0]);
                        n += ps.executeUpdate();
                    }
                }
                List<Object[]> revisions = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT plan_id, revision, personal_json FROM plan_revision WHERE personal_json NOT LIKE 'v1:%'")) {
                    while (rs.next()) revisions.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)});
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE plan_revision SET personal_json = ? WHERE plan_id = ? AND revision = ?")) {
                    for (Object[] r : revisions) {
                        ps.setString(1, codec.seal((String) r[2], "plan/" + r[0] + "/" + r[1]));
                        ps.setString(2, (String) r[0]);
                        ps.setInt(3, (Integer) r[1]);
                        n += ps.executeUpdate();
                    }
                }
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    // clients ---------------------------------------------------------------------------------------------------------

    /** Inserts or updates a client; returns the client's id (a new one when the profile has none). */
    public String saveClient(ClientProfile c, Lang language) {
        String id = c.id() != null ? c.id() : newId("client");
        String now = Instant.now(db.clock()).toString();
        db.inTransaction(conn -> {
            upsertClient(conn, c, id, language, now);
            return null;
        });
        return id;
    }

    /**
     * Saves the client and the plan in one transaction. A revision always belongs to its plan's client: with
     * {@code planId}, a profile without an id updates that plan's client, and a profile naming another client is
     * refused ({@code planStore.otherClient}); nothing is written then.
     */
    public SavedPlan saveClientAndPlan(ClientProfile c, Lang language, String planId, Plan plan, String datasetAsOf) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(conn -> {
            String id = c.id();
            if (planId != null) {
                String owner = planClient(conn, planId);
                if (id == null) id = owner;
                else if (!id.equals(owner)) throw new UserError("planStore.otherClient", planId, owner, id);
            }
            if (id == null) id = newId("client");
            upsertClient(conn, c, id, language, now);
            return savePlan(conn, planId, id, plan, datasetAsOf, now);
        });
    }

    private void upsertClient(Connection conn, ClientProfile c, String id, Lang language, String now) throws SQLException {
        ProfileJson pj = new ProfileJson(c.birthDate() == null ? c.age() : null, c.sex(), c.smoker(), c.residency(), c.livesIn(), c.city(),
                c.szMedicalInsurance(), c.szTier(), c.cssaRecipient(), c.careHomeWaitlist(), c.haFollowUpPatient(), c.mainlandResidencePermit(),
                c.existingProducts(), c.preferredInstitutions(), c.needs(), c.budget(), c.horizonYears(), language == null ? null : language.tag());
        PersonalJson personal = new PersonalJson(c.name(), c.contact(), c.birthDate(), c.conditions(), c.conditionNote(), c.existingCoverNote(), c.notes());
        String profile = CatalogJson.compact(pj);
        String sealed = codec.seal(CatalogJson.compact(personal), "client/" + id);
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO client(id, created_at, updated_at, profile_json, personal_json) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, profile_json = excluded.profile_json, "
                        + "personal_json = excluded.personal_json")) {
            ps.setString(1, id);
            ps.setString(2, now);
            ps.setString(3, now);
            ps.setString(4, profile);
            ps.setString(5, sealed);
            ps.executeUpdate();
        }
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

    public Optional<ClientRecord> client(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT profile_json, personal_json, created_at, updated_at FROM client WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    ProfileJson pj = parse(rs.getString(1), ProfileJson.class);
                    PersonalJson personal = parse(codec.open(rs.getString(2), "client/" + id), PersonalJson.class);
                    return Optional.of(new ClientRecord(profile(id, pj, personal), Lang.parse(pj.language()).orElse(null), rs.getString(3), rs.getString(4)));
                }
            }
        });
    }

    static ClientProfile profile(String id, ProfileJson pj, PersonalJson p) {
        return new ClientProfile(id, p.name(), p.contact(), p.birthDate(), pj.age(), pj.sex(), pj.smoker(), pj.residency(), pj.livesIn(), pj.city(),
                pj.szMedicalInsurance(), pj.szTier(), pj.cssaRecipient(), pj.careHomeWaitlist(), pj.haFollowUpPatient(), pj.mainlandResidencePermit(),
                pj.existingProducts(), p.existingCoverNote(), p.conditions(), p.conditionNote(), pj.preferredInstitutions(), pj.needs(), pj.budget(),
                pj.horizonYears(), p.notes());
    }

    /** Every client, most recently changed first, with the name (from the personal column) and the number of plans. */
    public List<ClientSummary> clients() {
        return db.read(c -> {
            List<ClientSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cl.id, cl.profile_json, cl.personal_json, cl.updated_at, "
                    + "(SELECT COUNT(*) FROM plan p WHERE p.client_id = cl.id) FROM client cl ORDER BY cl.updated_at DESC, cl.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ProfileJson pj = parse(rs.getString(2), ProfileJson.class);
                    PersonalJson personal = parse(codec.open(rs.getString(3), "client/" + rs.getString(1)), PersonalJson.class);
                    Integer age = pj.age();
                    if (personal.birthDate() != null) age = java.time.Period.between(personal.birthDate(), LocalDate.now(db.clock())).getYears();
                    out.add(new ClientSummary(rs.getString(1), personal.name(), age, pj.livesIn(), rs.getString(4), rs.getInt(5)));
                }
            }
            return out;
        });
    }

    /** Deletes a client with all their plans, revisions and proposal records. Returns false when there was no such client. */
    public boolean deleteClient(String id) {
        return db.inTransaction(c -> {
            List<String> planIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM plan WHERE client_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) planIds.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM client WHERE id = ?")) {
                ps.setString(1, id);
                if (ps.executeUpdate() == 0) return false;
            }
            for (String planId : planIds) AuditStore.planDeleted(c, planId, id, db.clock());
            return true;
        });
    }

    // plans -----------------------------------------------------------------------------------------------------------

    /**
     * Saves {@code plan} for the client: a new plan when {@code planId} is null, otherwise the next revision of that plan.
     * Earlier revisions are kept.
     */
    public SavedPlan savePlan(String planId, String clientId, Plan plan, String datasetAsOf) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> savePlan(c, planId, clientId, plan, datasetAsOf, now));
    }

    private SavedPlan savePlan(Connection c, String planId, String clientId, Plan plan, String datasetAsOf, String now) throws SQLException {
        PlanJson pj = new PlanJson(plan.productIds(), plan.options(), plan.startDate(), plan.currency(), plan.fx().rates(), plan.runs(), plan.status());
        String json = CatalogJson.compact(pj);
        String personalJson = CatalogJson.compact(new PlanPersonalJson(plan.title(), plan.notes()));
        String newId = planId == null ? newId("plan") : planId;
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
        String personal = codec.seal(personalJson, "plan/" + id + "/" + revision);
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
        PlanJson pj = parse(json, PlanJson.class);
        PlanPersonalJson pp = parse(codec.open(personalStored, "plan/" + planId + "/" + revision), PlanPersonalJson.class);
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
            String clientId = clientOf(c, planId);
            if (clientId == null) return false;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan WHERE id = ?")) {
                ps.setString(1, planId);
                ps.executeUpdate();
            }
            AuditStore.planDeleted(c, planId, clientId, db.clock());
            return true;
        });
    }

    private static String clientOf(Connection c, String planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT client_id FROM plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Removes every row of one client (profile, plans, revisions, proposal records) inside the caller's transaction;
     * returns how many rows went. Registered with the erasure service ({@code BayCover.eraseClient}), which adds
     * secure deletion, a rebuilt file and fresh backups.
     */
    public int eraseRows(Connection c, String clientId) throws SQLException {
        int rows = 0;
        for (String sql : List.of(
                "SELECT COUNT(*) FROM proposal WHERE plan_id IN (SELECT id FROM plan WHERE client_id = ?)",
                "SELECT COUNT(*) FROM plan_revision WHERE plan_id IN (SELECT id FROM plan WHERE client_id = ?)",
                "SELECT COUNT(*) FROM plan WHERE client_id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows += rs.getInt(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM client WHERE id = ?")) {
            ps.setString(1, clientId);
            int clients = ps.executeUpdate();
            return clients == 0 ? 0 : rows + clients;
        }
    }

    // proposals -------------------------------------------------------------------------------------------------------

    /**
     * Records that a proposal was issued for a plan revision — language, checksum and size of the file, the dataset's
     * as-of date and versions ({@code id@version, ...}) — with its audit entry, in one transaction.
     */
    public Proposal recordProposal(String planId, int revision, Lang lang, String sha256, long bytes, String datasetAsOf, String datasets) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> {
            String clientId = clientOf(c, planId);
            if (clientId == null) throw new UserError("planStore.noPlan", planId);
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO proposal(plan_id, revision, created_at, lang, sha256, bytes, dataset_as_of, datasets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, planId);
                ps.setInt(2, revision);
                ps.setString(3, now);
                ps.setString(4, lang.tag());
                ps.setString(5, sha256);
                ps.setLong(6, bytes);
                ps.setString(7, datasetAsOf);
                ps.setString(8, datasets);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            AuditStore.proposalIssued(c, planId, clientId, lang, datasets, sha256, db.clock());
            return new Proposal(id, planId, revision, now, lang, sha256, bytes, datasetAsOf, datasets);
        });
    }

    public List<Proposal> proposals(String planId) {
        return db.read(c -> {
            List<Proposal> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, revision, created_at, lang, sha256, bytes, dataset_as_of, datasets FROM proposal WHERE plan_id = ? ORDER BY id")) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Proposal(rs.getLong(1), planId, rs.getInt(2), rs.getString(3), Lang.parse(rs.getString(4)).orElse(Lang.EN),
                                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    // user episodes ---------------------------------------------------------------------------------------------------

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
                while (rs.next()) out.add(new UserScenario(parse(rs.getString(1), Scenario.class), rs.getString(2), rs.getString(3)));
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

    // -----------------------------------------------------------------------------------------------------------------

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return READ.readValue(json, type);
        } catch (IOException e) {
            throw new UserError(e, "planStore.unreadable", type.getSimpleName());
        }
    }
}
