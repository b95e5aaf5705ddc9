package hk.baycover.model;

import java.time.LocalDate;
import java.util.List;

/**
 * When a product or scheme runs: from (when known) to (when an end is published; none stated = no end published).
 * A pilot with an announced end pays nothing after {@code to} in the worst case; once {@code to} is past, it pays
 * nothing at all.
 */
public record Period(LocalDate from, LocalDate to, LocalizedText note, List<Source> sources) {
    public Period {
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (from != null && to != null && to.isBefore(from)) throw new IllegalArgumentException("period ends before it starts");
    }

    /** True when the period has started on {@code date} (an unstated start counts as started). */
    public boolean startedBy(LocalDate date) {
        return from == null || !date.isBefore(from);
    }

    /** True when a published end lies before {@code date}. */
    public boolean endedBy(LocalDate date) {
        return to != null && date.isAfter(to);
    }
}
