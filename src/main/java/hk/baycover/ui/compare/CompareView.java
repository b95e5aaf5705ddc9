package hk.baycover.ui.compare;

import hk.baycover.compare.Format;
import hk.baycover.compare.Cell;
import hk.baycover.compare.Column;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.Row;
import hk.baycover.compare.RowGroup;
import hk.baycover.compare.Texts;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Need;
import hk.baycover.model.PinnedComparison;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SzInsurance;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Compare screen. Left: a searchable, filterable product list with check boxes (Space or Enter ticks the
 * highlighted product). Right: the client filter, "only differences", pins and exports, then the matrix — grouped rows,
 * products in the order picked, differing cells highlighted (.diff-cell), sample figures badged, ineligible products
 * greyed with the reasons under the header, every cell's sources and as-of date in its tooltip and, for keyboard users,
 * in the line under the table when the cell is selected.
 */
public final class CompareView extends SplitPane {

    private final UiContext ctx;
    private final CompareViewModel vm;
    private final TableView<Line> table = new TableView<>();
    private final Label cellSource = new Label();

    /** One line of the matrix table: a group heading, a section heading (a need), or a row of values. */
    public record Line(RowGroup group, LocalizedText section, Row row) {
        boolean heading() { return row == null; }
    }

    /** A choice in a filter combo box; a null value means "any". */
    public record Choice<T>(T value) {
    }

    public CompareView(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new CompareViewModel(ctx);
        setId("compare-view");
        // the matrix side scrolls as a whole when larger text needs more height than the window has
        javafx.scene.control.ScrollPane mainRoom = new javafx.scene.control.ScrollPane(main());
        mainRoom.setFitToWidth(true);
        mainRoom.setFitToHeight(true);
        mainRoom.getStyleClass().add("screen-room");
        getItems().addAll(picker(), mainRoom);
        setDividerPositions(0.27);
        vm.matrixProperty().addListener((o, a, m) -> rebuild());
        vm.onlyDifferencesProperty().addListener((o, a, b) -> rebuild());
        ctx.tr().langProperty().addListener((o, a, b) -> rebuild());
        ctx.settings().fontScaleProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** One em at the current text size, in pixels (column widths follow the larger-text setting). */
    private double em() {
        return hk.baycover.ui.Styles.BASE_FONT_PX * ctx.settings().fontScaleProperty().get();
    }

    /** The horizontal scroll bar of the matrix (once its skin exists). */
    private javafx.scene.control.ScrollBar hbar;

    /**
     * Frozen row headers: the first column's cells and header are shifted by the horizontal scroll offset and drawn above
     * the product columns, so the row labels stay in view while the products scroll sideways.
     */
    private void freezeRowHeaders() {
        for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                hbar = bar;
                bar.valueProperty().addListener((o, a, b) -> shiftFrozen());
            }
        }
    }

    private void shiftFrozen() {
        double x = hbar == null ? 0 : hbar.getValue();
        for (javafx.scene.Node n : table.lookupAll(".frozen-cell")) n.setTranslateX(x);
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if ("col-dimension".equals(n.getId())) {
                n.setTranslateX(x);
                n.setViewOrder(-1);
                if (!n.getStyleClass().contains("frozen-header")) n.getStyleClass().add("frozen-header");
            }
        }
    }

    public CompareViewModel viewModel() { return vm; }

    // ------------------------------------------------------------------ picker

    private VBox picker() {
        Label title = label("compare.title", "screen-title");
        Label intro = hk.baycover.ui.common.Fit.wrap(label("compare.intro", "muted"));

        TextField search = new TextField();
        search.setId("compare-search");
        search.promptTextProperty().bind(ctx.tr().bind("compare.search.prompt"));
        search.accessibleTextProperty().bind(ctx.tr().bind("compare.search"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        Label searchLabel = label("compare.search", null);
        searchLabel.setLabelFor(search);

        ComboBox<Choice<ProductKind>> kind = choice("compare-kind", "compare.filter.kind", Arrays.asList(ProductKind.values()),
                k -> ctx.tr().name(k), vm.kindProperty());
        ComboBox<Choice<Region>> region = choice("compare-region", "compare.filter.region", Arrays.asList(Region.values()),
                r -> ctx.tr().name(r), vm.regionProperty());
        ComboBox<Choice<Need>> need = choice("compare-need", "compare.filter.need", Arrays.asList(Need.values()),
                n -> ctx.tr().name(n), vm.needProperty());
        ComboBox<Choice<String>> provider = choice("compare-provider", "compare.filter.provider", providerKeys(),
                k -> providerName(k), vm.providerProperty());
        ctx.catalogProperty().addListener((o, a, c) -> {
            List<Choice<String>> items = new ArrayList<>();
            items.add(new Choice<>(null));
            providerKeys().forEach(k -> items.add(new Choice<>(k)));
            provider.getItems().setAll(items);
        });

        Button clearFilters = button("compare-clear-filters", "compare.filter.clear");
        clearFilters.setOnAction(e -> vm.clearFilters());

        ListView<Product> list = new ListView<>(vm.candidates());
        list.setId("compare-products");
        list.accessibleTextProperty().bind(ctx.tr().bind("compare.search"));
        list.setCellFactory(v -> new ProductCell());
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER) && list.getFocusModel().getFocusedItem() != null) {
                vm.toggle(list.getFocusModel().getFocusedItem().id());
                list.refresh();
                e.consume();
            }
        });
        vm.picked().addListener((javafx.collections.ListChangeListener<String>) c -> list.refresh());
        ctx.tr().langProperty().addListener((o, a, b) -> list.refresh());
        // ↓ from the search field moves into the list
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getFocusModel().getFocusedIndex() < 0) list.getFocusModel().focus(0);
                list.getSelectionModel().select(list.getFocusModel().getFocusedIndex());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label shown = new Label();
        shown.setId("compare-shown");
        shown.textProperty().bind(ctx.tr().bind("compare.shown", vm.shownProperty(), vm.totalProperty()));
        Label selected = new Label();
        selected.setId("compare-selected");
        selected.textProperty().bind(ctx.tr().bind("compare.selected", Bindings.size(vm.picked())));
        Button clear = button("compare-clear", "compare.clearSelection");
        clear.setOnAction(e -> vm.clearSelection());
        clear.disableProperty().bind(Bindings.isEmpty(vm.picked()));

        VBox box = new VBox(6, title, intro, searchLabel, search, kind, provider, region, need, clearFilters, list, shown,
                new HBox(8, selected, clear));
        box.setPadding(new Insets(12));
        box.setMinWidth(240);
        return box;
    }

    private List<String> providerKeys() {
        return new ArrayList<>(vm.providers().keySet());
    }

    private String providerName(String key) {
        Map<String, LocalizedText> p = vm.providers();
        LocalizedText t = p.get(key);
        return t == null ? key : Texts.get(t, ctx.tr().lang());
    }

    private <T> ComboBox<Choice<T>> choice(String id, String labelKey, List<T> values, Function<T, String> name, ObjectProperty<T> target) {
        ObservableList<Choice<T>> items = FXCollections.observableArrayList();
        items.add(new Choice<>(null));
        values.forEach(v -> items.add(new Choice<>(v)));
        ComboBox<Choice<T>> box = new ComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.accessibleTextProperty().bind(ctx.tr().bind(labelKey));
        box.setCellFactory(v -> new ChoiceCell<>(labelKey, name));
        box.setButtonCell(new ChoiceCell<>(labelKey, name));
        box.setValue(items.get(0));
        box.valueProperty().addListener((o, a, b) -> target.set(b == null ? null : b.value()));
        target.addListener((o, a, b) -> {
            if (box.getValue() == null || !Objects.equals(box.getValue().value(), b)) {
                box.getItems().stream().filter(c -> Objects.equals(c.value(), b)).findFirst().ifPresent(box::setValue);
            }
        });
        box.setTooltip(tooltip(ctx.tr().get(labelKey)));
        ctx.tr().langProperty().addListener((o, a, b) -> {
            Choice<T> v = box.getValue();
            box.setButtonCell(new ChoiceCell<>(labelKey, name));
            box.setValue(null);
            box.setValue(v);
        });
        return box;
    }

    private final class ChoiceCell<T> extends ListCell<Choice<T>> {
        private final String labelKey;
        private final Function<T, String> name;

        ChoiceCell(String labelKey, Function<T, String> name) {
            this.labelKey = labelKey;
            this.name = name;
        }

        @Override
        protected void updateItem(Choice<T> item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            String label = ctx.tr().get(labelKey);
            setText(item.value() == null ? label + ": " + ctx.tr().get("compare.filter.any") : label + ": " + name.apply(item.value()));
        }
    }

    /** A product in the picker: a check box (mouse), its name, kind and provider. */
    private final class ProductCell extends ListCell<Product> {
        private final CheckBox check = new CheckBox();
        private final Label name = new Label();
        private final Label meta = new Label();
        private final Label badge = new Label();
        private final VBox text = new VBox(1, name, meta);
        private final HBox box = new HBox(6, check, text, badge);

        ProductCell() {
            check.setFocusTraversable(false);
            meta.getStyleClass().add("muted");
            badge.getStyleClass().add("sample-badge");
            box.setAlignment(Pos.CENTER_LEFT);
            name.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            check.setOnAction(e -> {
                Product p = getItem();
                if (p != null) vm.toggle(p.id());
                check.setSelected(p != null && vm.isPicked(p.id()));
                getListView().refresh();
            });
        }

        @Override
        protected void updateItem(Product p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                setId(null);
                check.setId(null);
                return;
            }
            Lang lang = ctx.tr().lang();
            setId("product-" + safeId(p.id()));
            check.setSelected(vm.isPicked(p.id()));
            check.setId("check-" + safeId(p.id()));
            name.setText(Texts.get(p.name(), lang));
            LocalizedText provider = hk.baycover.compare.ComparisonService.providerOf(p);
            String kindLine = provider == null ? ctx.tr().name(p.kind()) : ctx.tr().get("compare.kindLine", ctx.tr().name(p.kind()), Texts.get(provider, lang));
            // the "may be out of date" mark opens the second line, so a narrow picker still shows it
            boolean stale = hk.baycover.model.Freshness.stale(p, ctx.today());
            meta.setText(stale ? ctx.tr().get("stale.badge") + " · " + kindLine : kindLine);
            badge.setText(ctx.tr().get("sample.badge"));
            badge.setVisible(p.sample());
            badge.setManaged(p.sample());
            check.setAccessibleText(Texts.get(p.name(), lang));
            setGraphic(box);
            setText(null);
        }
    }

    // ------------------------------------------------------------------ main area

    private VBox main() {
        Label clientTitle = label("compare.client", "section-title");
        TextField age = new TextField();
        age.setId("compare-age");
        age.setPrefColumnCount(9);
        age.promptTextProperty().bind(ctx.tr().bind("compare.client.agePrompt"));
        age.accessibleTextProperty().bind(ctx.tr().bind("compare.client.age"));
        age.textProperty().bindBidirectional(vm.ageTextProperty());
        vm.clientInvalidProperty().addListener((o, a, bad) -> {
            age.getStyleClass().remove("error-field");
            if (bad) age.getStyleClass().add("error-field");
        });
        Label ageLabel = label("compare.client.age", null);
        ageLabel.setLabelFor(age);
        ComboBox<Choice<Sex>> sex = choice("compare-sex", "compare.client.sex", Arrays.asList(Sex.values()), s -> ctx.tr().name(s), vm.sexProperty());
        ComboBox<ResidencyStatus> residency = enumBox("compare-residency", "compare.client.residency", ResidencyStatus.values(), vm.residencyProperty());
        ComboBox<LivingPlace> livesIn = enumBox("compare-lives-in", "compare.client.livesIn", LivingPlace.values(), vm.livesInProperty());
        ComboBox<SzInsurance> sz = enumBox("compare-sz", "compare.client.sz", SzInsurance.values(), vm.szInsuranceProperty());
        Label clientError = new Label();
        clientError.setId("compare-client-error");
        clientError.getStyleClass().add("error-text");
        clientError.textProperty().bind(vm.clientErrorProperty());
        clientError.managedProperty().bind(vm.clientInvalidProperty());
        clientError.visibleProperty().bind(vm.clientInvalidProperty());
        FlowPane client = new FlowPane(8, 6, clientTitle, ageLabel, age, sex, residency, livesIn, sz);
        client.setAlignment(Pos.CENTER_LEFT);

        CheckBox onlyDiff = new CheckBox();
        onlyDiff.setId("compare-only-diff");
        onlyDiff.textProperty().bind(ctx.tr().bind("compare.onlyDifferences"));
        onlyDiff.selectedProperty().bindBidirectional(vm.onlyDifferencesProperty());
        Label rowsShown = new Label();
        rowsShown.setId("compare-rows-shown");
        rowsShown.getStyleClass().add("muted");

        Button pin = button("compare-pin", "compare.pin");
        pin.disableProperty().bind(vm.matrixProperty().isNull());
        pin.setOnAction(e -> vm.pin());
        ComboBox<PinnedComparison> pins = new ComboBox<>(vm.pins());
        pins.setId("compare-pins");
        pins.promptTextProperty().bind(Bindings.when(Bindings.isEmpty(vm.pins())).then(ctx.tr().bind("compare.pinned.none")).otherwise(ctx.tr().bind("compare.pinned")));
        pins.accessibleTextProperty().bind(ctx.tr().bind("compare.pinned"));
        pins.setCellFactory(v -> new PinCell());
        pins.setButtonCell(new PinCell());
        pins.setPrefWidth(260);
        Button open = button("compare-open-pin", "compare.open");
        open.disableProperty().bind(pins.valueProperty().isNull());
        open.setOnAction(e -> vm.open(pins.getValue()));
        Button unpin = button("compare-remove-pin", "compare.unpin");
        unpin.disableProperty().bind(pins.valueProperty().isNull());
        unpin.setOnAction(e -> {
            vm.remove(pins.getValue());
            pins.setValue(null);
        });

        Button pdf = button("compare-export-pdf", "compare.exportPdf");
        pdf.disableProperty().bind(vm.matrixProperty().isNull().or(vm.busyProperty()));
        pdf.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("compare.exportPdf"), "comparison.pdf",
                ctx.tr().get("compare.filter.pdf"), "*.pdf").ifPresent(vm::exportPdf));
        Button csv = button("compare-export-csv", "compare.exportCsv");
        csv.disableProperty().bind(vm.matrixProperty().isNull().or(vm.busyProperty()));
        csv.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("compare.exportCsv"), "comparison.csv",
                ctx.tr().get("compare.filter.csv"), "*.csv").ifPresent(vm::exportCsv));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("compare-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());

        FlowPane actions = new FlowPane(8, 6, onlyDiff, rowsShown, new Separator(Orientation.VERTICAL), pin, pins, open, unpin,
                new Separator(Orientation.VERTICAL), pdf, csv, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("compare-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        vm.outcomeIsErrorProperty().addListener((o, a, err) -> {
            outcome.getStyleClass().removeAll("error-text", "ok-text");
            outcome.getStyleClass().add(err ? "error-text" : "ok-text");
        });

        Label neutral = label("compare.neutral", "muted");
        Label eligibility = new Label();
        eligibility.setId("compare-eligibility");
        eligibility.setWrapText(true);
        eligibility.textProperty().bind(Bindings.createStringBinding(this::eligibilityLine, vm.matrixProperty(), ctx.tr().langProperty()));
        eligibility.getStyleClass().add("compare-eligibility");
        eligibility.managedProperty().bind(eligibility.textProperty().isNotEmpty());

        Label hint = label("compare.pickHint", "muted");
        hint.setId("compare-hint");
        hint.visibleProperty().bind(vm.matrixProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());

        table.setId("compare-matrix");
        table.accessibleTextProperty().bind(ctx.tr().bind("compare.title"));
        table.getSelectionModel().setCellSelectionEnabled(true);
        // columns keep a readable width and the table scrolls sideways (a constrained policy squeezed the first product
        // column to a few pixels with 3-6 products); the row labels stay in place while it scrolls (frozen)
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(v -> new LineRow());
        table.skinProperty().addListener((o, a, skin) -> freezeRowHeaders());
        table.visibleProperty().bind(vm.matrixProperty().isNotNull());
        table.managedProperty().bind(table.visibleProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getFocusModel().focusedCellProperty().addListener(o -> showSource(table.getFocusModel().getFocusedCell()));

        cellSource.setId("compare-cell-source");
        cellSource.setWrapText(true);
        cellSource.getStyleClass().add("muted");

        rowsShown.textProperty().bind(Bindings.createStringBinding(() -> {
            ComparisonMatrix m = vm.matrixProperty().get();
            if (m == null) return "";
            int shown = vm.onlyDifferencesProperty().get() ? m.differingRows().size() : m.rows().size();
            return ctx.tr().get("compare.rowsShown", shown, m.rows().size());
        }, vm.matrixProperty(), vm.onlyDifferencesProperty(), ctx.tr().langProperty()));

        VBox box = new VBox(8, client, clientError, actions, outcome, new Separator(), neutral, eligibility, hint, table, cellSource);
        box.setPadding(new Insets(12));
        return box;
    }

    private <E extends Enum<E>> ComboBox<E> enumBox(String id, String labelKey, E[] values, ObjectProperty<E> target) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.accessibleTextProperty().bind(ctx.tr().bind(labelKey));
        box.setCellFactory(v -> new EnumCell<>(labelKey));
        box.setButtonCell(new EnumCell<>(labelKey));
        box.valueProperty().bindBidirectional(target);
        box.setTooltip(tooltip(ctx.tr().get(labelKey)));
        ctx.tr().langProperty().addListener((o, a, b) -> box.setButtonCell(new EnumCell<>(labelKey)));
        return box;
    }

    private final class EnumCell<E extends Enum<E>> extends ListCell<E> {
        private final String labelKey;

        EnumCell(String labelKey) {
            this.labelKey = labelKey;
        }

        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ctx.tr().get(labelKey) + ": " + ctx.tr().name(item));
        }
    }

    private final class PinCell extends ListCell<PinnedComparison> {
        @Override
        protected void updateItem(PinnedComparison item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }

    private String eligibilityLine() {
        ComparisonMatrix m = vm.matrixProperty().get();
        if (m == null || !m.request().hasClient()) return "";
        Lang lang = ctx.tr().lang();
        List<Column> out = m.ineligible();
        List<Column> confirm = m.unconfirmed();
        if (out.isEmpty() && confirm.isEmpty()) return ctx.tr().get("compare.allEligible");
        List<String> parts = new java.util.ArrayList<>();
        if (!out.isEmpty()) {
            parts.add(ctx.tr().get("compare.ineligibleHeader", out.stream().map(c -> ctx.tr().get("compare.ineligibleItem", Texts.get(c.name(), lang),
                    Format.clauses(lang, c.why().stream().map(w -> Texts.get(w, lang)).toList()))).collect(Collectors.joining(" · "))));
        }
        if (!confirm.isEmpty()) {
            parts.add(ctx.tr().get("compare.unconfirmedHeader", confirm.stream().map(c -> ctx.tr().get("compare.ineligibleItem", Texts.get(c.name(), lang),
                    Format.clauses(lang, c.why().stream().map(w -> Texts.get(w, lang)).toList()))).collect(Collectors.joining(" · "))));
        }
        return String.join("\n", parts);
    }

    // ------------------------------------------------------------------ the matrix table

    private void rebuild() {
        ComparisonMatrix m = vm.matrixProperty().get();
        table.getColumns().clear();
        table.getItems().clear();
        cellSource.setText("");
        if (m == null) return;
        Lang lang = ctx.tr().lang();
        TableColumn<Line, Line> dim = new TableColumn<>(ctx.tr().get("compare.col.dimension"));
        dim.setId("col-dimension");
        dim.setSortable(false);
        dim.setReorderable(false);
        dim.setMinWidth(9 * em());
        dim.setPrefWidth(14 * em());
        dim.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        dim.setCellFactory(c -> new LabelCell(null));
        table.getColumns().add(dim);
        for (Column col : m.columns()) {
            TableColumn<Line, Line> tc = new TableColumn<>();
            tc.setId("col-" + col.productId());
            tc.setUserData(col.productId());
            tc.setSortable(false);
            tc.setReorderable(false);
            // a readable minimum (about 15 characters a line); wider when the window has room for every product
            double min = 15 * em();
            tc.setMinWidth(min);
            int n = m.columns().size();
            tc.prefWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(min, (table.getWidth() - dim.getWidth() - 2 * em()) / n), table.widthProperty(), dim.widthProperty()));
            String fullName = Texts.get(col.name(), lang);
            Label header = new Label(fullName + "\n" + ctx.tr().name(col.kind()));
            header.setWrapText(true);
            header.prefWidthProperty().bind(tc.widthProperty().subtract(12));
            header.setTooltip(tooltip(fullName));
            header.setId("header-" + safeId(col.productId()));
            if (!col.eligible()) {
                header.getStyleClass().add(col.unconfirmed() ? "unconfirmed-header" : "ineligible-header");
                header.setText(header.getText() + "\n" + ctx.tr().get(col.statusKey()));
                header.setTooltip(tooltip(fullName + "\n" + col.why().stream().map(w -> Texts.get(w, lang)).collect(Collectors.joining("\n"))));
            } else if (col.provider() != null) {
                header.setTooltip(tooltip(fullName + "\n" + Texts.get(col.provider(), lang)));
            }
            // the header row takes the height of the tallest name, wrapped at the narrowest column width
            double lines = 0;
            for (String part : header.getText().split("\n")) {
                // words wrap whole: Latin text needs some slack
                lines += Math.max(1, Math.ceil(hk.baycover.ui.common.Fit.ems(part) * em() / (min - 16) + (part.matches(".*[A-Za-z]{3,}.*") ? 0.4 : 0)));
            }
            header.setMinHeight((lines * 1.35 + 0.4) * em());
            header.setPrefHeight(header.getMinHeight());
            tc.setGraphic(header);
            tc.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
            tc.setCellFactory(c -> new LabelCell(col));
            table.getColumns().add(tc);
        }
        List<Line> lines = new ArrayList<>();
        RowGroup group = null;
        LocalizedText section = null;
        for (Row r : vm.onlyDifferencesProperty().get() ? m.differingRows() : m.rows()) {
            if (r.group() != group) {
                group = r.group();
                section = null;
                lines.add(new Line(group, null, null));
            }
            if (r.section() != null && !Objects.equals(r.section(), section)) {
                section = r.section();
                lines.add(new Line(group, section, null));
            }
            lines.add(new Line(group, r.section(), r));
        }
        table.getItems().setAll(lines);
        if (hbar != null) hbar.setValue(0);
        javafx.application.Platform.runLater(this::shiftFrozen);
    }

    /** Shows the focused cell's sources under the table (keyboard users cannot hover). */
    private void showSource(TablePosition<?, ?> pos) {
        if (pos == null || pos.getRow() < 0 || pos.getRow() >= table.getItems().size() || pos.getTableColumn() == null) {
            cellSource.setText("");
            return;
        }
        Line line = table.getItems().get(pos.getRow());
        Object productId = pos.getTableColumn().getUserData();
        if (line.heading() || !(productId instanceof String)) {
            cellSource.setText("");
            return;
        }
        Cell c = line.row().cell((String) productId);
        cellSource.setText(vm.name(c.productId()) + " — " + line.row().label(ctx.tr().lang()) + ": " + sourceText(c).replace("\n", " · "));
    }

    private String sourceText(Cell c) {
        List<String> lines = new ArrayList<>();
        if (c.sample()) lines.add(ctx.tr().get("compare.tooltip.sample"));
        if (!c.published()) lines.add(ctx.tr().get("compare.tooltip.notPublished"));
        if (c.detail() != null && !c.detail().isEmpty()) lines.add(Texts.get(c.detail(), ctx.tr().lang()));
        if (c.sources().isEmpty()) {
            lines.add(ctx.tr().get("compare.tooltip.noSource"));
        } else {
            lines.add(ctx.tr().get("compare.tooltip.sources"));
            for (Source s : c.sources()) lines.add(sourceLine(s));
        }
        if (c.asOf() != null) lines.add(ctx.tr().get("compare.tooltip.asOf", c.asOf().value()));
        if (c.confidence() != null) lines.add(ctx.tr().get("compare.tooltip.confidence", ctx.tr().name(c.confidence())));
        if (c.differs()) lines.add(ctx.tr().get("compare.tooltip.differs"));
        return String.join("\n", lines);
    }

    private String sourceLine(Source s) {
        return "• " + hk.baycover.i18n.SourceText.line(s, ctx.tr().lang());
    }

    private Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(560);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    private final class LineRow extends TableRow<Line> {
        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("compare-group-row", "compare-section-row");
            if (!empty && line != null && line.heading()) {
                getStyleClass().add(line.section() == null ? "compare-group-row" : "compare-section-row");
            }
        }
    }

    /** A matrix cell: wrapped text, a sample badge, .diff-cell when it differs, greyed when the product is ineligible. */
    private final class LabelCell extends TableCell<Line, Line> {
        private final Column column;
        private final Text text = new Text();
        private final Label badge = new Label();
        private final VBox box = new VBox(2, text, badge);

        LabelCell(Column column) {
            this.column = column;
            text.getStyleClass().add("compare-cell-text");
            badge.getStyleClass().add("sample-badge");
            setPrefHeight(Control.USE_COMPUTED_SIZE);
            box.setPadding(new Insets(2, 0, 2, 0));
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("diff-cell", "not-published", "ineligible", "unconfirmed", "sample-cell", "compare-heading");
            if (column == null) {
                // the row label column is frozen: drawn above the product columns, shifted by the horizontal scroll
                if (!getStyleClass().contains("frozen-cell")) getStyleClass().add("frozen-cell");
                setViewOrder(-1);
                setTranslateX(hbar == null ? 0 : hbar.getValue());
            }
            setTooltip(null);
            setText(null);
            setId(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            Lang lang = ctx.tr().lang();
            text.wrappingWidthProperty().bind(getTableColumn().widthProperty().subtract(14));
            if (line.heading()) {
                getStyleClass().add("compare-heading");
                text.setText(column == null ? (line.section() == null ? ctx.tr().get("compare.group." + line.group().name()) : Texts.get(line.section(), lang)) : "");
                badge.setVisible(false);
                badge.setManaged(false);
                setGraphic(box);
                return;
            }
            Row r = line.row();
            if (column == null) {
                text.setText(r.label(lang));
                setId("label-" + safeId(r.key()));
                badge.setVisible(false);
                badge.setManaged(false);
                setGraphic(box);
                return;
            }
            Cell c = r.cell(column.productId());
            setId("cell-" + safeId(r.key()) + "-" + safeId(column.productId()));
            text.setText(c.text(lang));
            badge.setText(ctx.tr().get("sample.badge"));
            badge.setVisible(c.sample());
            badge.setManaged(c.sample());
            if (c.differs()) getStyleClass().add("diff-cell");
            if (!c.published()) getStyleClass().add("not-published");
            if (c.sample()) getStyleClass().add("sample-cell");
            if (!column.eligible()) getStyleClass().add(column.unconfirmed() ? "unconfirmed" : "ineligible");
            setTooltip(tooltip(sourceText(c)));
            setAccessibleText(r.label(lang) + ": " + c.text(lang));
            setGraphic(box);
        }
    }

    // ------------------------------------------------------------------ small helpers

    /** A node id usable in CSS selectors (row keys and product ids may hold dots). */
    public static String safeId(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private Label label(String key, String style) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        if (style != null) l.getStyleClass().add(style);
        return l;
    }

    private Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        return b;
    }

    /** For tests: the lines currently in the matrix table. */
    public List<Line> lines() {
        return List.copyOf(table.getItems());
    }

    /** For tests: the products shown in the picker. */
    public List<String> candidateIds() {
        return vm.candidates().stream().map(Product::id).toList();
    }
}
