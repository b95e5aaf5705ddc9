package hk.baycover.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart from {@code Launcher} so the CLI never loads JavaFX. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static void launch(String[] args, java.time.Clock clock) {
        // disk work (settings, database, catalog) starts now and overlaps the toolkit's start
        Preload.start(java.util.Arrays.asList(args), clock);
        Application.launch(BayCoverApp.class, args);
    }

    /** Whether {@code e} (thrown by {@link #launch}) says the toolkit could not start: no usable display. */
    public static boolean isToolkitStartFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof UnsupportedOperationException && m.contains("DISPLAY")) return true;
            if (m.contains("Unable to open DISPLAY") || m.contains("Toolkit not initialized") || m.contains("cannot open display")) return true;
        }
        return false;
    }
}
