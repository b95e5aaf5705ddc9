package hk.baycover.gaps;

import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;

import java.util.List;
import java.util.Map;

/** A cell opened: the covering products (best first) and the others grouped by why they do not serve it. */
public record CellDetail(CellSummary summary, List<Line> covering, Map<ReasonGroup, List<Failure>> failing) {

    /** A covering product: its level for the cell, the coverage rules, its eligibility and its cheapest premium. */
    public record Line(Product product, boolean draft, CoverageLevel level, Coverage coverage, SegmentVerdict verdict, PremiumPick premium) {
    }

    /** A product that does not serve the cell, with the blocking reasons (coverage first, else eligibility). */
    public record Failure(Product product, boolean draft, ReasonGroup group, List<Reason> reasons, SegmentVerdict verdict) {
    }

    public int failingCount() {
        return failing.values().stream().mapToInt(List::size).sum();
    }
}
