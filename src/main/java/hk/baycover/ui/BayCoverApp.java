package hk.baycover.ui;

import hk.baycover.app.BayCover;
import hk.baycover.app.StartupProbe;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SettingsStore;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.data.DataView;
import hk.baycover.ui.shell.MainWindow;
import hk.baycover.ui.shell.Screen;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.text.Text;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The JavaFX application. The data folder, settings and database are read by {@link Preload} on a background thread
 * that starts before the toolkit; the window's first frame is a light "loading" view, which the main window replaces
 * once the catalog is loaded. The FX thread does no blocking I/O before the first frame.
 */
public final class BayCoverApp extends Application {

    private Settings settings;
    private SettingsStore settingsStore;
    private FxTaskRunner tasks;
    private BayCover app;
    /** The application's one clock, made by the launcher (or the system's when a test starts this class directly). */
    private java.time.Clock clock;

    @Override
    public void start(Stage stage) {
        StartupProbe.mark(StartupProbe.START);
        Preload preload = Preload.forArgs(getParameters().getRaw());
        clock = preload.clock();
        Preload.Boot boot;
        try {
            // the settings file was read on the preload thread while the toolkit started: this is done by now
            boot = preload.settings().join();
        } catch (CompletionException e) {
            fail(Lang.ZH_HK, e.getCause());
            return;
        }
        settings = boot.settings();
        settingsStore = boot.store();
        tasks = new FxTaskRunner();
        hk.baycover.io.Timeline.mark("fx: settings in hand");

        // the first frame is the light "loading" view (as quick as a bare window); the main window replaces it as soon as
        // both the first frame is out and the catalog is loaded (it usually is by then: it was read while the toolkit started)
        Scene scene = new Scene(loading(), settings.windowWidthProperty().get(), settings.windowHeightProperty().get());
        hk.baycover.io.Timeline.mark("fx: loading view made");
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> I18n.get(settings.lang(), "app.title"), settings.langProperty()));
        if (Double.isFinite(settings.windowXProperty().get())) {
            stage.setX(settings.windowXProperty().get());
            stage.setY(settings.windowYProperty().get());
        }
        hk.baycover.io.Timeline.mark("fx: window placed");
        stage.show();
        StartupProbe.mark(StartupProbe.SHOWN);
        settings.langProperty().addListener((o, a, b) -> settingsStore.save(settings));
        settings.fontScaleProperty().addListener((o, a, b) -> settingsStore.save(settings));
        settings.autoLockMinutesProperty().addListener((o, a, b) -> settingsStore.save(settings));
        Pulses.afterNextPulse(scene, () -> {
            probe(StartupProbe.FIRST_FRAME, scene);
            // the catalog is still being read: load the controls' stylesheet (Modena) now, as the main window's first
            // Control would, while the FX thread has nothing else to do (null: the platform's default, as before)
            if (!preload.app().isDone()) Application.setUserAgentStylesheet(null);
            whenOpened(scene, boot.dataDir(), preload.app());
        });
    }

    /** Shows the main window once the folder is open; a corrupt database leads to the recovery screen instead. */
    private void whenOpened(Scene scene, java.nio.file.Path dataDir, java.util.concurrent.CompletableFuture<Preload.Opened> opening) {
        opening.whenComplete((result, error) -> Platform.runLater(() -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof hk.baycover.app.CorruptDatabase corrupt) {
                recover(scene, dataDir, corrupt);
                return;
            }
            if (cause != null) {
                fail(settings.lang(), cause);
                return;
            }
            hk.baycover.io.Timeline.mark("fx: catalog received");
            BayCover opened = result.app();
            hk.baycover.ui.trust.TrustGate gate = mainWindow(opened, result.keys());
            scene.setRoot(gate);
            // interactive: the first frame with what the user can work with (the main window, or the unlock prompt); the
            // gate reads the key state in the background first
            gate.whenFirstShown(() -> {
                hk.baycover.io.Timeline.mark("fx: main window in the scene");
                Pulses.afterNextPulse(scene, () -> {
                    probe(StartupProbe.INTERACTIVE, scene);
                    checkInBackground(scene, dataDir, opened);
                });
            });
        }));
    }

    /**
     * The whole-file check the window was opened without (ADR 0065), once the main window answers: a damaged file leads
     * to the recovery screen, as at open. A write asked for meanwhile waits for this check.
     */
    private void checkInBackground(Scene scene, java.nio.file.Path dataDir, BayCover opened) {
        tasks.submit(m -> {
            opened.database().ensureChecked();
            hk.baycover.io.Timeline.mark("database integrity checked (quick_check, in the background)");
            return Boolean.TRUE;
        }, new hk.baycover.ui.common.TaskRunner.Outcome<Boolean>() {
            @Override
            public void succeeded(Boolean value) {
                StartupProbe.mark(StartupProbe.CHECKED);
            }

            @Override
            public void failed(Throwable error) {
                if (app != opened) return; // closed or replaced meanwhile
                if (error instanceof hk.baycover.model.UserError u && "store.corrupt".equals(u.key())) {
                    hk.baycover.app.CorruptDatabase corrupt = hk.baycover.app.CorruptDatabase.of(u, dataDir);
                    opened.close();
                    app = null;
                    recover(scene, dataDir, corrupt);
                } else {
                    java.util.logging.Logger.getLogger(BayCoverApp.class.getName()).log(java.util.logging.Level.WARNING,
                            "the background integrity check did not finish", error);
                }
            }

            @Override
            public void cancelled() {
            }
        });
    }

    /** The recovery screen for a damaged database; after a restore the folder is opened again (and checked at open). */
    private void recover(Scene scene, java.nio.file.Path dataDir, hk.baycover.app.CorruptDatabase corrupt) {
        scene.setRoot(new hk.baycover.ui.trust.RecoveryView(new hk.baycover.ui.common.Tr(settings.langProperty()), tasks,
                hk.baycover.ui.common.FileDialogs.SYSTEM, dataDir, clock, corrupt,
                () -> {
                    scene.setRoot(loading());
                    Lang lang = settings.lang();
                    whenOpened(scene, dataDir, java.util.concurrent.CompletableFuture.supplyAsync(() -> Preload.Opened.of(
                            BayCover.open(dataDir, lang, hk.baycover.model.ProgressMonitor.NONE, hk.baycover.trust.DataDirLock.Mode.INSTANCE, clock))));
                }, Platform::exit));
    }

    private hk.baycover.ui.trust.TrustGate mainWindow(BayCover opened, hk.baycover.trust.KeyManager.State keys) {
        app = opened;
        UiContext ctx = new UiContext(opened, settings, tasks);
        List<java.nio.file.Path> files = getParameters().getRaw().stream().filter(hk.baycover.app.PackFiles::isPackFile).map(java.nio.file.Path::of).toList();
        return new hk.baycover.ui.trust.TrustGate(ctx, () -> {
            // every start opens on the first page: what BayCover does, three ways in, how current the data is
            hk.baycover.io.Timeline.mark("fx: trust gate made");
            if (files.isEmpty()) {
                MainWindow window = new MainWindow(ctx, Screen.HOME);
                hk.baycover.io.Timeline.mark("fx: main window built");
                return window;
            }
            // opened from the file manager (file association): the Data screen validates and imports it, all or nothing
            // (the screen, not a lookup: the main window scrolls its screen in a scroll pane, whose content is not
            // among its children before the pane has a skin, so a lookup found nothing and the file was not imported)
            MainWindow window = new MainWindow(ctx, Screen.DATA);
            if (window.shownScreen() instanceof DataView data) {
                data.viewModel().importFiles(files);
            } else {
                java.util.logging.Logger.getLogger(BayCoverApp.class.getName()).warning("the Data screen is not shown: " + files + " not imported");
            }
            return window;
        }, keys);
    }

    private void fail(Lang lang, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, Errors.describe(lang, error));
        alert.setHeaderText(I18n.get(lang, "startup.failed"));
        alert.showAndWait();
        Platform.exit();
    }

    /** Start-up probe (off unless -Dbaycover.startupProbe=FILE): records the event, quits if the bench asked to. */
    private static void probe(String event, Scene scene) {
        if (!StartupProbe.enabled()) return;
        javafx.scene.Node focus = scene.getFocusOwner();
        StartupProbe.mark(event, (focus == null ? "focus=" : "focus=" + (focus.getId() == null ? focus.getClass().getSimpleName() : focus.getId()))
                + " nodes=" + nodes(scene.getRoot()));
        if (StartupProbe.exitAfter(event)) Platform.exit();
    }

    /** How many nodes the scene holds (what its CSS and layout passes walk). */
    private static int nodes(javafx.scene.Node node) {
        int n = 1;
        if (node instanceof Parent p) for (javafx.scene.Node child : p.getChildrenUnmodifiable()) n += nodes(child);
        return n;
    }

    private Parent loading() {
        return loadingView(settings.lang());
    }

    /**
     * The first frame's content: the loading text, centred. Text only: an indeterminate ProgressIndicator (skin,
     * animation) cost the first frame ~0.2-0.7 s here. And no {@code Control}: the first Control's class initialisation
     * loads and parses Modena, the controls' stylesheet, on the FX thread; the main window needs it and now pays for it
     * after the first frame (ADR 0070). The stylesheet gives the view the colours Modena would: its window background
     * and its label text colour, the same smoothing.
     */
    static Parent loadingView(Lang lang) {
        Text text = new Text(I18n.get(lang, "startup.loading"));
        text.setId("startup-loading");
        text.getStyleClass().addAll("text", "loading-text");
        VBox box = new VBox(16, text);
        box.getStyleClass().add("loading");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    @Override
    public void stop() {
        Stage stage = null;
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof Stage) stage = (Stage) w;
        }
        if (stage != null && !stage.isIconified()) {
            settings.windowXProperty().set(stage.getX());
            settings.windowYProperty().set(stage.getY());
            settings.windowWidthProperty().set(stage.getWidth());
            settings.windowHeightProperty().set(stage.getHeight());
        }
        if (settingsStore != null) settingsStore.save(settings);
        if (tasks != null) tasks.shutdown();
        if (app != null) app.close();
    }

    static java.util.Optional<String> option(List<String> args, String name) {
        return Preload.option(args, name);
    }
}
