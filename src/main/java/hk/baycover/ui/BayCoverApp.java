package hk.baycover.ui;

import hk.baycover.app.BayCover;
import hk.baycover.app.DataDirs;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.ui.common.Background;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SettingsStore;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.shell.MainWindow;
import hk.baycover.ui.shell.Screen;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application. The window appears at once with a "loading" state; the database is opened, checked,
 * migrated and seeded in the background, then the main window takes over.
 */
public final class BayCoverApp extends Application {

    private Settings settings;
    private SettingsStore settingsStore;
    private Background background;
    private BayCover app;

    @Override
    public void start(Stage stage) {
        Path dataDir = DataDirs.resolve(option(getParameters().getRaw(), "--data-dir").map(Path::of).orElse(null));
        hk.baycover.app.Logs.toDataDir(dataDir);
        settings = new Settings();
        settingsStore = new SettingsStore(dataDir);
        settingsStore.load(settings);
        option(getParameters().getRaw(), "--lang").flatMap(Lang::parse).ifPresent(settings.langProperty()::set);
        background = new Background();

        Scene scene = new Scene(loading(), settings.windowWidthProperty().get(), settings.windowHeightProperty().get());
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> I18n.get(settings.lang(), "app.title"), settings.langProperty()));
        if (Double.isFinite(settings.windowXProperty().get())) {
            stage.setX(settings.windowXProperty().get());
            stage.setY(settings.windowYProperty().get());
        }
        stage.show();

        openData(scene, dataDir);
        settings.langProperty().addListener((o, a, b) -> settingsStore.save(settings));
        settings.fontScaleProperty().addListener((o, a, b) -> settingsStore.save(settings));
        settings.autoLockMinutesProperty().addListener((o, a, b) -> settingsStore.save(settings));
    }

    /** Opens the folder as the one window on it; a corrupt database leads to the recovery screen instead. */
    private void openData(Scene scene, Path dataDir) {
        Lang lang = settings.lang();
        Task<BayCover> open = background.submit(m -> BayCover.open(dataDir, lang, m, hk.baycover.trust.DataDirLock.Mode.INSTANCE));
        open.setOnSucceeded(e -> {
            app = open.getValue();
            UiContext ctx = new UiContext(app, settings, background);
            scene.setRoot(new hk.baycover.ui.trust.TrustGate(ctx, () -> new MainWindow(ctx, Screen.COMPARE)));
        });
        open.setOnFailed(e -> {
            if (open.getException() instanceof hk.baycover.app.CorruptDatabase) {
                scene.setRoot(new hk.baycover.ui.trust.RecoveryView(new hk.baycover.ui.common.Tr(settings.langProperty()), background,
                        hk.baycover.ui.common.FileDialogs.SYSTEM, dataDir, (hk.baycover.app.CorruptDatabase) open.getException(),
                        () -> {
                            scene.setRoot(loading());
                            openData(scene, dataDir);
                        }, Platform::exit));
                return;
            }
            Alert alert = new Alert(Alert.AlertType.ERROR, Errors.describe(settings.lang(), open.getException()));
            alert.setHeaderText(I18n.get(settings.lang(), "startup.failed"));
            alert.showAndWait();
            Platform.exit();
        });
    }

    private Parent loading() {
        Label label = new Label(I18n.get(settings.lang(), "startup.loading"));
        VBox box = new VBox(16, new ProgressIndicator(), label);
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
        if (background != null) background.shutdown();
        if (app != null) app.close();
    }

    static java.util.Optional<String> option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name) && i + 1 < args.size()) return java.util.Optional.of(args.get(i + 1));
            if (a.startsWith(name + "=")) return java.util.Optional.of(a.substring(name.length() + 1));
        }
        return java.util.Optional.empty();
    }
}
