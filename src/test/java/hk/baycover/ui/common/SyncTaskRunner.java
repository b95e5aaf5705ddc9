package hk.baycover.ui.common;

import hk.baycover.model.ProgressMonitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * The synchronous {@link TaskRunner} for ViewModel tests: no FX thread, no worker threads. Work runs on the caller's
 * thread — at once ({@link #immediate()}), or when the test says so ({@link #queued()} then {@link #runPending()}), so a
 * test can start a second search before the first answers, or cancel. Delays fire at once (immediate) or with the queue.
 */
public final class SyncTaskRunner implements TaskRunner {

    private final boolean queued;
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private int submitted;

    private SyncTaskRunner(boolean queued) {
        this.queued = queued;
    }

    public static SyncTaskRunner immediate() {
        return new SyncTaskRunner(false);
    }

    public static SyncTaskRunner queued() {
        return new SyncTaskRunner(true);
    }

    /** How many pieces of work were submitted so far. */
    public int submitted() {
        return submitted;
    }

    /** Runs queued work (and work it submits) until nothing is left; returns how many ran. */
    public int runPending() {
        int n = 0;
        while (!pending.isEmpty()) {
            pending.poll().run();
            n++;
        }
        return n;
    }

    @Override
    public <T> Job submit(Function<ProgressMonitor, T> work, Outcome<? super T> outcome) {
        submitted++;
        SyncJob job = new SyncJob();
        Runnable run = () -> {
            if (job.cancelled) {
                job.done = true;
                outcome.cancelled();
                return;
            }
            ProgressMonitor monitor = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String what) {
                    outcome.progress(total <= 0 ? -1 : (double) done / total, what);
                }

                @Override
                public boolean isCancelled() {
                    return job.cancelled;
                }
            };
            T value;
            try {
                value = work.apply(monitor);
            } catch (ProgressMonitor.Cancelled c) {
                job.done = true;
                outcome.cancelled();
                return;
            } catch (RuntimeException | Error e) {
                job.done = true;
                outcome.failed(e);
                return;
            }
            job.done = true;
            if (job.cancelled) outcome.cancelled();
            else outcome.succeeded(value);
        };
        if (queued) pending.add(run);
        else run.run();
        return job;
    }

    @Override
    public Delay delay(Duration delay, Runnable action) {
        return new Delay() {
            private boolean waiting;

            @Override
            public void restart() {
                if (!queued) {
                    action.run();
                    return;
                }
                if (waiting) return;
                waiting = true;
                pending.add(() -> {
                    if (!waiting) return;
                    waiting = false;
                    action.run();
                });
            }

            @Override
            public void stop() {
                waiting = false;
            }

            @Override
            public boolean isPending() {
                return waiting;
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
        pending.clear();
    }

    private static final class SyncJob implements Job {
        boolean cancelled;
        boolean done;

        @Override
        public void cancel() {
            if (!done) cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
