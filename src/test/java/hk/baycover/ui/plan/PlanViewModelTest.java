package hk.baycover.ui.plan;

import hk.baycover.app.BayCover;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;
import hk.baycover.planning.PlanTestData;
import hk.baycover.planning.Recommendation;
import hk.baycover.store.CatalogStore;
import hk.baycover.trust.DataDirLock;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SyncTaskRunner;
import hk.baycover.ui.common.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Plans screen's ViewModel without the FX thread: a real data folder (shipped packs and the test products), the
 * synchronous task runner, a fixed clock.
 */
class PlanViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Hong_Kong"));

    @TempDir
    Path dir;
    BayCover app;

    @BeforeEach
    void open() {
        app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, CLOCK);
        app.catalogStore().importFiles(List.of(PlanTestData.testPack(dir)), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
        app.reload();
    }

    @AfterEach
    void close() {
        app.close();
    }

    UiContext context(SyncTaskRunner runner) {
        Settings settings = new Settings();
        settings.langProperty().set(Lang.EN);
        return new UiContext(app, settings, runner);
    }

    static ClientProfile client() {
        return new ClientProfile(null, "Chan Tai Man", null, null, 68, Sex.M, false, ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.SHENZHEN,
                City.SHENZHEN, SzInsurance.NONE, null, false, false, false, false, null, null, null, null, null,
                Map.of(Need.INPATIENT, Priority.MUST_HAVE, Need.CANCER_TREATMENT, Priority.MUST_HAVE, Need.GBA_DRUG, Priority.NICE_TO_HAVE),
                Money.of("30000", Currency.HKD), 10, null);
    }

    @Test
    void aProfileGivesAReportOnTheApplicationsDate() {
        PlanViewModel vm = new PlanViewModel(context(SyncTaskRunner.immediate()));
        assertEquals(LocalDate.of(2026, 6, 1), vm.startProperty().get(), "the plan starts today by the application's clock");
        assertNull(vm.reportProperty().get());
        vm.clientProperty().set(client());
        assertNotNull(vm.reportProperty().get());
        assertEquals(LocalDate.of(2026, 6, 1), vm.reportProperty().get().today());

        vm.add("test-gba-medical");
        vm.add("test-voucher");
        assertEquals(List.of("test-voucher", "test-gba-medical"), vm.products(), "the public layer first");
        assertEquals(List.of("test-voucher", "test-gba-medical"), vm.reportProperty().get().layered().stream().map(p -> p.id()).toList());
    }

    @Test
    void recommendSaveAndExportRunInTheBackgroundAndSaySo() throws Exception {
        SyncTaskRunner runner = SyncTaskRunner.immediate();
        UiContext ctx = context(runner);
        PlanViewModel vm = new PlanViewModel(ctx);
        vm.clientProperty().set(client());

        vm.recommend(Recommendation.Options.defaults());
        Recommendation rec = vm.recommendationProperty().get();
        assertNotNull(rec);
        assertTrue(rec.found());
        assertEquals(rec.productIds(), vm.products(), "the plan takes the recommended products");
        assertFalse(vm.outcomeIsErrorProperty().get());
        assertTrue(vm.outcomeProperty().get().startsWith("Recommended " + rec.productIds().size() + " product(s)"), vm.outcomeProperty().get());

        // client data is never stored unencrypted: without a passphrase nothing is saved, and the screen says why
        vm.save();
        assertNull(vm.planIdProperty().get());
        assertTrue(vm.outcomeIsErrorProperty().get());
        assertTrue(vm.outcomeProperty().get().startsWith("Client data is never stored unencrypted"), vm.outcomeProperty().get());
        assertEquals(0, app.clientStore().clients().size());
        app.setPassphrase("a view model passphrase".toCharArray(), null);
        vm.save();
        assertNotNull(vm.planIdProperty().get());
        assertEquals(1, vm.clients().size());
        assertEquals(1, app.clientStore().clients().size());
        assertEquals("Saved (revision 1).", vm.outcomeProperty().get());

        Path pdf = dir.resolve("out/proposal.pdf");
        Files.createDirectories(pdf.getParent());
        vm.exportPdf(pdf);
        assertTrue(Files.size(pdf) > 1000);
        assertEquals("Proposal written to " + pdf, vm.outcomeProperty().get());
        assertEquals(1, app.proposalStore().proposals(vm.planIdProperty().get()).size());
        assertFalse(vm.busyProperty().get());
        assertTrue(runner.submitted() >= 3);
    }

    @Test
    void withoutAProfileNothingRunsAndTheMessageSaysWhy() {
        SyncTaskRunner runner = SyncTaskRunner.immediate();
        PlanViewModel vm = new PlanViewModel(context(runner));
        assertNull(vm.exportPdf(dir.resolve("never.pdf")));
        assertNull(vm.save());
        assertNull(vm.recommend(Recommendation.Options.defaults()));
        assertTrue(vm.outcomeIsErrorProperty().get());
        assertEquals("Complete the client profile first: the fields marked in red need attention.", vm.outcomeProperty().get());
        assertEquals(0, runner.submitted());
        assertFalse(Files.exists(dir.resolve("never.pdf")));
    }

    @Test
    void aCancelledRecommendationChangesNothing() {
        SyncTaskRunner runner = SyncTaskRunner.queued();
        PlanViewModel vm = new PlanViewModel(context(runner));
        vm.clientProperty().set(client());
        vm.add("test-hk-only");
        vm.recommend(Recommendation.Options.defaults());
        assertTrue(vm.busyProperty().get());
        vm.cancel();
        runner.runPending();
        assertFalse(vm.busyProperty().get());
        assertNull(vm.recommendationProperty().get());
        assertEquals(List.of("test-hk-only"), vm.products());
        assertEquals("Cancelled. Nothing was changed.", vm.outcomeProperty().get());
    }

    @Test
    void aFailureShowsItsHeadlineNotAStackTrace() {
        PlanViewModel vm = new PlanViewModel(context(SyncTaskRunner.immediate()));
        vm.openPlan("no-such-plan", null);
        assertTrue(vm.outcomeIsErrorProperty().get());
        assertTrue(vm.outcomeProperty().get().contains("no-such-plan"), vm.outcomeProperty().get());
        assertFalse(vm.outcomeProperty().get().contains("Exception"), vm.outcomeProperty().get());
    }
}
