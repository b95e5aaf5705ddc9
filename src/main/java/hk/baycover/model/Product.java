package hk.baycover.model;

import java.util.List;
import java.util.Optional;

/** A commercial product or a public scheme. */
public record Product(
        String id,
        ProductKind kind,
        LocalizedText name,
        LocalizedText provider,
        LocalizedText summary,
        List<Region> regions,
        Arrangement arrangement,
        ServiceLinkage service,
        Eligibility eligibility,
        List<Benefit> benefits,
        PremiumTable premiums,
        Period period,
        List<String> exclusiveWith,
        List<SzInsurance> enrolment,
        List<Source> sources,
        PartialDate asOf,
        Confidence confidence,
        String sourceNote,
        boolean sample) implements Sourced {

    public Product {
        regions = regions == null ? List.of() : List.copyOf(regions);
        arrangement = arrangement == null ? new Arrangement(null, null) : arrangement;
        service = service == null ? ServiceLinkage.empty() : service;
        eligibility = eligibility == null ? Eligibility.open() : eligibility;
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        premiums = premiums == null ? PremiumTable.notPublished() : premiums;
        exclusiveWith = exclusiveWith == null ? List.of() : List.copyOf(exclusiveWith);
        enrolment = enrolment == null ? List.of() : List.copyOf(enrolment);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** True when a client with this Shenzhen medical insurance status is enrolled in this scheme (a fact, not a purchase). */
    public boolean enrolledBy(ClientProfile client) {
        return client != null && client.szMedicalInsurance() != SzInsurance.NONE && enrolment.contains(client.szMedicalInsurance());
    }

    /** The product's period, or none (no start or end published). */
    public java.util.Optional<Period> periodOpt() {
        return java.util.Optional.ofNullable(period);
    }

    public Layer layer() { return kind.layer(); }

    public List<Benefit> benefitsFor(Need need) {
        return benefits.stream().filter(b -> b.need() == need).toList();
    }

    public Optional<Benefit> firstBenefit(Need need) {
        return benefits.stream().filter(b -> b.need() == need).findFirst();
    }
}
