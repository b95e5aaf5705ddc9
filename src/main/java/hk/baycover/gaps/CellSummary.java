package hk.baycover.gaps;

import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Need;

/**
 * One cell of the gap matrix: the best level among eligible products, how many cover the need (fully, partly), the
 * cheapest known annual premium among them (null when none is known) and how many covering products have no known
 * premium for the segment.
 */
public record CellSummary(Segment segment, Need need, CoverageLevel level, int covering, int full, int partial, PremiumPick cheapest,
                          int unknownPremiums) {

    public boolean uncovered() { return level == CoverageLevel.NONE; }

    /** Covered, but no covering product publishes a premium for this segment. */
    public boolean onlyUnknownPremiums() { return covering > 0 && cheapest == null; }
}
