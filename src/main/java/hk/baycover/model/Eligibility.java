package hk.baycover.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who may join: entry ages (with the age basis), maximum renewal age, residency and status requirements,
 * underwriting type, the pre-existing-condition rule and waiting periods.
 * {@code preExistingRate} is the share paid (0–100 %) when the rule is REDUCED.
 */
public record Eligibility(
        Integer minEntryAge,
        Integer maxEntryAge,
        AgeBasis ageBasis,
        Integer maxRenewalAge,
        List<Requirement> requires,
        Underwriting underwriting,
        PreExistingRule preExisting,
        BigDecimal preExistingRate,
        Integer waitingPeriodDays,
        LocalizedText note) {

    public Eligibility {
        ageBasis = ageBasis == null ? AgeBasis.NOT_STATED : ageBasis;
        requires = requires == null ? List.of() : List.copyOf(requires);
        underwriting = underwriting == null ? Underwriting.NOT_STATED : underwriting;
        preExisting = preExisting == null ? PreExistingRule.NOT_STATED : preExisting;
    }

    public static Eligibility open() {
        return new Eligibility(null, null, null, null, null, null, null, null, null, null);
    }
}
