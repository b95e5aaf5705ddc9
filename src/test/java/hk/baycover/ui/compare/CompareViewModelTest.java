package hk.baycover.ui.compare;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.planning.PlanTestData;
import hk.baycover.store.CatalogStore;
import hk.baycover.trust.DataDirLock;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SyncTaskRunner;
import hk.baycover.ui.common.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Compare screen's ViewModel without the FX thread: a real data folder, the synchronous task runner, a fixed clock. */
class CompareViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Hong_Kong"));

    @TempDir
    Path dir;
    BayCover app;
    SyncTaskRunner runner;
    CompareViewModel vm;

    @BeforeEach
    void open() {
        app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, CLOCK);
        app.catalogStore().importFiles(List.of(PlanTestData.testPack(dir)), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
        app.reload();
        Settings settings = new Settings();
        settings.langProperty().set(Lang.EN);
        runner = SyncTaskRunner.immediate();
        vm = new CompareViewModel(new UiContext(app, settings, runner));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void twoPickedProductsMakeAMatrixAndASeventhIsRefused() {
        assertNull(vm.matrixProperty().get());
        vm.toggle("test-gba-medical");
        assertNull(vm.matrixProperty().get(), "one product is no comparison");
        vm.toggle("test-vhis-standard");
        assertNotNull(vm.matrixProperty().get());
        assertEquals(List.of("test-gba-medical", "test-vhis-standard"), vm.matrixProperty().get().request().productIds());
        assertEquals(LocalDate.of(2026, 6, 1), vm.matrixProperty().get().on(), "compared on the application's today");
        for (String id : List.of("test-hk-only", "test-unpublished", "test-voucher", "test-huiminbao")) vm.toggle(id);
        assertEquals(6, vm.pickedIds().size());
        vm.toggle("test-sz-basic");
        assertEquals(6, vm.pickedIds().size());
        assertTrue(vm.outcomeIsErrorProperty().get());
        assertEquals("At most 6 products can be compared at once; untick one first.", vm.outcomeProperty().get());
    }

    @Test
    void theClientFieldTakesAnAgeOrABirthDateNotInTheFuture() {
        vm.toggle("test-gba-medical");
        vm.toggle("test-vhis-standard");
        vm.ageTextProperty().set("70");
        assertFalse(vm.clientInvalidProperty().get());
        assertEquals(70, vm.request().age());
        vm.ageTextProperty().set("1958-03-02");
        assertFalse(vm.clientInvalidProperty().get());
        assertEquals(LocalDate.of(1958, 3, 2), vm.request().birthDate());
        // the day after the application's today
        vm.ageTextProperty().set("2026-06-02");
        assertTrue(vm.clientInvalidProperty().get());
        assertNull(vm.request().birthDate());
        vm.ageTextProperty().set("seventy");
        assertTrue(vm.clientInvalidProperty().get());
        assertNotNull(vm.matrixProperty().get(), "an unreadable client field leaves the comparison without a client");
    }

    @Test
    void pinsAreSavedAndRemovedInTheBackground() {
        vm.toggle("test-gba-medical");
        vm.toggle("test-vhis-standard");
        vm.pin();
        assertEquals(1, vm.pins().size());
        assertEquals(1, app.pinnedComparisons().list().size());
        assertTrue(vm.outcomeProperty().get().startsWith("Pinned "), vm.outcomeProperty().get());
        vm.remove(vm.pins().get(0));
        assertEquals(0, vm.pins().size());
        assertEquals(0, app.pinnedComparisons().list().size());
    }

    @Test
    void exportWritesTheFileAndSaysWhere() throws Exception {
        vm.toggle("test-gba-medical");
        vm.toggle("test-vhis-standard");
        Path csv = dir.resolve("compare.csv");
        vm.exportCsv(csv);
        assertFalse(vm.busyProperty().get());
        assertEquals("Saved " + csv, vm.outcomeProperty().get());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("Test GBA medical plan") && text.contains("Test VHIS standard plan"), text);
    }
}
