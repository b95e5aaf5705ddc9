package hk.baycover.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import org.controlsfx.control.CheckComboBox;

/**
 * Drop-downs that cost little until they are opened. JavaFX's combo-box skin keeps its pop-up list inside the scene
 * graph from the start, as a hidden child, so that the list is styled and can be measured before it is ever shown: a
 * closed drop-down carries a second, fully skinned list (scroll bars, cells) through every CSS pass. On a form with
 * thirty drop-downs that is half of its nodes. {@link #lean} takes the list out of the closed control and puts it back,
 * styled, just before the pop-up first opens, which is where JavaFX then takes it from. The control
 * is then as wide as its shown value (at least 100 px) instead of its widest item, so a lean drop-down should fill a
 * column or have a width of its own, which keeps a form from shifting when a value changes.
 */
public final class Dropdowns {
    private Dropdowns() {
    }

    /** Keeps the pop-up list of {@code combo} out of the scene until it is first opened; returns {@code combo}. */
    public static <T> ComboBox<T> lean(ComboBox<T> combo) {
        dropList(combo.getSkin());
        combo.skinProperty().addListener((o, old, skin) -> dropList(skin));
        // before the pop-up first shows, the list is styled where JavaFX expects it, so it opens at its full size (this
        // listener comes before the skin's, which is made later, so it runs before the skin shows the pop-up)
        combo.showingProperty().addListener((o, was, now) -> {
            if (now) restoreList(combo.getSkin());
        });
        return combo;
    }

    /** The same for a check drop-down, whose skin holds an ordinary combo box. */
    public static <T> CheckComboBox<T> lean(CheckComboBox<T> combo) {
        leanInner(combo.getSkin());
        combo.skinProperty().addListener((o, old, skin) -> leanInner(skin));
        return combo;
    }

    private static void leanInner(Skin<?> skin) {
        if (!(skin instanceof javafx.scene.control.SkinBase<?> base)) return;
        for (Node n : base.getChildren()) if (n instanceof ComboBox<?> inner) Fit.dropDown(lean(inner));
    }

    private static void restoreList(Skin<?> skin) {
        if (skin instanceof ComboBoxListViewSkin<?> s) {
            Node list = s.getPopupContent();
            if (list != null && list.getParent() == null) {
                s.getChildren().add(list);
                list.applyCss();
            }
        }
    }

    private static void dropList(Skin<?> skin) {
        if (skin instanceof ComboBoxListViewSkin<?> s) {
            Node list = s.getPopupContent();
            // still a hidden child only while the pop-up has never been shown
            if (list != null && list.getParent() == s.getSkinnable()) s.getChildren().remove(list);
        }
    }
}
