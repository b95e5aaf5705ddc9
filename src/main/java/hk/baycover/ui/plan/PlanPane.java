package hk.baycover.ui.plan;

import hk.baycover.compare.Format;
import hk.baycover.i18n.I18n;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.InsurerQuote;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Scenario;
import hk.baycover.planning.Adjudicator;
import hk.baycover.planning.Amounts;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PremiumProjection;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import hk.baycover.ui.plan.PlanPanes.TextCell;

/**
 * The plan tab: the products of the plan in layer order, the exact recommendation, the plan's currency, start date and
 * exchange rates, the premiums year by year (table and chart), the coverage by need and the gaps.
 */
final class PlanPane extends VBox {

    private final UiContext ctx;
    private final PlanViewModel vm;
    private final ComboBox<Product> productChoice = new ComboBox<>();
    private final ListView<String> planProducts = new ListView<>();
    private final TextArea recommendationText = new TextArea();
    private final TableView<PremiumProjection.Year> projection = new TableView<>();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<PlanReport.NeedCover> coverage = new TableView<>();
    private final ListView<String> gaps = new ListView<>();
    private final TextField fxCny = new TextField();
    private final TextField fxMop = new TextField();
    private final TextField startDate = new TextField();
    private final Label settingsError = new Label();
    private final ComboBox<Scenario> ceilingScenario = new ComboBox<>();
    private final TextField ceiling = new TextField();

    PlanPane(UiContext ctx, PlanViewModel vm) {
        super(8);
        this.ctx = ctx;
        this.vm = vm;

        productChoice.setId("product-choice");
        productChoice.accessibleTextProperty().bind(ctx.tr().bind("planui.chooseProduct"));
        Function<Product, String> pText = p -> "[" + ctx.tr().name(p.layer()) + "] " + p.name().get(ctx.tr().lang()) + sampleMark(p.id());
        productChoice.setCellFactory(v -> new TextCell<>(pText));
        productChoice.setButtonCell(new TextCell<>(pText));
        Button add = button("add-product", "planui.add");
        add.disableProperty().bind(productChoice.valueProperty().isNull());
        add.setOnAction(e -> {
            vm.add(productChoice.getValue().id());
            productChoice.setValue(null);
        });

        planProducts.setId("plan-products");
        planProducts.setItems(vm.products());
        planProducts.setPrefHeight(150);
        planProducts.accessibleTextProperty().bind(ctx.tr().bind("planui.planProducts"));
        planProducts.setCellFactory(v -> new TextCell<>(id -> {
            Optional<Product> p = ctx.catalog().product(id);
            PlanReport r = vm.reportProperty().get();
            EligibilityResult er = r == null ? null : r.eligibilityOf(id);
            String elig = er != null && !er.eligible() ? "  ⚠ " + ctx.tr().get("pdf.notEligible") + ": " + reasons(er.blocking()) : "";
            return "[" + p.map(x -> ctx.tr().name(x.layer())).orElse("?") + "] " + name(id) + sampleMark(id) + elig;
        }));
        Button remove = button("remove-product", "planui.remove");
        remove.disableProperty().bind(planProducts.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(planProducts.getSelectionModel().getSelectedItem()));
        Button up = button("move-up", "planui.moveUp");
        up.setOnAction(e -> moveSelected(-1));
        up.disableProperty().bind(planProducts.getSelectionModel().selectedItemProperty().isNull());
        Button down = button("move-down", "planui.moveDown");
        down.setOnAction(e -> moveSelected(1));
        down.disableProperty().bind(planProducts.getSelectionModel().selectedItemProperty().isNull());

        Button recommend = button("recommend", "planui.recommend");
        recommend.disableProperty().bind(vm.clientProperty().isNull().or(vm.busyProperty()));
        recommend.setOnAction(e -> recommend());
        ceilingScenario.setId("ceiling-scenario");
        ceilingScenario.accessibleTextProperty().bind(ctx.tr().bind("planui.ceilingScenario"));
        Function<Scenario, String> sText = s -> s.name().get(ctx.tr().lang());
        ceilingScenario.setCellFactory(v -> new TextCell<>(sText));
        ceilingScenario.setButtonCell(new TextCell<>(sText));
        ceiling.setId("ceiling");
        ceiling.setPrefColumnCount(8);
        ceiling.accessibleTextProperty().bind(ctx.tr().bind("planui.ceiling"));
        recommendationText.setId("recommendation");
        recommendationText.setEditable(false);
        recommendationText.setWrapText(true);
        recommendationText.setPrefRowCount(6);
        recommendationText.accessibleTextProperty().bind(ctx.tr().bind("planui.recommendation"));

        ComboBox<Currency> currency = new ComboBox<>(FXCollections.observableArrayList(Currency.values()));
        currency.setId("currency");
        currency.valueProperty().bindBidirectional(vm.currencyProperty());
        currency.accessibleTextProperty().bind(ctx.tr().bind("planui.currency"));
        startDate.setId("start-date");
        startDate.setPrefColumnCount(9);
        startDate.setText(vm.startProperty().get().toString());
        vm.startProperty().addListener((o, a, b) -> {
            if (b != null && !b.toString().equals(startDate.getText())) startDate.setText(b.toString());
        });
        startDate.accessibleTextProperty().bind(ctx.tr().bind("planui.start"));
        fxCny.setId("fx-cny");
        fxCny.setPrefColumnCount(7);
        fxCny.accessibleTextProperty().bind(ctx.tr().bind("planui.fxCny"));
        fxMop.setId("fx-mop");
        fxMop.setPrefColumnCount(7);
        fxMop.accessibleTextProperty().bind(ctx.tr().bind("planui.fxMop"));
        showRates();
        vm.fxProperty().addListener((o, a, b) -> showRates());
        Button applySettings = button("apply-settings", "planui.apply");
        applySettings.setOnAction(e -> applySettings());
        fxCny.setOnAction(e -> applySettings());
        fxMop.setOnAction(e -> applySettings());
        startDate.setOnAction(e -> applySettings());
        settingsError.setId("settings-error");
        settingsError.getStyleClass().add("error-text");

        projection.setId("projection");
        projection.setPrefHeight(260);
        projection.accessibleTextProperty().bind(ctx.tr().bind("pdf.projection"));
        projection.getColumns().add(column("pdf.year", (PremiumProjection.Year y) -> String.valueOf(y.year())));
        projection.getColumns().add(column("pdf.from", (PremiumProjection.Year y) -> y.from().toString()));
        projection.getColumns().add(column("pdf.age", (PremiumProjection.Year y) -> String.valueOf(y.age())));
        projection.getColumns().add(column("pdf.total", (PremiumProjection.Year y) -> Amounts.format(y.total(), ctx.tr().lang())
                + (y.complete() ? "" : " + " + ctx.tr().get("plan.toBeQuoted", y.toBeQuoted().size())) + (y.overBudget() ? "  ⚠ " + ctx.tr().get("pdf.overBudget") : "")
                + (y.sample() ? "  *" : "")));
        projection.getColumns().add(column("pdf.byProduct", (PremiumProjection.Year y) -> String.join(" · ", y.cells().stream()
                .map(c -> name(c.productId()) + " " + (c.ended() ? ctx.tr().get("pdf.ended") : c.toBeQuoted() ? ctx.tr().get("plan.premiumToBeQuoted")
                        : c.converted().map(m -> Amounts.format(m, ctx.tr().lang())).orElse(ctx.tr().get("plan.premiumToBeQuoted")))
                        + (c.sample() && !c.ended() ? " *" : "")).toList())));
        projection.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        chart.setId("projection-chart");
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        chart.getXAxis().labelProperty().bind(ctx.tr().bind("pdf.year"));
        chart.getYAxis().labelProperty().bind(Bindings.createStringBinding(() -> ctx.tr().get("planui.premium") + " ("
                + (vm.currencyProperty().get() == null ? "" : vm.currencyProperty().get().name()) + ")", ctx.tr().langProperty(), vm.currencyProperty()));
        chart.accessibleTextProperty().bind(ctx.tr().bind("pdf.projection"));
        Label projectionTotal = new Label();
        projectionTotal.setId("projection-total");
        projectionTotal.textProperty().bind(Bindings.createStringBinding(() -> {
            PlanReport r = vm.reportProperty().get();
            if (r == null) return ctx.tr().get("planui.fixProfile");
            return ctx.tr().get("pdf.projection.total", Amounts.format(r.projection().total(), ctx.tr().lang()), r.projection().years().size())
                    + (r.projection().complete() ? "" : " " + ctx.tr().get("pdf.projection.incomplete"))
                    + (r.projection().sample() ? " " + ctx.tr().get("pdf.projection.sample") : "");
        }, vm.reportProperty(), ctx.tr().langProperty()));
        projectionTotal.setWrapText(true);

        coverage.setId("coverage");
        coverage.setPrefHeight(220);
        coverage.accessibleTextProperty().bind(ctx.tr().bind("pdf.coverage"));
        coverage.getColumns().add(column("pdf.need", (PlanReport.NeedCover c) -> ctx.tr().name(c.need())));
        coverage.getColumns().add(column("pdf.priority", (PlanReport.NeedCover c) -> c.priority() == null ? "" : ctx.tr().name(c.priority())));
        TableColumn<PlanReport.NeedCover, CoverageLevel> level = new TableColumn<>();
        level.textProperty().bind(ctx.tr().bind("pdf.level"));
        level.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().level()));
        level.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CoverageLevel item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("cover-full", "cover-partial", "cover-none");
                setText(empty || item == null ? null : ctx.tr().name(item));
                if (!empty && item != null) getStyleClass().add("cover-" + item.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        coverage.getColumns().add(level);
        coverage.getColumns().add(column("pdf.decidedBy", (PlanReport.NeedCover c) -> c.decidingProduct() == null ? "—" : name(c.decidingProduct())));
        coverage.getColumns().add(column("pdf.rule", (PlanReport.NeedCover c) -> reasons(c.rules())
                + (c.coverEndsAfterYear() == null ? "" : "; " + ctx.tr().get("pdf.coverEnds", c.coverEndsAfterYear()))));
        coverage.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        gaps.setId("gaps");
        gaps.setPrefHeight(110);
        gaps.accessibleTextProperty().bind(ctx.tr().bind("pdf.gaps"));

        // the hospitals designated for 港澳藥械通 nearest the client (their district first), as the proposal names them
        Label nearbyTitle = section("nearby.title");
        Label nearby = new Label();
        nearby.setId("nearby");
        nearby.setWrapText(true);
        nearby.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // from the plan report (its episodes count too) once there is one for this client, else from the client alone
        nearby.textProperty().bind(Bindings.createStringBinding(() -> {
            PlanReport r = vm.reportProperty().get();
            hk.baycover.model.ClientProfile c = vm.clientProperty().get();
            var near = r != null && r.client().equals(c) ? hk.baycover.planning.NearbyCare.of(r, ctx.catalog())
                    : hk.baycover.planning.NearbyCare.of(c, ctx.catalog());
            return near.map(n -> String.join("\n", n.lines(ctx.tr().lang()))).orElse("");
        }, vm.clientProperty(), vm.reportProperty(), ctx.catalogProperty(), ctx.tr().langProperty()));
        nearby.focusTraversableProperty().set(false);
        for (Label l : List.of(nearbyTitle, nearby)) {
            l.visibleProperty().bind(nearby.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }

        Label analysisError = new Label();
        analysisError.setId("analysis-error");
        analysisError.getStyleClass().add("error-text");
        analysisError.textProperty().bind(vm.analysisErrorProperty());

        HBox addRow = new HBox(8, productChoice, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        Button enterQuote = button("enter-quote", "quote.enter");
        enterQuote.disableProperty().bind(planProducts.getSelectionModel().selectedItemProperty().isNull());
        enterQuote.setOnAction(e -> enterQuote(planProducts.getSelectionModel().getSelectedItem()));
        ListView<InsurerQuote> quotes = new ListView<>(vm.quotes());
        quotes.setId("quotes");
        quotes.setPrefHeight(90);
        quotes.accessibleTextProperty().bind(ctx.tr().bind("quote.recorded"));
        quotes.setCellFactory(v -> new TextCell<>(this::quoteText));
        Button removeQuote = button("remove-quote", "quote.remove");
        removeQuote.disableProperty().bind(quotes.getSelectionModel().selectedItemProperty().isNull());
        removeQuote.setOnAction(e -> vm.quotes().remove(quotes.getSelectionModel().getSelectedItem()));
        HBox listButtons = new HBox(8, remove, up, down, enterQuote);
        VBox answers = new VBox(6, label("quote.recorded"), quotes, removeQuote);
        FlowPane recRow = new FlowPane(8, 6, recommend, label("planui.ceilingScenario"), ceilingScenario, label("planui.ceiling"), ceiling);
        recRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane settings = new FlowPane(8, 6, label("planui.currency"), currency, label("planui.start"), startDate, label("planui.fxCny"), fxCny,
                label("planui.fxMop"), fxMop, applySettings, settingsError);
        settings.setAlignment(Pos.CENTER_LEFT);
                getChildren().addAll(section("planui.layers"), label("planui.layersHint"), addRow, planProducts, listButtons, answers, recRow,
                recommendationText,
                section("pdf.projection"), settings, projectionTotal, chart, projection, section("pdf.coverage"), coverage, section("pdf.gaps"), gaps,
                nearbyTitle, nearby, analysisError);
        setPadding(new Insets(10));
        vm.recommendationProperty().addListener((o, a, r) -> showRecommendation());
        ctx.tr().langProperty().addListener((o, a, b) -> showRecommendation());
    }

    /** The episodes to choose from for the recommendation's out-of-pocket ceiling. */
    void scenariosChanged(List<Scenario> all) {
        Scenario cs = ceilingScenario.getValue();
        ceilingScenario.getItems().setAll(all);
        if (cs != null) all.stream().filter(s -> s.id().equals(cs.id())).findFirst().ifPresent(ceilingScenario::setValue);
    }

    /** Shows the current report. */
    void refresh() {
        PlanReport r = vm.reportProperty().get();
        List<Product> choices = new ArrayList<>();
        if (r != null) {
            for (EligibilityResult e : r.eligibility()) {
                if (e.possible() && !vm.products().contains(e.productId())) ctx.catalog().product(e.productId()).ifPresent(choices::add);
            }
        }
        productChoice.getItems().setAll(choices);
        planProducts.refresh();
        projection.getItems().setAll(r == null ? List.of() : r.projection().years());
        coverage.getItems().setAll(r == null ? List.of() : r.coverage());
        List<String> g = new ArrayList<>();
        if (r != null) {
            for (PlanReport.Gap gap : r.gaps()) g.add((gap.priority() == null ? "" : "[" + ctx.tr().name(gap.priority()) + "] ") + I18n.reason(ctx.tr().lang(), gap.reason()));
            for (Adjudicator.EpisodeResult e : r.episodes()) {
                if (e.totalOutOfPocket().max().isPositive()) {
                    g.add(ctx.tr().get("pdf.gaps.episode", e.scenario().name().get(ctx.tr().lang()), Amounts.range(e.totalOutOfPocket(), ctx.tr().lang())));
                }
            }
        }
        gaps.getItems().setAll(g);
        chart(r);
        projection.refresh();
        coverage.refresh();
    }

    private void moveSelected(int delta) {
        String id = planProducts.getSelectionModel().getSelectedItem();
        if (id == null) return;
        vm.move(id, delta);
        planProducts.getSelectionModel().select(id);
    }

    private void showRates() {
        fxCny.setText(vm.fxProperty().get().rate(Currency.CNY, Currency.HKD).map(Amounts::rate).orElse(""));
        fxMop.setText(vm.fxProperty().get().rate(Currency.MOP, Currency.HKD).map(Amounts::rate).orElse(""));
    }

    /** Applies the start date and FX rates typed in the plan settings, each checked with its own message. */
    void applySettings() {
        List<String> problems = new ArrayList<>();
        LocalDate d = null;
        try {
            d = LocalDate.parse(startDate.getText().strip());
        } catch (DateTimeParseException e) {
            problems.add(ctx.tr().get("planui.badStart"));
        }
        BigDecimal cny = rate(fxCny.getText(), "planui.fxCny", problems);
        BigDecimal mop = rate(fxMop.getText(), "planui.fxMop", problems);
        settingsError.setText(String.join(" ", problems));
        if (!problems.isEmpty()) return;
        vm.startProperty().set(d);
        if (vm.fxProperty().get().rate(Currency.CNY, Currency.HKD).map(r -> r.compareTo(cny) != 0).orElse(true)) vm.setRate(Currency.CNY, Currency.HKD, cny);
        if (vm.fxProperty().get().rate(Currency.MOP, Currency.HKD).map(r -> r.compareTo(mop) != 0).orElse(true)) vm.setRate(Currency.MOP, Currency.HKD, mop);
    }

    private BigDecimal rate(String text, String key, List<String> problems) {
        try {
            BigDecimal r = new BigDecimal(text.strip());
            if (r.signum() > 0 && r.compareTo(BigDecimal.valueOf(1000)) < 0) return r;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ctx.tr().get("planui.badRate", ctx.tr().get(key)));
        return null;
    }

    private void recommend() {
        BigDecimal limit = null;
        Scenario s = ceilingScenario.getValue();
        if (!ceiling.getText().isBlank()) {
            try {
                limit = new BigDecimal(ceiling.getText().strip().replace(",", ""));
                if (limit.signum() < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                vm.outcomeIsErrorProperty().set(true);
                vm.outcomeProperty().set(ctx.tr().get("planui.badCeiling"));
                return;
            }
            if (s == null) {
                vm.outcomeIsErrorProperty().set(true);
                vm.outcomeProperty().set(ctx.tr().get("cli.plan.ceilingNeedsScenario"));
                return;
            }
        }
        ScenarioRun run = s == null ? null : vm.runs().stream().filter(r -> r.scenarioId().equals(s.id())).findFirst().orElse(ScenarioRun.of(s.id()));
        vm.recommend(new Recommendation.Options(limit == null ? null : s.id(), limit == null ? null : run, limit, 3));
    }

    /** "Enter the insurer's answer…": what the insurer quoted or confirmed for this client and product. */
    private void enterQuote(String productId) {
        if (productId == null) return;
        QuoteForm form = new QuoteForm(ctx, productId);
        Dialog<InsurerQuote> dialog = new Dialog<>();
        dialog.setTitle(ctx.tr().get("quote.title", name(productId)));
        dialog.setHeaderText(ctx.tr().get("quote.header", name(productId)));
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.getDialogPane().setContent(new ScrollPane(form));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("quote-ok");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, ev -> {
            if (form.quote().isEmpty()) ev.consume(); // the form names what to fix; the dialog stays open
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? form.quote().orElse(null) : null);
        dialog.showAndWait().ifPresent(vm::recordQuote);
    }

    private String quoteText(InsurerQuote q) {
        List<String> parts = new ArrayList<>();
        q.annualPremium().ifPresent(m -> parts.add(ctx.tr().get("quote.showPremium", Amounts.format(m, ctx.tr().lang()))));
        if (q.annualLimit() != null) parts.add(ctx.tr().get("cover.annualLimit", Amounts.format(q.annualLimit(), ctx.tr().lang())));
        if (q.deductible() != null) parts.add(ctx.tr().get("cover.deductible", Amounts.format(q.deductible(), ctx.tr().lang())));
        if (q.coInsurance() != null) parts.add(ctx.tr().get("cover.coInsurance", Amounts.percent(q.coInsurance())));
        if (q.maxEntryAge() != null) parts.add(ctx.tr().get("quote.showMaxAge", q.maxEntryAge()));
        if (q.network() != null) parts.add(ctx.tr().name(q.network()));
        return name(q.product()) + " — " + ctx.tr().get("quote.showWhen", q.quotedOn().toString(), q.reference() == null ? "—" : q.reference())
                + (parts.isEmpty() ? "" : ": " + String.join(" · ", parts));
    }

    private void showRecommendation() {
        Recommendation rec = vm.recommendationProperty().get();
        if (rec == null) {
            recommendationText.setText("");
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(ctx.tr().get("pdf.rec.summary", Format.join(ctx.tr().lang(), rec.productIds().stream().map(this::name).toList()),
                Amounts.format(rec.total(), ctx.tr().lang()), rec.perYear().size()));
        if (!rec.toBeQuoted().isEmpty()) {
            sb.append(' ').append(ctx.tr().get("rec.toBeQuoted", Format.join(ctx.tr().lang(), rec.toBeQuoted().stream().map(this::name).toList())));
        }
        sb.append('\n');
        if (!rec.unconfirmed().isEmpty()) {
            sb.append(ctx.tr().get("cli.plan.unconfirmed", Format.join(ctx.tr().lang(), rec.unconfirmed().stream().map(this::name).toList()))).append('\n');
        }
        for (Recommendation.Uncovered u : rec.uncovered()) {
            sb.append(ctx.tr().get("cli.plan.uncovered", ctx.tr().name(u.need()))).append('\n');
            for (Reason m : u.reasons()) sb.append("  • ").append(I18n.reason(ctx.tr().lang(), m)).append('\n');
        }
        for (Reason m : rec.missing()) sb.append("  • ").append(I18n.reason(ctx.tr().lang(), m)).append('\n');
        for (Recommendation.Alternative a : rec.alternatives()) {
            sb.append("  • ").append(ctx.tr().get(a.textKey(), name(a.without()), Format.join(ctx.tr().lang(), a.productIds().stream().map(this::name).toList()),
                    Amounts.format(a.total(), ctx.tr().lang()), Amounts.format(a.extra(), ctx.tr().lang()), a.unknownPremiums())).append('\n');
        }
        for (Recommendation.Verdict v : rec.verdicts()) {
            sb.append(ctx.tr().get("rec.verdict." + v.code().name())).append(" — ").append(name(v.productId())).append(": ")
                    .append(reasons(v.reasons())).append('\n');
        }
        recommendationText.setText(sb.toString().strip());
    }

    private void chart(PlanReport r) {
        chart.getData().clear();
        if (r == null) return;
        Lang lang = ctx.tr().lang();
        for (Product p : r.layered()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(p.name().get(lang));
            for (PremiumProjection.Year y : r.projection().years()) {
                for (PremiumProjection.Cell c : y.cells()) {
                    // a premium to be quoted is no point on the chart (not a zero)
                    if (c.productId().equals(p.id()) && c.converted().isPresent()) s.getData().add(new XYChart.Data<>(y.year() + " (" + y.age() + ")",
                            c.converted().get().amount().doubleValue()));
                }
            }
            chart.getData().add(s);
        }
    }

    private Label label(String key) { return PlanPanes.label(ctx, key); }

    private Label section(String key) { return PlanPanes.section(ctx, key); }

    private Button button(String id, String key) { return PlanPanes.button(ctx, id, key); }

    private String name(String productId) { return PlanPanes.name(ctx, productId); }

    private String reasons(List<Reason> rs) { return PlanPanes.reasons(ctx, rs); }

    private String sampleMark(String productId) { return PlanPanes.sampleMark(ctx, productId); }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) { return PlanPanes.column(ctx, key, value); }
}
