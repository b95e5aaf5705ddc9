package hk.baycover.ui.trust;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.util.Duration;

import java.util.function.LongSupplier;

/**
 * Locks client data after the idle time the user set ({@code autoLockMinutes}; 0 = never). Keyboard, mouse, scroll and
 * touch input count as use. The decision ({@link #check}) reads an injectable clock, so tests drive it without waiting;
 * in the app a timeline calls it every few seconds.
 */
public final class AutoLock {

    private final LongSupplier clock;
    private final IntegerProperty minutes;
    private final Runnable onIdle;
    private final EventHandler<Event> activity = e -> activity();
    private long lastActivity;
    private boolean armed;
    private Timeline ticker;

    public AutoLock(LongSupplier clock, IntegerProperty minutes, Runnable onIdle) {
        this.clock = clock;
        this.minutes = minutes;
        this.onIdle = onIdle;
    }

    /** Starts counting idle time from now (after an unlock). */
    public void arm() {
        armed = true;
        activity();
    }

    public void disarm() {
        armed = false;
    }

    public boolean isArmed() {
        return armed;
    }

    public void activity() {
        lastActivity = clock.getAsLong();
    }

    /** Locks (once) when armed and idle for the set time; returns whether it locked now. */
    public boolean check() {
        int m = minutes.get();
        if (!armed || m <= 0) return false;
        if (clock.getAsLong() - lastActivity >= m * 60_000L) {
            armed = false;
            onIdle.run();
            return true;
        }
        return false;
    }

    /** Watches the scene's input and checks every {@code every}. */
    public void install(Scene scene, Duration every) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        scene.addEventFilter(ScrollEvent.SCROLL, activity);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        if (every != null) {
            ticker = new Timeline(new KeyFrame(every, e -> check()));
            ticker.setCycleCount(Animation.INDEFINITE);
            ticker.play();
        }
    }

    public void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, activity);
        scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.removeEventFilter(MouseEvent.MOUSE_MOVED, activity);
        scene.removeEventFilter(ScrollEvent.SCROLL, activity);
        scene.removeEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        if (ticker != null) ticker.stop();
        ticker = null;
    }
}
