package hk.baycover.ui;

import hk.baycover.ui.common.Settings;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;

import java.util.Locale;

/** The stylesheet and the larger-text setting (the root font size scales every em-based size). */
public final class Styles {
    public static final double BASE_FONT_PX = 14;

    private Styles() {
    }

    public static void apply(Scene scene, Settings settings) {
        scene.getStylesheets().add(Styles.class.getResource("/hk/baycover/ui/baycover.css").toExternalForm());
        scene.rootProperty().addListener((o, a, root) -> bindFont(root, settings));
        bindFont(scene.getRoot(), settings);
    }

    private static void bindFont(javafx.scene.Parent root, Settings settings) {
        if (root == null) return;
        root.styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * settings.fontScaleProperty().get()),
                settings.fontScaleProperty()));
    }
}
