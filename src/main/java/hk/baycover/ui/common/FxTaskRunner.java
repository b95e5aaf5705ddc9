package hk.baycover.ui.common;

import hk.baycover.model.ProgressMonitor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The JavaFX {@link TaskRunner}: a small pool of daemon workers runs each piece of work as a JavaFX {@link Task} that
 * is itself the work's {@link ProgressMonitor}, so progress and cancel behave the same everywhere; outcomes arrive on
 * the FX thread. Delays are {@link PauseTransition}s.
 */
public final class FxTaskRunner implements TaskRunner {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "baycover-worker-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Job submit(Function<ProgressMonitor, T> work, Outcome<? super T> outcome) {
        MonitoredTask<T> task = new MonitoredTask<>(work);
        task.setOnSucceeded(e -> outcome.succeeded(task.getValue()));
        task.setOnCancelled(e -> outcome.cancelled());
        task.setOnFailed(e -> {
            if (task.getException() instanceof ProgressMonitor.Cancelled) outcome.cancelled();
            else outcome.failed(task.getException());
        });
        task.progressProperty().addListener((o, a, b) -> outcome.progress(b.doubleValue(), task.getMessage()));
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the application is closing: nothing more runs, and nothing is waiting for the outcome
        }
        return new Job() {
            @Override
            public void cancel() { task.cancel(); }

            @Override
            public boolean isDone() { return task.isDone(); }
        };
    }

    @Override
    public Delay delay(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        return new Delay() {
            @Override
            public void restart() { pause.playFromStart(); }

            @Override
            public void stop() { pause.stop(); }

            @Override
            public boolean isPending() { return pause.getStatus() == javafx.animation.Animation.Status.RUNNING; }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
            return;
        }
        try {
            Platform.runLater(action);
        } catch (IllegalStateException toolkitGone) {
            // the application is shutting down
        }
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
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
}
