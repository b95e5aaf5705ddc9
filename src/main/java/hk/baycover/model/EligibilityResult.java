package hk.baycover.model;

import java.util.List;

/** Whether a client may join a product, with every reason (age and basis, residency, underwriting, waiting periods…). */
public record EligibilityResult(String productId, boolean eligible, int ageUsed, AgeBasis ageBasis, List<Reason> reasons) {
    public EligibilityResult {
        reasons = List.copyOf(reasons);
    }

    public List<Reason> blocking() {
        return reasons.stream().filter(Reason::blocks).toList();
    }
}
