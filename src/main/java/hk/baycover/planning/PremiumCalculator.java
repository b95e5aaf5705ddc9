package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Bound;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.Money;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Sex;
import hk.baycover.model.Term;
import hk.baycover.model.TermState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Annual premium of a product for a client on a date: the insurer's quote recorded for this client when there is one
 * (QUOTED); else the premium table in force on that date at the client's age on the table's basis, by sex, smoker status
 * and plan option (PUBLISHED, or SAMPLE for an illustrative table); free schemes cost zero (PUBLISHED); a scheme the
 * client is already enrolled in costs nothing more (its contributions are a fact of the profile). Everything else —
 * no table, contributions not published, no figure for the age — is UNKNOWN: "to be quoted", never zero.
 */
public final class PremiumCalculator {

    /**
     * A premium for one year: the state of the figure, the amount per year when there is one, the age it was read at,
     * whether the client is enrolled (no premium to buy), whether cover has ended, and why.
     */
    public record Quote(String productId, int age, TermState state, Optional<Money> annual, boolean enrolled, boolean ended,
                        Reason reason) {
        /** True when the amount is a figure a plan total may count: published or quoted. */
        public boolean firm() {
            return ended || (state.firm() && annual.isPresent());
        }

        /** True when the insurer must still quote this premium (unknown, or only a sample figure). */
        public boolean toBeQuoted() {
            return !ended && !firm();
        }

        public boolean sample() {
            return state == TermState.SAMPLE;
        }
    }

    public Quote quote(Product product, ClientProfile client, LocalDate on, LocalDate today, String option) {
        AgeBasis basis = product.premiums().ageBasis() != AgeBasis.NOT_STATED ? product.premiums().ageBasis() : product.eligibility().ageBasis();
        int age = client.ageOn(on, basis, today);
        ProductTerms terms = ProductTerms.of(product, client);
        Optional<Bound<Integer>> renewal = terms.maxRenewalAge().firm();
        if (renewal.isPresent() && renewal.get().amount().map(max -> age > max).orElse(false)) {
            return new Quote(product.id(), age, TermState.PUBLISHED, Optional.empty(), false, true,
                    Reason.block("premium.pastRenewal", renewal.get().amount().get()));
        }
        if (product.periodOpt().map(p -> p.endedBy(on)).orElse(false)) {
            return new Quote(product.id(), age, TermState.PUBLISHED, Optional.empty(), false, true,
                    Reason.block("premium.ended", product.period().to().toString()));
        }
        if (product.enrolledBy(client)) {
            Currency c = product.premiums().currency() == null ? Currency.CNY : product.premiums().currency();
            return new Quote(product.id(), age, TermState.PUBLISHED, Optional.of(Money.zero(c)), true, false, Reason.info("premium.enrolled"));
        }
        Term<Money> quoted = terms.quotedPremium();
        if (quoted.value().isPresent()) {
            return new Quote(product.id(), age, TermState.QUOTED, quoted.value(), false, false,
                    Reason.info("premium.quoted", quoted.quotedOn().map(LocalDate::toString).orElse(""), quoted.reference().orElse("")));
        }
        Quote q = table(product, age, on, client.sex(), client.smoker(), option);
        // past the published maximum entry age with no published renewal age and no figure: the cover may have ended;
        // say so (to be confirmed), rather than a bare "premium not published"
        Optional<Integer> maxEntry = terms.maxEntryAge().firm().flatMap(Bound::amount);
        if (!q.firm() && renewal.isEmpty() && maxEntry.isPresent() && age > maxEntry.get()) {
            return new Quote(q.productId(), q.age(), q.state(), q.annual(), false, false, Reason.confirm("premium.renewalUnconfirmed", maxEntry.get()));
        }
        return q;
    }

    /** The table's premium at an age on a date (no client-specific answers). */
    public Quote table(Product product, int age, LocalDate on, Sex sex, Boolean smoker, String option) {
        PremiumTable t = product.premiums();
        switch (t.status()) {
            case FREE:
                return new Quote(product.id(), age, t.sample() ? TermState.SAMPLE : TermState.PUBLISHED,
                        Optional.of(Money.zero(t.currency() == null ? Currency.HKD : t.currency())), false, false, Reason.info("premium.free"));
            case CONTRIBUTION:
                return new Quote(product.id(), age, TermState.UNKNOWN, Optional.empty(), false, false, Reason.warn("premium.contribution"));
            case NOT_PUBLISHED:
                return new Quote(product.id(), age, TermState.UNKNOWN, Optional.empty(), false, false, Reason.warn("premium.notPublished"));
            default:
                break;
        }
        String opt = option != null ? option : (t.options().isEmpty() ? null : t.options().get(0));
        List<PremiumRow> rows = t.rowsOn(on).stream().filter(r -> r.matches(age, sex, smoker, opt)).toList();
        if (rows.isEmpty()) {
            return new Quote(product.id(), age, TermState.UNKNOWN, Optional.empty(), false, false, Reason.warn("premium.noBand", age));
        }
        PremiumRow row = rows.stream().filter(r -> r.sex() != null || r.smoker() != null).findFirst().orElse(rows.get(0));
        BigDecimal perYear = row.amount().multiply(BigDecimal.valueOf(t.frequency().perYear()));
        return new Quote(product.id(), age, t.sample() ? TermState.SAMPLE : TermState.PUBLISHED, Optional.of(new Money(perYear, t.currency())),
                false, false, Reason.info("premium.band", row.ageFrom(), row.ageTo()));
    }
}
