package hk.baycover.model;

import java.util.List;

/** 承保協同: who underwrites, co-insures, reinsures, sells, services, settles claims and funds a product. */
public record Arrangement(List<Party> parties, LocalizedText summary) {
    public Arrangement {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    public List<Party> withRole(PartyRole role) {
        return parties.stream().filter(p -> p.role() == role).toList();
    }
}
