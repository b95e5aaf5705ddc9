package hk.baycover.planning;

import hk.baycover.app.BayCover;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.EligibilityStatus;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.InsurerQuote;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Money;
import hk.baycover.model.MoneyRange;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Scenario;
import hk.baycover.model.Sex;
import hk.baycover.model.StanceKind;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.TermState;
import hk.baycover.trust.DataDirLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The honest engine on the real shipped packs (a real data folder, seeded from {@code data/packs}): every rule the issue
 * found wrong, and what an unknown may never do. Today is 2026-12-05 unless a test says otherwise.
 */
class HonestEngineShippedTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @TempDir
    static Path dir;
    static BayCover app;
    static Catalog catalog;

    @BeforeAll
    static void open() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Hong_Kong")).toInstant(), ZoneId.of("Asia/Hong_Kong"));
        app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, clock);
        catalog = app.catalog();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    static ClientProfile client(int age, LivingPlace lives, SzInsurance sz, boolean cssa, boolean haPatient, List<String> existing,
                                List<HealthCondition> conditions, Map<Need, Priority> needs) {
        return new ClientProfile(null, null, null, null, age, Sex.F, false, ResidencyStatus.HK_PERMANENT_RESIDENT, lives, null, sz, null,
                cssa, false, haPatient, lives != LivingPlace.HONG_KONG, existing, null, conditions, null, null, needs, null, 10, null);
    }

    static Map<Need, Priority> needs(Need... must) {
        Map<Need, Priority> m = new EnumMap<>(Need.class);
        for (Need n : must) m.put(n, Priority.MUST_HAVE);
        return m;
    }

    @Test
    void anEightySixYearOldIsEligibleForNothingWhoseEntryAgeIsUnpublished() {
        ClientProfile old = client(86, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        Planner planner = new Planner(catalog, TODAY);
        int unconfirmed = 0;
        for (EligibilityResult e : planner.eligibility(old, TODAY)) {
            Product p = catalog.product(e.productId()).orElseThrow();
            ProductTerms terms = ProductTerms.of(p, old);
            if (e.status() == EligibilityStatus.ELIGIBLE) {
                assertTrue(terms.maxEntryAge().isFirm() && terms.minEntryAge().isFirm(),
                        p.id() + " is eligible at 86 though its entry ages are not published");
            }
            if (e.status() == EligibilityStatus.UNCONFIRMED) {
                unconfirmed++;
                assertFalse(e.eligible());
                assertTrue(e.unconfirmed().stream().anyMatch(r -> r.key().startsWith("elig.confirm.")), e.toString());
            }
            if (p.kind() == hk.baycover.model.ProductKind.VHIS && terms.maxEntryAge().firm().flatMap(b -> b.amount()).isPresent()) {
                assertEquals(EligibilityStatus.NOT_ELIGIBLE, e.status(), p.id() + ": VHIS plans publish a maximum entry age");
            }
        }
        assertTrue(unconfirmed > 0, "the products with unpublished entry ages are named as to be confirmed");
    }

    @Test
    void theHaPilotEndedAndPaysNothingAfterItsEnd() {
        Product pilot = catalog.product("ha-gba-pilot-hkuszh").orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 31), pilot.period().to());
        ClientProfile patient = client(72, LivingPlace.SHENZHEN, SzInsurance.NONE, false, true, List.of(), List.of(), needs(Need.SPECIALIST_OUTPATIENT));
        // today (2026-12-05) the pilot has ended: nobody may join it, and it pays nothing in any reading
        EligibilityResult now = new EligibilityChecker(TODAY, catalog).check(pilot, patient);
        assertEquals(EligibilityStatus.NOT_ELIGIBLE, now.status());
        assertEquals("elig.ended", now.blocking().get(0).key());
        Scenario chronic = catalog.scenario("chronic-care-year-hku-szh").orElseThrow();
        Adjudicator.EpisodeResult e = new Adjudicator(catalog, new EligibilityChecker(TODAY, catalog))
                .run(patient, List.of(pilot), chronic, ScenarioRun.of(chronic.id()), TODAY, hk.baycover.model.FxTable.defaults(), Currency.HKD);
        for (Adjudicator.LineResult l : e.lines()) assertTrue(l.payments().get(0).max().isZero(), "an ended scheme pays nothing");

        // planned in 2025, with the episode after the published end: at worst nothing, and the line says on what it depends
        LocalDate then = LocalDate.of(2025, 6, 1);
        Adjudicator.EpisodeResult later = new Adjudicator(catalog, new EligibilityChecker(then, catalog))
                .run(patient, List.of(pilot), chronic, new ScenarioRun(chronic.id(), 365, false), then, hk.baycover.model.FxTable.defaults(), Currency.HKD);
        Adjudicator.LineResult drug = later.lines().stream().filter(l -> l.line().need() == Need.CHRONIC_MEDICATION).findFirst().orElseThrow();
        assertTrue(drug.payments().get(0).min().isZero(), "worst case after the end date: nothing");
        assertTrue(drug.payments().get(0).max().isPositive(), "best case: an extension");
        assertTrue(drug.dependsOn().stream().anyMatch(d -> d.term().equals("period") && d.text().args().contains("2026-03-31")), drug.dependsOn().toString());
    }

    @Test
    void theHaPilotChargesTheVisitFeeAndPaysTheRestUpToItsCap() {
        Product pilot = catalog.product("ha-gba-pilot-hkuszh").orElseThrow();
        ClientProfile patient = client(72, LivingPlace.SHENZHEN, SzInsurance.NONE, false, true, List.of(), List.of(), needs(Need.SPECIALIST_OUTPATIENT));
        LocalDate then = LocalDate.of(2025, 6, 1);
        Scenario chronic = catalog.scenario("chronic-care-year-hku-szh").orElseThrow();
        Adjudicator.EpisodeResult e = new Adjudicator(catalog, new EligibilityChecker(then, catalog))
                .run(patient, List.of(pilot), chronic, new ScenarioRun(chronic.id(), 30, false), then, hk.baycover.model.FxTable.defaults(), Currency.HKD);
        Money paidOnVisits = Money.zero(Currency.CNY);
        Money paidOnDrugs = Money.zero(Currency.CNY);
        for (Adjudicator.LineResult l : e.lines()) {
            Adjudicator.Payment p = l.payments().get(0);
            assertTrue(p.isExact(), "every term of the pilot is published: " + l.line().id() + " " + p);
            if (l.line().need() == Need.SPECIALIST_OUTPATIENT) {
                // the patient pays the fixed RMB 100 fee of each visit
                assertTrue(l.outOfPocket().min().compareTo(Money.of("100", Currency.CNY).min(l.cost())) >= 0, l.toString());
                paidOnVisits = paidOnVisits.plus(p.min());
            } else {
                paidOnDrugs = paidOnDrugs.plus(p.min());
            }
        }
        assertTrue(paidOnDrugs.isPositive(), "the scheme pays the drugs prescribed at the visits");
        // one RMB 2,000 cap over visits and drugs, per scheme year (April to March)
        assertEquals(0, paidOnVisits.plus(paidOnDrugs).compareTo(Money.of("2000", Currency.CNY).min(paidOnVisits.plus(paidOnDrugs))));
        assertTrue(paidOnVisits.plus(paidOnDrugs).compareTo(Money.of("2000", Currency.CNY)) <= 0);
    }

    @Test
    void cashAllowancesAreNotCareAndOaaAndOalaAreAlternativesClosedToCssaRecipients() {
        Product oaa = catalog.product("gd-scheme-oaa").orElseThrow();
        Product oala = catalog.product("gd-scheme-oala").orElseThrow();
        CoverageEvaluator cover = new CoverageEvaluator(TODAY);
        Coverage c = cover.coverage(oaa, Need.LONG_TERM_CARE, Region.GBA_MAINLAND);
        assertEquals(CoverageLevel.CASH, c.level(), "an allowance is a fixed amount, not long-term care");
        assertFalse(CoverageEvaluator.paysCare(c.level()));

        ClientProfile cssa = client(75, LivingPlace.SHENZHEN, SzInsurance.NONE, true, false, List.of(), List.of(), needs(Need.LONG_TERM_CARE));
        EligibilityChecker checker = new EligibilityChecker(TODAY, catalog);
        assertEquals("elig.excludes.CSSA_RECIPIENT", checker.check(oaa, cssa).blocking().get(0).key());
        assertEquals("elig.excludes.CSSA_RECIPIENT", checker.check(oala, cssa).blocking().get(0).key());

        ClientProfile onOala = client(75, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of("gd-scheme-oala"), List.of(), needs(Need.LONG_TERM_CARE));
        EligibilityResult r = checker.check(oaa, onOala);
        assertEquals(EligibilityStatus.NOT_ELIGIBLE, r.status());
        assertEquals("elig.alternativeHeld", r.blocking().get(0).key());

        // a plan holding both is told they are alternatives; and long-term care is a gap, with the allowance named as cash only
        ClientProfile elder = client(75, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of(), List.of(), needs(Need.LONG_TERM_CARE));
        Planner planner = new Planner(catalog, TODAY);
        PlanReport report = planner.analyse(elder, Plan.of(List.of("gd-scheme-oaa", "gd-scheme-oala"), TODAY, Currency.HKD));
        assertTrue(report.gaps().stream().anyMatch(g -> g.reason().key().equals("gap.alternatives")), report.gaps().toString());
        assertTrue(report.gaps().stream().anyMatch(g -> g.need() == Need.LONG_TERM_CARE && g.reason().key().equals("gap.cashOnly")), report.gaps().toString());
        Recommendation rec = planner.recommend(elder, planner.newPlan(elder, List.of()), null, ProgressMonitor.NONE);
        assertFalse(rec.productIds().containsAll(List.of("gd-scheme-oaa", "gd-scheme-oala")), "never both alternatives");
    }

    @Test
    void aDeclaredConditionIsUnderwrittenOrExcludedNotPhasedIn() {
        ClientProfile declared = client(60, LivingPlace.HONG_KONG, SzInsurance.NONE, false, false, List.of(), List.of(HealthCondition.HYPERTENSION),
                needs(Need.INPATIENT));
        EligibilityChecker checker = new EligibilityChecker(TODAY, catalog);
        for (Product p : catalog.products()) {
            if (p.eligibility().preExisting() != hk.baycover.model.PreExistingRule.PHASED) continue;
            EligibilityResult r = checker.check(p, declared);
            assertTrue(r.reasons().stream().noneMatch(x -> x.key().equals("elig.preExisting.PHASED")),
                    p.id() + ": a declared condition is not 'phased in'");
            assertTrue(r.reasons().stream().anyMatch(x -> x.key().startsWith("elig.declared.")), p.id() + ": says what happens to the declared condition");
        }
    }

    @Test
    void shenzhenInsuranceTheClientHasIsAPublicLayerNotAProductToBuy() {
        ClientProfile employee = client(55, LivingPlace.SHENZHEN, SzInsurance.EMPLOYEE, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        Planner planner = new Planner(catalog, TODAY);
        PlanReport r = planner.analyse(employee, Plan.of(List.of(), TODAY, Currency.HKD));
        assertTrue(r.enrolled().contains("sz-basic-medical"));
        assertTrue(r.layered().stream().anyMatch(p -> p.id().equals("sz-basic-medical")), "in the plan as its public layer");
        assertEquals(TermState.PUBLISHED, r.projection().stateOf("sz-basic-medical"));
        assertFalse(r.projection().toBeQuoted().contains("sz-basic-medical"), "its contributions are a fact of the profile, not to be quoted");
        assertEquals(EligibilityStatus.ELIGIBLE, r.eligibilityOf("sz-basic-medical").status());
    }

    @Test
    void aGovernmentSchemeIsNeverSentToAnInsurerAndTheVoucherPaysFromTheFirstDollar() {
        ClientProfile north = client(72, LivingPlace.SHENZHEN, SzInsurance.NONE, false, true, List.of(), List.of(),
                needs(Need.INPATIENT, Need.SPECIALIST_OUTPATIENT));
        CoverageEvaluator cover = new CoverageEvaluator(TODAY);
        for (Product p : catalog.products()) {
            if (p.kind().layer() != hk.baycover.model.Layer.PUBLIC) continue;
            for (Need n : List.of(Need.INPATIENT, Need.SPECIALIST_OUTPATIENT, Need.LONG_TERM_CARE)) {
                for (Reason r : cover.coverage(p, n, hk.baycover.model.Region.SHENZHEN, north, TODAY).rules()) {
                    if (r.unconfirmed() && r.key().startsWith("cover.confirm.")) {
                        assertTrue(r.key().endsWith(".scheme"), p.id() + ": a public scheme's unknown term is confirmed with the scheme: " + r.key());
                        assertFalse(hk.baycover.i18n.I18n.reason(Lang.ZH_HK, r).contains("保險公司"), r.key());
                    }
                }
            }
        }
        // the voucher is money in the elder's account: no deductible, no share, up to HKD 2,000 a year
        Coverage voucher = cover.coverage(catalog.product("hk-elderly-voucher-gba").orElseThrow(), Need.SPECIALIST_OUTPATIENT,
                hk.baycover.model.Region.SHENZHEN, north, TODAY);
        assertTrue(voucher.rules().stream().noneMatch(r -> r.key().startsWith("cover.confirm.deductible") || r.key().startsWith("cover.confirm.coInsurance")),
                voucher.rules().toString());
    }

    @Test
    void pastThePublishedEntryAgeWithNoRenewalAgeTheCoverMayEndAndSaysSo() {
        ClientProfile client = client(72, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        Product travel = catalog.product("bocg-gba-travel").orElseThrow();
        PremiumCalculator premiums = new PremiumCalculator();
        PremiumCalculator.Quote at75 = premiums.quote(travel, client, TODAY.plusYears(3), TODAY, null);
        assertEquals("premium.notPublished", at75.reason().key());
        PremiumCalculator.Quote at81 = premiums.quote(travel, client, TODAY.plusYears(9), TODAY, null);
        assertEquals(81, at81.age());
        assertTrue(at81.toBeQuoted(), "never zero");
        assertEquals("premium.renewalUnconfirmed", at81.reason().key(), "entry to 80 published, renewal not: the cover may end at 80");
    }

    @Test
    void tripInsuranceIsNotConfirmedCoverForAClientWhoLivesOnTheMainland() {
        Product travel = catalog.product("bocg-gba-travel").orElseThrow();
        EligibilityChecker checker = new EligibilityChecker(TODAY, catalog);
        ClientProfile north = client(72, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        EligibilityResult living = checker.check(travel, north);
        assertEquals(EligibilityStatus.UNCONFIRMED, living.status());
        assertTrue(living.unconfirmed().stream().anyMatch(r -> r.key().equals("elig.confirm.travelResident")), living.toString());
        ClientProfile visitor = client(72, LivingPlace.HONG_KONG, SzInsurance.NONE, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        assertTrue(checker.check(travel, visitor).reasons().stream().noneMatch(r -> r.key().equals("elig.confirm.travelResident")));
        Planner planner = new Planner(catalog, TODAY);
        Recommendation rec = planner.recommend(north, planner.newPlan(north, List.of()), null, ProgressMonitor.NONE);
        assertFalse(rec.productIds().contains("bocg-gba-travel") && !rec.unconfirmed().contains("bocg-gba-travel"),
                "never recommended to a Shenzhen resident as if confirmed");
    }

    @Test
    void huiminbaosUnpublishedDeductibleMakesItsPaymentARange() {
        ClientProfile insured = client(55, LivingPlace.SHENZHEN, SzInsurance.RESIDENT, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        Scenario stay = catalog.scenario("inpatient-5d-hku-szh").orElseThrow();
        Product hmb = catalog.product("sz-huiminbao").orElseThrow();
        Adjudicator.EpisodeResult e = new Adjudicator(catalog, new EligibilityChecker(TODAY, catalog))
                .run(insured, List.of(hmb), stay, ScenarioRun.of(stay.id()), TODAY, hk.baycover.model.FxTable.defaults(), Currency.HKD);
        for (Adjudicator.LineResult l : e.lines()) {
            assertTrue(l.payments().get(0).min().isZero(), "at worst an unpublished deductible takes the whole line");
        }
        assertTrue(e.dependsOn().stream().anyMatch(d -> d.product().equals("sz-huiminbao")), e.dependsOn().toString());
    }

    @Test
    void aMustHaveNoProductCoversGivesAPartialPlanNamingIt() {
        ClientProfile north = client(68, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of(), List.of(),
                needs(Need.INPATIENT, Need.GBA_DRUG, Need.HOME_CARE));
        Planner planner = new Planner(catalog, TODAY);
        Recommendation rec = planner.recommend(north, planner.newPlan(north, List.of()), null, ProgressMonitor.NONE);
        assertTrue(rec.found(), "always the best plan found");
        assertFalse(rec.complete());
        List<Need> uncovered = rec.uncovered().stream().map(Recommendation.Uncovered::need).toList();
        assertTrue(uncovered.containsAll(List.of(Need.GBA_DRUG, Need.HOME_CARE)), uncovered.toString());
        Recommendation.Uncovered drug = rec.uncovered().stream().filter(u -> u.need() == Need.GBA_DRUG).findFirst().orElseThrow();
        assertEquals(Priority.MUST_HAVE, drug.priority());
        assertTrue(drug.reasons().stream().anyMatch(x -> x.key().equals("rec.uncovered.gbaNone")), drug.reasons().toString());
        assertTrue(drug.reasons().stream().anyMatch(x -> x.key().equals("rec.uncovered.gbaSelfPay")), "and what to do about it");
    }

    @Test
    void anUnpublishedPremiumIsToBeQuotedAndAnInsurersQuotePricesItAndNarrowsTheRange() {
        Product bocg = catalog.product("fwd-cross-border-premier-medical").orElseThrow();
        assertEquals(hk.baycover.model.PremiumStatus.NOT_PUBLISHED, bocg.premiums().status());
        ClientProfile c = client(62, LivingPlace.SHENZHEN, SzInsurance.NONE, false, false, List.of(), List.of(), needs(Need.INPATIENT));
        Planner planner = new Planner(catalog, TODAY);
        PlanReport before = planner.analyse(c, Plan.of(List.of(bocg.id()), TODAY, Currency.HKD)
                .withRuns(List.of(ScenarioRun.of("inpatient-5d-hku-szh"))));
        assertEquals(TermState.UNKNOWN, before.projection().stateOf(bocg.id()));
        assertTrue(before.projection().years().get(0).toBeQuoted().contains(bocg.id()));
        assertEquals(0, before.projection().years().get(0).total().amount().signum(), "never counted as zero: listed to be quoted");
        MoneyRange wide = before.episodes().get(0).totalOutOfPocket();
        assertFalse(wide.isExact());

        InsurerQuote answer = new InsurerQuote(bocg.id(), LocalDate.of(2026, 11, 28), "FWD-Q-7781", Money.of("18500", Currency.HKD), null, null,
                Money.of("800000", Currency.HKD), null, Money.of("0", Currency.HKD), new BigDecimal("0"), 0, 75, 100, 30,
                hk.baycover.model.NetworkRule.ANY, null, StanceKind.NOT_STATED, null, null);
        ClientProfile quoted = c.withQuotes(List.of(answer));
        PlanReport after = planner.analyse(quoted, Plan.of(List.of(bocg.id()), TODAY, Currency.HKD)
                .withRuns(List.of(ScenarioRun.of("inpatient-5d-hku-szh"))));
        assertEquals(TermState.QUOTED, after.projection().stateOf(bocg.id()));
        assertEquals(0, after.projection().years().get(0).total().amount().compareTo(new BigDecimal("18500.00")));
        assertTrue(after.projection().toBeQuoted().isEmpty());
        assertEquals(EligibilityStatus.ELIGIBLE, after.eligibilityOf(bocg.id()).status(), "the confirmed entry ages decide eligibility");
        MoneyRange narrow = after.episodes().get(0).totalOutOfPocket();
        assertTrue(narrow.min().compareTo(wide.min()) >= 0 && narrow.max().compareTo(wide.max()) <= 0, wide + " → " + narrow);
        assertNotEquals(wide, narrow, "the insurer's answers narrow the range: " + after.episodes().get(0).dependsOn());
        // every term the episode reads is now published or quoted: one amount
        assertTrue(narrow.isExact(), narrow + " still hinges on " + after.episodes().get(0).dependsOn());
    }

    @Test
    void everyShippedScenarioHoldsBothIdentitiesForARealisticClient() {
        ClientProfile c = client(72, LivingPlace.SHENZHEN, SzInsurance.NONE, false, true, List.of(), List.of(HealthCondition.DIABETES),
                needs(Need.INPATIENT, Need.SPECIALIST_OUTPATIENT));
        List<Product> plan = catalog.products().stream().filter(p -> p.kind() != hk.baycover.model.ProductKind.SERVICE_NETWORK).toList();
        Adjudicator adj = new Adjudicator(catalog, new EligibilityChecker(TODAY, catalog));
        for (Scenario s : catalog.scenarios()) {
            Adjudicator.EpisodeResult e = adj.run(c, plan, s, ScenarioRun.of(s.id()), TODAY, hk.baycover.model.FxTable.defaults(), Currency.HKD);
            for (Adjudicator.LineResult l : e.lines()) {
                Money maxSide = l.outOfPocket().min();
                Money minSide = l.outOfPocket().max();
                for (Adjudicator.Payment p : l.payments()) {
                    assertTrue(p.min().amount().signum() >= 0 && p.min().compareTo(p.max()) <= 0);
                    maxSide = maxSide.plus(p.max());
                    minSide = minSide.plus(p.min());
                }
                assertEquals(0, maxSide.compareTo(l.cost()), s.id() + "/" + l.line().id());
                assertEquals(0, minSide.compareTo(l.cost()), s.id() + "/" + l.line().id());
                for (Reason r : l.dependsOn().stream().map(Adjudicator.Dependency::text).toList()) {
                    assertEquals(Reason.Severity.CONFIRM, r.severity());
                }
            }
        }
    }

}
