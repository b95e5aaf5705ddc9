package hk.baycover.model;

import java.util.List;

/** A hospital, clinic or care home in the GBA, with its part in the cross-border schemes. */
public record Institution(
        String id,
        LocalizedText name,
        InstitutionKind kind,
        City city,
        LocalizedText district,
        String tier,
        String hkInvested,
        Designation designation,
        SchemeMembership voucherPilot,
        SchemeMembership residentialCareScheme,
        SchemeMembership haGbaPilot,
        List<Source> sources,
        PartialDate asOf,
        Confidence confidence,
        String sourceNote,
        boolean sample) implements Sourced {

    public Institution {
        kind = kind == null ? InstitutionKind.HOSPITAL : kind;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public boolean isDesignated() { return designation != null; }
}
