package hk.baycover.planning;

import hk.baycover.model.Benefit;
import hk.baycover.model.Bound;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.DeclaredRule;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.EligibilityStatus;
import hk.baycover.model.FxTable;
import hk.baycover.model.Institution;
import hk.baycover.model.ItemKind;
import hk.baycover.model.Layer;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.MoneyRange;
import hk.baycover.model.Need;
import hk.baycover.model.Period;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.Scenario;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.Term;
import hk.baycover.model.UserError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs each cost line of a care episode through a plan's layers in order (public → inclusive → commercial) and says
 * what each layer pays, which rule decided it, and what the client pays — as a range, because most terms are not
 * published.
 *
 * <p>The episode is adjudicated twice, each time with its own ledger of deductibles and limits: once reading every term
 * that is not published (or only a sample) the way most favourable to the client, once the way least favourable
 * ({@link Reading}). An unknown limit pays nothing beyond what is published, an unknown deductible or co-insurance can
 * take the whole line, an unknown waiting period or network can refuse it, a scheme pays nothing after its published
 * end. Terms the insurer quoted for this client count as published. Where every term is known the two readings agree.
 *
 * <p>Per line, {@code outOfPocket.min} is the client's share in the favourable reading and {@code max} in the
 * unfavourable one. Each payment's {@code min} is what the product pays in the unfavourable reading; its {@code max}
 * adds its part of what the favourable reading spares the client (allotted in layer order, never above what the
 * product pays in that reading), so that on every line Σ payments.max + outOfPocket.min = cost and
 * Σ payments.min + outOfPocket.max = cost, with 0 ≤ min ≤ max. {@code dependsOn} names every unpublished term that
 * makes a line a range. Arithmetic is exact (BigDecimal); amounts in other currencies are converted at the plan's
 * dated FX rate, stated in the steps.
 */
public final class Adjudicator {

    /** How a rule reads a term that is not firm (not published or quoted). */
    public enum Reading {
        /** every unknown in the client's favour */
        BEST,
        /** every unknown against the client */
        WORST
    }

    /** A term a line's range hinges on: the product, the term's name (stable, for JSON) and a plain-language reason. */
    public record Dependency(String product, LocalizedText productName, String term, Reason text) {
    }

    /**
     * What one layer pays on one line: at least {@code min} (the unfavourable reading), at most {@code max}; the rule
     * that decided the unfavourable reading and, when it differs, the favourable one; the steps of each.
     */
    public record Payment(String product, Layer layer, Money min, Money max, AdjudicationRule rule, AdjudicationRule bestRule,
                          Need benefit, List<Reason> steps, List<Reason> bestSteps) {
        public Payment {
            steps = List.copyOf(steps);
            bestSteps = List.copyOf(bestSteps);
        }

        public MoneyRange range() {
            return new MoneyRange(min, max);
        }

        public boolean isExact() {
            return min.compareTo(max) == 0;
        }
    }

    /** One adjudicated cost line. */
    public record LineResult(CostLine line, Money cost, List<Payment> payments, MoneyRange outOfPocket, List<Dependency> dependsOn,
                             List<Reason> notes) {
        public LineResult {
            payments = List.copyOf(payments);
            dependsOn = List.copyOf(dependsOn);
            notes = List.copyOf(notes);
        }

        /** What the plan pays on this line, as a range. */
        public MoneyRange paid() {
            return new MoneyRange(cost.minus(outOfPocket.max()), cost.minus(outOfPocket.min()));
        }
    }

    /** A cash benefit the client may receive during the episode (an allowance): not set against any cost line. */
    public record Cash(String product, Need need, Money amount, hk.baycover.model.CashPer per, boolean firm, List<Reason> notes) {
        public Cash {
            notes = List.copyOf(notes);
        }
    }

    /** One adjudicated episode; totals are converted into the plan's currency at the plan's FX rates. */
    public record EpisodeResult(Scenario scenario, ScenarioRun run, LocalDate eventDate, int policyYear, List<LineResult> lines,
                                Currency currency, Money totalCost, MoneyRange totalPaid, MoneyRange totalOutOfPocket,
                                List<Dependency> dependsOn, List<Cash> cash) {
        public EpisodeResult {
            lines = List.copyOf(lines);
            dependsOn = List.copyOf(dependsOn);
            cash = List.copyOf(cash);
        }

        /** What each product paid over the episode, in the plan currency, as a range. */
        public Map<String, MoneyRange> paidByProduct(FxTable fx) {
            Map<String, MoneyRange> out = new LinkedHashMap<>();
            for (LineResult l : lines) {
                for (Payment p : l.payments()) {
                    MoneyRange r = new MoneyRange(fx.convert(p.min(), currency), fx.convert(p.max(), currency));
                    out.merge(p.product(), r, MoneyRange::plus);
                }
            }
            return out;
        }
    }

    /**
     * Remaining deductibles and limits, per product benefit (or limit group): the deductible and the annual limit per
     * limit year, the per-event limit per episode. Share one ledger between episodes of the same year to track annual
     * amounts across them. Every figure is kept in the currency the benefit states it in.
     */
    public static final class Ledger {
        /** A tracked amount: the limit (or deductible) and what is still left of it. */
        public record Entry(Money limit, Money left) {
            public Money used() { return limit.minus(left); }
        }

        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Money left(String key, Money limit) {
            return entries.computeIfAbsent(key, k -> new Entry(limit, limit)).left();
        }

        /** Takes {@code used} (in the entry's currency, already capped) off what is left. */
        void take(String key, Money used) {
            Entry e = entries.get(key);
            Money left = e.left().minus(used);
            if (left.amount().signum() < 0) left = Money.zero(left.currency());
            entries.put(key, new Entry(e.limit(), left));
        }

        Ledger copy() {
            Ledger c = new Ledger();
            c.entries.putAll(entries);
            return c;
        }

        /** Every entry by key ({@code product#benefit#KIND#scope}), for explanations and tests. */
        public Map<String, Entry> entries() {
            return java.util.Collections.unmodifiableMap(entries);
        }
    }

    /** A pair of ledgers, one per reading, for running several episodes of one year. */
    public static final class Ledgers {
        final Ledger best = new Ledger();
        final Ledger worst = new Ledger();

        public Ledger best() { return best; }

        public Ledger worst() { return worst; }
    }

    private final Catalog catalog;
    private final EligibilityChecker checker;

    public Adjudicator(Catalog catalog, EligibilityChecker checker) {
        this.catalog = catalog;
        this.checker = checker;
    }

    /** Runs one episode with fresh ledgers. */
    public EpisodeResult run(ClientProfile client, List<Product> layered, Scenario scenario, ScenarioRun run, LocalDate planStart,
                             FxTable fx, Currency planCurrency) {
        return run(client, layered, scenario, run, planStart, fx, planCurrency, new Ledgers());
    }

    /**
     * Runs one episode, tracking deductibles and limits in {@code ledgers}. {@code layered} must already be in layer
     * order ({@link Plan#layered}); it is re-sorted stably by layer to be safe.
     */
    public EpisodeResult run(ClientProfile client, List<Product> layered, Scenario scenario, ScenarioRun run, LocalDate planStart,
                             FxTable fx, Currency planCurrency, Ledgers ledgers) {
        List<Product> products = new ArrayList<>(layered);
        products.sort(Comparator.comparing(Product::layer));
        LocalDate eventDate = planStart.plusDays(run.eventDay());
        int year = run.policyYear();
        Map<String, EligibilityResult> eligibility = new HashMap<>();
        Map<String, ProductTerms> terms = new HashMap<>();
        for (Product p : products) {
            eligibility.put(p.id(), checker.check(p, client, planStart));
            terms.put(p.id(), ProductTerms.of(p, client));
        }
        String episodeKey = scenario.id() + "@" + run.eventDay();
        Context ctx = new Context(client, run, eventDate, year, episodeKey, fx);

        List<LineResult> lines = new ArrayList<>();
        Money totalCost = Money.zero(planCurrency);
        MoneyRange totalPaid = MoneyRange.zero(planCurrency);
        MoneyRange totalOop = MoneyRange.zero(planCurrency);
        Set<Dependency> episodeDeps = new LinkedHashSet<>();
        Map<Currency, Money> deficits = new LinkedHashMap<>();
        Money oopBest = Money.zero(planCurrency);
        Money oopWorst = Money.zero(planCurrency);
        for (CostLine line : scenario.lines()) {
            List<Outcome> best = layers(ctx, Reading.BEST, products, terms, eligibility, line, ledgers.best);
            List<Outcome> worst = layers(ctx, Reading.WORST, products, terms, eligibility, line, ledgers.worst);
            oopBest = oopBest.plus(fx.convert(line.cost().minus(sum(best, line.cost().currency())), planCurrency));
            oopWorst = oopWorst.plus(fx.convert(line.cost().minus(sum(worst, line.cost().currency())), planCurrency));
            LineResult lr = combine(line, products, best, worst);
            Money owed = deficit(best, worst, line.cost().currency());
            if (owed.isPositive()) deficits.merge(owed.currency(), owed, Money::plus);
            for (Outcome o : best) episodeDeps.addAll(o.deps());
            for (Outcome o : worst) episodeDeps.addAll(o.deps());
            if (!lr.outOfPocket().isExact() && lr.dependsOn().isEmpty()) {
                // this line's own terms are all published: its range comes from what unpublished terms of earlier lines
                // (or earlier episodes of the year) used up of a shared limit or deductible
                List<Dependency> carried = new ArrayList<>(episodeDeps);
                if (carried.isEmpty()) {
                    for (int i = 0; i < products.size(); i++) {
                        if (!best.get(i).amount().equals(worst.get(i).amount())) {
                            Product p = products.get(i);
                            carried.add(new Dependency(p.id(), p.name(), "earlierClaims", Reason.confirm("adj.hinge.earlierClaims")));
                        }
                    }
                }
                lr = new LineResult(lr.line(), lr.cost(), lr.payments(), lr.outOfPocket(), carried, lr.notes());
            }
            lines.add(lr);
        }
        lines = settle(lines, deficits);
        Set<Dependency> rangeDeps = new LinkedHashSet<>();
        for (LineResult lr : lines) {
            rangeDeps.addAll(lr.dependsOn());
            totalCost = totalCost.plus(fx.convert(lr.cost(), planCurrency));
        }
        // the episode's totals are each reading's own total (the lines add up to them, up to currency conversion)
        totalOop = new MoneyRange(oopBest.min(oopWorst), oopBest.max(oopWorst));
        totalPaid = new MoneyRange(totalCost.minus(totalOop.max()), totalCost.minus(totalOop.min()));
        if (totalOop.isExact()) rangeDeps.clear();
        else if (rangeDeps.isEmpty()) rangeDeps.addAll(episodeDeps);
        episodeDeps = rangeDeps;
        return new EpisodeResult(scenario, run, eventDate, year, lines, planCurrency, totalCost, totalPaid, totalOop,
                List.copyOf(episodeDeps), cash(client, products, eligibility, terms, scenario, eventDate));
    }

    private static MoneyRange convert(FxTable fx, MoneyRange r, Currency to) {
        return new MoneyRange(fx.convert(r.min(), to), fx.convert(r.max(), to));
    }

    /** What the episode's context fixes for every line: who, when, and the FX table. */
    private record Context(ClientProfile client, ScenarioRun run, LocalDate eventDate, int year, String episodeKey, FxTable fx) {
    }

    /** One product's payment on one line in one reading, with what it hinged on. */
    private record Outcome(Money amount, AdjudicationRule rule, Need benefit, List<Reason> steps, List<Dependency> deps) {
    }

    private List<Outcome> layers(Context ctx, Reading reading, List<Product> products, Map<String, ProductTerms> terms,
                                 Map<String, EligibilityResult> eligibility, CostLine line, Ledger ledger) {
        Money remaining = line.cost();
        List<Outcome> out = new ArrayList<>();
        for (Product p : products) {
            Outcome o = pay(ctx, reading, terms.get(p.id()), eligibility.get(p.id()), line, remaining, ledger);
            out.add(o);
            remaining = remaining.minus(o.amount());
        }
        return out;
    }

    /** Puts the two readings of one line together (see the class comment for the allotment). */
    private LineResult combine(CostLine line, List<Product> products, List<Outcome> best, List<Outcome> worst) {
        Money cost = line.cost();
        Money paidBest = Money.zero(cost.currency());
        Money paidWorst = Money.zero(cost.currency());
        for (Outcome o : best) paidBest = paidBest.plus(o.amount());
        for (Outcome o : worst) paidWorst = paidWorst.plus(o.amount());
        // limits or deductibles the favourable reading used up on earlier lines can leave the client more to pay on this
        // one: the line then shows the unfavourable reading, and the difference is settled on other lines (settle())
        boolean swapped = paidBest.compareTo(paidWorst) < 0;
        Money spare = swapped ? Money.zero(cost.currency()) : paidBest.minus(paidWorst);
        List<Payment> payments = new ArrayList<>();
        Set<Dependency> deps = new LinkedHashSet<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            Outcome w = worst.get(i);
            Outcome b = best.get(i);
            Money extra = Money.zero(cost.currency());
            Money room = b.amount().minus(w.amount());
            if (room.isPositive() && spare.isPositive()) {
                extra = room.min(spare);
                spare = spare.minus(extra);
            }
            Money min = w.amount();
            Money max = w.amount().plus(extra);
            payments.add(new Payment(p.id(), p.layer(), min, max, w.rule(), b.rule() == w.rule() ? null : b.rule(),
                    w.benefit() != null ? w.benefit() : b.benefit(), w.steps(), b.rule() == w.rule() ? List.of() : b.steps()));
            if (min.compareTo(max) != 0 || !w.amount().equals(b.amount())) {
                deps.addAll(w.deps());
                deps.addAll(b.deps());
            }
        }
        Money oopWorst = cost.minus(paidWorst);
        MoneyRange oop = new MoneyRange(swapped ? oopWorst : cost.minus(paidBest), oopWorst);
        List<Dependency> dependsOn = oop.isExact() ? List.of() : List.copyOf(deps);
        return new LineResult(line, cost, payments, oop, dependsOn, lineNotes(line));
    }

    private static Money sum(List<Outcome> outcomes, Currency c) {
        Money paid = Money.zero(c);
        for (Outcome o : outcomes) paid = paid.plus(o.amount());
        return paid;
    }

    /** What the favourable reading costs the client more on a line than the unfavourable one (0 when it does not). */
    private static Money deficit(List<Outcome> best, List<Outcome> worst, Currency c) {
        Money paidBest = Money.zero(c);
        Money paidWorst = Money.zero(c);
        for (Outcome o : best) paidBest = paidBest.plus(o.amount());
        for (Outcome o : worst) paidWorst = paidWorst.plus(o.amount());
        return paidBest.compareTo(paidWorst) < 0 ? paidWorst.minus(paidBest) : Money.zero(c);
    }

    /**
     * Settles the deficits of lines where the favourable reading left the client more to pay (shared limits used up
     * earlier): the same amount is taken off what the favourable reading spares the client on other lines of the same
     * currency, earliest first, so that the episode's lines add up to each reading's own total.
     */
    private static List<LineResult> settle(List<LineResult> lines, Map<Currency, Money> deficits) {
        List<LineResult> out = new ArrayList<>(lines);
        for (Map.Entry<Currency, Money> d : deficits.entrySet()) {
            Money owed = d.getValue();
            for (int i = 0; i < out.size() && owed.isPositive(); i++) {
                LineResult l = out.get(i);
                if (l.cost().currency() != d.getKey() || l.outOfPocket().isExact()) continue;
                Money take = l.outOfPocket().spread().min(owed);
                owed = owed.minus(take);
                Money left = take;
                List<Payment> pays = new ArrayList<>(l.payments());
                for (int k = pays.size() - 1; k >= 0 && left.isPositive(); k--) {
                    Payment p = pays.get(k);
                    Money cut = p.max().minus(p.min()).min(left);
                    if (!cut.isPositive()) continue;
                    left = left.minus(cut);
                    pays.set(k, new Payment(p.product(), p.layer(), p.min(), p.max().minus(cut), p.rule(), p.bestRule(), p.benefit(),
                            p.steps(), p.bestSteps()));
                }
                MoneyRange oop = new MoneyRange(l.outOfPocket().min().plus(take), l.outOfPocket().max());
                out.set(i, new LineResult(l.line(), l.cost(), pays, oop, oop.isExact() ? List.of() : l.dependsOn(), l.notes()));
            }
        }
        return out;
    }

    private List<Reason> lineNotes(CostLine line) {
        List<Reason> notes = new ArrayList<>();
        if (line.sample()) notes.add(Reason.info("adj.note.sampleCost"));
        if (line.item() != null && line.institution() != null) {
            Optional<RegulatedItem> item = catalog.item(line.item());
            Optional<Institution> inst = catalog.institution(line.institution());
            if (item.isPresent() && inst.isPresent()
                    && item.get().approvals().stream().noneMatch(a -> a.institution().equals(line.institution()))) {
                notes.add(Reason.warn("adj.note.itemNotApprovedThere", item.get().name(), inst.get().name()));
            }
        }
        return notes;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // one product, one line, one reading

    /** Collects the steps and the unpublished terms a reading relied on. */
    private static final class Trace {
        final Product product;
        final List<Reason> steps = new ArrayList<>();
        final List<Dependency> deps = new ArrayList<>();

        Trace(Product product) {
            this.product = product;
        }

        Trace copy() {
            Trace c = new Trace(product);
            c.steps.addAll(steps);
            c.deps.addAll(deps);
            return c;
        }

        void hinge(String term, Reason why) {
            deps.add(new Dependency(product.id(), product.name(), term, why));
            steps.add(why);
        }

        Outcome refuse(Money remaining, AdjudicationRule rule) {
            return new Outcome(Money.zero(remaining.currency()), rule, null, steps, deps);
        }

        Outcome refuse(Money remaining, AdjudicationRule rule, Need benefit) {
            return new Outcome(Money.zero(remaining.currency()), rule, benefit, steps, deps);
        }
    }

    private Outcome pay(Context ctx, Reading reading, ProductTerms terms, EligibilityResult elig, CostLine line, Money remaining,
                        Ledger ledger) {
        Product p = terms.product();
        Trace t = new Trace(p);
        boolean best = reading == Reading.BEST;
        if (elig.status() == EligibilityStatus.NOT_ELIGIBLE) {
            t.steps.addAll(elig.blocking());
            return t.refuse(remaining, AdjudicationRule.NOT_ELIGIBLE);
        }
        if (elig.status() == EligibilityStatus.UNCONFIRMED) {
            for (Reason r : elig.unconfirmed()) t.hinge(termOf(r), r);
            if (!best) return t.refuse(remaining, AdjudicationRule.NOT_CONFIRMED);
        }
        // the scheme's period
        Optional<Period> period = p.periodOpt();
        if (period.isPresent()) {
            Period per = period.get();
            if (!per.startedBy(ctx.eventDate)) {
                t.steps.add(Reason.block("adj.why.notStarted", per.from().toString()));
                return t.refuse(remaining, AdjudicationRule.NOT_STARTED);
            }
            if (per.endedBy(ctx.eventDate)) {
                if (!per.endedBy(checker.today())) {
                    t.hinge("period", Reason.confirm("adj.hinge.endsOn", per.to().toString()));
                    if (!best) return t.refuse(remaining, AdjudicationRule.SCHEME_ENDED);
                } else {
                    t.steps.add(Reason.block("adj.why.ended", per.to().toString()));
                    return t.refuse(remaining, AdjudicationRule.SCHEME_ENDED);
                }
            }
        }
        // renewal at the time of the episode
        Eligibility e = p.eligibility();
        int ageThen = ctx.client.ageOn(ctx.eventDate, e.ageBasis(), checker.today());
        Term<Bound<Integer>> renewal = terms.maxRenewalAge();
        Optional<Bound<Integer>> firmRenewal = renewal.firm();
        if (firmRenewal.isPresent()) {
            Optional<Integer> max = firmRenewal.get().amount();
            if (max.isPresent() && ageThen > max.get()) {
                t.steps.add(Reason.block("adj.why.coverEnded", ageThen, max.get()));
                return t.refuse(remaining, AdjudicationRule.COVER_ENDED);
            }
        } else if (!p.enrolledBy(ctx.client)) {
            // renewal is never below the maximum entry age (a pack rule): that is the least favourable reading
            Optional<Integer> floor = terms.maxEntryAge().firm().flatMap(Bound::amount);
            if (floor.isPresent() && ageThen > floor.get()) {
                t.hinge("maxRenewalAge", Reason.confirm("adj.hinge.renewal", ageThen));
                if (!best) return t.refuse(remaining, AdjudicationRule.COVER_ENDED);
            }
        }

        Choice choice = select(p, terms, line, ctx.eventDate, reading, t);
        if (choice.options().isEmpty()) {
            Selection sel = choice.refusal();
            if (sel.unstated && sel.refusal == null) {
                // the favourable reading of "the terms say nothing about these items": paid in full
                if (remaining.amount().signum() <= 0) return t.refuse(remaining, AdjudicationRule.NOTHING_LEFT);
                t.steps.add(Reason.info("adj.step.pays", Amounts.format(remaining)));
                return new Outcome(remaining, AdjudicationRule.PAID_IN_FULL, null, t.steps, t.deps);
            }
            return t.refuse(remaining, sel.refusal);
        }
        if (choice.options().size() == 1 && choice.refusal() == null) {
            Selection only = choice.options().get(0);
            t.steps.addAll(only.steps());
            t.deps.addAll(only.deps());
            return settleBenefit(ctx, reading, terms, only, line, remaining, ledger, t);
        }
        // several benefits may be the one that applies (or none), depending on unpublished terms: the favourable reading
        // takes the one that pays most, the unfavourable the one that pays least — each tried on a copy of the ledger
        Selection pick = null;
        Outcome picked = null;
        for (Selection option : choice.options()) {
            Trace tt = t.copy();
            tt.steps.addAll(option.steps());
            tt.deps.addAll(option.deps());
            Outcome o = settleBenefit(ctx, reading, terms, option, line, remaining, ledger.copy(), tt);
            if (picked == null || (best ? o.amount().compareTo(picked.amount()) > 0 : o.amount().compareTo(picked.amount()) < 0)) {
                picked = o;
                pick = option;
            }
        }
        if (choice.refusal() != null && !best) {
            for (Selection option : choice.options()) t.deps.addAll(option.deps());
            t.steps.addAll(choice.refusal().steps());
            return t.refuse(remaining, choice.refusal().refusal);
        }
        t.steps.addAll(pick.steps());
        for (Selection option : choice.options()) t.deps.addAll(option.deps());
        return settleBenefit(ctx, reading, terms, pick, line, remaining, ledger, t);
    }

    /** The rest of one payment once the benefit is chosen: waiting period, pre-existing conditions, then the amounts. */
    private Outcome settleBenefit(Context ctx, Reading reading, ProductTerms terms, Selection sel, CostLine line, Money remaining,
                                  Ledger ledger, Trace t) {
        boolean best = reading == Reading.BEST;
        Product p = terms.product();
        Eligibility e = p.eligibility();
        ProductTerms.BenefitTerms bt = sel.terms;
        Benefit b = bt.benefit();

        // waiting period
        Optional<Integer> waiting = bt.waitingDays().firm();
        if (waiting.isPresent()) {
            if (ctx.run.eventDay() < waiting.get()) {
                t.steps.add(Reason.block("adj.why.waiting", ctx.run.eventDay(), waiting.get()));
                return t.refuse(remaining, AdjudicationRule.WAITING_PERIOD, b.need());
            }
        } else {
            t.hinge("waitingPeriod", Reason.confirm("adj.hinge.waiting", ctx.run.eventDay()));
            if (!best) return t.refuse(remaining, AdjudicationRule.WAITING_PERIOD, b.need());
        }

        // pre-existing conditions
        BigDecimal factor = BigDecimal.ONE;
        AdjudicationRule factorRule = null;
        if (ctx.run.preExisting()) {
            t.steps.add(Reason.info("adj.step.preExistingEpisode"));
            if (ctx.client.hasConditions()) {
                DeclaredRule d = e.declared();
                switch (d) {
                    case COVERED:
                        t.steps.add(Reason.info("adj.step.declaredCovered"));
                        break;
                    case EXCLUDED:
                        t.steps.add(Reason.block("adj.why.declaredExcluded"));
                        return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_EXCLUDED, b.need());
                    case UNDERWRITTEN:
                        t.hinge("declaredConditions", Reason.confirm("adj.hinge.declaredUnderwritten"));
                        if (!best) return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_EXCLUDED, b.need());
                        break;
                    default:
                        t.hinge("declaredConditions", Reason.confirm("adj.hinge.declaredNotStated"));
                        if (!best) return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, b.need());
                        break;
                }
            } else {
                switch (e.preExisting()) {
                    case EXCLUDED:
                        t.steps.add(Reason.block("adj.why.preExcluded"));
                        return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_EXCLUDED, b.need());
                    case COVERED_AFTER_WAITING: {
                        Optional<Integer> w = terms.waitingDays().firm();
                        if (w.isEmpty()) {
                            t.hinge("waitingPeriod", Reason.confirm("adj.hinge.preWaiting"));
                            if (!best) return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, b.need());
                        } else if (ctx.run.eventDay() < w.get()) {
                            t.steps.add(Reason.block("adj.why.preWaiting", ctx.run.eventDay(), w.get()));
                            return t.refuse(remaining, AdjudicationRule.WAITING_PERIOD, b.need());
                        }
                        break;
                    }
                    case REDUCED:
                        if (e.preExistingRate() == null) {
                            t.hinge("preExisting", Reason.confirm("adj.hinge.preRate"));
                            if (!best) return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, b.need());
                        } else {
                            factor = e.preExistingRate().movePointLeft(2);
                            factorRule = AdjudicationRule.PRE_EXISTING_REDUCED;
                            t.steps.add(Reason.info("adj.step.preReduced", Amounts.percent(e.preExistingRate())));
                        }
                        break;
                    case PHASED:
                        factor = phased(ctx.year);
                        factorRule = AdjudicationRule.PRE_EXISTING_PHASED;
                        if (factor.signum() == 0) {
                            t.steps.add(Reason.block("adj.why.prePhasedZero", ctx.year));
                            return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_PHASED, b.need());
                        }
                        t.steps.add(Reason.info("adj.step.prePhased", Amounts.percent(factor.movePointRight(2)), ctx.year));
                        break;
                    case NOT_STATED:
                        t.hinge("preExisting", Reason.confirm("adj.hinge.preNotStated"));
                        if (!best) return t.refuse(remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, b.need());
                        break;
                    default:
                        break;
                }
            }
        }

        if (remaining.amount().signum() <= 0) {
            t.steps.add(Reason.info("adj.why.nothingLeft"));
            return new Outcome(Money.zero(remaining.currency()), AdjudicationRule.NOTHING_LEFT, b.need(), t.steps, t.deps);
        }
        try {
            return amounts(ctx, reading, p, bt, sel.index(), remaining, factor, factorRule, ledger, t);
        } catch (UserError noRate) {
            t.steps.add(Reason.block("adj.why.noFx", noRate.args().length > 0 ? noRate.args()[0] : "", noRate.args().length > 1 ? noRate.args()[1] : ""));
            return t.refuse(remaining, AdjudicationRule.NO_FX_RATE, b.need());
        }
    }

    /** Copayment, deductible, co-insurance, pre-existing factor, then the per-event and annual limits. */
    private Outcome amounts(Context ctx, Reading reading, Product p, ProductTerms.BenefitTerms bt, int index, Money remaining,
                            BigDecimal factor, AdjudicationRule factorRule, Ledger ledger, Trace t) {
        boolean best = reading == Reading.BEST;
        Benefit b = bt.benefit();
        Currency lc = remaining.currency();
        String scope = b.limitGroup() != null ? "G:" + b.limitGroup() : String.valueOf(index);
        String base = p.id() + "#" + scope + "#";
        String yearLabel = b.limitYear().yearOf(ctx.eventDate, ctx.year);
        Money amount = remaining;
        AdjudicationRule rule = null;

        // 0. a fixed fee the client pays on each line (e.g. RMB 100 a visit)
        if (b.copayment() != null && b.copayment().isPositive()) {
            Money fee = convert(ctx.fx, b.copayment(), lc, t.steps).min(amount);
            t.steps.add(Reason.info("adj.step.copayment", Amounts.format(fee)));
            amount = amount.minus(fee);
            rule = AdjudicationRule.COPAYMENT;
            if (amount.amount().signum() == 0) return new Outcome(Money.zero(lc), rule, b.need(), t.steps, t.deps);
        }
        // 1. the annual deductible
        Optional<Bound<Money>> ded = bt.deductible().firm();
        if (ded.isEmpty()) {
            t.hinge("deductible", Reason.confirm("adj.hinge.deductible"));
            if (!best) return new Outcome(Money.zero(lc), AdjudicationRule.DEDUCTIBLE, b.need(), t.steps, t.deps);
        } else if (ded.get().amount().isPresent() && ded.get().amount().get().isPositive()) {
            Money deductible = ded.get().amount().get();
            String key = base + "DED#" + yearLabel;
            Money left = ledger.left(key, deductible);
            Money leftHere = convert(ctx.fx, left, lc, t.steps);
            Money applied = amount.min(leftHere);
            t.steps.add(Reason.info("adj.step.deductible", Amounts.format(applied), Amounts.format(left), Amounts.format(deductible)));
            amount = amount.minus(applied);
            ledger.take(key, applied.compareTo(leftHere) == 0 ? left : back(ctx.fx, applied, left));
            if (applied.isPositive()) rule = AdjudicationRule.DEDUCTIBLE;
            if (amount.amount().signum() == 0) return new Outcome(Money.zero(lc), AdjudicationRule.DEDUCTIBLE, b.need(), t.steps, t.deps);
        }
        // 2. co-insurance (the client's share)
        Optional<BigDecimal> coIns = bt.coInsurance().firm();
        if (coIns.isEmpty()) {
            t.hinge("coInsurance", Reason.confirm("adj.hinge.coInsurance"));
            if (!best) return new Outcome(Money.zero(lc), AdjudicationRule.CO_INSURANCE, b.need(), t.steps, t.deps);
        } else if (coIns.get().signum() > 0) {
            Money share = amount.times(coIns.get().movePointLeft(2));
            t.steps.add(Reason.info("adj.step.coInsurance", Amounts.percent(coIns.get()), Amounts.format(share)));
            amount = amount.minus(share);
            rule = AdjudicationRule.CO_INSURANCE;
        }
        // 3. pre-existing rate
        if (factor.compareTo(BigDecimal.ONE) != 0) {
            amount = amount.times(factor);
            rule = factorRule;
        }
        Money uncapped = amount;
        // 4. per-event and annual limits
        Optional<Bound<Money>> perEvent = bt.perEventLimit().firm();
        Optional<Bound<Money>> annual = bt.annualLimit().firm();
        AdjudicationRule capRule = null;
        Money eventLimit = perEvent.flatMap(Bound::amount).orElse(null);
        Money annualLimit = annual.flatMap(Bound::amount).orElse(null);
        if (annual.isEmpty()) {
            if (eventLimit != null) {
                // an unpublished annual limit is at least the per-event one; the unfavourable reading takes exactly that
                t.hinge("annualLimit", Reason.confirm("adj.hinge.annualLimit", Amounts.format(eventLimit)));
                if (!best) annualLimit = eventLimit;
            } else {
                // no cap is published (a per-event limit of "none" caps nothing): nothing beyond what is published counts
                t.hinge("limit", Reason.confirm("adj.hinge.limits"));
                if (!best) return new Outcome(Money.zero(lc), AdjudicationRule.LIMIT_NOT_PUBLISHED, b.need(), t.steps, t.deps);
            }
        } else if (perEvent.isEmpty() && annual.get().isNone()) {
            t.hinge("limit", Reason.confirm("adj.hinge.limits"));
            if (!best) return new Outcome(Money.zero(lc), AdjudicationRule.LIMIT_NOT_PUBLISHED, b.need(), t.steps, t.deps);
        }
        Money eventLeftHere = null;
        Money eventLeft = null;
        String eventKey = base + "EVENT#" + ctx.episodeKey;
        if (eventLimit != null) {
            eventLeft = ledger.left(eventKey, eventLimit);
            eventLeftHere = convert(ctx.fx, eventLeft, lc, t.steps);
            t.steps.add(Reason.info("adj.step.perEvent", Amounts.format(eventLimit), Amounts.format(eventLeft)));
            if (eventLeftHere.compareTo(amount) < 0) {
                amount = eventLeftHere;
                capRule = AdjudicationRule.PER_EVENT_LIMIT;
            }
        }
        Money annualLeftHere = null;
        Money annualLeft = null;
        String annualKey = base + "ANNUAL#" + yearLabel;
        if (annualLimit != null) {
            annualLeft = ledger.left(annualKey, annualLimit);
            annualLeftHere = convert(ctx.fx, annualLeft, lc, t.steps);
            t.steps.add(Reason.info("adj.step.annual", Amounts.format(annualLimit), Amounts.format(annualLeft)));
            if (annualLeftHere.compareTo(amount) < 0) {
                amount = annualLeftHere;
                capRule = AdjudicationRule.ANNUAL_LIMIT;
            }
        }
        if (amount.amount().signum() < 0) amount = Money.zero(lc);
        if (eventLeft != null) ledger.take(eventKey, amount.compareTo(eventLeftHere) == 0 ? eventLeft : back(ctx.fx, amount, eventLeft));
        if (annualLeft != null) ledger.take(annualKey, amount.compareTo(annualLeftHere) == 0 ? annualLeft : back(ctx.fx, amount, annualLeft));

        AdjudicationRule decided;
        if (capRule != null && amount.compareTo(uncapped) < 0) decided = capRule;
        else if (rule != null) decided = rule;
        else decided = AdjudicationRule.PAID_IN_FULL;
        t.steps.add(Reason.info("adj.step.pays", Amounts.format(amount)));
        return new Outcome(amount, decided, b.need(), t.steps, t.deps);
    }

    /** VHIS phase-in of unknown pre-existing conditions: 0 % in policy year 1, 25 % in year 2, 50 % in year 3, then 100 %. */
    static BigDecimal phased(int policyYear) {
        if (policyYear <= 1) return BigDecimal.ZERO;
        if (policyYear == 2) return new BigDecimal("0.25");
        if (policyYear == 3) return new BigDecimal("0.50");
        return BigDecimal.ONE;
    }

    /** Converts a benefit amount into the line's currency, noting the rate once. */
    private static Money convert(FxTable fx, Money m, Currency to, List<Reason> steps) {
        if (m.currency() == to) return m;
        BigDecimal rate = fx.rate(m.currency(), to).orElseThrow(() -> new UserError("fx.noRate", m.currency(), to));
        String asOf = fx.rates().stream()
                .filter(r -> (r.from() == m.currency() && r.to() == to) || (r.from() == to && r.to() == m.currency()))
                .map(r -> r.asOf() == null ? "" : r.asOf().value()).findFirst().orElse("");
        Reason note = Reason.info("adj.step.fx", m.currency().name(), Amounts.rate(rate), to.name(), asOf);
        if (!steps.contains(note)) steps.add(note);
        return new Money(m.amount().multiply(rate), to);
    }

    /** A payment converted back into a tracked entry's currency, never more than what is left of it. */
    private static Money back(FxTable fx, Money paid, Money left) {
        Money used = paid.currency() == left.currency() ? paid : fx.convert(paid, left.currency());
        return used.min(left);
    }

    /** The stable name of the term a CONFIRM reason is about (for {@code dependsOn}). */
    private static String termOf(Reason r) {
        String k = r.key();
        int dot = k.lastIndexOf('.');
        return dot < 0 ? k : k.substring(dot + 1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // choosing the benefit

    /**
     * The benefit that pays a line, or why none does. {@code unstated} marks a 港澳藥械通 item line of a product that has no
     * benefit for it and says nothing about such items: whether it pays is unknown (the favourable reading pays the line).
     */
    private record Selection(ProductTerms.BenefitTerms terms, Benefit benefit, int index, AdjudicationRule refusal, boolean unstated,
                             List<Reason> steps, List<Dependency> deps) {
        Selection(ProductTerms.BenefitTerms terms, Benefit benefit, int index, AdjudicationRule refusal) {
            this(terms, benefit, index, refusal, false, List.of(), List.of());
        }

        Selection(ProductTerms.BenefitTerms terms, Benefit benefit, int index, AdjudicationRule refusal, boolean unstated) {
            this(terms, benefit, index, refusal, unstated, List.of(), List.of());
        }
    }

    /**
     * The benefits that may be the one that pays a line, in order of precedence: those accepted only if an unpublished term
     * reads one way, up to the first accepted on published terms; {@code refusal} is set when no benefit may apply, or when
     * it is possible that none does (every option hinges on an unknown).
     */
    private record Choice(List<Selection> options, Selection refusal) {
        static Choice refused(Selection s) {
            return new Choice(List.of(), s);
        }
    }

    private Choice select(Product p, ProductTerms terms, CostLine line, LocalDate on, Reading reading, Trace t) {
        List<Integer> candidates = new ArrayList<>();
        List<Benefit> all = p.benefits();
        for (int i = 0; i < all.size(); i++) if (all.get(i).need() == line.need() && !all.get(i).isCash()) candidates.add(i);
        boolean via = false;
        ItemKind kind = line.item() == null ? null : catalog.item(line.item()).map(RegulatedItem::kind).orElse(ItemKind.DRUG);
        if (candidates.isEmpty() && line.item() != null) {
            // the item's own benefit (for 港澳藥械通 drugs, or devices) first, then any benefit that states cover, in pack order
            Need own = kind == ItemKind.DEVICE ? Need.GBA_DEVICE : Need.GBA_DRUG;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < all.size(); i++) {
                    Benefit b = all.get(i);
                    if ((b.need() == own) == (pass == 0) && !b.isCash() && b.gbaStance().of(kind).pays(line.item())) candidates.add(i);
                }
            }
            via = !candidates.isEmpty();
        }
        boolean cashOnly = candidates.isEmpty() && all.stream().anyMatch(b -> b.need() == line.need() && b.isCash());
        if (cashOnly) {
            t.steps.add(Reason.block("adj.why.cashOnly", "need." + line.need().name()));
            return Choice.refused(new Selection(null, null, -1, AdjudicationRule.CASH_BENEFIT));
        }
        if (candidates.isEmpty() && line.item() != null && p.layer() == Layer.PUBLIC) {
            t.steps.add(Reason.block("adj.why.gbaPublic", itemName(line.item())));
            return Choice.refused(new Selection(null, null, -1, AdjudicationRule.GBA_PUBLIC_LAYER));
        }
        boolean viaInRegion = candidates.stream().anyMatch(i -> all.get(i).appliesIn(line.region()));
        boolean unstatedHere = (candidates.isEmpty() || via) && line.item() != null && p.layer() != Layer.PUBLIC && all.stream().anyMatch(b -> !b.isCash()
                && b.appliesIn(line.region()) && (b.gbaStance().of(kind).stance() == StanceKind.NOT_STATED
                    || (b.gbaStance().of(kind).stance() == StanceKind.LISTED && b.gbaStance().of(kind).items().isEmpty())));
        if (unstatedHere) {
            // no benefit for the line's need; a benefit where the care happens says nothing about these items: read in the
            // client's favour it pays the line, against the client only a benefit that states cover does (if any)
            t.hinge(kind == ItemKind.DEVICE ? "gbaDevices" : "gbaDrugs", Reason.confirm("adj.hinge.gba", itemName(line.item())));
            if (reading == Reading.BEST) return Choice.refused(new Selection(null, null, -1, null, true));
            if (!viaInRegion) return Choice.refused(new Selection(null, null, -1, AdjudicationRule.GBA_NOT_STATED, true));
        }
        if (candidates.isEmpty()) {
            t.steps.add(Reason.block("adj.why.noBenefit", "need." + line.need().name()));
            return Choice.refused(new Selection(null, null, -1, AdjudicationRule.NO_BENEFIT));
        }
        List<Integer> regional = candidates.stream().filter(i -> all.get(i).appliesIn(line.region())).toList();
        if (regional.isEmpty()) {
            t.steps.add(Reason.block("adj.why.notInRegion", "region." + line.region().name()));
            return Choice.refused(new Selection(null, null, -1, AdjudicationRule.NOT_IN_REGION));
        }
        // each benefit is checked in both readings: refused in both → out; accepted in both → it applies (and ends the list);
        // accepted only in the favourable one → it may apply
        List<Selection> options = new ArrayList<>();
        Selection firstRefusal = null;
        for (int i : regional) {
            Benefit b = all.get(i);
            ProductTerms.BenefitTerms bt = terms.benefit(b, on);
            Trace good = new Trace(p);
            Trace bad = new Trace(p);
            for (Trace tr : List.of(good, bad)) {
                tr.steps.add(Reason.info(via ? "adj.step.viaBenefit" : "adj.step.benefit", "need." + b.need().name(), "region." + line.region().name()));
                if (b.sample()) tr.steps.add(Reason.warn("adj.step.sampleBenefit"));
            }
            AdjudicationRule inBest = network(p, bt, line, Reading.BEST, good);
            if (inBest == null) inBest = gba(p, bt, line, kind, Reading.BEST, good);
            AdjudicationRule inWorst = network(p, bt, line, Reading.WORST, bad);
            if (inWorst == null) inWorst = gba(p, bt, line, kind, Reading.WORST, bad);
            if (inWorst == null) {
                options.add(new Selection(bt, b, i, null, false, good.steps, good.deps));
                return new Choice(options, null);
            }
            if (inBest == null) {
                options.add(new Selection(bt, b, i, null, false, good.steps, good.deps));
                if (firstRefusal == null) firstRefusal = new Selection(null, null, i, inWorst, false, bad.steps, bad.deps);
            } else if (firstRefusal == null) {
                firstRefusal = new Selection(null, null, i, inBest, false, bad.steps, bad.deps);
            }
        }
        if (options.isEmpty()) {
            t.steps.addAll(firstRefusal.steps());
            t.deps.addAll(firstRefusal.deps());
            return Choice.refused(firstRefusal);
        }
        // every option hinges on an unknown: it is also possible that none applies
        return new Choice(options, firstRefusal);
    }

    private Object institutionName(String id) {
        return catalog.institution(id).<Object>map(Institution::name).orElse(id);
    }

    private Object itemName(String id) {
        return catalog.item(id).<Object>map(RegulatedItem::name).orElse(id);
    }

    private AdjudicationRule network(Product p, ProductTerms.BenefitTerms bt, CostLine line, Reading reading, Trace t) {
        String inst = line.institution();
        boolean directBilling = inst != null && p.service().directBilling().contains(inst);
        List<String> listed = bt.institutions();
        switch (bt.network()) {
            case LISTED:
                if (inst == null) {
                    t.steps.add(Reason.block("adj.why.noInstitution"));
                    return AdjudicationRule.NO_INSTITUTION;
                }
                if (!listed.contains(inst)) {
                    t.steps.add(Reason.block("adj.why.notListed", institutionName(inst)));
                    return AdjudicationRule.NOT_IN_NETWORK;
                }
                t.steps.add(Reason.info("adj.step.inNetwork", institutionName(inst)));
                break;
            case DIRECT_BILLING_ONLY:
                if (inst == null) {
                    t.steps.add(Reason.block("adj.why.noInstitution"));
                    return AdjudicationRule.NO_INSTITUTION;
                }
                if (!directBilling) {
                    t.steps.add(Reason.block("adj.why.notDirectBilling", institutionName(inst)));
                    return AdjudicationRule.NOT_IN_NETWORK;
                }
                break;
            case DESIGNATED_GBA:
                if (inst == null) {
                    t.steps.add(Reason.block("adj.why.noInstitution"));
                    return AdjudicationRule.NO_INSTITUTION;
                }
                Optional<Institution> i = catalog.institution(inst);
                if (i.isEmpty() || !i.get().isDesignated() || !i.get().designation().isCurrent()) {
                    t.steps.add(Reason.block("adj.why.notDesignated", institutionName(inst)));
                    return AdjudicationRule.NOT_IN_NETWORK;
                }
                t.steps.add(Reason.info("adj.step.designated", institutionName(inst)));
                break;
            case NOT_STATED:
                if (!directBilling && !listed.contains(inst == null ? "" : inst)) {
                    t.hinge("network", Reason.confirm("adj.hinge.network", inst == null ? "" : institutionName(inst)));
                    if (reading == Reading.WORST) return AdjudicationRule.NOT_IN_NETWORK;
                }
                break;
            default:
                break;
        }
        if (directBilling) t.steps.add(Reason.info("adj.step.directBilling", institutionName(inst)));
        return null;
    }

    private AdjudicationRule gba(Product p, ProductTerms.BenefitTerms bt, CostLine line, ItemKind kind, Reading reading, Trace t) {
        if (line.item() == null) return null;
        Object item = itemName(line.item());
        Term<Stance> term = kind == ItemKind.DEVICE ? bt.devices() : bt.drugs();
        Optional<Stance> firm = term.firm();
        if (firm.isPresent()) {
            Stance s = firm.get();
            if (s.stance() == StanceKind.COVERED) {
                t.steps.add(Reason.info("adj.step.gbaAll", item));
                return null;
            }
            if (s.stance() == StanceKind.LISTED) {
                if (s.items().contains(line.item())) {
                    t.steps.add(Reason.info("adj.step.gbaListed", item));
                    return null;
                }
                if (!s.items().isEmpty()) {
                    t.steps.add(Reason.block("adj.why.gbaNotListed", item));
                    return AdjudicationRule.GBA_ITEM_NOT_LISTED;
                }
                // "some items are covered" without the list: whether this one is, is not published
                t.hinge(kind == ItemKind.DEVICE ? "gbaDevices" : "gbaDrugs", Reason.confirm("adj.hinge.gbaUnlisted", item));
                return reading == Reading.WORST ? AdjudicationRule.GBA_ITEM_NOT_LISTED : null;
            }
            if (s.stance() == StanceKind.EXCLUDED) {
                t.steps.add(Reason.block("adj.why.gbaNone", item));
                return AdjudicationRule.GBA_ITEMS_NOT_COVERED;
            }
        }
        if (p.layer() == Layer.PUBLIC) {
            // public schemes pay for 港澳藥械通 items only where their terms say so: the designated hospital bills them as self-pay
            t.steps.add(Reason.block("adj.why.gbaPublic", item));
            return AdjudicationRule.GBA_PUBLIC_LAYER;
        }
        t.hinge(kind == ItemKind.DEVICE ? "gbaDevices" : "gbaDrugs", Reason.confirm("adj.hinge.gba", item));
        return reading == Reading.WORST ? AdjudicationRule.GBA_NOT_STATED : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // cash benefits

    private List<Cash> cash(ClientProfile client, List<Product> products, Map<String, EligibilityResult> eligibility,
                            Map<String, ProductTerms> terms, Scenario scenario, LocalDate eventDate) {
        Set<Need> needs = new LinkedHashSet<>();
        for (CostLine l : scenario.lines()) needs.add(l.need());
        List<Cash> out = new ArrayList<>();
        for (Product p : products) {
            EligibilityResult er = eligibility.get(p.id());
            if (er.status() == EligibilityStatus.NOT_ELIGIBLE) continue;
            if (p.periodOpt().map(per -> per.endedBy(eventDate)).orElse(false)) continue;
            for (Benefit b : p.benefits()) {
                if (!b.isCash() || !needs.contains(b.need())) continue;
                ProductTerms.BenefitTerms bt = terms.get(p.id()).benefit(b, eventDate);
                Money amount = bt.cashAmount().value().orElse(b.cashAmount());
                List<Reason> notes = new ArrayList<>();
                if (er.status() == EligibilityStatus.UNCONFIRMED) notes.addAll(er.unconfirmed());
                if (!bt.cashAmount().isFirm()) notes.add(Reason.warn("adj.cash.sample"));
                out.add(new Cash(p.id(), b.need(), amount, b.cashPer(), bt.cashAmount().isFirm() && er.eligible(), notes));
            }
        }
        return out;
    }
}
