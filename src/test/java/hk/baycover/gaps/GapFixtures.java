package hk.baycover.gaps;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Benefit;
import hk.baycover.model.Confidence;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.BenefitTerm;
import hk.baycover.model.EligibilityTerm;
import hk.baycover.model.GbaStance;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.Pack;
import hk.baycover.model.PackHeader;
import hk.baycover.model.PackKind;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.PremiumFrequency;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.Requirement;
import hk.baycover.model.Source;
import hk.baycover.model.Underwriting;

import java.math.BigDecimal;
import java.util.List;

/**
 * A small hand-built catalog whose gap matrix is worked out by hand in {@link GapMatrixTest}:
 * <ul>
 *   <li>A {@code t-sz-basic}: requires Shenzhen medical insurance; inpatient in Shenzhen only, with a deductible
 *       (PARTIAL); premium by contribution (unknown).</li>
 *   <li>B {@code t-hk-medical}: entry ages 18–64, renewable to 99, full underwriting, pre-existing excluded; inpatient in
 *       the GBA Mainland, no deductible (FULL; PARTIAL for segments declaring conditions); HKD 1,000 / 2,000 / 5,000
 *       for ages 18–39 / 40–64 / 65–99.</li>
 *   <li>C {@code t-sz-dental}: open to all, guaranteed issue; dental in Shenzhen only (FULL); CNY 500 a year.</li>
 *   <li>D {@code t-gba-drug}: entry ages 0–75; 港澳藥械通 drugs in the GBA Mainland at designated institutions
 *       (PARTIAL); premium not published.</li>
 * </ul>
 */
public final class GapFixtures {

    public static final List<Need> NEEDS = List.of(Need.INPATIENT, Need.DENTAL, Need.GBA_DRUG);

    private GapFixtures() {
    }

    /** 3 bands × 3 places × 2 insurance × 2 condition classes = 36 segments; 3 needs = 108 cells. */
    public static SegmentConfig config() {
        return new SegmentConfig(List.of(AgeBand.of(18, 39), AgeBand.of(40, 64), AgeBand.of(65, 84)),
                List.of(LivingPlace.HONG_KONG, LivingPlace.SHENZHEN, LivingPlace.OTHER_GBA), List.of(false, true),
                List.of(ConditionClass.NONE, ConditionClass.CHRONIC), NEEDS, AgePolicy.ALL_AGES, Currency.HKD, 99, true);
    }

    public static List<Product> catalog() {
        return List.of(szBasic(), hkMedical(), szDental(), gbaDrug());
    }

    public static Product szBasic() {
        return product("t-sz-basic", ProductKind.PUBLIC_BASIC, "Test Shenzhen basic",
                eligibility(null, null, null, List.of(Requirement.SZ_MEDICAL_INSURANCE), Underwriting.NOT_APPLICABLE, PreExistingRule.COVERED),
                List.of(benefit(Need.INPATIENT, List.of(Region.SHENZHEN), NetworkRule.ANY, money("200000", Currency.CNY), money("1000", Currency.CNY), StanceKind.NOT_STATED)),
                new PremiumTable(PremiumStatus.CONTRIBUTION, Currency.CNY, null, null, null, null, null, null, null, null, null, null, false));
    }

    public static Product hkMedical() {
        return product("t-hk-medical", ProductKind.COMMERCIAL_MEDICAL, "Test HK medical",
                eligibility(18, 64, 99, List.of(), Underwriting.FULL_MEDICAL, PreExistingRule.EXCLUDED),
                List.of(benefit(Need.INPATIENT, List.of(Region.GBA_MAINLAND, Region.HONG_KONG), NetworkRule.ANY, money("1000000", Currency.HKD), null, StanceKind.NOT_STATED)),
                table(Currency.HKD, new PremiumRow(18, 39, null, null, null, new BigDecimal("1000")),
                        new PremiumRow(40, 64, null, null, null, new BigDecimal("2000")),
                        new PremiumRow(65, 99, null, null, null, new BigDecimal("5000"))));
    }

    public static Product szDental() {
        return product("t-sz-dental", ProductKind.COMMERCIAL_MEDICAL, "Test Shenzhen dental",
                eligibility(null, null, null, List.of(), Underwriting.GUARANTEED_ISSUE, PreExistingRule.COVERED),
                List.of(benefit(Need.DENTAL, List.of(Region.SHENZHEN), NetworkRule.ANY, money("5000", Currency.CNY), null, StanceKind.NOT_STATED)),
                table(Currency.CNY, new PremiumRow(0, 99, null, null, null, new BigDecimal("500"))));
    }

    public static Product gbaDrug() {
        return product("t-gba-drug", ProductKind.COMMERCIAL_MEDICAL, "Test GBA drug cover",
                eligibility(0, 75, null, List.of(), Underwriting.MORATORIUM, PreExistingRule.COVERED),
                List.of(benefit(Need.GBA_DRUG, List.of(Region.GBA_MAINLAND), NetworkRule.DESIGNATED_GBA, money("300000", Currency.HKD), null, StanceKind.COVERED)),
                PremiumTable.notPublished());
    }

    /** A clone of C that also pays dental elsewhere in the GBA, for HKD 300 a year. */
    public static Product dentalDraft(String id) {
        return product(id, ProductKind.COMMERCIAL_MEDICAL, "Draft GBA dental",
                eligibility(null, null, null, List.of(), Underwriting.GUARANTEED_ISSUE, PreExistingRule.COVERED),
                List.of(benefit(Need.DENTAL, List.of(Region.GBA_MAINLAND), NetworkRule.ANY, money("5000", Currency.HKD), null, StanceKind.NOT_STATED)),
                table(Currency.HKD, new PremiumRow(0, 99, null, null, null, new BigDecimal("300"))));
    }

    public static Product product(String id, ProductKind kind, String name, Eligibility e, List<Benefit> benefits, PremiumTable premiums) {
        return new Product(id, kind, LocalizedText.of(name + "（繁）", name + "（简）", name), null, null, List.of(), null, null, e, benefits,
                premiums, null, null, null, List.of(new Source("https://example.org/test-terms", "2026-11-01", "test fixture")), PartialDate.parse("2026-11"),
                Confidence.LOW, "test fixture", true);
    }

    public static Eligibility eligibility(Integer min, Integer max, Integer renewal, List<Requirement> requires, Underwriting u, PreExistingRule pre) {
        // what the fixture does not state is stated as none (an open product), as the terms would say
        List<EligibilityTerm> none = new java.util.ArrayList<>();
        if (min == null) none.add(EligibilityTerm.MIN_ENTRY_AGE);
        if (max == null) none.add(EligibilityTerm.MAX_ENTRY_AGE);
        if (renewal == null) none.add(EligibilityTerm.MAX_RENEWAL_AGE);
        none.add(EligibilityTerm.WAITING_PERIOD);
        // a fixture that covers pre-existing conditions covers declared ones too; one that excludes them excludes both
        hk.baycover.model.DeclaredRule declared = pre == PreExistingRule.COVERED ? hk.baycover.model.DeclaredRule.COVERED
                : pre == PreExistingRule.EXCLUDED ? hk.baycover.model.DeclaredRule.EXCLUDED : null;
        return new Eligibility(min, max, AgeBasis.LAST_BIRTHDAY, renewal, none, requires, null, u, pre, null, declared, null, null, null);
    }

    public static Benefit benefit(Need need, List<Region> regions, NetworkRule network, Money annual, Money deductible, StanceKind gba) {
        List<BenefitTerm> none = new java.util.ArrayList<>(List.of(BenefitTerm.PER_EVENT_LIMIT, BenefitTerm.CO_INSURANCE, BenefitTerm.WAITING_PERIOD));
        if (annual == null) none.add(BenefitTerm.ANNUAL_LIMIT);
        if (deductible == null) none.add(BenefitTerm.DEDUCTIBLE);
        Stance st = new Stance(gba, null, null, null);
        return new Benefit(need, regions, network, null, annual, null, deductible, null, null, null, null, null, null, none, null, null,
                new GbaStance(st, st), null, null, null, null, false);
    }

    public static PremiumTable table(Currency currency, PremiumRow... rows) {
        return new PremiumTable(PremiumStatus.TABLE, currency, PremiumFrequency.ANNUAL, AgeBasis.LAST_BIRTHDAY, null, List.of(rows), null, null, null,
                null, null, null, false);
    }

    public static Money money(String amount, Currency c) {
        return amount == null ? null : Money.of(amount, c);
    }

    /** The fixtures as a products pack (for CLI and store tests). */
    public static Pack pack(String id, List<Product> products) {
        return new Pack(new PackHeader(id, PackKind.PRODUCTS, "1", PartialDate.parse("2026-11"), LocalizedText.of("測試", "测试", "Test products"),
                null, null, "tests", null, null), null, null, null, products, null);
    }
}
