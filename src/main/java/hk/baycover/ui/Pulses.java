package hk.baycover.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.concurrent.atomic.AtomicBoolean;

/** Pulse hooks for the start-up probe: "this scene has been laid out and its frame handed to the renderer". */
public final class Pulses {
    private Pulses() {
    }

    /** Runs {@code action} once on the FX thread, right after the next pulse has laid out {@code scene}. */
    public static void afterNextPulse(Scene scene, Runnable action) {
        AtomicBoolean fired = new AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!fired.compareAndSet(false, true)) return;
            // the scene is iterating its listeners now: remove this one afterwards
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
