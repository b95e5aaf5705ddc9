package hk.baycover.compare;

import hk.baycover.app.BayCover;
import hk.baycover.model.AgeBasis;
import hk.baycover.model.Catalog;
import hk.baycover.model.Confidence;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PremiumFrequency;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.UserError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static hk.baycover.compare.CompareFixtures.AXA;
import static hk.baycover.compare.CompareFixtures.BOCG;
import static hk.baycover.compare.CompareFixtures.HSBC;
import static hk.baycover.compare.CompareFixtures.HUIMINBAO;
import static hk.baycover.compare.CompareFixtures.PICC;
import static hk.baycover.compare.CompareFixtures.RCSGD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison matrix on a real data folder (shipped packs + a small sourced products pack). */
class ComparisonServiceTest {

    @TempDir
    static Path dir;
    static Catalog catalog;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    final ComparisonService service = new ComparisonService(TODAY);

    @BeforeAll
    static void open() {
        BayCover app = CompareFixtures.open(dir);
        catalog = app.catalog();
    }

    private ComparisonMatrix compare(ComparisonRequest r) {
        return service.compare(catalog, r);
    }

    private static Row row(ComparisonMatrix m, String key) {
        return m.row(key).orElseThrow(() -> new AssertionError("no row " + key + " in " + m.rows().stream().map(Row::key).toList()));
    }

    @Test
    void groupsComeInTheAgreedOrderAndColumnsStayAsPicked() {
        ComparisonMatrix m = compare(ComparisonRequest.of(List.of(HSBC, PICC, BOCG)));
        assertEquals(List.of(HSBC, PICC, BOCG), m.columns().stream().map(Column::productId).toList());
        List<RowGroup> seen = m.rows().stream().map(Row::group).distinct().toList();
        assertEquals(List.of(RowGroup.UNDERWRITING, RowGroup.SERVICE, RowGroup.ELIGIBILITY, RowGroup.BENEFITS, RowGroup.PREMIUM,
                RowGroup.GBA_ITEMS, RowGroup.ELDERLY_CARE, RowGroup.SOURCES), seen);
        // every row has one cell per product, in column order
        for (Row r : m.rows()) assertEquals(List.of(HSBC, PICC, BOCG), r.cells().stream().map(Cell::productId).toList(), r.key());
    }

    @Test
    void differencesAreDetectedOnValuesAndTheOddOneOutIsMarked() {
        ComparisonMatrix m = compare(ComparisonRequest.of(List.of(BOCG, HSBC, HUIMINBAO)));
        // requirements: BOCG and HSBC publish none, Huiminbao requires SZ medical insurance → only that cell differs
        Row req = row(m, "eligibility.requirements");
        assertTrue(req.differs());
        assertFalse(req.cell(BOCG).differs());
        assertFalse(req.cell(HSBC).differs());
        assertTrue(req.cell(HUIMINBAO).differs());
        assertEquals("Enrolled in Shenzhen medical insurance", req.cell(HUIMINBAO).text(Lang.EN));
        // annual inpatient limits: HKD 1,000,000 / HKD 420,000 / not published: all differ (no majority)
        Row limit = row(m, "benefit.INPATIENT.annualLimit");
        assertTrue(limit.differs());
        assertTrue(limit.cells().stream().allMatch(Cell::differs));
        assertEquals("HKD 1,000,000", limit.cell(BOCG).text(Lang.EN));
        assertEquals("HKD 420,000", limit.cell(HSBC).text(Lang.EN));
        assertEquals(0, new Money(new BigDecimal("1000000"), Currency.HKD).compareTo((Money) limit.cell(BOCG).value()));
        // nobody publishes service languages: the row does not differ, every cell says so
        Row languages = row(m, "service.languages");
        assertFalse(languages.differs());
        for (Cell c : languages.cells()) {
            assertFalse(c.published());
            assertEquals("Not published", c.text(Lang.EN));
            assertEquals("未公布", c.text(Lang.ZH_HK));
        }
        assertTrue(m.differingRows().size() < m.rows().size());
        assertTrue(m.differingRows().stream().allMatch(Row::differs));
    }

    @Test
    void underwritingShowsEveryRoleWithPartiesAndJurisdictions() {
        ComparisonMatrix m = compare(ComparisonRequest.of(List.of(PICC, AXA, RCSGD)));
        assertEquals("PICC Health (Mainland)", row(m, "underwriting.SERVICE_OPERATOR").cell(PICC).text(Lang.EN));
        assertEquals("人保健康（內地）", row(m, "underwriting.SERVICE_OPERATOR").cell(PICC).text(Lang.ZH_HK));
        assertEquals("HKSAR Government (Hong Kong)", row(m, "underwriting.GOVERNMENT_FUNDER").cell(RCSGD).text(Lang.EN));
        assertFalse(row(m, "underwriting.GOVERNMENT_FUNDER").cell(PICC).published());
        // direct billing names the institution and its city; 港澳藥械通 designation is looked up in the catalog
        String billing = row(m, "service.directBilling").cell(AXA).text(Lang.EN);
        assertTrue(billing.contains("(Shenzhen)"), billing);
        assertTrue(row(m, "gba.designatedNetwork").cell(AXA).text(Lang.EN).startsWith("1 of its 1 named institutions are designated"));
        // the listed 港澳藥械通 drug is named, and labelled sample
        Cell drug = row(m, "gba.GBA_DRUG").cell(PICC);
        assertTrue(drug.text(Lang.EN).contains("Lorlatinib"), drug.text(Lang.EN));
        assertTrue(drug.sample());
        // care homes come from the benefit's listed institutions
        assertTrue(row(m, "care.homes").cell(RCSGD).text(Lang.ZH_HK).contains("香港賽馬會深圳復康會頤康院"));
        assertEquals(List.of("CNY", "HKD"), ((List<?>) row(m, "service.settlementCurrencies").cell(RCSGD).value()).stream().map(Object::toString).toList());
    }

    @Test
    void eligibilityFilterSaysWhoCanJoinAndWhyNot() {
        ComparisonRequest r = new ComparisonRequest(List.of(HSBC, HUIMINBAO, BOCG), 85, null, Sex.F, null, null, null);
        ComparisonMatrix m = compare(r);
        Column hsbc = m.column(HSBC).orElseThrow();
        assertFalse(hsbc.eligible());
        assertEquals("elig.tooOld", hsbc.eligibility().blocking().get(0).key());
        assertEquals("Age 85 is above the maximum entry age 80 (age basis not stated)", hsbc.why().get(0).get(Lang.EN));
        Column hmb = m.column(HUIMINBAO).orElseThrow();
        assertFalse(hmb.eligible());
        assertEquals("Requires enrolment in Shenzhen basic medical insurance", hmb.why().get(0).get(Lang.EN));
        // BOCG publishes no entry ages: at 85 it cannot be said either way, and it is never shown as eligible
        Column bocg = m.column(BOCG).orElseThrow();
        assertFalse(bocg.eligible());
        assertTrue(bocg.unconfirmed());
        assertTrue(bocg.why().stream().anyMatch(w -> w.get(Lang.EN).startsWith("Maximum entry age not published: confirm with the insurer")), bocg.why().toString());
        assertEquals(List.of(HSBC, HUIMINBAO), m.ineligible().stream().map(Column::productId).toList());
        assertEquals(List.of(BOCG), m.unconfirmed().stream().map(Column::productId).toList());
        Row client = row(m, "eligibility.client");
        assertTrue(client.cell(HSBC).text(Lang.EN).startsWith("Cannot join: Age 85 is above"));
        assertTrue(client.cell(BOCG).text(Lang.EN).startsWith("To be confirmed: ") && client.cell(BOCG).text(Lang.EN).contains("Maximum entry age not published"),
                client.cell(BOCG).text(Lang.EN));
        assertEquals("UNCONFIRMED", ((java.util.Map<?, ?>) client.cell(BOCG).value()).get("status").toString());

        // the same client enrolled in Shenzhen medical insurance and living there meets Huiminbao's requirement; its entry
        // ages are not published, so at 85 it is to be confirmed (not "eligible", not "cannot join")
        ComparisonMatrix m2 = compare(new ComparisonRequest(List.of(HSBC, HUIMINBAO), 85, null, Sex.F, null, LivingPlace.SHENZHEN, SzInsurance.RESIDENT));
        assertTrue(m2.column(HUIMINBAO).orElseThrow().unconfirmed());
        assertTrue(m2.column(HUIMINBAO).orElseThrow().eligibility().blocking().isEmpty());
        // without a client nothing is checked
        assertTrue(compare(ComparisonRequest.of(List.of(HSBC, HUIMINBAO))).ineligible().isEmpty());
        assertTrue(compare(ComparisonRequest.of(List.of(HSBC, HUIMINBAO))).row("eligibility.client").isEmpty());
    }

    @Test
    void premiumIsLookedUpByAgeBandSexAndTheProductsAgeBasis() {
        LocalDate born = LocalDate.of(1961, 6, 1); // 1 March 2026: age last birthday 64, age nearest birthday 65
        Product nearest = premiumProduct("vhis-nearest", AgeBasis.NEAREST_BIRTHDAY);
        Product last = premiumProduct("vhis-last", AgeBasis.LAST_BIRTHDAY);
        Catalog c = new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(nearest, last), List.of());
        ComparisonMatrix m = service.compare(c, new ComparisonRequest(List.of("vhis-nearest", "vhis-last"), null, born, Sex.M, null, null, null));
        Row premium = row(m, "premium.annual");
        assertEquals("HKD 11,379 a year", premium.cell("vhis-nearest").text(Lang.EN));
        assertEquals("HKD 8,830 a year", premium.cell("vhis-last").text(Lang.EN));
        assertTrue(premium.differs());
        assertTrue(premium.cell("vhis-nearest").sample(), "sample table → sample cell");
        assertEquals("age nearest birthday", row(m, "premium.ageBasis").cell("vhis-nearest").text(Lang.EN));
        // premium cells cite the premium table's own source
        assertEquals("https://vhisguide.com/en/premium-index/boc-group-life-assurance-compa/S00022-01-000", premium.cell("vhis-last").sources().get(0).url());
        assertEquals("2021-03-28", premium.cell("vhis-last").asOf().value());
        assertEquals(65, m.column("vhis-nearest").orElseThrow().eligibility().ageUsed());
        assertEquals(64, m.column("vhis-last").orElseThrow().eligibility().ageUsed());

        // by plain age and sex: one band each; no sex given → both sexes shown
        ComparisonMatrix byAge = service.compare(c, ComparisonRequest.of(List.of("vhis-nearest", "vhis-last"), 70, null));
        assertEquals("Female: HKD 13,900 a year\nMale: HKD 14,275 a year", row(byAge, "premium.annual").cell("vhis-last").text(Lang.EN));
        // no band for the age: said so, never zero
        ComparisonMatrix young = service.compare(c, ComparisonRequest.of(List.of("vhis-nearest", "vhis-last"), 40, Sex.M));
        Cell none = row(young, "premium.annual").cell("vhis-last");
        assertFalse(none.published());
        assertEquals("The premium table has no figure for age 40", none.text(Lang.EN));
    }

    private static Product premiumProduct(String id, AgeBasis basis) {
        List<PremiumRow> rows = List.of(
                new PremiumRow(60, 64, Sex.M, null, null, new BigDecimal("8830")),
                new PremiumRow(65, 69, Sex.M, null, null, new BigDecimal("11379")),
                new PremiumRow(70, 74, Sex.M, null, null, new BigDecimal("14275")),
                new PremiumRow(60, 64, Sex.F, null, null, new BigDecimal("8500")),
                new PremiumRow(65, 69, Sex.F, null, null, new BigDecimal("11000")),
                new PremiumRow(70, 74, Sex.F, null, null, new BigDecimal("13900")));
        List<Source> src = List.of(new Source("https://vhisguide.com/en/premium-index/boc-group-life-assurance-compa/S00022-01-000", "2021-03-28", "vhisguide"));
        PremiumTable t = new PremiumTable(PremiumStatus.TABLE, Currency.HKD, PremiumFrequency.ANNUAL, basis, null, rows, null, null, src,
                null, PartialDate.parse("2021-03-28"), Confidence.MEDIUM, true);
        Eligibility e = new Eligibility(0, 80, basis, 100, null, null, null, null, null, null, null, null, null, null);
        return new Product(id, ProductKind.VHIS, LocalizedText.of(id, id, id), null, null, null, null, null, e, null, t, null, null, null,
                List.of(new Source("https://example.org/" + id, null, null)), PartialDate.parse("2026-01"), Confidence.MEDIUM, null, false);
    }

    @Test
    void missingValuesReadNotPublishedNeverBlankOrZero() {
        ComparisonMatrix m = compare(new ComparisonRequest(List.of(PICC, BOCG, HSBC, AXA, HUIMINBAO, RCSGD), 60, null, Sex.M, null, null, null));
        for (Row r : m.rows()) {
            for (Cell c : r.cells()) {
                for (Lang l : Lang.values()) assertFalse(c.text(l).isBlank(), r.key() + "/" + c.productId() + " is blank in " + l);
                if (!c.published()) assertFalse(c.sample(), "an unpublished value is not a sample figure: " + r.key());
            }
        }
        Cell hmb = row(m, "premium.annual").cell(HUIMINBAO);
        assertEquals("Premium not published: to be quoted by the insurer", hmb.text(Lang.EN));
        assertFalse(hmb.published());
        Cell free = row(m, "premium.annual").cell(RCSGD);
        assertEquals("Free", free.text(Lang.EN));
        // BOCG publishes one figure (age 30, male): at 60 there is no band
        assertEquals("The premium table has no figure for age 60", row(m, "premium.annual").cell(BOCG).text(Lang.EN));
        // no benefit for a need: said, not guessed
        assertEquals("No benefit listed (not published)", row(m, "benefit.GENERAL_OUTPATIENT.cover.SHENZHEN").cell(BOCG).text(Lang.EN));
    }

    @Test
    void everyCellSaysWhereItCameFromAndSampleFiguresAreFlagged() {
        ComparisonMatrix m = compare(ComparisonRequest.of(List.of(PICC, BOCG)));
        Cell sampleLimit = row(m, "benefit.INPATIENT.annualLimit").cell(PICC);
        assertTrue(sampleLimit.sample());
        assertFalse(row(m, "benefit.INPATIENT.annualLimit").cell(BOCG).sample());
        assertEquals("https://www.gmt8press.com/flash/detail/1223901", sampleLimit.sources().get(0).url());
        assertEquals("2026-02-28", sampleLimit.asOf().value());
        assertEquals(Confidence.LOW, sampleLimit.confidence());
        assertTrue(m.hasSample());
        assertTrue(row(m, "sources.list").cell(BOCG).text(Lang.EN).contains("https://www.10life.com/en/blog/Comparison-of-Cross-Border-Medical-Insurance (2025-05-15)"));
        assertEquals("Some figures are illustrative samples", row(m, "sources.sample").cell(PICC).text(Lang.EN));
        // cover level rules are given in the cell
        Cell level = row(m, "benefit.INPATIENT.cover.SHENZHEN").cell(BOCG);
        // every rule is given, the unpublished terms among them (unknown is never full cover)
        assertTrue(level.text(Lang.EN).startsWith("Partial — Deductible HKD 10,000.00"), level.text(Lang.EN));
        assertTrue(level.text(Lang.EN).contains("Co-insurance not published: confirm with the insurer"), level.text(Lang.EN));
        assertNotNull(level.detail());
    }

    @Test
    void badRequestsAreClearUserErrors() {
        UserError one = assertThrows(UserError.class, () -> compare(ComparisonRequest.of(List.of(BOCG))));
        assertEquals("compare.count", one.key());
        UserError seven = assertThrows(UserError.class, () -> compare(ComparisonRequest.of(List.of(PICC, BOCG, HSBC, AXA, HUIMINBAO, RCSGD, "x"))));
        assertTrue(seven.key().startsWith("compare.unknownProduct") || seven.key().equals("compare.count"));
        UserError typo = assertThrows(UserError.class, () -> compare(ComparisonRequest.of(List.of("t-bocg-gba-excelence", HSBC))));
        assertEquals("compare.unknownProductNear", typo.key());
        assertTrue(typo.args()[1].toString().startsWith(BOCG), typo.args()[1].toString());
        UserError dup = assertThrows(UserError.class, () -> compare(ComparisonRequest.of(List.of(HSBC, HSBC))));
        assertEquals("compare.duplicate", dup.key());
        assertTrue(ComparisonService.nearMatches(catalog, "惠民保").contains(HUIMINBAO));
    }

    @Test
    void pickerFilterByKindProviderRegionNeedAndText() {
        List<Product> vhis = new ProductFilter(null, ProductKind.VHIS, null, null, null).apply(catalog, Lang.EN);
        assertTrue(vhis.stream().anyMatch(p -> p.id().equals(HSBC)));
        assertTrue(vhis.stream().allMatch(p -> p.kind() == ProductKind.VHIS));
        assertEquals(catalog.products().size(), ProductFilter.ALL.apply(catalog, Lang.EN).size());
        assertTrue(new ProductFilter("滙豐", null, null, null, null).apply(catalog, Lang.ZH_HK).stream().anyMatch(p -> p.id().equals(HSBC)));
        assertTrue(new ProductFilter("汇丰", null, null, null, null).apply(catalog, Lang.ZH_CN).stream().anyMatch(p -> p.id().equals(HSBC)));
        List<String> careHome = new ProductFilter(null, null, null, null, hk.baycover.model.Need.RESIDENTIAL_CARE).apply(catalog, Lang.EN).stream().map(Product::id).toList();
        assertTrue(careHome.contains(RCSGD) && !careHome.contains(BOCG), careHome.toString());
        Map<String, LocalizedText> providers = ProductFilter.providers(catalog, Lang.EN);
        assertTrue(providers.containsKey("BOCG Insurance"));
        List<String> bocg = new ProductFilter(null, null, "BOCG Insurance", null, null).apply(catalog, Lang.EN).stream().map(Product::id).toList();
        assertTrue(bocg.contains(BOCG) && !bocg.contains(HSBC), bocg.toString());
        List<String> inShenzhen = new ProductFilter(null, null, null, hk.baycover.model.Region.SHENZHEN, null).apply(catalog, Lang.EN).stream().map(Product::id).toList();
        assertTrue(inShenzhen.containsAll(List.of(PICC, BOCG, HSBC, AXA, HUIMINBAO, RCSGD)), inShenzhen.toString());
        assertFalse(new ProductFilter(null, null, null, hk.baycover.model.Region.MACAO, null).apply(catalog, Lang.EN).stream().anyMatch(p -> p.id().equals(HUIMINBAO)));
    }
}
