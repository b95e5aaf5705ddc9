package hk.baycover.ui.gaps;

import hk.baycover.gaps.AgePolicy;
import hk.baycover.gaps.CellDetail;
import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.ReasonGroup;
import hk.baycover.gaps.SegmentConfig;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableSet;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Gaps screen for product teams: the segments × needs heat map (filters, pivot, "uncovered only", counts per row
 * and column, legend and a colour-blind-safe palette), a cell's products and reasons, what-if drafts switched into the
 * matrix with the cells they change, and exports (CSV, PNG, PDF, drafts as a pack).
 */
public final class GapsView extends BorderPane {

    private final UiContext ctx;
    private final GapsViewModel vm;
    private final HeatMap map;
    private final VBox detail = new VBox(4);
    private final VBox draftRows = new VBox(2);
    private final DraftEditor editor;
    private final TabPane side = new TabPane();
    private final Tab cellTab = new Tab();
    private final Tab whatIfTab = new Tab();
    private final Tab editorTab = new Tab();
    private final Label summary = new Label();
    private final Label uncoveredLine = new Label();
    private final ScrollPane scroll = new ScrollPane();
    /** The first time a matrix is shown, the map opens on the age groups northbound retirees are in. */
    private boolean openedOnRetirees;
    /** The row kept at the top while the map settles (-1: none; the user's own scrolling ends it). */
    private int anchorRow = -1;
    private boolean anchoring;
    private final ListView<String> diffList = new ListView<>();
    private final Label diffSummary = new Label();

    public GapsView(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new GapsViewModel(ctx);
        this.map = new HeatMap(vm);
        this.editor = new DraftEditor(ctx);
        setId("gaps-view");
        getStyleClass().add("gaps-view");
        getStylesheets().add(GapsView.class.getResource("gaps.css").toExternalForm());
        setPadding(new Insets(12));

        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("gaps.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label();
        intro.textProperty().bind(ctx.tr().bind("gaps.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        summary.setId("gaps-summary");
        summary.setWrapText(true);

        uncoveredLine.setId("gaps-uncovered");
        uncoveredLine.getStyleClass().add("section-title");
        uncoveredLine.setWrapText(true);
        VBox top = new VBox(6, title, intro, filters(), pivot(), legend(), uncoveredLine, summary);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        scroll.setContent(map);
        scroll.setId("heat-map-scroll");
        scroll.setFitToWidth(false);
        scroll.setPannable(false);
        scroll.hvalueProperty().addListener((o, a, b) -> freezeHeaders());
        scroll.vvalueProperty().addListener((o, a, b) -> {
            if (!anchoring) anchorRow = -1;
            freezeHeaders();
        });
        scroll.viewportBoundsProperty().addListener((o, a, b) -> freezeHeaders());
        // a new language or text size lays the map out anew: the frozen headers follow its new size
        map.layoutBoundsProperty().addListener((o, a, b) -> {
            if (anchorRow >= 0) scrollToAnchor();
            else freezeHeaders();
        });
        scroll.viewportBoundsProperty().addListener((o, a, b) -> scrollToAnchor());
        setCenter(scroll);

        side.setId("gaps-side");
        side.setPrefWidth(420);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        cellTab.textProperty().bind(ctx.tr().bind("gaps.tab.cell"));
        whatIfTab.textProperty().bind(ctx.tr().bind("gaps.tab.whatIf"));
        editorTab.textProperty().bind(ctx.tr().bind("gaps.tab.editor"));
        detail.setId("cell-detail");
        detail.setPadding(new Insets(8));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        cellTab.setContent(detailScroll);
        ScrollPane editorScroll = new ScrollPane(editor);
        editorScroll.setFitToWidth(true);
        side.getTabs().addAll(cellTab, whatIfTab, editorTab);
        // the what-if list and the draft editor join the scene when their tab is first chosen
        hk.baycover.ui.common.LazyTabs.attachOnFirstSelect(whatIfTab, whatIf());
        hk.baycover.ui.common.LazyTabs.attachOnFirstSelect(editorTab, editorScroll);
        setRight(side);
        setBottom(statusBar());

        editor.onSave(p -> vm.saveDraft(p, editor.basedOn(), editor.previousId(), () -> side.getSelectionModel().select(whatIfTab),
                editor::showProblems));
        editor.onCancel(() -> side.getSelectionModel().select(whatIfTab));

        map.setOnOpen(() -> side.getSelectionModel().select(cellTab));
        map.setOnReveal(this::scrollIntoView);
        vm.versionProperty().addListener((o, a, b) -> refresh());
        vm.selectedProperty().addListener((o, a, d) -> showDetail(d));
        vm.colourBlindProperty().addListener((o, a, on) -> {
            if (on) getStyleClass().add("palette-cb");
            else getStyleClass().remove("palette-cb");
        });
        vm.drafts().addListener((javafx.collections.ListChangeListener<GapsViewModel.DraftItem>) c -> renderDrafts());
        ctx.tr().langProperty().addListener((o, a, b) -> {
            refresh();
            showDetail(vm.selectedProperty().get());
            renderDrafts();
        });
        vm.load();
    }

    public GapsViewModel viewModel() { return vm; }

    HeatMap heatMap() { return map; }

    // ------------------------------------------------------------------ top controls

    private Node filters() {
        SegmentConfig cfg = vm.configProperty().get();
        MenuButton age = new MenuButton();
        age.setId("filter-age");
        age.textProperty().bind(ctx.tr().bind("gaps.filter.age"));
        vm.configProperty().addListener((o, a, c) -> fillBands(age));
        fillBands(age);
        MenuButton place = menu("filter-place", "gaps.filter.place", cfg.livesIn(), vm.placeFilter(), p -> GapTexts.name(ctx.tr().lang(), p));
        MenuButton sz = menu("filter-sz", "gaps.filter.sz", cfg.szMedicalInsurance(), vm.insuranceFilter(), b -> GapTexts.insurance(ctx.tr().lang(), b));
        MenuButton cond = menu("filter-cond", "gaps.filter.conditions", cfg.conditions(), vm.conditionFilter(), c -> GapTexts.name(ctx.tr().lang(), c));
        MenuButton needs = menu("filter-needs", "gaps.filter.needs", cfg.needs(), vm.needFilter(), n -> GapTexts.name(ctx.tr().lang(), n));
        CheckBox uncovered = new CheckBox();
        uncovered.setId("uncovered-only");
        uncovered.textProperty().bind(ctx.tr().bind("gaps.filter.uncoveredOnly"));
        uncovered.selectedProperty().bindBidirectional(vm.uncoveredOnlyProperty());
        Button reset = new Button();
        reset.setId("filter-reset");
        reset.textProperty().bind(ctx.tr().bind("gaps.filter.reset"));
        reset.setOnAction(e -> vm.resetFilters());
        FlowPane row = new FlowPane(8, 6, label("gaps.filter.title"), age, place, sz, cond, needs, uncovered, reset);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void fillBands(MenuButton age) {
        age.getItems().clear();
        SegmentConfig cfg = vm.configProperty().get();
        for (int i = 0; i < cfg.bands().size(); i++) {
            int idx = i;
            CheckMenuItem item = new CheckMenuItem(cfg.bands().get(i).label());
            item.setId("filter-age-" + i);
            item.setSelected(vm.bandFilter().contains(i));
            item.selectedProperty().addListener((o, a, on) -> {
                if (on) vm.bandFilter().add(idx);
                else vm.bandFilter().remove(idx);
            });
            age.getItems().add(item);
        }
    }

    private <T> MenuButton menu(String id, String key, List<T> values, ObservableSet<T> set, Function<T, String> name) {
        MenuButton m = new MenuButton();
        m.setId(id);
        m.textProperty().bind(ctx.tr().bind(key));
        for (T v : values) {
            CheckMenuItem item = new CheckMenuItem();
            item.setId(id + "-" + v);
            item.textProperty().bind(Bindings.createStringBinding(() -> name.apply(v), ctx.tr().langProperty()));
            item.setSelected(set.contains(v));
            item.selectedProperty().addListener((o, a, on) -> {
                if (on) set.add(v);
                else set.remove(v);
            });
            set.addListener((javafx.collections.SetChangeListener<T>) ch -> item.setSelected(set.contains(v)));
            m.getItems().add(item);
        }
        return m;
    }

    private Node pivot() {
        ToggleButton swap = new ToggleButton();
        swap.setId("swap-axes");
        swap.textProperty().bind(ctx.tr().bind("gaps.pivot.swap"));
        swap.selectedProperty().bindBidirectional(vm.swapAxesProperty());
        ComboBox<GapsViewModel.Dimension> group = new ComboBox<>();
        group.setId("group-by");
        group.getItems().setAll(GapsViewModel.Dimension.values());
        group.setCellFactory(v -> new NameCell<>(d -> ctx.tr().get("gaps.dimension." + d.name())));
        group.setButtonCell(new NameCell<>(d -> ctx.tr().get("gaps.dimension." + d.name())));
        group.valueProperty().bindBidirectional(vm.groupByProperty());
        group.accessibleTextProperty().bind(ctx.tr().bind("gaps.pivot.groupBy"));
        group.disableProperty().bind(vm.swapAxesProperty());

        ComboBox<AgePolicy> policy = new ComboBox<>();
        policy.setId("age-policy");
        policy.getItems().setAll(AgePolicy.values());
        policy.setCellFactory(v -> new NameCell<>(p -> GapTexts.name(ctx.tr().lang(), p)));
        policy.setButtonCell(new NameCell<>(p -> GapTexts.name(ctx.tr().lang(), p)));
        policy.setValue(vm.configProperty().get().agePolicy());
        policy.accessibleTextProperty().bind(ctx.tr().bind("gaps.config.agePolicy"));
        TextField bands = new TextField(GapsViewModel.bandsText(vm.configProperty().get()));
        bands.setId("bands");
        bands.setPrefColumnCount(22);
        bands.accessibleTextProperty().bind(ctx.tr().bind("gaps.config.bands"));
        Button apply = new Button();
        apply.setId("apply-config");
        apply.textProperty().bind(ctx.tr().bind("gaps.config.apply"));
        apply.setOnAction(e -> vm.applyBands(bands.getText(), policy.getValue()));
        policy.valueProperty().addListener((o, a, p) -> {
            if (p != null && p != vm.configProperty().get().agePolicy()) vm.applyBands(bands.getText(), p);
        });

        CheckBox palette = new CheckBox();
        palette.setId("palette-cb");
        palette.textProperty().bind(ctx.tr().bind("gaps.palette.cb"));
        palette.selectedProperty().bindBidirectional(vm.colourBlindProperty());

        FlowPane row = new FlowPane(8, 6, swap, label("gaps.pivot.groupBy"), group, label("gaps.config.agePolicy"), policy,
                label("gaps.config.bands"), bands, apply, palette);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node legend() {
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(12, 4);
        box.setId("legend");
        box.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(label("gaps.legend.title"));
        for (CoverageLevel l : List.of(CoverageLevel.FULL, CoverageLevel.PARTIAL, CoverageLevel.NONE)) {
            Label swatch = new Label(GapTexts.symbol(l) + " n");
            swatch.getStyleClass().addAll("gap-cell", "legend-swatch", "cover-" + l.name().toLowerCase(java.util.Locale.ROOT));
            Label text = new Label();
            text.textProperty().bind(ctx.tr().bind("gaps.legend." + l.name()));
            swatch.accessibleTextProperty().bind(text.textProperty());
            box.getChildren().add(new HBox(4, swatch, text));
        }
        Label changed = new Label();
        changed.textProperty().bind(ctx.tr().bind("gaps.legend.changed"));
        // the count beside each row and column heading, explained
        Label count = new Label();
        count.textProperty().bind(ctx.tr().bind("gaps.legend.count", GapTexts.symbol(CoverageLevel.NONE)));
        box.getChildren().addAll(changed, count);
        return box;
    }

    private Node statusBar() {
        Button csv = button("export-csv", "gaps.export.csv", e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("gaps.export.csv"),
                "gaps.csv", "CSV", "*.csv").ifPresent(vm::exportCsv));
        Button png = button("export-png", "gaps.export.png", e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("gaps.export.png"),
                "gaps.png", "PNG", "*.png").ifPresent(this::exportPng));
        Button pdf = button("export-pdf", "gaps.export.pdf", e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("gaps.export.pdf"),
                "gaps.pdf", "PDF", "*.pdf").ifPresent(vm::exportPdf));
        for (Button b : List.of(csv, png, pdf)) b.disableProperty().bind(vm.matrixProperty().isNull());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("gaps-busy");
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Button cancel = button("gaps-cancel", "action.cancel", e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("gaps-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, err) -> {
            message.getStyleClass().removeAll("error-text", "ok-text");
            message.getStyleClass().add(err ? "error-text" : "ok-text");
        });
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(8, csv, png, pdf, busy, cancel, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 0, 0, 0));
        return bar;
    }

    // ------------------------------------------------------------------ what-if

    private Node whatIf() {
        Label intro = new Label();
        intro.textProperty().bind(ctx.tr().bind("gaps.whatIf.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Button create = button("draft-new", "gaps.whatIf.new", e -> {
            editor.newDraft(freshId("draft"));
            side.getSelectionModel().select(editorTab);
        });
        ComboBox<Product> source = new ComboBox<>();
        source.setId("clone-source");
        source.setCellFactory(v -> new NameCell<>(p -> p.name().get(ctx.tr().lang()) + (p.sample() ? " · " + ctx.tr().get("sample.badge") : "")));
        source.setButtonCell(new NameCell<>(p -> p.name().get(ctx.tr().lang())));
        source.accessibleTextProperty().bind(ctx.tr().bind("gaps.whatIf.cloneSource"));
        source.getItems().setAll(ctx.catalog().products());
        ctx.catalogProperty().addListener((o, a, c) -> source.getItems().setAll(c.products()));
        source.setPrefWidth(220);
        Button clone = button("draft-clone", "gaps.whatIf.clone", e -> {
            Product p = source.getValue();
            if (p == null) return;
            editor.load(p, freshId("draft-" + p.id()), p.id(), false);
            side.getSelectionModel().select(editorTab);
        });
        clone.disableProperty().bind(source.valueProperty().isNull());
        Button export = button("export-drafts", "gaps.whatIf.export", e -> ctx.fileDialogs().saveFile(getScene().getWindow(),
                ctx.tr().get("gaps.whatIf.export"), "gap-drafts.json", "JSON", "*.json").ifPresent(vm::exportDrafts));
        export.disableProperty().bind(Bindings.isEmpty(vm.drafts()));
        draftRows.setId("draft-list");
        diffSummary.setId("diff-summary");
        diffSummary.setWrapText(true);
        diffList.setId("diff-list");
        diffList.getStyleClass().add("diff-list");
        diffList.accessibleTextProperty().bind(ctx.tr().bind("gaps.diff.list"));
        vm.diffProperty().addListener((o, a, d) -> showDiff(d));
        VBox box = new VBox(8, intro, new HBox(6, create), new HBox(6, source, clone), label("gaps.whatIf.drafts"), draftRows, export,
                label("gaps.diff.title"), diffSummary, diffList);
        box.setPadding(new Insets(8));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private String freshId(String stem) {
        String base = stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (base.length() > 70) base = base.substring(0, 70);
        java.util.Set<String> taken = new java.util.HashSet<>();
        vm.drafts().forEach(d -> taken.add(d.product().id()));
        ctx.catalog().products().forEach(p -> taken.add(p.id()));
        for (int i = 1; ; i++) {
            String id = base + "-" + i;
            if (!taken.contains(id)) return id;
        }
    }

    private void renderDrafts() {
        draftRows.getChildren().clear();
        if (vm.drafts().isEmpty()) {
            Label none = new Label();
            none.textProperty().bind(ctx.tr().bind("gaps.whatIf.none"));
            none.getStyleClass().add("muted");
            draftRows.getChildren().add(none);
            return;
        }
        Lang lang = ctx.tr().lang();
        for (GapsViewModel.DraftItem d : vm.drafts()) {
            CheckBox on = new CheckBox(d.product().name().get(lang) + " (" + d.product().id() + ")");
            on.setId("draft-on-" + d.product().id());
            on.setSelected(d.active());
            on.selectedProperty().bindBidirectional(d.activeProperty());
            on.setAccessibleText(ctx.tr().get("gaps.whatIf.toggle", d.product().name().get(lang)));
            Label badge = new Label(ctx.tr().get("gaps.draft.badge"));
            badge.getStyleClass().add("sample-badge");
            Button edit = button("draft-edit-" + d.product().id(), "gaps.whatIf.edit", e -> {
                editor.load(d.product(), d.product().id(), d.basedOn(), true);
                side.getSelectionModel().select(editorTab);
            });
            Button delete = button("draft-delete-" + d.product().id(), "gaps.whatIf.delete", e -> vm.deleteDraft(d));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, on, badge, spacer, edit, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("draft-row");
            draftRows.getChildren().add(row);
        }
    }

    private void showDiff(GapDiff d) {
        Lang lang = ctx.tr().lang();
        if (d == null || vm.drafts().stream().noneMatch(GapsViewModel.DraftItem::active)) {
            diffSummary.setText(ctx.tr().get("gaps.diff.noDrafts"));
            diffList.getItems().clear();
            return;
        }
        diffSummary.setText(ctx.tr().get("gaps.diff.summary", d.closes().size(), d.improves().size(), d.changes().size()));
        diffList.getItems().setAll(d.changes().stream().filter(c -> c.closes() || c.improves()).map(c -> (c.closes() ? "+ " : "↑ ")
                + GapTexts.segment(lang, c.after().segment()) + " · " + GapTexts.name(lang, c.after().need()) + ": "
                + GapTexts.name(lang, c.before().level()) + " → " + GapTexts.name(lang, c.after().level())).toList());
    }

    // ------------------------------------------------------------------ rendering

    /** Tells the map which part of it is in view: it makes nodes only for that part and keeps its headers there. */
    private void freezeHeaders() {
        javafx.geometry.Bounds view = scroll.getViewportBounds();
        double w = map.getLayoutBounds().getWidth() - view.getWidth();
        double h = map.getLayoutBounds().getHeight() - view.getHeight();
        map.setViewport(Math.max(0, w) * scroll.getHvalue(), Math.max(0, h) * scroll.getVvalue(), view.getWidth(), view.getHeight());
    }

    /** Scrolls the least needed to show a part of the map (map coordinates) beside and below the frozen headers. */
    private void scrollIntoView(javafx.geometry.Bounds b) {
        javafx.geometry.Bounds view = scroll.getViewportBounds();
        double w = map.getLayoutBounds().getWidth() - view.getWidth();
        double h = map.getLayoutBounds().getHeight() - view.getHeight();
        double x = Math.max(0, w) * scroll.getHvalue();
        double y = Math.max(0, h) * scroll.getVvalue();
        if (b.getMinX() - map.rowHeaderWidth() < x) x = b.getMinX() - map.rowHeaderWidth();
        else if (b.getMaxX() > x + view.getWidth()) x = b.getMaxX() - view.getWidth();
        if (b.getMinY() - map.headerHeight() < y) y = b.getMinY() - map.headerHeight();
        else if (b.getMaxY() > y + view.getHeight()) y = b.getMaxY() - view.getHeight();
        if (w > 0) scroll.setHvalue(Math.max(0, Math.min(1, x / w)));
        if (h > 0) scroll.setVvalue(Math.max(0, Math.min(1, y / h)));
        freezeHeaders();
    }

    /**
     * Puts the anchor row's group title right under the frozen column headers. The map measures itself once its CSS is
     * known (a pulse or two after it is shown, and anew for another text size), so the anchor is kept and re-applied
     * while the map's size settles, until the user scrolls or the map is drawn anew.
     */
    private void scrollToAnchor() {
        if (anchorRow < 0) return;
        double h = map.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        double y = map.groupTop(anchorRow) - map.headerHeight();
        anchoring = true;
        try {
            if (h > 0) scroll.setVvalue(Math.max(0, Math.min(1, y / h)));
        } finally {
            anchoring = false;
        }
        freezeHeaders();
    }

    /** Scrolls to the first age group that reaches 60 (the northbound retirees), once, when the first matrix is shown. */
    private void openOnRetirees() {
        GapMatrix m = vm.matrix();
        if (openedOnRetirees || m == null || getScene() == null || vm.swapAxesProperty().get()) return;
        openedOnRetirees = true;
        hk.baycover.ui.Pulses.afterNextPulse(getScene(), () -> {
            for (hk.baycover.gaps.Segment s : vm.visibleSegments()) {
                if (s.band().open() ? s.band().from() >= 55 : s.band().to() >= 60) {
                    anchorRow = map.rowOf(s);
                    scrollToAnchor();
                    return;
                }
            }
        });
    }

    private void refresh() {
        anchorRow = -1;
        map.render();
        freezeHeaders();
        GapMatrix m = vm.matrix();
        if (m == null) {
            summary.setText("");
            uncoveredLine.setText("");
            return;
        }
        uncoveredLine.setText(ctx.tr().get("gaps.summary.none", m.uncoveredCount(), m.cellCount()));
        openOnRetirees();
        SegmentConfig cfg = m.config();
        summary.setText(ctx.tr().get("gaps.summary", m.products().size(), m.segments().size(), m.needs().size(), m.cellCount(), m.uncoveredCount(),
                GapTexts.name(ctx.tr().lang(), cfg.agePolicy()), ctx.tr().get("gaps.policy.explain." + cfg.agePolicy().name()), ctx.tr().name(cfg.currency())));
        showDiff(vm.diffProperty().get());
    }

    private void showDetail(CellDetail d) {
        detail.getChildren().clear();
        if (d == null) {
            Label hint = new Label();
            hint.textProperty().bind(ctx.tr().bind("gaps.detail.hint"));
            hint.setWrapText(true);
            hint.getStyleClass().add("muted");
            detail.getChildren().add(hint);
            return;
        }
        Lang lang = ctx.tr().lang();
        CellSummary c = d.summary();
        Label title = wrap(GapTexts.segment(lang, c.segment()) + " · " + GapTexts.name(lang, c.need()), "detail-title");
        title.getStyleClass().add("section-title");
        Label level = wrap(ctx.tr().get("gaps.detail.level", GapTexts.symbol(c.level()), GapTexts.name(lang, c.level()), c.covering(), c.full(), c.partial()),
                "detail-level");
        Label region = wrap(ctx.tr().get("gaps.detail.region", GapTexts.name(lang, c.segment().careRegion())), "detail-region");
        region.getStyleClass().add("muted");
        Label cheapest = wrap(ctx.tr().get("gaps.detail.cheapest", c.covering() == 0 ? "—" : GapTexts.cheapest(lang, c)), "detail-cheapest");
        if (c.cheapest() != null && (c.cheapest().sample() || c.cheapest().fxSample())) cheapest.getStyleClass().add("sample-badge");
        detail.getChildren().addAll(title, level, region, cheapest);

        if (!d.covering().isEmpty()) {
            detail.getChildren().add(group(ctx.tr().get("gaps.detail.covering", d.covering().size())));
            for (CellDetail.Line l : d.covering()) {
                StringBuilder sb = new StringBuilder(GapTexts.symbol(l.level()) + " " + l.product().name().get(lang));
                if (l.draft()) sb.append(" [").append(ctx.tr().get("gaps.draft.badge")).append(']');
                else if (l.product().sample()) sb.append(" [").append(ctx.tr().get("sample.badge")).append(']');
                sb.append(" — ").append(GapTexts.name(lang, l.level()));
                if (l.premium() != null) sb.append(" · ").append(GapTexts.premium(lang, l.premium()));
                Label line = wrap(sb.toString(), "detail-product-" + l.product().id());
                detail.getChildren().add(line);
                for (Reason r : l.coverage().rules()) detail.getChildren().add(indent(GapTexts.reason(lang, r)));
                for (Reason r : l.verdict().warnings()) detail.getChildren().add(indent(GapTexts.reason(lang, r)));
            }
        }
        if (d.failing().isEmpty() && d.covering().isEmpty()) {
            detail.getChildren().add(wrap(ctx.tr().get("gaps.reason.noProducts"), "detail-no-products"));
        }
        for (Map.Entry<ReasonGroup, List<CellDetail.Failure>> e : d.failing().entrySet()) {
            Label g = group(GapTexts.group(lang, e.getKey()) + " (" + e.getValue().size() + ")");
            g.setId("detail-group-" + e.getKey().name());
            detail.getChildren().add(g);
            for (CellDetail.Failure f : e.getValue()) {
                String why = hk.baycover.compare.Format.clauses(lang, f.reasons().stream().map(r -> GapTexts.reason(lang, r)).toList());
                if (e.getKey() == ReasonGroup.INELIGIBLE_AGE && !f.verdict().eligibleAges().isEmpty()) {
                    why += " " + ctx.tr().get("gaps.detail.eligibleAges", f.verdict().eligibleAgesText());
                }
                String name = f.product().name().get(lang) + (f.draft() ? " [" + ctx.tr().get("gaps.draft.badge") + "]" : "");
                detail.getChildren().add(wrap("• " + name + ": " + why, "detail-failure-" + f.product().id()));
            }
        }
    }

    private Label group(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-group");
        l.setWrapText(true);
        return l;
    }

    private Label indent(String text) {
        Label l = new Label("    " + text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label wrap(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        return l;
    }

    private Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        b.setOnAction(action);
        return b;
    }

    /** PNG of the whole heat map (not just the visible part): the picture is taken on the FX thread, the file written in the background. */
    void exportPng(Path target) {
        WritableImage image = map.picture();
        vm.exportPng(SwingFXUtils.fromFXImage(image, null), target);
    }

    private static final class NameCell<T> extends ListCell<T> {
        private final Function<T, String> name;

        NameCell(Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : name.apply(item));
        }
    }
}
