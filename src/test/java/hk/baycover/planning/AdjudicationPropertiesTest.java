package hk.baycover.planning;

import hk.baycover.model.BenefitTerm;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.DeclaredRule;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityTerm;
import hk.baycover.model.AgeBasis;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.MoneyRange;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.Scenario;
import hk.baycover.model.StanceKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static hk.baycover.planning.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adjudicator's invariants over randomly built catalogs, clients and episodes (deductibles, co-insurance, per-event
 * and annual limits in HKD or CNY, networks, 港澳藥械通 stances, waiting periods, pre-existing rules, renewal ages,
 * scheme periods, several layers) — with a random share of the terms left unpublished:
 * <ul>
 *   <li>on every line: 0 ≤ min ≤ max for every payment and for out-of-pocket; Σ payments.max + outOfPocket.min = cost and
 *       Σ payments.min + outOfPocket.max = cost;</li>
 *   <li>with every term published, min = max;</li>
 *   <li>publishing a term (any value, or "none") never widens a range: the new range lies inside the old one;</li>
 *   <li>no reading of the unknowns does better (or worse) than the range allows: giving every unknown term a published
 *       value lands the out-of-pocket inside the range.</li>
 * </ul>
 * The last two are checked line by line (one-line episodes, fresh ledgers): there the favourable and unfavourable readings
 * are the true extremes, because each layer pays a non-decreasing share of what is left. Across lines of one year a
 * more generous early layer can use up a shared annual limit that a later line then lacks, so over several lines the
 * range is what its definition says — every unknown read for, and every unknown read against, the client — not an
 * optimum over every mixed reading (ADR 0035).
 * <ul>
 *   <li>adding a product never raises out-of-pocket; no published limit is exceeded.</li>
 * </ul>
 * Specs are drawn first and products built from them, so one term can be published and everything else kept. FX rates
 * come from exact reciprocal pairs (1.25/0.8, 2/0.5) so that comparisons can be exact.
 */
class AdjudicationPropertiesTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final Need[] NEEDS = {Need.INPATIENT, Need.CANCER_TREATMENT, Need.GBA_DRUG, Need.SPECIALIST_OUTPATIENT};
    static final String[] INSTITUTIONS = {"h1", "h2", null};
    static final BenefitTerm[] TERMS = BenefitTerm.values();

    /** A benefit as drawn: its published values, and the terms left unpublished. */
    static final class BenefitSpec {
        Need need;
        Region[] regions = {};
        NetworkRule network = NetworkRule.ANY;
        Money deductible;
        String coIns;
        Money perEvent;
        Money annual;
        StanceKind stance = StanceKind.NOT_STATED;
        String[] items = {};
        Integer waiting;
        Set<BenefitTerm> unknown = EnumSet.noneOf(BenefitTerm.class);

        BenefitSpec copy() {
            BenefitSpec o = new BenefitSpec();
            o.need = need;
            o.regions = regions;
            o.network = network;
            o.deductible = deductible;
            o.coIns = coIns;
            o.perEvent = perEvent;
            o.annual = annual;
            o.stance = stance;
            o.items = items;
            o.waiting = waiting;
            o.unknown = EnumSet.noneOf(BenefitTerm.class);
            o.unknown.addAll(unknown);
            return o;
        }

        Fixtures.B build() {
            Fixtures.B b = benefit(need).regions(regions);
            if (network == NetworkRule.LISTED) b.network(network, "h1");
            else b.network(network);
            if (deductible != null) b.deductible(deductible);
            if (coIns != null) b.coIns(coIns);
            if (perEvent != null) b.perEvent(perEvent);
            if (annual != null) b.annual(annual);
            b.gba(stance, items);
            if (waiting != null) b.waiting(waiting);
            b.unknown(unknown.toArray(new BenefitTerm[0]));
            return b;
        }
    }

    /** A product as drawn. */
    static final class ProductSpec {
        String id;
        ProductKind kind;
        String premium;
        Integer minAge;
        Integer maxEntry;
        Integer renewal;
        boolean renewalUnknown;
        boolean maxEntryUnknown;
        PreExistingRule pre;
        String preRate;
        DeclaredRule declared;
        Integer waiting;
        boolean waitingUnknown;
        boolean directBilling;
        LocalDate ends;
        List<BenefitSpec> benefits = new ArrayList<>();

        ProductSpec copy() {
            ProductSpec o = new ProductSpec();
            o.id = id;
            o.kind = kind;
            o.premium = premium;
            o.minAge = minAge;
            o.maxEntry = maxEntry;
            o.renewal = renewal;
            o.renewalUnknown = renewalUnknown;
            o.maxEntryUnknown = maxEntryUnknown;
            o.pre = pre;
            o.preRate = preRate;
            o.declared = declared;
            o.waiting = waiting;
            o.waitingUnknown = waitingUnknown;
            o.directBilling = directBilling;
            o.ends = ends;
            for (BenefitSpec b : benefits) o.benefits.add(b.copy());
            return o;
        }

        Product build() {
            Fixtures.P p = Fixtures.product(id).kind(kind).flat(Currency.HKD, premium);
            List<EligibilityTerm> none = new ArrayList<>();
            if (minAge == null) none.add(EligibilityTerm.MIN_ENTRY_AGE);
            if (!maxEntryUnknown && maxEntry == null) none.add(EligibilityTerm.MAX_ENTRY_AGE);
            if (renewal == null && !renewalUnknown) none.add(EligibilityTerm.MAX_RENEWAL_AGE);
            if (waiting == null && !waitingUnknown) none.add(EligibilityTerm.WAITING_PERIOD);
            p.elig(new Eligibility(minAge, maxEntry, AgeBasis.LAST_BIRTHDAY, renewal, none, null, null, null, pre,
                    preRate == null ? null : new BigDecimal(preRate), declared, waiting, null, null));
            if (directBilling) p.directBilling("h1");
            if (ends != null) p.period(null, ends);
            for (BenefitSpec b : benefits) p.benefit(b.build());
            return p.build();
        }

        /**
         * True when another benefit of a need other than the 港澳藥械通 needs states cover for the items: an item line with no
         * benefit of its own is paid under the first benefit that does (pack order), so the generator keeps one such benefit
         * per product, as real terms name one benefit for these items.
         */
        boolean statesCoverElsewhere(BenefitSpec self) {
            for (BenefitSpec o : benefits) {
                if (o == self || o.need == Need.GBA_DRUG) continue;
                if (o.stance == StanceKind.COVERED || o.stance == StanceKind.LISTED) return true;
            }
            return false;
        }

        /** Everything this spec leaves unpublished, as (benefit index or -1 for the product, term name). */
        List<String[]> unknowns() {
            List<String[]> out = new ArrayList<>();
            if (renewalUnknown) out.add(new String[] {"-1", "renewal"});
            if (maxEntryUnknown) out.add(new String[] {"-1", "maxEntry"});
            if (pre == PreExistingRule.NOT_STATED) out.add(new String[] {"-1", "pre"});
            if (pre == PreExistingRule.REDUCED && preRate == null) out.add(new String[] {"-1", "preRate"});
            if (declared == DeclaredRule.NOT_STATED || declared == DeclaredRule.UNDERWRITTEN) out.add(new String[] {"-1", "declared"});
            if (ends != null) out.add(new String[] {"-1", "ends"});
            if (waitingUnknown) out.add(new String[] {"-1", "waiting"});
            for (int i = 0; i < benefits.size(); i++) {
                BenefitSpec b = benefits.get(i);
                for (BenefitTerm t : b.unknown) {
                    // a benefit that publishes no waiting period of its own takes the product's: unknown only if that is
                    if (t == BenefitTerm.WAITING_PERIOD && !waitingUnknown) continue;
                    // a benefit that publishes its annual cap and no per-event cap has none (insurers publish one they have)
                    if (t == BenefitTerm.PER_EVENT_LIMIT && !b.unknown.contains(BenefitTerm.ANNUAL_LIMIT)) continue;
                    out.add(new String[] {String.valueOf(i), t.name()});
                }
                if (b.network == NetworkRule.NOT_STATED) out.add(new String[] {String.valueOf(i), "network"});
                // a public scheme pays 港澳藥械通 items only where its terms say so (they are self-pay): not an unknown there
                if (b.stance == StanceKind.NOT_STATED && kind != ProductKind.PUBLIC_BASIC) out.add(new String[] {String.valueOf(i), "stance"});
            }
            return out;
        }

        /** Gives one unknown a published value drawn from {@code r} (or "none"). */
        void publish(String[] which, Random r) {
            int idx = Integer.parseInt(which[0]);
            String term = which[1];
            if (idx < 0) {
                switch (term) {
                    case "renewal": // the pack rule: renewal is never below the maximum entry age (none when entry has no maximum)
                        renewalUnknown = false;
                        renewal = maxEntry == null || r.nextBoolean() ? null : maxEntry + r.nextInt(6);
                        break;
                    case "maxEntry":
                        maxEntryUnknown = false;
                        maxEntry = r.nextBoolean() ? null : Math.max(minAge == null ? 0 : minAge, 66 + r.nextInt(10));
                        if (maxEntry != null && renewal != null && renewal < maxEntry) renewal = maxEntry;
                        if (maxEntry == null && !renewalUnknown) renewal = null;
                        break;
                    case "pre": pre = new PreExistingRule[] {PreExistingRule.EXCLUDED, PreExistingRule.COVERED, PreExistingRule.PHASED}[r.nextInt(3)]; break;
                    case "preRate": preRate = String.valueOf(r.nextInt(101)); break;
                    case "waiting": waitingUnknown = false; waiting = r.nextBoolean() ? null : r.nextInt(700); break;
                    case "declared": declared = r.nextBoolean() ? DeclaredRule.COVERED : DeclaredRule.EXCLUDED; break;
                    case "ends": ends = r.nextBoolean() ? null : START.plusDays(1200 + r.nextInt(300)); break; // an extension is announced
                    default: throw new IllegalStateException(term);
                }
                return;
            }
            BenefitSpec b = benefits.get(idx);
            switch (term) {
                case "network": b.network = r.nextBoolean() ? NetworkRule.ANY : NetworkRule.LISTED; return;
                case "stance":
                    b.stance = r.nextBoolean() && !statesCoverElsewhere(b) ? StanceKind.COVERED : StanceKind.EXCLUDED;
                    return;
                default: break;
            }
            BenefitTerm t = BenefitTerm.valueOf(term);
            b.unknown.remove(t);
            boolean none = r.nextInt(3) == 0;
            switch (t) {
                case ANNUAL_LIMIT: // an annual limit is never below the benefit's published per-event limit (a pack rule)
                    b.annual = none ? null : money(r, 80000);
                    if (b.annual != null && b.perEvent != null) {
                        b.annual = new Money(b.annual.amount(), b.perEvent.currency());
                        if (b.annual.compareTo(b.perEvent) < 0) b.annual = b.perEvent;
                    }
                    break;
                case PER_EVENT_LIMIT:
                    b.perEvent = none ? null : money(r, 40000);
                    if (b.perEvent != null && b.annual != null) {
                        b.perEvent = new Money(b.perEvent.amount(), b.annual.currency());
                        if (b.perEvent.compareTo(b.annual) > 0) b.perEvent = b.annual;
                    }
                    break;
                case DEDUCTIBLE: b.deductible = none ? null : money(r, 8000); break;
                case CO_INSURANCE: b.coIns = none ? null : BigDecimal.valueOf(r.nextInt(1001), 1).toPlainString(); break;
                case WAITING_PERIOD: b.waiting = none ? null : r.nextInt(700); break;
                default: throw new IllegalStateException(term);
            }
        }
    }

    record Case(List<ProductSpec> plan, ProductSpec extra, ClientProfile client, List<Scenario> episodes, List<ScenarioRun> runs, FxTable fx) {

        Catalog catalog(List<ProductSpec> specs) {
            List<Product> all = new ArrayList<>();
            for (ProductSpec s : specs) all.add(s.build());
            return Fixtures.catalog(all, episodes, hospital("h1", true), hospital("h2", false));
        }

        Adjudicator.EpisodeResult run(List<ProductSpec> specs, int i, Adjudicator.Ledgers ledgers) {
            Catalog catalog = catalog(specs);
            List<Product> products = new ArrayList<>();
            for (ProductSpec s : specs) products.add(catalog.product(s.id).orElseThrow());
            return new Adjudicator(catalog, new EligibilityChecker(START))
                    .run(client, products, episodes.get(i), runs.get(i), START, fx, Currency.HKD, ledgers);
        }
    }

    static Money money(Random r, int max) {
        Currency c = r.nextBoolean() ? Currency.HKD : Currency.CNY;
        return new Money(BigDecimal.valueOf(r.nextInt(max * 100 + 1), 2), c);
    }

    /** Draws a product; with {@code known} every term is published. */
    static ProductSpec product(Random r, int i, boolean known) {
        ProductSpec p = new ProductSpec();
        p.id = "p" + i;
        p.kind = new ProductKind[] {ProductKind.PUBLIC_BASIC, ProductKind.INCLUSIVE, ProductKind.COMMERCIAL_MEDICAL}[r.nextInt(3)];
        p.premium = String.valueOf(r.nextInt(5000));
        p.minAge = r.nextInt(5) == 0 ? 70 : null;
        p.maxEntryUnknown = !known && r.nextInt(6) == 0;
        p.maxEntry = !p.maxEntryUnknown && r.nextInt(3) == 0 ? Math.max(p.minAge == null ? 0 : p.minAge, 66 + r.nextInt(10)) : null;
        p.renewal = p.maxEntry != null && r.nextInt(2) == 0 ? p.maxEntry + r.nextInt(6) : null;
        p.renewalUnknown = !known && p.renewal == null && r.nextInt(4) == 0;
        PreExistingRule[] rules = known ? new PreExistingRule[] {PreExistingRule.EXCLUDED, PreExistingRule.COVERED, PreExistingRule.REDUCED,
                PreExistingRule.PHASED, PreExistingRule.COVERED_AFTER_WAITING} : PreExistingRule.values();
        p.pre = rules[r.nextInt(rules.length)];
        p.preRate = p.pre == PreExistingRule.REDUCED && (known || r.nextBoolean()) ? String.valueOf(r.nextInt(101)) : null;
        DeclaredRule[] declared = known ? new DeclaredRule[] {DeclaredRule.COVERED, DeclaredRule.EXCLUDED} : DeclaredRule.values();
        p.declared = declared[r.nextInt(declared.length)];
        p.waiting = r.nextInt(3) == 0 || p.pre == PreExistingRule.COVERED_AFTER_WAITING ? r.nextInt(400) : null;
        p.waitingUnknown = !known && p.waiting == null && r.nextInt(5) == 0;
        p.directBilling = r.nextBoolean();
        p.ends = !known && r.nextInt(6) == 0 ? START.plusDays(100 + r.nextInt(600)) : null;
        for (Need n : NEEDS) {
            if (r.nextInt(10) < 4) continue;
            BenefitSpec b = new BenefitSpec();
            b.need = n;
            switch (r.nextInt(4)) {
                case 0: b.regions = new Region[] {Region.SHENZHEN}; break;
                case 1: b.regions = new Region[] {Region.GBA_MAINLAND, Region.HONG_KONG}; break;
                case 2: b.regions = new Region[] {Region.HONG_KONG}; break;
                default: break;
            }
            int net = r.nextInt(known ? 5 : 6);
            b.network = net == 0 ? NetworkRule.LISTED : net == 1 ? NetworkRule.DIRECT_BILLING_ONLY : net == 2 ? NetworkRule.DESIGNATED_GBA
                    : net == 5 ? NetworkRule.NOT_STATED : NetworkRule.ANY;
            if (r.nextBoolean()) b.deductible = money(r, 8000);
            if (r.nextBoolean()) b.coIns = BigDecimal.valueOf(r.nextInt(201), 1).toPlainString();
            if (r.nextBoolean()) b.perEvent = money(r, 40000);
            if (r.nextBoolean()) b.annual = money(r, 80000);
            if (b.perEvent != null && b.annual != null) b.annual = new Money(b.annual.amount(), b.perEvent.currency());
            if (b.perEvent != null && b.annual != null && b.perEvent.currency() == b.annual.currency() && b.perEvent.compareTo(b.annual) > 0) {
                Money x = b.perEvent;
                b.perEvent = b.annual;
                b.annual = x;
            }
            StanceKind[] g = known ? new StanceKind[] {StanceKind.COVERED, StanceKind.LISTED, StanceKind.EXCLUDED} : StanceKind.values();
            b.stance = g[r.nextInt(g.length)];
            if (n != Need.GBA_DRUG && (b.stance == StanceKind.COVERED || b.stance == StanceKind.LISTED)) {
                for (BenefitSpec o : p.benefits) {
                    if (o.need != Need.GBA_DRUG && (o.stance == StanceKind.COVERED || o.stance == StanceKind.LISTED)) b.stance = StanceKind.EXCLUDED;
                }
            }
            b.items = b.stance == StanceKind.LISTED ? (r.nextBoolean() ? new String[] {"drug-a"} : new String[] {"drug-b"}) : new String[0];
            if (r.nextInt(4) == 0) b.waiting = r.nextInt(200);
            if (!known) {
                for (BenefitTerm t : TERMS) {
                    if (r.nextInt(4) != 0) continue;
                    // an unknown term has no published value
                    switch (t) {
                        case ANNUAL_LIMIT: b.annual = null; break;
                        case PER_EVENT_LIMIT: b.perEvent = null; break;
                        case DEDUCTIBLE: b.deductible = null; break;
                        case CO_INSURANCE: b.coIns = null; break;
                        default: b.waiting = null; break;
                    }
                    b.unknown.add(t);
                }
            }
            p.benefits.add(b);
        }
        return p;
    }

    static Case build(long seed, boolean sameYear, boolean known) {
        return build(seed, sameYear, known, false);
    }

    /** With {@code singleLine}, every episode has one cost line (no limit or deductible carried from line to line). */
    static Case build(long seed, boolean sameYear, boolean known, boolean singleLine) {
        Random r = new Random(seed);
        List<ProductSpec> all = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i <= n; i++) all.add(product(r, i, known));
        ProductSpec extra = all.remove(all.size() - 1);
        List<ProductSpec> plan = new ArrayList<>(all);
        java.util.Collections.shuffle(plan, r);
        int episodes = 1 + r.nextInt(3);
        List<Scenario> scenarios = new ArrayList<>();
        List<ScenarioRun> runs = new ArrayList<>();
        int year = r.nextInt(3);
        for (int e = 0; e < episodes; e++) {
            List<CostLine> lines = new ArrayList<>();
            int count = singleLine ? 1 : 1 + r.nextInt(6);
            for (int l = 0; l < count; l++) {
                Need need = NEEDS[r.nextInt(NEEDS.length)];
                String item = need == Need.GBA_DRUG || r.nextInt(6) == 0 ? (r.nextBoolean() ? "drug-a" : "drug-b") : null;
                Region region = r.nextInt(4) == 0 ? Region.HONG_KONG : Region.SHENZHEN;
                lines.add(new CostLine("l" + l, need, INSTITUTIONS[r.nextInt(INSTITUTIONS.length)], region, LocalizedText.en("line " + l),
                        money(r, 60000), item, false, null));
            }
            scenarios.add(episode("e" + e, lines.toArray(new CostLine[0])));
            int day = sameYear ? 365 * year + r.nextInt(365) : r.nextInt(1100);
            runs.add(new ScenarioRun("e" + e, day, r.nextInt(3) == 0));
        }
        BigDecimal rate = r.nextBoolean() ? new BigDecimal("1.25") : new BigDecimal("2");
        FxTable fx = new FxTable(List.of(new FxRate(Currency.CNY, Currency.HKD, rate, PartialDate.parse("2026-01"), "test", false)));
        ClientProfile client = client(66 + r.nextInt(4), needs(Need.INPATIENT, Priority.MUST_HAVE), null, 10,
                r.nextBoolean() ? new HealthCondition[] {HealthCondition.CANCER_HISTORY} : new HealthCondition[0]);
        return new Case(plan, extra, client, scenarios, runs, fx);
    }

    static void assertIdentities(Adjudicator.EpisodeResult e) {
        for (Adjudicator.LineResult l : e.lines()) {
            BigDecimal maxSide = l.outOfPocket().min().amount();
            BigDecimal minSide = l.outOfPocket().max().amount();
            for (Adjudicator.Payment p : l.payments()) {
                assertTrue(p.min().amount().signum() >= 0, "negative payment " + p);
                assertTrue(p.min().compareTo(p.max()) <= 0, "min above max " + p);
                assertEquals(l.cost().currency(), p.min().currency());
                maxSide = maxSide.add(p.max().amount());
                minSide = minSide.add(p.min().amount());
            }
            assertTrue(l.outOfPocket().min().amount().signum() >= 0, "negative out-of-pocket");
            assertEquals(0, maxSide.compareTo(l.cost().amount()), "Σ payments.max + outOfPocket.min must equal the cost");
            assertEquals(0, minSide.compareTo(l.cost().amount()), "Σ payments.min + outOfPocket.max must equal the cost");
            assertEquals(l.outOfPocket().isExact(), l.dependsOn().isEmpty(), "a range names what it hinges on, an exact line nothing");
        }
    }

    static String explain(Adjudicator.EpisodeResult before, Adjudicator.EpisodeResult after) {
        StringBuilder why = new StringBuilder();
        for (int l = 0; l < before.lines().size(); l++) {
            why.append("\n line ").append(l).append(' ').append(before.lines().get(l).line().need()).append(' ')
                    .append(before.lines().get(l).line().item()).append(' ').append(before.lines().get(l).line().institution())
                    .append(" range ").append(before.lines().get(l).outOfPocket()).append(" vs ").append(after.lines().get(l).outOfPocket());
            for (Adjudicator.Payment pb : before.lines().get(l).payments()) {
                why.append("\n   before ").append(pb.product()).append(' ').append(pb.range()).append(' ').append(pb.rule()).append('/').append(pb.bestRule());
            }
            for (Adjudicator.Payment pa : after.lines().get(l).payments()) {
                why.append("\n   after  ").append(pa.product()).append(' ').append(pa.range()).append(' ').append(pa.rule()).append('/').append(pa.bestRule());
            }
        }
        return why.toString();
    }

    static boolean inside(MoneyRange inner, MoneyRange outer) {
        return inner.min().compareTo(outer.min()) >= 0 && inner.max().compareTo(outer.max()) <= 0;
    }

    @Property(tries = 400)
    void everyLineHoldsBothIdentities(@ForAll long seed) {
        Case c = build(seed, false, false);
        for (int i = 0; i < c.episodes().size(); i++) assertIdentities(c.run(c.plan(), i, new Adjudicator.Ledgers()));
    }

    @Property(tries = 300)
    void withEveryTermPublishedTheRangeIsOneAmount(@ForAll long seed) {
        Case c = build(seed, false, true);
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult e = c.run(c.plan(), i, new Adjudicator.Ledgers());
            assertIdentities(e);
            for (Adjudicator.LineResult l : e.lines()) {
                assertTrue(l.outOfPocket().isExact(), "every term published, yet a range: " + l.outOfPocket() + " on " + l.line().id());
                for (Adjudicator.Payment p : l.payments()) assertTrue(p.isExact(), "payment range with every term published: " + p);
            }
        }
    }

    @Property(tries = 500)
    void publishingATermNeverWidensARange(@ForAll long seed) {
        Case c = build(seed, false, false, true);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        List<ProductSpec> after = new ArrayList<>();
        for (ProductSpec p : c.plan()) after.add(p.copy());
        List<int[]> choices = new ArrayList<>();
        for (int k = 0; k < after.size(); k++) for (int u = 0; u < after.get(k).unknowns().size(); u++) choices.add(new int[] {k, u});
        if (choices.isEmpty()) return;
        int[] pick = choices.get(r.nextInt(choices.size()));
        String[] term = after.get(pick[0]).unknowns().get(pick[1]);
        after.get(pick[0]).publish(term, r);
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult eb = c.run(c.plan(), i, new Adjudicator.Ledgers());
            Adjudicator.EpisodeResult ea = c.run(after, i, new Adjudicator.Ledgers());
            MoneyRange before = eb.totalOutOfPocket();
            MoneyRange now = ea.totalOutOfPocket();
            assertTrue(inside(now, before), "publishing " + after.get(pick[0]).id + "/" + String.join("/", term) + " widened " + before + " to " + now
                    + explain(eb, ea));
        }
    }

    @Property(tries = 500)
    void noReadingOfTheUnknownsBeatsTheRange(@ForAll long seed) {
        Case c = build(seed, false, false, true);
        Random r = new Random(seed * 31 + 7);
        List<ProductSpec> published = new ArrayList<>();
        for (ProductSpec p : c.plan()) {
            ProductSpec q = p.copy();
            for (int guard = 0; guard < 50 && !q.unknowns().isEmpty(); guard++) q.publish(q.unknowns().get(0), r);
            published.add(q);
        }
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult before = c.run(c.plan(), i, new Adjudicator.Ledgers());
            Adjudicator.EpisodeResult after = c.run(published, i, new Adjudicator.Ledgers());
            MoneyRange range = before.totalOutOfPocket();
            MoneyRange actual = after.totalOutOfPocket();
            assertTrue(actual.isExact(), "every term published");
            StringBuilder why = new StringBuilder();
            for (int l = 0; l < before.lines().size(); l++) {
                why.append("\n line ").append(l).append(' ').append(before.lines().get(l).line().need()).append(' ')
                        .append(before.lines().get(l).line().item()).append(" range ").append(before.lines().get(l).outOfPocket())
                        .append(" vs ").append(after.lines().get(l).outOfPocket());
                for (int k = 0; k < before.lines().get(l).payments().size(); k++) {
                    Adjudicator.Payment pb = before.lines().get(l).payments().get(k);
                    Adjudicator.Payment pa = after.lines().get(l).payments().get(k);
                    why.append("\n   ").append(pb.product()).append(' ').append(pb.range()).append(' ').append(pb.rule()).append('/')
                            .append(pb.bestRule()).append(" -> ").append(pa.range()).append(' ').append(pa.rule());
                }
            }
            assertTrue(inside(actual, range), "one reading of the unknowns gave " + actual + ", outside the range " + range + why);
        }
    }

    /**
     * A product added as the last layer can only pay what the others leave. (Added in front of a layer with a deductible,
     * it can make that deductible bite on a later line instead — deductibles here apply to what earlier layers leave,
     * as 惠民保's does to what basic insurance leaves; see ADR 0035.)
     */
    @Property(tries = 300)
    void addingAProductAsTheLastLayerNeverRaisesOutOfPocket(@ForAll long seed) {
        Case c = build(seed, false, false);
        c.extra().kind = ProductKind.COMMERCIAL_MEDICAL;
        List<ProductSpec> bigger = new ArrayList<>(c.plan());
        bigger.add(c.extra());
        List<ProductSpec> front = bigger;
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult eb = c.run(c.plan(), i, new Adjudicator.Ledgers());
            MoneyRange before = eb.totalOutOfPocket();
            for (List<ProductSpec> plan : List.of(bigger, front)) {
                Adjudicator.EpisodeResult ea = c.run(plan, i, new Adjudicator.Ledgers());
                MoneyRange after = ea.totalOutOfPocket();
                assertTrue(after.min().compareTo(before.min()) <= 0 && after.max().compareTo(before.max()) <= 0,
                        "adding " + c.extra().id + " raised out-of-pocket from " + before + " to " + after + explain(eb, ea));
            }
        }
    }

    @Property(tries = 300)
    void noPublishedLimitIsExceededAcrossAnEpisodeOrAYear(@ForAll long seed) {
        // with every term published there is one reading, so payments over the year can be summed against each limit
        Case c = build(seed, true, true);
        Adjudicator.Ledgers year = new Adjudicator.Ledgers();
        Map<String, BigDecimal> annual = new HashMap<>();
        Catalog catalog = c.catalog(c.plan());
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult e = c.run(c.plan(), i, year);
            Map<String, BigDecimal> perEvent = new HashMap<>();
            for (Adjudicator.LineResult l : e.lines()) {
                for (Adjudicator.Payment p : l.payments()) {
                    if (p.benefit() == null || p.max().isZero()) continue;
                    Product prod = catalog.product(p.product()).orElseThrow();
                    var b = prod.firstBenefit(p.benefit()).orElseThrow();
                    String key = p.product() + "#" + p.benefit();
                    if (b.perEventLimit() != null) {
                        BigDecimal inLimitCurrency = c.fx().convert(p.max(), b.perEventLimit().currency()).amount();
                        perEvent.merge(key, inLimitCurrency, BigDecimal::add);
                        assertTrue(perEvent.get(key).compareTo(b.perEventLimit().amount()) <= 0,
                                "per-event limit " + b.perEventLimit() + " exceeded: " + perEvent.get(key));
                    }
                    if (b.annualLimit() != null) {
                        BigDecimal inLimitCurrency = c.fx().convert(p.max(), b.annualLimit().currency()).amount();
                        annual.merge(key, inLimitCurrency, BigDecimal::add);
                        assertTrue(annual.get(key).compareTo(b.annualLimit().amount()) <= 0,
                                "annual limit " + b.annualLimit() + " exceeded: " + annual.get(key));
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void bothReadingsKeepEveryLedgerWithinItsLimit(@ForAll long seed) {
        Case c = build(seed, true, false);
        Adjudicator.Ledgers year = new Adjudicator.Ledgers();
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult e = c.run(c.plan(), i, year);
            assertIdentities(e);
        }
        for (Adjudicator.Ledger ledger : List.of(year.best(), year.worst())) {
            for (Adjudicator.Ledger.Entry entry : ledger.entries().values()) {
                assertTrue(entry.left().amount().signum() >= 0 && entry.used().compareTo(entry.limit()) <= 0, "ledger within its limit");
            }
        }
    }
}
