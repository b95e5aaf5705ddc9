package hk.baycover.model;

import java.util.List;

/**
 * Whether a client may join a product, with every reason (age and basis, residency, underwriting, waiting periods…).
 * {@code status} is decided by the reasons: any BLOCK → NOT_ELIGIBLE; else any CONFIRM → UNCONFIRMED; else ELIGIBLE.
 */
public record EligibilityResult(String productId, EligibilityStatus status, int ageUsed, AgeBasis ageBasis, List<Reason> reasons) {
    public EligibilityResult {
        reasons = List.copyOf(reasons);
    }

    /** The verdict the reasons imply. */
    public static EligibilityResult of(String productId, int ageUsed, AgeBasis basis, List<Reason> reasons) {
        EligibilityStatus s = reasons.stream().anyMatch(Reason::blocks) ? EligibilityStatus.NOT_ELIGIBLE
                : reasons.stream().anyMatch(Reason::unconfirmed) ? EligibilityStatus.UNCONFIRMED : EligibilityStatus.ELIGIBLE;
        return new EligibilityResult(productId, s, ageUsed, basis, reasons);
    }

    /** True only when the client may join on the published (or quoted) terms. */
    public boolean eligible() {
        return status == EligibilityStatus.ELIGIBLE;
    }

    /** True when no published rule rules the client out (eligible, or unconfirmed). */
    public boolean possible() {
        return status != EligibilityStatus.NOT_ELIGIBLE;
    }

    public List<Reason> blocking() {
        return reasons.stream().filter(Reason::blocks).toList();
    }

    /** The reasons the insurer must confirm. */
    public List<Reason> unconfirmed() {
        return reasons.stream().filter(Reason::unconfirmed).toList();
    }
}
