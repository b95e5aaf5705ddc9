package hk.baycover.ui.trust;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.KeyManager;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unlock screen, first-use passphrase and auto-lock, on a real data folder and a real scene (headless). */
@ExtendWith(ApplicationExtension.class)
class TrustGateTest {

    @TempDir
    Path dir;
    Stage stage;
    BayCover app;
    FxTaskRunner background = new FxTaskRunner();
    Settings settings = new Settings();
    final AtomicLong now = new AtomicLong(1_000_000);
    int builds;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.setScene(new Scene(new Label())));
        if (app != null) app.close();
        background.shutdown();
    }

    /** Puts text into a field as a paste would (typing every character is slow under load; one test still types). */
    static void fill(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.interact(() -> ((javafx.scene.control.TextInputControl) robot.lookup(id).query()).setText(text));
    }

    static void await(BooleanSupplier condition) throws Exception {
        // a lookup can race a window being shown (its scene not set yet): that is "not yet", not a failure
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException racingAWindow) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TrustGate show(FxRobot robot) {
        return show(robot, ctx -> new TrustGate(ctx, this::fakeMain, now::get, null), gate -> { });
    }

    /** The stand-in for the main window: a label; counts how often the gate builds it. */
    private Node fakeMain() {
        builds++;
        Label main = new Label("client list");
        main.setId("fake-main");
        return main;
    }

    /** Makes a gate on the FX thread, checks it there before it is shown, then shows it. */
    private TrustGate show(FxRobot robot, java.util.function.Function<UiContext, TrustGate> make, java.util.function.Consumer<TrustGate> before) {
        settings.langProperty().set(Lang.EN);
        UiContext ctx = new UiContext(app, settings, background);
        TrustGate[] gate = new TrustGate[1];
        robot.interact(() -> {
            gate[0] = make.apply(ctx);
            before.accept(gate[0]);
            stage.setScene(new Scene(gate[0], 800, 600));
            stage.show();
        });
        return gate[0];
    }

    /** The window's gate: the key state was read off the FX thread just before; the gate shows what fits in its first pulse. */
    private TrustGate showKnown(FxRobot robot, KeyManager.State known) {
        return show(robot, ctx -> new TrustGate(ctx, this::fakeMain, known), gate -> {
            // in the same FX-thread turn, before any background read could have come back
            assertEquals(known, gate.state());
            assertTrue(gate.getChildren().stream().anyMatch(n -> "fake-main".equals(n.getId()) || "trust-overlay".equals(n.getId())),
                    "the gate shows the main window or the prompt at once");
        });
    }

    @Test
    void aKeyStateReadBeforeShowsTheMainWindowOrThePromptAtOnce(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        TrustGate open = showKnown(robot, app.keys().state());
        assertEquals(KeyManager.State.NOT_SET, open.state());
        assertTrue(visible(robot, "#fake-main"));
        assertEquals(1, builds);

        app.keys().setUp("the right passphrase".toCharArray(), null);
        app.keys().lock();
        TrustGate locked = showKnown(robot, app.keys().state());
        assertEquals(KeyManager.State.LOCKED, locked.state());
        await(() -> visible(robot, "#unlock-view"));
        assertFalse(visible(robot, "#fake-main"), "a locked start shows nothing behind the prompt");
    }

    private static boolean visible(FxRobot robot, String id) {
        Node n = robot.lookup(id).tryQuery().orElse(null);
        if (n == null || n.getScene() == null) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void withoutAPassphraseTheAppOpensAndTheFirstClientFeatureAsksForOne(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        TrustGate gate = show(robot);
        await(() -> visible(robot, "#fake-main"));
        assertEquals(KeyManager.State.NOT_SET, gate.state());

        AtomicBoolean ran = new AtomicBoolean();
        robot.interact(() -> gate.ensureUnlocked(() -> ran.set(true)));
        await(() -> visible(robot, "#setup-view"));
        assertTrue(visible(robot, "#fake-main"), "a first-use prompt does not hide the work behind it");
        assertEquals("BayCover never stores client data unencrypted, so it needs a passphrase before it saves the first client.",
                robot.lookup("#setup-why").queryAs(Label.class).getText(), "the prompt says why it asks now");
        fill(robot, "#setup-passphrase", "short");
        fill(robot, "#setup-confirm", "short");
        robot.clickOn("#setup-save");
        assertEquals("The passphrase must be at least 8 characters long.", robot.lookup("#setup-message").queryAs(Label.class).getText());
        fill(robot, "#setup-passphrase", "a long enough passphrase");
        fill(robot, "#setup-confirm", "a long enough passphrasE");
        robot.clickOn("#setup-save");
        assertEquals("The two passphrases are not the same.", robot.lookup("#setup-message").queryAs(Label.class).getText());
        fill(robot, "#setup-passphrase", "a long enough passphrase");
        fill(robot, "#setup-confirm", "a long enough passphrase");
        robot.type(KeyCode.ENTER);
        await(ran::get);
        assertTrue(app.keys().isUnlocked());
        assertFalse(visible(robot, "#setup-view"));
        assertEquals(1, builds);
    }

    @Test
    void withAPassphraseItOpensLockedAndAWrongOneIsRefused(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        app.keys().setUp("the right passphrase".toCharArray(), null);
        app.keys().lock();
        show(robot);
        await(() -> visible(robot, "#unlock-view"));
        assertEquals(0, builds, "nothing of the main window exists before the unlock");
        robot.clickOn("#unlock-passphrase").write("the wrong passphrase").type(KeyCode.ENTER);
        await(() -> !robot.lookup("#unlock-message").queryAs(Label.class).getText().isEmpty());
        assertEquals("Wrong passphrase.", robot.lookup("#unlock-message").queryAs(Label.class).getText());
        assertFalse(app.keys().isUnlocked());
        fill(robot, "#unlock-passphrase", "the right passphrase");
        robot.clickOn("#unlock");
        await(() -> visible(robot, "#fake-main"));
        assertTrue(app.keys().isUnlocked());
        assertFalse(visible(robot, "#unlock-view"));
    }

    @Test
    void itLocksAfterTheIdleTimeTheUserSetAndUseKeepsItOpen(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        app.keys().setUp("idle passphrase".toCharArray(), null);
        settings.autoLockMinutesProperty().set(5);
        TrustGate gate = show(robot);
        await(() -> visible(robot, "#fake-main"));
        assertTrue(gate.autoLock().isArmed());

        now.addAndGet(4 * 60_000);
        assertFalse(checkNow(robot, gate));
        robot.clickOn("#fake-main").type(KeyCode.A);
        now.addAndGet(4 * 60_000);
        assertFalse(checkNow(robot, gate), "use reset the idle time");
        now.addAndGet(60_000);
        assertTrue(checkNow(robot, gate), "five minutes without use");
        assertFalse(app.keys().isUnlocked());
        await(() -> visible(robot, "#unlock-view"));
        assertFalse(visible(robot, "#fake-main"), "what was on screen is hidden");
        assertEquals(1, builds, "and kept, not rebuilt");

        fill(robot, "#unlock-passphrase", "idle passphrase");
        robot.type(KeyCode.ENTER);
        await(() -> visible(robot, "#fake-main"));
        assertEquals(1, builds);
        // 0 = never
        robot.interact(() -> settings.autoLockMinutesProperty().set(0));
        now.addAndGet(24 * 60 * 60_000L);
        assertFalse(checkNow(robot, gate));
    }

    private static boolean checkNow(FxRobot robot, TrustGate gate) {
        boolean[] locked = new boolean[1];
        robot.interact(() -> locked[0] = gate.autoLock().check());
        return locked[0];
    }
}
