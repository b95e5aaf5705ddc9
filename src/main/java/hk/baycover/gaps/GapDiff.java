package hk.baycover.gaps;

import hk.baycover.model.CoverageLevel;

import java.util.List;

/**
 * How drafts change the matrix: every cell whose level, number of covering products or cheapest premium changed.
 * {@link #closes()} are cells that had no cover and now have some; {@link #improves()} went from partial to full.
 */
public record GapDiff(List<Change> changes) {

    public GapDiff {
        changes = List.copyOf(changes);
    }

    public record Change(CellSummary before, CellSummary after) {
        public boolean closes() { return before.level() == CoverageLevel.NONE && after.level() != CoverageLevel.NONE; }

        public boolean improves() { return before.level() == CoverageLevel.PARTIAL && after.level() == CoverageLevel.FULL; }

        public boolean cheaper() {
            return after.cheapest() != null && (before.cheapest() == null || after.cheapest().annual().compareTo(before.cheapest().annual()) < 0);
        }
    }

    public List<Change> closes() { return changes.stream().filter(Change::closes).toList(); }

    public List<Change> improves() { return changes.stream().filter(Change::improves).toList(); }

    public boolean isEmpty() { return changes.isEmpty(); }
}
