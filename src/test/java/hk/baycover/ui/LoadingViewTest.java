package hk.baycover.ui;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.ui.common.Settings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first frame's loading view (real scenes, headless): the loading text in the reader's language, no Control in it
 * (so Modena is not loaded before the first frame), and the colours a Modena label on the window's background has.
 */
@ExtendWith(ApplicationExtension.class)
class LoadingViewTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void showsTheLoadingTextInEachLanguageWithoutAnyControl() {
        for (Lang lang : Lang.values()) {
            Parent view = BayCoverApp.loadingView(lang);
            List<Node> nodes = all(view);
            assertFalse(nodes.stream().anyMatch(n -> n instanceof Control), "no Control in the loading view: " + nodes);
            Text text = (Text) view.lookup("#startup-loading");
            assertEquals(I18n.get(lang, "startup.loading"), text.getText());
        }
    }

    @Test
    void looksAsAModenaLabelOnTheWindowBackgroundDoes() {
        AtomicReference<Object[]> seen = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            // the loading view in a scene with the app's stylesheet and text size, as BayCoverApp shows it
            Parent view = BayCoverApp.loadingView(Lang.ZH_HK);
            Scene scene = new Scene(view, 300, 200);
            Styles.apply(scene, new Settings());
            view.applyCss();
            Text text = (Text) view.lookup("#startup-loading");
            // read now: the first Control made below loads Modena if this JVM has none yet, and that restyles every scene
            Object[] loading = {text.getFill(), background((Region) view), text.getFontSmoothingType(), text.getFont()};
            // a Modena label at the root of a scene of its own, with the same stylesheet
            Label label = new Label("x");
            StackPane root = new StackPane(label);
            Scene modena = new Scene(root, 300, 200);
            Styles.apply(modena, new Settings());
            root.applyCss();
            Node labelText = label.lookup(".text");
            seen.set(new Object[]{loading[0], label.getTextFill(), loading[1], background(root), loading[2],
                    ((Text) labelText).getFontSmoothingType(), loading[3], label.getFont()});
        });
        Object[] s = seen.get();
        assertEquals(s[1], s[0], "text colour");
        assertEquals(String.valueOf(s[3]), String.valueOf(s[2]), "window background (8 bits a channel)");
        assertEquals(FontSmoothingType.LCD, s[5]);
        assertEquals(s[5], s[4], "smoothing");
        assertEquals(s[7], s[6], "font (family and the text-size setting)");
        assertTrue(((javafx.scene.paint.Color) s[0]).getBrightness() < 0.3, "dark text: " + s[0]);
    }

    private static Paint background(Region r) {
        assertFalse(r.getBackground() == null || r.getBackground().getFills().isEmpty(), "a background on " + r);
        return r.getBackground().getFills().get(0).getFill();
    }

    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        if (n instanceof Parent p) for (Node k : p.getChildrenUnmodifiable()) out.addAll(all(k));
        return out;
    }
}
