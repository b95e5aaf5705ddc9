package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 during imports and restores, then reopen: nothing lost, nothing half-applied, integrity intact. A short run
 * here; {@code -Dbaycover.crash.cycles=N} for a long one (figures in docs/reliability.md).
 */
class CrashSafetyTest {

    @TempDir
    Path tmp;

    static String runBoth(Path base, int cycles, long seed) throws Exception {
        java.nio.file.Files.createDirectories(base);
        Path imports = base.resolve("imports");
        CrashHarness.Report ri = CrashHarness.imports(imports, cycles, seed, 2500);
        Path restores = base.resolve("restores");
        Path a = base.resolve("a.db");
        Path b = base.resolve("b.db");
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(restores), Lang.EN, ProgressMonitor.NONE)) {
            for (int i = 0; i < 3; i++) {
                app.catalogStore().importSources(List.of(new CatalogStore.Source("a.json", TestPacks.drugsBytes("restore-" + i, "a", 10, 600))),
                        CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            }
            app.backups().backup(a, true, ProgressMonitor.NONE);
            for (int i = 0; i < 3; i++) {
                app.catalogStore().importSources(List.of(new CatalogStore.Source("b.json", TestPacks.drugsBytes("restore-" + i, "b", 20, 300 + 100 * i))),
                        CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            }
            app.backups().backup(b, true, ProgressMonitor.NONE);
            app.restore(a, ProgressMonitor.NONE);
        }
        CrashHarness.Report rr = CrashHarness.restores(restores, a, b, Math.max(2, cycles / 2), seed + 1, 2500);
        StringBuilder sb = new StringBuilder();
        for (CrashHarness.Report r : List.of(ri, rr)) {
            sb.append(r.summary()).append('\n');
            for (String p : r.problems()) sb.append("  PROBLEM ").append(p).append('\n');
        }
        return sb.toString();
    }

    static String runPlansAndPassphrases(Path base, int cycles, long seed) throws Exception {
        CrashHarness.Report rp = CrashHarness.plans(base.resolve("plans"), cycles, seed + 2, 2500);
        CrashHarness.Report rk = CrashHarness.passphrases(base.resolve("passphrases"), Math.max(2, cycles / 2), seed + 3, 8000);
        StringBuilder sb = new StringBuilder();
        for (CrashHarness.Report r : List.of(rp, rk)) {
            sb.append(r.summary()).append('\n');
            for (String p : r.problems()) sb.append("  PROBLEM ").append(p).append('\n');
        }
        return sb.toString();
    }

    @Test
    void killedPlanSavesAndPassphraseChangesLoseNothingAndLeaveNothingInPlainText() throws Exception {
        int cycles = Integer.getInteger("baycover.crash.cycles", 4);
        long seed = Long.getLong("baycover.crash.seed", 20261129L);
        CrashHarness.Report rp = CrashHarness.plans(tmp.resolve("plans"), cycles, seed + 2, 2500);
        System.out.println("[crash harness] " + rp.summary());
        assertEquals(List.of(), rp.problems());
        assertEquals(0, rp.lost());
        assertEquals(0, rp.halfApplied());
        assertEquals(0, rp.integrityFailures());
        assertTrue(rp.commitsConfirmed() > 0, "the child saved some revisions");

        CrashHarness.Report rk = CrashHarness.passphrases(tmp.resolve("passphrases"), Math.max(2, cycles / 2), seed + 3, 8000);
        System.out.println("[crash harness] " + rk.summary());
        assertEquals(List.of(), rk.problems());
        assertEquals(0, rk.lost());
        assertEquals(0, rk.integrityFailures());
    }

    @Test
    void killedImportsAndRestoresLoseNothingAndHalfApplyNothing() throws Exception {
        int cycles = Integer.getInteger("baycover.crash.cycles", 4);
        long seed = Long.getLong("baycover.crash.seed", 20261129L);
        CrashHarness.Report ri = CrashHarness.imports(tmp.resolve("imports"), cycles, seed, 2500);
        System.out.println("[crash harness] " + ri.summary());
        assertEquals(List.of(), ri.problems());
        assertEquals(0, ri.lost());
        assertEquals(0, ri.halfApplied());
        assertEquals(0, ri.integrityFailures());
        assertTrue(ri.commitsConfirmed() > 0, "the child got some work done");

        Path restores = tmp.resolve("restores");
        Path a = tmp.resolve("a.db");
        Path b = tmp.resolve("b.db");
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(restores), Lang.EN, ProgressMonitor.NONE)) {
            app.catalogStore().importSources(List.of(new CatalogStore.Source("a.json", TestPacks.drugsBytes("restore-x", "a", 10, 800))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            app.backups().backup(a, true, ProgressMonitor.NONE);
            app.catalogStore().importSources(List.of(new CatalogStore.Source("b.json", TestPacks.drugsBytes("restore-x", "b", 30, 400))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            app.backups().backup(b, true, ProgressMonitor.NONE);
            app.restore(a, ProgressMonitor.NONE);
        }
        CrashHarness.Report rr = CrashHarness.restores(restores, a, b, Math.max(2, cycles / 2), seed + 1, 2500);
        System.out.println("[crash harness] " + rr.summary());
        assertEquals(List.of(), rr.problems());
        assertEquals(0, rr.halfApplied());
        assertEquals(0, rr.integrityFailures());
        assertTrue(Files.exists(restores.resolve(Database.FILE_NAME)));
    }
}
