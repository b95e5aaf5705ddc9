package hk.baycover.bench;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Benefit;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Confidence;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PremiumFrequency;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.Requirement;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SzInsurance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated catalog for the recommendation benchmark: N products over the 16 needs, with premium tables in
 * 5-year age bands (HKD or CNY), renewal ages, regions (some Hong Kong only), a few free public schemes, a few
 * unpublished premiums and a few residency requirements the client does not meet.
 */
public final class PlanCatalogGenerator {
    private PlanCatalogGenerator() {
    }

    public static Catalog catalog(int products, long seed) {
        Random r = new Random(seed);
        List<Product> out = new ArrayList<>();
        Need[] needs = Need.values();
        for (int i = 0; i < products; i++) {
            int kindRoll = r.nextInt(20);
            ProductKind kind = kindRoll == 0 ? ProductKind.PUBLIC_SCHEME : kindRoll < 4 ? ProductKind.INCLUSIVE : ProductKind.COMMERCIAL_MEDICAL;
            List<Benefit> benefits = new ArrayList<>();
            int count = 1 + r.nextInt(5);
            for (int k = 0; k < count; k++) {
                Need n = needs[r.nextInt(needs.length)];
                Region region = new Region[] {Region.SHENZHEN, Region.GBA_MAINLAND, Region.WORLDWIDE, Region.HONG_KONG}[r.nextInt(4)];
                Money deductible = r.nextBoolean() ? Money.of(String.valueOf(r.nextInt(20000)), Currency.HKD) : null;
                BigDecimal coIns = r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(30)) : null;
                List<hk.baycover.model.BenefitTerm> none = new ArrayList<>(List.of(hk.baycover.model.BenefitTerm.PER_EVENT_LIMIT,
                        hk.baycover.model.BenefitTerm.WAITING_PERIOD));
                if (deductible == null) none.add(hk.baycover.model.BenefitTerm.DEDUCTIBLE);
                if (coIns == null) none.add(hk.baycover.model.BenefitTerm.CO_INSURANCE);
                benefits.add(new Benefit(n, List.of(region), hk.baycover.model.NetworkRule.ANY, null,
                        Money.of(String.valueOf(50000 + r.nextInt(500000)), Currency.HKD), null, deductible, coIns, null, null, null, null, null, none,
                        null, null, null, null, null, null, null, false));
            }
            Integer renewal = new Integer[] {null, 75, 80, 85, 100}[r.nextInt(5)];
            List<Requirement> req = r.nextInt(10) == 0 ? List.of(Requirement.SZ_MEDICAL_INSURANCE) : List.of();
            List<hk.baycover.model.EligibilityTerm> eNone = new ArrayList<>(List.of(hk.baycover.model.EligibilityTerm.MIN_ENTRY_AGE,
                    hk.baycover.model.EligibilityTerm.WAITING_PERIOD));
            if (renewal == null) eNone.add(hk.baycover.model.EligibilityTerm.MAX_RENEWAL_AGE);
            Eligibility e = new Eligibility(null, 80, AgeBasis.LAST_BIRTHDAY, renewal, eNone, req, null, null, null, null, null, null, null, null);
            PremiumTable t;
            if (kind == ProductKind.PUBLIC_SCHEME) {
                t = new PremiumTable(PremiumStatus.FREE, Currency.HKD, null, null, null, null, null, null, List.of(), null, null, null, false);
            } else if (r.nextInt(15) == 0) {
                t = PremiumTable.notPublished();
            } else {
                Currency cur = r.nextInt(4) == 0 ? Currency.CNY : Currency.HKD;
                int base = kind == ProductKind.INCLUSIVE ? 100 + r.nextInt(300) : 1000 + r.nextInt(9000);
                List<PremiumRow> rows = new ArrayList<>();
                for (int from = 0; from <= 100; from += 5) {
                    int amount = (int) (base * Math.pow(1.12, Math.max(0, from - 40) / 5.0));
                    rows.add(new PremiumRow(from, from + 4, null, null, null, BigDecimal.valueOf(amount)));
                }
                t = new PremiumTable(PremiumStatus.TABLE, cur, PremiumFrequency.ANNUAL, AgeBasis.LAST_BIRTHDAY, null, rows, null, null,
                        List.of(new Source("https://example.org/generated", "2026-01-01", "generated")), null, PartialDate.parse("2026"), Confidence.LOW, false);
            }
            out.add(new Product("gen-" + i, kind, LocalizedText.en("Generated product " + i), null, null, null, null, null, e, benefits, t,
                    null, null, null, List.of(new Source("https://example.org/generated", null, "generated")), PartialDate.parse("2026"), Confidence.LOW,
                    "generated for the benchmark", true));
        }
        return new Catalog(List.of(), List.of(), List.of(), List.of(), out, List.of());
    }

    /** A 60-year-old Hong Kong resident living in Shenzhen: 10 must-have needs, 6 nice-to-have, a 20-year horizon. */
    public static ClientProfile client(Money budget) {
        Map<Need, Priority> needs = new EnumMap<>(Need.class);
        Need[] all = Need.values();
        for (int i = 0; i < all.length; i++) needs.put(all[i], i < 10 ? Priority.MUST_HAVE : Priority.NICE_TO_HAVE);
        return new ClientProfile(null, null, null, null, 60, Sex.F, false, ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.SHENZHEN, City.SHENZHEN,
                SzInsurance.NONE, null, false, false, false, false, null, null, null, null, null, needs, budget, 20, null);
    }
}
