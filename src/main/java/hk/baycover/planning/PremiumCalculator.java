package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Money;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Sex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Annual premium of a product for a client at an age, from its premium table (age band, sex, smoker, option; the
 * table's age basis). Free schemes cost zero; an unpublished premium is "unknown", never zero.
 */
public final class PremiumCalculator {

    /** A premium quote: the amount per year (empty when unknown), whether it is a sample figure, and why. */
    public record Quote(String productId, int age, Optional<Money> annual, boolean sample, PremiumStatus status, Reason reason) {
        public boolean known() { return annual.isPresent(); }
    }

    public Quote quote(Product product, ClientProfile client, LocalDate on, LocalDate today, String option) {
        AgeBasis basis = product.premiums().ageBasis() != AgeBasis.NOT_STATED ? product.premiums().ageBasis() : product.eligibility().ageBasis();
        int age = client.ageOn(on, basis, today);
        return quote(product, age, client.sex(), client.smoker(), option);
    }

    public Quote quote(Product product, int age, Sex sex, Boolean smoker, String option) {
        PremiumTable t = product.premiums();
        Integer renewal = product.eligibility().maxRenewalAge();
        if (renewal != null && age > renewal) {
            return new Quote(product.id(), age, Optional.empty(), false, t.status(), Reason.block("premium.pastRenewal", renewal));
        }
        switch (t.status()) {
            case FREE:
                return new Quote(product.id(), age, Optional.of(Money.zero(t.currency() == null ? hk.baycover.model.Currency.HKD : t.currency())),
                        t.sample(), t.status(), Reason.info("premium.free"));
            case CONTRIBUTION:
                return new Quote(product.id(), age, Optional.empty(), t.sample(), t.status(), Reason.warn("premium.contribution"));
            case NOT_PUBLISHED:
                return new Quote(product.id(), age, Optional.empty(), false, t.status(), Reason.warn("premium.notPublished"));
            default:
                break;
        }
        String opt = option != null ? option : (t.options().isEmpty() ? null : t.options().get(0));
        List<PremiumRow> rows = t.rows().stream().filter(r -> r.matches(age, sex, smoker, opt)).toList();
        if (rows.isEmpty()) {
            return new Quote(product.id(), age, Optional.empty(), t.sample(), t.status(), Reason.warn("premium.noBand", age));
        }
        PremiumRow row = rows.stream().filter(r -> r.sex() != null || r.smoker() != null).findFirst().orElse(rows.get(0));
        BigDecimal perYear = row.amount().multiply(BigDecimal.valueOf(t.frequency().perYear()));
        return new Quote(product.id(), age, Optional.of(new Money(perYear, t.currency())), t.sample(), t.status(),
                Reason.info("premium.band", row.ageFrom(), row.ageTo()));
    }
}
