package hk.baycover.ui.common;

import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way background work is handled, without the FX thread: busy, progress, results, failures, cancel, latest wins. */
class ActivityTest {

    final Tr tr = new Tr(new SimpleObjectProperty<>(Lang.EN));

    @Test
    void busyWhileRunningThenTheResult() {
        SyncTaskRunner runner = SyncTaskRunner.queued();
        Activity a = new Activity(runner, tr);
        List<Integer> got = new ArrayList<>();
        a.run(m -> {
            m.progress(1, 4, "step");
            return 42;
        }, got::add);
        assertTrue(a.isBusy());
        assertEquals(-1, a.progress().get(), "unknown until the work reports");
        runner.runPending();
        assertFalse(a.isBusy());
        assertEquals(List.of(42), got);
        assertEquals(0, a.progress().get());
    }

    @Test
    void aFailureBecomesReadableTextNotAStackTrace() {
        Activity a = new Activity(SyncTaskRunner.immediate(), tr);
        a.run(m -> {
            throw new UserError("task.cancelled");
        }, x -> { });
        assertTrue(a.error().get());
        assertEquals("Cancelled. Nothing was changed.", a.message().get());
        a.run(m -> {
            throw new IllegalStateException("boom");
        }, x -> { });
        assertTrue(a.error().get());
        assertTrue(a.message().get().startsWith("Something unexpected went wrong"), a.message().get());
        assertFalse(a.message().get().contains("IllegalStateException") || a.message().get().contains("boom"), "no class names or internals");
        assertFalse(a.message().get().contains("\tat "), "no stack trace");
    }

    @Test
    void cancelSaysSoAndDropsTheResult() {
        SyncTaskRunner runner = SyncTaskRunner.queued();
        Activity a = new Activity(runner, tr);
        List<String> got = new ArrayList<>();
        a.run(m -> {
            m.checkCancelled();
            return "late";
        }, got::add);
        a.cancel();
        runner.runPending();
        assertEquals(List.of(), got);
        assertFalse(a.isBusy());
        assertFalse(a.error().get());
        assertEquals(tr.get("task.cancelled"), a.message().get());
    }

    @Test
    void latestWinsAndTheSupersededResultIsNeverShown() {
        SyncTaskRunner runner = SyncTaskRunner.queued();
        Activity a = new Activity(runner, tr);
        List<String> got = new ArrayList<>();
        a.replace(m -> "first", got::add);
        a.replace(m -> "second", got::add);
        runner.runPending();
        assertEquals(List.of("second"), got);
        assertFalse(a.isBusy());
        assertEquals("", a.message().get(), "the superseded job says nothing");
    }

    @Test
    void lanesShareTheMessageButNotTheBusyFlag() {
        SyncTaskRunner runner = SyncTaskRunner.queued();
        Activity a = new Activity(runner, tr);
        Activity other = a.lane();
        other.run(m -> 1, x -> other.say("done"));
        assertTrue(other.isBusy());
        assertFalse(a.isBusy());
        runner.runPending();
        assertEquals("done", a.message().get());
    }

    @Test
    void theSynchronousRunnerReportsProgressAsAFraction() {
        List<Double> seen = new ArrayList<>();
        SyncTaskRunner.immediate().submit(m -> {
            m.progress(1, 4, null);
            m.progress(4, 4, null);
            return ProgressMonitor.NONE;
        }, new TaskRunner.Outcome<Object>() {
            @Override
            public void succeeded(Object value) { }

            @Override
            public void failed(Throwable error) { }

            @Override
            public void cancelled() { }

            @Override
            public void progress(double fraction, String what) { seen.add(fraction); }
        });
        assertEquals(List.of(0.25, 1.0), seen);
    }
}
