package hk.baycover.gaps;

import hk.baycover.model.EligibilityResult;
import hk.baycover.model.Reason;

import java.util.List;

/**
 * Whether a product may be joined by a segment, from {@code EligibilityChecker} asked at the band's ages (ADR 0040).
 * {@code result} is the check at the first age that decides the verdict (the first blocked age when ineligible, the
 * first eligible age otherwise); {@code eligibleAges} lists the ranges of the band where the product is eligible, so a
 * product that serves only part of a band says which part. {@code caveat} is set when the eligible check carries a
 * warning (pre-existing conditions excluded or reduced, underwriting with declared conditions): the cell is then at
 * most PARTIAL.
 */
public record SegmentVerdict(boolean eligible, EligibilityResult result, List<int[]> eligibleAges, boolean caveat) {

    public SegmentVerdict {
        eligibleAges = List.copyOf(eligibleAges);
    }

    public List<Reason> blocking() { return result.blocking(); }

    public List<Reason> warnings() {
        return result.reasons().stream().filter(r -> r.severity() == Reason.Severity.WARN).toList();
    }

    /** "55–60, 70–74" or "" when never eligible in the band. */
    public String eligibleAgesText() {
        StringBuilder sb = new StringBuilder();
        for (int[] r : eligibleAges) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "–" + r[1]);
        }
        return sb.toString();
    }
}
