package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.AgeBasis;
import hk.baycover.model.ClientAge;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.trust.DataDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One age: a client saved with an age and no birth date keeps the day it was given and grows older with the calendar. */
class ClientAgeOverTimeTest {

    /** Client data is stored encrypted only. */
    static final String PASS = "an age over time passphrase";

    static Clock on(String day) {
        return Clock.fixed(Instant.parse(day + "T04:00:00Z"), ZoneId.of("Asia/Hong_Kong"));
    }

    static ClientProfile client(Integer age, LocalDate born) {
        return new ClientProfile(null, "Chan", null, born, age, Sex.F, false, ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.HONG_KONG, null,
                null, null, false, false, false, false, null, null, null, null, null, Map.of(Need.INPATIENT, Priority.MUST_HAVE), null, 10, null);
    }

    @Test
    void anAgeWithoutABirthDateGrowsOlder(@TempDir Path dir) {
        String id;
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, on("2026-06-01"))) {
            app.setPassphrase(PASS.toCharArray(), null);
            id = app.clientStore().saveClient(client(68, null), Lang.EN);
            assertEquals(LocalDate.of(2026, 6, 1), app.clientStore().client(id).orElseThrow().profile().ageAsOf(), "dated the day it was given");
            assertEquals(68, app.clientStore().clients().get(0).age());
        }
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, on("2028-06-02"))) {
            app.keys().unlock(PASS.toCharArray());
            ClientProfile back = app.clientStore().client(id).orElseThrow().profile();
            LocalDate today = app.today();
            assertEquals(70, back.ageOn(today, AgeBasis.LAST_BIRTHDAY, today), "two years later the client is two years older");
            assertEquals(70, app.clientStore().clients().get(0).age());
            // saved again without a change, the age keeps its first date (it does not restart from the new day)
            app.clientStore().saveClient(back, Lang.EN);
            assertEquals(LocalDate.of(2026, 6, 1), app.clientStore().client(id).orElseThrow().profile().ageAsOf());
        }
    }

    @Test
    void oneSetOfAgeRules() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertTrue(ClientAge.check(68, null, today, true).isEmpty());
        assertTrue(ClientAge.check(null, LocalDate.of(1958, 3, 2), today, true).isEmpty());
        assertEquals("client.age", ClientAge.check(121, null, today, true).get(0).key());
        assertEquals("client.age", ClientAge.check(-1, null, today, true).get(0).key());
        assertEquals(List.of(0, ClientAge.MAX), ClientAge.check(121, null, today, true).get(0).args());
        assertEquals("client.birthFuture", ClientAge.check(null, today.plusDays(1), today, true).get(0).key());
        assertEquals("client.birthTooOld", ClientAge.check(null, today.minusYears(121), today, true).get(0).key());
        assertEquals("client.ageMismatch", ClientAge.check(50, LocalDate.of(1958, 3, 2), today, true).get(0).key());
        assertEquals("client.ageMissing", ClientAge.check(null, null, today, true).get(0).key());
        assertTrue(ClientAge.check(null, null, today, false).isEmpty(), "Compare and the CLI may leave the client out");
        assertEquals(null, ClientAge.parseYears("6x"));
        assertEquals(null, ClientAge.parseBirthDate("2021-02-30"));
    }
}
