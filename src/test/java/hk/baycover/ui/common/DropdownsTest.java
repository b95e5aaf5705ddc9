package hk.baycover.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lean drop-downs (real scene, headless): a closed drop-down carries no hidden list through the scene's CSS passes, and
 * its pop-up still opens with every choice, at full size, and chooses by mouse and keyboard; a check drop-down the
 * same.
 */
@ExtendWith(ApplicationExtension.class)
class DropdownsTest {

    ComboBox<String> plain;
    ComboBox<String> lean;
    CheckComboBox<String> checks;

    @Start
    void start(Stage stage) {
        List<String> cities = List.of("Shenzhen", "Guangzhou", "Zhuhai", "Foshan", "Dongguan", "Zhongshan", "Jiangmen", "Huizhou",
                "Zhaoqing", "Hong Kong", "Macao");
        plain = new ComboBox<>();
        plain.getItems().setAll(cities);
        lean = Dropdowns.lean(new ComboBox<>());
        lean.setId("lean");
        lean.getItems().setAll(cities);
        checks = Dropdowns.lean(new CheckComboBox<>());
        checks.setId("checks");
        checks.getItems().setAll(cities);
        stage.setScene(new Scene(new VBox(8, plain, lean, checks), 400, 300));
        stage.show();
    }

    static java.util.function.Predicate<Node> cell(String text) {
        return n -> n instanceof ListCell<?> c && text.equals(c.getText()) && n.isVisible();
    }

    static int lists(Node n) {
        int c = n instanceof ListView ? 1 : 0;
        if (n instanceof Parent p) for (Node k : p.getChildrenUnmodifiable()) c += lists(k);
        return c;
    }

    @Test
    void aClosedLeanDropDownHoldsNoListAndStillChoosesByMouseAndKeyboard(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, lists(plain), "JavaFX's own drop-down keeps its list in the scene (what lean saves)");
        assertEquals(0, lists(lean));
        assertEquals(0, lists(checks));

        robot.clickOn("#lean");
        ListView<?> popup = robot.lookup(n -> n instanceof ListView && n.getScene() != lean.getScene() && n.isVisible()).queryAs(ListView.class);
        assertEquals(11, popup.getItems().size());
        assertTrue(popup.getHeight() > 5 * 20, "the pop-up opens at full size, not empty: " + popup.getHeight());
        Node zhuhai = robot.from(popup).lookup(cell("Zhuhai")).query();
        robot.clickOn(zhuhai);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Zhuhai", lean.getValue());
        assertFalse(lean.isShowing());

        // the keyboard: the next choice with the arrow key, as with JavaFX's own drop-down
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Foshan", lean.getValue());
    }

    @Test
    void aLeanCheckDropDownOpensWithEveryChoiceAndChecks(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#checks");
        ListView<?> popup = robot.lookup(n -> n instanceof ListView && n.getScene() != checks.getScene() && n.isVisible()).queryAs(ListView.class);
        assertEquals(11, popup.getItems().size());
        robot.interact(() -> popup.scrollTo(10));
        Node macao = robot.from(popup).lookup(cell("Macao")).query();
        robot.clickOn(macao);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Macao"), List.copyOf(checks.getCheckModel().getCheckedItems()));
        robot.type(KeyCode.ESCAPE);
    }
}
