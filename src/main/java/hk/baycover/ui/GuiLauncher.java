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
}
