package hk.baycover.store;

import hk.baycover.model.Lang;
import hk.baycover.model.UserError;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Proposals issued for plan revisions (language, checksum, size, dataset as-of and versions — never the PDF itself), each audited. */
public final class ProposalStore {

    public record Proposal(long id, String planId, int revision, String createdAt, Lang lang, String sha256, long bytes, String datasetAsOf,
                           String datasets) {
    }

    private final Database db;

    public ProposalStore(Database db) {
        this.db = db;
    }


    /**
     * Records that a proposal was issued for a plan revision — language, checksum and size of the file, the dataset's
     * as-of date and versions ({@code id@version, ...}) — with its audit entry, in one transaction.
     */
    public Proposal recordProposal(String planId, int revision, Lang lang, String sha256, long bytes, String datasetAsOf, String datasets) {
        String now = Instant.now(db.clock()).toString();
        return db.inTransaction(c -> {
            String clientId = StoredRecords.clientOf(c, planId);
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
}
