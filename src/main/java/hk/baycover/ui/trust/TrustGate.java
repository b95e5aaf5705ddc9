package hk.baycover.ui.trust;

import hk.baycover.trust.KeyManager;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.UiContext;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Stands between the user and client data: the root of the main window's scene. With a passphrase set, BayCover opens
 * on the unlock screen and the main window is built only once unlocked; after the idle time the user chose it locks
 * again (the main window is hidden, not rebuilt, so work in progress survives). Without a passphrase the main window
 * opens at once, and the first feature that stores client data calls {@link #ensureUnlocked} to have one set.
 */
public final class TrustGate extends StackPane {

    private final UiContext ctx;
    private final Supplier<Node> mainFactory;
    private final AutoLock autoLock;
    private final Runnable keyListener;
    /** Reading the key state in the background (the latest read wins). */
    private final Activity reading;
    private Node main;
    private Node overlay;
    private KeyManager.State state;

    public TrustGate(UiContext ctx, Supplier<Node> mainFactory) {
        this(ctx, mainFactory, () -> ctx.app().clock().millis(), Duration.seconds(5));
    }

    /**
     * A gate whose key state was read just before, off the FX thread ({@code known}; null: read it in the background): it
     * shows the main window or the unlock prompt at once, in the pulse that shows the gate.
     */
    public TrustGate(UiContext ctx, Supplier<Node> mainFactory, KeyManager.State known) {
        this(ctx, mainFactory, () -> ctx.app().clock().millis(), Duration.seconds(5), known);
    }

    /** {@code tick} null: the idle check is left to the caller (tests call {@code autoLock().check()}). */
    public TrustGate(UiContext ctx, Supplier<Node> mainFactory, LongSupplier clock, Duration tick) {
        this(ctx, mainFactory, clock, tick, null);
    }

    private TrustGate(UiContext ctx, Supplier<Node> mainFactory, LongSupplier clock, Duration tick, KeyManager.State known) {
        this.ctx = ctx;
        this.mainFactory = mainFactory;
        this.reading = ctx.activity();
        this.keyListener = () -> ctx.tasks().onUiThread(this::refresh);
        this.autoLock = new AutoLock(clock, ctx.settings().autoLockMinutesProperty(), () -> ctx.app().keys().lock());
        setId("trust-gate");
        setAlignment(Pos.CENTER);
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                autoLock.uninstall(old);
                ctx.app().keys().removeListener(keyListener);
            }
            if (scene != null) {
                autoLock.install(scene, tick);
                ctx.app().keys().addListener(keyListener);
            }
        });
        if (known != null) show(known);
        else refresh();
    }

    public AutoLock autoLock() { return autoLock; }

    /** The last known state (null until first read). */
    public KeyManager.State state() { return state; }

    /** The gate a node lives under, if any. */
    public static Optional<TrustGate> of(Node node) {
        for (Parent p = node == null ? null : node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TrustGate) return Optional.of((TrustGate) p);
        }
        Scene s = node == null ? null : node.getScene();
        return s != null && s.getRoot() instanceof TrustGate ? Optional.of((TrustGate) s.getRoot()) : Optional.empty();
    }

    /**
     * Runs {@code then} with client data unlocked: at once if it is; else after the user unlocks, or sets the first
     * passphrase. Nothing runs if the user cancels.
     */
    public void ensureUnlocked(Runnable then) {
        if (ctx.app().keys().isUnlocked()) {
            then.run();
            return;
        }
        reading.replace(m -> ctx.app().keys().state(), read -> {
            state = read;
            Runnable done = () -> {
                removeOverlay();
                autoLock.arm();
                then.run();
            };
            if (state == KeyManager.State.UNLOCKED) then.run();
            else if (state == KeyManager.State.NOT_SET) showOverlay(PassphraseViews.setUp(ctx, done, this::removeOverlay), false);
            else showOverlay(PassphraseViews.unlock(ctx, done, this::removeOverlay), false);
        });
    }

    /** Re-reads the key state (after a lock, an unlock, a restore) and shows what fits. */
    public void refresh() {
        reading.replace(m -> ctx.app().keys().state(), this::show, e -> show(KeyManager.State.LOCKED));
    }

    /**
     * Runs {@code then} once the gate shows its first state (the main window, or the unlock prompt): at once if it has,
     * else right after. The key state is read in the background, so until then the gate is empty.
     */
    public void whenFirstShown(Runnable then) {
        if (state != null) then.run();
        else firstShown.add(then);
    }

    private final java.util.List<Runnable> firstShown = new java.util.ArrayList<>();

    private void show(KeyManager.State s) {
        state = s;
        try {
            showState(s);
        } finally {
            java.util.List<Runnable> waiting = java.util.List.copyOf(firstShown);
            firstShown.clear();
            waiting.forEach(Runnable::run);
        }
    }

    private void showState(KeyManager.State s) {
        switch (s) {
            case NOT_SET:
                autoLock.disarm();
                showMain();
                break;
            case UNLOCKED:
                showMain();
                if (!autoLock.isArmed()) autoLock.arm();
                break;
            default:
                autoLock.disarm();
                showOverlay(PassphraseViews.unlock(ctx, this::refresh, null), true);
                break;
        }
    }

    private void showMain() {
        if (main == null) main = mainFactory.get();
        if (!getChildren().contains(main)) getChildren().add(0, main);
        main.setVisible(true);
        removeOverlay();
    }

    /** {@code hideMain}: a lock hides what is behind; an on-demand prompt over the working window does not. */
    private void showOverlay(Node view, boolean hideMain) {
        removeOverlay();
        if (main != null && hideMain) main.setVisible(false);
        StackPane scrim = new StackPane(view);
        scrim.setId("trust-overlay");
        scrim.getStyleClass().add("trust-scrim");
        overlay = scrim;
        getChildren().add(scrim);
    }

    private void removeOverlay() {
        if (overlay != null) getChildren().remove(overlay);
        overlay = null;
        if (main != null) main.setVisible(true);
    }
}
