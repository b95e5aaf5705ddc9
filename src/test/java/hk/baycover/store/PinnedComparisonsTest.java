package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.PinnedComparison;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pinned comparisons in a real SQLite file (migration 006): saved, listed newest first after reopening, deleted. */
class PinnedComparisonsTest {

    @TempDir
    Path dir;

    @Test
    void pinsSurviveReopeningAndCanBeRemoved() {
        BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE);
        assertTrue(app.database().schemaVersion() >= 6);
        PinnedComparison a = app.pinnedComparisons().save(new PinnedComparison(0, "VHIS vs GBA plan", List.of("b", "a"), 70, null, Sex.F,
                null, LivingPlace.SHENZHEN, SzInsurance.RESIDENT, true, null));
        PinnedComparison b = app.pinnedComparisons().save(new PinnedComparison(0, "second", List.of("c", "d", "e"), null,
                LocalDate.of(1955, 3, 1), null, null, null, null, false, null));
        assertTrue(b.id() > a.id());

        BayCover again = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE);
        List<PinnedComparison> pins = again.pinnedComparisons().list();
        assertEquals(List.of("second", "VHIS vs GBA plan"), pins.stream().map(PinnedComparison::name).toList());
        PinnedComparison first = pins.get(1);
        assertEquals(List.of("b", "a"), first.productIds(), "order as picked");
        assertEquals(70, first.age());
        assertEquals(Sex.F, first.sex());
        assertEquals(LivingPlace.SHENZHEN, first.livesIn());
        assertEquals(SzInsurance.RESIDENT, first.szInsurance());
        assertTrue(first.onlyDifferences());
        assertEquals(LocalDate.of(1955, 3, 1), pins.get(0).birthDate());

        assertTrue(again.pinnedComparisons().delete(a.id()));
        assertFalse(again.pinnedComparisons().delete(a.id()));
        assertEquals(1, again.pinnedComparisons().list().size());
        assertEquals("compare.pin.noName", assertThrows(UserError.class, () -> again.pinnedComparisons().save(
                new PinnedComparison(0, " ", List.of("a", "b"), null, null, null, null, null, null, false, null))).key());
        assertEquals(1, again.pinnedComparisons().list().size(), "a rejected pin changes nothing");
    }
}
