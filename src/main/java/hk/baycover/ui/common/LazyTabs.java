package hk.baycover.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Tab content that joins the scene when its tab is first chosen. The content exists (and follows its model) from the
 * start, but a node in an unchosen tab still takes CSS and layout passes; leaving it out until it is wanted lets a
 * screen open with the work of its first tab alone (issue 12, "a screen opens in ≤ 300 ms"). Content that is costly to
 * build at all is built when its tab is first chosen ({@link #buildOnFirstSelect}).
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

    /**
     * Builds the content of {@code tab} the first time the tab is chosen (at once if it is chosen now), for panes whose
     * nodes, charts and listeners cost the screen's first open more than they are worth before they are looked at.
     * {@code build} gets the content up to date with its model itself.
     */
    public static void buildOnFirstSelect(Tab tab, java.util.function.Supplier<? extends Node> build) {
        if (tab.isSelected()) {
            tab.setContent(build.get());
            return;
        }
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && tab.getContent() == null) tab.setContent(build.get());
        });
    }
}
