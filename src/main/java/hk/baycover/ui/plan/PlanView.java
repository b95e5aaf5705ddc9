package hk.baycover.ui.plan;

import hk.baycover.i18n.I18n;
import hk.baycover.model.CostLine;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.Scenario;
import hk.baycover.planning.Adjudicator;
import hk.baycover.planning.Amounts;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PlanStatus;
import hk.baycover.planning.PremiumProjection;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.store.PlanStore;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Plans screen: a client's profile (entered once, validated field by field), eligible products with reasons, the
 * plan built layer by layer (or recommended exactly, in the background with progress and cancel), premiums year by
 * year as a table and a chart with an editable FX rate, coverage per need with the deciding rule, "what would I pay"
 * episodes with every line explained (costs editable, own episodes addable, both saved), saved clients and plans
 * with revisions, and the PDF proposal in the client's language.
 */
public final class PlanView extends BorderPane {

    private final UiContext ctx;
    private final PlanViewModel vm;
    private final ProfileForm form;
    private final TabPane tabs = new TabPane();

    // plan tab
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
    private final CheckBox allowUnknown = new CheckBox();

    // eligibility tab
    private final TableView<EligibilityResult> eligibility = new TableView<>();

    // scenarios tab
    private final ComboBox<Scenario> scenarioChoice = new ComboBox<>();
    private final TextField eventDay = new TextField(String.valueOf(ScenarioRun.DEFAULT_EVENT_DAY));
    private final CheckBox preExisting = new CheckBox();
    private final Label episodeTotals = new Label();
    private final TableView<Adjudicator.LineResult> lines = new TableView<>();
    private final TextArea explanation = new TextArea();
    private final TextField editCost = new TextField();
    private final Label scenarioError = new Label();

    public PlanView(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new PlanViewModel(ctx);
        this.form = new ProfileForm(ctx);
        setId("plan-view");
        setPadding(new Insets(12));
        form.profileProperty().addListener((o, a, b) -> vm.clientProperty().set(b));
        form.languageProperty().addListener((o, a, b) -> vm.clientLanguageProperty().set(b));
        vm.clientProperty().set(form.profileProperty().get());

        setTop(topBar());
        tabs.setId("plan-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("tab-profile", "planui.tab.profile", form),
                tab("tab-eligibility", "planui.tab.eligibility", eligibilityPane()),
                tab("tab-plan", "planui.tab.plan", scroll(planPane())),
                tab("tab-scenarios", "planui.tab.scenarios", scroll(scenarioPane())));
        setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));

        vm.reportProperty().addListener((o, a, r) -> refresh());
        vm.recommendationProperty().addListener((o, a, r) -> showRecommendation());
        ctx.tr().langProperty().addListener((o, a, b) -> {
            vm.analyse();
            refresh();
            showRecommendation();
        });
        ctx.catalogProperty().addListener((o, a, b) -> refreshChoices());
        vm.userScenarios().addListener((javafx.collections.ListChangeListener<Scenario>) ch -> refreshChoices());
        refreshChoices();
        refresh();
        if (ctx.app() != null) vm.refreshSaved();
        // keyboard users: the control that takes the focus scrolls into view
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) scene.focusOwnerProperty().addListener((ob, old, n) -> Scrolling.reveal(n));
        });
    }

    /** Scrolls the tab's pane so that {@code n} is visible. */
    public void reveal(Node n) {
        Scrolling.reveal(n);
    }

    public PlanViewModel viewModel() { return vm; }

    public ProfileForm form() { return form; }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(ctx.tr().bind(key));
        t.setContent(content);
        return t;
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        return l;
    }

    private Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        b.accessibleTextProperty().bind(ctx.tr().bind(key));
        return b;
    }

    private String name(String productId) {
        return ctx.catalog().product(productId).map(p -> p.name().get(ctx.tr().lang())).orElse(productId);
    }

    private String reasons(List<Reason> rs) {
        return String.join("; ", rs.stream().map(r -> I18n.reason(ctx.tr().lang(), r)).toList());
    }

    // top bar -----------------------------------------------------------------------------------------------------------

    private Node topBar() {
        Label title = label("planui.title");
        title.getStyleClass().add("screen-title");

        ComboBox<PlanStore.ClientSummary> clients = new ComboBox<>(vm.clients());
        clients.setId("clients");
        clients.setPromptText("—");
        clients.accessibleTextProperty().bind(ctx.tr().bind("planui.clients"));
        Function<PlanStore.ClientSummary, String> clientText = c -> (c.name() == null ? c.id() : c.name())
                + (c.age() == null ? "" : " · " + c.age()) + " · " + ctx.tr().get("planui.planCount", c.plans());
        clients.setCellFactory(v -> new TextCell<>(clientText));
        clients.setButtonCell(new TextCell<>(clientText));
        clients.setOnAction(e -> {
            PlanStore.ClientSummary c = clients.getValue();
            if (c != null && !c.id().equals(vm.clientIdProperty().get())) {
                vm.openClient(c.id(), rec -> form.load(rec.profile(), rec.language()));
            }
        });

        ComboBox<PlanStore.PlanSummary> plans = new ComboBox<>(vm.plans());
        plans.setId("plans");
        plans.accessibleTextProperty().bind(ctx.tr().bind("planui.plans"));
        Function<PlanStore.PlanSummary, String> planText = p -> (p.title() == null || p.title().isBlank() ? p.id() : p.title())
                + " · " + ctx.tr().get("planui.revision", p.revision()) + " · " + ctx.tr().name(p.status());
        plans.setCellFactory(v -> new TextCell<>(planText));
        plans.setButtonCell(new TextCell<>(planText));
        plans.setOnAction(e -> {
            if (plans.getValue() != null && !plans.getValue().id().equals(vm.planIdProperty().get())) vm.openPlan(plans.getValue().id(), null);
        });

        ComboBox<PlanStore.Revision> revisions = new ComboBox<>(vm.revisions());
        revisions.setId("revisions");
        revisions.accessibleTextProperty().bind(ctx.tr().bind("planui.revisions"));
        Function<PlanStore.Revision, String> revText = r -> ctx.tr().get("planui.revision", r.revision()) + " · " + r.savedAt().substring(0, Math.min(16, r.savedAt().length()));
        revisions.setCellFactory(v -> new TextCell<>(revText));
        revisions.setButtonCell(new TextCell<>(revText));
        revisions.setOnAction(e -> {
            if (revisions.getValue() != null && vm.planIdProperty().get() != null) vm.openPlan(vm.planIdProperty().get(), revisions.getValue().revision());
        });

        TextField planTitle = new TextField();
        planTitle.setId("plan-title");
        planTitle.setPrefColumnCount(14);
        planTitle.textProperty().bindBidirectional(vm.titleProperty());
        planTitle.promptTextProperty().bind(ctx.tr().bind("planui.planTitle"));
        planTitle.accessibleTextProperty().bind(ctx.tr().bind("planui.planTitle"));
        ComboBox<PlanStatus> status = new ComboBox<>(FXCollections.observableArrayList(PlanStatus.values()));
        status.setId("plan-status");
        status.setCellFactory(v -> new TextCell<>(s -> ctx.tr().name(s)));
        status.setButtonCell(new TextCell<>(s -> ctx.tr().name(s)));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.accessibleTextProperty().bind(ctx.tr().bind("planui.status"));

        Button newClient = button("new-client", "planui.newClient");
        newClient.setOnAction(e -> {
            vm.newClient();
            form.clear();
            clients.setValue(null);
            tabs.getSelectionModel().select(0);
        });
        Button save = button("save", "planui.save");
        // client data is never stored in plain text: the first save asks for a passphrase (and says why) first
        save.setOnAction(e -> hk.baycover.ui.trust.TrustGate.of(save).ifPresentOrElse(g -> g.ensureUnlocked(vm::save), vm::save));
        Button duplicate = button("duplicate", "planui.duplicate");
        duplicate.disableProperty().bind(vm.planIdProperty().isNull());
        duplicate.setOnAction(e -> vm.duplicate());
        Button deleteClient = button("delete-client", "planui.deleteClient");
        deleteClient.disableProperty().bind(vm.clientIdProperty().isNull());
        deleteClient.setOnAction(e -> {
            javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    ctx.tr().get("planui.deleteClientConfirm"));
            confirm.initOwner(getScene() == null ? null : getScene().getWindow());
            confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.deleteClient(() -> {
                form.clear();
                clients.setValue(null);
            }));
        });
        Button export = button("export-pdf", "planui.exportPdf");
        export.disableProperty().bind(vm.reportProperty().isNull().or(vm.busyProperty()));
        export.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("planui.exportPdf"), "proposal.pdf",
                ctx.tr().get("planui.pdfFilter"), "*.pdf").ifPresent(vm::exportPdf));

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Button cancel = button("cancel", "action.cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());

        Label outcome = new Label();
        outcome.setId("outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.outcomeIsErrorProperty().addListener((o, a, err) -> {
            outcome.getStyleClass().removeAll("error-text", "ok-text");
            outcome.getStyleClass().add(err ? "error-text" : "ok-text");
        });

        FlowPane saved = new FlowPane(8, 6, label("planui.clients"), clients, newClient, label("planui.plans"), plans, revisions, planTitle, status,
                save, duplicate, deleteClient, export, progress, cancel);
        saved.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, title, saved, outcome);
    }

    private static final class TextCell<T> extends ListCell<T> {
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

    // eligibility -------------------------------------------------------------------------------------------------------

    private Node eligibilityPane() {
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
        VBox box = new VBox(8, hint, eligibility, add);
        box.setPadding(new Insets(10));
        return box;
    }

    private String sampleMark(String productId) {
        return ctx.catalog().product(productId).map(p -> (p.sample() || p.premiums().sample() ? "  [" + ctx.tr().get("sample.badge") + "]" : "")
                + (hk.baycover.model.Freshness.stale(p, ctx.today()) ? "  [" + ctx.tr().get("stale.badge") + "]" : "")).orElse("");
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(ctx.tr().bind(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    // plan --------------------------------------------------------------------------------------------------------------

    private Node planPane() {
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
        allowUnknown.setId("allow-unknown");
        allowUnknown.textProperty().bind(ctx.tr().bind("planui.allowUnknown"));
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
        projection.getColumns().add(column("pdf.total", (PremiumProjection.Year y) -> Amounts.format(y.total())
                + (y.complete() ? "" : " + " + ctx.tr().get("pdf.unknown")) + (y.overBudget() ? "  ⚠ " + ctx.tr().get("pdf.overBudget") : "")
                + (y.sample() ? "  *" : "")));
        projection.getColumns().add(column("pdf.byProduct", (PremiumProjection.Year y) -> String.join(" · ", y.cells().stream()
                .map(c -> name(c.productId()) + " " + (c.ended() ? ctx.tr().get("pdf.ended") : c.converted().map(Amounts::format).orElse(ctx.tr().get("pdf.unknown")))
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
            return ctx.tr().get("pdf.projection.total", Amounts.format(r.projection().total()), r.projection().years().size())
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

        Label analysisError = new Label();
        analysisError.setId("analysis-error");
        analysisError.getStyleClass().add("error-text");
        analysisError.textProperty().bind(vm.analysisErrorProperty());

        HBox addRow = new HBox(8, productChoice, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        HBox listButtons = new HBox(8, remove, up, down);
        FlowPane recRow = new FlowPane(8, 6, recommend, allowUnknown, label("planui.ceilingScenario"), ceilingScenario, label("planui.ceiling"), ceiling);
        recRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane settings = new FlowPane(8, 6, label("planui.currency"), currency, label("planui.start"), startDate, label("planui.fxCny"), fxCny,
                label("planui.fxMop"), fxMop, applySettings, settingsError);
        settings.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, section("planui.layers"), label("planui.layersHint"), addRow, planProducts, listButtons, recRow, recommendationText,
                section("pdf.projection"), settings, projectionTotal, chart, projection, section("pdf.coverage"), coverage, section("pdf.gaps"), gaps,
                analysisError);
        box.setPadding(new Insets(10));
        return box;
    }

    private Label section(String key) {
        Label l = label(key);
        l.getStyleClass().add("section-title");
        return l;
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
            d = hk.baycover.planning.PlanDates.checkStart(LocalDate.parse(startDate.getText().strip()), ctx.today());
        } catch (DateTimeParseException e) {
            problems.add(ctx.tr().get("planui.badStart"));
        } catch (hk.baycover.model.UserError e) {
            problems.add(hk.baycover.ui.common.Errors.describe(ctx.tr().lang(), e));
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
        vm.recommend(new Recommendation.Options(allowUnknown.isSelected(), limit == null ? null : s.id(), limit == null ? null : run, limit, 3));
    }

    private void showRecommendation() {
        Recommendation rec = vm.recommendationProperty().get();
        if (rec == null) {
            recommendationText.setText("");
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (rec.found()) {
            sb.append(ctx.tr().get("pdf.rec.summary", String.join(", ", rec.productIds().stream().map(this::name).toList()),
                    Amounts.format(rec.total()), rec.perYear().size()));
            if (rec.unknownPremiums() > 0) sb.append(' ').append(ctx.tr().get("rec.unknownCounted", rec.unknownPremiums()));
            sb.append('\n');
            for (Recommendation.Alternative a : rec.alternatives()) {
                sb.append("  • ").append(ctx.tr().get("pdf.rec.alternative", name(a.without()), String.join(", ", a.productIds().stream().map(this::name).toList()),
                        Amounts.format(a.total()), Amounts.format(a.extra()))).append('\n');
            }
        } else {
            sb.append(ctx.tr().get("rec.none")).append('\n');
            for (Reason m : rec.missing()) sb.append("  • ").append(I18n.reason(ctx.tr().lang(), m)).append('\n');
        }
        for (Recommendation.Verdict v : rec.verdicts()) {
            sb.append(ctx.tr().get("rec.verdict." + v.code().name())).append(" — ").append(name(v.productId())).append(": ")
                    .append(reasons(v.reasons())).append('\n');
        }
        recommendationText.setText(sb.toString().strip());
    }

    // scenarios ---------------------------------------------------------------------------------------------------------

    private Node scenarioPane() {
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
        lines.getColumns().add(column("pdf.line", (Adjudicator.LineResult l) -> (l.line().description() == null ? l.line().id()
                : l.line().description().get(ctx.tr().lang())) + " · " + ctx.tr().name(l.line().need())));
        lines.getColumns().add(column("pdf.cost", (Adjudicator.LineResult l) -> Amounts.format(l.cost())
                + (l.line().sample() ? "  [" + ctx.tr().get("sample.badge") + "]" : "")));
        lines.getColumns().add(column("pdf.payments", (Adjudicator.LineResult l) -> String.join(" · ", l.payments().stream()
                .map(p -> name(p.product()) + " " + Amounts.format(p.amount()) + " (" + ctx.tr().name(p.rule()) + ")").toList())));
        lines.getColumns().add(column("pdf.outOfPocket", (Adjudicator.LineResult l) -> Amounts.format(l.outOfPocket())));
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
        VBox box = new VBox(8, hint, runRow, scenarioError, episodeTotals, lines, explanation, section("planui.editEpisode"), editRow,
                addRow);
        box.setPadding(new Insets(10));
        return box;
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
        try {
            BigDecimal v = new BigDecimal(editCost.getText().strip().replace(",", ""));
            if (v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000000")) > 0) throw new NumberFormatException();
            scenarioError.setText("");
            vm.editCost(s.id(), l.line().id(), new Money(v, l.cost().currency()));
        } catch (NumberFormatException e) {
            scenarioError.setText(ctx.tr().get("planui.badCost"));
        }
    }

    private void addLine(String newEpisode, Need need, Region region, String desc, String amount, Currency cur) {
        List<String> problems = new ArrayList<>();
        if (need == null) problems.add(ctx.tr().get("planui.lineNeed"));
        BigDecimal v = null;
        try {
            v = new BigDecimal(amount.strip().replace(",", ""));
            if (v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000000")) > 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            problems.add(ctx.tr().get("planui.badCost"));
        }
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
                + ctx.tr().get("pdf.episode.totals", Amounts.format(e.totalCost()), Amounts.format(e.totalPaid()), Amounts.format(e.totalOutOfPocket())));
    }

    private void explain(Adjudicator.LineResult l) {
        if (l == null) {
            explanation.setText("");
            return;
        }
        editCost.setText(l.cost().amount().toPlainString());
        StringBuilder sb = new StringBuilder();
        sb.append(l.line().description() == null ? l.line().id() : l.line().description().get(ctx.tr().lang())).append(" — ")
                .append(Amounts.format(l.cost())).append('\n');
        for (Adjudicator.Payment p : l.payments()) {
            sb.append("• ").append(name(p.product())).append(" (").append(ctx.tr().name(p.layer())).append("): ").append(Amounts.format(p.amount()))
                    .append(" — ").append(ctx.tr().name(p.rule())).append(". ").append(reasons(p.steps())).append('\n');
        }
        for (Reason n : l.notes()) sb.append("• ").append(I18n.reason(ctx.tr().lang(), n)).append('\n');
        sb.append(ctx.tr().get("pdf.youPay", Amounts.format(l.outOfPocket())));
        explanation.setText(sb.toString());
    }

    // refresh -----------------------------------------------------------------------------------------------------------

    private void refreshChoices() {
        List<Scenario> all = vm.library().all();
        Scenario sel = scenarioChoice.getValue();
        scenarioChoice.getItems().setAll(all);
        if (sel != null) all.stream().filter(s -> s.id().equals(sel.id())).findFirst().ifPresent(scenarioChoice::setValue);
        Scenario cs = ceilingScenario.getValue();
        ceilingScenario.getItems().setAll(all);
        if (cs != null) all.stream().filter(s -> s.id().equals(cs.id())).findFirst().ifPresent(ceilingScenario::setValue);
        refresh();
    }

    private void refresh() {
        PlanReport r = vm.reportProperty().get();
        eligibility.getItems().setAll(r == null ? List.of() : r.eligibility());
        List<Product> choices = new ArrayList<>();
        if (r != null) {
            for (EligibilityResult e : r.eligibility()) {
                if (e.eligible() && !vm.products().contains(e.productId())) ctx.catalog().product(e.productId()).ifPresent(choices::add);
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
                if (e.totalOutOfPocket().isPositive()) g.add(ctx.tr().get("pdf.gaps.episode", e.scenario().name().get(ctx.tr().lang()), Amounts.format(e.totalOutOfPocket())));
            }
        }
        gaps.getItems().setAll(g);
        chart(r);
        eligibility.refresh();
        projection.refresh();
        coverage.refresh();
        Adjudicator.LineResult selected = lines.getSelectionModel().getSelectedItem();
        showEpisode();
        if (selected != null) {
            lines.getItems().stream().filter(l -> l.line().id().equals(selected.line().id())).findFirst().ifPresent(l -> lines.getSelectionModel().select(l));
        }
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
                    if (c.productId().equals(p.id())) s.getData().add(new XYChart.Data<>(y.year() + " (" + y.age() + ")",
                            c.converted().map(m -> m.amount().doubleValue()).orElse(0.0)));
                }
            }
            chart.getData().add(s);
        }
    }
}
