package hk.baycover.model;

/** Progress and cancellation for long work; the UI wires it to a javafx Task, the CLI to nothing. */
public interface ProgressMonitor {
    void progress(long done, long total, String what);

    boolean isCancelled();

    /** Throws {@link Cancelled} when the user has cancelled. */
    default void checkCancelled() {
        if (isCancelled()) throw new Cancelled();
    }

    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total, String what) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** The user cancelled; whatever was under way was rolled back. */
    final class Cancelled extends UserError {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("task.cancelled");
        }
    }
}
