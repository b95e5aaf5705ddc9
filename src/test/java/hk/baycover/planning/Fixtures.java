package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Benefit;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Confidence;
import hk.baycover.model.CostLine;
import hk.baycover.model.Currency;
import hk.baycover.model.Designation;
import hk.baycover.model.Eligibility;
import hk.baycover.model.BenefitTerm;
import hk.baycover.model.EligibilityTerm;
import hk.baycover.model.GbaStance;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.Institution;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.PremiumFrequency;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Scenario;
import hk.baycover.model.ServiceLinkage;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SzInsurance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small builders for hand-made products, episodes and clients in planning tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Money hkd(String a) { return Money.of(a, Currency.HKD); }

    public static Money cny(String a) { return Money.of(a, Currency.CNY); }

    public static final List<Source> SRC = List.of(new Source("https://example.org/terms", "2026-01-01", "test terms"));

    /**
     * A benefit builder with every term it does not set PUBLISHED as none ("open, no limits, no deductible, no
     * co-insurance, no waiting period", as the terms state) — unless {@link #unknown} makes it unpublished.
     */
    public static final class B {
        Need need;
        List<Region> regions = List.of();
        NetworkRule network = NetworkRule.ANY;
        List<String> institutions = List.of();
        Money annual;
        Money perEvent;
        Money deductible;
        BigDecimal coIns;
        StanceKind gba = StanceKind.NOT_STATED;
        List<String> gbaList = List.of();
        Integer waiting;
        Money copay;
        Money cash;
        hk.baycover.model.CashPer cashPer;
        hk.baycover.model.LimitYear limitYear;
        String limitGroup;
        boolean sample;
        List<hk.baycover.model.BenefitChange> changes = List.of();
        java.util.Set<BenefitTerm> unknown = java.util.EnumSet.noneOf(BenefitTerm.class);

        public B(Need need) { this.need = need; }

        public B regions(Region... r) { regions = List.of(r); return this; }

        public B network(NetworkRule n, String... inst) { network = n; institutions = List.of(inst); return this; }

        public B annual(Money m) { annual = m; return this; }

        public B perEvent(Money m) { perEvent = m; return this; }

        public B deductible(Money m) { deductible = m; return this; }

        public B coIns(String pct) { coIns = new BigDecimal(pct); return this; }

        public B gba(StanceKind g, String... items) { gba = g; gbaList = List.of(items); return this; }

        public B waiting(int days) { waiting = days; return this; }

        public B copay(Money m) { copay = m; return this; }

        public B cash(Money m, hk.baycover.model.CashPer per) { cash = m; cashPer = per; return this; }

        public B limitYear(hk.baycover.model.LimitYear y, String group) { limitYear = y; limitGroup = group; return this; }

        public B sample() { sample = true; return this; }

        public B changes(hk.baycover.model.BenefitChange... c) { changes = List.of(c); return this; }

        /** Makes these terms unpublished (the default is "stated none" for every term not set). */
        public B unknown(BenefitTerm... t) { unknown.addAll(List.of(t)); return this; }

        public Benefit build() {
            List<BenefitTerm> none = new ArrayList<>();
            if (annual == null && !unknown.contains(BenefitTerm.ANNUAL_LIMIT)) none.add(BenefitTerm.ANNUAL_LIMIT);
            if (perEvent == null && !unknown.contains(BenefitTerm.PER_EVENT_LIMIT)) none.add(BenefitTerm.PER_EVENT_LIMIT);
            if (deductible == null && !unknown.contains(BenefitTerm.DEDUCTIBLE)) none.add(BenefitTerm.DEDUCTIBLE);
            if (coIns == null && !unknown.contains(BenefitTerm.CO_INSURANCE)) none.add(BenefitTerm.CO_INSURANCE);
            if (waiting == null && !unknown.contains(BenefitTerm.WAITING_PERIOD)) none.add(BenefitTerm.WAITING_PERIOD);
            Stance st = new Stance(gba, gbaList, null, null);
            return new Benefit(need, regions, network, institutions, annual, perEvent, deductible, coIns, copay, cash, cashPer, limitYear, limitGroup,
                    none, changes, null, new GbaStance(st, st), waiting, null, null, null, sample);
        }
    }

    public static B benefit(Need n) { return new B(n); }

    /** A product builder. */
    public static final class P {
        String id;
        ProductKind kind = ProductKind.COMMERCIAL_MEDICAL;
        List<Benefit> benefits = new ArrayList<>();
        Eligibility elig = new Eligibility(null, null, AgeBasis.LAST_BIRTHDAY, null,
                List.of(EligibilityTerm.MIN_ENTRY_AGE, EligibilityTerm.MAX_ENTRY_AGE, EligibilityTerm.MAX_RENEWAL_AGE, EligibilityTerm.WAITING_PERIOD),
                null, null, null, null, null, null, null, null, null);
        hk.baycover.model.Period period;
        List<String> exclusiveWith;
        List<hk.baycover.model.SzInsurance> enrolment;
        PremiumTable premiums = PremiumTable.notPublished();
        List<String> directBilling = List.of();

        public P(String id) { this.id = id; }

        public P kind(ProductKind k) { kind = k; return this; }

        public P benefit(B b) { benefits.add(b.build()); return this; }

        public P elig(Integer minAge, Integer maxAge, Integer renewal, PreExistingRule pre, String preRate, Integer waiting) {
            List<EligibilityTerm> none = new ArrayList<>();
            if (minAge == null) none.add(EligibilityTerm.MIN_ENTRY_AGE);
            if (maxAge == null) none.add(EligibilityTerm.MAX_ENTRY_AGE);
            if (renewal == null) none.add(EligibilityTerm.MAX_RENEWAL_AGE);
            if (waiting == null) none.add(EligibilityTerm.WAITING_PERIOD);
            elig = new Eligibility(minAge, maxAge, AgeBasis.LAST_BIRTHDAY, renewal, none, null, null, null, pre,
                    preRate == null ? null : new BigDecimal(preRate), null, waiting, null, null);
            return this;
        }

        /** The eligibility as given, unknowns included. */
        public P elig(Eligibility e) { elig = e; return this; }

        public P period(java.time.LocalDate from, java.time.LocalDate to) { period = new hk.baycover.model.Period(from, to, null, null); return this; }

        public P exclusiveWith(String... ids) { exclusiveWith = List.of(ids); return this; }

        public P enrolment(hk.baycover.model.SzInsurance... s) { enrolment = List.of(s); return this; }

        public P flat(Currency cur, String annual) {
            premiums = new PremiumTable(PremiumStatus.TABLE, cur, PremiumFrequency.ANNUAL, AgeBasis.LAST_BIRTHDAY, null,
                    List.of(new PremiumRow(0, 120, null, null, null, new BigDecimal(annual))), null, null, SRC, null, PartialDate.parse("2026"), Confidence.HIGH, false);
            return this;
        }

        public P bands(Currency cur, int[][] bands) {
            List<PremiumRow> rows = new ArrayList<>();
            for (int[] b : bands) rows.add(new PremiumRow(b[0], b[1], null, null, null, BigDecimal.valueOf(b[2])));
            premiums = new PremiumTable(PremiumStatus.TABLE, cur, PremiumFrequency.ANNUAL, AgeBasis.LAST_BIRTHDAY, null, rows, null, null, SRC,
                    null, PartialDate.parse("2026"), Confidence.HIGH, false);
            return this;
        }

        public P free() {
            premiums = new PremiumTable(PremiumStatus.FREE, Currency.HKD, null, null, null, null, null, null, SRC, null, PartialDate.parse("2026"), Confidence.HIGH, false);
            return this;
        }

        public P directBilling(String... inst) { directBilling = List.of(inst); return this; }

        public Product build() {
            return new Product(id, kind, LocalizedText.of("產品 " + id, "产品 " + id, "Product " + id), null, null, null, null,
                    new ServiceLinkage(directBilling, null, null, null, null, null, null, null), elig, benefits, premiums, period, exclusiveWith,
                    enrolment, SRC, PartialDate.parse("2026-01"), Confidence.HIGH, null, false);
        }
    }

    public static P product(String id) { return new P(id); }

    public static CostLine line(String id, Need need, String institution, Region region, Money cost) {
        return new CostLine(id, need, institution, region, LocalizedText.en(id), cost, null, false, null);
    }

    public static CostLine itemLine(String id, String institution, Money cost, String item) {
        return new CostLine(id, Need.GBA_DRUG, institution, Region.SHENZHEN, LocalizedText.en(id), cost, item, false, null);
    }

    public static Scenario episode(String id, CostLine... lines) {
        return new Scenario(id, LocalizedText.of("情境 " + id, "情境 " + id, "Episode " + id), null, 30, List.of(lines), SRC,
                PartialDate.parse("2026"), Confidence.MEDIUM, null, false);
    }

    public static Institution hospital(String id, boolean designated) {
        return new Institution(id, LocalizedText.of("醫院 " + id, "医院 " + id, "Hospital " + id), null, City.SHENZHEN, null, null, null,
                designated ? new Designation(1, null, PartialDate.parse("2021-08"), null, null, null) : null, null, null, null, SRC,
                PartialDate.parse("2026"), Confidence.HIGH, null, false);
    }

    public static Catalog catalog(List<Product> products, List<Scenario> scenarios, Institution... institutions) {
        return new Catalog(List.of(), List.of(institutions), List.of(), List.of(), products, scenarios);
    }

    public static ClientProfile client(int age, Map<Need, Priority> needs, Money budget, int horizon, HealthCondition... conditions) {
        return new ClientProfile(null, null, null, null, age, Sex.M, false, ResidencyStatus.HK_PERMANENT_RESIDENT, LivingPlace.SHENZHEN, City.SHENZHEN,
                SzInsurance.NONE, null, false, false, false, false, null, null, List.of(conditions), null, null, needs, budget, horizon, null);
    }

    public static Map<Need, Priority> needs(Object... pairs) {
        Map<Need, Priority> m = new EnumMap<>(Need.class);
        for (int i = 0; i < pairs.length; i += 2) m.put((Need) pairs[i], (Priority) pairs[i + 1]);
        return m;
    }
}
