package hk.baycover.gaps;

import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.FxTable;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix over the hand-built catalog of {@link GapFixtures}, every count worked out by hand. */
class GapMatrixTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static GapEngine engine(SegmentConfig config) {
        return new GapEngine(config, TODAY, FxTable.defaults());
    }

    static GapMatrix matrix(SegmentConfig config, List<Product> products) {
        return engine(config).matrix(products, ProgressMonitor.NONE);
    }

    static Segment segment(GapMatrix m, String band, LivingPlace place, boolean sz, ConditionClass c) {
        return m.segments().stream().filter(s -> s.band().code().equals(band) && s.livesIn() == place && s.szInsured() == sz && s.condition() == c)
                .findFirst().orElseThrow();
    }

    @Test
    void segmentsAreTheProductOfTheDimensions() {
        assertEquals(36, GapFixtures.config().segments().size());
        assertEquals(7 * 3 * 2 * 3, SegmentConfig.defaults().segments().size());
        assertEquals("65-74|SHENZHEN|SZ|CHRONIC", SegmentConfig.defaults().segments().stream()
                .filter(s -> s.band().from() == 65 && s.livesIn() == LivingPlace.SHENZHEN && s.szInsured() && s.condition() == ConditionClass.CHRONIC)
                .findFirst().orElseThrow().id());
    }

    @Test
    void countsMatchTheHandWorkedMatrix() {
        GapMatrix m = matrix(GapFixtures.config(), GapFixtures.catalog());
        assertEquals(108, m.cellCount());
        // INPATIENT: 8 uncovered (65–84 living elsewhere in the GBA: 4; 65–84 HK/SZ without SZ insurance: 4)
        // DENTAL: the 12 segments living elsewhere in the GBA; GBA_DRUG: the 12 segments aged 65–84 (entry ends at 75)
        assertEquals(8 + 12 + 12, m.uncoveredCount());
        int[] perNeed = new int[3];
        for (CellSummary c : m.cells()) if (c.uncovered()) perNeed[m.needs().indexOf(c.need())]++;
        assertEquals(8, perNeed[0]);
        assertEquals(12, perNeed[1]);
        assertEquals(12, perNeed[2]);

        int inpatient = 0;
        int dental = 1;
        int drug = 2;
        // young, Shenzhen, insured, no conditions: A partial + B full
        CellSummary c = m.cell(segment(m, "18-39", LivingPlace.SHENZHEN, true, ConditionClass.NONE).index(), inpatient);
        assertEquals(CoverageLevel.FULL, c.level());
        assertEquals(2, c.covering());
        assertEquals(1, c.full());
        assertEquals(1, c.partial());
        assertEquals("t-hk-medical", c.cheapest().productId());
        assertEquals(0, c.cheapest().annual().amount().compareTo(new BigDecimal("1000")));
        assertEquals(1, c.unknownPremiums(), "the Shenzhen scheme's contribution is unknown");
        // same with a chronic condition: B is capped at partial (pre-existing excluded, full underwriting)
        c = m.cell(segment(m, "18-39", LivingPlace.SHENZHEN, true, ConditionClass.CHRONIC).index(), inpatient);
        assertEquals(CoverageLevel.PARTIAL, c.level());
        assertEquals(0, c.full());
        assertEquals(2, c.partial());
        // 40–64 living elsewhere in the GBA, insured: the Shenzhen scheme does not apply there; B at HKD 2,000
        c = m.cell(segment(m, "40-64", LivingPlace.OTHER_GBA, true, ConditionClass.NONE).index(), inpatient);
        assertEquals(1, c.covering());
        assertEquals(0, c.cheapest().annual().amount().compareTo(new BigDecimal("2000")));
        // 65–84 in Hong Kong, insured: only the Shenzhen scheme, whose premium is unknown
        c = m.cell(segment(m, "65-84", LivingPlace.HONG_KONG, true, ConditionClass.NONE).index(), inpatient);
        assertEquals(CoverageLevel.PARTIAL, c.level());
        assertEquals(1, c.covering());
        assertNull(c.cheapest());
        assertTrue(c.onlyUnknownPremiums());
        // dental in Shenzhen: CNY 500 converted at the illustrative default rate 1.08
        c = m.cell(segment(m, "65-84", LivingPlace.SHENZHEN, false, ConditionClass.CHRONIC).index(), dental);
        assertEquals(CoverageLevel.FULL, c.level());
        assertEquals(0, c.cheapest().annual().amount().compareTo(new BigDecimal("540.00")));
        assertEquals(Currency.HKD, c.cheapest().annual().currency());
        assertTrue(c.cheapest().fxSample());
        assertTrue(c.cheapest().sample(), "fixture products are sample records");
        // 港澳藥械通 drug for 40–64: partial (designated institutions only)
        c = m.cell(segment(m, "40-64", LivingPlace.HONG_KONG, false, ConditionClass.NONE).index(), drug);
        assertEquals(CoverageLevel.PARTIAL, c.level());
        assertEquals(1, c.covering());
    }

    @Test
    void uncoveredCellsNameTheirReasons() {
        GapMatrix m = matrix(GapFixtures.config(), GapFixtures.catalog());
        Segment old = segment(m, "65-84", LivingPlace.HONG_KONG, false, ConditionClass.NONE);
        CellDetail d = m.detail(old.index(), 0);
        assertTrue(d.summary().uncovered());
        assertTrue(d.covering().isEmpty());
        assertEquals(List.of("t-sz-basic"), ids(d.failing().get(ReasonGroup.INELIGIBLE_REQUIREMENT)));
        assertEquals(List.of("t-hk-medical"), ids(d.failing().get(ReasonGroup.INELIGIBLE_AGE)));
        assertEquals(List.of("t-sz-dental", "t-gba-drug"), ids(d.failing().get(ReasonGroup.NO_BENEFIT)));
        assertEquals("elig.tooOld", d.failing().get(ReasonGroup.INELIGIBLE_AGE).get(0).reasons().get(0).key());

        Segment gba = segment(m, "65-84", LivingPlace.OTHER_GBA, true, ConditionClass.NONE);
        d = m.detail(gba.index(), 0);
        assertEquals(List.of("t-sz-basic"), ids(d.failing().get(ReasonGroup.NOT_IN_REGION)));

        // the drug cover serves 65–75 only: under "all ages of the band" it fails on age, and says which ages it serves
        d = m.detail(old.index(), 2);
        CellDetail.Failure f = d.failing().get(ReasonGroup.INELIGIBLE_AGE).get(0);
        assertEquals("t-gba-drug", f.product().id());
        assertEquals("65–75", f.verdict().eligibleAgesText());
    }

    @Test
    void anyAgePolicyCountsPartlyEligibleBands() {
        GapMatrix m = matrix(GapFixtures.config().withAgePolicy(AgePolicy.ANY_AGE), GapFixtures.catalog());
        assertEquals(8 + 12, m.uncoveredCount(), "the drug cover now serves the 65–84 band (ages 65–75)");
    }

    @Test
    void draftClosesTheCellsWorkedOutByHand() {
        GapEngine engine = engine(GapFixtures.config());
        GapMatrix base = engine.matrix(GapFixtures.catalog(), ProgressMonitor.NONE);
        ProductResult draft = engine.evaluate(GapFixtures.dentalDraft("draft-gba-dental"), true);
        GapMatrix after = base.plus(List.of(draft));
        GapDiff diff = after.diffFrom(base);
        assertEquals(12, diff.closes().size(), "dental for everyone living elsewhere in the GBA");
        assertTrue(diff.closes().stream().allMatch(ch -> ch.after().segment().livesIn() == LivingPlace.OTHER_GBA && ch.after().need() == Need.DENTAL));
        // the draft also covers Shenzhen (GBA Mainland includes it): 24 more cells get a second, cheaper product
        assertEquals(36, diff.changes().size());
        assertEquals(24, diff.changes().stream().filter(ch -> !ch.closes() && ch.cheaper() && ch.after().covering() == 2).count());
        assertEquals(base.uncoveredCount() - 12, after.uncoveredCount());
        assertEquals(32, base.uncoveredCount(), "the base matrix is untouched");
    }

    @Test
    void incrementalEqualsFullRecomputation() {
        GapEngine engine = engine(GapFixtures.config());
        GapMatrix base = engine.matrix(GapFixtures.catalog(), ProgressMonitor.NONE);
        Product d = GapFixtures.dentalDraft("draft-x");
        GapMatrix incremental = base.plus(List.of(engine.evaluate(d, true)));
        List<Product> all = new ArrayList<>(GapFixtures.catalog());
        all.add(d);
        GapMatrix full = engine.matrix(all, ProgressMonitor.NONE);
        assertEquals(full.cells().toString(), incremental.cells().toString());
    }

    @Test
    void askingAtAgeEdgesEqualsAskingAtEveryAge() {
        for (AgePolicy policy : AgePolicy.values()) {
            GapEngine engine = engine(SegmentConfig.defaults().withAgePolicy(policy));
            List<Product> products = new ArrayList<>(GapFixtures.catalog());
            products.addAll(GapCatalogGenerator.products(60, 7));
            List<ProductResult> edges = new ArrayList<>();
            List<ProductResult> every = new ArrayList<>();
            for (Product p : products) {
                edges.add(engine.evaluate(p, false, false));
                every.add(engine.evaluate(p, false, true));
            }
            GapMatrix a = engine.aggregate(edges);
            GapMatrix b = engine.aggregate(every);
            for (int s = 0; s < a.segments().size(); s++) {
                for (int n = 0; n < a.needs().size(); n++) {
                    CellSummary x = a.cell(s, n);
                    CellSummary y = b.cell(s, n);
                    assertEquals(y.level(), x.level());
                    assertEquals(y.full(), x.full());
                    assertEquals(y.partial(), x.partial());
                    assertEquals(y.unknownPremiums(), x.unknownPremiums());
                    assertEquals(y.cheapest() == null ? null : y.cheapest().annual(), x.cheapest() == null ? null : x.cheapest().annual());
                }
            }
            for (int i = 0; i < products.size(); i++) {
                for (int s = 0; s < a.segments().size(); s++) {
                    assertEquals(every.get(i).verdict(s).eligibleAgesText(), edges.get(i).verdict(s).eligibleAgesText());
                }
            }
        }
    }

    @Test
    void emptyCatalogLeavesEveryCellUncovered() {
        GapMatrix m = matrix(GapFixtures.config(), List.of());
        assertEquals(108, m.uncoveredCount());
        assertTrue(m.detail(0, 0).failing().isEmpty());
        assertFalse(m.cell(0, 0).onlyUnknownPremiums());
        assertNotNull(m.cell(0, 0).segment());
    }

    private static List<String> ids(List<CellDetail.Failure> list) {
        assertNotNull(list);
        return list.stream().map(f -> f.product().id()).toList();
    }
}
