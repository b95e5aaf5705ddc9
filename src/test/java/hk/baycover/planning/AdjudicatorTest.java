package hk.baycover.planning;

import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.StanceKind;
import hk.baycover.model.HealthCondition;
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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static hk.baycover.planning.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked adjudication examples; every expected figure is computed by hand in the comments. */
class AdjudicatorTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final ClientProfile CLIENT = client(68, needs(Need.INPATIENT, Priority.MUST_HAVE), null, 10);

    static Adjudicator.EpisodeResult run(Catalog catalog, List<Product> plan, Scenario s, ScenarioRun run, FxTable fx, Adjudicator.Ledgers ledgers) {
        return new Adjudicator(catalog, new EligibilityChecker(START)).run(CLIENT, plan, s, run, START, fx, Currency.HKD, ledgers);
    }

    /** Both range identities on every line: Σ max + oop.min = cost and Σ min + oop.max = cost; 0 ≤ min ≤ max. */
    static void assertSums(Adjudicator.EpisodeResult e) {
        for (Adjudicator.LineResult l : e.lines()) {
            BigDecimal maxSide = l.outOfPocket().min().amount();
            BigDecimal minSide = l.outOfPocket().max().amount();
            for (Adjudicator.Payment p : l.payments()) {
                assertTrue(p.min().amount().signum() >= 0 && p.min().compareTo(p.max()) <= 0, "0 <= min <= max for " + p.product());
                maxSide = maxSide.add(p.max().amount());
                minSide = minSide.add(p.min().amount());
            }
            assertEquals(0, maxSide.compareTo(l.cost().amount()), "payments.max + out-of-pocket.min = cost for " + l.line().id());
            assertEquals(0, minSide.compareTo(l.cost().amount()), "payments.min + out-of-pocket.max = cost for " + l.line().id());
        }
    }

    static void assertMoney(String expected, Money actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.amount()), "expected " + expected + " but was " + actual);
    }

    /** A figure every term of which is published: the range is one amount. */
    static void assertMoney(String expected, MoneyRange actual) {
        assertTrue(actual.isExact(), "expected an exact amount but was the range " + actual);
        assertMoney(expected, actual.min());
    }

    static void assertMoney(String expected, Adjudicator.Payment actual) {
        assertMoney(expected, actual.range());
    }

    @Test
    void deductibleThenCoInsuranceThenLimits() {
        // HKD 10,000 annual deductible, client pays 20 %, per-event limit 50,000, annual limit 60,000
        Product p = product("medical").benefit(benefit(Need.INPATIENT).deductible(hkd("10000")).coIns("20")
                .perEvent(hkd("50000")).annual(hkd("60000"))).build();
        Catalog cat = catalog(List.of(p), List.of());
        Adjudicator.Ledgers ledger = new Adjudicator.Ledgers();
        Scenario first = episode("stay", line("a", Need.INPATIENT, null, Region.SHENZHEN, hkd("100000")),
                line("b", Need.INPATIENT, null, Region.SHENZHEN, hkd("20000")));
        Adjudicator.EpisodeResult e1 = run(cat, List.of(p), first, ScenarioRun.of("stay"), FxTable.defaults(), ledger);
        assertSums(e1);
        // line a: 100,000 - 10,000 deductible = 90,000; client 20 % = 18,000 -> 72,000; per-event cap 50,000
        Adjudicator.Payment a = e1.lines().get(0).payments().get(0);
        assertMoney("50000", a);
        assertEquals(AdjudicationRule.PER_EVENT_LIMIT, a.rule());
        assertMoney("50000", e1.lines().get(0).outOfPocket());
        // line b: deductible used up, 20,000 - 20 % = 16,000, but nothing left of the per-event limit
        Adjudicator.Payment b = e1.lines().get(1).payments().get(0);
        assertMoney("0", b);
        assertEquals(AdjudicationRule.PER_EVENT_LIMIT, b.rule());
        assertMoney("20000", e1.lines().get(1).outOfPocket());

        // a second episode in the same policy year: new per-event limit, but only 10,000 of the annual limit is left
        Scenario second = episode("again", line("c", Need.INPATIENT, null, Region.SHENZHEN, hkd("30000")));
        Adjudicator.EpisodeResult e2 = run(cat, List.of(p), second, new ScenarioRun("again", ScenarioRun.DEFAULT_EVENT_DAY + 30, false), FxTable.defaults(), ledger);
        assertSums(e2);
        // 30,000 - 20 % = 24,000 payable; annual limit left 60,000 - 50,000 = 10,000
        Adjudicator.Payment c = e2.lines().get(0).payments().get(0);
        assertMoney("10000", c);
        assertEquals(AdjudicationRule.ANNUAL_LIMIT, c.rule());
        assertMoney("20000", e2.lines().get(0).outOfPocket());
    }

    @Test
    void layersPayInOrderAndConvertAtTheStatedRate() {
        // public layer (CNY) pays 70 % of a CNY 10,000 line; the commercial HKD 1,000 deductible is CNY 900 at 1 HKD = 0.9 CNY;
        // the commercial plan then pays 90 % of what is left after the deductible.
        FxTable fx = new FxTable(List.of(new FxRate(Currency.HKD, Currency.CNY, new BigDecimal("0.9"), PartialDate.parse("2026-01"), "test", false)));
        Product pub = product("sz-basic").kind(ProductKind.PUBLIC_BASIC).free().benefit(benefit(Need.INPATIENT).coIns("30")).build();
        Product com = product("hk-plan").flat(Currency.HKD, "5000").benefit(benefit(Need.INPATIENT).deductible(hkd("1000")).coIns("10")).build();
        Catalog cat = catalog(List.of(com, pub), List.of());
        Scenario s = episode("ward", line("bill", Need.INPATIENT, null, Region.SHENZHEN, cny("10000")));
        // plan given commercial first: the adjudicator still pays the public layer first
        Adjudicator.EpisodeResult e = run(cat, List.of(com, pub), s, ScenarioRun.of("ward"), fx, new Adjudicator.Ledgers());
        assertSums(e);
        Adjudicator.LineResult l = e.lines().get(0);
        assertEquals("sz-basic", l.payments().get(0).product());
        assertMoney("7000", l.payments().get(0));          // 10,000 x 70 %
        assertEquals(AdjudicationRule.CO_INSURANCE, l.payments().get(0).rule());
        assertMoney("1890", l.payments().get(1));          // (3,000 - 900) x 90 %
        assertEquals(AdjudicationRule.CO_INSURANCE, l.payments().get(1).rule());
        assertMoney("1110", l.outOfPocket());                       // 900 deductible + 210 co-insurance
        assertEquals(Currency.CNY, l.payments().get(1).min().currency());
        assertTrue(l.payments().get(1).steps().stream().anyMatch(r -> r.key().equals("adj.step.fx") && r.args().contains("0.9")),
                "the rate used is stated");
    }

    @Test
    void networkRestriction() {
        Product listed = product("listed").benefit(benefit(Need.INPATIENT).network(NetworkRule.LISTED, "hku-szh")).build();
        Product direct = product("direct").benefit(benefit(Need.INPATIENT).network(NetworkRule.DIRECT_BILLING_ONLY)).directBilling("hku-szh").build();
        Catalog cat = catalog(List.of(listed, direct), List.of(), hospital("hku-szh", true), hospital("other", false));
        Scenario elsewhere = episode("x", line("bill", Need.INPATIENT, "other", Region.SHENZHEN, cny("8000")));
        Adjudicator.EpisodeResult out = run(cat, List.of(listed, direct), elsewhere, ScenarioRun.of("x"), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(out);
        assertEquals(AdjudicationRule.NOT_IN_NETWORK, out.lines().get(0).payments().get(0).rule());
        assertEquals(AdjudicationRule.NOT_IN_NETWORK, out.lines().get(0).payments().get(1).rule());
        assertMoney("8000", out.lines().get(0).outOfPocket());

        Scenario inNetwork = episode("y", line("bill", Need.INPATIENT, "hku-szh", Region.SHENZHEN, cny("8000")));
        Adjudicator.EpisodeResult in = run(cat, List.of(listed, direct), inNetwork, ScenarioRun.of("y"), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(in);
        assertMoney("8000", in.lines().get(0).payments().get(0));
        assertEquals(AdjudicationRule.PAID_IN_FULL, in.lines().get(0).payments().get(0).rule());
        assertEquals(AdjudicationRule.NOTHING_LEFT, in.lines().get(0).payments().get(1).rule());
        assertMoney("0", in.lines().get(0).outOfPocket());

        Scenario noInstitution = episode("z", line("bill", Need.INPATIENT, null, Region.SHENZHEN, cny("100")));
        assertEquals(AdjudicationRule.NO_INSTITUTION, run(cat, List.of(listed), noInstitution, ScenarioRun.of("z"), FxTable.defaults(),
                new Adjudicator.Ledgers()).lines().get(0).payments().get(0).rule());
    }

    @Test
    void waitingPeriod() {
        Product p = product("new").benefit(benefit(Need.CANCER_TREATMENT).waiting(90)).build();
        Catalog cat = catalog(List.of(p), List.of());
        Scenario s = episode("onc", line("chemo", Need.CANCER_TREATMENT, null, Region.SHENZHEN, cny("12000")));
        Adjudicator.EpisodeResult early = run(cat, List.of(p), s, new ScenarioRun("onc", 30, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(early);
        assertEquals(AdjudicationRule.WAITING_PERIOD, early.lines().get(0).payments().get(0).rule());
        assertMoney("12000", early.lines().get(0).outOfPocket());
        Adjudicator.EpisodeResult later = run(cat, List.of(p), s, new ScenarioRun("onc", 90, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertMoney("12000", later.lines().get(0).payments().get(0));
    }

    @Test
    void preExistingConditions() {
        // the condition was unknown when the client joined (none declared): the rule for unknown pre-existing conditions applies
        ClientProfile withCancer = client(68, needs(Need.CANCER_TREATMENT, Priority.MUST_HAVE), null, 10);
        Product excluded = product("ex").elig(null, null, null, PreExistingRule.EXCLUDED, null, null)
                .benefit(benefit(Need.CANCER_TREATMENT)).build();
        Product reduced = product("red").elig(null, null, null, PreExistingRule.REDUCED, "50", null)
                .benefit(benefit(Need.CANCER_TREATMENT)).build();
        Product phased = product("vhis").elig(null, null, null, PreExistingRule.PHASED, null, null)
                .benefit(benefit(Need.CANCER_TREATMENT)).build();
        Catalog cat = catalog(List.of(excluded, reduced, phased), List.of());
        Scenario s = episode("onc", line("chemo", Need.CANCER_TREATMENT, null, Region.SHENZHEN, cny("10000")));
        Adjudicator adj = new Adjudicator(cat, new EligibilityChecker(START));

        Adjudicator.EpisodeResult ex = adj.run(withCancer, List.of(excluded), s, new ScenarioRun("onc", 400, true), START, FxTable.defaults(), Currency.HKD);
        assertEquals(AdjudicationRule.PRE_EXISTING_EXCLUDED, ex.lines().get(0).payments().get(0).rule());
        assertMoney("10000", ex.lines().get(0).outOfPocket());
        // the same episode not arising from the condition is paid
        Adjudicator.EpisodeResult fresh = adj.run(withCancer, List.of(excluded), s, new ScenarioRun("onc", 400, false), START, FxTable.defaults(), Currency.HKD);
        assertMoney("10000", fresh.lines().get(0).payments().get(0));

        // 50 % of 10,000
        Adjudicator.EpisodeResult red = adj.run(withCancer, List.of(reduced), s, new ScenarioRun("onc", 400, true), START, FxTable.defaults(), Currency.HKD);
        assertMoney("5000", red.lines().get(0).payments().get(0));
        assertEquals(AdjudicationRule.PRE_EXISTING_REDUCED, red.lines().get(0).payments().get(0).rule());

        // VHIS phase-in: day 400 is policy year 2 -> 25 %; day 0 is year 1 -> nothing
        Adjudicator.EpisodeResult y2 = adj.run(withCancer, List.of(phased), s, new ScenarioRun("onc", 400, true), START, FxTable.defaults(), Currency.HKD);
        assertMoney("2500", y2.lines().get(0).payments().get(0));
        Adjudicator.EpisodeResult y1 = adj.run(withCancer, List.of(phased), s, new ScenarioRun("onc", 0, true), START, FxTable.defaults(), Currency.HKD);
        assertMoney("0", y1.lines().get(0).payments().get(0));
        assertEquals(AdjudicationRule.PRE_EXISTING_PHASED, y1.lines().get(0).payments().get(0).rule());
        assertSums(y1);
    }

    @Test
    void publicLayerRefusesAGbaDrugThatACommercialPlanPaysOnlyWhenListed() {
        Product pub = product("sz-basic").kind(ProductKind.PUBLIC_BASIC).free().benefit(benefit(Need.SPECIALIST_OUTPATIENT).coIns("30")).build();
        Product listsIt = product("gba-plan").benefit(benefit(Need.GBA_DRUG).gba(StanceKind.LISTED, "lorlatinib").coIns("20")).build();
        Product listsOther = product("other-plan").benefit(benefit(Need.GBA_DRUG).gba(StanceKind.LISTED, "osimertinib")).build();
        Catalog cat = catalog(List.of(pub, listsIt, listsOther), List.of(), hospital("hku-szh", true));
        Scenario s = episode("lung", itemLine("month-1", "hku-szh", hkd("55000"), "lorlatinib"));

        Adjudicator.EpisodeResult e = run(cat, List.of(pub, listsOther, listsIt), s, ScenarioRun.of("lung"), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(e);
        Adjudicator.LineResult l = e.lines().get(0);
        assertEquals(AdjudicationRule.GBA_PUBLIC_LAYER, l.payments().get(0).rule());
        assertMoney("0", l.payments().get(0));
        assertEquals(AdjudicationRule.GBA_ITEM_NOT_LISTED, l.payments().get(1).rule());
        // 55,000 less the client's 20 % = 44,000
        assertMoney("44000", l.payments().get(2));
        assertMoney("11000", l.outOfPocket());
    }

    @Test
    void ineligibleAndEndedCoverPayNothing() {
        Product tooOld = product("young-only").elig(18, 60, 65, null, null, null).benefit(benefit(Need.INPATIENT)).build();
        Product ends = product("to-69").elig(null, null, 69, null, null, null).benefit(benefit(Need.INPATIENT)).build();
        Catalog cat = catalog(List.of(tooOld, ends), List.of());
        Scenario s = episode("stay", line("bill", Need.INPATIENT, null, Region.SHENZHEN, hkd("1000")));
        Adjudicator.EpisodeResult e = run(cat, List.of(tooOld, ends), s, new ScenarioRun("stay", 365 * 3, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertEquals(AdjudicationRule.NOT_ELIGIBLE, e.lines().get(0).payments().get(0).rule());
        // 68 at the start, 71 three years later: past renewal age 69
        assertEquals(AdjudicationRule.COVER_ENDED, e.lines().get(0).payments().get(1).rule());
        assertMoney("1000", e.lines().get(0).outOfPocket());
    }

    @Test
    void anUnpublishedLimitIsARangeThatSaysWhatItHingesOn() {
        // the terms publish no limit: at best the whole RMB 12,200 stay, at worst nothing beyond what is published (nothing)
        Product p = product("quiet").benefit(benefit(Need.INPATIENT).unknown(hk.baycover.model.BenefitTerm.ANNUAL_LIMIT,
                hk.baycover.model.BenefitTerm.PER_EVENT_LIMIT)).build();
        Catalog cat = catalog(List.of(p), List.of());
        Scenario s = episode("stay", line("bill", Need.INPATIENT, null, Region.SHENZHEN, cny("12200")));
        Adjudicator.EpisodeResult e = run(cat, List.of(p), s, ScenarioRun.of("stay"), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(e);
        Adjudicator.LineResult l = e.lines().get(0);
        assertMoney("0", l.outOfPocket().min());
        assertMoney("12200", l.outOfPocket().max());
        assertEquals(AdjudicationRule.LIMIT_NOT_PUBLISHED, l.payments().get(0).rule());
        assertEquals(AdjudicationRule.PAID_IN_FULL, l.payments().get(0).bestRule());
        assertEquals(List.of("limit"), l.dependsOn().stream().map(Adjudicator.Dependency::term).toList());
        assertEquals("quiet", l.dependsOn().get(0).product());

        // an unpublished deductible and co-insurance likewise; a published per-event limit caps the best case
        Product q = product("half").benefit(benefit(Need.INPATIENT).perEvent(cny("5000")).unknown(hk.baycover.model.BenefitTerm.DEDUCTIBLE,
                hk.baycover.model.BenefitTerm.CO_INSURANCE, hk.baycover.model.BenefitTerm.ANNUAL_LIMIT)).build();
        Adjudicator.EpisodeResult f = run(catalog(List.of(q), List.of()), List.of(q), s, ScenarioRun.of("stay"), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(f);
        assertMoney("7200", f.lines().get(0).outOfPocket().min());
        assertMoney("12200", f.lines().get(0).outOfPocket().max());
        assertTrue(f.lines().get(0).dependsOn().stream().map(Adjudicator.Dependency::term).toList().containsAll(List.of("deductible", "coInsurance")));
    }

    @Test
    void aFixedVisitFeeThenOneCapSharedByVisitsAndDrugsPerFinancialYear() {
        // the HA pilot's shape: the patient pays RMB 100 a visit, the scheme the rest, RMB 2,000 a year (April to March)
        Money fee = cny("100");
        Product pilot = product("pilot").kind(ProductKind.PUBLIC_SCHEME).free()
                .benefit(benefit(Need.SPECIALIST_OUTPATIENT).copay(fee).annual(cny("2000"))
                        .limitYear(hk.baycover.model.LimitYear.FINANCIAL_YEAR, "subsidy"))
                .benefit(benefit(Need.CHRONIC_MEDICATION).annual(cny("2000")).limitYear(hk.baycover.model.LimitYear.FINANCIAL_YEAR, "subsidy"))
                .build();
        Catalog cat = catalog(List.of(pilot), List.of());
        Scenario s = episode("visits", line("v1", Need.SPECIALIST_OUTPATIENT, null, Region.SHENZHEN, cny("500")),
                line("d1", Need.CHRONIC_MEDICATION, null, Region.SHENZHEN, cny("1200")),
                line("v2", Need.SPECIALIST_OUTPATIENT, null, Region.SHENZHEN, cny("500")),
                line("d2", Need.CHRONIC_MEDICATION, null, Region.SHENZHEN, cny("1200")));
        Adjudicator.EpisodeResult e = run(cat, List.of(pilot), s, new ScenarioRun("visits", 10, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(e);
        assertMoney("400", e.lines().get(0).payments().get(0));   // 500 - 100 fee
        assertEquals(AdjudicationRule.COPAYMENT, e.lines().get(0).payments().get(0).rule());
        assertMoney("1200", e.lines().get(1).payments().get(0));  // 1,600 of the cap used
        assertMoney("400", e.lines().get(2).payments().get(0));   // 2,000 used
        assertMoney("0", e.lines().get(3).payments().get(0));     // the shared cap is spent
        assertEquals(AdjudicationRule.ANNUAL_LIMIT, e.lines().get(3).payments().get(0).rule());
    }

    @Test
    void effectiveDatedValuesAndCashAllowances() {
        // an allowance raised on 2026-02-01: a cash benefit, listed with the episode, never set against a cost line
        Product oaa = product("oaa").kind(ProductKind.CASH_ALLOWANCE).free()
                .benefit(benefit(Need.LONG_TERM_CARE).cash(hkd("1640"), hk.baycover.model.CashPer.MONTH)
                        .changes(new hk.baycover.model.BenefitChange(LocalDate.of(2026, 2, 1), null, null, null, null, hkd("1675"), null, null)))
                .build();
        Catalog cat = catalog(List.of(oaa), List.of());
        Scenario s = episode("care", line("home", Need.LONG_TERM_CARE, null, Region.SHENZHEN, cny("7500")));
        Adjudicator.EpisodeResult e = run(cat, List.of(oaa), s, new ScenarioRun("care", 60, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertEquals(AdjudicationRule.CASH_BENEFIT, e.lines().get(0).payments().get(0).rule());
        assertMoney("7500", e.lines().get(0).outOfPocket());
        assertEquals(1, e.cash().size());
        assertMoney("1675", e.cash().get(0).amount());           // the episode is on 2026-03-02: the new rate
        Adjudicator.EpisodeResult before = new Adjudicator(cat, new EligibilityChecker(LocalDate.of(2025, 6, 1)))
                .run(CLIENT, List.of(oaa), s, new ScenarioRun("care", 30, false), LocalDate.of(2025, 6, 1), FxTable.defaults(), Currency.HKD);
        assertMoney("1640", before.cash().get(0).amount());
    }

    @Test
    void aSchemeWithAnAnnouncedEndPaysNothingAfterItInTheWorstCase() {
        Product pilot = product("pilot").kind(ProductKind.PUBLIC_SCHEME).free().period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30))
                .benefit(benefit(Need.SPECIALIST_OUTPATIENT)).build();
        Catalog cat = catalog(List.of(pilot), List.of());
        Scenario s = episode("visit", line("v", Need.SPECIALIST_OUTPATIENT, null, Region.SHENZHEN, cny("500")));
        Adjudicator.EpisodeResult during = run(cat, List.of(pilot), s, new ScenarioRun("visit", 100, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertMoney("500", during.lines().get(0).payments().get(0));
        Adjudicator.EpisodeResult after = run(cat, List.of(pilot), s, new ScenarioRun("visit", 600, false), FxTable.defaults(), new Adjudicator.Ledgers());
        assertSums(after);
        assertMoney("0", after.lines().get(0).payments().get(0).min());
        assertMoney("500", after.lines().get(0).payments().get(0).max());
        assertEquals(AdjudicationRule.SCHEME_ENDED, after.lines().get(0).payments().get(0).rule());
        assertEquals("period", after.lines().get(0).dependsOn().get(0).term());
    }
}
