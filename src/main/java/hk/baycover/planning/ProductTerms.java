package hk.baycover.planning;

import hk.baycover.model.Benefit;
import hk.baycover.model.BenefitTerm;
import hk.baycover.model.Bound;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityTerm;
import hk.baycover.model.InsurerQuote;
import hk.baycover.model.Money;
import hk.baycover.model.Product;
import hk.baycover.model.Source;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.Term;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The terms of one product as the rules read them for one client: every term a rule reads becomes a {@link Term} —
 * published (with its sources), sample, quoted (the insurer's answer the agent recorded for this client, which wins over
 * the pack), or unknown. This is the one place that interprets a blank pack field, and it never reads a blank as "no
 * limit", "no deductible" or "anyone may join": only a term the source states as none ({@code statedNone}) is none.
 * Effective-dated values ({@code changes}) are read on the date asked for.
 */
public final class ProductTerms {

    private final Product product;
    private final List<InsurerQuote> quotes;

    private ProductTerms(Product product, List<InsurerQuote> quotes) {
        this.product = product;
        this.quotes = quotes;
    }

    /** The terms of {@code product} with the insurer's answers recorded for {@code client} (may be null). */
    public static ProductTerms of(Product product, ClientProfile client) {
        return new ProductTerms(product, client == null ? List.of() : client.quotesFor(product.id()));
    }

    public Product product() { return product; }

    /** The answers recorded for this product, oldest first. */
    public List<InsurerQuote> quotes() { return quotes; }

    // ---------------------------------------------------------------------------------------------------------------
    // eligibility

    public Term<Bound<Integer>> minEntryAge() {
        Eligibility e = product.eligibility();
        return ageTerm(e.minEntryAge(), EligibilityTerm.MIN_ENTRY_AGE, InsurerQuote::minEntryAge);
    }

    public Term<Bound<Integer>> maxEntryAge() {
        Eligibility e = product.eligibility();
        return ageTerm(e.maxEntryAge(), EligibilityTerm.MAX_ENTRY_AGE, InsurerQuote::maxEntryAge);
    }

    public Term<Bound<Integer>> maxRenewalAge() {
        Eligibility e = product.eligibility();
        return ageTerm(e.maxRenewalAge(), EligibilityTerm.MAX_RENEWAL_AGE, InsurerQuote::maxRenewalAge);
    }

    private Term<Bound<Integer>> ageTerm(Integer value, EligibilityTerm term, Function<InsurerQuote, Integer> quoted) {
        Term<Bound<Integer>> q = latestQuote(quoted, null).map(Bound::of);
        if (!q.isUnknown()) return q;
        if (value != null) return Term.published(Bound.of(value), product.sources());
        if (product.eligibility().statesNone(term)) return Term.published(Bound.none(), product.sources());
        return Term.unknown();
    }

    /** The product-wide waiting period in days (0 when the source states none). */
    public Term<Integer> waitingDays() {
        Eligibility e = product.eligibility();
        if (e.waitingPeriodDays() != null) return Term.published(e.waitingPeriodDays(), product.sources());
        if (e.statesNone(EligibilityTerm.WAITING_PERIOD)) return Term.published(0, product.sources());
        return Term.unknown();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // benefits

    /** The terms of one benefit on {@code date} (effective-dated values in force then). */
    public BenefitTerms benefit(Benefit b, LocalDate date) {
        List<Source> src = b.sources().isEmpty() ? product.sources() : b.sources();
        Money annual = b.latest(date, hk.baycover.model.BenefitChange::annualLimit, b.annualLimit());
        Money perEvent = b.latest(date, hk.baycover.model.BenefitChange::perEventLimit, b.perEventLimit());
        Money deductible = b.latest(date, hk.baycover.model.BenefitChange::deductible, b.deductible());
        BigDecimal coIns = b.latest(date, hk.baycover.model.BenefitChange::coInsurance, b.coInsurance());
        Money cash = b.latest(date, hk.baycover.model.BenefitChange::cashAmount, b.cashAmount());

        Term<Bound<Money>> annualT = moneyBound(b, annual, BenefitTerm.ANNUAL_LIMIT, src, InsurerQuote::annualLimit);
        Term<Bound<Money>> perEventT = moneyBound(b, perEvent, BenefitTerm.PER_EVENT_LIMIT, src, InsurerQuote::perEventLimit);
        // a benefit that publishes its annual cap (or states none) and says nothing of a per-event cap has none
        if (perEventT.isUnknown() && annualT.isFirm()) perEventT = Term.published(Bound.none(), annualT.sources());
        Term<Bound<Money>> dedT = moneyBound(b, deductible, BenefitTerm.DEDUCTIBLE, src, InsurerQuote::deductible);
        Term<BigDecimal> coInsT = latestBenefitQuote(b, InsurerQuote::coInsurance);
        if (coInsT.isUnknown()) {
            if (coIns != null) coInsT = Term.of(coIns, b.sample(), src);
            else if (b.statesNone(BenefitTerm.CO_INSURANCE)) coInsT = Term.published(BigDecimal.ZERO, src);
        }
        Term<Integer> waitT = latestBenefitQuote(b, InsurerQuote::waitingPeriodDays);
        if (!waitT.isUnknown()) {
            // the insurer's answer stands
        } else if (b.waitingPeriodDays() != null) waitT = Term.of(b.waitingPeriodDays(), b.sample(), src);
        else if (b.statesNone(BenefitTerm.WAITING_PERIOD)) waitT = Term.published(0, src);
        else waitT = waitingDays();
        Term<Money> cashT = Term.of(cash, b.sample(), src);
        hk.baycover.model.NetworkRule network = b.network();
        List<String> institutions = b.institutions();
        Term<hk.baycover.model.NetworkRule> quotedNetwork = latestBenefitQuote(b, InsurerQuote::network);
        if (!quotedNetwork.isUnknown()) {
            network = quotedNetwork.value().orElseThrow();
            for (InsurerQuote q : quotes) if (q.appliesTo(b.need()) && q.network() != null) institutions = q.institutions();
        }
        return new BenefitTerms(b, annualT, perEventT, dedT, coInsT, waitT, cashT,
                stance(b, b.gbaStance().drugs(), InsurerQuote::gbaDrugs), stance(b, b.gbaStance().devices(), InsurerQuote::gbaDevices),
                network, institutions);
    }

    private Term<Bound<Money>> moneyBound(Benefit b, Money value, BenefitTerm term, List<Source> src, Function<InsurerQuote, Money> quoted) {
        Term<Bound<Money>> q = latestBenefitQuote(b, quoted).map(Bound::of);
        if (!q.isUnknown()) return q;
        if (value != null) return Term.of(Bound.of(value), b.sample(), src);
        if (b.statesNone(term)) return Term.published(Bound.none(), src);
        return Term.unknown();
    }

    private Term<Stance> stance(Benefit b, Stance s, Function<InsurerQuote, StanceKind> quoted) {
        Term<StanceKind> q = latestBenefitQuote(b, quoted);
        if (!q.isUnknown()) return q.map(k -> new Stance(k, s.items(), null, null));
        if (s.stance() == StanceKind.NOT_STATED) return Term.unknown();
        return Term.of(s, b.sample(), s.sources().isEmpty() ? (b.sources().isEmpty() ? product.sources() : b.sources()) : s.sources());
    }

    private <T> Term<T> latestBenefitQuote(Benefit b, Function<InsurerQuote, T> field) {
        Term<T> out = Term.unknown();
        for (InsurerQuote q : quotes) {
            if (!q.appliesTo(b.need())) continue;
            T v = field.apply(q);
            if (v != null) out = Term.quoted(v, q.quotedOn(), q.reference());
        }
        return out;
    }

    private <T> Term<T> latestQuote(Function<InsurerQuote, T> field, T none) {
        Term<T> out = Term.unknown();
        for (InsurerQuote q : quotes) {
            T v = field.apply(q);
            if (v != null && v != none) out = Term.quoted(v, q.quotedOn(), q.reference());
        }
        return out;
    }

    /** The latest premium the insurer quoted for this client (per year), if any. */
    public Term<Money> quotedPremium() {
        Term<Money> out = Term.unknown();
        for (InsurerQuote q : quotes) {
            if (q.annualPremium().isPresent()) out = Term.quoted(q.annualPremium().get(), q.quotedOn(), q.reference());
        }
        return out;
    }

    /** The terms of one benefit, read on one date. */
    public record BenefitTerms(Benefit benefit, Term<Bound<Money>> annualLimit, Term<Bound<Money>> perEventLimit,
                               Term<Bound<Money>> deductible, Term<BigDecimal> coInsurance, Term<Integer> waitingDays,
                               Term<Money> cashAmount, Term<Stance> drugs, Term<Stance> devices,
                               hk.baycover.model.NetworkRule network, List<String> institutions) {

        /** The cap on what the benefit pays is known: some limit is published or quoted, or both are stated none. */
        public boolean capKnown() {
            return annualLimit.isFirm() && perEventLimit.isFirm();
        }
    }
}
