package hk.baycover.model;

import java.util.List;

/**
 * The size of an official list a pack draws from (e.g. 71 designated institutions on 2025-12-08), so coverage can be
 * stated as "named of total". {@code sources} say where the total is published.
 */
public record OfficialTotal(Key key, int total, PartialDate asOf, List<Source> sources) {

    public enum Key {
        DESIGNATED_INSTITUTIONS, APPROVED_ITEMS, APPROVED_DRUGS, APPROVED_DEVICES, VOUCHER_INSTITUTIONS, RCSGD_HOMES, VHIS_STANDARD_PLANS
    }

    public OfficialTotal {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
