package hk.baycover.app;

import hk.baycover.io.SafeFiles;
import hk.baycover.catalog.PackReader;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.PartialDate;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Scenario;
import hk.baycover.planning.ClientFile;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.Planner;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioLibrary;
import hk.baycover.report.ProposalPdf;
import hk.baycover.store.ClientStore;
import hk.baycover.store.PlanStore;
import hk.baycover.store.ProposalStore;
import hk.baycover.store.ScenarioStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Plan cover for a client: analyse a plan, recommend one, save it, export the proposal. The same steps for the
 * {@code plan} command and the Plans screen; "today" is the application's clock.
 */
public final class PlanUseCase {

    private final Clock clock;
    private final ClientStore clients;
    private final PlanStore plans;
    private final ProposalStore proposals;
    private final ScenarioStore scenarios;

    private final SafeFiles files;

    PlanUseCase(Clock clock, ClientStore clients, PlanStore plans, ProposalStore proposals, ScenarioStore scenarios, SafeFiles files) {
        this.clock = clock;
        this.clients = clients;
        this.plans = plans;
        this.proposals = proposals;
        this.scenarios = scenarios;
        this.files = files;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The catalog's care episodes with the user's own (which replace a catalog episode of the same id). */
    public ScenarioLibrary library(Catalog catalog, List<Scenario> userScenarios) {
        return new ScenarioLibrary(catalog.scenarios(), userScenarios);
    }

    /** The user's own care episodes as saved. */
    public List<Scenario> savedScenarios() {
        return scenarios.userScenarios().stream().map(ScenarioStore.UserScenario::scenario).toList();
    }

    /** Reads a client file ({@code plan CLIENT.json}) strictly: every problem names the file and field. */
    public ClientFile.Read readClient(Path file, Lang lang, Catalog catalog) {
        return new ClientFile(lang, catalog, today()).read(file);
    }

    /** The rules of a client profile (those of the client file) for the profile form, in {@code lang}, as of today. */
    public ClientFile clientRules(Lang lang, Catalog catalog) {
        return new ClientFile(lang, catalog, today());
    }

    /** The plan's report: eligibility, premiums year by year, coverage by need, episodes, gaps. */
    public PlanReport analyse(Catalog catalog, List<Scenario> userScenarios, ClientProfile client, Plan plan) {
        return planner(catalog, userScenarios).analyse(client, plan);
    }

    /** The exact recommendation for the client within {@code frame} (slow: off the FX thread). */
    public Recommendation recommend(Catalog catalog, List<Scenario> userScenarios, ClientProfile client, Plan frame,
                                    Recommendation.Options options, ProgressMonitor monitor) {
        return planner(catalog, userScenarios).recommend(client, frame, options, monitor);
    }

    private Planner planner(Catalog catalog, List<Scenario> userScenarios) {
        return new Planner(catalog, library(catalog, userScenarios), today());
    }

    /** A saved client and plan revision. */
    public record Saved(String clientId, PlanStore.SavedPlan plan) {
    }

    /**
     * Saves the client and the plan: a new plan ({@code planId} null) or the next revision of {@code planId}, recorded
     * against the catalog's as-of date.
     */
    public Saved save(ClientProfile client, Lang clientLanguage, String planId, Plan plan, Catalog catalog) {
        // one transaction; with a plan id the client is the plan's own (a profile naming another client is refused)
        PlanStore.SavedPlan sp = plans.saveClientAndPlan(client.withAgeAsOf(today()), clientLanguage, planId, plan,
                catalog.asOf().map(PartialDate::value).orElse(null));
        return new Saved(sp.clientId(), sp);
    }

    /** A proposal written to a file. */
    public record Proposal(Path file, String sha256, long bytes) {
    }

    /**
     * Renders the proposal PDF in {@code lang}, writes it to {@code file} and, for a saved plan ({@code planId} not
     * null), records it against the plan's latest revision (language, datasets, checksum) in the audit log.
     */
    public Proposal exportProposal(Catalog catalog, PlanReport report, Recommendation recommendation, Lang lang, String planId, Path file,
                                   ProgressMonitor monitor) {
        byte[] bytes = new ProposalPdf(catalog, lang).render(report, recommendation, monitor);
        monitor.checkCancelled();
        files.write(file, bytes);
        String sha256 = PackReader.sha256(bytes);
        if (planId != null) {
            String asOf = catalog.asOf().map(PartialDate::value).orElse(null);
            plans.plan(planId).ifPresent(sp -> proposals.recordProposal(planId, sp.revision(), lang, sha256, bytes.length, asOf,
                    ProposalPdf.datasetVersions(catalog)));
        }
        return new Proposal(file, sha256, bytes.length);
    }
}
