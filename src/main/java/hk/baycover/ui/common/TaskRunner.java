package hk.baycover.ui.common;

import hk.baycover.model.ProgressMonitor;

import java.time.Duration;
import java.util.function.Function;

/**
 * The one way the UI runs work in the background (SQLite, imports, planning, gaps, PDF): {@code work} runs off the UI
 * thread with a {@link ProgressMonitor}; its outcome comes back on the UI thread. {@link FxTaskRunner} is the JavaFX
 * implementation; tests of ViewModels use a synchronous one, so they run without the FX thread. Screens do not use
 * this directly but through an {@link Activity}, which keeps the busy flag, the progress and the message.
 */
public interface TaskRunner {

    /** Starts {@code work}; exactly one of the outcome's methods is called, on the UI thread. */
    <T> Job submit(Function<ProgressMonitor, T> work, Outcome<? super T> outcome);

    /** Runs {@code action} on the UI thread once {@code delay} has passed without a {@link Delay#restart()}. */
    Delay delay(Duration delay, Runnable action);

    /** Runs {@code action} on the UI thread (later, if called from another thread). */
    void onUiThread(Runnable action);

    /** Stops the workers (the application is closing). */
    void shutdown();

    /** What becomes of a submitted piece of work; every call comes on the UI thread. */
    interface Outcome<T> {
        void succeeded(T value);

        /** The work threw (not a cancellation). */
        void failed(Throwable error);

        /** The work was cancelled, by {@link Job#cancel()} or by throwing {@link ProgressMonitor.Cancelled}. */
        void cancelled();

        /** Progress as a fraction 0..1 (negative: unknown), with what is being done (may be null). */
        default void progress(double fraction, String what) {
        }
    }

    /** A submitted piece of work. */
    interface Job {
        /** Asks the work to stop: its monitor's {@code checkCancelled()} throws; the outcome becomes "cancelled". */
        void cancel();

        boolean isDone();
    }

    /** A restartable delayed action (typing pauses before a search). */
    interface Delay {
        /** (Re)starts the wait. */
        void restart();

        void stop();

        /** True while waiting to run. */
        boolean isPending();
    }
}
