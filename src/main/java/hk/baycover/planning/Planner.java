package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.EligibilityStatus;
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
    private final CoverageEvaluator coverage;
    private final PremiumProjection projection;
    private final Adjudicator adjudicator;

    public Planner(Catalog catalog, ScenarioLibrary scenarios, LocalDate today) {
        this.catalog = catalog;
        this.scenarios = scenarios == null ? new ScenarioLibrary(catalog.scenarios(), List.of()) : scenarios;
        this.today = today;
        this.checker = new EligibilityChecker(today, catalog);
        this.coverage = new CoverageEvaluator(today);
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

    public EligibilityChecker checker() { return checker; }

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

    /** Eligibility of every catalog product on the plan's start date: eligible first, then unconfirmed, then the rest. */
    public List<EligibilityResult> eligibility(ClientProfile client, LocalDate start) {
        List<EligibilityResult> out = new ArrayList<>();
        for (Product p : catalog.products()) out.add(check(p, client, start));
        out.sort(Comparator.comparing(EligibilityResult::status));
        return out;
    }

    /** Eligibility, where a scheme the client is already enrolled in is a fact of the profile. */
    EligibilityResult check(Product p, ClientProfile client, LocalDate on) {
        if (p.enrolledBy(client)) {
            return EligibilityResult.of(p.id(), client.ageOn(on, p.eligibility().ageBasis(), today), p.eligibility().ageBasis(),
                    List.of(Reason.info("elig.enrolled")));
        }
        return checker.check(p, client, on);
    }

    /** The public schemes the client is enrolled in (from the profile), in catalog order. */
    public List<String> enrolled(ClientProfile client) {
        return catalog.products().stream().filter(p -> p.enrolledBy(client)).map(Product::id).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Everything about {@code plan} for {@code client}; throws a UserError for an episode id that does not exist. */
    public PlanReport analyse(ClientProfile client, Plan plan) {
        LocalDate start = plan.startDate() == null ? today : plan.startDate();
        Plan p = plan.startDate() == null ? plan.withStart(start) : plan;
        List<String> enrolled = enrolled(client);
        List<String> ids = new ArrayList<>(p.productIds());
        for (String id : enrolled) if (!ids.contains(id)) ids.add(id);
        List<Product> layered = p.withProducts(ids).layered(catalog);
        Region region = careRegion(client);
        List<EligibilityResult> elig = eligibility(client, start);
        PremiumProjection.Result proj = projection.project(client, layered, p);
        List<PlanReport.NeedCover> covers = coverage(client, layered, region, start);
        List<Adjudicator.EpisodeResult> episodes = new ArrayList<>();
        for (ScenarioRun run : p.runs()) {
            Scenario s = scenarios.find(run.scenarioId()).orElseThrow(() -> new UserError("plan.unknownScenario", run.scenarioId()));
            episodes.add(adjudicator.run(client, layered, s, run, start, p.fx(), p.currency()));
        }
        List<PlanReport.Gap> gaps = gaps(client, covers, elig, layered, start);
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
        return new PlanReport(client, p, today, region, elig, layered, enrolled, p.missing(catalog), proj, covers, episodes, gaps, sources,
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

    /** Coverage of one product for a client, counting eligibility: not eligible → none; unconfirmed → at most partial. */
    Coverage coverageFor(Product p, ClientProfile client, Need need, Region region, LocalDate start, EligibilityResult er) {
        Coverage c = coverage.coverage(p, need, region, client, start);
        if (er.status() == EligibilityStatus.NOT_ELIGIBLE && c.level() != CoverageLevel.NONE) {
            return new Coverage(p.id(), need, region, CoverageLevel.NONE, c.benefit(), er.blocking());
        }
        if (er.status() == EligibilityStatus.UNCONFIRMED && c.level() != CoverageLevel.NONE) {
            List<Reason> rules = new ArrayList<>(er.unconfirmed());
            rules.addAll(c.rules());
            CoverageLevel l = c.level() == CoverageLevel.FULL ? CoverageLevel.PARTIAL : c.level();
            return new Coverage(p.id(), need, region, l, c.benefit(), rules);
        }
        return c;
    }

    private List<PlanReport.NeedCover> coverage(ClientProfile client, List<Product> layered, Region region, LocalDate start) {
        List<PlanReport.NeedCover> out = new ArrayList<>();
        for (Need need : needsOf(client)) {
            List<Coverage> per = new ArrayList<>();
            Coverage best = null;
            Integer lastYear = null;
            for (Product p : layered) {
                Coverage c = coverageFor(p, client, need, region, start, check(p, client, start));
                per.add(c);
                if (best == null || CoverageEvaluator.ORDER.compare(c.level(), best.level()) > 0) best = c;
                if (CoverageEvaluator.paysCare(c.level())) {
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

    /**
     * The last policy year (1-based, up to the horizon) in which the product still covers the client on its published
     * terms: before its maximum renewal age and before a published end of its period. An unpublished renewal age does
     * not shorten it here (the adjudicator's unfavourable reading and the plan's "confirm" list say it may).
     */
    int lastYearInForce(ClientProfile client, Product p, LocalDate start) {
        ProductTerms terms = ProductTerms.of(p, client);
        Integer max = terms.maxRenewalAge().firm().flatMap(hk.baycover.model.Bound::amount).orElse(null);
        LocalDate end = p.periodOpt().map(hk.baycover.model.Period::to).orElse(null);
        AgeBasis basis = p.eligibility().ageBasis();
        int last = 0;
        for (int y = 1; y <= client.horizon(); y++) {
            LocalDate from = start.plusYears(y - 1L);
            if (end != null && from.isAfter(end)) break;
            if (max == null || client.ageOn(from, basis, today) <= max) last = y;
        }
        return last;
    }

    private List<PlanReport.Gap> gaps(ClientProfile client, List<PlanReport.NeedCover> covers, List<EligibilityResult> elig,
                                      List<Product> layered, LocalDate start) {
        List<PlanReport.Gap> out = new ArrayList<>();
        Region region = careRegion(client);
        for (PlanReport.NeedCover nc : covers) {
            if (nc.priority() == null && !client.needs().isEmpty()) continue;
            if (!CoverageEvaluator.paysCare(nc.level())) {
                boolean anyProduct = catalog.products().stream().anyMatch(p -> elig.stream().anyMatch(e -> e.productId().equals(p.id()) && e.possible())
                        && CoverageEvaluator.paysCare(coverage.coverage(p, nc.need(), region, client, start).level()));
                Reason why = nc.level() == CoverageLevel.CASH ? Reason.warn("gap.cashOnly", "need." + nc.need().name())
                        : Reason.block(anyProduct ? "gap.notInPlan" : "gap.noProduct", "need." + nc.need().name());
                out.add(new PlanReport.Gap(nc.need(), nc.priority(), nc.level(), why));
            } else if (nc.level() == CoverageLevel.PARTIAL) {
                out.add(new PlanReport.Gap(nc.need(), nc.priority(), nc.level(), Reason.warn("gap.partial", "need." + nc.need().name())));
            }
            if (nc.coverEndsAfterYear() != null && nc.level() != CoverageLevel.NONE) {
                out.add(new PlanReport.Gap(nc.need(), nc.priority(), nc.level(), Reason.warn("gap.endsAfter", "need." + nc.need().name(), nc.coverEndsAfterYear())));
            }
        }
        for (Product p : layered) {
            EligibilityResult e = elig.stream().filter(x -> x.productId().equals(p.id())).findFirst().orElse(null);
            if (e == null || p.enrolledBy(client)) continue;
            if (e.status() == EligibilityStatus.NOT_ELIGIBLE) out.add(new PlanReport.Gap(null, null, CoverageLevel.NONE, Reason.block("gap.ineligibleInPlan", p.name())));
            else if (e.status() == EligibilityStatus.UNCONFIRMED) out.add(new PlanReport.Gap(null, null, CoverageLevel.NONE, Reason.confirm("gap.unconfirmedInPlan", p.name())));
        }
        for (Product p : layered) {
            for (String other : p.exclusiveWith()) {
                if (layered.stream().anyMatch(x -> x.id().equals(other)) && p.id().compareTo(other) < 0) {
                    out.add(new PlanReport.Gap(null, null, CoverageLevel.NONE, Reason.block("gap.alternatives", p.name(),
                            catalog.product(other).<Object>map(Product::name).orElse(other))));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // recommendation

    /**
     * The optimiser's view of the catalog for one client and plan frame (start date, currency, FX): the problem over the
     * must-have (need, year) pairs that some candidate can cover, and the pairs none can ({@code uncoverable}).
     */
    public record Framing(Recommender.Problem problem, List<Need> mustNeeds, List<Need> niceNeeds, Map<String, Recommendation.Verdict> excluded,
                          Map<String, Recommender.Candidate> candidates, int years, int[] elementMap, BitSet uncoverable) {
    }

    /** Builds the optimiser's problem: possible products with their known yearly premiums and the (need, year) pairs they cover. */
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
            EligibilityResult er = check(prod, client, start);
            if (er.status() == EligibilityStatus.NOT_ELIGIBLE) {
                excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.NOT_ELIGIBLE, er.blocking()));
                continue;
            }
            long[] cents = new long[years];
            boolean unknown = false;
            int last = lastYearInForce(client, prod, start);
            for (int y = 1; y <= years; y++) {
                PremiumProjection.Cell c = projection.cell(client, prod, start.plusYears(y - 1L), p.option(prod.id()).orElse(null), p.fx(), p.currency());
                if (c.ended() || y > last) continue;
                if (c.firm() && c.converted().isPresent()) cents[y - 1] = c.converted().get().amount().movePointRight(2).longValueExact();
                else unknown = true;
            }
            BitSet mustBits = new BitSet();
            BitSet niceBits = new BitSet();
            for (int i = 0; i < must.size(); i++) {
                if (!CoverageEvaluator.paysCare(coverageFor(prod, client, must.get(i), region, start, er).level())) continue;
                for (int y = 1; y <= last; y++) mustBits.set(i * years + (y - 1));
            }
            for (int i = 0; i < nice.size(); i++) {
                if (!CoverageEvaluator.paysCare(coverageFor(prod, client, nice.get(i), region, start, er).level())) continue;
                for (int y = 1; y <= last; y++) niceBits.set(i * years + (y - 1));
            }
            boolean unconfirmed = er.status() == EligibilityStatus.UNCONFIRMED;
            boolean free = !unknown && !unconfirmed && java.util.Arrays.stream(cents).allMatch(v -> v == 0);
            if (free && mustBits.isEmpty() && niceBits.isEmpty() && opts.ceilingScenario() == null && !prod.enrolledBy(client)) {
                // a free scheme that touches none of the client's needs adds nothing to the plan
                excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.NO_MUST_HAVE,
                        List.of(Reason.info("rec.why.freeUnrelated"))));
                continue;
            }
            if (!free && mustBits.isEmpty() && opts.ceilingScenario() == null) {
                excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.NO_MUST_HAVE,
                        List.of(Reason.info("rec.why.noMustHave"))));
                continue;
            }
            if (budget != null && !free) {
                int overYear = -1;
                for (int y = 0; y < years; y++) if (cents[y] > budget) {
                    overYear = y + 1;
                    break;
                }
                if (overYear > 0) {
                    excluded.put(prod.id(), new Recommendation.Verdict(prod.id(), false, Recommendation.Code.OVER_BUDGET,
                            List.of(Reason.info("rec.why.overBudget", overYear, Amounts.format(money(cents[overYear - 1], p.currency())),
                                    Amounts.format(money(budget, p.currency()))))));
                    continue;
                }
            }
            cands.put(prod.id(), new Recommender.Candidate(prod.id(), cents, unknown, unconfirmed, mustBits, niceBits));
        }
        // alternatives (OAA or OALA, say): keep the one that covers more, then the earlier in the catalog
        for (Product prod : catalog.products()) {
            Recommender.Candidate c = cands.get(prod.id());
            if (c == null) continue;
            for (String other : prod.exclusiveWith()) {
                Recommender.Candidate o = cands.get(other);
                if (o == null) continue;
                boolean keepThis = c.must().cardinality() + c.nice().cardinality() >= o.must().cardinality() + o.nice().cardinality();
                Recommender.Candidate drop = keepThis ? o : c;
                Recommender.Candidate kept = keepThis ? c : o;
                cands.remove(drop.id());
                excluded.put(drop.id(), new Recommendation.Verdict(drop.id(), false, Recommendation.Code.ALTERNATIVE,
                        List.of(Reason.info("rec.why.alternative", catalog.product(kept.id()).<Object>map(Product::name).orElse(kept.id())))));
                if (!keepThis) break;
            }
        }
        // must-have pairs no candidate covers are left out of the search and reported as uncovered
        BitSet coverable = new BitSet();
        for (Recommender.Candidate c : cands.values()) coverable.or(c.must());
        int total = must.size() * years;
        int[] map = new int[total];
        BitSet uncoverable = new BitSet();
        int next = 0;
        for (int e = 0; e < total; e++) {
            if (coverable.get(e)) map[e] = next++;
            else {
                map[e] = -1;
                uncoverable.set(e);
            }
        }
        Map<String, Recommender.Candidate> remapped = new LinkedHashMap<>();
        for (Recommender.Candidate c : cands.values()) {
            BitSet m = new BitSet();
            for (int e = c.must().nextSetBit(0); e >= 0; e = c.must().nextSetBit(e + 1)) m.set(map[e]);
            remapped.put(c.id(), new Recommender.Candidate(c.id(), c.yearCents(), c.unknownPremium(), c.unconfirmed(), m, c.nice()));
        }
        Recommender.OopOracle oracle = null;
        BigDecimal ceiling = null;
        if (opts.ceilingScenario() != null && opts.ceiling() != null) {
            Scenario s = scenarios.find(opts.ceilingScenario()).orElseThrow(() -> new UserError("plan.unknownScenario", opts.ceilingScenario()));
            ScenarioRun run = opts.ceilingRun() != null ? opts.ceilingRun() : ScenarioRun.of(s.id());
            ceiling = opts.ceiling();
            oracle = ids -> {
                List<Product> layered = p.withProducts(ids).layered(catalog);
                return adjudicator.run(client, layered, s, run, start, p.fx(), p.currency()).totalOutOfPocket().max().amount();
            };
        }
        Recommender.Problem problem = new Recommender.Problem(new ArrayList<>(remapped.values()), next, nice.size() * years,
                years, budget, oracle, ceiling);
        return new Framing(problem, must, nice, excluded, remapped, years, map, uncoverable);
    }

    /**
     * The exact recommendation with alternatives and reasons (may take a while on a big catalog: run it off the FX
     * thread). It always returns the best plan found: must-have needs no possible product covers are named as
     * uncovered; a budget or ceiling no set can meet is relaxed and said so.
     */
    public Recommendation recommend(ClientProfile client, Plan frame, Recommendation.Options opts, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        Recommendation.Options o = opts == null ? Recommendation.Options.defaults() : opts;
        Currency cur = frame.currency();
        Framing f = frame(client, frame, o);
        Recommender engine = new Recommender();
        m.progress(0, 1 + o.alternatives(), null);
        List<Reason> relaxed = new ArrayList<>();
        Recommender.Problem problem = f.problem();
        Optional<Recommender.Solution> best = engine.solve(problem, Set.of(), m);
        if (best.isEmpty() && problem.ceiling() != null) {
            Recommender.Problem without = problem.withoutCeiling();
            best = engine.solve(without, Set.of(), m);
            if (best.isPresent()) {
                List<String> ids = f.candidates().keySet().stream().toList();
                BigDecimal least = problem.oracle().outOfPocket(ids);
                relaxed.add(Reason.warn("rec.missing.ceiling", Amounts.format(new Money(least, cur)), Amounts.format(new Money(problem.ceiling(), cur))));
                problem = without;
            }
        }
        if (best.isEmpty() && problem.budgetCents() != null) {
            Recommender.Problem without = problem.withoutBudget();
            best = engine.solve(without, Set.of(), m);
            if (best.isPresent()) {
                long worst = 0;
                int worstYear = 0;
                for (int y = 0; y < best.get().yearCents().length; y++) if (best.get().yearCents()[y] > worst) {
                    worst = best.get().yearCents()[y];
                    worstYear = y + 1;
                }
                relaxed.add(Reason.warn("rec.missing.budget", worstYear, Amounts.format(money(worst, cur)), Amounts.format(money(problem.budgetCents(), cur))));
                problem = without;
            }
        }
        Recommender.Stats stats = engine.lastStats();
        List<Recommendation.Uncovered> uncovered = uncovered(client, f);
        if (best.isEmpty()) {
            // nothing can be bought that covers a must-have: the plan is the free schemes alone (possibly nothing)
            List<Recommendation.Verdict> verdicts = new ArrayList<>(f.excluded().values());
            for (Recommender.Candidate c : f.candidates().values()) {
                verdicts.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.NOT_NEEDED, List.of(Reason.info("rec.why.noFit"))));
            }
            relaxed.add(Reason.block("rec.missing.combination"));
            return new Recommendation(true, false, enrolled(client), Money.zero(cur), zeros(f.years(), cur), List.of(), List.of(), null,
                    uncovered, List.of(), sortVerdicts(verdicts), relaxed, o, stats);
        }
        Recommender.Solution s = best.get();
        List<Recommendation.Alternative> alts = new ArrayList<>();
        Map<String, Optional<Recommender.Solution>> without = new LinkedHashMap<>();
        int step = 1;
        for (String id : s.ids()) {
            Recommender.Candidate c = f.candidates().get(id);
            if (c == null || c.free()) continue; // free schemes are always in
            m.checkCancelled();
            Optional<Recommender.Solution> alt = engine.solve(problem, Set.of(id), m);
            without.put(id, alt);
            alt.ifPresent(a -> alts.add(new Recommendation.Alternative(layerOrder(frame, a.ids()), money(a.costCents(), cur), id,
                    money(a.costCents() - s.costCents(), cur), a.unknown())));
            m.progress(step++, 1 + o.alternatives(), null);
        }
        Set<List<String>> seen = new HashSet<>();
        List<Recommendation.Alternative> distinct = new ArrayList<>();
        alts.sort(Comparator.comparing((Recommendation.Alternative a) -> a.unknownPremiums()).thenComparing(a -> a.total().amount())
                .thenComparing(a -> String.join(",", a.productIds())));
        for (Recommendation.Alternative a : alts) {
            if (seen.add(a.productIds()) && distinct.size() < o.alternatives()) distinct.add(a);
        }
        List<Recommendation.Verdict> verdicts = verdicts(client, f, s, without, cur);
        List<Money> perYear = new ArrayList<>();
        for (long v : s.yearCents()) perYear.add(money(v, cur));
        List<String> ids = new ArrayList<>(s.ids());
        for (String e : enrolled(client)) if (!ids.contains(e)) ids.add(e);
        List<String> tbq = ids.stream().filter(id -> f.candidates().containsKey(id) && f.candidates().get(id).unknownPremium()).toList();
        List<String> unconfirmed = ids.stream().filter(id -> f.candidates().containsKey(id) && f.candidates().get(id).unconfirmed()).toList();
        return new Recommendation(true, uncovered.isEmpty(), layerOrder(frame, ids), money(s.costCents(), cur), perYear,
                layerOrder(frame, tbq), layerOrder(frame, unconfirmed), s.outOfPocket(), uncovered, distinct, verdicts, relaxed, o, stats);
    }

    private static List<Money> zeros(int years, Currency cur) {
        List<Money> out = new ArrayList<>();
        for (int i = 0; i < years; i++) out.add(Money.zero(cur));
        return out;
    }

    /** Each must-have need with (need, year) pairs no possible product covers, and why. */
    private List<Recommendation.Uncovered> uncovered(ClientProfile client, Framing f) {
        List<Recommendation.Uncovered> out = new ArrayList<>();
        int years = f.years();
        Region region = careRegion(client);
        LocalDate start = today;
        for (int i = 0; i < f.mustNeeds().size(); i++) {
            BitSet open = new BitSet();
            for (int y = 0; y < years; y++) if (f.uncoverable().get(i * years + y)) open.set(y);
            if (open.isEmpty()) continue;
            Need n = f.mustNeeds().get(i);
            List<Reason> reasons = new ArrayList<>();
            int from = open.nextSetBit(0) + 1;
            int to = open.previousSetBit(years - 1) + 1;
            if (open.cardinality() == years) reasons.add(Reason.block("rec.missing.need", "need." + n.name(), "region." + region.name()));
            else reasons.add(Reason.block("rec.missing.needYears", "need." + n.name(), from, to));
            reasons.addAll(whyNot(client, n, region, start, f));
            out.add(new Recommendation.Uncovered(n, Priority.MUST_HAVE, open.cardinality() == years ? null : from,
                    open.cardinality() == years ? null : to, reasons));
        }
        return out;
    }

    /** Why no product covers a need for this client: what products would, and what keeps each out; and what to do. */
    private List<Reason> whyNot(ClientProfile client, Need n, Region region, LocalDate start, Framing f) {
        boolean gba = n == Need.GBA_DRUG || n == Need.GBA_DEVICE;
        List<Reason> out = new ArrayList<>();
        out.add(Reason.info(gba ? "rec.uncovered.gbaNone" : "rec.uncovered.noneInCatalog", "need." + n.name(), "region." + region.name()));
        int named = 0;
        for (Product p : catalog.products()) {
            if (!CoverageEvaluator.paysCare(coverage.coverage(p, n, region, client, start).level())) continue;
            Recommendation.Verdict v = f.excluded().get(p.id());
            if (v == null || named >= 4) continue;
            if (v.code() == Recommendation.Code.NOT_ELIGIBLE && !v.reasons().isEmpty()) {
                out.add(Reason.info("rec.uncovered.notEligible", p.name(), v.reasons().get(0)));
                named++;
            } else if (v.code() == Recommendation.Code.OVER_BUDGET) {
                out.add(Reason.info("rec.uncovered.overBudget", p.name()));
                named++;
            }
        }
        if (gba) out.add(Reason.info("rec.uncovered.gbaSelfPay"));
        return out;
    }

    private List<String> layerOrder(Plan frame, List<String> ids) {
        return frame.withProducts(ids).layered(catalog).stream().map(Product::id).toList();
    }

    private static Money money(long cents, Currency cur) {
        return new Money(BigDecimal.valueOf(cents, 2), cur);
    }

    private List<Recommendation.Verdict> verdicts(ClientProfile client, Framing f, Recommender.Solution s,
                                                  Map<String, Optional<Recommender.Solution>> without, Currency cur) {
        List<Recommendation.Verdict> out = new ArrayList<>(f.excluded().values());
        int years = f.problem().years();
        BitSet chosenMust = new BitSet();
        for (String id : s.ids()) chosenMust.or(f.candidates().get(id).must());
        for (Recommender.Candidate c : f.candidates().values()) {
            boolean chosen = s.ids().contains(c.id());
            List<Reason> why = new ArrayList<>();
            if (chosen) {
                if (catalog.product(c.id()).map(p -> p.enrolledBy(client)).orElse(false)) {
                    out.add(new Recommendation.Verdict(c.id(), true, Recommendation.Code.ENROLLED, List.of(Reason.info("rec.why.enrolled"))));
                    continue;
                }
                if (c.free()) {
                    out.add(new Recommendation.Verdict(c.id(), true, Recommendation.Code.FREE, List.of(Reason.info("rec.why.free"))));
                    continue;
                }
                BitSet others = new BitSet();
                for (String id : s.ids()) if (!id.equals(c.id())) others.or(f.candidates().get(id).must());
                BitSet only = (BitSet) c.must().clone();
                only.andNot(others);
                for (Need n : needsIn(only, f, years)) why.add(Reason.info("rec.why.only", "need." + n.name()));
                if (c.unknownPremium()) why.add(Reason.warn("rec.why.toBeQuoted", Amounts.format(money(c.total(), cur))));
                else why.add(Reason.info("rec.why.cost", Amounts.format(money(c.total(), cur))));
                if (c.unconfirmed()) why.add(Reason.confirm("rec.why.unconfirmed"));
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
            if (c.unknownPremium()) {
                // ranked after every plan of known cost: out because the needs it covers are covered at a known cost
                out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.PREMIUM_UNKNOWN,
                        List.of(Reason.info("rec.why.knownFirst", Amounts.format(money(c.total(), cur))))));
                continue;
            }
            BitSet rest = (BitSet) c.must().clone();
            rest.andNot(chosenMust);
            if (rest.isEmpty()) {
                out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.NOT_NEEDED,
                        List.of(Reason.info("rec.why.alreadyCovered", Amounts.format(money(c.total(), cur))))));
                continue;
            }
            Recommender.Candidate dom = null;
            long ct = f.problem().weight(c);
            for (Recommender.Candidate d : f.candidates().values()) {
                if (d == c) continue;
                long dt = f.problem().weight(d);
                if (dt > ct || (dt == ct && d.id().compareTo(c.id()) >= 0)) continue;
                boolean covers = true;
                for (int bit = c.must().nextSetBit(0); bit >= 0 && covers; bit = c.must().nextSetBit(bit + 1)) covers = d.must().get(bit);
                if (covers) {
                    dom = d;
                    break;
                }
            }
            if (dom != null) {
                Recommender.Candidate d = dom;
                out.add(new Recommendation.Verdict(c.id(), false, Recommendation.Code.DOMINATED,
                        List.of(Reason.info("rec.why.dominated", catalog.product(d.id()).<Object>map(Product::name).orElse(d.id()),
                                Amounts.format(money(d.total(), cur)), Amounts.format(money(c.total(), cur))))));
                continue;
            }
            out.add(new Recommendation.Verdict(c.id(), false, c.unknownPremium() ? Recommendation.Code.PREMIUM_UNKNOWN : Recommendation.Code.NOT_NEEDED,
                    List.of(Reason.info(c.unknownPremium() ? "rec.why.knownFirst" : "rec.why.cheaperElsewhere", Amounts.format(money(c.total(), cur))))));
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

    /** The must-have needs among compressed element bits. */
    private static List<Need> needsIn(BitSet bits, Framing f, int years) {
        List<Need> out = new ArrayList<>();
        for (int i = 0; i < f.mustNeeds().size(); i++) {
            for (int y = 0; y < years; y++) {
                int e = f.elementMap()[i * years + y];
                if (e >= 0 && bits.get(e)) {
                    out.add(f.mustNeeds().get(i));
                    break;
                }
            }
        }
        return out;
    }
}
