package hk.baycover.ui.plan;

import hk.baycover.app.BayCover;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.MoneyRange;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.TermState;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PlanTestData;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Enter the insurer's answer…" on the real plan screen (headless Monocle, a real data folder with the shipped packs):
 * a premium the catalog does not publish becomes a quoted one, and the confirmed terms narrow what the client may pay.
 */
@ExtendWith(ApplicationExtension.class)
class QuoteEntryViewTest {

    static final String PRODUCT = "fwd-cross-border-premier-medical";

    @TempDir
    static Path dir;
    static BayCover app;
    static FxTaskRunner background;
    PlanView view;

    @BeforeAll
    static void data() {
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
        UiContext ctx = new UiContext(app, settings, background);
        view = new PlanView(ctx);
        Scene scene = new Scene(view, 1100, 760);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anInsurersAnswerPricesTheProductAndNarrowsTheRange(FxRobot robot) throws Exception {
        ClientProfile client = new ClientProfile(null, null, null, null, 62, Sex.F, false, ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.SHENZHEN,
                null, SzInsurance.NONE, null, false, false, false, true, List.of(), null, List.of(), null, List.of(),
                Map.of(Need.INPATIENT, Priority.MUST_HAVE), null, 5, null);
        robot.interact(() -> {
            view.viewModel().clientProperty().set(client);
            view.viewModel().products().setAll(List.of(PRODUCT));
            view.viewModel().runs().setAll(List.of(ScenarioRun.of("inpatient-5d-hku-szh")));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> report() != null && !report().episodes().isEmpty());
        assertEquals(TermState.UNKNOWN, report().projection().stateOf(PRODUCT), "no published premium: to be quoted");
        MoneyRange before = report().episodes().get(0).totalOutOfPocket();

        // on the plan's tab, choose the product, open the dialog, make a mistake first: the dialog says which field and
        // stays open
        robot.clickOn("#tab-plan");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> products = robot.lookup("#plan-products").queryAs(ListView.class);
        robot.interact(() -> {
            view.reveal(products);
            products.getSelectionModel().select(0);
        });
        Node enter = robot.lookup("#enter-quote").query();
        robot.interact(() -> view.reveal(enter));
        assertTrue(!enter.isDisabled(), "a product is chosen: the button is on");
        // the dialog waits for the answer in a nested event loop: fire the button without waiting for it to return
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.Button) enter).fire());
        // the dialog is its own window: wait until it is showing
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#quote-premium-amount").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing() && n.isVisible())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#quote-premium-amount").write("about 18k");
        robot.clickOn("#quote-ok");
        WaitForAsyncUtils.waitForFxEvents();
        String errors = robot.lookup("#quote-errors").queryAs(Label.class).getText();
        assertTrue(errors.contains("Premium: enter an amount"), errors);
        assertTrue(view.viewModel().quotes().isEmpty());

        // then the insurer's real answer
        robot.doubleClickOn("#quote-premium-amount").eraseText(20).write("18500");
        robot.clickOn("#quote-reference").write("FWD-Q-7781");
        robot.clickOn("#quote-max-age").write("75");
        robot.clickOn("#quote-min-age").write("0");
        robot.clickOn("#quote-deductible").write("0");
        robot.clickOn("#quote-co-insurance").write("0");
        robot.clickOn("#quote-annual").write("800000");
        robot.clickOn("#quote-renewal").write("100");
        robot.clickOn("#quote-waiting").write("30");
        Node network = robot.lookup("#quote-network").query();
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) network).getSelectionModel().select(1));
        robot.clickOn("#quote-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.viewModel().quotes().isEmpty()
                && report().projection().stateOf(PRODUCT) == TermState.QUOTED);

        PlanReport after = report();
        assertEquals(0, after.projection().years().get(0).total().amount().compareTo(new BigDecimal("18500.00")), "the quoted premium counts");
        assertTrue(after.projection().toBeQuoted().isEmpty());
        MoneyRange narrow = after.episodes().get(0).totalOutOfPocket();
        assertTrue(narrow.min().compareTo(before.min()) >= 0 && narrow.max().compareTo(before.max()) <= 0, before + " → " + narrow);
        assertTrue(narrow.isExact(), "every term the episode reads is now published or quoted: " + narrow);
        // the recorded answer is listed, with its date and reference
        ListView<?> quotes = robot.lookup("#quotes").queryAs(ListView.class);
        assertEquals(1, quotes.getItems().size());
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null && c.getText().contains("FWD-Q-7781"))
                .tryQuery().isPresent());
    }

    PlanReport report() {
        return view.viewModel().reportProperty().get();
    }
}
