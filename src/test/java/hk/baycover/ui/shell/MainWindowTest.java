package hk.baycover.ui.shell;

import hk.baycover.app.BayCover;
import hk.baycover.i18n.I18n;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.testsupport.DbContent;
import hk.baycover.testsupport.TestPacks;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.FileDialogs;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.data.DataView;
import hk.baycover.ui.data.DataViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real main window over a real BayCover on a fresh data folder, driven like a user would (headless Monocle):
 * navigation by mouse and Ctrl+1…5, the language switch, larger text, and importing packs on the Data screen.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path root;
    private static final AtomicInteger RUN = new AtomicInteger();

    private Path dataDir;
    private BayCover app;
    private FxTaskRunner background;
    private Settings settings;
    private UiContext ctx;
    private MainWindow window;
    /** What the fake file dialog answers next. */
    private final List<Path> nextFiles = new ArrayList<>();
    private Path nextDirectory;

    @Start
    void start(Stage stage) {
        dataDir = root.resolve("data-" + RUN.incrementAndGet());
        app = BayCover.open(dataDir, Lang.ZH_HK, ProgressMonitor.NONE);
        background = new FxTaskRunner();
        settings = new Settings();
        settings.langProperty().set(Lang.ZH_HK);
        ctx = new UiContext(app, settings, background);
        ctx.setFileDialogs(new FileDialogs() {
            @Override
            public List<Path> openFiles(Window owner, String title, String filterName, String... extensions) {
                return List.copyOf(nextFiles);
            }

            @Override
            public Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner, String title) {
                return Optional.ofNullable(nextDirectory);
            }
        });
        window = new MainWindow(ctx, Screen.COMPARE);
        Scene scene = new Scene(window, 1200, 800);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdown();
        app.close();
    }

    private Node shown() {
        Node screen = window.shownScreen();
        assertTrue(screen != null && screen.getParent() instanceof StackPane s && s.getChildren().size() == 1, "one screen is shown");
        return screen;
    }

    private ToggleButton nav(FxRobot robot, Screen s) {
        return robot.lookup("#" + s.navId()).queryAs(ToggleButton.class);
    }

    /** Opens a combo box and clicks the entry showing {@code text}. */
    private void choose(FxRobot robot, String comboId, String text) {
        robot.clickOn("#" + comboId);
        Node cell = robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell && text.equals(((ListCell<?>) n).getText()) && n.isVisible() && n.getScene() != window.getScene())
                .findFirst().orElseThrow(() -> new AssertionError("no entry " + text + " in #" + comboId));
        robot.clickOn(cell);
    }

    private static void awaitIdle(DataViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyScreenIsReachedByItsButtonAndByCtrlDigit(FxRobot robot) {
        Map<Node, Screen> seen = new IdentityHashMap<>();
        for (Screen s : Screen.values()) {
            robot.clickOn("#" + s.navId());
            assertEquals(s, window.current());
            assertTrue(nav(robot, s).isSelected());
            Node node = shown();
            assertTrue(node.isVisible() && node.getScene() == window.getScene());
            seen.put(node, s);
        }
        assertEquals(Screen.values().length, seen.size(), "each screen is its own view");
        assertTrue(shown() instanceof DataView, "the Data screen works now");

        Screen[] screens = Screen.values();
        for (int i = screens.length - 1; i >= 0; i--) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            assertEquals(screens[i], window.current(), "Ctrl+" + (i + 1));
            assertEquals(screens[i], seen.get(shown()), "the same view instance comes back (screens are built once)");
        }
        // clicking the selected button again keeps it selected
        robot.clickOn("#" + Screen.COMPARE.navId());
        assertTrue(nav(robot, Screen.COMPARE).isSelected());
    }

    @Test
    void theLanguageSwitchRelabelsEverythingAtOnce(FxRobot robot) {
        robot.clickOn("#" + Screen.DATA.navId());
        Node data = shown();
        Label title = robot.lookup("#data-view .screen-title").queryAs(Label.class);

        assertEquals("產品比較", nav(robot, Screen.COMPARE).getText());
        assertEquals("資料", nav(robot, Screen.DATA).getText());
        assertEquals(I18n.get(Lang.ZH_HK, "data.title"), title.getText());

        choose(robot, "language", "简体中文");
        assertEquals(Lang.ZH_CN, settings.lang());
        assertEquals("产品比较", nav(robot, Screen.COMPARE).getText());
        assertEquals("数据", nav(robot, Screen.DATA).getText());
        assertEquals(I18n.get(Lang.ZH_CN, "data.title"), title.getText());

        choose(robot, "language", "English");
        assertEquals(Lang.EN, settings.lang());
        assertEquals("Compare", nav(robot, Screen.COMPARE).getText());
        assertEquals("Data", nav(robot, Screen.DATA).getText());
        assertEquals("Data", title.getText());
        assertEquals("Import pack…", robot.lookup("#import").queryButton().getText());
        assertSame(data, shown(), "the screen was relabelled in place, not rebuilt");
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Data as of "));
    }

    @Test
    void largerTextScalesTheWholeWindow(FxRobot robot) {
        Label status = robot.lookup("#status").queryAs(Label.class);
        double before = status.getFont().getSize();
        assertEquals(Styles.BASE_FONT_PX, before, 0.01);
        double navBefore = nav(robot, Screen.COMPARE).getFont().getSize();

        choose(robot, "text-size", I18n.get(Lang.ZH_HK, "settings.textSize.150"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, settings.fontScaleProperty().get());
        assertTrue(window.getStyle().contains("-fx-font-size: 21.0px"), window.getStyle());
        assertEquals(21.0, status.getFont().getSize(), 0.01);
        assertEquals(navBefore * 1.5, nav(robot, Screen.COMPARE).getFont().getSize(), 0.1, "em sizes scale too");

        choose(robot, "text-size", I18n.get(Lang.ZH_HK, "settings.textSize.100"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, status.getFont().getSize(), 0.01);
    }

    @Test
    void importingAGoodPackAddsItsDataset(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.DATA.navId());
        DataView view = (DataView) shown();
        TableView<?> table = robot.lookup("#datasets").queryAs(TableView.class);
        int before = table.getItems().size();
        assertTrue(before >= 1, "the shipped data is listed");

        nextFiles.add(TestPacks.DRUGS.toAbsolutePath());
        robot.clickOn("#import");
        awaitIdle(view.viewModel());

        assertEquals(before + 1, table.getItems().size());
        assertTrue(table.getItems().stream().anyMatch(d -> ((DatasetInfo) d).id().equals("test-drugs-devices")));
        assertEquals(I18n.get(Lang.ZH_HK, "data.imported", 1, 6), robot.lookup("#outcome").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#problems").queryAs(ListView.class).getItems().isEmpty());
        assertTrue(ctx.catalog().institution("test-hosp-a").isPresent(), "the new catalog snapshot reached every screen");
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains(String.valueOf(before + 1)));
        assertTrue(DbContent.count(app.database().file(), "dataset") == before + 1);
    }

    @Test
    void aBadPackListsItsProblemsAndChangesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.DATA.navId());
        DataView view = (DataView) shown();
        TableView<?> table = robot.lookup("#datasets").queryAs(TableView.class);
        int before = table.getItems().size();
        String content = DbContent.hash(app.database().file());

        Path bad = TestPacks.bad("multiple-problems.json").toAbsolutePath();
        nextFiles.add(bad);
        robot.clickOn("#import");
        awaitIdle(view.viewModel());

        Label outcome = robot.lookup("#outcome").queryAs(Label.class);
        assertEquals(I18n.get(Lang.ZH_HK, "pack.rejected", 7), outcome.getText());
        assertTrue(outcome.getStyleClass().contains("error-text"));
        ListView<?> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertTrue(problems.isVisible());
        assertEquals(7, problems.getItems().size(), problems.getItems().toString());
        assertTrue(problems.getItems().contains(bad + ":/items/0/approvals/0/institution: " + I18n.get(Lang.ZH_HK, "pack.unknownInstitution", "nowhere")),
                problems.getItems().toString());
        for (Object line : problems.getItems()) assertTrue(line.toString().startsWith(bad + ":/"), line.toString());

        assertEquals(before, table.getItems().size());
        assertEquals(content, DbContent.hash(app.database().file()), "the database is unchanged");

        // a good import afterwards clears the problem list
        nextFiles.clear();
        nextFiles.add(TestPacks.DRUGS.toAbsolutePath());
        robot.clickOn("#import");
        awaitIdle(view.viewModel());
        assertTrue(problems.getItems().isEmpty());
        assertFalse(problems.isVisible());
        assertNotEquals(content, DbContent.hash(app.database().file()));
    }

    @Test
    void exportWritesEveryDatasetIntoTheChosenFolder(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.DATA.navId());
        DataView view = (DataView) shown();
        nextDirectory = dataDir.resolve("exported");
        robot.clickOn("#export");
        awaitIdle(view.viewModel());
        int datasets = ctx.catalog().datasets().size();
        try (var files = Files.list(nextDirectory)) {
            assertEquals(datasets, files.filter(p -> p.toString().endsWith(".json")).count());
        }
        assertEquals(I18n.get(Lang.ZH_HK, "data.exported", datasets, nextDirectory), robot.lookup("#outcome").queryAs(Label.class).getText());
    }

    @Test
    void eachNavigationButtonNamesItsShortcutOnceThePointerComesNear(FxRobot robot) {
        robot.moveTo("#" + Screen.GAPS.navId());
        Screen[] screens = Screen.values();
        for (int i = 0; i < screens.length; i++) {
            assertEquals(I18n.get(Lang.ZH_HK, screens[i].titleKey()) + " (Ctrl+" + (i + 1) + ")", nav(robot, screens[i]).getTooltip().getText());
        }
        robot.interact(() -> settings.langProperty().set(Lang.EN));
        assertEquals("Compare (Ctrl+2)", nav(robot, Screen.COMPARE).getTooltip().getText(), "the tooltips follow the language");
    }
}
