package hk.baycover.ui.common;

import hk.baycover.model.ProgressMonitor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The background work of one screen (or one lane of it), handled one way everywhere: while work runs {@link #busy()}
 * is true and {@link #progress()} follows it (-1 until the work reports any: unknown); when it ends the result is handed over on the UI thread, a failure
 * becomes readable text in {@link #message()} (with {@link #error()} set; never a stack trace), a cancellation says
 * so. {@link #replace} runs "latest wins" work (a search, a recomputation): the job still running is cancelled and
 * its late result dropped. {@link #lane()} gives another lane (its own busy flag and job) that reports into the same
 * message.
 */
public final class Activity {

    private final TaskRunner runner;
    private final Tr tr;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message;
    private final BooleanProperty error;
    private TaskRunner.Job running;
    private long generation;

    public Activity(TaskRunner runner, Tr tr) {
        this(runner, tr, new SimpleStringProperty(""), new SimpleBooleanProperty(false));
    }

    private Activity(TaskRunner runner, Tr tr, StringProperty message, BooleanProperty error) {
        this.runner = runner;
        this.tr = tr;
        this.message = message;
        this.error = error;
    }

    /** Another lane of the same screen: its own busy flag and running job, the same message. */
    public Activity lane() {
        return new Activity(runner, tr, message, error);
    }

    public ReadOnlyBooleanProperty busy() { return busy; }

    public ReadOnlyDoubleProperty progress() { return progress; }

    /** The last outcome in the user's language (empty when there is nothing to say). */
    public StringProperty message() { return message; }

    /** True when {@link #message()} reports a failure. */
    public BooleanProperty error() { return error; }

    public boolean isBusy() { return busy.get(); }

    /** Runs {@code work}; {@code done} gets the result. A failure is shown in {@link #message()}. */
    public <T> TaskRunner.Job run(Function<ProgressMonitor, T> work, Consumer<? super T> done) {
        return run(work, done, this::fail);
    }

    /** As {@link #run(Function, Consumer)}, with the screen's own handling of a failure. */
    public <T> TaskRunner.Job run(Function<ProgressMonitor, T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
        long gen = ++generation;
        busy.set(true);
        progress.set(-1);
        TaskRunner.Job job = runner.submit(work, new TaskRunner.Outcome<T>() {
            @Override
            public void succeeded(T value) {
                finish(gen, () -> done.accept(value));
            }

            @Override
            public void failed(Throwable e) {
                finish(gen, () -> failed.accept(e));
            }

            @Override
            public void cancelled() {
                finish(gen, () -> say(tr.get("task.cancelled")));
            }

            @Override
            public void progress(double fraction, String what) {
                if (gen == generation) progress.set(fraction);
            }
        });
        if (gen == generation && !job.isDone()) running = job;
        return job;
    }

    /** "Latest wins": cancels the job still running (its result is dropped), then runs {@code work}. */
    public <T> TaskRunner.Job replace(Function<ProgressMonitor, T> work, Consumer<? super T> done) {
        stop();
        return run(work, done);
    }

    /** As {@link #replace(Function, Consumer)}, with the screen's own handling of a failure. */
    public <T> TaskRunner.Job replace(Function<ProgressMonitor, T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
        stop();
        return run(work, done, failed);
    }

    /** Cancels the running job; the outcome says "cancelled". */
    public void cancel() {
        if (running != null) running.cancel();
    }

    /** Cancels the running job and forgets it: no outcome of it will be shown. */
    public void stop() {
        generation++;
        if (running != null) running.cancel();
        running = null;
        busy.set(false);
        progress.set(0);
    }

    /** An informative message. */
    public void say(String text) {
        message.set(text);
        error.set(false);
    }

    /** A message about something that went wrong (already in the user's words). */
    public void complain(String text) {
        message.set(text);
        error.set(true);
    }

    /** Shows a failure as readable text (an unexpected one is logged, see {@link Errors}). */
    public void fail(Throwable e) {
        complain(Errors.describe(tr.lang(), e));
    }

    /**
     * Hands the outcome of job {@code gen} over (unless a newer job superseded it), then clears the busy flag — in that
     * order, so whoever waits for "not busy" sees the outcome already applied. A handler that starts the next job keeps
     * the activity busy.
     */
    private void finish(long gen, Runnable handOver) {
        if (gen != generation) return;
        running = null;
        try {
            handOver.run();
        } finally {
            if (gen == generation) {
                busy.set(false);
                progress.set(0);
            }
        }
    }
}
