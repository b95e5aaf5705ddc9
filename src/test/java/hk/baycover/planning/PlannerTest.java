package hk.baycover.planning;

import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.Need;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Region;
import hk.baycover.model.Scenario;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static hk.baycover.planning.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Premium projection, coverage per need, and the recommendation on hand-made catalogs (with the real adjudicator). */
class PlannerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void premiumsFollowAgeBandsCurrencyAndRenewal() {
        // 64-69: CNY 1,000; 70+: CNY 2,000; 1 CNY = 1.1 HKD -> HKD 1,100 then 2,200; the plan ends after age 71
        Product cny = product("cny-plan").bands(Currency.CNY, new int[][] {{0, 69, 1000}, {70, 120, 2000}})
                .elig(null, null, 71, null, null, null).benefit(benefit(Need.INPATIENT)).build();
        Product unknown = product("secret").benefit(benefit(Need.INPATIENT)).build();
        Catalog cat = catalog(List.of(cny, unknown), List.of());
        ClientProfile c = client(68, needs(Need.INPATIENT, Priority.MUST_HAVE), hkd("5000"), 5);
        FxTable fx = new FxTable(List.of(new FxRate(Currency.CNY, Currency.HKD, new BigDecimal("1.1"), PartialDate.parse("2026-01"), "t", false)));
        Plan plan = new Plan(null, List.of("cny-plan", "secret"), null, TODAY, Currency.HKD, fx, null, null, null);
        PremiumProjection.Result r = new Planner(cat, TODAY).analyse(c, plan).projection();
        assertEquals(5, r.years().size());
        assertEquals(0, r.years().get(0).total().amount().compareTo(new BigDecimal("1100")));   // age 68
        assertEquals(0, r.years().get(1).total().amount().compareTo(new BigDecimal("1100")));   // 69
        assertEquals(0, r.years().get(2).total().amount().compareTo(new BigDecimal("2200")));   // 70
        assertEquals(0, r.years().get(3).total().amount().compareTo(new BigDecimal("2200")));   // 71
        assertEquals(0, r.years().get(4).total().amount().compareTo(BigDecimal.ZERO));          // 72: ended
        assertTrue(r.years().get(4).cells().get(0).ended());
        assertFalse(r.complete(), "the unpublished premium keeps the total incomplete");
        assertTrue(r.years().get(0).cells().get(1).converted().isEmpty(), "unknown is never zero");
        assertEquals(0, r.total().amount().compareTo(new BigDecimal("6600")));
    }

    @Test
    void coverageSaysWhichProductAndRuleDecide() {
        Product hkOnly = product("hk-only").flat(Currency.HKD, "100").benefit(benefit(Need.INPATIENT).regions(Region.HONG_KONG)).build();
        Product gba = product("gba").flat(Currency.HKD, "100").benefit(benefit(Need.INPATIENT).regions(Region.GBA_MAINLAND).deductible(hkd("1000"))).build();
        Catalog cat = catalog(List.of(hkOnly, gba), List.of());
        ClientProfile c = client(60, needs(Need.INPATIENT, Priority.MUST_HAVE, Need.DENTAL, Priority.NICE_TO_HAVE), null, 3);
        PlanReport r = new Planner(cat, TODAY).analyse(c, Plan.of(List.of("hk-only", "gba"), TODAY, Currency.HKD));
        PlanReport.NeedCover inpatient = r.coverage().get(0);
        assertEquals(Need.INPATIENT, inpatient.need());
        assertEquals(CoverageLevel.PARTIAL, inpatient.level());
        assertEquals("gba", inpatient.decidingProduct());
        assertTrue(inpatient.rules().stream().anyMatch(x -> x.key().equals("cover.deductible")));
        assertEquals(CoverageLevel.NONE, r.coverage().get(1).level());
        assertTrue(r.gaps().stream().anyMatch(g -> g.need() == Need.DENTAL));
    }

    /** A small catalog where prices, coverage and an out-of-pocket ceiling interact. */
    static Catalog small() {
        return catalog(List.of(
                product("free-public").kind(ProductKind.PUBLIC_SCHEME).free().benefit(benefit(Need.SPECIALIST_OUTPATIENT).coIns("50")).build(),
                product("cheap-inpatient").flat(Currency.HKD, "1000").benefit(benefit(Need.INPATIENT).deductible(hkd("20000"))).build(),
                product("rich-inpatient").flat(Currency.HKD, "3000").benefit(benefit(Need.INPATIENT)).build(),
                product("cancer").flat(Currency.HKD, "1500").benefit(benefit(Need.CANCER_TREATMENT).coIns("20")).build(),
                product("both").flat(Currency.HKD, "2600").benefit(benefit(Need.INPATIENT).coIns("10")).benefit(benefit(Need.CANCER_TREATMENT)).build(),
                product("pricey").flat(Currency.HKD, "9000").benefit(benefit(Need.INPATIENT)).benefit(benefit(Need.CANCER_TREATMENT)).build(),
                product("too-old").elig(null, 50, null, null, null, null).flat(Currency.HKD, "10").benefit(benefit(Need.INPATIENT)).build(),
                product("secret").benefit(benefit(Need.INPATIENT)).benefit(benefit(Need.CANCER_TREATMENT)).build()),
                List.of(episode("stay", line("ward", Need.INPATIENT, null, Region.SHENZHEN, hkd("30000")),
                        line("chemo", Need.CANCER_TREATMENT, null, Region.SHENZHEN, hkd("10000")))));
    }

    @Test
    void theRecommendationIsTheBruteForceOptimumWithReasons() {
        Catalog cat = small();
        Planner planner = new Planner(cat, TODAY);
        ClientProfile c = client(60, needs(Need.INPATIENT, Priority.MUST_HAVE, Need.CANCER_TREATMENT, Priority.MUST_HAVE,
                Need.SPECIALIST_OUTPATIENT, Priority.NICE_TO_HAVE), hkd("5000"), 3);
        Plan frame = planner.newPlan(c, List.of());
        Recommendation rec = planner.recommend(c, frame, Recommendation.Options.defaults(), ProgressMonitor.NONE);
        // cheap-inpatient + cancer = 2,500 a year is the cheapest cover of both must-haves; the free scheme is added
        assertTrue(rec.found());
        assertEquals(List.of("free-public", "cancer", "cheap-inpatient"), rec.productIds(), "layer order, then as found");
        assertEquals(0, rec.total().amount().compareTo(new BigDecimal("7500")));
        Optional<Recommender.Solution> brute = new Recommender().bruteForce(planner.frame(c, frame, Recommendation.Options.defaults()).problem(), Set.of());
        assertEquals(brute.orElseThrow().ids(), rec.productIds().stream().sorted().toList());
        assertEquals(Recommendation.Code.NOT_ELIGIBLE, verdict(rec, "too-old").code());
        assertEquals(Recommendation.Code.PREMIUM_UNKNOWN, verdict(rec, "secret").code());
        assertEquals(Recommendation.Code.FREE, verdict(rec, "free-public").code());
        assertTrue(verdict(rec, "cheap-inpatient").chosen());
        // without "cancer", "both" (2,600) replaces it and cheap-inpatient: 7,800 over 3 years, 300 more
        assertTrue(rec.alternatives().stream().anyMatch(a -> a.without().equals("cancer") && a.productIds().contains("both")
                && a.extra().amount().compareTo(new BigDecimal("300")) == 0), rec.alternatives().toString());

        // "secret" covers both for a premium still to be quoted: never counted as zero, ranked after every plan of known cost
        assertTrue(rec.toBeQuoted().isEmpty());
        assertTrue(rec.complete());
        assertEquals("rec.why.knownFirst", verdict(rec, "secret").reasons().get(0).key());
    }

    @Test
    void aProductToBeQuotedIsRecommendedOnlyWhereNothingOfKnownCostCovers() {
        Catalog cat = catalog(List.of(
                product("known").flat(Currency.HKD, "1000").benefit(benefit(Need.INPATIENT)).build(),
                product("secret").benefit(benefit(Need.INPATIENT)).benefit(benefit(Need.DENTAL)).build(),
                product("secret-dear").benefit(benefit(Need.DENTAL)).benefit(benefit(Need.TCM)).build()), List.of());
        Planner planner = new Planner(cat, TODAY);
        ClientProfile c = client(60, needs(Need.INPATIENT, Priority.MUST_HAVE, Need.DENTAL, Priority.MUST_HAVE), null, 2);
        Recommendation rec = planner.recommend(c, planner.newPlan(c, List.of()), null, ProgressMonitor.NONE);
        // only a product to be quoted covers dental; one such product covers both needs, and fewer products to be quoted rank first
        assertEquals(List.of("secret"), rec.productIds());
        assertEquals(List.of("secret"), rec.toBeQuoted());
        assertEquals(0, rec.total().amount().signum(), "the known part of the premiums");
        assertTrue(rec.complete());
        PlanReport r = planner.analyse(c, Plan.of(rec.productIds(), TODAY, Currency.HKD));
        assertEquals(hk.baycover.model.TermState.UNKNOWN, r.projection().stateOf("secret"));
        assertEquals(List.of("secret"), r.projection().years().get(0).toBeQuoted());
        assertEquals(0, r.projection().years().get(0).total().amount().signum(), "an unpublished premium is not counted as zero: it is listed");
    }

    @Test
    void anOutOfPocketCeilingAgreesWithBruteForce() {
        Catalog cat = small();
        Planner planner = new Planner(cat, TODAY);
        ClientProfile c = client(60, needs(Need.INPATIENT, Priority.MUST_HAVE, Need.CANCER_TREATMENT, Priority.MUST_HAVE), hkd("20000"), 2);
        Plan frame = planner.newPlan(c, List.of());
        Scenario stay = cat.scenario("stay").orElseThrow();
        for (String ceiling : List.of("40000", "22000", "5000", "2000", "0")) {
            Recommendation.Options o = new Recommendation.Options(stay.id(), ScenarioRun.of(stay.id()), new BigDecimal(ceiling), 3);
            Recommendation rec = planner.recommend(c, frame, o, ProgressMonitor.NONE);
            Optional<Recommender.Solution> brute = new Recommender().bruteForce(planner.frame(c, frame, o).problem(), Set.of());
            assertTrue(rec.found(), "a plan is always returned");
            if (brute.isPresent()) {
                assertEquals(brute.get().ids(), rec.productIds().stream().sorted().toList(), "ceiling " + ceiling);
                assertTrue(rec.ceilingOutOfPocket().compareTo(new BigDecimal(ceiling)) <= 0);
            } else {
                assertTrue(rec.missing().get(0).key().equals("rec.missing.ceiling"), "the ceiling no set meets is relaxed, and said so: " + rec.missing());
            }
        }
    }

    @Test
    void whenNothingFitsItSaysWhatIsMissing() {
        Planner planner = new Planner(small(), TODAY);
        ClientProfile care = client(60, needs(Need.INPATIENT, Priority.MUST_HAVE, Need.RESIDENTIAL_CARE, Priority.MUST_HAVE), null, 3);
        Recommendation partial = planner.recommend(care, planner.newPlan(care, List.of()), null, ProgressMonitor.NONE);
        // never just "no set fits": the best plan for the rest, with the uncovered must-have named
        assertTrue(partial.found());
        assertFalse(partial.complete());
        assertTrue(partial.productIds().contains("cheap-inpatient"), partial.productIds().toString());
        assertEquals(1, partial.uncovered().size());
        assertEquals(Need.RESIDENTIAL_CARE, partial.uncovered().get(0).need());
        assertEquals("rec.missing.need", partial.uncovered().get(0).reasons().get(0).key());
        assertEquals("need.RESIDENTIAL_CARE", partial.uncovered().get(0).reasons().get(0).args().get(0));
        assertEquals("rec.uncovered.noneInCatalog", partial.uncovered().get(0).reasons().get(1).key());
        ClientProfile poor = client(60, needs(Need.INPATIENT, Priority.MUST_HAVE, Need.CANCER_TREATMENT, Priority.MUST_HAVE), hkd("2000"), 3);
        Recommendation broke = planner.recommend(poor, planner.newPlan(poor, List.of()), null, ProgressMonitor.NONE);
        // only "secret" fits the budget on what is known of its premium: it is recommended, and listed as to be quoted
        assertEquals(List.of("secret"), broke.productIds().stream().filter(id -> !id.equals("free-public")).toList());
        assertEquals(List.of("secret"), broke.toBeQuoted());
        // without it, no set meets the budget: the cheapest set is returned and the budget named as relaxed
        Catalog noSecret = catalog(small().products().stream().filter(x -> !x.id().equals("secret")).toList(), small().scenarios());
        Planner strict = new Planner(noSecret, TODAY);
        Recommendation over = strict.recommend(poor, strict.newPlan(poor, List.of()), null, ProgressMonitor.NONE);
        assertTrue(over.found(), "a budget no set meets is relaxed, not a dead end");
        assertTrue(over.complete());
        assertEquals("rec.missing.budget", over.missing().get(0).key());
        assertTrue(over.toBeQuoted().isEmpty());
    }

    static Recommendation.Verdict verdict(Recommendation r, String id) {
        return r.verdicts().stream().filter(v -> v.productId().equals(id)).findFirst().orElseThrow();
    }
}
