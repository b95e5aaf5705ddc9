package hk.baycover.ui.home;

import hk.baycover.model.Catalog;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.Fit;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.shell.MainWindow;
import hk.baycover.ui.shell.Screen;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The first page: what BayCover does in three lines, three ways in (look up a drug or device, compare products, plan
 * for a client), the data's as-of date and how much of the official lists the data names (read in the background).
 */
public final class HomeView extends VBox {

    private final UiContext ctx;
    private final VBox coverage = new VBox(4);
    private final Activity loading;

    public HomeView(UiContext ctx) {
        this.ctx = ctx;
        this.loading = ctx.activity();
        setId("home-view");
        // a plain box: the main window scrolls a screen that needs more room than the window has (a scroll pane of its
        // own here would be a second one, with its scroll bars, in the first screen's CSS and layout passes)
        javafx.scene.layout.StackPane.setAlignment(this, Pos.TOP_LEFT);

        Label title = label("home.title", "screen-title");
        VBox lines = new VBox(4, wrap(label("home.line1", null)), wrap(label("home.line2", null)), wrap(label("home.line3", null)));

        Label waysTitle = label("home.ways", "section-title");
        FlowPane ways = new FlowPane(12, 12, way("home-lookup", "home.lookup", "home.lookup.hint", Screen.LOOKUP),
                way("home-compare", "home.compare", "home.compare.hint", Screen.COMPARE),
                way("home-plan", "home.plan", "home.plan.hint", Screen.PLANS));

        Label dataTitle = label("home.data", "section-title");
        Label asOf = new Label();
        asOf.setId("home-as-of");
        asOf.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Catalog c = ctx.catalog();
            return c.datasets().isEmpty() ? ctx.tr().get("status.noData")
                    : ctx.tr().get("home.asOf", c.asOf().map(Object::toString).orElse("—"), c.datasets().size());
        }, ctx.catalogProperty(), ctx.tr().langProperty()));
        Fit.wrap(asOf);
        coverage.setId("home-coverage");

        setSpacing(14);
        getChildren().setAll(title, lines, waysTitle, ways, dataTitle, asOf, coverage);
        setPadding(new Insets(24));
        setMaxWidth(60 * hk.baycover.ui.Styles.BASE_FONT_PX);

        ctx.catalogProperty().addListener((o, a, b) -> loadCoverage());
        ctx.tr().langProperty().addListener((o, a, b) -> loadCoverage());
        loadCoverage();
    }

    private Node way(String id, String key, String hintKey, Screen target) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        b.getStyleClass().add("home-way");
        b.setOnAction(e -> {
            for (Node n = this; n != null; n = n.getParent()) {
                if (n instanceof MainWindow w) {
                    w.show(target);
                    return;
                }
            }
        });
        Label hint = wrap(label(hintKey, "muted"));
        hint.setMaxWidth(18 * hk.baycover.ui.Styles.BASE_FONT_PX);
        VBox card = new VBox(6, b, hint);
        card.setAlignment(Pos.TOP_LEFT);
        card.getStyleClass().add("home-card");
        card.setPadding(new Insets(12));
        return card;
    }

    /**
     * How much of each official list the data names, from the tallies kept at import (read in the background; the
     * same figures as {@code info} and the Data screen, without reading and parsing every pack).
     */
    private void loadCoverage() {
        if (ctx.app() == null) return;
        List<String> ids = ctx.catalog().datasets().stream().map(DatasetInfo::id).toList();
        LocalDate today = ctx.today();
        loading.replace(m -> {
            List<Freshness.CoverageFigure> out = new ArrayList<>();
            for (String id : ids) out.addAll(ctx.app().catalogStore().freshness(id, today).coverage());
            return out;
        }, figures -> {
            List<Node> rows = new ArrayList<>();
            for (Freshness.CoverageFigure c : figures) {
                rows.add(wrap(new Label("• " + ctx.tr().get("data.freshness.coverage", ctx.tr().get("coverage.list." + c.key()), c.named(), c.total(),
                        c.asOf().value()))));
            }
            coverage.getChildren().setAll(rows);
        });
    }

    private Label label(String key, String style) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        if (style != null) l.getStyleClass().add(style);
        return l;
    }

    private static Label wrap(Label l) {
        return Fit.wrap(l);
    }
}
