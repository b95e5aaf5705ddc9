package hk.baycover.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Who may join: entry ages (with the age basis), maximum renewal age, residency and status requirements, statuses that
 * exclude ({@code excludes}: a CSSA recipient, say), underwriting type, the rule for conditions unknown at joining
 * ({@code preExisting}) and for declared ones ({@code declared}), and waiting periods. A blank age is "not published";
 * {@code statedNone} lists the limits the source states do not exist. {@code preExistingRate} is the share paid
 * (0–100 %) when the rule is REDUCED.
 */
public record Eligibility(
        Integer minEntryAge,
        Integer maxEntryAge,
        AgeBasis ageBasis,
        Integer maxRenewalAge,
        List<EligibilityTerm> statedNone,
        List<Requirement> requires,
        List<Requirement> excludes,
        Underwriting underwriting,
        PreExistingRule preExisting,
        BigDecimal preExistingRate,
        DeclaredRule declared,
        Integer waitingPeriodDays,
        LocalizedText note,
        String sourceNote) {

    public Eligibility {
        ageBasis = ageBasis == null ? AgeBasis.NOT_STATED : ageBasis;
        statedNone = statedNone == null ? List.of() : List.copyOf(Set.copyOf(statedNone)).stream().sorted().toList();
        requires = requires == null ? List.of() : List.copyOf(requires);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        underwriting = underwriting == null ? Underwriting.NOT_STATED : underwriting;
        preExisting = preExisting == null ? PreExistingRule.NOT_STATED : preExisting;
        declared = declared == null ? DeclaredRule.NOT_STATED : declared;
    }

    public static Eligibility open() {
        return new Eligibility(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean statesNone(EligibilityTerm term) {
        return statedNone.contains(term);
    }
}
