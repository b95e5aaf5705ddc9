package hk.baycover.planning;

import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.GbaItemCover;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.Scenario;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static hk.baycover.planning.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adjudicator's invariants over randomly built plans and episodes (deductibles, co-insurance, per-event and annual
 * limits in HKD or CNY, networks, 港澳藥械通 rules, waiting periods, pre-existing rules, renewal ages, several layers).
 * FX rates are drawn from exact reciprocal pairs (1.25/0.8, 2/0.5) so that the comparisons can be exact.
 */
class AdjudicationProperties {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final Need[] NEEDS = {Need.INPATIENT, Need.CANCER_TREATMENT, Need.GBA_DRUG, Need.SPECIALIST_OUTPATIENT};
    static final String[] INSTITUTIONS = {"h1", "h2", null};

    record Case(Catalog catalog, ClientProfile client, List<Product> plan, Product extra, List<Scenario> episodes, List<ScenarioRun> runs, FxTable fx) {
    }

    static Money money(Random r, int max) {
        Currency c = r.nextBoolean() ? Currency.HKD : Currency.CNY;
        BigDecimal amount = BigDecimal.valueOf(r.nextInt(max * 100 + 1), 2);
        return new Money(amount, c);
    }

    static Product product(Random r, int i) {
        Fixtures.P p = Fixtures.product("p" + i)
                .kind(new ProductKind[] {ProductKind.PUBLIC_BASIC, ProductKind.INCLUSIVE, ProductKind.COMMERCIAL_MEDICAL, ProductKind.VHIS}[r.nextInt(4)]);
        PreExistingRule[] rules = PreExistingRule.values();
        p.elig(r.nextInt(5) == 0 ? 70 : null, null, r.nextInt(4) == 0 ? 66 + r.nextInt(6) : null, rules[r.nextInt(rules.length)],
                r.nextBoolean() ? String.valueOf(r.nextInt(101)) : null, r.nextInt(3) == 0 ? r.nextInt(400) : null);
        if (r.nextBoolean()) p.directBilling("h1");
        for (Need n : NEEDS) {
            if (r.nextInt(10) < 4) continue;
            Fixtures.B b = benefit(n);
            switch (r.nextInt(4)) {
                case 0: b.regions(Region.SHENZHEN); break;
                case 1: b.regions(Region.GBA_MAINLAND, Region.HONG_KONG); break;
                case 2: b.regions(Region.HONG_KONG); break;
                default: break;
            }
            switch (r.nextInt(5)) {
                case 0: b.network(NetworkRule.LISTED, "h1"); break;
                case 1: b.network(NetworkRule.DIRECT_BILLING_ONLY); break;
                case 2: b.network(NetworkRule.DESIGNATED_GBA); break;
                default: break;
            }
            if (r.nextBoolean()) b.deductible(money(r, 8000));
            if (r.nextBoolean()) b.coIns(BigDecimal.valueOf(r.nextInt(201), 1).toPlainString());
            if (r.nextBoolean()) b.perEvent(money(r, 40000));
            if (r.nextBoolean()) b.annual(money(r, 80000));
            GbaItemCover[] g = GbaItemCover.values();
            GbaItemCover cover = g[r.nextInt(g.length)];
            b.gba(cover, cover == GbaItemCover.LISTED ? (r.nextBoolean() ? new String[] {"drug-a"} : new String[] {"drug-b"}) : new String[0]);
            if (r.nextInt(4) == 0) b.waiting(r.nextInt(200));
            p.benefit(b);
        }
        return p.build();
    }

    static Case build(long seed, boolean sameYear) {
        Random r = new Random(seed);
        List<Product> all = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i <= n; i++) all.add(product(r, i));
        Product extra = all.remove(all.size() - 1);
        List<Product> plan = new ArrayList<>(all);
        java.util.Collections.shuffle(plan, r);
        int episodes = 1 + r.nextInt(3);
        List<Scenario> scenarios = new ArrayList<>();
        List<ScenarioRun> runs = new ArrayList<>();
        int year = r.nextInt(3);
        for (int e = 0; e < episodes; e++) {
            List<CostLine> lines = new ArrayList<>();
            int count = 1 + r.nextInt(6);
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
        List<Product> catalogProducts = new ArrayList<>(plan);
        catalogProducts.add(extra);
        Catalog catalog = catalog(catalogProducts, scenarios, hospital("h1", true), hospital("h2", false));
        return new Case(catalog, client, plan, extra, scenarios, runs, fx);
    }

    static Adjudicator.EpisodeResult run(Case c, List<Product> plan, int i, Adjudicator.Ledger ledger) {
        return new Adjudicator(c.catalog(), new EligibilityChecker(START))
                .run(c.client(), plan, c.episodes().get(i), c.runs().get(i), START, c.fx(), Currency.HKD, ledger);
    }

    @Property(tries = 400)
    void noPaymentIsNegativeAndEveryLineAddsUpExactly(@ForAll long seed) {
        Case c = build(seed, false);
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult e = run(c, c.plan(), i, new Adjudicator.Ledger());
            for (Adjudicator.LineResult l : e.lines()) {
                BigDecimal sum = l.outOfPocket().amount();
                for (Adjudicator.Payment p : l.payments()) {
                    assertTrue(p.amount().amount().signum() >= 0, "negative payment " + p);
                    assertEquals(l.cost().currency(), p.amount().currency());
                    sum = sum.add(p.amount().amount());
                }
                assertTrue(l.outOfPocket().amount().signum() >= 0, "negative out-of-pocket");
                assertEquals(0, sum.compareTo(l.cost().amount()), "payments + out-of-pocket must equal the cost exactly");
                assertEquals(c.plan().size(), l.payments().size(), "one verdict per layer");
            }
        }
    }

    @Property(tries = 400)
    void addingAProductNeverRaisesOutOfPocket(@ForAll long seed) {
        Case c = build(seed, false);
        List<Product> bigger = new ArrayList<>(c.plan());
        bigger.add(c.extra());
        for (int i = 0; i < c.episodes().size(); i++) {
            BigDecimal before = run(c, c.plan(), i, new Adjudicator.Ledger()).totalOutOfPocket().amount();
            BigDecimal after = run(c, bigger, i, new Adjudicator.Ledger()).totalOutOfPocket().amount();
            assertTrue(after.compareTo(before) <= 0, "adding " + c.extra().id() + " raised out-of-pocket from " + before + " to " + after);
        }
        // also inserting the product at the front of its layer (the position inside a layer is the user's)
        List<Product> front = new ArrayList<>();
        front.add(c.extra());
        front.addAll(c.plan());
        for (int i = 0; i < c.episodes().size(); i++) {
            BigDecimal before = run(c, c.plan(), i, new Adjudicator.Ledger()).totalOutOfPocket().amount();
            BigDecimal after = run(c, front, i, new Adjudicator.Ledger()).totalOutOfPocket().amount();
            assertTrue(after.compareTo(before) <= 0, "adding " + c.extra().id() + " first raised out-of-pocket from " + before + " to " + after);
        }
    }

    @Property(tries = 400)
    void noLimitIsExceededAcrossAnEpisodeOrAYear(@ForAll long seed) {
        Case c = build(seed, true);
        Adjudicator.Ledger year = new Adjudicator.Ledger();
        Map<String, BigDecimal> annual = new HashMap<>();
        for (int i = 0; i < c.episodes().size(); i++) {
            Adjudicator.EpisodeResult e = run(c, c.plan(), i, year);
            Map<String, BigDecimal> perEvent = new HashMap<>();
            for (Adjudicator.LineResult l : e.lines()) {
                for (Adjudicator.Payment p : l.payments()) {
                    if (p.benefit() == null || p.amount().isZero()) continue;
                    Product prod = c.catalog().product(p.product()).orElseThrow();
                    var b = prod.firstBenefit(p.benefit()).orElseThrow();
                    String key = p.product() + "#" + p.benefit();
                    if (b.perEventLimit() != null) {
                        BigDecimal inLimitCurrency = c.fx().convert(p.amount(), b.perEventLimit().currency()).amount();
                        perEvent.merge(key, inLimitCurrency, BigDecimal::add);
                        assertTrue(perEvent.get(key).compareTo(b.perEventLimit().amount()) <= 0,
                                "per-event limit " + b.perEventLimit() + " exceeded: " + perEvent.get(key));
                    }
                    if (b.annualLimit() != null) {
                        BigDecimal inLimitCurrency = c.fx().convert(p.amount(), b.annualLimit().currency()).amount();
                        annual.merge(key, inLimitCurrency, BigDecimal::add);
                        assertTrue(annual.get(key).compareTo(b.annualLimit().amount()) <= 0,
                                "annual limit " + b.annualLimit() + " exceeded: " + annual.get(key));
                    }
                }
            }
        }
        for (Adjudicator.Ledger.Entry entry : year.entries().values()) {
            assertTrue(entry.left().amount().signum() >= 0 && entry.used().compareTo(entry.limit()) <= 0, "ledger within its limit");
        }
    }
}
