package hk.baycover.ui.plan;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.planning.PlanTestData;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.FileDialogs;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From an empty profile to an exported PDF on the real screen (headless Monocle), with a real data folder. */
@ExtendWith(ApplicationExtension.class)
class PlanViewTest {

    @TempDir
    static Path dir;
    static BayCover app;
    static FxTaskRunner background;
    UiContext ctx;
    PlanView view;
    Path pdf;

    @BeforeAll
    static void data() {
        // a busy machine can take longer than TestFX's default 10 s to build a big screen
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
        app = PlanTestData.open(dir.resolve("data"));
        background = new FxTaskRunner();
    }

    @AfterAll
    static void stop() {
        background.shutdown();
    }

    @Start
    void start(Stage stage) {
        Settings settings = new Settings();
        settings.langProperty().set(Lang.EN);
        ctx = new UiContext(app, settings, background);
        pdf = dir.resolve("exports/proposal.pdf");
        ctx.setFileDialogs(new FileDialogs() {
            @Override
            public List<Path> openFiles(Window owner, String title, String filterName, String... extensions) { return List.of(); }

            @Override
            public Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions) {
                return Optional.of(pdf);
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner, String title) { return Optional.empty(); }
        });
        view = new PlanView(ctx);
        Scene scene = new Scene(view, 1100, 760);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    static Predicate<Node> cell(String text) {
        return n -> n instanceof ListCell && ((ListCell<?>) n).getText() != null && ((ListCell<?>) n).getText().contains(text) && n.isVisible();
    }

    void choose(FxRobot robot, String comboId, String text) {
        Node combo = robot.lookup(comboId).query();
        robot.interact(() -> view.reveal(combo));
        robot.clickOn(comboId);
        // a long list opens scrolled to the top: scroll the popup until the wanted row is shown
        ListView<?> popup = robot.lookup(n -> n instanceof ListView && n.getScene() != view.getScene() && n.isVisible()).queryAs(ListView.class);
        // (cells are looked for in the pop-up only: a drop-down's shown value on the form is a list cell too)
        for (int i = 0; robot.from(popup).lookup(cell(text)).tryQuery().isEmpty() && i < popup.getItems().size(); i += 5) {
            int row = i;
            robot.interact(() -> popup.scrollTo(row));
        }
        // bring the wanted row to the top of the popup, so the click lands on it and not on a half-shown edge row
        int index = ((ListCell<?>) robot.from(popup).lookup(cell(text)).query()).getIndex();
        robot.interact(() -> popup.scrollTo(index));
        Node wanted = robot.from(popup).lookup(cell(text)).query();
        robot.clickOn(wanted);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void reveal(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        robot.interact(() -> view.reveal(n));
    }

    void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        if (n instanceof Label) return ((Label) n).getText();
        if (n instanceof TextArea) return ((TextArea) n).getText();
        return ((TextField) n).getText();
    }

    @Test
    void fromAnEmptyProfileToAnExportedProposal(FxRobot robot) throws Exception {
        // an empty profile is not valid, but an untouched form shows no message yet
        assertNull(view.viewModel().clientProperty().get());
        assertEquals("", text(robot, "#e-sex"), "no message before anything is typed");
        assertEquals("", text(robot, "#e-needs"));
        // the other tabs' panes are built when their tab is first chosen (the screen opens on the form alone)
        assertTrue(robot.lookup("#projection").tryQuery().isEmpty(), "the plan tab's pane before the tab is chosen");

        reveal(robot, "#f-name");
        robot.clickOn("#f-name").write("Chan Tai Man", 0);
        robot.clickOn("#f-age").write("6x", 0);
        assertEquals("", text(robot, "#e-age"), "a field is checked when it is left");
        robot.type(javafx.scene.input.KeyCode.TAB);
        assertTrue(text(robot, "#e-age").contains("whole number"), text(robot, "#e-age"));
        robot.clickOn("#f-age").eraseText(2).write("68", 0);
        assertEquals("", text(robot, "#e-age"));
        choose(robot, "#f-sex", "Male");
        choose(robot, "#f-residency", "HK permanent resident");
        choose(robot, "#f-livesIn", "Lives in Shenzhen");
        choose(robot, "#f-city", "Shenzhen");
        robot.clickOn("#tab-profile");
        choose(robot, "#f-need-INPATIENT", "Must have");
        choose(robot, "#f-need-CANCER_TREATMENT", "Must have");
        choose(robot, "#f-need-GBA_DRUG", "Nice to have");
        reveal(robot, "#f-budget");
        robot.clickOn("#f-budget").write("30000", 0);
        reveal(robot, "#f-horizon");
        robot.clickOn("#f-horizon").eraseText(2).write("10", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(view.viewModel().clientProperty().get(), "profile complete: " + view.form().problems());
        assertEquals(68, view.viewModel().clientProperty().get().age());
        // a bad value anywhere takes the profile away again, with its own message
        reveal(robot, "#f-budget");
        robot.clickOn("#f-budget").eraseText(5).write("lots", 0);
        assertTrue(text(robot, "#e-budget-amount").contains("budget"), text(robot, "#e-budget-amount"));
        assertNull(view.viewModel().clientProperty().get());
        robot.clickOn("#f-budget").eraseText(4).write("30000", 0);
        assertNotNull(view.viewModel().clientProperty().get());

        // eligible products with reasons
        robot.clickOn("#tab-eligibility");
        TableView<?> elig = robot.lookup("#eligibility").queryAs(TableView.class);
        assertTrue(elig.getItems().size() >= 7);

        // build a plan by hand
        robot.clickOn("#tab-plan");
        choose(robot, "#product-choice", "Test GBA medical plan");
        reveal(robot, "#add-product");
        robot.clickOn("#add-product");
        choose(robot, "#product-choice", "Test elderly health care voucher");
        robot.clickOn("#add-product");
        ListView<?> planList = robot.lookup("#plan-products").queryAs(ListView.class);
        assertEquals(List.of("test-voucher", "test-gba-medical"), view.viewModel().products(), "public layer first");
        assertEquals(2, planList.getItems().size());
        assertEquals(10, robot.lookup("#projection").queryAs(TableView.class).getItems().size(), "a premium for every year");
        assertFalse(robot.lookup("#coverage").queryAs(TableView.class).getItems().isEmpty());

        // edit the exchange rate: premiums in HKD of a CNY product move; the rate is kept in the plan
        reveal(robot, "#fx-cny");
        // select the whole rate before typing (a double-click can select only part of "1.10" on a busy machine)
        TextField fxCny = robot.lookup("#fx-cny").queryAs(TextField.class);
        robot.clickOn(fxCny);
        robot.interact(fxCny::selectAll);
        robot.write("1.25", 0);
        reveal(robot, "#apply-settings");
        robot.clickOn("#apply-settings");
        assertEquals(0, view.viewModel().fxProperty().get().rate(hk.baycover.model.Currency.CNY, hk.baycover.model.Currency.HKD)
                .orElseThrow().compareTo(new java.math.BigDecimal("1.25")));

        // run the 港澳藥械通 drug episode (brolucizumab injections at C-MER Zhuhai; the lung-cancer episode now buys a
        // Mainland-registered drug, so its lines no longer meet the public-scheme rule for 港澳藥械通 items)
        robot.clickOn("#tab-scenarios");
        choose(robot, "#scenario-choice", "Wet macular degeneration");
        reveal(robot, "#run-scenario");
        robot.clickOn("#run-scenario");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> lines = robot.lookup("#episode-lines").queryAs(TableView.class);
        assertTrue(lines.getItems().size() >= 10, "every cost line adjudicated");
        assertTrue(text(robot, "#episode-totals").contains("the client pays"), text(robot, "#episode-totals"));
        robot.interact(() -> lines.getSelectionModel().select(0));
        assertTrue(text(robot, "#line-explanation").contains("Public scheme"), text(robot, "#line-explanation"));
        assertTrue(text(robot, "#line-explanation").contains("The client pays"));

        // change a cost: saved as the user's own copy of the episode
        reveal(robot, "#edit-cost");
        robot.doubleClickOn("#edit-cost").eraseText(12).write("42000", 0);
        reveal(robot, "#apply-cost");
        robot.clickOn("#apply-cost");
        waitUntil(() -> !app.scenarioStore().userScenarios().isEmpty() && !view.viewModel().busyProperty().get());
        assertEquals(0, app.scenarioStore().userScenarios().get(0).scenario().lines().get(0).cost().amount().compareTo(new java.math.BigDecimal("42000")));

        // recommend in the background
        robot.clickOn("#tab-plan");
        reveal(robot, "#recommend");
        robot.clickOn("#recommend");
        waitUntil(() -> view.viewModel().recommendationProperty().get() != null && !view.viewModel().busyProperty().get());
        assertTrue(view.viewModel().recommendationProperty().get().found());
        assertEquals(view.viewModel().recommendationProperty().get().productIds(), view.viewModel().products());
        assertFalse(text(robot, "#recommendation").isEmpty());

        // save (client data is stored encrypted only: a passphrase is set first), then export the proposal
        app.setPassphrase("a plan view passphrase".toCharArray(), null);
        robot.clickOn("#save");
        waitUntil(() -> view.viewModel().planIdProperty().get() != null && !view.viewModel().busyProperty().get());
        assertEquals(1, app.clientStore().clients().size());
        robot.clickOn("#export-pdf");
        waitUntil(() -> Files.exists(pdf) && !view.viewModel().busyProperty().get());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Cover proposal"));
            assertTrue(text.contains("Chan Tai Man"));
        }
        assertEquals(1, app.proposalStore().proposals(view.viewModel().planIdProperty().get()).size());

        // the screen follows the language setting
        robot.interact(() -> ctx.settings().langProperty().set(Lang.ZH_HK));
        assertEquals("匯出 PDF 建議書…", robot.lookup("#export-pdf").queryAs(Button.class).getText());
        assertTrue(text(robot, "#episode-totals").contains("客戶自付"));
        ComboBox<?> sex = robot.lookup("#f-sex").queryAs(ComboBox.class);
        assertNotNull(sex.getValue());
    }
}
