package hk.baycover.ui.data;

import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;
import java.util.stream.Collectors;

/** The Data screen: loaded datasets with as-of dates and record counts; import (validated, all or nothing) and export. */
public final class DataView extends VBox {

    private final UiContext ctx;
    private final DataViewModel vm;

    public DataView(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new DataViewModel(ctx);
        setId("data-view");
        setPadding(new Insets(16));
        setSpacing(12);

        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("data.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label();
        intro.textProperty().bind(ctx.tr().bind("data.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        TableView<DatasetInfo> table = new TableView<>(vm.datasets());
        table.setId("datasets");
        table.accessibleTextProperty().bind(ctx.tr().bind("data.title"));
        table.getColumns().add(column("data.col.title", 300, d -> hk.baycover.i18n.SourceText.datasetTitle(d, ctx.tr().lang())));
        table.getColumns().add(column("data.col.id", 150, DatasetInfo::id));
        table.getColumns().add(column("data.col.version", 90, DatasetInfo::version));
        table.getColumns().add(column("data.col.asOf", 95, d -> d.asOf().value()));
        table.getColumns().add(column("data.col.origin", 80, d -> ctx.tr().get("data.origin." + d.origin())));
        table.getColumns().add(column("data.col.counts", 300, d -> d.counts().entrySet().stream()
                .map(e -> ctx.tr().get("count." + e.getKey()) + " " + e.getValue()).collect(Collectors.joining(" · "))));
        table.getColumns().add(column("data.col.stale", 150, d -> {
            Freshness f = vm.freshness().get(d.id());
            return f == null ? "…" : ctx.tr().get("data.col.staleValue", f.stale(), f.records());
        }));
        table.getColumns().add(column("data.col.signature", 230, vm::signatureText));
        vm.freshness().addListener((javafx.collections.MapChangeListener<String, Freshness>) ch -> table.refresh());
        vm.signers().addListener((javafx.collections.MapChangeListener<String, hk.baycover.store.CatalogStore.Signer>) ch -> table.refresh());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(220);
        ctx.tr().langProperty().addListener((o, a, b) -> table.refresh());

        Label coverage = new Label();
        coverage.setId("coverage");
        coverage.setWrapText(true);
        coverage.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetInfo d = table.getSelectionModel().getSelectedItem();
            if (d == null || d.header().coverage() == null) return ctx.tr().get("data.coverageHint");
            return d.header().coverage().get(ctx.tr().lang());
        }, table.getSelectionModel().selectedItemProperty(), ctx.tr().langProperty()));

        Label freshness = new Label();
        freshness.setId("freshness");
        freshness.setWrapText(true);
        freshness.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetInfo d = table.getSelectionModel().getSelectedItem();
            Freshness f = d == null ? null : vm.freshness().get(d.id());
            if (f == null) return "";
            StringBuilder sb = new StringBuilder(ctx.tr().get("data.freshness", f.oldestAsOf() == null ? "—" : f.oldestAsOf().value(), f.stale(), f.records()));
            for (Freshness.CoverageFigure c : f.coverage()) {
                sb.append('\n').append(ctx.tr().get("data.freshness.coverage", ctx.tr().get("coverage.list." + c.key()), c.named(), c.total(), c.asOf().value()));
            }
            return sb.toString();
        }, table.getSelectionModel().selectedItemProperty(), ctx.tr().langProperty(), vm.freshness()));

        Button importButton = new Button();
        importButton.setId("import");
        importButton.textProperty().bind(ctx.tr().bind("data.import"));
        importButton.disableProperty().bind(vm.busyProperty());
        importButton.setOnAction(e -> vm.importFiles(ctx.fileDialogs().openFiles(getScene().getWindow(),
                ctx.tr().get("data.import"), ctx.tr().get("data.filter"), "*.json")));

        Button exportButton = new Button();
        exportButton.setId("export");
        exportButton.textProperty().bind(ctx.tr().bind("data.export"));
        exportButton.disableProperty().bind(vm.busyProperty());
        exportButton.setOnAction(e -> ctx.fileDialogs().chooseDirectory(getScene().getWindow(), ctx.tr().get("data.export"))
                .ifPresent(vm::exportTo));

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button();
        cancel.setId("cancel");
        cancel.textProperty().bind(ctx.tr().bind("action.cancel"));
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());

        HBox actions = new HBox(8, importButton, exportButton, progress, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.outcomeIsErrorProperty().addListener((o, a, err) -> {
            outcome.getStyleClass().removeAll("error-text", "ok-text");
            outcome.getStyleClass().add(err ? "error-text" : "ok-text");
        });

        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("problems");
        problems.getStyleClass().add("problem-list");
        problems.accessibleTextProperty().bind(ctx.tr().bind("data.problems"));
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox.setVgrow(problems, Priority.ALWAYS);

        Label reset = new Label();
        reset.setWrapText(true);
        reset.getStyleClass().add("muted");
        reset.textProperty().bind(ctx.tr().bind("data.where", ctx.app() == null ? "" : ctx.app().dataDir().toString()));

        getChildren().addAll(title, intro, table, coverage, freshness, actions, outcome, problems, publishers(), hk.baycover.ui.trust.TrustSection.on(ctx), reset);
    }

    /**
     * "Trusted publishers": the keys whose signed packs show the publisher's name. Type the name, then choose the
     * publisher's public key file (KEY.pub); remove a selected one.
     */
    private VBox publishers() {
        Label heading = new Label();
        heading.textProperty().bind(ctx.tr().bind("data.publishers"));
        heading.getStyleClass().add("section-title");
        Label hint = new Label();
        hint.textProperty().bind(ctx.tr().bind("data.publishers.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        ListView<hk.baycover.store.TrustedPublishers.Publisher> list = new ListView<>(vm.publishers());
        list.setId("publishers");
        list.accessibleTextProperty().bind(ctx.tr().bind("data.publishers"));
        list.setPrefHeight(90);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(hk.baycover.store.TrustedPublishers.Publisher p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + "  ·  " + p.shortFingerprint() + "  ·  " + p.addedAt().substring(0, 10));
            }
        });
        javafx.scene.control.TextField name = new javafx.scene.control.TextField();
        name.setId("publisher-name");
        name.promptTextProperty().bind(ctx.tr().bind("data.publishers.name"));
        name.accessibleTextProperty().bind(ctx.tr().bind("data.publishers.name"));
        Button add = new Button();
        add.setId("publisher-add");
        add.textProperty().bind(ctx.tr().bind("data.publishers.add"));
        add.disableProperty().bind(vm.busyProperty().or(name.textProperty().isEmpty()));
        add.setOnAction(e -> ctx.fileDialogs().openFiles(getScene().getWindow(), ctx.tr().get("data.publishers.add"),
                ctx.tr().get("data.publishers.filter"), "*.pub").stream().findFirst().ifPresent(f -> {
                    if (vm.trustPublisher(f, name.getText()) != null) name.clear();
                }));
        Button remove = new Button();
        remove.setId("publisher-remove");
        remove.textProperty().bind(ctx.tr().bind("data.publishers.remove"));
        remove.disableProperty().bind(vm.busyProperty().or(list.getSelectionModel().selectedItemProperty().isNull()));
        remove.setOnAction(e -> vm.removePublisher(list.getSelectionModel().getSelectedItem()));
        HBox row = new HBox(8, name, add, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox box = new VBox(6, heading, hint, list, row);
        box.setId("publishers-section");
        return box;
    }

    public DataViewModel viewModel() { return vm; }

    /** A column whose width ({@code px} at normal text size) grows with the larger-text setting. */
    private TableColumn<DatasetInfo, String> column(String key, double px, Function<DatasetInfo, String> value) {
        TableColumn<DatasetInfo, String> c = new TableColumn<>();
        c.prefWidthProperty().bind(ctx.settings().fontScaleProperty().multiply(px));
        c.textProperty().bind(ctx.tr().bind(key));
        // never narrower than its heading (the table scrolls sideways instead of cutting headings to "…")
        c.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> (hk.baycover.ui.common.Fit.ems(c.getText()) + 2) * hk.baycover.ui.Styles.BASE_FONT_PX * ctx.settings().fontScaleProperty().get(),
                c.textProperty(), ctx.settings().fontScaleProperty()));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
