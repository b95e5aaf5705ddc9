package hk.baycover.ui.gaps;

import hk.baycover.app.GapsUseCase;
import hk.baycover.gaps.AgeBand;
import hk.baycover.gaps.AgePolicy;
import hk.baycover.gaps.CellDetail;
import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.ConditionClass;
import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapEngine;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.ProductResult;
import hk.baycover.gaps.Segment;
import hk.baycover.gaps.SegmentConfig;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.store.DraftStore;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * State of the Gaps screen: the segment configuration, the base matrix (catalog products) and the matrix with the
 * active drafts, their diff, the filters and pivot, the opened cell, and the drafts. Computation runs in the background
 * ("latest wins": a newer computation cancels the one running); switching a draft on or off only evaluates that draft
 * (results are cached per draft). Saving drafts and exports run in a second lane that reports into the same message.
 */
public final class GapsViewModel {

    /** The dimensions a segment is made of (for grouping and filters). */
    public enum Dimension { AGE, PLACE, INSURANCE, CONDITION }

    /** A draft in the list, with its switch. */
    public static final class DraftItem {
        private final Product product;
        private final String basedOn;
        private final BooleanProperty active;

        DraftItem(Product product, String basedOn, boolean active) {
            this.product = product;
            this.basedOn = basedOn;
            this.active = new SimpleBooleanProperty(active);
        }

        public Product product() { return product; }

        public String basedOn() { return basedOn; }

        public BooleanProperty activeProperty() { return active; }

        public boolean active() { return active.get(); }
    }

    private final UiContext ctx;
    private final ObjectProperty<SegmentConfig> config = new SimpleObjectProperty<>(SegmentConfig.defaults());
    private final ObjectProperty<GapMatrix> base = new SimpleObjectProperty<>();
    private final ObjectProperty<GapMatrix> matrix = new SimpleObjectProperty<>();
    private final ObjectProperty<GapDiff> diff = new SimpleObjectProperty<>();
    private final ObservableList<DraftItem> drafts = FXCollections.observableArrayList();
    private final Map<String, ProductResult> draftResults = new HashMap<>();
    /** Computations (latest wins); {@link #work} saves drafts and writes exports; both report into one message. */
    private final Activity computing;
    private final Activity work;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<CellDetail> selected = new SimpleObjectProperty<>();
    private final IntegerProperty version = new SimpleIntegerProperty();

    private final ObservableSet<Integer> bands = FXCollections.observableSet();
    private final ObservableSet<LivingPlace> places = FXCollections.observableSet();
    private final ObservableSet<Boolean> insurance = FXCollections.observableSet();
    private final ObservableSet<ConditionClass> conditions = FXCollections.observableSet();
    private final ObservableSet<Need> needs = FXCollections.observableSet();
    private final BooleanProperty uncoveredOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty swapAxes = new SimpleBooleanProperty(false);
    private final ObjectProperty<Dimension> groupBy = new SimpleObjectProperty<>(Dimension.AGE);
    private final BooleanProperty colourBlind = new SimpleBooleanProperty(false);

    private GapEngine engine;
    private int selectedSegment = -1;
    private int selectedNeed = -1;

    public GapsViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.computing = ctx.activity();
        this.work = computing.lane();
        busy.bind(computing.busy().or(work.busy()));
        resetFilters();
        ctx.catalogProperty().addListener((o, a, c) -> recompute());
        Runnable rerender = () -> version.set(version.get() + 1);
        uncoveredOnly.addListener((o, a, b) -> rerender.run());
        swapAxes.addListener((o, a, b) -> rerender.run());
        groupBy.addListener((o, a, b) -> rerender.run());
        for (ObservableSet<?> s : List.of(bands, places, insurance, conditions, needs)) {
            s.addListener((javafx.collections.SetChangeListener<Object>) ch -> rerender.run());
        }
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<SegmentConfig> configProperty() { return config; }

    public ObjectProperty<GapMatrix> baseProperty() { return base; }

    public ObjectProperty<GapMatrix> matrixProperty() { return matrix; }

    public GapMatrix matrix() { return matrix.get(); }

    public ObjectProperty<GapDiff> diffProperty() { return diff; }

    public ObservableList<DraftItem> drafts() { return drafts; }

    /** True while a computation, a save or an export runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public StringProperty messageProperty() { return computing.message(); }

    public BooleanProperty messageIsErrorProperty() { return computing.error(); }

    public ObjectProperty<CellDetail> selectedProperty() { return selected; }

    /** Incremented whenever the heat map must be drawn again. */
    public IntegerProperty versionProperty() { return version; }

    public ObservableSet<Integer> bandFilter() { return bands; }

    public ObservableSet<LivingPlace> placeFilter() { return places; }

    public ObservableSet<Boolean> insuranceFilter() { return insurance; }

    public ObservableSet<ConditionClass> conditionFilter() { return conditions; }

    public ObservableSet<Need> needFilter() { return needs; }

    public BooleanProperty uncoveredOnlyProperty() { return uncoveredOnly; }

    public BooleanProperty swapAxesProperty() { return swapAxes; }

    public ObjectProperty<Dimension> groupByProperty() { return groupBy; }

    public BooleanProperty colourBlindProperty() { return colourBlind; }

    public Lang lang() { return ctx.tr().lang(); }

    // ------------------------------------------------------------------ computation

    /** Loads the drafts and computes the matrix (first show). */
    public TaskRunner.Job load() {
        return computing.replace(m -> {
            List<DraftStore.Draft> saved = ctx.app() == null ? List.of() : ctx.app().gapDrafts().list();
            return compute(config.get(), ctx.catalog(), saved.stream().map(d -> new DraftItem(d.product(), d.basedOn(), d.active())).toList(), m);
        }, this::apply);
    }

    /** Recomputes everything for the current configuration and catalog. */
    public TaskRunner.Job recompute() {
        List<DraftItem> current = List.copyOf(drafts);
        SegmentConfig cfg = config.get();
        Catalog catalog = ctx.catalog();
        return computing.replace(m -> compute(cfg, catalog, current, m), this::apply);
    }

    /** Applies a new configuration (bands, age policy…) and recomputes. */
    public TaskRunner.Job setConfig(SegmentConfig cfg) {
        config.set(cfg);
        resetFilters();
        return recompute();
    }

    private record Computed(GapEngine engine, GapMatrix base, List<DraftItem> drafts, Map<String, ProductResult> results, GapMatrix matrix, GapDiff diff) {
    }

    private Computed compute(SegmentConfig cfg, Catalog catalog, List<DraftItem> items, ProgressMonitor m) {
        GapEngine engine = ctx.app().gaps().engine(cfg);
        GapMatrix base = engine.matrix(catalog.products(), m);
        Map<String, ProductResult> results = new HashMap<>();
        List<ProductResult> active = new ArrayList<>();
        for (DraftItem d : items) {
            ProductResult r = engine.evaluate(d.product(), true);
            results.put(d.product().id(), r);
            if (d.active()) active.add(r);
        }
        GapMatrix with = base.plus(active);
        return new Computed(engine, base, items, results, with, with.diffFrom(base));
    }

    private void apply(Computed c) {
        engine = c.engine();
        draftResults.clear();
        draftResults.putAll(c.results());
        if (drafts.size() != c.drafts().size() || !drafts.containsAll(c.drafts())) {
            drafts.setAll(c.drafts());
            for (DraftItem d : drafts) d.activeProperty().addListener((o, a, b) -> draftToggled(d));
        }
        base.set(c.base());
        setMatrix(c.matrix(), c.diff());
    }

    private void setMatrix(GapMatrix m, GapDiff d) {
        matrix.set(m);
        diff.set(d);
        if (selectedSegment >= 0 && selectedSegment < m.segments().size() && selectedNeed < m.needs().size()) {
            selected.set(m.detail(selectedSegment, selectedNeed));
        } else {
            selected.set(null);
        }
        version.set(version.get() + 1);
    }

    private void draftToggled(DraftItem d) {
        if (ctx.app() != null) {
            String id = d.product().id();
            boolean on = d.active();
            work.run(m -> {
                ctx.app().gapDrafts().setActive(id, on);
                return id;
            }, saved -> { });
        }
        updateWhatIf();
    }

    /** The what-if update: only drafts without a cached result are evaluated; the base matrix is reused. */
    public TaskRunner.Job updateWhatIf() {
        GapEngine e = engine;
        GapMatrix b = base.get();
        if (e == null || b == null) return null;
        List<DraftItem> items = List.copyOf(drafts);
        Map<String, ProductResult> cache = new HashMap<>(draftResults);
        record WhatIf(Map<String, ProductResult> cache, GapMatrix with, GapDiff diff) {
        }
        return computing.replace(m -> {
            List<ProductResult> active = new ArrayList<>();
            for (DraftItem d : items) {
                ProductResult r = cache.get(d.product().id());
                if (r == null || r.product() != d.product()) {
                    r = e.evaluate(d.product(), true);
                    cache.put(d.product().id(), r);
                }
                if (d.active()) active.add(r);
            }
            GapMatrix with = b.plus(active);
            return new WhatIf(cache, with, with.diffFrom(b));
        }, out -> {
            draftResults.clear();
            draftResults.putAll(out.cache());
            setMatrix(out.with(), out.diff());
        });
    }

    public void cancel() {
        computing.cancel();
        work.cancel();
    }

    // ------------------------------------------------------------------ cells and filters

    /** Opens a cell: its products and why the others fail. */
    public CellDetail open(int segment, int need) {
        GapMatrix m = matrix.get();
        if (m == null) return null;
        selectedSegment = segment;
        selectedNeed = need;
        CellDetail d = m.detail(segment, need);
        selected.set(d);
        return d;
    }

    public void resetFilters() {
        SegmentConfig cfg = config.get();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < cfg.bands().size(); i++) idx.add(i);
        bands.clear();
        bands.addAll(idx);
        places.clear();
        places.addAll(cfg.livesIn());
        insurance.clear();
        insurance.addAll(cfg.szMedicalInsurance());
        conditions.clear();
        conditions.addAll(cfg.conditions());
        needs.clear();
        needs.addAll(cfg.needs());
    }

    /**
     * The segments that pass the filters, ordered with the group-by dimension outermost. With "uncovered only", segments
     * without an uncovered visible cell are dropped (and the heat map leaves covered cells blank).
     */
    public List<Segment> visibleSegments() {
        GapMatrix m = matrix.get();
        if (m == null) return List.of();
        List<Need> cols = visibleNeedsIgnoringUncovered();
        List<Segment> out = new ArrayList<>();
        for (Segment s : m.segments()) {
            if (!bands.contains(s.bandIndex()) || !places.contains(s.livesIn()) || !insurance.contains(s.szInsured()) || !conditions.contains(s.condition())) continue;
            if (uncoveredOnly.get() && cols.stream().noneMatch(n -> m.cell(s, n).uncovered())) continue;
            out.add(s);
        }
        out.sort(Comparator.comparing((Segment s) -> key(s, groupBy.get())).thenComparingInt(Segment::index));
        return out;
    }

    /** The needs that pass the filter (and, with "uncovered only", have an uncovered visible cell). */
    public List<Need> visibleNeeds() {
        GapMatrix m = matrix.get();
        if (m == null) return List.of();
        List<Need> cols = visibleNeedsIgnoringUncovered();
        if (!uncoveredOnly.get()) return cols;
        List<Segment> rows = m.segments().stream().filter(s -> bands.contains(s.bandIndex()) && places.contains(s.livesIn())
                && insurance.contains(s.szInsured()) && conditions.contains(s.condition())).toList();
        return cols.stream().filter(n -> rows.stream().anyMatch(s -> m.cell(s, n).uncovered())).toList();
    }

    private List<Need> visibleNeedsIgnoringUncovered() {
        GapMatrix m = matrix.get();
        return m.needs().stream().filter(needs::contains).toList();
    }

    static int key(Segment s, Dimension d) {
        switch (d) {
            case PLACE: return s.livesIn().ordinal();
            case INSURANCE: return s.szInsured() ? 1 : 0;
            case CONDITION: return s.condition().ordinal();
            default: return s.bandIndex();
        }
    }

    /** The group a segment belongs to when grouped by {@code d} (for group header rows). */
    public String groupLabel(Segment s) {
        Lang lang = lang();
        switch (groupBy.get()) {
            case PLACE: return hk.baycover.gaps.GapTexts.name(lang, s.livesIn());
            case INSURANCE: return hk.baycover.gaps.GapTexts.insurance(lang, s.szInsured());
            case CONDITION: return hk.baycover.gaps.GapTexts.name(lang, s.condition());
            default: return hk.baycover.gaps.GapTexts.band(lang, s.band());
        }
    }

    /** True when active drafts changed this cell. */
    public boolean changed(Segment s, Need n) {
        GapDiff d = diff.get();
        return d != null && d.changes().stream().anyMatch(c -> c.after().segment().index() == s.index() && c.after().need() == n);
    }

    public CellSummary cell(Segment s, Need n) {
        return matrix.get().cell(s, n);
    }

    // ------------------------------------------------------------------ drafts

    /**
     * Saves a draft (validated as a products pack first); {@code saved} runs once it is saved, {@code problems} gets the
     * text of what is wrong (each field named) when it is not.
     */
    public TaskRunner.Job saveDraft(Product product, String basedOn, String previousId, Runnable saved, Consumer<String> problems) {
        Lang lang = lang();
        Catalog catalog = ctx.catalog();
        boolean active = drafts.stream().filter(d -> d.product().id().equals(previousId == null ? product.id() : previousId))
                .findFirst().map(DraftItem::active).orElse(true);
        String formName = ctx.tr().get("gaps.draft.formName");
        GapsUseCase gaps = ctx.app().gaps();
        return work.run(m -> {
            List<hk.baycover.catalog.Problem> found = gaps.validateDraft(product, formName, lang, catalog);
            if (!found.isEmpty()) throw new hk.baycover.catalog.PackException(found);
            Product sample = gaps.asSample(product);
            ctx.app().gapDrafts().save(sample, basedOn, active, previousId);
            return ctx.app().gapDrafts().list();
        }, list -> {
            List<DraftItem> items = list.stream().map(d -> new DraftItem(d.product(), d.basedOn(), d.active())).toList();
            drafts.setAll(items);
            for (DraftItem d : drafts) d.activeProperty().addListener((o, a, b) -> draftToggled(d));
            info(ctx.tr().get("gaps.draft.saved", product.id()));
            updateWhatIf();
            saved.run();
        }, e -> {
            work.fail(e);
            problems.accept(work.message().get());
        });
    }

    public TaskRunner.Job deleteDraft(DraftItem item) {
        return work.run(m -> {
            ctx.app().gapDrafts().delete(item.product().id());
            return item;
        }, v -> {
            drafts.remove(item);
            draftResults.remove(item.product().id());
            info(ctx.tr().get("gaps.draft.deleted", item.product().id()));
            updateWhatIf();
        });
    }

    // ------------------------------------------------------------------ exports

    public TaskRunner.Job exportCsv(Path target) {
        GapMatrix m = matrix.get();
        Lang lang = lang();
        return work.run(x -> ctx.app().gaps().exportCsv(m, lang, target), p -> info(ctx.tr().get("gaps.export.done", p)));
    }

    public TaskRunner.Job exportPdf(Path target) {
        GapMatrix m = matrix.get();
        GapDiff d = diff.get();
        Lang lang = lang();
        Catalog catalog = ctx.catalog();
        List<Product> active = drafts.stream().filter(DraftItem::active).map(DraftItem::product).toList();
        return work.run(x -> ctx.app().gaps().exportPdf(m, d, active, catalog, lang, target), p -> info(ctx.tr().get("gaps.export.done", p)));
    }

    public TaskRunner.Job exportDrafts(Path target) {
        List<Product> list = drafts.stream().map(DraftItem::product).toList();
        return work.run(x -> ctx.app().gaps().exportDrafts(list, target), p -> info(ctx.tr().get("gaps.export.done", p)));
    }

    /** The heat map as a PNG (the view takes the picture on the FX thread; the file is written in the background). */
    public TaskRunner.Job exportPng(java.awt.image.BufferedImage image, Path target) {
        return work.run(x -> {
            ctx.app().files().write(target, out -> {
                if (!javax.imageio.ImageIO.write(image, "png", out)) throw new java.io.IOException("no PNG writer");
            });
            return target;
        }, p -> info(ctx.tr().get("gaps.export.done", p)));
    }

    public void info(String text) {
        computing.say(text);
    }

    public void error(Throwable t) {
        computing.fail(t);
    }

    /** Parses the age-band text field ("0-17, 18-39, …, 85+"). */
    public static List<AgeBand> parseBands(String text, int openEnd) {
        List<AgeBand> out = new ArrayList<>();
        for (String part : text.split("[,，;；\\s]+")) {
            if (!part.isBlank()) out.add(AgeBand.parse(part, openEnd));
        }
        if (out.isEmpty()) throw new UserError("gaps.config.empty", "bands");
        return out;
    }

    public static String bandsText(SegmentConfig cfg) {
        return String.join(", ", cfg.bands().stream().map(AgeBand::code).toList());
    }

    public TaskRunner.Job applyBands(String text, AgePolicy policy) {
        SegmentConfig cfg = config.get();
        try {
            List<AgeBand> b = parseBands(text, cfg.openEndAge());
            return setConfig(cfg.withDimensions(b, cfg.livesIn(), cfg.szMedicalInsurance(), cfg.conditions()).withAgePolicy(policy));
        } catch (UserError e) {
            error(e);
            return null;
        }
    }
}
