package hk.baycover.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an insurer quoted or confirmed to an agent for one client and one product, with the date and the insurer's
 * reference: a premium (amount per {@code frequency}), and any term — limits, deductible, co-insurance (the client's
 * share, in percent), entry and renewal ages, the waiting period, the network (with the institutions it names), the
 * 港澳藥械通 stance for drugs and devices. Benefit terms apply to the
 * benefits for {@code need}, or to every benefit of the product when {@code need} is blank. A blank field is "not
 * answered" (the published term stands). Part of the client's personal data: stored encrypted with it.
 */
public record InsurerQuote(
        String product,
        LocalDate quotedOn,
        String reference,
        Money premium,
        PremiumFrequency frequency,
        Need need,
        Money annualLimit,
        Money perEventLimit,
        Money deductible,
        BigDecimal coInsurance,
        Integer minEntryAge,
        Integer maxEntryAge,
        Integer maxRenewalAge,
        Integer waitingPeriodDays,
        NetworkRule network,
        java.util.List<String> institutions,
        StanceKind gbaDrugs,
        StanceKind gbaDevices,
        String note) {

    public InsurerQuote {
        if (product == null || product.isBlank()) throw new IllegalArgumentException("a quote names its product");
        if (quotedOn == null) throw new IllegalArgumentException("a quote has its date");
        frequency = frequency == null ? PremiumFrequency.ANNUAL : frequency;
        institutions = institutions == null ? java.util.List.of() : java.util.List.copyOf(institutions);
    }

    /** True when the quote's benefit terms apply to a benefit for {@code n}. */
    public boolean appliesTo(Need n) {
        return need == null || need == n;
    }

    /** The quoted premium for a year, when one was quoted. */
    public java.util.Optional<Money> annualPremium() {
        return premium == null ? java.util.Optional.empty()
                : java.util.Optional.of(premium.times(BigDecimal.valueOf(frequency.perYear())));
    }
}
