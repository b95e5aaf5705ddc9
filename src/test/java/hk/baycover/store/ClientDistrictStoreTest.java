package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.ShenzhenDistrict;
import hk.baycover.trust.DataDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's Shenzhen district is kept sealed with the client's personal data (real SQLite, a passphrase set), comes
 * back after the folder is opened again, and a client saved before districts were kept still opens (no district).
 */
class ClientDistrictStoreTest {

    static final String PASS = "a district passphrase";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T04:00:00Z"), ZoneId.of("Asia/Hong_Kong"));

    static ClientProfile client() {
        return new ClientProfile(null, "Wong", null, null, 70, Sex.F, false, ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.SHENZHEN,
                City.SHENZHEN, null, null, false, false, false, false, null, null, null, null, null, Map.of(Need.INPATIENT, Priority.MUST_HAVE),
                null, 10, null).withDistrict(ShenzhenDistrict.LONGGANG);
    }

    static String column(BayCover app, String id, String column) throws Exception {
        try (Connection c = app.database().connect(); PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM client WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    @Test
    void theDistrictIsSealedAndComesBack(@TempDir Path dir) throws Exception {
        String id;
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, CLOCK)) {
            app.setPassphrase(PASS.toCharArray(), null);
            id = app.clientStore().saveClient(client(), Lang.ZH_HK);
            String personal = column(app, id, "personal_json");
            String profile = column(app, id, "profile_json");
            assertTrue(personal.startsWith("v1:"), "sealed");
            for (String stored : List.of(personal, profile)) {
                assertFalse(stored.contains("LONGGANG") || stored.contains("district"), "no district in the clear: " + stored);
            }
            // the sealed text, opened, holds it
            assertTrue(app.clientStore().codec().open(personal, "client/" + id).contains("\"district\":\"LONGGANG\""));
        }
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, CLOCK)) {
            app.keys().unlock(PASS.toCharArray());
            ClientProfile back = app.clientStore().client(id).orElseThrow().profile();
            assertEquals(ShenzhenDistrict.LONGGANG, back.district());
            assertEquals(client().withId(id).withAgeAsOf(back.ageAsOf()), back, "the whole client comes back");
            // the district cleared and saved again: none
            app.clientStore().saveClient(back.withDistrict(null), Lang.ZH_HK);
            assertNull(app.clientStore().client(id).orElseThrow().profile().district());
        }
    }

    @Test
    void aClientSavedBeforeDistrictsWereKeptStillOpens(@TempDir Path dir) throws Exception {
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, CLOCK)) {
            app.setPassphrase(PASS.toCharArray(), null);
            String id = app.clientStore().saveClient(client().withDistrict(null), Lang.EN);
            // rewrite the row as an older version wrote it: the sealed personal fields without a "district" field at all
            ClientStore.PersonalCodec codec = app.clientStore().codec();
            String open = codec.open(column(app, id, "personal_json"), "client/" + id);
            String old = open.replace(",\"district\":null", "").replace("\"district\":null,", "");
            assertFalse(old.contains("district"), old);
            try (Connection c = app.database().connect(); PreparedStatement ps = c.prepareStatement("UPDATE client SET personal_json = ? WHERE id = ?")) {
                ps.setString(1, codec.seal(old, "client/" + id));
                ps.setString(2, id);
                assertEquals(1, ps.executeUpdate());
            }
            ClientProfile back = app.clientStore().client(id).orElseThrow().profile();
            assertNull(back.district());
            assertEquals("Wong", back.name());
            assertEquals(1, app.clientStore().clients().size());
        }
    }
}
