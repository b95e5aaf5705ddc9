package hk.baycover.ui.plan;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Reason;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import java.util.List;
import java.util.function.Function;

/** What the panes of the Plans screen share: labels, buttons, table columns, product names and reasons in the screen's language. */
final class PlanPanes {

    private PlanPanes() {
    }

    static Label label(UiContext ctx, String key) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        return l;
    }

    static Label section(UiContext ctx, String key) {
        Label l = label(ctx, key);
        l.getStyleClass().add("section-title");
        return l;
    }

    static Button button(UiContext ctx, String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        b.accessibleTextProperty().bind(ctx.tr().bind(key));
        return b;
    }

    static String name(UiContext ctx, String productId) {
        return ctx.catalog().product(productId).map(p -> p.name().get(ctx.tr().lang())).orElse(productId);
    }

    static String reasons(UiContext ctx, List<Reason> rs) {
        return hk.baycover.compare.Format.clauses(ctx.tr().lang(), rs.stream().map(r -> I18n.reason(ctx.tr().lang(), r)).toList());
    }

    static String sampleMark(UiContext ctx, String productId) {
        return ctx.catalog().product(productId).map(p -> (p.sample() || p.premiums().sample() ? "  [" + ctx.tr().get("sample.badge") + "]" : "")
                + (hk.baycover.model.Freshness.stale(p, ctx.today()) ? "  [" + ctx.tr().get("stale.badge") + "]" : "")).orElse("");
    }

    static <T> TableColumn<T, String> column(UiContext ctx, String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(ctx.tr().bind(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> f;

        TextCell(Function<T, String> f) {
            this.f = f;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : f.apply(item));
        }
    }

}
