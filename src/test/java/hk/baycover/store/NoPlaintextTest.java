package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.planning.PlanTestData;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditQuery;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client data is never stored in plain text, whatever the order of saving and setting the passphrase: every file under
 * the data folder (database, WAL, backups, logs) is searched byte by byte for every personal field.
 */
class NoPlaintextTest {

    static final String NAME = "Lau Mei Kuen Nameunique";
    static final String CONTACT = "+852 5550 1234 contactunique";
    static final String CONDITION = "conditionnote-unique-7711";
    static final String COVER = "covernote-unique-3302";
    static final String NOTES = "notes-unique-8820";
    static final String PLAN_TITLE = "plantitle-unique-1190";
    static final List<String> PERSONAL = List.of(NAME, CONTACT, CONDITION, COVER, NOTES, PLAN_TITLE);
    static final char[] PASS = "a passphrase for the test".toCharArray();

    @TempDir
    Path dir;

    static ClientProfile client(String name) {
        ClientProfile t = PlanStoreTest.client();
        return new ClientProfile(null, name, CONTACT, t.birthDate(), null, t.sex(), t.smoker(), t.residency(), t.livesIn(), t.city(),
                t.szMedicalInsurance(), null, true, false, true, false, t.existingProducts(), COVER, t.conditions(), CONDITION,
                t.preferredInstitutions(), t.needs(), t.budget(), 12, NOTES);
    }

    static hk.baycover.planning.Plan plan() {
        return PlanStoreTest.plan(List.of()).withTitle(PLAN_TITLE, "discussed on 29 Nov");
    }

    @Test
    void withoutAPassphraseNothingIsSaved() {
        try (BayCover app = PlanTestData.open(dir.resolve("data"))) {
            String before = DbFingerprint.of(app.dataDir());
            UserError e = assertThrows(UserError.class, () -> app.planStore().saveClientAndPlan(client(NAME), Lang.EN, null, plan(), null));
            assertEquals("trust.passphraseFirst", e.key());
            assertThrows(UserError.class, () -> app.clientStore().saveClient(client(NAME), Lang.EN));
            assertEquals(before, DbFingerprint.of(app.dataDir()));
            PlaintextProbe.assertNoneOf(app.dataDir(), PERSONAL);
        }
    }

    @Test
    void passphraseFirstThenSavesThenAChangeThenARevision() {
        try (BayCover app = PlanTestData.open(dir.resolve("data"))) {
            app.setPassphrase(PASS, null);
            PlanStore.SavedPlan p = app.planStore().saveClientAndPlan(client(NAME), Lang.EN, null, plan(), null);
            app.keys().change(PASS, "another long passphrase".toCharArray(), null);
            app.planStore().saveClientAndPlan(client(NAME), Lang.EN, p.id(), plan(), null);
            app.backups().backup(app.dataDir().resolve("mine.db"), false, ProgressMonitor.NONE);
            assertEquals(NAME, app.clientStore().client(p.clientId()).orElseThrow().profile().name());
            PlaintextProbe.assertNoneOf(app.dataDir(), PERSONAL);
        }
    }

    @Test
    void recordsAnOlderVersionLeftInPlainTextAreSealedAndTheFileRebuilt() throws Exception {
        Path data = dir.resolve("data");
        try (BayCover app = PlanTestData.open(data)) {
            // an older build: the same stores without a cipher wrote the client in plain text
            ClientStore oldClients = new ClientStore(app.database());
            PlanStore old = new PlanStore(app.database(), oldClients);
            PlanStore.SavedPlan p = old.saveClientAndPlan(client(NAME), Lang.EN, null, plan(), null);
            String gone = oldClients.saveClient(client(NAME + " deleted"), Lang.EN);
            oldClients.deleteClient(gone);
            // an import takes an automatic backup, which holds the plain text too
            app.catalogStore().importSources(List.of(new CatalogStore.Source("x.json", TestPacks.drugsBytes("np-pack", "1", 1, 1))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            assertFalse(PlaintextProbe.find(data, PERSONAL).isEmpty(), "the old build's plain text is there to begin with");
            assertTrue(app.clientStore().hasPlaintext());

            BayCover.Sealed sealed = app.setPassphrase(PASS, null);
            assertEquals(2, sealed.records(), "the client and its plan revision");
            assertTrue(sealed.wiped(), "the WAL was emptied after the rebuild");
            assertTrue(sealed.automaticBackupsReplaced() >= 1);
            PlaintextProbe.assertNoneOf(data, PERSONAL);
            assertFalse(app.clientStore().hasPlaintext());
            assertEquals(NAME, app.clientStore().client(p.clientId()).orElseThrow().profile().name(), "still readable, now sealed");
            assertEquals(1, app.audit().list(new AuditQuery(AuditAction.CLIENT_DATA_SEALED, null, null, null, null, 0)).size());
        }
    }

    @Test
    void aSealingInterruptedByACrashIsFinishedAtTheNextUnlock() throws Exception {
        Path data = dir.resolve("data");
        try (BayCover app = PlanTestData.open(data)) {
            new PlanStore(app.database(), new ClientStore(app.database())).saveClientAndPlan(client(NAME), Lang.EN, null, plan(), null);
            // the crash: the passphrase was set, the sealing never ran
            Files.writeString(data.resolve(hk.baycover.io.DataFolder.SCRUB_PENDING), "1");
            app.keys().setUp(PASS, null);
        }
        try (BayCover app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE, hk.baycover.trust.DataDirLock.Mode.SHARED, Clock.systemDefaultZone())) {
            app.keys().unlock(PASS);
            app.ensureSealed();
            assertFalse(Files.exists(data.resolve(hk.baycover.io.DataFolder.SCRUB_PENDING)));
            PlaintextProbe.assertNoneOf(data, PERSONAL);
        }
    }

    @Test
    void wrongPassphrasesAreAuditedAndSlowedDown() {
        try (BayCover app = PlanTestData.open(dir.resolve("data"))) {
            app.setPassphrase(PASS, null);
            List<java.time.Duration> waits = new java.util.ArrayList<>();
            hk.baycover.trust.KeyManager keys = new hk.baycover.trust.KeyManager(new KeyringStore(app.database()), app.clock(), waits::add);
            for (int i = 0; i < 6; i++) {
                assertEquals("trust.wrongPassphrase", assertThrows(UserError.class, () -> keys.unlock("not the passphrase".toCharArray())).key());
            }
            assertEquals(List.of(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(4)), waits,
                    "three free attempts, then 1, 2, 4 seconds");
            assertEquals(6, app.audit().list(new AuditQuery(AuditAction.PASSPHRASE_FAILED, null, null, null, null, 0)).size());
            // the right one still opens, after the wait; nothing is said about why a wrong one failed
            keys.unlock(PASS);
            assertEquals(java.time.Duration.ofSeconds(8), waits.get(waits.size() - 1));
            assertTrue(keys.isUnlocked());
        }
    }
}
