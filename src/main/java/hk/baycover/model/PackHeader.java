package hk.baycover.model;

import java.util.List;

/** A pack's identity: id, kind, version, as-of date, title, coverage statement and sources. */
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
        String sourceNote) {
    public PackHeader {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
