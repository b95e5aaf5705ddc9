package hk.baycover.model;

import java.util.List;

/** A published count of the measure's reach at a date (institutions, approved varieties, patients). */
public record RunningTotal(
        PartialDate asOf,
        String scope,
        Integer institutions,
        Integer drugs,
        Integer devices,
        Integer total,
        String patients,
        List<Source> sources,
        Confidence confidence,
        String sourceNote) {
    /** The scope of a count over the whole measure (every designated institution in the nine cities). */
    public static final String WHOLE_MEASURE = "all GBA";

    public RunningTotal {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * True for a count of the whole measure's approvals; false for one hospital's, one customs office's imports or a
     * catalogue's entries (data/README.md, "Scopes"), which must not be read as "approved so far".
     */
    public boolean wholeMeasure() {
        return scope == null || scope.strip().equalsIgnoreCase(WHOLE_MEASURE);
    }
}
