package hk.baycover.gaps;

import hk.baycover.model.Benefit;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.StanceKind;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.Requirement;
import hk.baycover.model.Sex;
import hk.baycover.model.Underwriting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic catalog of varied products (ages, requirements, regions, networks, premiums) for tests and benchmarks. */
public final class GapCatalogGenerator {

    private GapCatalogGenerator() {
    }

    public static List<Product> products(int count, long seed) {
        Random r = new Random(seed);
        List<Product> out = new ArrayList<>(count);
        Region[] regions = Region.values();
        Requirement[] reqs = {Requirement.HK_RESIDENT, Requirement.LIVES_IN_HK, Requirement.LIVES_IN_GUANGDONG, Requirement.LIVES_IN_SHENZHEN,
                Requirement.SZ_MEDICAL_INSURANCE, Requirement.MAINLAND_RESIDENCE_PERMIT, Requirement.CSSA_RECIPIENT};
        for (int i = 0; i < count; i++) {
            Integer min = r.nextInt(4) == 0 ? null : r.nextInt(40);
            Integer max = r.nextInt(4) == 0 ? null : Math.max(min == null ? 0 : min, 30 + r.nextInt(60));
            Integer renewal = max == null || r.nextBoolean() ? null : Math.min(130, max + r.nextInt(30));
            List<Requirement> requires = new ArrayList<>();
            if (r.nextInt(3) == 0) requires.add(reqs[r.nextInt(reqs.length)]);
            Eligibility e = GapFixtures.eligibility(min, max, renewal, requires, Underwriting.values()[r.nextInt(Underwriting.values().length)],
                    PreExistingRule.values()[r.nextInt(PreExistingRule.values().length)]);
            List<Benefit> benefits = new ArrayList<>();
            int nb = 1 + r.nextInt(6);
            for (int b = 0; b < nb; b++) {
                Need need = Need.values()[r.nextInt(Need.values().length)];
                List<Region> where = List.of(regions[r.nextInt(regions.length)]);
                Money deductible = r.nextInt(3) == 0 ? Money.of(String.valueOf(500 * (1 + r.nextInt(6))), Currency.HKD) : null;
                Money annual = r.nextInt(5) == 0 ? null : Money.of(String.valueOf(10000 * (1 + r.nextInt(100))), Currency.HKD);
                StanceKind[] stances = {StanceKind.COVERED, StanceKind.EXCLUDED, StanceKind.NOT_STATED};
                benefits.add(GapFixtures.benefit(need, where, NetworkRule.values()[r.nextInt(2) == 0 ? 0 : r.nextInt(NetworkRule.values().length - 1)], annual,
                        deductible, stances[r.nextInt(stances.length)]));
            }
            PremiumTable premiums;
            int kind = r.nextInt(5);
            if (kind == 0) {
                premiums = PremiumTable.notPublished();
            } else if (kind == 1) {
                premiums = new PremiumTable(PremiumStatus.FREE, Currency.HKD, null, null, null, null, null, null, null, null, null, null, false);
            } else {
                Currency cur = r.nextBoolean() ? Currency.HKD : Currency.CNY;
                List<PremiumRow> rows = new ArrayList<>();
                int from = 0;
                while (from <= 99) {
                    int to = Math.min(99, from + 4 + r.nextInt(20));
                    BigDecimal base = BigDecimal.valueOf(300 + from * (20 + r.nextInt(40)));
                    if (r.nextInt(3) == 0) {
                        rows.add(new PremiumRow(from, to, Sex.F, null, null, base));
                        rows.add(new PremiumRow(from, to, Sex.M, null, null, base.add(BigDecimal.valueOf(r.nextInt(200)))));
                    } else {
                        rows.add(new PremiumRow(from, to, null, null, null, base));
                    }
                    from = to + 1;
                }
                premiums = GapFixtures.table(cur, rows.toArray(PremiumRow[]::new));
            }
            out.add(GapFixtures.product(String.format("gen-%04d", i), ProductKind.values()[r.nextInt(ProductKind.values().length)],
                    "Generated " + i, e, benefits, premiums));
        }
        return out;
    }
}
