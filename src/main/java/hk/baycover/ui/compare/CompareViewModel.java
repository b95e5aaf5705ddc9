package hk.baycover.ui.compare;

import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.ComparisonService;
import hk.baycover.compare.ProductFilter;
import hk.baycover.compare.Texts;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientAge;
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
import hk.baycover.model.SzInsurance;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.TaskRunner;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * State of the Compare screen: the picker (filters, the filtered list, the products picked in order), the client
 * filter, the matrix (rebuilt in the background, "latest wins", over the immutable catalog snapshot: a few milliseconds
 * for six products — see docs/performance.md — but the FX thread runs no comparison work at all), pinned comparisons and
 * exports (SQLite and file work in the background).
 */
public final class CompareViewModel {

    private final UiContext ctx;
    private final ObservableList<Product> candidates = FXCollections.observableArrayList();
    private final ObservableList<String> picked = FXCollections.observableArrayList();
    private final ObservableList<PinnedComparison> pins = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<ProductKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<String> provider = new SimpleObjectProperty<>();
    private final ObjectProperty<Region> region = new SimpleObjectProperty<>();
    private final ObjectProperty<Need> need = new SimpleObjectProperty<>();
    private final StringProperty ageText = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final ObjectProperty<ResidencyStatus> residency = new SimpleObjectProperty<>(ResidencyStatus.HK_PERMANENT_RESIDENT);
    private final ObjectProperty<LivingPlace> livesIn = new SimpleObjectProperty<>(LivingPlace.HONG_KONG);
    private final ObjectProperty<SzInsurance> szInsurance = new SimpleObjectProperty<>(SzInsurance.NONE);
    private final BooleanProperty clientInvalid = new SimpleBooleanProperty(false);
    private final StringProperty clientError = new SimpleStringProperty("");
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(false);
    private final ObjectProperty<ComparisonMatrix> matrix = new SimpleObjectProperty<>();
    private final IntegerProperty shown = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    /** Exports (one at a time); pins run in their own lane; both report into the same message. */
    private final Activity exports;
    private final Activity pinning;
    /** The matrix's own lane: a change while it is computed restarts it. */
    private final Activity comparing;
    private boolean applying;

    public CompareViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.exports = ctx.activity();
        this.pinning = exports.lane();
        this.comparing = exports.lane();
        refreshCandidates();
        query.addListener((o, a, b) -> refreshCandidates());
        kind.addListener((o, a, b) -> refreshCandidates());
        provider.addListener((o, a, b) -> refreshCandidates());
        region.addListener((o, a, b) -> refreshCandidates());
        need.addListener((o, a, b) -> refreshCandidates());
        ctx.tr().langProperty().addListener((o, a, b) -> refreshCandidates());
        ctx.catalogProperty().addListener((o, a, c) -> {
            picked.removeIf(id -> c.product(id).isEmpty());
            refreshCandidates();
            recompute();
        });
        picked.addListener((javafx.collections.ListChangeListener<String>) ch -> recompute());
        ageText.addListener((o, a, b) -> recompute());
        sex.addListener((o, a, b) -> recompute());
        residency.addListener((o, a, b) -> recompute());
        livesIn.addListener((o, a, b) -> recompute());
        szInsurance.addListener((o, a, b) -> recompute());
        loadPins();
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Product> candidates() { return candidates; }

    public ObservableList<String> picked() { return picked; }

    public ObservableList<PinnedComparison> pins() { return pins; }

    public StringProperty queryProperty() { return query; }

    public ObjectProperty<ProductKind> kindProperty() { return kind; }

    public ObjectProperty<String> providerProperty() { return provider; }

    public ObjectProperty<Region> regionProperty() { return region; }

    public ObjectProperty<Need> needProperty() { return need; }

    public StringProperty ageTextProperty() { return ageText; }

    public ObjectProperty<Sex> sexProperty() { return sex; }

    public ObjectProperty<ResidencyStatus> residencyProperty() { return residency; }

    public ObjectProperty<LivingPlace> livesInProperty() { return livesIn; }

    public ObjectProperty<SzInsurance> szInsuranceProperty() { return szInsurance; }

    public BooleanProperty clientInvalidProperty() { return clientInvalid; }

    /** Why the age or birth date cannot be used (the client-age rules' own message), or "". */
    public StringProperty clientErrorProperty() { return clientError; }

    public BooleanProperty onlyDifferencesProperty() { return onlyDifferences; }

    public ObjectProperty<ComparisonMatrix> matrixProperty() { return matrix; }

    public IntegerProperty shownProperty() { return shown; }

    public IntegerProperty totalProperty() { return total; }

    public StringProperty outcomeProperty() { return exports.message(); }

    public BooleanProperty outcomeIsErrorProperty() { return exports.error(); }

    /** True while an export is written. */
    public ReadOnlyBooleanProperty busyProperty() { return exports.busy(); }

    /** Insurer/provider choices for the filter: key → display name (kept per catalog and language: cells ask per item). */
    public Map<String, LocalizedText> providers() {
        Catalog c = ctx.catalog();
        hk.baycover.model.Lang lang = ctx.tr().lang();
        if (providersOf != c || providersLang != lang) {
            providers = java.util.Collections.unmodifiableMap(ProductFilter.providers(c, lang));
            providersOf = c;
            providersLang = lang;
        }
        return providers;
    }

    private Map<String, LocalizedText> providers;
    private Catalog providersOf;
    private hk.baycover.model.Lang providersLang;

    // ------------------------------------------------------------------ picking

    public boolean isPicked(String id) {
        return picked.contains(id);
    }

    /** Ticks or unticks a product; at most six can be picked (a message says so). */
    public void toggle(String id) {
        if (picked.contains(id)) {
            picked.remove(id);
            message("", false);
        } else if (picked.size() >= ComparisonService.MAX_PRODUCTS) {
            message(ctx.tr().get("compare.tooMany"), true);
        } else {
            picked.add(id);
            message("", false);
        }
    }

    public void clearSelection() {
        picked.clear();
    }

    public void clearFilters() {
        query.set("");
        kind.set(null);
        provider.set(null);
        region.set(null);
        need.set(null);
    }

    private void refreshCandidates() {
        Catalog catalog = ctx.catalog();
        String q = query.get();
        List<Product> list = new ProductFilter(q == null || q.isBlank() ? null : q, kind.get(), provider.get(), region.get(), need.get())
                .apply(catalog, ctx.tr().lang());
        candidates.setAll(list);
        shown.set(list.size());
        total.set(catalog.products().size());
    }

    public String name(String productId) {
        return ctx.catalog().product(productId).map(p -> Texts.get(p.name(), ctx.tr().lang())).orElse(productId);
    }

    // ------------------------------------------------------------------ the matrix

    /** The request the current state describes (client fields only when the age/birth-date field parses). */
    public ComparisonRequest request() {
        String t = ageText.get() == null ? "" : ageText.get().strip();
        Integer age = null;
        LocalDate born = null;
        String error = "";
        if (!t.isEmpty()) {
            age = ClientAge.parseYears(t);
            born = age == null ? ClientAge.parseBirthDate(t) : null;
            if (age == null && born == null) {
                error = ctx.tr().get("compare.client.badAge");
            } else {
                // the one set of age rules (client file, profile form, Compare, CLI)
                List<ClientAge.Problem> problems = ClientAge.check(age, born, ctx.today(), false);
                if (!problems.isEmpty()) {
                    ClientAge.Problem p = problems.get(0);
                    error = ctx.tr().get(p.key(), p.args().toArray());
                    age = null;
                    born = null;
                }
            }
        }
        clientInvalid.set(!error.isEmpty());
        clientError.set(error);
        return new ComparisonRequest(List.copyOf(picked), age, born, sex.get(), residency.get(), livesIn.get(), szInsurance.get());
    }

    public void recompute() {
        if (applying) return;
        ComparisonRequest r = request();
        if (r.productIds().size() < ComparisonService.MIN_PRODUCTS) {
            comparing.stop();
            matrix.set(null);
            return;
        }
        Catalog catalog = ctx.catalog();
        Lang lang = ctx.tr().lang();
        comparing.replace(m -> ctx.app().compare().compare(catalog, r), matrix::set, e -> {
            matrix.set(null);
            message(Errors.describe(lang, e), true);
        });
    }

    /** True while the matrix is being computed. */
    public ReadOnlyBooleanProperty comparingProperty() { return comparing.busy(); }

    // ------------------------------------------------------------------ pins

    private void loadPins() {
        if (ctx.app() == null) return;
        pinning.run(m -> ctx.app().pinnedComparisons().list(), pins::setAll);
    }

    /** A readable default name: the products' short names and the client, e.g. "A · B · C (age 70)". */
    public String defaultPinName() {
        String names = picked.stream().map(this::name).collect(Collectors.joining(" · "));
        String t = ageText.get() == null ? "" : ageText.get().strip();
        return t.isEmpty() || clientInvalid.get() ? names : names + " (" + t + ")";
    }

    public TaskRunner.Job pin() {
        if (picked.size() < ComparisonService.MIN_PRODUCTS || ctx.app() == null) {
            message(ctx.tr().get("compare.pickHint"), true);
            return null;
        }
        ComparisonRequest r = request();
        PinnedComparison pin = new PinnedComparison(0, defaultPinName(), r.productIds(), r.age(), r.birthDate(), r.sex(), r.residency(),
                r.livesIn(), r.szInsurance(), onlyDifferences.get(), null);
        return pinning.run(m -> ctx.app().pinnedComparisons().save(pin), saved -> {
            pins.add(0, saved);
            message(ctx.tr().get("compare.pin.saved", saved.name()), false);
        });
    }

    /** Restores a pinned comparison: its products (those still loaded, in order), client filter and view option. */
    public void open(PinnedComparison pin) {
        if (pin == null) return;
        List<String> missing = pin.productIds().stream().filter(id -> ctx.catalog().product(id).isEmpty()).toList();
        applying = true;
        try {
            picked.setAll(pin.productIds().stream().filter(id -> ctx.catalog().product(id).isPresent()).limit(ComparisonService.MAX_PRODUCTS).toList());
            ageText.set(pin.age() != null ? String.valueOf(pin.age()) : pin.birthDate() != null ? pin.birthDate().toString() : "");
            sex.set(pin.sex());
            residency.set(pin.residency());
            livesIn.set(pin.livesIn());
            szInsurance.set(pin.szInsurance());
            onlyDifferences.set(pin.onlyDifferences());
        } finally {
            applying = false;
        }
        recompute();
        if (missing.isEmpty()) message("", false);
        else message(ctx.tr().get("compare.pin.missing", String.join(", ", missing)), true);
    }

    public TaskRunner.Job remove(PinnedComparison pin) {
        if (pin == null || ctx.app() == null) return null;
        return pinning.run(m -> ctx.app().pinnedComparisons().delete(pin.id()), deleted -> {
            pins.remove(pin);
            message(ctx.tr().get("compare.pin.removed", pin.name()), false);
        });
    }

    // ------------------------------------------------------------------ exports

    public TaskRunner.Job exportPdf(Path file) {
        ComparisonMatrix m = matrix.get();
        if (m == null || exports.isBusy()) return null;
        Lang lang = ctx.tr().lang();
        Catalog catalog = ctx.catalog();
        boolean only = onlyDifferences.get();
        return export(file, monitor -> ctx.app().compare().exportPdf(m, catalog, lang, only, file, monitor));
    }

    public TaskRunner.Job exportCsv(Path file) {
        ComparisonMatrix m = matrix.get();
        if (m == null || exports.isBusy()) return null;
        Lang lang = ctx.tr().lang();
        boolean only = onlyDifferences.get();
        return export(file, monitor -> ctx.app().compare().exportCsv(m, lang, only, file));
    }

    private TaskRunner.Job export(Path file, Function<hk.baycover.model.ProgressMonitor, Path> work) {
        message(ctx.tr().get("compare.exporting"), false);
        return exports.run(work, written -> message(ctx.tr().get("compare.exported", written), false));
    }

    private void message(String text, boolean error) {
        if (error) exports.complain(text);
        else exports.say(text);
    }

    /** Product ids currently picked, for tests and the view. */
    public List<String> pickedIds() {
        return new ArrayList<>(picked);
    }
}
