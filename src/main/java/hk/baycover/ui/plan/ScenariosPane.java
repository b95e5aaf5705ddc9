package hk.baycover.ui.plan;

import hk.baycover.i18n.I18n;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.Scenario;
import hk.baycover.planning.Adjudicator;
import hk.baycover.planning.Amounts;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import hk.baycover.ui.plan.PlanPanes.TextCell;

/**
 * The care episodes tab: run an episode against the plan (when it happens, pre-existing or not), every cost line with
 * who pays what and why, and the user's own copies of episodes (a changed cost, an added line, a new episode).
 */
final class ScenariosPane extends VBox {

    private final UiContext ctx;
    private final PlanViewModel vm;
    private final ComboBox<Scenario> scenarioChoice = new ComboBox<>();
    private final TextField eventDay = new TextField(String.valueOf(ScenarioRun.DEFAULT_EVENT_DAY));
    private final CheckBox preExisting = new CheckBox();
    private final Label episodeTotals = new Label();
    private final TableView<Adjudicator.LineResult> lines = new TableView<>();
    private final TextArea explanation = new TextArea();
    private final TextField editCost = new TextField();
    private final Label scenarioError = new Label();

    ScenariosPane(UiContext ctx, PlanViewModel vm) {
        super(8);
        this.ctx = ctx;
        this.vm = vm;

        scenarioChoice.setId("scenario-choice");
        scenarioChoice.accessibleTextProperty().bind(ctx.tr().bind("planui.scenario"));
        Function<Scenario, String> sText = s -> s.name().get(ctx.tr().lang())
                + (vm.library().isUser(s.id()) ? "  [" + ctx.tr().get(vm.library().isEditedCatalogEpisode(s.id()) ? "cli.scenarios.edited" : "cli.scenarios.user") + "]" : "")
                + (s.sample() || s.lines().stream().anyMatch(CostLine::sample) ? "  [" + ctx.tr().get("sample.badge") + "]" : "");
        scenarioChoice.setCellFactory(v -> new TextCell<>(sText));
        scenarioChoice.setButtonCell(new TextCell<>(sText));
        scenarioChoice.valueProperty().addListener((o, a, b) -> showEpisode());
        eventDay.setId("event-day");
        eventDay.setPrefColumnCount(5);
        eventDay.accessibleTextProperty().bind(ctx.tr().bind("planui.eventDay"));
        preExisting.setId("pre-existing");
        preExisting.textProperty().bind(ctx.tr().bind("planui.preExisting"));
        Button run = button("run-scenario", "planui.run");
        run.disableProperty().bind(scenarioChoice.valueProperty().isNull());
        run.setOnAction(e -> runScenario());
        scenarioError.setId("scenario-error");
        scenarioError.getStyleClass().add("error-text");

        episodeTotals.setId("episode-totals");
        episodeTotals.setWrapText(true);
        lines.setId("episode-lines");
        lines.setPrefHeight(300);
        lines.accessibleTextProperty().bind(ctx.tr().bind("planui.lines"));
        lines.getColumns().add(column("pdf.line", (Adjudicator.LineResult l) -> l.line().description() == null || l.line().description().isEmpty()
                ? ctx.tr().name(l.line().need()) : l.line().description().get(ctx.tr().lang()) + " · " + ctx.tr().name(l.line().need())));
        lines.getColumns().add(column("pdf.cost", (Adjudicator.LineResult l) -> Amounts.format(l.cost(), ctx.tr().lang())
                + (l.line().sample() ? "  [" + ctx.tr().get("sample.badge") + "]" : "")));
        lines.getColumns().add(column("pdf.payments", (Adjudicator.LineResult l) -> String.join(" · ", l.payments().stream()
                .filter(p -> p.max().isPositive())
                .map(p -> name(p.product()) + " " + Amounts.range(p.range(), ctx.tr().lang()) + " (" + ctx.tr().name(p.rule()) + ")").toList())));
        lines.getColumns().add(column("pdf.outOfPocket", (Adjudicator.LineResult l) -> Amounts.range(l.outOfPocket(), ctx.tr().lang())));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> explain(l));
        explanation.setId("line-explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPrefRowCount(7);
        explanation.accessibleTextProperty().bind(ctx.tr().bind("pdf.explanation"));

        editCost.setId("edit-cost");
        editCost.setPrefColumnCount(10);
        editCost.accessibleTextProperty().bind(ctx.tr().bind("planui.newCost"));
        Button applyCost = button("apply-cost", "planui.applyCost");
        applyCost.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        applyCost.setOnAction(e -> applyCost());
        Button revert = button("revert-episode", "planui.revert");
        revert.disableProperty().bind(Bindings.createBooleanBinding(() -> scenarioChoice.getValue() == null
                || !vm.library().isUser(scenarioChoice.getValue().id()), scenarioChoice.valueProperty(), vm.userScenarios()));
        revert.setOnAction(e -> vm.revertScenario(scenarioChoice.getValue().id()));

        // a new line (on the chosen episode, or as a new episode of the user's own)
        ComboBox<Need> need = new ComboBox<>(FXCollections.observableArrayList(Need.values()));
        need.setId("new-line-need");
        need.setCellFactory(v -> new TextCell<>(n -> ctx.tr().name(n)));
        need.setButtonCell(new TextCell<>(n -> ctx.tr().name(n)));
        need.accessibleTextProperty().bind(ctx.tr().bind("pdf.need"));
        ComboBox<Region> region = new ComboBox<>(FXCollections.observableArrayList(Region.values()));
        region.setId("new-line-region");
        region.setValue(Region.SHENZHEN);
        region.setCellFactory(v -> new TextCell<>(n -> ctx.tr().name(n)));
        region.setButtonCell(new TextCell<>(n -> ctx.tr().name(n)));
        region.accessibleTextProperty().bind(ctx.tr().bind("planui.region"));
        TextField desc = new TextField();
        desc.setId("new-line-desc");
        desc.promptTextProperty().bind(ctx.tr().bind("planui.lineDescription"));
        desc.accessibleTextProperty().bind(ctx.tr().bind("planui.lineDescription"));
        TextField amount = new TextField();
        amount.setId("new-line-amount");
        amount.setPrefColumnCount(8);
        amount.promptTextProperty().bind(ctx.tr().bind("pdf.cost"));
        amount.accessibleTextProperty().bind(ctx.tr().bind("pdf.cost"));
        ComboBox<Currency> cur = new ComboBox<>(FXCollections.observableArrayList(Currency.values()));
        cur.setId("new-line-currency");
        cur.setValue(Currency.CNY);
        TextField episodeName = new TextField();
        episodeName.setId("new-episode-name");
        episodeName.promptTextProperty().bind(ctx.tr().bind("planui.newEpisodeName"));
        episodeName.accessibleTextProperty().bind(ctx.tr().bind("planui.newEpisodeName"));
        Button addLine = button("add-line", "planui.addLine");
        addLine.setOnAction(e -> addLine(null, need.getValue(), region.getValue(), desc.getText(), amount.getText(), cur.getValue()));
        Button newEpisode = button("new-episode", "planui.newEpisode");
        newEpisode.setOnAction(e -> addLine(episodeName.getText(), need.getValue(), region.getValue(), desc.getText(), amount.getText(), cur.getValue()));

        FlowPane runRow = new FlowPane(8, 6, scenarioChoice, label("planui.eventDay"), eventDay, preExisting, run);
        runRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane editRow = new FlowPane(8, 6, label("planui.newCost"), editCost, applyCost, revert);
        editRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane addRow = new FlowPane(8, 6, need, region, desc, amount, cur, addLine, episodeName, newEpisode);
        addRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = label("planui.scenarioHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
                getChildren().addAll(hint, runRow, scenarioError, episodeTotals, lines, explanation, section("planui.editEpisode"), editRow,
                addRow);
        setPadding(new Insets(10));
    }

    /** The episodes to choose from (the catalog's and the user's own). */
    void scenariosChanged(List<Scenario> all) {
        Scenario sel = scenarioChoice.getValue();
        scenarioChoice.getItems().setAll(all);
        if (sel != null) all.stream().filter(s -> s.id().equals(sel.id())).findFirst().ifPresent(scenarioChoice::setValue);
    }

    /** Shows the chosen episode of the current report, keeping the selected line. */
    void refresh() {
        Adjudicator.LineResult selected = lines.getSelectionModel().getSelectedItem();
        showEpisode();
        if (selected != null) {
            lines.getItems().stream().filter(l -> l.line().id().equals(selected.line().id())).findFirst().ifPresent(l -> lines.getSelectionModel().select(l));
        }
    }

    private void runScenario() {
        Scenario s = scenarioChoice.getValue();
        int day;
        try {
            day = Integer.parseInt(eventDay.getText().strip());
            if (day < 0 || day > 14600) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            scenarioError.setText(ctx.tr().get("planui.badEventDay"));
            return;
        }
        if (vm.clientProperty().get() == null) {
            scenarioError.setText(ctx.tr().get("planui.fixProfile"));
            return;
        }
        scenarioError.setText("");
        vm.run(s.id(), day, preExisting.isSelected());
    }

    private void applyCost() {
        Adjudicator.LineResult l = lines.getSelectionModel().getSelectedItem();
        Scenario s = scenarioChoice.getValue();
        if (l == null || s == null) return;
        BigDecimal v = PlanViewModel.cost(editCost.getText());
        if (v == null) {
            scenarioError.setText(ctx.tr().get("planui.badCost"));
            return;
        }
        scenarioError.setText("");
        vm.editCost(s.id(), l.line().id(), new Money(v, l.cost().currency()));
    }

    private void addLine(String newEpisode, Need need, Region region, String desc, String amount, Currency cur) {
        List<String> problems = new ArrayList<>();
        if (need == null) problems.add(ctx.tr().get("planui.lineNeed"));
        BigDecimal v = PlanViewModel.cost(amount);
        if (v == null) problems.add(ctx.tr().get("planui.badCost"));
        if (newEpisode != null && newEpisode.isBlank()) problems.add(ctx.tr().get("planui.episodeName"));
        if (newEpisode == null && scenarioChoice.getValue() == null) problems.add(ctx.tr().get("planui.chooseEpisode"));
        if (!problems.isEmpty()) {
            scenarioError.setText(String.join(" ", problems));
            return;
        }
        scenarioError.setText("");
        String text = desc == null || desc.isBlank() ? ctx.tr().name(need) : desc.strip();
        CostLine line = new CostLine("my-line", need, null, region, LocalizedText.of(text, text, text), new Money(v, cur), null, false,
                ctx.tr().get("planui.userLine"));
        vm.addLine(newEpisode == null ? scenarioChoice.getValue().id() : null, newEpisode == null ? null : newEpisode.strip(), line);
    }

    private void showEpisode() {
        Scenario s = scenarioChoice.getValue();
        PlanReport r = vm.reportProperty().get();
        Adjudicator.EpisodeResult e = s == null || r == null ? null
                : r.episodes().stream().filter(x -> x.scenario().id().equals(s.id())).findFirst().orElse(null);
        if (e == null) {
            lines.getItems().clear();
            episodeTotals.setText(s == null ? "" : ctx.tr().get("planui.notRun"));
            explanation.setText("");
            return;
        }
        lines.getItems().setAll(e.lines());
        episodeTotals.setText(ctx.tr().get("pdf.episode.when", e.eventDate().toString(), e.run().eventDay(), e.policyYear()) + " "
                + ctx.tr().get("pdf.episode.totals", Amounts.format(e.totalCost(), ctx.tr().lang()), Amounts.range(e.totalPaid(), ctx.tr().lang()), Amounts.range(e.totalOutOfPocket(), ctx.tr().lang())));
    }

    private void explain(Adjudicator.LineResult l) {
        if (l == null) {
            explanation.setText("");
            return;
        }
        editCost.setText(l.cost().amount().toPlainString());
        StringBuilder sb = new StringBuilder();
        sb.append(l.line().description() == null ? l.line().id() : l.line().description().get(ctx.tr().lang())).append(" — ")
                .append(Amounts.format(l.cost(), ctx.tr().lang())).append('\n');
        for (Adjudicator.Payment p : l.payments()) {
            sb.append("• ").append(name(p.product())).append(" (").append(ctx.tr().name(p.layer())).append("): ").append(Amounts.range(p.range(), ctx.tr().lang()))
                    .append(" — ").append(ctx.tr().name(p.rule())).append(". ").append(reasons(p.steps())).append('\n');
        }
        for (Reason n : l.notes()) sb.append("• ").append(I18n.reason(ctx.tr().lang(), n)).append('\n');
        sb.append(ctx.tr().get("pdf.youPay", Amounts.range(l.outOfPocket(), ctx.tr().lang())));
        for (Adjudicator.Dependency d : l.dependsOn()) {
            sb.append('\n').append("  ").append(ctx.tr().get("plan.dependsOn", d.productName().get(ctx.tr().lang()), I18n.reason(ctx.tr().lang(), d.text())));
        }
        explanation.setText(sb.toString());
    }

    private Label label(String key) { return PlanPanes.label(ctx, key); }

    private Label section(String key) { return PlanPanes.section(ctx, key); }

    private Button button(String id, String key) { return PlanPanes.button(ctx, id, key); }

    private String name(String productId) { return PlanPanes.name(ctx, productId); }

    private String reasons(List<Reason> rs) { return PlanPanes.reasons(ctx, rs); }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) { return PlanPanes.column(ctx, key, value); }
}
