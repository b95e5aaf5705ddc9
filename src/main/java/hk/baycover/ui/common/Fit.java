package hk.baycover.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Text that shows whole at every text size: a control's label is never cut to "…". A labeled control that wraps gets
 * the height its wrapped text needs; one that does not wrap keeps the width of its text (its container wraps or
 * scrolls instead of cutting it). Screens call {@link #sweep(Node)} on what they show; table and list cells are left to
 * their own columns.
 */
public final class Fit {
    private Fit() {
    }

    /** A label that wraps within its container and is never cut in height. */
    public static <T extends Labeled> T wrap(T l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Applies the rules to every labeled control under {@code root} (not inside cells). */
    public static void sweep(Node root) {
        if (root instanceof Cell) return;
        if (root instanceof Labeled l) {
            String text = l.getText() == null ? "" : l.getText();
            if (!l.isWrapText() && l instanceof javafx.scene.control.Label && ems(text) > 40 && !l.wrapTextProperty().isBound()) {
                // a sentence wraps (kept whole, it would widen the screen beyond the window)
                l.setWrapText(true);
                if (!l.minWidthProperty().isBound()) l.setMinWidth(Region.USE_COMPUTED_SIZE);
            }
            if (l.isWrapText()) {
                if (!l.minHeightProperty().isBound()) l.setMinHeight(Region.USE_PREF_SIZE);
            } else if (!l.minWidthProperty().isBound()) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        if (root instanceof javafx.scene.control.ComboBoxBase<?> c) dropDown(c);
        if (root instanceof ScrollPane s && s.getContent() != null) sweep(s.getContent());
        if (root instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) sweep(c);
    }

    /**
     * The drop-down rule: a drop-down may be narrower than its longest choice (the list shows them whole), so it never
     * widens the screen. {@link #sweep} applies it after the first layout; a screen that applies it when it makes the
     * drop-down spares the restyling that a later change of style costs.
     */
    public static <T extends javafx.scene.control.ComboBoxBase<?>> T dropDown(T c) {
        if (!c.minWidthProperty().isBound() && c.getMinWidth() == Region.USE_COMPUTED_SIZE) c.setMinWidth(8 * hk.baycover.ui.Styles.BASE_FONT_PX);
        // once its list has been shown (or redrawn) a drop-down would take the width of its longest choice: capped
        String style = c.getStyle() == null ? "" : c.getStyle();
        if (!style.contains("-fx-max-width") && !c.styleProperty().isBound()) c.setStyle(style + " -fx-max-width: 24em;");
        return c;
    }

    /** A text's width in ems, roughly: a CJK character is one em, a Latin letter or digit about 0.62. */
    public static double ems(String s) {
        double w = 0;
        if (s == null) return 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x2E80 ? 1.0 : 0.62;
            i += Character.charCount(cp);
        }
        return w;
    }
}
