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
    public RunningTotal {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
