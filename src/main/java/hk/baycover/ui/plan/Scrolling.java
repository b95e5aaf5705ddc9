package hk.baycover.ui.plan;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/** Keeps the focused control in view inside scrolling panes, so keyboard users always see the field they are in. */
final class Scrolling {
    private Scrolling() {
    }

    /** Scrolls the nearest enclosing ScrollPane so that {@code n} is visible (a third from the top when it moves). */
    static void reveal(Node n) {
        if (n == null) return;
        Parent p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) p = p.getParent();
        if (!(p instanceof ScrollPane)) return;
        ScrollPane sp = (ScrollPane) p;
        Node content = sp.getContent();
        if (content == null) return;
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Bounds c = content.localToScene(content.getBoundsInLocal());
        double y = b.getMinY() - c.getMinY();
        double viewport = sp.getViewportBounds().getHeight();
        double h = content.getBoundsInLocal().getHeight();
        if (h <= viewport) return;
        double top = sp.getVvalue() * (h - viewport);
        if (y < top || y + b.getHeight() > top + viewport) {
            sp.setVvalue(Math.max(0, Math.min(1, (y - viewport / 3) / (h - viewport))));
        }
    }
}
