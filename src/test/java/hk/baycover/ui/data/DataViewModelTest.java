package hk.baycover.ui.data;

import hk.baycover.app.BayCover;
import hk.baycover.model.Freshness;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.DataDirLock;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SyncTaskRunner;
import hk.baycover.ui.common.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Data screen's freshness per dataset, without the FX thread: the shipped packs, a synchronous runner, fixed clocks. */
class DataViewModelTest {

    @TempDir
    Path dir;
    BayCover app;

    DataViewModel open(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneId.of("Asia/Hong_Kong"));
        app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, clock);
        Settings settings = new Settings();
        settings.langProperty().set(Lang.EN);
        return new DataViewModel(new UiContext(app, settings, SyncTaskRunner.immediate()));
    }

    @AfterEach
    void close() {
        if (app != null) app.close();
    }

    @Test
    void freshnessIsComputedForEveryShippedDatasetOnTheApplicationsClock() {
        DataViewModel vm = open("2026-12-05T02:00:00Z");
        assertEquals(3, vm.datasets().size(), "the three shipped packs");
        for (var d : vm.datasets()) assertNotNull(vm.freshness().get(d.id()), d.id());
        Freshness drugs = vm.freshness().get("gba-drugs-devices");
        assertEquals(LocalDate.of(2025, 12, 5), drugs.staleBefore());
        assertTrue(drugs.stale() > 0 && drugs.stale() <= drugs.records());
        assertTrue(drugs.coverage().stream().anyMatch(c -> c.key().equals("DESIGNATED_INSTITUTIONS") && c.total() == 71));
        assertFalse(vm.busyProperty().get(), "computing freshness does not make the screen busy");
    }

    @Test
    void aLaterClockMakesMoreRecordsStale() {
        int now = open("2026-12-05T02:00:00Z").freshness().get("gba-products").stale();
        app.close();
        app = null;
        int later = open("2028-01-01T02:00:00Z").freshness().get("gba-products").stale();
        assertTrue(later > now, now + " then " + later);
        assertEquals(app.catalogStore().pack("gba-products").recordCount(), later, "by 2028 every product record is older than twelve months");
    }
}
