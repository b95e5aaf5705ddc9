package hk.baycover.model;

import java.util.List;

/** A Hong Kong/Macao-registered drug or device approved under 港澳藥械通. */
public record RegulatedItem(
        String id,
        ItemKind kind,
        LocalizedText name,
        String genericName,
        String brand,
        LocalizedText indication,
        String therapeuticArea,
        List<Approval> approvals,
        Integer catalogueYear,
        DesignationStatus status,
        List<Source> sources,
        PartialDate asOf,
        Confidence confidence,
        String sourceNote,
        boolean sample) implements Sourced {

    public RegulatedItem {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        sources = sources == null ? List.of() : List.copyOf(sources);
        status = status == null ? DesignationStatus.CURRENT : status;
    }
}
