package hk.baycover.model;

import java.util.List;

/** A pack's identity: id, kind, version, as-of date, title, coverage statement, sources and the official totals it is measured against. */
public record PackHeader(
        String id,
        PackKind kind,
        String version,
        PartialDate asOf,
        LocalizedText title,
        LocalizedText description,
        LocalizedText coverage,
        String publisher,
        List<Source> sources,
        String note,
        List<OfficialTotal> officialTotals) {
    public PackHeader {
        sources = sources == null ? List.of() : List.copyOf(sources);
        officialTotals = officialTotals == null ? List.of() : List.copyOf(officialTotals);
    }

    public PackHeader(String id, PackKind kind, String version, PartialDate asOf, LocalizedText title, LocalizedText description,
                      LocalizedText coverage, String publisher, List<Source> sources, String note) {
        this(id, kind, version, asOf, title, description, coverage, publisher, sources, note, null);
    }
}
