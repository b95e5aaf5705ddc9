package hk.baycover.model;

import java.time.LocalDate;
import java.util.List;

/** Premium rows in force from {@code from} on (premiums by policy year, a repriced table). */
public record PremiumChange(LocalDate from, List<PremiumRow> rows, List<Source> sources) {
    public PremiumChange {
        if (from == null) throw new IllegalArgumentException("a change needs its date");
        rows = rows == null ? List.of() : List.copyOf(rows);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
