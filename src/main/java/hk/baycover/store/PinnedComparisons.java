package hk.baycover.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.PinnedComparison;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.UserError;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Pinned comparisons (migration 006): save, list newest first, delete. Each write is one transaction. */
public final class PinnedComparisons {

    /** Most pins kept; the oldest beyond this are dropped when a new one is saved. */
    public static final int MAX_PINS = 200;
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final Database db;

    public PinnedComparisons(Database db) {
        this.db = db;
    }

    public PinnedComparison save(PinnedComparison pin) {
        String name = pin.name() == null ? "" : pin.name().strip();
        if (name.isEmpty()) throw new UserError("compare.pin.noName");
        if (name.length() > 200) name = name.substring(0, 200);
        if (pin.productIds().isEmpty()) throw new UserError("compare.pin.noProducts");
        String ids;
        try {
            ids = CatalogJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(pin.productIds());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now(db.clock());
        String finalName = name;
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pinned_comparison(name, product_ids, age, birth_date, sex, residency, "
                    + "lives_in, sz_insurance, only_differences, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, finalName);
                ps.setString(2, ids);
                if (pin.age() == null) ps.setNull(3, Types.INTEGER); else ps.setInt(3, pin.age());
                ps.setString(4, pin.birthDate() == null ? null : pin.birthDate().toString());
                ps.setString(5, pin.sex() == null ? null : pin.sex().name());
                ps.setString(6, pin.residency().name());
                ps.setString(7, pin.livesIn().name());
                ps.setString(8, pin.szInsurance().name());
                ps.setInt(9, pin.onlyDifferences() ? 1 : 0);
                ps.setString(10, now.toString());
                ps.executeUpdate();
                long newId;
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    newId = rs.getLong(1);
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM pinned_comparison WHERE id NOT IN "
                        + "(SELECT id FROM pinned_comparison ORDER BY id DESC LIMIT ?)")) {
                    del.setInt(1, MAX_PINS);
                    del.executeUpdate();
                }
                return newId;
            }
        });
        return new PinnedComparison(id, finalName, pin.productIds(), pin.age(), pin.birthDate(), pin.sex(), pin.residency(), pin.livesIn(),
                pin.szInsurance(), pin.onlyDifferences(), now);
    }

    /** Every pin, newest first. */
    public List<PinnedComparison> list() {
        return db.read(c -> {
            List<PinnedComparison> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name, product_ids, age, birth_date, sex, residency, "
                    + "lives_in, sz_insurance, only_differences, created_at FROM pinned_comparison ORDER BY id DESC")) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        });
    }

    public boolean delete(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pinned_comparison WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static PinnedComparison row(ResultSet rs) throws SQLException {
        List<String> ids;
        try {
            ids = CatalogJson.mapper().readValue(rs.getString(3), IDS);
        } catch (JsonProcessingException e) {
            ids = List.of();
        }
        int age = rs.getInt(4);
        Integer ageOrNull = rs.wasNull() ? null : age;
        String born = rs.getString(5);
        String sex = rs.getString(6);
        return new PinnedComparison(rs.getLong(1), rs.getString(2), ids, ageOrNull, born == null ? null : LocalDate.parse(born),
                sex == null ? null : Sex.valueOf(sex), enumOr(ResidencyStatus.class, rs.getString(7), ResidencyStatus.HK_PERMANENT_RESIDENT),
                enumOr(LivingPlace.class, rs.getString(8), LivingPlace.HONG_KONG), enumOr(SzInsurance.class, rs.getString(9), SzInsurance.NONE),
                rs.getInt(10) != 0, Instant.parse(rs.getString(11)));
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
