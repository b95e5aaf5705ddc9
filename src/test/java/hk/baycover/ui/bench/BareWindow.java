package hk.baycover.ui.bench;

import hk.baycover.app.StartupProbe;
import hk.baycover.ui.Pulses;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The platform floor for the start-up bench: a bare JavaFX window (one label, the same size as BayCover's default
 * window) launched exactly like BayCover — a plain main class that does not extend Application, the same runtime, JVM
 * flags and kind of AppCDS archive — and probed with the same {@link StartupProbe} events ({@code main}, {@code start},
 * {@code shown}, {@code firstFrame}).
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        StartupProbe.mark(StartupProbe.MAIN);
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            StartupProbe.mark(StartupProbe.START);
            StackPane root = new StackPane(new Label("BayCover start-up floor"));
            root.setAlignment(Pos.CENTER);
            Scene scene = new Scene(root, 1280, 820);
            stage.setScene(scene);
            stage.setTitle("BareWindow");
            stage.show();
            StartupProbe.mark(StartupProbe.SHOWN);
            Pulses.afterNextPulse(scene, () -> {
                StartupProbe.mark(StartupProbe.FIRST_FRAME);
                if (StartupProbe.exitAfter(StartupProbe.FIRST_FRAME)) Platform.exit();
            });
        }
    }
}
