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
        List<Source> sources,
        PartialDate asOf,
        Confidence confidence,
        String note,
        boolean sample) implements Sourced {

    public Product {
        regions = regions == null ? List.of() : List.copyOf(regions);
        arrangement = arrangement == null ? new Arrangement(null, null) : arrangement;
        service = service == null ? ServiceLinkage.empty() : service;
        eligibility = eligibility == null ? Eligibility.open() : eligibility;
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        premiums = premiums == null ? PremiumTable.notPublished() : premiums;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public Layer layer() { return kind.layer(); }

    public List<Benefit> benefitsFor(Need need) {
        return benefits.stream().filter(b -> b.need() == need).toList();
    }

    public Optional<Benefit> firstBenefit(Need need) {
        return benefits.stream().filter(b -> b.need() == need).findFirst();
    }
}
