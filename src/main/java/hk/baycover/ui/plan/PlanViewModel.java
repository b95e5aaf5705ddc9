package hk.baycover.ui.plan;

import hk.baycover.catalog.PackReader;
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
import hk.baycover.planning.Planner;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioLibrary;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.report.ProposalPdf;
import hk.baycover.store.PlanStore;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

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
    private final ObjectProperty<PlanReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<Recommendation> recommendation = new SimpleObjectProperty<>();
    private final ObservableList<Scenario> userScenarios = FXCollections.observableArrayList();
    private final ObservableList<PlanStore.ClientSummary> clients = FXCollections.observableArrayList();
    private final ObservableList<PlanStore.PlanSummary> plans = FXCollections.observableArrayList();
    private final ObservableList<PlanStore.Revision> revisions = FXCollections.observableArrayList();
    private final StringProperty clientId = new SimpleStringProperty();
    private final StringProperty planId = new SimpleStringProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<PlanStatus> status = new SimpleObjectProperty<>(PlanStatus.DRAFT);
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty outcomeIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty analysisError = new SimpleStringProperty("");
    private Task<?> running;

    public PlanViewModel(UiContext ctx) {
        this.ctx = ctx;
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
        ctx.catalogProperty().addListener((o, a, b) -> analyse());
    }

    // properties --------------------------------------------------------------------------------------------------------

    public ObjectProperty<ClientProfile> clientProperty() { return client; }

    public ObjectProperty<Lang> clientLanguageProperty() { return clientLanguage; }

    public ObservableList<String> products() { return products; }

    public ObjectProperty<FxTable> fxProperty() { return fx; }

    public ObjectProperty<Currency> currencyProperty() { return currency; }

    public ObjectProperty<LocalDate> startProperty() { return start; }

    public ObservableList<ScenarioRun> runs() { return runs; }

    public ObjectProperty<PlanReport> reportProperty() { return report; }

    public ObjectProperty<Recommendation> recommendationProperty() { return recommendation; }

    public ObservableList<Scenario> userScenarios() { return userScenarios; }

    public ObservableList<PlanStore.ClientSummary> clients() { return clients; }

    public ObservableList<PlanStore.PlanSummary> plans() { return plans; }

    public ObservableList<PlanStore.Revision> revisions() { return revisions; }

    public StringProperty clientIdProperty() { return clientId; }

    public StringProperty planIdProperty() { return planId; }

    public StringProperty titleProperty() { return title; }

    public ObjectProperty<PlanStatus> statusProperty() { return status; }

    public StringProperty outcomeProperty() { return outcome; }

    public BooleanProperty outcomeIsErrorProperty() { return outcomeIsError; }

    public BooleanProperty busyProperty() { return busy; }

    public DoubleProperty progressProperty() { return progress; }

    public StringProperty analysisErrorProperty() { return analysisError; }

    // derived -----------------------------------------------------------------------------------------------------------

    public ScenarioLibrary library() {
        return new ScenarioLibrary(ctx.catalog().scenarios(), new ArrayList<>(userScenarios));
    }

    public Planner planner() {
        return new Planner(ctx.catalog(), library(), ctx.today());
    }

    /** The plan as it stands in the screen. */
    public Plan plan() {
        Currency cur = currency.get() != null ? currency.get()
                : client.get() != null && client.get().budget() != null ? client.get().budget().currency() : Currency.HKD;
        return new Plan(title.get() == null || title.get().isBlank() ? null : title.get(), new ArrayList<>(products), null, start.get(), cur, fx.get(),
                new ArrayList<>(runs), null, status.get());
    }

    /** Recomputes the report (in memory, milliseconds). */
    public void analyse() {
        ClientProfile c = client.get();
        if (c == null) {
            report.set(null);
            return;
        }
        try {
            List<ScenarioRun> known = runs.stream().filter(r -> library().find(r.scenarioId()).isPresent()).toList();
            report.set(planner().analyse(c, plan().withRuns(known)));
            analysisError.set("");
        } catch (RuntimeException e) {
            analysisError.set(Errors.describe(ctx.tr().lang(), e));
        }
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

    /** Changes one line's cost: the episode becomes the user's own copy (saved), labelled as user-entered. */
    public Task<?> editCost(String scenarioId, String lineId, Money cost) {
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
    public Task<?> addLine(String scenarioId, String newName, CostLine line) {
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
            lines.add(new CostLine(lineId, line.need(), line.institution(), line.region(), line.description(), line.cost(), line.item(), false, line.note()));
            next = new Scenario(s.id(), s.name(), s.description(), s.durationDays(), lines, s.sources(), s.asOf(), s.confidence(), s.note(), s.sample());
            base = ctx.catalog().scenario(s.id()).isPresent() ? s.id() : null;
        }
        return saveScenario(next, base);
    }

    /** Drops the user's copy of an episode (the sourced catalog episode shows again) or deletes a user-added one. */
    public Task<?> revertScenario(String scenarioId) {
        return background(m -> {
            ctx.app().planStore().deleteScenario(scenarioId);
            return null;
        }, x -> {
            userScenarios.removeIf(s -> s.id().equals(scenarioId));
            outcome.set(ctx.tr().get("planui.reverted"));
        });
    }

    private Task<?> saveScenario(Scenario s, String baseId) {
        return background(m -> {
            ctx.app().planStore().saveScenario(s, baseId);
            return s;
        }, saved -> {
            userScenarios.removeIf(x -> x.id().equals(s.id()));
            userScenarios.add(s);
            if (runs.stream().noneMatch(r -> r.scenarioId().equals(s.id()))) run(s.id(), ScenarioRun.DEFAULT_EVENT_DAY, false);
            outcome.set(ctx.tr().get("planui.episodeSaved"));
        });
    }

    // recommendation ----------------------------------------------------------------------------------------------------

    /** Finds the exact recommendation in the background; on success the plan takes the recommended products. */
    public Task<Recommendation> recommend(Recommendation.Options options) {
        ClientProfile c = client.get();
        if (c == null || busy.get()) return null;
        Planner planner = planner();
        Plan frame = plan();
        outcome.set(ctx.tr().get("planui.recommending"));
        outcomeIsError.set(false);
        return background(m -> planner.recommend(c, frame, options, m), rec -> {
            recommendation.set(rec);
            if (rec.found()) {
                products.setAll(rec.productIds());
                outcome.set(ctx.tr().get("planui.recommended", rec.productIds().size(), hk.baycover.planning.Amounts.format(rec.total())));
            } else {
                outcomeIsError.set(true);
                outcome.set(ctx.tr().get("rec.none"));
            }
        });
    }

    // saved work --------------------------------------------------------------------------------------------------------

    public Task<?> refreshSaved() {
        return background(m -> new Object[] {ctx.app().planStore().clients(), ctx.app().planStore().userScenarios()}, r -> {
            @SuppressWarnings("unchecked")
            List<PlanStore.ClientSummary> cs = (List<PlanStore.ClientSummary>) r[0];
            @SuppressWarnings("unchecked")
            List<PlanStore.UserScenario> us = (List<PlanStore.UserScenario>) r[1];
            clients.setAll(cs);
            userScenarios.setAll(us.stream().map(PlanStore.UserScenario::scenario).toList());
        });
    }

    /** Saves the client and the plan (a new plan, or the next revision of the open one). */
    public Task<?> save() {
        ClientProfile c = client.get();
        if (c == null) {
            outcomeIsError.set(true);
            outcome.set(ctx.tr().get("planui.fixProfile"));
            return null;
        }
        Plan p = plan();
        Lang l = clientLanguage.get();
        String pid = planId.get();
        String asOf = ctx.catalog().asOf().map(PartialDate::value).orElse(null);
        ClientProfile withId = clientId.get() == null ? c : withId(c, clientId.get());
        record Saved(String clientId, PlanStore.SavedPlan plan, List<PlanStore.ClientSummary> clients, List<PlanStore.PlanSummary> plans,
                     List<PlanStore.Revision> revisions) {
        }
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            PlanStore.SavedPlan sp = store.saveClientAndPlan(withId, l, pid, p, asOf);
            String cid = sp.clientId();
            return new Saved(cid, sp, store.clients(), store.plans(cid), store.revisions(sp.id()));
        }, s -> {
            clientId.set(s.clientId());
            planId.set(s.plan().id());
            clients.setAll(s.clients());
            plans.setAll(s.plans());
            revisions.setAll(s.revisions());
            outcome.set(ctx.tr().get("planui.saved", s.plan().revision()));
        });
    }

    static ClientProfile withId(ClientProfile c, String id) {
        return new ClientProfile(id, c.name(), c.contact(), c.birthDate(), c.age(), c.sex(), c.smoker(), c.residency(), c.livesIn(), c.city(),
                c.szMedicalInsurance(), c.szTier(), c.cssaRecipient(), c.careHomeWaitlist(), c.haFollowUpPatient(), c.mainlandResidencePermit(),
                c.existingProducts(), c.existingCoverNote(), c.conditions(), c.conditionNote(), c.preferredInstitutions(), c.needs(), c.budget(),
                c.horizonYears(), c.notes());
    }

    /** Opens a saved client (the form is filled by {@code onClient}) and lists their plans. */
    public Task<?> openClient(String id, Consumer<PlanStore.ClientRecord> onClient) {
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            return new Object[] {store.client(id).orElseThrow(() -> new hk.baycover.model.UserError("planStore.noClient", id)), store.plans(id)};
        }, r -> {
            PlanStore.ClientRecord rec = (PlanStore.ClientRecord) r[0];
            @SuppressWarnings("unchecked")
            List<PlanStore.PlanSummary> ps = (List<PlanStore.PlanSummary>) r[1];
            clientId.set(id);
            planId.set(null);
            plans.setAll(ps);
            revisions.clear();
            onClient.accept(rec);
            outcome.set(ctx.tr().get("planui.clientOpened"));
        });
    }

    /** Opens a saved plan (the latest revision, or the one given). */
    public Task<?> openPlan(String id, Integer revision) {
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            return new Object[] {store.plan(id, revision).orElseThrow(() -> new hk.baycover.model.UserError("planStore.noPlan", id)), store.revisions(id)};
        }, r -> {
            PlanStore.SavedPlan sp = (PlanStore.SavedPlan) r[0];
            @SuppressWarnings("unchecked")
            List<PlanStore.Revision> rs = (List<PlanStore.Revision>) r[1];
            apply(sp);
            revisions.setAll(rs);
            outcome.set(ctx.tr().get("planui.planOpened", sp.revision()));
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

    public Task<?> duplicate() {
        String id = planId.get();
        if (id == null) return null;
        String copyTitle = ctx.tr().get("planui.copyOf", title.get() == null ? "" : title.get());
        return background(m -> {
            PlanStore store = ctx.app().planStore();
            PlanStore.SavedPlan copy = store.duplicate(id, copyTitle);
            return new Object[] {copy, store.plans(copy.clientId()), store.revisions(copy.id())};
        }, r -> {
            PlanStore.SavedPlan copy = (PlanStore.SavedPlan) r[0];
            @SuppressWarnings("unchecked")
            List<PlanStore.PlanSummary> ps = (List<PlanStore.PlanSummary>) r[1];
            @SuppressWarnings("unchecked")
            List<PlanStore.Revision> rs = (List<PlanStore.Revision>) r[2];
            plans.setAll(ps);
            apply(copy);
            revisions.setAll(rs);
            outcome.set(ctx.tr().get("planui.duplicated"));
        });
    }

    /** Erases the open client with all their plans beyond recovery; the screen starts afresh. */
    public Task<?> deleteClient(Runnable afterwards) {
        String id = clientId.get();
        if (id == null) return null;
        return background(m -> {
            // erasure: secure delete, rebuilt file, fresh backups (issue 7); the plan store removes its rows inside it
            ctx.app().eraseClient(id);
            return ctx.app().planStore().clients();
        }, cs -> {
            clients.setAll(cs);
            newClient();
            afterwards.run();
            outcome.set(ctx.tr().get("planui.clientDeleted"));
        });
    }

    public void newClient() {
        clientId.set(null);
        planId.set(null);
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
    public Task<?> exportPdf(Path file) {
        PlanReport r = report.get();
        if (r == null) {
            outcomeIsError.set(true);
            outcome.set(ctx.tr().get("planui.fixProfile"));
            return null;
        }
        Lang lang = clientLanguage.get() != null ? clientLanguage.get() : ctx.tr().lang();
        Recommendation rec = recommendation.get() != null && recommendation.get().productIds().equals(r.layered().stream().map(Product::id).toList())
                ? recommendation.get() : null;
        Catalog cat = ctx.catalog();
        String pid = planId.get();
        String asOf = cat.asOf().map(PartialDate::value).orElse(null);
        outcome.set(ctx.tr().get("planui.exporting"));
        outcomeIsError.set(false);
        return background(m -> {
            byte[] bytes = new ProposalPdf(cat, lang).render(r, rec, m);
            m.checkCancelled();
            ctx.app().files().write(file, bytes);
            if (pid != null) {
                ctx.app().planStore().plan(pid).ifPresent(sp ->
                        ctx.app().planStore().recordProposal(pid, sp.revision(), lang, PackReader.sha256(bytes), bytes.length, asOf,
                                ProposalPdf.datasetVersions(cat)));
            }
            return file;
        }, f -> outcome.set(ctx.tr().get("planui.exported", f)));
    }

    // background --------------------------------------------------------------------------------------------------------

    public void cancel() {
        if (running != null) running.cancel();
    }

    private <T> Task<T> background(java.util.function.Function<hk.baycover.model.ProgressMonitor, T> work, Consumer<T> done) {
        Task<T> task = ctx.background().submit(work);
        running = task;
        busy.set(true);
        progress.unbind();
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            finish();
            outcomeIsError.set(false);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            outcomeIsError.set(true);
            outcome.set(Errors.describe(ctx.tr().lang(), task.getException()).split("\n")[0]);
        });
        task.setOnCancelled(e -> {
            finish();
            outcome.set(ctx.tr().get("task.cancelled"));
        });
        return task;
    }

    private void finish() {
        progress.unbind();
        progress.set(0);
        busy.set(false);
        running = null;
    }
}
