package hk.baycover.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Callback;

/**
 * The language switch reaches every control at once: a drop-down's shown value and list are re-drawn in the new
 * language (their cells draw text when the value changes, not when the language does), and an empty table or list says
 * so in the user's language (JavaFX's own placeholder is English).
 */
public final class Localize {
    private Localize() {
    }

    /** Re-draws every drop-down under {@code root} (after a language switch). */
    public static void redraw(Node root) {
        walk(root, n -> {
            if (n instanceof ComboBox<?> c) redraw(c);
            if (n instanceof org.controlsfx.control.CheckComboBox<?> c) redraw(c);
        });
    }

    private static <T> void redraw(ComboBox<T> c) {
        ListCell<T> button = c.getButtonCell();
        Callback<ListView<T>, ListCell<T>> cells = c.getCellFactory();
        if (cells != null) {
            c.setCellFactory(null);
            c.setCellFactory(cells);
        }
        if (button != null) {
            c.setButtonCell(null);
            c.setButtonCell(button);
        }
    }

    private static <T> void redraw(org.controlsfx.control.CheckComboBox<T> c) {
        javafx.util.StringConverter<T> conv = c.getConverter();
        c.setConverter(null);
        c.setConverter(conv);
        // the shown text follows the checked items: touch them so it is drawn again with the converter
        java.util.List<Integer> checked = java.util.List.copyOf(c.getCheckModel().getCheckedIndices());
        if (!checked.isEmpty()) {
            int first = checked.get(0);
            c.getCheckModel().clearCheck(first);
            c.getCheckModel().check(first);
        }
    }

    /** Gives every table and list under {@code root} without a placeholder one in the user's language. */
    public static void placeholders(Node root, Tr tr) {
        walk(root, n -> {
            if (n instanceof TableView<?> t && t.getPlaceholder() == null && !t.placeholderProperty().isBound()) t.setPlaceholder(placeholder(tr));
            if (n instanceof ListView<?> l && l.getPlaceholder() == null && !l.placeholderProperty().isBound()) l.setPlaceholder(placeholder(tr));
        });
    }

    private static Label placeholder(Tr tr) {
        Label l = new Label();
        l.textProperty().bind(tr.bind("ui.empty"));
        l.getStyleClass().add("muted");
        return l;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> action) {
        action.accept(n);
        if (n instanceof ScrollPane s && s.getContent() != null) walk(s.getContent(), action);
        if (n instanceof TabPane tp) for (Tab t : tp.getTabs()) if (t.getContent() != null) walk(t.getContent(), action);
        if (n instanceof javafx.scene.control.SplitPane sp) for (Node i : sp.getItems()) walk(i, action);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, action);
    }
}
