package hk.baycover.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Tab content that joins the scene when its tab is first chosen. The content exists (and follows its model) from the
 * start, but a node in an unchosen tab still takes CSS and layout passes; leaving it out until it is wanted lets a
 * screen open with the work of its first tab alone (issue 12, "a screen opens in ≤ 300 ms").
 */
public final class LazyTabs {
    private LazyTabs() {
    }

    /** Shows {@code content} in {@code tab} from the first time the tab is chosen (at once if it is chosen now). */
    public static void attachOnFirstSelect(Tab tab, Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return;
        }
        tab.selectedProperty().addListener((o, was, now) -> {
            if (!now || tab.getContent() != null) return;
            // drop-downs drawn before a language switch show the language of now
            Localize.redraw(content);
            tab.setContent(content);
        });
    }
}
