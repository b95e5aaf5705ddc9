package hk.baycover.ui.common;

import hk.baycover.model.ProgressMonitor;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs long work (SQLite, imports, PDF, planning) off the FX thread. Work receives a {@link ProgressMonitor} bound to the
 * JavaFX {@link Task}, so progress bars and cancel buttons work everywhere the same way.
 */
public final class Background {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "baycover-worker-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Wraps {@code work} in a Task and starts it; the caller sets onSucceeded/onFailed before or after. */
    public <T> Task<T> submit(Function<ProgressMonitor, T> work) {
        Task<T> task = task(work);
        executor.execute(task);
        return task;
    }

    public static <T> Task<T> task(Function<ProgressMonitor, T> work) {
        return new MonitoredTask<>(work);
    }

    /** A Task that hands its own progress and cancel state to the work as a {@link ProgressMonitor}. */
    private static final class MonitoredTask<T> extends Task<T> implements ProgressMonitor {
        private final Function<ProgressMonitor, T> work;

        MonitoredTask(Function<ProgressMonitor, T> work) {
            this.work = work;
        }

        @Override
        protected T call() {
            return work.apply(this);
        }

        @Override
        public void progress(long done, long total, String what) {
            updateProgress(done, total);
            if (what != null) updateMessage(what);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
