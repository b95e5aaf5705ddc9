package hk.baycover.model;

import java.util.List;

/** An episode of care, as cost lines per need and institution, to run through a plan ("what would I pay if…"). */
public record Scenario(
        String id,
        LocalizedText name,
        LocalizedText description,
        Integer durationDays,
        List<CostLine> lines,
        List<Source> sources,
        PartialDate asOf,
        Confidence confidence,
        String sourceNote,
        boolean sample) implements Sourced {

    public Scenario {
        lines = lines == null ? List.of() : List.copyOf(lines);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
