package hk.baycover.ui.plan;

import hk.baycover.app.PlanUseCase;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Product;
import hk.baycover.model.Scenario;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PlanStatus;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioLibrary;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.store.ClientStore;
import hk.baycover.store.ScenarioStore;
import hk.baycover.store.PlanStore;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.TaskRunner;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * State of the Plans screen: the client (from the profile form), the plan being built (products in layer order, FX,
 * currency, start date, episodes), the derived report, the recommendation, the user's own episodes and the saved
 * clients and plans. The report is recomputed in memory on every change (a few milliseconds); recommending, saving,
 * loading and exporting the PDF run in the background with progress and cancel.
 */
public final class PlanViewModel {

    private final UiContext ctx;
    private final ObjectProperty<ClientProfile> client = new SimpleObjectProperty<>();
    private final ObjectProperty<Lang> clientLanguage = new SimpleObjectProperty<>();
    private final ObservableList<String> products = FXCollections.observableArrayList();
    private final ObjectProperty<FxTable> fx = new SimpleObjectProperty<>(FxTable.defaults());
    private final ObjectProperty<Currency> currency = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    private final ObservableList<ScenarioRun> runs = FXCollections.observableArrayList();
    /** The insurer's answers recorded for this client (saved, sealed, with the client's personal data). */
    private final ObservableList<hk.baycover.model.InsurerQuote> quotes = FXCollections.observableArrayList();
    private final ObjectProperty<PlanReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<Recommendation> recommendation = new SimpleObjectProperty<>();
    private final ObservableList<Scenario> userScenarios = FXCollections.observableArrayList();
    private final ObservableList<ClientStore.ClientSummary> clients = FXCollections.observableArrayList();
    private final ObservableList<PlanStore.PlanSummary> plans = FXCollections.observableArrayList();
    private final ObservableList<PlanStore.Revision> revisions = FXCollections.observableArrayList();
    private final StringProperty clientId = new SimpleStringProperty();
    private final StringProperty planId = new SimpleStringProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<PlanStatus> status = new SimpleObjectProperty<>(PlanStatus.DRAFT);
    private final StringProperty analysisError = new SimpleStringProperty("");
    private final Activity activity;
    /** The report's own lane: "latest wins" recomputation off the UI thread (a change while it runs restarts it). */
    private final Activity analysing;

    public PlanViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.activity = ctx.activity();
        this.analysing = activity.lane();
        start.set(ctx.today());
        client.addListener((o, a, b) -> {
            if (b != null && currency.get() == null && b.budget() != null) currency.set(b.budget().currency());
            analyse();
        });
        products.addListener((javafx.collections.ListChangeListener<String>) ch -> analyse());
        runs.addListener((javafx.collections.ListChangeListener<ScenarioRun>) ch -> analyse());
        fx.addListener((o, a, b) -> analyse());
        currency.addListener((o, a, b) -> analyse());
        start.addListener((o, a, b) -> analyse());
        userScenarios.addListener((javafx.collections.ListChangeListener<Scenario>) ch -> analyse());
        quotes.addListener((javafx.collections.ListChangeListener<hk.baycover.model.InsurerQuote>) ch -> analyse());
        ctx.catalogProperty().addListener((o, a, b) -> analyse());
    }

    // properties --------------------------------------------------------------------------------------------------------

    public ObjectProperty<ClientProfile> clientProperty() { return client; }

    /** The insurer's answers recorded for the client; the plan uses them instead of the unknowns they answer. */
    public ObservableList<hk.baycover.model.InsurerQuote> quotes() { return quotes; }

    /** Records one of the insurer's answers (a premium, a limit, an entry age…) for the current client. */
    public void recordQuote(hk.baycover.model.InsurerQuote q) {
        if (q != null) quotes.add(q);
    }

    /** The client as the rules see it: the profile with the recorded answers. */
    private ClientProfile current() {
        ClientProfile c = client.get();
        return c == null ? null : c.withQuotes(List.copyOf(quotes));
    }

    public ObjectProperty<Lang> clientLanguageProperty() { return clientLanguage; }

    public ObservableList<String> products() { return products; }

    public ObjectProperty<FxTable> fxProperty() { return fx; }

    public ObjectProperty<Currency> currencyProperty() { return currency; }

    public ObjectProperty<LocalDate> startProperty() { return start; }

    public ObservableList<ScenarioRun> runs() { return runs; }

    public ObjectProperty<PlanReport> reportProperty() { return report; }

    public ObjectProperty<Recommendation> recommendationProperty() { return recommendation; }

    public ObservableList<Scenario> userScenarios() { return userScenarios; }

    public ObservableList<ClientStore.ClientSummary> clients() { return clients; }

    public ObservableList<PlanStore.PlanSummary> plans() { return plans; }

    public ObservableList<PlanStore.Revision> revisions() { return revisions; }

    public StringProperty clientIdProperty() { return clientId; }

    public StringProperty planIdProperty() { return planId; }

    public StringProperty titleProperty() { return title; }

    public ObjectProperty<PlanStatus> statusProperty() { return status; }

    public StringProperty outcomeProperty() { return activity.message(); }

    public BooleanProperty outcomeIsErrorProperty() { return activity.error(); }

    public ReadOnlyBooleanProperty busyProperty() { return activity.busy(); }

    public ReadOnlyDoubleProperty progressProperty() { return activity.progress(); }

    public StringProperty analysisErrorProperty() { return analysisError; }

    /** True while the report is being recomputed in the background. */
    public ReadOnlyBooleanProperty analysingProperty() { return analysing.busy(); }

    // derived -----------------------------------------------------------------------------------------------------------

    public ScenarioLibrary library() {
        return ctx.app().plan().library(ctx.catalog(), List.copyOf(userScenarios));
    }

    /** The plan as it stands in the screen. */
    public Plan plan() {
        Currency cur = currency.get() != null ? currency.get()
                : client.get() != null && client.get().budget() != null ? client.get().budget().currency() : Currency.HKD;
        return new Plan(title.get() == null || title.get().isBlank() ? null : title.get(), new ArrayList<>(products), null, start.get(), cur, fx.get(),
                new ArrayList<>(runs), null, status.get());
    }

    /**
     * Recomputes the report in the background ("latest wins": a change while it runs restarts it; the late result of a
     * superseded run is dropped). The screen shows the previous report, marked as being updated, until the new one comes.
     */
    public TaskRunner.Job analyse() {
        ClientProfile c = current();
        if (c == null) {
            analysing.stop();
            report.set(null);
            return null;
        }
        Catalog catalog = ctx.catalog();
        List<Scenario> mine = List.copyOf(userScenarios);
        Plan p = plan();
        Lang lang = ctx.tr().lang();
        return analysing.replace(m -> {
            ScenarioLibrary lib = ctx.app().plan().library(catalog, mine);
            List<ScenarioRun> known = p.runs().stream().filter(r -> lib.find(r.scenarioId()).isPresent()).toList();
            return ctx.app().plan().analyse(catalog, mine, c, p.withRuns(known));
        }, r -> {
            analysisError.set("");
            report.set(r);
        }, e -> analysisError.set(Errors.describe(lang, e)));
    }

    /** Products in the plan, kept in layer order (a newly added product goes to the end of its layer). */
    public void add(String productId) {
        if (productId == null || products.contains(productId)) return;
        List<String> next = new ArrayList<>(products);
        next.add(productId);
        products.setAll(layerSorted(next));
    }

    public void remove(String productId) {
        products.remove(productId);
    }

    /** Moves a product up or down within its layer (the layer order itself is fixed: public, inclusive, commercial). */
    public void move(String productId, int delta) {
        int i = products.indexOf(productId);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= products.size()) return;
        Catalog cat = ctx.catalog();
        var a = cat.product(products.get(i)).map(Product::layer).orElse(null);
        var b = cat.product(products.get(j)).map(Product::layer).orElse(null);
        if (a != b) return;
        List<String> next = new ArrayList<>(products);
        next.set(i, products.get(j));
        next.set(j, productId);
        products.setAll(next);
    }

    private List<String> layerSorted(List<String> ids) {
        Catalog cat = ctx.catalog();
        List<String> out = new ArrayList<>(ids);
        out.sort(Comparator.comparing(id -> cat.product(id).map(Product::layer).orElse(hk.baycover.model.Layer.COMMERCIAL)));
        return out;
    }

    /** Sets a dated rate (1 {@code from} = {@code rate} {@code to}) entered by the user. */
    public void setRate(Currency from, Currency to, BigDecimal rate) {
        fx.set(fx.get().with(new FxRate(from, to, rate, PartialDate.of(ctx.today()), ctx.tr().get("planui.fxByUser"), false)));
    }

    // episodes ----------------------------------------------------------------------------------------------------------

    /** Runs an episode against the plan (replacing an earlier run of the same episode). */
    public void run(String scenarioId, int eventDay, boolean preExisting) {
        runs.removeIf(r -> r.scenarioId().equals(scenarioId));
        runs.add(new ScenarioRun(scenarioId, eventDay, preExisting));
    }

    /** A cost as typed (thousands separators allowed): 0 to 1,000,000,000 with at most 2 decimals, or null. */
    public static BigDecimal cost(String text) {
        try {
            BigDecimal v = new BigDecimal((text == null ? "" : text).strip().replace(",", ""));
            return v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000000")) > 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Changes one line's cost: the episode becomes the user's own copy (saved), labelled as user-entered. */
    public TaskRunner.Job editCost(String scenarioId, String lineId, Money cost) {
        Scenario s = library().find(scenarioId).orElseThrow();
        List<CostLine> lines = new ArrayList<>();
        for (CostLine l : s.lines()) {
            lines.add(l.id().equals(lineId) ? new CostLine(l.id(), l.need(), l.institution(), l.region(), l.description(), cost, l.item(), false,
                    ctx.tr().get("planui.editedFrom", l.cost().toString())) : l);
        }
        Scenario edited = new Scenario(s.id(), s.name(), s.description(), s.durationDays(), lines, s.sources(), s.asOf(), s.confidence(),
                ctx.tr().get("planui.editedEpisode"), s.sample());
        String base = ctx.catalog().scenario(s.id()).isPresent() ? s.id() : null;
        return saveScenario(edited, base);
    }

    /** Adds a line to an episode (the user's copy) or creates a new episode of the user's own with that line. */
    public TaskRunner.Job addLine(String scenarioId, String newName, CostLine line) {
        Scenario s = scenarioId == null ? null : library().find(scenarioId).orElse(null);
        Scenario next;
        String base = null;
        if (s == null) {
            String id = "my-" + Long.toString(ctx.app().clock().millis(), 36);
            next = new Scenario(id, LocalizedText.of(newName, newName, newName), null, null, List.of(line), List.of(), PartialDate.of(ctx.today()),
                    null, ctx.tr().get("planui.userEpisode"), false);
        } else {
            List<CostLine> lines = new ArrayList<>(s.lines());
            String lineId = line.id();
            int n = 1;
            while (true) {
                String candidate = lineId;
                if (lines.stream().noneMatch(l -> l.id().equals(candidate))) break;
                lineId = line.id() + "-" + (++n);
            }
            lines.add(new CostLine(lineId, line.need(), line.institution(), line.region(), line.description(), line.cost(), line.item(), false, line.sourceNote()));
            next = new Scenario(s.id(), s.name(), s.description(), s.durationDays(), lines, s.sources(), s.asOf(), s.confidence(), s.sourceNote(), s.sample());
            base = ctx.catalog().scenario(s.id()).isPresent() ? s.id() : null;
        }
        return saveScenario(next, base);
    }

    /** Drops the user's copy of an episode (the sourced catalog episode shows again) or deletes a user-added one. */
    public TaskRunner.Job revertScenario(String scenarioId) {
        return background(m -> {
            ctx.app().scenarioStore().deleteScenario(scenarioId);
            return scenarioId;
        }, x -> {
            userScenarios.removeIf(s -> s.id().equals(scenarioId));
            activity.say(ctx.tr().get("planui.reverted"));
        });
    }

    private TaskRunner.Job saveScenario(Scenario s, String baseId) {
        return background(m -> {
            ctx.app().scenarioStore().saveScenario(s, baseId);
            return s;
        }, saved -> {
            userScenarios.removeIf(x -> x.id().equals(s.id()));
            userScenarios.add(s);
            if (runs.stream().noneMatch(r -> r.scenarioId().equals(s.id()))) run(s.id(), ScenarioRun.DEFAULT_EVENT_DAY, false);
            activity.say(ctx.tr().get("planui.episodeSaved"));
        });
    }

    // recommendation ----------------------------------------------------------------------------------------------------

    /** Finds the exact recommendation in the background; on success the plan takes the recommended products. */
    public TaskRunner.Job recommend(Recommendation.Options options) {
        ClientProfile c = current();
        if (c == null || activity.isBusy()) return null;
        Plan frame = plan();
        Catalog catalog = ctx.catalog();
        List<Scenario> mine = List.copyOf(userScenarios);
        activity.say(ctx.tr().get("planui.recommending"));
        return background(m -> ctx.app().plan().recommend(catalog, mine, c, frame, options, m), rec -> {
            recommendation.set(rec);
            products.setAll(rec.productIds());
            if (rec.complete()) {
                activity.say(ctx.tr().get("planui.recommended", rec.productIds().size(), hk.baycover.planning.Amounts.format(rec.total(), ctx.tr().lang())));
            } else {
                activity.complain(ctx.tr().get("planui.recommendedPartial", rec.productIds().size(), rec.uncovered().size()));
            }
        });
    }

    // saved work --------------------------------------------------------------------------------------------------------

    public TaskRunner.Job refreshSaved() {
        record Saved(List<ClientStore.ClientSummary> clients, List<ScenarioStore.UserScenario> scenarios) {
        }
        return background(m -> new Saved(ctx.app().clientStore().clients(), ctx.app().scenarioStore().userScenarios()), r -> {
            clients.setAll(r.clients());
            userScenarios.setAll(r.scenarios().stream().map(ScenarioStore.UserScenario::scenario).toList());
        });
    }

    /** Saves the client and the plan (a new plan, or the next revision of the open one). */
    public TaskRunner.Job save() {
        ClientProfile c = current();
        if (c == null) {
            activity.complain(ctx.tr().get("planui.fixProfile"));
            return null;
        }
        Plan p = plan();
        Lang l = clientLanguage.get();
        String pid = planId.get();
        Catalog catalog = ctx.catalog();
        ClientProfile withId = clientId.get() == null ? c : withId(c, clientId.get());
        record Saved(String clientId, PlanStore.SavedPlan plan, List<ClientStore.ClientSummary> clients, List<PlanStore.PlanSummary> plans,
                     List<PlanStore.Revision> revisions) {
        }
        return background(m -> {
            PlanUseCase.Saved saved = ctx.app().plan().save(withId, l, pid, p, catalog);
            PlanStore store = ctx.app().planStore();
            return new Saved(saved.clientId(), saved.plan(), ctx.app().clientStore().clients(), store.plans(saved.clientId()),
                    store.revisions(saved.plan().id()));
        }, s -> {
            clientId.set(s.clientId());
            planId.set(s.plan().id());
            clients.setAll(s.clients());
            plans.setAll(s.plans());
            revisions.setAll(s.revisions());
            activity.say(ctx.tr().get("planui.saved", s.plan().revision()));
        });
    }

    static ClientProfile withId(ClientProfile c, String id) {
        return c.withId(id);
    }

    /** Opens a saved client (the form is filled by {@code onClient}) and lists their plans. */
    public TaskRunner.Job openClient(String id, Consumer<ClientStore.ClientRecord> onClient) {
        record Opened(ClientStore.ClientRecord client, List<PlanStore.PlanSummary> plans) {
        }
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            return new Opened(ctx.app().clientStore().client(id).orElseThrow(() -> new hk.baycover.model.UserError("planStore.noClient", id)), store.plans(id));
        }, r -> {
            clientId.set(id);
            planId.set(null);
            plans.setAll(r.plans());
            revisions.clear();
            quotes.setAll(r.client().profile().quotes());
            onClient.accept(r.client());
            activity.say(ctx.tr().get("planui.clientOpened"));
        });
    }

    /** Opens a saved plan (the latest revision, or the one given). */
    public TaskRunner.Job openPlan(String id, Integer revision) {
        record Opened(PlanStore.SavedPlan plan, List<PlanStore.Revision> revisions) {
        }
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            return new Opened(store.plan(id, revision).orElseThrow(() -> new hk.baycover.model.UserError("planStore.noPlan", id)), store.revisions(id));
        }, r -> {
            apply(r.plan());
            revisions.setAll(r.revisions());
            activity.say(ctx.tr().get("planui.planOpened", r.plan().revision()));
        });
    }

    private void apply(PlanStore.SavedPlan sp) {
        Plan p = sp.plan();
        planId.set(sp.id());
        title.set(p.title() == null ? "" : p.title());
        status.set(p.status());
        fx.set(p.fx());
        currency.set(p.currency());
        start.set(p.startDate() == null ? ctx.today() : p.startDate());
        runs.setAll(p.runs());
        products.setAll(layerSorted(p.productIds()));
    }

    public TaskRunner.Job duplicate() {
        String id = planId.get();
        if (id == null) return null;
        String copyTitle = ctx.tr().get("planui.copyOf", title.get() == null ? "" : title.get());
        record Copied(PlanStore.SavedPlan copy, List<PlanStore.PlanSummary> plans, List<PlanStore.Revision> revisions) {
        }
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            PlanStore.SavedPlan copy = store.duplicate(id, copyTitle);
            return new Copied(copy, store.plans(copy.clientId()), store.revisions(copy.id()));
        }, r -> {
            plans.setAll(r.plans());
            apply(r.copy());
            revisions.setAll(r.revisions());
            activity.say(ctx.tr().get("planui.duplicated"));
        });
    }

    /** Erases the open client with all their plans beyond recovery; the screen starts afresh. */
    public TaskRunner.Job deleteClient(Runnable afterwards) {
        String id = clientId.get();
        if (id == null) return null;
        return background(m -> {
            // erasure: secure delete, rebuilt file, fresh backups (issue 7); the plan store removes its rows inside it
            ctx.app().eraseClient(id);
            return ctx.app().clientStore().clients();
        }, cs -> {
            clients.setAll(cs);
            newClient();
            afterwards.run();
            activity.say(ctx.tr().get("planui.clientDeleted"));
        });
    }

    public void newClient() {
        clientId.set(null);
        planId.set(null);
        quotes.clear();
        title.set("");
        status.set(PlanStatus.DRAFT);
        plans.clear();
        revisions.clear();
        products.clear();
        runs.clear();
        recommendation.set(null);
        currency.set(null);
        fx.set(FxTable.defaults());
        start.set(ctx.today());
    }

    // proposal ------------------------------------------------------------------------------------------------------------

    /** Writes the proposal PDF in the client's language (or the screen's) in the background. */
    public TaskRunner.Job exportPdf(Path file) {
        PlanReport r = report.get();
        if (r == null) {
            activity.complain(ctx.tr().get("planui.fixProfile"));
            return null;
        }
        Lang lang = clientLanguage.get() != null ? clientLanguage.get() : ctx.tr().lang();
        Recommendation rec = recommendation.get() != null && recommendation.get().productIds().equals(r.layered().stream().map(Product::id).toList())
                ? recommendation.get() : null;
        Catalog cat = ctx.catalog();
        String pid = planId.get();
        activity.say(ctx.tr().get("planui.exporting"));
        return background(m -> ctx.app().plan().exportProposal(cat, r, rec, lang, pid, file, m),
                written -> activity.say(ctx.tr().get("planui.exported", written.file())));
    }

    // background --------------------------------------------------------------------------------------------------------

    public void cancel() {
        activity.cancel();
    }

    /** Runs work in the background; a failure shows its headline in the outcome. */
    private <T> TaskRunner.Job background(java.util.function.Function<hk.baycover.model.ProgressMonitor, T> work, Consumer<T> done) {
        return activity.run(work, done, e -> activity.complain(Errors.describe(ctx.tr().lang(), e).split("\n")[0]));
    }
}
