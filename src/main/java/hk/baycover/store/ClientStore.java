package hk.baycover.store;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;

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

/**
 * Saved clients in SQLite (migration 003): the planning profile (ages, places, needs, budget, products) in plain JSON,
 * and the personal part — name, contact, birth date, declared conditions, notes — in ONE column,
 * {@code client.personal_json}, which passes through the {@link PersonalCodec} on every write and read (sealed with the
 * passphrase cipher once one is set). Erasing a client's rows is registered with the erasure service.
 */
public final class ClientStore {

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

    // stored shapes ---------------------------------------------------------------------------------------------------

    /** {@code ageAsOf}: the day the age was given (absent in rows saved before it was kept: then the row's last save). */
    record ProfileJson(Integer age, LocalDate ageAsOf, Sex sex, Boolean smoker, ResidencyStatus residency, LivingPlace livesIn, City city,
                       SzInsurance szMedicalInsurance, String szTier, boolean cssaRecipient, boolean careHomeWaitlist,
                       boolean haFollowUpPatient, boolean mainlandResidencePermit, List<String> existingProducts,
                       List<String> preferredInstitutions, Map<Need, Priority> needs, Money budget, Integer horizonYears,
                       String language) {
    }

    /**
     * The client's personal fields, sealed together: the insurer's answers recorded for this client travel with them, and
     * so does the Shenzhen district the client lives in (absent in rows saved before it was kept: none given).
     */
    record PersonalJson(String name, String contact, LocalDate birthDate, List<HealthCondition> conditions, String conditionNote,
                        String existingCoverNote, String notes, List<hk.baycover.model.InsurerQuote> quotes,
                        hk.baycover.model.ShenzhenDistrict district) {
    }

    private final Database db;
    private volatile PersonalCodec codec = PersonalCodec.IDENTITY;

    public ClientStore(Database db) {
        this.db = db;
    }

    /** Installs the codec for personal columns (e.g. AES-GCM encryption); the plan store's personal columns use it too. */
    public void personalCodec(PersonalCodec codec) {
        this.codec = codec == null ? PersonalCodec.IDENTITY : codec;
    }

    PersonalCodec codec() {
        return codec;
    }

    /** Inserts or updates a client; returns the client's id (a new one when the profile has none). */
    public String saveClient(ClientProfile c, Lang language) {
        String id = c.id() != null ? c.id() : StoredRecords.newId("client");
        String now = Instant.now(db.clock()).toString();
        db.inTransaction(conn -> {
            upsertClient(conn, c, id, language, now);
            return null;
        });
        return id;
    }

    /** Inserts or updates the client {@code id} within the caller's transaction (the plan store saves both in one). */
    void upsertClient(Connection conn, ClientProfile c, String id, Lang language, String now) throws SQLException {
        ClientProfile dated = c.withAgeAsOf(LocalDate.now(db.clock()));
        ProfileJson pj = new ProfileJson(c.birthDate() == null ? c.age() : null, c.birthDate() == null ? dated.ageAsOf() : null, c.sex(), c.smoker(), c.residency(), c.livesIn(), c.city(),
                c.szMedicalInsurance(), c.szTier(), c.cssaRecipient(), c.careHomeWaitlist(), c.haFollowUpPatient(), c.mainlandResidencePermit(),
                c.existingProducts(), c.preferredInstitutions(), c.needs(), c.budget(), c.horizonYears(), language == null ? null : language.tag());
        PersonalJson personal = new PersonalJson(c.name(), c.contact(), c.birthDate(), c.conditions(), c.conditionNote(), c.existingCoverNote(), c.notes(),
                c.quotes(), c.district());
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
     * Seals every client's and plan revision's personal fields still stored in plain text with the codec (the
     * passphrase cipher, unlocked), in one transaction with {@code secure_delete} on, so the old text is overwritten in
     * the database file. Returns how many records were sealed. The caller then rebuilds the file and empties the WAL
     * ({@link ErasureService#scrub}).
     */
    public int sealPlaintext() {
        return db.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete = ON");
            }
            c.setAutoCommit(false);
            try {
                int n = 0;
                List<String[]> rows = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT id, personal_json FROM client WHERE personal_json NOT LIKE 'v1:%'")) {
                    while (rs.next()) rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE client SET personal_json = ? WHERE id = ?")) {
                    for (String[] r : rows) {
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

    public Optional<ClientRecord> client(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT profile_json, personal_json, created_at, updated_at FROM client WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    ProfileJson pj = StoredRecords.parse(rs.getString(1), ProfileJson.class);
                    PersonalJson personal = StoredRecords.parse(codec.open(rs.getString(2), "client/" + id), PersonalJson.class);
                    return Optional.of(new ClientRecord(profile(id, pj, personal, rs.getString(4)), Lang.parse(pj.language()).orElse(null), rs.getString(3),
                            rs.getString(4)));
                }
            }
        });
    }

    /** The stored client; an age saved without its date counts as given on the row's last save ({@code updatedAt}). */
    static ClientProfile profile(String id, ProfileJson pj, PersonalJson p, String updatedAt) {
        LocalDate asOf = pj.ageAsOf();
        if (asOf == null && pj.age() != null && updatedAt != null) asOf = java.time.Instant.parse(updatedAt).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return new ClientProfile(id, p.name(), p.contact(), p.birthDate(), pj.age(), asOf, pj.sex(), pj.smoker(), pj.residency(), pj.livesIn(), pj.city(),
                pj.szMedicalInsurance(), pj.szTier(), pj.cssaRecipient(), pj.careHomeWaitlist(), pj.haFollowUpPatient(), pj.mainlandResidencePermit(),
                pj.existingProducts(), p.existingCoverNote(), p.conditions(), p.conditionNote(), pj.preferredInstitutions(), pj.needs(), pj.budget(),
                pj.horizonYears(), p.notes(), p.quotes(), p.district());
    }

    /** Every client, most recently changed first, with the name (from the personal column) and the number of plans. */
    public List<ClientSummary> clients() {
        return db.read(c -> {
            List<ClientSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cl.id, cl.profile_json, cl.personal_json, cl.updated_at, "
                    + "(SELECT COUNT(*) FROM plan p WHERE p.client_id = cl.id) FROM client cl ORDER BY cl.updated_at DESC, cl.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ProfileJson pj = StoredRecords.parse(rs.getString(2), ProfileJson.class);
                    PersonalJson personal = StoredRecords.parse(codec.open(rs.getString(3), "client/" + rs.getString(1)), PersonalJson.class);
                    LocalDate today = LocalDate.now(db.clock());
                    ClientProfile profile = profile(rs.getString(1), pj, personal, rs.getString(4));
                    Integer age = profile.age() == null && profile.birthDate() == null ? null
                            : profile.ageOn(today, hk.baycover.model.AgeBasis.LAST_BIRTHDAY, today);
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
}
