package hk.baycover.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Helpers the client, plan, proposal and scenario stores share: record ids, reading stored JSON, a plan's client. */
final class StoredRecords {

    /** Stored JSON is read leniently (a field added later is simply absent in older rows). */
    private static final ObjectMapper READ = CatalogJson.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoredRecords() {
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    static <T> T parse(String json, Class<T> type) {
        try {
            return READ.readValue(json, type);
        } catch (IOException e) {
            throw new UserError(e, "planStore.unreadable", type.getSimpleName());
        }
    }

    /** The client a plan belongs to, or null when there is no such plan. */
    static String clientOf(Connection c, String planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT client_id FROM plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
