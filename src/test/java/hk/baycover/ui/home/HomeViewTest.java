package hk.baycover.ui.home;

import hk.baycover.app.BayCover;
import hk.baycover.i18n.I18n;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.shell.MainWindow;
import hk.baycover.ui.shell.Screen;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first page over a real BayCover on a fresh data folder (the shipped packs): how much of each official list the
 * data names — the figures the packs themselves give, read from the counts kept at import — in the reader's language,
 * and the three ways in.
 */
@ExtendWith(ApplicationExtension.class)
class HomeViewTest {

    @TempDir
    static Path root;
    private static final AtomicInteger RUN = new AtomicInteger();

    private BayCover app;
    private FxTaskRunner background;
    private Settings settings;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        app = BayCover.open(root.resolve("data-" + RUN.incrementAndGet()), Lang.ZH_HK, ProgressMonitor.NONE);
        background = new FxTaskRunner();
        settings = new Settings();
        settings.langProperty().set(Lang.ZH_HK);
        window = new MainWindow(new UiContext(app, settings, background), Screen.HOME);
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

    /** The coverage lines as the packs' own records count them, in {@code lang}. */
    private List<String> expectedCoverage(Lang lang) {
        List<String> out = new ArrayList<>();
        for (DatasetInfo d : app.catalog().datasets()) {
            for (Freshness.CoverageFigure c : Freshness.of(app.catalogStore().pack(d.id()), app.today()).coverage()) {
                out.add("• " + I18n.get(lang, "data.freshness.coverage", I18n.get(lang, "coverage.list." + c.key()), c.named(), c.total(), c.asOf().value()));
            }
        }
        return out;
    }

    private List<String> shownCoverage(FxRobot robot, int rows) throws Exception {
        VBox coverage = robot.lookup("#home-coverage").queryAs(VBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> coverage.getChildren().size() == rows);
        WaitForAsyncUtils.waitForFxEvents();
        return coverage.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void namesHowMuchOfEachOfficialListTheDataCoversInTheReadersLanguage(FxRobot robot) throws Exception {
        List<String> zh = expectedCoverage(Lang.ZH_HK);
        assertFalse(zh.isEmpty(), "the shipped packs state official totals");
        assertEquals(zh, shownCoverage(robot, zh.size()));
        assertTrue(zh.stream().anyMatch(l -> l.contains(I18n.get(Lang.ZH_HK, "coverage.list.DESIGNATED_INSTITUTIONS"))), String.join("\n", zh));

        robot.interact(() -> settings.langProperty().set(Lang.EN));
        List<String> en = expectedCoverage(Lang.EN);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#home-coverage").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList().equals(en));
        assertTrue(en.get(0).startsWith("• "), en.get(0));
        assertFalse(en.stream().anyMatch(l -> l.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)),
                "no Chinese in the English lines: " + en);
    }

    @Test
    void theFirstPageScrollsWithTheWindowNotInAPaneOfItsOwn(FxRobot robot) {
        Node home = window.shownScreen();
        assertTrue(home instanceof HomeView, String.valueOf(home));
        long panes = robot.lookup(".scroll-pane").queryAll().stream().filter(n -> n.getScene() == window.getScene()).count();
        assertEquals(1, panes, "one scroll pane: the main window's");
        assertTrue(robot.lookup("#home-as-of").queryAs(Label.class).getText().contains(app.catalog().asOf().orElseThrow().toString()));
    }

    @Test
    void eachWayInOpensItsScreen(FxRobot robot) {
        robot.clickOn("#home-compare");
        assertEquals(Screen.COMPARE, window.current());
        robot.clickOn("#" + Screen.HOME.navId());
        robot.clickOn("#home-lookup");
        assertEquals(Screen.LOOKUP, window.current());
        robot.clickOn("#" + Screen.HOME.navId());
        robot.clickOn("#home-plan");
        assertEquals(Screen.PLANS, window.current());
        assertFalse(window.shownScreen() instanceof HomeView, "the plans screen replaced the first page");
    }
}
