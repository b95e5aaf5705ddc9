package hk.baycover.ui.lookup;

import hk.baycover.lookup.LookupDetail;
import hk.baycover.lookup.LookupHit;
import hk.baycover.lookup.LookupQuery;
import hk.baycover.lookup.LookupService;
import hk.baycover.lookup.LookupText;
import hk.baycover.lookup.ResultCsv;
import hk.baycover.lookup.ResultKind;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.TaskRunner;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;

/**
 * State of the lookup screen. Every change of the query or a filter restarts a 150 ms debounce; when it fires, the
 * running search (if any) is cancelled and a new one runs in the background on the current catalog snapshot. Only the
 * answer to the latest search is shown (its {@link Activity} lane drops stale ones). The detail of the opened result is
 * built in the background too, and rebuilt when the language or the catalog changes.
 */
public final class LookupViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(150);
    /** How many results the list shows; the count says how many there are in all, and the CSV export takes all. */
    public static final int SHOWN = 200;

    private final UiContext ctx;
    private final LookupService service;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<ResultKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<City> city = new SimpleObjectProperty<>();
    private final ObjectProperty<Institution> institution = new SimpleObjectProperty<>();
    private final ObjectProperty<DesignationStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<LookupHit> results = FXCollections.observableArrayList();
    private final ObservableList<Institution> institutions = FXCollections.observableArrayList();
    private final IntegerProperty total = new SimpleIntegerProperty(0);
    private final BooleanProperty searched = new SimpleBooleanProperty(false);
    private final ObjectProperty<LookupHit> opened = new SimpleObjectProperty<>();
    private final ObjectProperty<LookupDetail> detail = new SimpleObjectProperty<>();
    private final StringProperty about = new SimpleStringProperty("");
    /** Exports and their messages; searches and details run in their own lanes ("latest wins"). */
    private final Activity activity;
    private final Activity search;
    private final Activity details;
    private final TaskRunner.Delay debounce;
    private boolean openFirstWhenDone;

    public LookupViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.service = ctx.app().lookup();
        this.activity = ctx.activity();
        this.search = activity.lane();
        this.details = activity.lane();
        this.debounce = ctx.tasks().delay(DEBOUNCE, this::searchNow);
        query.addListener((o, a, b) -> debounce.restart());
        kind.addListener((o, a, b) -> debounce.restart());
        city.addListener((o, a, b) -> debounce.restart());
        institution.addListener((o, a, b) -> debounce.restart());
        status.addListener((o, a, b) -> debounce.restart());
        ctx.catalogProperty().addListener((o, a, c) -> catalogChanged());
        ctx.tr().langProperty().addListener((o, a, b) -> {
            refreshAbout();
            refreshDetail();
        });
        catalogChanged();
    }

    public StringProperty queryProperty() { return query; }

    public ObjectProperty<ResultKind> kindProperty() { return kind; }

    public ObjectProperty<City> cityProperty() { return city; }

    public ObjectProperty<Institution> institutionProperty() { return institution; }

    public ObjectProperty<DesignationStatus> statusProperty() { return status; }

    public ObservableList<LookupHit> results() { return results; }

    /** Institutions of the current catalog for the filter, by name in the current language. */
    public ObservableList<Institution> institutions() { return institutions; }

    public IntegerProperty totalProperty() { return total; }

    public ReadOnlyBooleanProperty searchingProperty() { return search.busy(); }

    /** True once a search has answered for the current query (false while the query is empty). */
    public BooleanProperty searchedProperty() { return searched; }

    public ObjectProperty<LookupHit> openedProperty() { return opened; }

    public ObjectProperty<LookupDetail> detailProperty() { return detail; }

    public StringProperty aboutProperty() { return about; }

    public StringProperty messageProperty() { return activity.message(); }

    public BooleanProperty messageIsErrorProperty() { return activity.error(); }

    public LookupQuery currentQuery(int limit) {
        return new LookupQuery(query.get(), kind.get() == null ? Set.of() : Set.of(kind.get()), city.get(),
                institution.get() == null ? null : institution.get().id(), status.get(), limit);
    }

    /** Runs the search at once (the debounce calls this; tests and Enter may too). */
    public void searchNow() {
        debounce.stop();
        LookupQuery q = currentQuery(SHOWN);
        if (q.text().isBlank() && !q.hasFilter()) {
            openFirstWhenDone = false;
            search.stop();
            results.clear();
            total.set(0);
            searched.set(false);
            return;
        }
        Catalog catalog = ctx.catalog();
        search.replace(m -> service.search(catalog, q, m), r -> {
            results.setAll(r.hits());
            total.set(r.total());
            searched.set(true);
            // the detail always belongs to a shown result: a new search that does not find it closes it
            LookupHit o = opened.get();
            if (o != null && r.hits().stream().noneMatch(h -> h.kind() == o.kind() && h.id().equals(o.id()))) open(null);
            if (openFirstWhenDone && !r.hits().isEmpty()) open(r.hits().get(0));
            openFirstWhenDone = false;
        });
    }

    /** True while the typed text has not been searched yet (debounce waiting or search running). */
    public boolean isPending() {
        return debounce.isPending() || search.isBusy();
    }

    /** Enter pressed before the answer came: search now and open the first result when it arrives. */
    public void searchAndOpenFirst() {
        openFirstWhenDone = true;
        if (debounce.isPending() || !search.isBusy()) searchNow();
    }

    /** Esc: empty query, closed detail; filters stay. */
    public void clear() {
        query.set("");
        open(null);
        activity.say("");
        searchNow();
    }

    public void clearFilters() {
        kind.set(null);
        city.set(null);
        institution.set(null);
        status.set(null);
    }

    /** Opens the detail of a result (null closes it). */
    public void open(LookupHit hit) {
        opened.set(hit);
        refreshDetail();
    }

    private void refreshDetail() {
        LookupHit hit = opened.get();
        if (hit == null) {
            details.stop();
            detail.set(null);
            return;
        }
        Catalog catalog = ctx.catalog();
        Lang lang = ctx.tr().lang();
        java.time.LocalDate today = ctx.today();
        details.replace(m -> LookupDetail.of(hit, catalog, lang, today), detail::set);
    }

    /** The text the "copy" button puts on the clipboard, or null when no detail is open. */
    public String detailText() {
        return detail.get() == null ? null : detail.get().asText();
    }

    /** Writes every result of the current search (not only those shown) to a CSV file, in the background. */
    public TaskRunner.Job exportCsv(Path file) {
        LookupQuery q = currentQuery(LookupQuery.MAX_LIMIT);
        if (results.isEmpty()) {
            activity.complain(ctx.tr().get("lookup.export.nothing"));
            return null;
        }
        Catalog catalog = ctx.catalog();
        Lang lang = ctx.tr().lang();
        return activity.run(m -> {
            java.util.List<hk.baycover.lookup.LookupHit> hits = service.search(catalog, q, m).hits();
            ctx.app().files().write(file, out -> ResultCsv.write(hits, catalog, lang, out));
            return hits.size();
        }, n -> activity.say(ctx.tr().get("lookup.export.done", n, file)));
    }

    public void copied() {
        activity.say(ctx.tr().get("lookup.copied"));
    }

    private void catalogChanged() {
        Catalog c = ctx.catalog();
        Lang lang = ctx.tr().lang();
        institutions.setAll(c.institutions().stream().sorted(Comparator.comparing(i -> i.name().get(lang))).toList());
        if (institution.get() != null) institution.set(c.institution(institution.get().id()).orElse(null));
        refreshAbout();
        // warm the index in the background so the first keystroke is fast
        // (a failure shows when the search that needs the index runs)
        activity.lane().run(m -> service.index(c, m), index -> { }, error -> { });
        LookupHit hit = opened.get();
        if (hit != null) {
            LookupHit again = hit.item() != null
                    ? c.item(hit.id()).map(i -> new LookupHit(hit.kind(), i.id(), i.name(), hit.field(), hit.type(), hit.matchedText(), i, null)).orElse(null)
                    : c.institution(hit.id()).map(i -> new LookupHit(hit.kind(), i.id(), i.name(), hit.field(), hit.type(), hit.matchedText(), null, i)).orElse(null);
            opened.set(again);
            refreshDetail();
        }
        if (!query.get().isBlank() || currentQuery(SHOWN).hasFilter()) searchNow();
    }

    private void refreshAbout() {
        about.set(LookupText.about(ctx.tr().lang(), ctx.catalog()));
    }
}
