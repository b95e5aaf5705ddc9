package hk.baycover.planning;

import hk.baycover.model.Benefit;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.FxTable;
import hk.baycover.model.GbaItemCover;
import hk.baycover.model.Institution;
import hk.baycover.model.Layer;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.Scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each cost line of a care episode through a plan's layers in order (public → inclusive → commercial) and says
 * what each layer pays, which rule decided it, and what the client pays.
 *
 * <p>For every product, in order: the client must be eligible on the plan's start date and within the renewal age when
 * the episode happens; a benefit for the line's need must apply where the care happens, admit the institution (listed
 * network, direct billing, or 港澳藥械通 designation) and pay the line's 港澳藥械通 item (a public scheme never does
 * unless its benefit says so); the episode must start after the waiting period; a pre-existing condition follows the
 * product's rule. Then, on what earlier layers left unpaid: the annual deductible, the client's co-insurance share, any
 * pre-existing rate, and the per-event (per-episode) and annual limits, tracked across the lines of the episode and of
 * the policy year in a {@link Ledger}.
 *
 * <p>Arithmetic is exact (BigDecimal, never rounded): for every line, the payments plus the out-of-pocket amount equal
 * the cost exactly. Payments are in the line's currency; a benefit written in another currency is converted at the
 * plan's dated FX rate, and the rate used is stated in the explanation. A benefit that publishes no limit is applied
 * without a cap and says so.
 */
public final class Adjudicator {

    /** What one layer pays on one line, the rule that decided it and each step of the reasoning. */
    public record Payment(String product, Layer layer, Money amount, AdjudicationRule rule, Need benefit, List<Reason> steps) {
        public Payment {
            steps = List.copyOf(steps);
        }
    }

    /** One adjudicated cost line: {@code payments} (one per plan product, in layer order) plus {@code outOfPocket} equal {@code cost}. */
    public record LineResult(CostLine line, Money cost, List<Payment> payments, Money outOfPocket, List<Reason> notes) {
        public LineResult {
            payments = List.copyOf(payments);
            notes = List.copyOf(notes);
        }

        public Money paid() {
            Money sum = Money.zero(cost.currency());
            for (Payment p : payments) sum = sum.plus(p.amount());
            return sum;
        }
    }

    /** One adjudicated episode; totals are converted into the plan's currency at the plan's FX rates. */
    public record EpisodeResult(Scenario scenario, ScenarioRun run, LocalDate eventDate, int policyYear, List<LineResult> lines,
                                Currency currency, Money totalCost, Money totalPaid, Money totalOutOfPocket) {
        public EpisodeResult {
            lines = List.copyOf(lines);
        }

        /** What each product paid over the episode, in the plan currency. */
        public Map<String, Money> paidByProduct(FxTable fx) {
            Map<String, Money> out = new LinkedHashMap<>();
            for (LineResult l : lines) {
                for (Payment p : l.payments()) {
                    Money m = fx.convert(p.amount(), currency);
                    out.merge(p.product(), m, Money::plus);
                }
            }
            return out;
        }
    }

    /**
     * Remaining deductibles and limits, per product benefit: the deductible and the annual limit per policy year, the
     * per-event limit per episode. Share one ledger between episodes of the same year to track annual amounts across
     * them. Every figure is kept in the currency the benefit states it in.
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

        /** Every entry by key ({@code product#benefit#KIND#scope}), for explanations and tests. */
        public Map<String, Entry> entries() {
            return java.util.Collections.unmodifiableMap(entries);
        }
    }

    private final Catalog catalog;
    private final EligibilityChecker checker;

    public Adjudicator(Catalog catalog, EligibilityChecker checker) {
        this.catalog = catalog;
        this.checker = checker;
    }

    /** Runs one episode with a fresh ledger. */
    public EpisodeResult run(ClientProfile client, List<Product> layered, Scenario scenario, ScenarioRun run, LocalDate planStart,
                             FxTable fx, Currency planCurrency) {
        return run(client, layered, scenario, run, planStart, fx, planCurrency, new Ledger());
    }

    /**
     * Runs one episode, tracking deductibles and limits in {@code ledger}. {@code layered} must already be in layer
     * order ({@link Plan#layered}); it is re-sorted stably by layer to be safe.
     */
    public EpisodeResult run(ClientProfile client, List<Product> layered, Scenario scenario, ScenarioRun run, LocalDate planStart,
                             FxTable fx, Currency planCurrency, Ledger ledger) {
        List<Product> products = new ArrayList<>(layered);
        products.sort(java.util.Comparator.comparing(Product::layer));
        LocalDate eventDate = planStart.plusDays(run.eventDay());
        int year = run.policyYear();
        Map<String, EligibilityResult> eligibility = new HashMap<>();
        for (Product p : products) eligibility.put(p.id(), checker.check(p, client, planStart));
        String episodeKey = scenario.id() + "@" + run.eventDay();

        List<LineResult> lines = new ArrayList<>();
        Money totalCost = Money.zero(planCurrency);
        Money totalPaid = Money.zero(planCurrency);
        for (CostLine line : scenario.lines()) {
            Money cost = line.cost();
            Money remaining = cost;
            List<Payment> payments = new ArrayList<>();
            for (Product p : products) {
                Payment pay = pay(client, p, eligibility.get(p.id()), line, remaining, run, eventDate, year, episodeKey, fx, ledger);
                payments.add(pay);
                remaining = remaining.minus(pay.amount());
            }
            LineResult lr = new LineResult(line, cost, payments, remaining, lineNotes(line));
            lines.add(lr);
            totalCost = totalCost.plus(fx.convert(cost, planCurrency));
            totalPaid = totalPaid.plus(fx.convert(lr.paid(), planCurrency));
        }
        return new EpisodeResult(scenario, run, eventDate, year, lines, planCurrency, totalCost, totalPaid, totalCost.minus(totalPaid));
    }

    private List<Reason> lineNotes(CostLine line) {
        List<Reason> notes = new ArrayList<>();
        if (line.sample()) notes.add(Reason.info("adj.note.sampleCost"));
        if (line.item() != null && line.institution() != null) {
            Optional<RegulatedItem> item = catalog.item(line.item());
            if (item.isPresent() && catalog.institution(line.institution()).isPresent()
                    && item.get().approvals().stream().noneMatch(a -> a.institution().equals(line.institution()))) {
                notes.add(Reason.warn("adj.note.itemNotApprovedThere", line.item(), line.institution()));
            }
        }
        return notes;
    }

    private static Payment refuse(Product p, Money remaining, AdjudicationRule rule, List<Reason> steps) {
        return new Payment(p.id(), p.layer(), Money.zero(remaining.currency()), rule, null, steps);
    }

    private Payment pay(ClientProfile client, Product p, EligibilityResult elig, CostLine line, Money remaining, ScenarioRun run,
                        LocalDate eventDate, int year, String episodeKey, FxTable fx, Ledger ledger) {
        List<Reason> steps = new ArrayList<>();
        if (!elig.eligible()) {
            steps.addAll(elig.blocking());
            return refuse(p, remaining, AdjudicationRule.NOT_ELIGIBLE, steps);
        }
        Eligibility e = p.eligibility();
        if (e.maxRenewalAge() != null) {
            int age = client.ageOn(eventDate, e.ageBasis(), checker.today());
            if (age > e.maxRenewalAge()) {
                steps.add(Reason.block("adj.why.coverEnded", age, e.maxRenewalAge()));
                return refuse(p, remaining, AdjudicationRule.COVER_ENDED, steps);
            }
        }
        Selection sel = select(p, line);
        if (sel.benefit == null) {
            steps.addAll(sel.steps);
            return refuse(p, remaining, sel.refusal, steps);
        }
        Benefit b = sel.benefit;
        steps.addAll(sel.steps);

        Integer waiting = b.waitingPeriodDays() != null ? b.waitingPeriodDays() : e.waitingPeriodDays();
        if (waiting != null && run.eventDay() < waiting) {
            steps.add(Reason.block("adj.why.waiting", run.eventDay(), waiting));
            return refuse(p, remaining, AdjudicationRule.WAITING_PERIOD, steps);
        }

        BigDecimal factor = BigDecimal.ONE;
        AdjudicationRule factorRule = null;
        if (run.preExisting()) {
            steps.add(Reason.info("adj.step.preExistingEpisode"));
            switch (e.preExisting()) {
                case EXCLUDED:
                    steps.add(Reason.block("adj.why.preExcluded"));
                    return refuse(p, remaining, AdjudicationRule.PRE_EXISTING_EXCLUDED, steps);
                case NOT_STATED:
                    steps.add(Reason.block("adj.why.preNotStated"));
                    return refuse(p, remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, steps);
                case COVERED_AFTER_WAITING:
                    if (e.waitingPeriodDays() == null) {
                        steps.add(Reason.block("adj.why.preWaitNotStated"));
                        return refuse(p, remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, steps);
                    }
                    if (run.eventDay() < e.waitingPeriodDays()) {
                        steps.add(Reason.block("adj.why.preWaiting", run.eventDay(), e.waitingPeriodDays()));
                        return refuse(p, remaining, AdjudicationRule.WAITING_PERIOD, steps);
                    }
                    break;
                case REDUCED:
                    if (e.preExistingRate() == null) {
                        steps.add(Reason.block("adj.why.preRateNotStated"));
                        return refuse(p, remaining, AdjudicationRule.PRE_EXISTING_NOT_STATED, steps);
                    }
                    factor = e.preExistingRate().movePointLeft(2);
                    factorRule = AdjudicationRule.PRE_EXISTING_REDUCED;
                    steps.add(Reason.info("adj.step.preReduced", Amounts.percent(e.preExistingRate())));
                    break;
                case PHASED:
                    factor = phased(year);
                    factorRule = AdjudicationRule.PRE_EXISTING_PHASED;
                    if (factor.signum() == 0) {
                        steps.add(Reason.block("adj.why.prePhasedZero", year));
                        return refuse(p, remaining, AdjudicationRule.PRE_EXISTING_PHASED, steps);
                    }
                    steps.add(Reason.info("adj.step.prePhased", Amounts.percent(factor.movePointRight(2)), year));
                    break;
                default:
                    break;
            }
        }

        if (remaining.amount().signum() <= 0) {
            steps.add(Reason.info("adj.why.nothingLeft"));
            return new Payment(p.id(), p.layer(), Money.zero(remaining.currency()), AdjudicationRule.NOTHING_LEFT, b.need(), steps);
        }

        Currency lc = remaining.currency();
        try {
            String base = p.id() + "#" + sel.index + "#";
            // 1. annual deductible
            Money amount = remaining;
            BigDecimal dedApplied = BigDecimal.ZERO;
            if (b.deductible() != null && b.deductible().isPositive()) {
                String key = base + "DED#" + year;
                Money left = ledger.left(key, b.deductible());
                Money leftHere = convert(fx, left, lc, steps);
                Money applied = amount.min(leftHere);
                dedApplied = applied.amount();
                steps.add(Reason.info("adj.step.deductible", Amounts.format(applied), Amounts.format(left), Amounts.format(b.deductible())));
                amount = amount.minus(applied);
                ledger.take(key, applied.compareTo(leftHere) == 0 ? left : back(fx, applied, left));
                if (amount.amount().signum() == 0) {
                    return new Payment(p.id(), p.layer(), Money.zero(lc), AdjudicationRule.DEDUCTIBLE, b.need(), steps);
                }
            }
            // 2. co-insurance (the client's share)
            BigDecimal coIns = b.coInsurance() == null ? BigDecimal.ZERO : b.coInsurance();
            if (coIns.signum() > 0) {
                Money share = amount.times(coIns.movePointLeft(2));
                steps.add(Reason.info("adj.step.coInsurance", Amounts.percent(coIns), Amounts.format(share)));
                amount = amount.minus(share);
            }
            // 3. pre-existing rate
            if (factor.compareTo(BigDecimal.ONE) != 0) amount = amount.times(factor);
            Money uncapped = amount;
            // 4. per-event and annual limits
            AdjudicationRule capRule = null;
            Money eventLeftHere = null;
            Money eventLeft = null;
            String eventKey = base + "EVENT#" + episodeKey;
            if (b.perEventLimit() != null) {
                eventLeft = ledger.left(eventKey, b.perEventLimit());
                eventLeftHere = convert(fx, eventLeft, lc, steps);
                steps.add(Reason.info("adj.step.perEvent", Amounts.format(b.perEventLimit()), Amounts.format(eventLeft)));
                if (eventLeftHere.compareTo(amount) < 0) {
                    amount = eventLeftHere;
                    capRule = AdjudicationRule.PER_EVENT_LIMIT;
                }
            }
            Money annualLeftHere = null;
            Money annualLeft = null;
            String annualKey = base + "ANNUAL#" + year;
            if (b.annualLimit() != null) {
                annualLeft = ledger.left(annualKey, b.annualLimit());
                annualLeftHere = convert(fx, annualLeft, lc, steps);
                steps.add(Reason.info("adj.step.annual", Amounts.format(b.annualLimit()), Amounts.format(annualLeft)));
                if (annualLeftHere.compareTo(amount) < 0) {
                    amount = annualLeftHere;
                    capRule = AdjudicationRule.ANNUAL_LIMIT;
                }
            }
            if (b.perEventLimit() == null && b.annualLimit() == null) steps.add(Reason.warn("adj.step.noLimit"));
            if (amount.amount().signum() < 0) amount = Money.zero(lc);
            if (eventLeft != null) ledger.take(eventKey, amount.compareTo(eventLeftHere) == 0 ? eventLeft : back(fx, amount, eventLeft));
            if (annualLeft != null) ledger.take(annualKey, amount.compareTo(annualLeftHere) == 0 ? annualLeft : back(fx, amount, annualLeft));

            AdjudicationRule rule;
            if (capRule != null && amount.compareTo(uncapped) < 0) rule = capRule;
            else if (factorRule != null) rule = factorRule;
            else if (coIns.signum() > 0) rule = AdjudicationRule.CO_INSURANCE;
            else if (dedApplied.signum() > 0) rule = AdjudicationRule.DEDUCTIBLE;
            else rule = AdjudicationRule.PAID_IN_FULL;
            steps.add(Reason.info("adj.step.pays", Amounts.format(amount)));
            return new Payment(p.id(), p.layer(), amount, rule, b.need(), steps);
        } catch (hk.baycover.model.UserError noRate) {
            steps.add(Reason.block("adj.why.noFx", noRate.args().length > 0 ? noRate.args()[0] : "", noRate.args().length > 1 ? noRate.args()[1] : ""));
            return refuse(p, remaining, AdjudicationRule.NO_FX_RATE, steps);
        }
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
        BigDecimal rate = fx.rate(m.currency(), to).orElseThrow(() -> new hk.baycover.model.UserError("fx.noRate", m.currency(), to));
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

    private record Selection(Benefit benefit, int index, AdjudicationRule refusal, List<Reason> steps) {
    }

    private Selection select(Product p, CostLine line) {
        List<Integer> candidates = new ArrayList<>();
        List<Benefit> all = p.benefits();
        for (int i = 0; i < all.size(); i++) if (all.get(i).need() == line.need()) candidates.add(i);
        boolean via = false;
        if (candidates.isEmpty() && line.item() != null) {
            for (int i = 0; i < all.size(); i++) {
                Benefit b = all.get(i);
                if (b.gbaItems() == GbaItemCover.ALL || (b.gbaItems() == GbaItemCover.LISTED && b.gbaItemList().contains(line.item()))) {
                    candidates.add(i);
                }
            }
            via = !candidates.isEmpty();
        }
        if (candidates.isEmpty() && line.item() != null && p.layer() == Layer.PUBLIC) {
            return new Selection(null, -1, AdjudicationRule.GBA_PUBLIC_LAYER, List.of(Reason.block("adj.why.gbaPublic", line.item())));
        }
        if (candidates.isEmpty()) {
            return new Selection(null, -1, AdjudicationRule.NO_BENEFIT, List.of(Reason.block("adj.why.noBenefit", "need." + line.need().name())));
        }
        List<Integer> regional = candidates.stream().filter(i -> all.get(i).appliesIn(line.region())).toList();
        if (regional.isEmpty()) {
            return new Selection(null, -1, AdjudicationRule.NOT_IN_REGION, List.of(Reason.block("adj.why.notInRegion", "region." + line.region().name())));
        }
        Selection firstRefusal = null;
        for (int i : regional) {
            Benefit b = all.get(i);
            List<Reason> steps = new ArrayList<>();
            steps.add(Reason.info(via ? "adj.step.viaBenefit" : "adj.step.benefit", "need." + b.need().name(), "region." + line.region().name()));
            if (b.sample()) steps.add(Reason.warn("adj.step.sampleBenefit"));
            AdjudicationRule refusal = network(p, b, line, steps);
            if (refusal == null) refusal = gba(p, b, line, steps);
            if (refusal == null) return new Selection(b, i, null, steps);
            if (firstRefusal == null) firstRefusal = new Selection(null, i, refusal, steps);
        }
        return firstRefusal;
    }

    private AdjudicationRule network(Product p, Benefit b, CostLine line, List<Reason> steps) {
        String inst = line.institution();
        boolean directBilling = inst != null && p.service().directBilling().contains(inst);
        switch (b.network()) {
            case LISTED:
                if (inst == null) {
                    steps.add(Reason.block("adj.why.noInstitution"));
                    return AdjudicationRule.NO_INSTITUTION;
                }
                if (!b.institutions().contains(inst)) {
                    steps.add(Reason.block("adj.why.notListed", inst));
                    return AdjudicationRule.NOT_IN_NETWORK;
                }
                steps.add(Reason.info("adj.step.inNetwork", inst));
                break;
            case DIRECT_BILLING_ONLY:
                if (inst == null) {
                    steps.add(Reason.block("adj.why.noInstitution"));
                    return AdjudicationRule.NO_INSTITUTION;
                }
                if (!directBilling) {
                    steps.add(Reason.block("adj.why.notDirectBilling", inst));
                    return AdjudicationRule.NOT_IN_NETWORK;
                }
                break;
            case DESIGNATED_GBA:
                if (inst == null) {
                    steps.add(Reason.block("adj.why.noInstitution"));
                    return AdjudicationRule.NO_INSTITUTION;
                }
                Optional<Institution> i = catalog.institution(inst);
                if (i.isEmpty() || !i.get().isDesignated() || !i.get().designation().isCurrent()) {
                    steps.add(Reason.block("adj.why.notDesignated", inst));
                    return AdjudicationRule.NOT_IN_NETWORK;
                }
                steps.add(Reason.info("adj.step.designated", inst));
                break;
            default:
                break;
        }
        if (directBilling) steps.add(Reason.info("adj.step.directBilling", inst));
        return null;
    }

    private static AdjudicationRule gba(Product p, Benefit b, CostLine line, List<Reason> steps) {
        if (line.item() == null) return null;
        boolean itemBenefit = b.need() == Need.GBA_DRUG || b.need() == Need.GBA_DEVICE;
        switch (b.gbaItems()) {
            case ALL:
                steps.add(Reason.info("adj.step.gbaAll", line.item()));
                return null;
            case LISTED:
                if (b.gbaItemList().contains(line.item())) {
                    steps.add(Reason.info("adj.step.gbaListed", line.item()));
                    return null;
                }
                steps.add(Reason.block("adj.why.gbaNotListed", line.item()));
                return AdjudicationRule.GBA_ITEM_NOT_LISTED;
            case NONE:
                steps.add(Reason.block("adj.why.gbaNone", line.item()));
                return AdjudicationRule.GBA_ITEMS_NOT_COVERED;
            default:
                if (itemBenefit) {
                    steps.add(Reason.info("adj.step.gbaBenefit", line.item()));
                    return null;
                }
                if (p.layer() == Layer.PUBLIC) {
                    steps.add(Reason.block("adj.why.gbaPublic", line.item()));
                    return AdjudicationRule.GBA_PUBLIC_LAYER;
                }
                steps.add(Reason.block("adj.why.gbaNotStated", line.item()));
                return AdjudicationRule.GBA_NOT_STATED;
        }
    }
}
