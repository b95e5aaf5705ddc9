package hk.baycover.trust;

import hk.baycover.app.BayCover;
import hk.baycover.cli.Cli;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One GUI per data folder; commands alongside; restore alone — within one process and across processes. */
class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void oneInstancePerFolderInOneProcess() {
        try (DataDirLock gui = DataDirLock.acquire(dir, DataDirLock.Mode.INSTANCE)) {
            UserError e = assertThrows(UserError.class, () -> DataDirLock.acquire(dir, DataDirLock.Mode.INSTANCE));
            assertEquals("trust.alreadyOpen", e.key());
            assertEquals(String.valueOf(ProcessHandle.current().pid()), e.args()[1]);
            try (DataDirLock cli = DataDirLock.acquire(dir, DataDirLock.Mode.SHARED)) {
                assertEquals(DataDirLock.Mode.SHARED, cli.mode());
                assertEquals("trust.folderBusy", assertThrows(UserError.class, () -> gui.exclusively(() -> 1)).key());
            }
            assertEquals(7, gui.exclusively(() -> 7), "alone again: the GUI may restore");
        }
        try (DataDirLock again = DataDirLock.acquire(dir, DataDirLock.Mode.INSTANCE)) {
            assertEquals(DataDirLock.Mode.INSTANCE, again.mode());
        }
    }

    private static Process hold(Path dir, String mode) throws Exception {
        Process p = ChildJvm.builder(LockHolder.class, List.of(dir.toString(), mode), Map.of()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertTrue(line != null && line.startsWith("LOCKED "), "child said: " + line);
        return p;
    }

    @Test
    void aSecondWindowInAnotherProcessIsRefusedWithThePidAndTouchesNothing() throws Exception {
        Process child = hold(dir, "INSTANCE");
        try {
            UserError e = assertThrows(UserError.class, () -> BayCover.open(dir, Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.INSTANCE, BayCover.systemClock()));
            assertEquals("trust.alreadyOpen", e.key());
            assertEquals(String.valueOf(child.pid()), e.args()[1]);
            assertEquals("BayCover is already open on this data folder (" + dir.toRealPath() + ", pid " + child.pid()
                    + "). Switch to that window, or close it first.", hk.baycover.i18n.I18n.message(Lang.EN, e));
            assertFalse(Files.exists(dir.resolve(Database.FILE_NAME)), "the database was not even opened");
            assertEquals(child.pid(), DataDirLock.holderPid(dir));

            // a command may run alongside the window
            try (BayCover cli = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE)) {
                assertTrue(Files.exists(dir.resolve(Database.FILE_NAME)));
                // but not restore under it
                UserError r = assertThrows(UserError.class, () -> cli.restore(dir.resolve("nothing.db"), ProgressMonitor.NONE));
                assertEquals("trust.restoreWhileOpen", r.key());
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new String[] {"--lang", "en", "--data-dir", dir.toString(), "restore", dir.resolve("x.db").toString()},
                    new PrintWriter(out), new PrintWriter(err));
            assertEquals(1, code);
            assertTrue(err.toString().contains("BayCover is open on the data folder") && err.toString().contains("pid " + child.pid()), err.toString());
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // killed (kill -9): the OS released its lock, nothing stale remains
        try (DataDirLock mine = DataDirLock.acquire(dir, DataDirLock.Mode.INSTANCE)) {
            assertEquals(ProcessHandle.current().pid(), DataDirLock.holderPid(dir));
            assertEquals(1, mine.exclusively(() -> 1));
        }
    }

    @Test
    void restoreWaitsForNoOtherCommand() throws Exception {
        Process child = hold(dir, "SHARED");
        try (DataDirLock gui = DataDirLock.acquire(dir, DataDirLock.Mode.INSTANCE)) {
            assertEquals("trust.folderBusy", assertThrows(UserError.class, () -> gui.exclusively(() -> 1)).key());
            child.getOutputStream().close();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            assertEquals(2, gui.exclusively(() -> 2));
        } finally {
            child.destroyForcibly();
        }
    }
}
