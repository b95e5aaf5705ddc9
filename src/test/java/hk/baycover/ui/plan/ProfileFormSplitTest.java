package hk.baycover.ui.plan;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.planning.PlanTestData;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans opened in a window that is already showing (real scene, headless): the first frame carries the form's first
 * sections, the needs and money sections join in the next pulse, and the whole form then works as one.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileFormSplitTest {

    @TempDir
    static Path dir;
    static BayCover app;
    static FxTaskRunner background;
    StackPane room;
    Settings settings;

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
        room = new StackPane();
        Scene scene = new Scene(room, 1100, 760);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theLowerSectionsJoinInThePulseAfterTheFirst(FxRobot robot) throws Exception {
        PlanView[] view = new PlanView[1];
        boolean[] completeAtOnce = new boolean[1];
        Object[] needAtOnce = new Object[1];
        robot.interact(() -> {
            view[0] = new PlanView(new UiContext(app, settings, background));
            room.getChildren().setAll(view[0]);
            completeAtOnce[0] = view[0].form().complete();
            needAtOnce[0] = room.lookup("#f-need-INPATIENT");
        });
        assertFalse(completeAtOnce[0], "opened into a showing window, the form starts with its first sections");
        assertNull(needAtOnce[0]);
        assertNotNull(robot.lookup("#f-name").tryQuery().orElse(null), "the first section is there at once");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view[0].form().complete());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#f-need-INPATIENT").tryQuery().orElse(null));
        assertNotNull(robot.lookup("#f-budget").tryQuery().orElse(null));
        assertTrue(robot.lookup("#e-needs").tryQuery().isPresent(), "the needs' message row joins with them");
    }
}
