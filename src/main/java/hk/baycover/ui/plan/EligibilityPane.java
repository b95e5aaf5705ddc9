package hk.baycover.ui.plan;

import hk.baycover.model.EligibilityResult;
import hk.baycover.model.Reason;
import hk.baycover.planning.PlanReport;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.List;
import java.util.function.Function;

/** The eligibility tab: every catalog product with the client's verdict and its reasons; an eligible one can be added to the plan. */
final class EligibilityPane extends VBox {

    private final UiContext ctx;
    private final PlanViewModel vm;
    private final TableView<EligibilityResult> eligibility = new TableView<>();

    EligibilityPane(UiContext ctx, PlanViewModel vm) {
        super(8);
        this.ctx = ctx;
        this.vm = vm;

        eligibility.setId("eligibility");
        eligibility.accessibleTextProperty().bind(ctx.tr().bind("planui.tab.eligibility"));
        eligibility.getColumns().add(column("planui.col.product", (EligibilityResult e) -> name(e.productId()) + sampleMark(e.productId())));
        eligibility.getColumns().add(column("planui.col.layer", (EligibilityResult e) ->
                ctx.catalog().product(e.productId()).map(p -> ctx.tr().name(p.layer())).orElse("")));
        eligibility.getColumns().add(column("planui.col.eligible", (EligibilityResult e) -> ctx.tr().get(e.eligible() ? "pdf.eligible" : "pdf.notEligible")));
        eligibility.getColumns().add(column("planui.col.age", (EligibilityResult e) -> e.ageUsed() + " (" + ctx.tr().name(e.ageBasis()) + ")"));
        eligibility.getColumns().add(column("planui.col.reasons", (EligibilityResult e) -> reasons(e.reasons())));
        eligibility.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(eligibility, Priority.ALWAYS);
        Button add = button("add-eligible", "planui.addToPlan");
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> eligibility.getSelectionModel().getSelectedItem() == null
                || !eligibility.getSelectionModel().getSelectedItem().eligible(), eligibility.getSelectionModel().selectedItemProperty()));
        add.setOnAction(e -> vm.add(eligibility.getSelectionModel().getSelectedItem().productId()));
        Label hint = label("planui.eligibilityHint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
                getChildren().addAll(hint, eligibility, add);
        setPadding(new Insets(10));
    }

    /** Shows the current report's verdicts. */
    void refresh() {
        PlanReport r = vm.reportProperty().get();
        eligibility.getItems().setAll(r == null ? List.of() : r.eligibility());
        eligibility.refresh();
    }

    private Label label(String key) { return PlanPanes.label(ctx, key); }

    private Button button(String id, String key) { return PlanPanes.button(ctx, id, key); }

    private String name(String productId) { return PlanPanes.name(ctx, productId); }

    private String reasons(List<Reason> rs) { return PlanPanes.reasons(ctx, rs); }

    private String sampleMark(String productId) { return PlanPanes.sampleMark(ctx, productId); }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) { return PlanPanes.column(ctx, key, value); }
}
