package hk.baycover.ui.plan;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.ShenzhenDistrict;
import hk.baycover.planning.PlanTestData;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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

import java.nio.file.Path;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile form (real screen, headless). The Shenzhen district: shown only while the client lives in Shenzhen,
 * reached with Tab after the city, named in the reader's language after a switch, and a district left for a client who
 * now lives elsewhere is a message in words (never an enum code), not silently kept. Opened in a window that is
 * already showing, the form's first frame carries its first sections and the needs and money sections join in the next
 * pulse.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileFormTest {

    @TempDir
    static Path dir;
    static BayCover app;
    static FxTaskRunner background;
    Settings settings;
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
        settings = new Settings();
        settings.langProperty().set(Lang.EN);
        view = new PlanView(new UiContext(app, settings, background));
        Scene scene = new Scene(view, 1100, 760);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    static Predicate<Node> cell(String text) {
        return n -> n instanceof ListCell && text.equals(((ListCell<?>) n).getText()) && n.isVisible();
    }

    void choose(FxRobot robot, String comboId, String text) {
        Node combo = robot.lookup(comboId).query();
        robot.interact(() -> view.form().reveal(combo));
        robot.clickOn(comboId);
        ListView<?> popup = robot.lookup(n -> n instanceof ListView && n.getScene() != view.getScene() && n.isVisible()).queryAs(ListView.class);
        // (cells are looked for in the pop-up only: a drop-down's shown value on the form is a list cell too)
        for (int i = 0; robot.from(popup).lookup(cell(text)).tryQuery().isEmpty() && i < popup.getItems().size(); i += 5) {
            int row = i;
            robot.interact(() -> popup.scrollTo(row));
        }
        int index = ((ListCell<?>) robot.from(popup).lookup(cell(text)).query()).getIndex();
        robot.interact(() -> popup.scrollTo(index));
        Node wanted = robot.from(popup).lookup(cell(text)).query();
        robot.clickOn(wanted);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String error(FxRobot robot) {
        return robot.lookup("#e-district").queryAs(Label.class).getText();
    }

    @Test
    void theDistrictIsOnlyForAClientWhoLivesInShenzhen(FxRobot robot) {
        ProfileForm form = view.form();
        ComboBox<?> district = robot.lookup("#f-district").queryAs(ComboBox.class);
        assertFalse(district.isVisible() || district.isManaged(), "an empty form: no district");
        assertEquals("", error(robot), "nothing is checked on an untouched form");

        // the rest of a valid client, typed in without leaving a field (so nothing shows yet)
        robot.interact(() -> {
            form.age.setText("70");
            form.sex.setValue(hk.baycover.model.Sex.F);
            form.residency.setValue(hk.baycover.model.ResidencyStatus.HK_PERMANENT_RESIDENT);
            form.needs.get(hk.baycover.model.Need.INPATIENT).setValue("MUST_HAVE");
        });
        choose(robot, "#f-livesIn", "Lives in Hong Kong, crosses north for care");
        assertFalse(district.isVisible(), "a client in Hong Kong has no district");
        assertTrue(form.profileProperty().get() != null && form.profileProperty().get().district() == null, "valid without one: " + form.problems());
        choose(robot, "#f-livesIn", "Lives in Shenzhen");
        assertTrue(district.isVisible() && district.isManaged(), "shown for a client who lives in Shenzhen");
        assertEquals("Not given", district.getButtonCell().getText());

        // reached with the keyboard, in reading order: lives in, city, district
        robot.interact(() -> form.livesIn.requestFocus());
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(form.city.isFocused(), "focus on " + view.getScene().getFocusOwner());
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(district.isFocused(), "Tab moves from the city to the district; focus on " + view.getScene().getFocusOwner());

        choose(robot, "#f-district", "Nanshan");
        assertEquals(ShenzhenDistrict.NANSHAN, form.profileProperty().get() == null ? null : form.profileProperty().get().district(),
                "the district is part of the client: " + form.problems());

        // the Plans screen names the designated hospitals in Nanshan first, then the rest of Shenzhen
        robot.clickOn("#tab-plan");
        Label nearby = robot.lookup("#nearby").queryAs(Label.class);
        assertTrue(nearby.isVisible(), "shown once a district is known");
        assertTrue(nearby.getText().startsWith("In Nanshan, where you live: Shenzhen Qianhai Shekou Free Trade Zone Hospital; "
                + "Shenzhen Qianhai Taikang Hospital\nElsewhere in Shenzhen: "), nearby.getText());
        robot.interact(() -> settings.langProperty().set(Lang.ZH_HK));
        assertTrue(nearby.getText().startsWith("在你所住的南山區：深圳市前海蛇口自貿區醫院、深圳前海泰康醫院\n深圳其他地區："), nearby.getText());
        robot.interact(() -> settings.langProperty().set(Lang.EN));
        robot.clickOn("#tab-profile");

        // every language names it, and the switch redraws the drop-down at once
        robot.interact(() -> settings.langProperty().set(Lang.ZH_HK));
        assertEquals("南山區", district.getButtonCell().getText());
        robot.interact(() -> settings.langProperty().set(Lang.ZH_CN));
        assertEquals("南山区", district.getButtonCell().getText());
        robot.interact(() -> settings.langProperty().set(Lang.EN));
        assertEquals("Nanshan", district.getButtonCell().getText());

        // the client moves to Hong Kong: the district stays in sight with a message in words until it is cleared
        choose(robot, "#f-livesIn", "Lives in Hong Kong, crosses north for care");
        assertTrue(district.isVisible(), "a chosen district is never dropped unseen");
        assertNull(form.profileProperty().get(), "not silently kept");
        robot.interact(() -> form.livesIn.requestFocus());
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        String en = error(robot);
        assertTrue(en.contains("only for a client who lives in Shenzhen") && en.contains("Nanshan")
                && en.contains("Lives in Hong Kong, crosses north for care"), en);
        assertFalse(en.contains("NANSHAN") || en.contains("HONG_KONG") || en.contains("planui."), "no codes or keys: " + en);
        robot.interact(() -> settings.langProperty().set(Lang.ZH_HK));
        assertTrue(error(robot).contains("只有居於深圳") && error(robot).contains("南山區"), error(robot));
        robot.interact(() -> settings.langProperty().set(Lang.ZH_CN));
        assertTrue(error(robot).contains("只有居于深圳") && error(robot).contains("南山区"), error(robot));
        robot.interact(() -> settings.langProperty().set(Lang.EN));

        // cleared: the row goes, the message goes, the client is whole again
        choose(robot, "#f-district", "Not given");
        assertFalse(district.isVisible());
        assertEquals("", error(robot));
        assertSame(LivingPlace.HONG_KONG, form.livesIn.getValue());
        assertTrue(form.profileProperty().get() != null && form.profileProperty().get().district() == null, "whole again: " + form.problems());
        robot.clickOn("#tab-plan");
        assertFalse(robot.lookup("#nearby").queryAs(Label.class).isVisible(), "no district and no 港澳藥械通 need: nothing to list");
    }

    @Test
    void openedInAShowingWindowTheLowerSectionsJoinInThePulseAfterTheFirst(FxRobot robot) throws Exception {
        PlanView[] fresh = new PlanView[1];
        boolean[] completeAtOnce = new boolean[1];
        Node[] needAtOnce = new Node[1];
        robot.interact(() -> {
            fresh[0] = new PlanView(new UiContext(app, settings, background));
            view.getScene().setRoot(new javafx.scene.layout.StackPane(fresh[0]));
            completeAtOnce[0] = fresh[0].form().complete();
            needAtOnce[0] = fresh[0].lookup("#f-need-INPATIENT");
        });
        assertFalse(completeAtOnce[0], "opened into a showing window, the form starts with its first sections");
        assertNull(needAtOnce[0]);
        assertTrue(robot.lookup("#f-name").tryQuery().isPresent(), "the first section is there at once");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fresh[0].form().complete());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#f-need-INPATIENT").tryQuery().isPresent());
        assertTrue(robot.lookup("#f-budget").tryQuery().isPresent());
        assertTrue(robot.lookup("#e-needs").tryQuery().isPresent(), "the needs' message row joins with them");
    }
}
