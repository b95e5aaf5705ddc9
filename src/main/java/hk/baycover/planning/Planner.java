package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.Scenario;
import hk.baycover.model.UserError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planning service shared by the Plans screen, the CLI and the PDF: eligibility, the layered plan with its premium
 * projection and coverage per need, episodes adjudicated through the plan, and the exact recommendation.
 * Works on an immutable catalog snapshot plus the user's own episodes; no I/O.
 */
public final class Planner {

    private final Catalog catalog;
    private final ScenarioLibrary scenarios;
    private final LocalDate today;
    private final EligibilityChecker checker;
    private final CoverageEvaluator coverage = new CoverageEvaluator();
    private final PremiumProjection projection;
    private final Adjudicator adjudicator;

    public Planner(Catalog catalog, ScenarioLibrary scenarios, LocalDate today) {
        this.catalog = catalog;
        this.scenarios = scenarios == null ? new ScenarioLibrary(catalog.scenarios(), List.of()) : scenarios;
        this.today = today;
        this.checker = new EligibilityChecker(today);
        this.projection = new PremiumProjection(today);
        this.adjudicator = new Adjudicator(catalog, checker);
    }

    public Planner(Catalog catalog, LocalDate today) {
        this(catalog, null, today);
    }

    public Catalog catalog() { return catalog; }

    public ScenarioLibrary scenarios() { return scenarios; }

    public LocalDate today() { return today; }

    public Adjudicator adjudicator() { return adjudicator; }

    /**
     * Where the client's care happens: the Mainland GBA city they live in (or will), else the region their living place
     * implies (a Hong Kong resident crossing north is planned for Shenzhen).
     */
    public static Region careRegion(ClientProfile client) {
        if (client.city() != null && client.city().isMainlandGba()) return client.city().region();
        return client.livesIn().careRegion();
    }

    /** A plan with sensible defaults for a client: starts today, in the client's budget currency. */
    public Plan newPlan(ClientProfile client, List<String> productIds) {
        Currency cur = client.budget() == null ? Currency.HKD : client.budget().currency();
        return Plan.of(productIds, today, cur);
    }

    /** Eligibility of every catalog product on the plan's start date, eligible products first. */
    public List<EligibilityResult> eligibility(ClientProfile client, LocalDate start) {
        List<EligibilityResult> out = new ArrayList<>();
        for (Product p : catalog.products()) out.add(checker.check(p, client, start));
        out.sort(Comparator.comparing((EligibilityResult e) -> !e.eligible()));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Everything about {@code plan} for {@code client}; throws a UserError for an episode id that does not exist. */
    public PlanReport analyse(ClientProfile client, Plan plan) {
        LocalDate start = plan.startDate() == null ? today : plan.startDate();
        Plan p = plan.startDate() == null ? plan.withStart(start) : plan;
        List<Product> layered = p.layered(catalog);
        Region region = careRegion(client);
        List<EligibilityResult> elig = eligibility(client, start);
        PremiumProjection.Result proj = projection.project(client, layered, p);
        List<PlanReport.NeedCover> covers = coverage(client, layered, region, start);
        List<Adjudicator.EpisodeResult> episodes = new ArrayList<>();
        for (ScenarioRun run : p.runs()) {
            Scenario s = scenarios.find(run.scenarioId()).orElseThrow(() -> new UserError("plan.unknownScenario", run.scenarioId()));
            episodes.add(adjudicator.run(client, layered, s, run, start, p.fx(), p.currency()));
        }
        List<PlanReport.Gap> gaps = gaps(client, covers, elig, layered);
        List<PlanReport.SourceRef> sources = new ArrayList<>();
        for (Product prod : layered) {
            sources.add(new PlanReport.SourceRef("product", prod.id(), prod.name().get(hk.baycover.model.Lang.EN), prod.sources(), prod.asOf(),
                    prod.sample() || prod.premiums().sample() || prod.benefits().stream().anyMatch(b -> b.sample())));
        }
        for (Adjudicator.EpisodeResult e : episodes) {
            Scenario s = e.scenario();
            boolean sample = s.sample() || s.lines().stream().anyMatch(l -> l.sample());
            sources.add(new PlanReport.SourceRef(scenarios.isUser(s.id()) ? "userScenario" : "scenario", s.id(),
                    s.name().get(hk.baycover.model.Lang.EN), s.sources(), s.asOf(), sample));
        }
        return new PlanReport(client, p, today, region, elig, layered, p.missing(catalog), proj, covers, episodes, gaps, sources,
                catalog.asOf().orElse(null));
    }

    /** Needs to report on: the client's needs (must-haves first), or every need when the client named none. */
    static List<Need> needsOf(ClientProfile client) {
        if (client.needs().isEmpty()) return List.of(Need.values());
        List<Need> out = new ArrayList<>();
        for (Need n : Need.values()) if (client.needs().get(n) == Priority.MUST_HAVE) out.add(n);
        for (Need n : Need.values()) if (client.needs().get(n) == Priority.NICE_TO_HAVE) out.add(n);
        return out;
    }

    private List<PlanReport.NeedCover> coverage(ClientProfile client, List<Product> layered, Region region, LocalDate start) {
        List<PlanReport.NeedCover> out = new ArrayList<>();
        for (Need need : needsOf(client)) {
            List<Coverage> per = new ArrayList<>();
            Coverage best = null;
            Integer lastYear = null;
            for (Product p : layered) {
                EligibilityResult er = checker.check(p, client, start);
                Coverage c = coverage.coverage(p, need, region);
                if (!er.eligible() && c.level() != CoverageLevel.NONE) {
                    List<Reason> rules = new ArrayList<>(er.blocking());
                    c = new Coverage(p.id(), need, region, CoverageLevel.NONE, c.benefit(), rules);
                }
                per.add(c);
                if (best == null || CoverageEvaluator.ORDER.compare(c.level(), best.level()) > 0) best = c;
                if (c.level() != CoverageLevel.NONE) {
                    int until = lastYearInForce(client, p, start);
                    lastYear = lastYear == null ? until : Math.max(lastYear, until);
                }
            }
            CoverageLevel level = best == null ? CoverageLevel.NONE : best.level();
            List<Reason> rules = best == null ? List.of(Reason.block("plan.noProducts")) : best.rules();
            Integer ends = lastYear != null && lastYear < client.horizon() ? lastYear : null;
            out.add(new PlanReport.NeedCover(need, client.needs().get(need), level,
                    best == null || level == CoverageLevel.NONE ? null : best.productId(), rules, per, ends));
        }
        return out;
    }

    /** The last policy year (1-based, up to the horizon) in which the product still covers the client. */
    int lastYearInForce(ClientProfile client, Product p, LocalDate start) {
        Integer max = p.eligibility().maxRenewalAge();
        if (max == null) return client.horizon();
        AgeBasis basis = p.eligibility().ageBasis();
        int last = 0;
        for (int y = 1; y <= client.horizon(); y++) {
            if (client.ageOn(start.plusYears(y - 1L), basis, today) <= max) last = y;
        }
        return last;
    }

    private List<PlanReport.Gap> gaps(ClientProfile client, List<PlanReport.NeedCover> covers, List<EligibilityResult> elig,
                                      List<Product> layered) {
        List<PlanReport.Gap> out = new ArrayList<>();
        for (PlanReport.NeedCover nc : covers) {
            if (nc.priority() == null && !client.needs().isEmpty()) continue;
            if (nc.level() == CoverageLevel.NONE) {
                boolean anyProduct = catalog.products().stream().anyMatch(p -> elig.stream().anyMatch(e -> e.productId().equals(p.id()) && e.eligible())
                        && coverage.coverage(p, nc.need(), careRegion(client)).level() != CoverageLevel.NONE);
                out.add(new PlanReport.Gap(nc.need(), nc.priority(), nc.level(),
                        Reason.block(anyProduct ? "gap.notInPlan" : "gap.noProduct", "need." + nc.need().name())));
            } else if (nc.level() == CoverageLevel.PARTIAL) {
                out.add(new PlanReport.Gap(nc.need(), nc.priority(), nc.level(), Reason.warn("gap.partial", "need." + nc.need().name())));
            }
            if (nc.coverEndsAfterYear() != null && nc.level() != CoverageLevel.NONE) {
                out.add(new PlanReport.Gap(nc.need(), nc.priority(), nc.level(), Reason.warn("gap.endsAfter", "need." + nc.need().name(), nc.coverEndsAfterYear())));
            }
        }
        for (Product p : layered) {
            EligibilityResult e = elig.stream().filter(x -> x.productId().equals(p.id())).findFirst().orElse(null);
            if (e != null && !e.eligible()) out.add(new PlanReport.Gap(null, null, CoverageLevel.NONE, Reason.block("gap.ineligibleInPlan", p.id())));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // recommendation

    /** The optimiser's view of the catalog for one client and plan frame (start date, currency, FX). */
    public record Framing(Recommender.Problem problem, List<Need> mustNeeds, List<Need> niceNeeds, Map<String, Recommendation.Verdict> excluded,
                          Map<String, Recommender.Candidate> candidates) {
    }

    /** Builds the optimiser's problem: eligible products with their yearly premiums and the (need, year) pairs they cover. */
    public Framing frame(ClientProfile client, Plan frame, Recommendation.Options opts) {
        LocalDate start = frame.startDate() == null ? today : frame.startDate();
        Plan p = frame.startDate() == null ? frame.withStart(start) : frame;
        int years = client.horizon();
        Region region = careRegion(client);
        List<Need> must = new ArrayList<>();
        List<Need> nice = new ArrayList<>();
        for (Need n : Need.values()) {
            if (client.needs().get(n) == Priority.MUST_HAVE) must.add(n);
            else if (client.needs().get(n) == Priority.NICE_TO_HAVE) nice.add(n);
        }
        Map<String, Recommendation.Verdict> excluded = new LinkedHashMap<>();
        Map<String, Recommender.Candidate> cands = new LinkedHashMap<>();
        Long budget = client.budget() == null ? null
                : Amounts.cents(p.fx().convert(client.budget(), p.currency())).amount().movePointRight(2).longValueExact();
        for (Product prod : catalog.products()) {
            EligibilityResult er = checker.check(prod, client, start);
            if (!er.eligible()) {
                excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.NOT_ELIGIBLE, er.blocking()));
                continue;
            }
            long[] cents = new long[years];
            boolean unknown = false;
            Reason unknownWhy = null;
            int last = lastYearInForce(client, prod, start);
            for (int y = 1; y <= years; y++) {
                PremiumProjection.Cell c = projection.cell(client, prod, start.plusYears(y - 1L), p.option(prod.id()).orElse(null), p.fx(), p.currency());
                if (c.ended() || y > last) continue;
                if (c.converted().isPresent()) cents[y - 1] = c.converted().get().amount().movePointRight(2).longValueExact();
                else {
                    unknown = true;
                    if (unknownWhy == null) unknownWhy = c.reason();
                }
            }
            if (unknown && !opts.allowUnknownPremiums()) {
                List<Reason> why = new ArrayList<>();
                why.add(Reason.warn("rec.why.unknown"));
                if (unknownWhy != null && !"premium.notPublished".equals(unknownWhy.key())) why.add(unknownWhy);
                excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.PREMIUM_UNKNOWN, why));
                continue;
            }
            BitSet mustBits = new BitSet();
            BitSet niceBits = new BitSet();
            for (int i = 0; i < must.size(); i++) {
                if (coverage.coverage(prod, must.get(i), region).level() == CoverageLevel.NONE) continue;
                for (int y = 1; y <= last; y++) mustBits.set(i * years + (y - 1));
            }
            for (int i = 0; i < nice.size(); i++) {
                if (coverage.coverage(prod, nice.get(i), region).level() == CoverageLevel.NONE) continue;
                for (int y = 1; y <= last; y++) niceBits.set(i * years + (y - 1));
            }
            boolean free = !unknown && java.util.Arrays.stream(cents).allMatch(v -> v == 0);
            if (free && mustBits.isEmpty() && niceBits.isEmpty() && opts.ceilingScenario() == null) {
                // a free scheme that touches none of the client's needs adds nothing to the plan
                excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.NO_MUST_HAVE,
                        List.of(Reason.info("rec.why.freeUnrelated"))));
                continue;
            }
            cands.put(prod.id(), new Recommender.Candidate(prod.id(), cents, unknown, mustBits, niceBits));
        }
        Recommender.OopOracle oracle = null;
        BigDecimal ceiling = null;
        if (opts.ceilingScenario() != null && opts.ceiling() != null) {
            Scenario s = scenarios.find(opts.ceilingScenario()).orElseThrow(() -> new UserError("plan.unknownScenario", opts.ceilingScenario()));
            ScenarioRun run = opts.ceilingRun() != null ? opts.ceilingRun() : ScenarioRun.of(s.id());
            ceiling = opts.ceiling();
            oracle = ids -> {
                List<Product> layered = p.withProducts(ids).layered(catalog);
                return adjudicator.run(client, layered, s, run, start, p.fx(), p.currency()).totalOutOfPocket().amount();
            };
        }
        Recommender.Problem problem = new Recommender.Problem(new ArrayList<>(cands.values()), must.size() * years, nice.size() * years,
                years, budget, oracle, ceiling);
        return new Framing(problem, must, nice, excluded, cands);
    }

    /** The exact recommendation with alternatives and reasons (may take a while on a big catalog: run it off the FX thread). */
    public Recommendation recommend(ClientProfile client, Plan frame, Recommendation.Options opts, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        Recommendation.Options o = opts == null ? Recommendation.Options.defaults() : opts;
        Currency cur = frame.currency();
        Framing f = frame(client, frame, o);
        Recommender engine = new Recommender();
        m.progress(0, 1 + o.alternatives(), null);
        Optional<Recommender.Solution> best = engine.solve(f.problem(), Set.of(), m);
        Recommender.Stats stats = engine.lastStats();
        if (best.isEmpty()) {
            List<Reason> missing = explainMissing(client, f, engine, m, cur);
            List<Recommendation.Verdict> verdicts = new ArrayList<>(f.excluded().values());
            for (Recommender.Candidate c : f.candidates().values()) {
                verdicts.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.NOT_NEEDED, List.of(Reason.info("rec.why.noFit"))));
            }
            return new Recommendation(false, List.of(), null, List.of(), 0, null, List.of(), sortVerdicts(verdicts), missing, o, stats);
        }
        Recommender.Solution s = best.get();
        List<Recommendation.Alternative> alts = new ArrayList<>();
        Map<String, Optional<Recommender.Solution>> without = new LinkedHashMap<>();
        int step = 1;
        for (String id : s.ids()) {
            Recommender.Candidate c = f.candidates().get(id);
            if (c == null || (!c.unknownPremium() && c.total() == 0)) continue; // free schemes are always in
            m.checkCancelled();
            Optional<Recommender.Solution> alt = engine.solve(f.problem(), Set.of(id), m);
            without.put(id, alt);
            alt.ifPresent(a -> alts.add(new Recommendation.Alternative(layerOrder(frame, a.ids()), money(a.costCents(), cur), id,
                    money(a.costCents() - s.costCents(), cur), a.unknown())));
            m.progress(step++, 1 + o.alternatives(), null);
        }
        Set<List<String>> seen = new HashSet<>();
        List<Recommendation.Alternative> distinct = new ArrayList<>();
        alts.sort(Comparator.comparing((Recommendation.Alternative a) -> a.total().amount()).thenComparing(a -> String.join(",", a.productIds())));
        for (Recommendation.Alternative a : alts) {
            if (seen.add(a.productIds()) && distinct.size() < o.alternatives()) distinct.add(a);
        }
        List<Recommendation.Verdict> verdicts = verdicts(f, s, without, cur);
        List<Money> perYear = new ArrayList<>();
        for (long v : s.yearCents()) perYear.add(money(v, cur));
        return new Recommendation(true, layerOrder(frame, s.ids()), money(s.costCents(), cur), perYear, s.unknown(), s.outOfPocket(),
                distinct, verdicts, List.of(), o, stats);
    }

    private List<String> layerOrder(Plan frame, List<String> ids) {
        return frame.withProducts(ids).layered(catalog).stream().map(Product::id).toList();
    }

    private static Money money(long cents, Currency cur) {
        return new Money(BigDecimal.valueOf(cents, 2), cur);
    }

    private List<Recommendation.Verdict> verdicts(Framing f, Recommender.Solution s, Map<String, Optional<Recommender.Solution>> without,
                                                  Currency cur) {
        List<Recommendation.Verdict> out = new ArrayList<>(f.excluded().values());
        int years = f.problem().years();
        BitSet chosenMust = new BitSet();
        for (String id : s.ids()) chosenMust.or(f.candidates().get(id).must());
        for (Recommender.Candidate c : f.candidates().values()) {
            boolean chosen = s.ids().contains(c.id());
            List<Reason> why = new ArrayList<>();
            if (chosen) {
                if (!c.unknownPremium() && c.total() == 0) {
                    out.add(new Recommendation.Verdict(c.id(), true, Recommendation.Code.FREE, List.of(Reason.info("rec.why.free"))));
                    continue;
                }
                BitSet others = new BitSet();
                for (String id : s.ids()) if (!id.equals(c.id())) others.or(f.candidates().get(id).must());
                BitSet only = (BitSet) c.must().clone();
                only.andNot(others);
                for (Need n : needsIn(only, f.mustNeeds(), years)) why.add(Reason.info("rec.why.only", "need." + n.name()));
                why.add(Reason.info("rec.why.cost", Amounts.format(money(c.total(), cur))));
                if (c.unknownPremium()) why.add(Reason.warn("rec.why.unknownCounted"));
                Optional<Recommender.Solution> alt = without.getOrDefault(c.id(), Optional.empty());
                if (alt.isPresent()) why.add(Reason.info("rec.why.without", Amounts.format(money(alt.get().costCents() - s.costCents(), cur))));
                else why.add(Reason.info("rec.why.withoutNone"));
                if (f.problem().ceiling() != null && only.isEmpty()) why.add(Reason.info("rec.why.ceiling"));
                out.add(new Recommendation.Verdict(c.id(), true, Recommendation.Code.CHOSEN, why));
                continue;
            }
            if (c.must().isEmpty()) {
                out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.NO_MUST_HAVE, List.of(Reason.info("rec.why.noMustHave"))));
                continue;
            }
            Long budget = f.problem().budgetCents();
            if (budget != null) {
                int overYear = -1;
                for (int y = 0; y < c.yearCents().length; y++) if (c.yearCents()[y] > budget) {
                    overYear = y + 1;
                    break;
                }
                if (overYear > 0) {
                    out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.OVER_BUDGET,
                            List.of(Reason.info("rec.why.overBudget", overYear, Amounts.format(money(c.yearCents()[overYear - 1], cur)),
                                    Amounts.format(money(budget, cur))))));
                    continue;
                }
            }
            BitSet rest = (BitSet) c.must().clone();
            rest.andNot(chosenMust);
            if (rest.isEmpty()) {
                out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.NOT_NEEDED,
                        List.of(Reason.info("rec.why.alreadyCovered", Amounts.format(money(c.total(), cur))))));
                continue;
            }
            Recommender.Candidate dom = null;
            long ct = c.total();
            for (Recommender.Candidate d : f.candidates().values()) {
                if (d == c) continue;
                long dt = d.total();
                if (dt > ct || (dt == ct && d.id().compareTo(c.id()) >= 0)) continue;
                boolean covers = true;
                for (int bit = c.must().nextSetBit(0); bit >= 0 && covers; bit = c.must().nextSetBit(bit + 1)) covers = d.must().get(bit);
                if (covers) {
                    dom = d;
                    break;
                }
            }
            if (dom != null) {
                out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.DOMINATED,
                        List.of(Reason.info("rec.why.dominated", dom.id(), Amounts.format(money(dom.total(), cur)), Amounts.format(money(c.total(), cur))))));
                continue;
            }
            out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.NOT_NEEDED,
                    List.of(Reason.info("rec.why.cheaperElsewhere", Amounts.format(money(c.total(), cur))))));
        }
        return sortVerdicts(out);
    }

    private List<Recommendation.Verdict> sortVerdicts(List<Recommendation.Verdict> v) {
        Map<String, Integer> order = new java.util.HashMap<>();
        for (Product p : catalog.products()) order.put(p.id(), order.size());
        List<Recommendation.Verdict> out = new ArrayList<>(v);
        out.sort(Comparator.comparing((Recommendation.Verdict x) -> !x.chosen()).thenComparingInt(x -> order.getOrDefault(x.productId(), Integer.MAX_VALUE)));
        return out;
    }

    private static List<Need> needsIn(BitSet bits, List<Need> needs, int years) {
        List<Need> out = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            if (bits.get(i * years, (i + 1) * years).cardinality() > 0) out.add(needs.get(i));
        }
        return out;
    }

    /** Says plainly why no set fits: needs no eligible product covers (and in which years), the budget, or the ceiling. */
    private List<Reason> explainMissing(ClientProfile client, Framing f, Recommender engine, ProgressMonitor m, Currency cur) {
        List<Reason> out = new ArrayList<>();
        int years = f.problem().years();
        BitSet all = new BitSet();
        for (Recommender.Candidate c : f.candidates().values()) all.or(c.must());
        for (int i = 0; i < f.mustNeeds().size(); i++) {
            BitSet open = new BitSet();
            for (int y = 0; y < years; y++) if (!all.get(i * years + y)) open.set(y);
            if (open.isEmpty()) continue;
            Need n = f.mustNeeds().get(i);
            int from = open.nextSetBit(0) + 1;
            int to = open.previousSetBit(years - 1) + 1;
            boolean elsewhere = f.excluded().values().stream().anyMatch(v -> v.code() == Recommendation.Code.PREMIUM_UNKNOWN
                    && catalog.product(v.productId()).map(p -> coverage.coverage(p, n, careRegion(client)).level() != CoverageLevel.NONE).orElse(false));
            if (open.cardinality() == years) out.add(Reason.block("rec.missing.need", "need." + n.name()));
            else out.add(Reason.block("rec.missing.needYears", "need." + n.name(), from, to));
            if (elsewhere) out.add(Reason.info("rec.missing.tryUnknown", "need." + n.name()));
        }
        if (!out.isEmpty()) return out;
        Recommender.Problem p = f.problem();
        boolean fitsBudget = p.budgetCents() == null || engine.solve(p.withoutCeiling(), Set.of(), m).isPresent();
        if (!fitsBudget) {
            Optional<Recommender.Solution> free = engine.solve(p.withoutBudget().withoutCeiling(), Set.of(), m);
            if (free.isPresent()) {
                long worst = 0;
                int worstYear = 0;
                for (int y = 0; y < free.get().yearCents().length; y++) if (free.get().yearCents()[y] > worst) {
                    worst = free.get().yearCents()[y];
                    worstYear = y + 1;
                }
                out.add(Reason.block("rec.missing.budget", String.join(", ", free.get().ids()), worstYear,
                        Amounts.format(money(worst, cur)), Amounts.format(money(p.budgetCents(), cur))));
                return out;
            }
        }
        if (p.ceiling() != null) {
            List<String> ids = f.candidates().keySet().stream().toList();
            BigDecimal least = p.oracle().outOfPocket(ids);
            out.add(Reason.block("rec.missing.ceiling", Amounts.format(new Money(least, cur)), Amounts.format(new Money(p.ceiling(), cur))));
            return out;
        }
        out.add(Reason.block("rec.missing.combination"));
        return out;
    }
}
