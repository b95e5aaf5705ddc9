package hk.baycover.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a product pays for one need. Amounts are optional: a blank means "not published", never zero.
 * {@code coInsurance} is the client's share in percent (0–100) after the deductible; {@code gbaItems} says whether
 * 港澳藥械通 items are paid, with {@code gbaItemList} naming them when LISTED.
 */
public record Benefit(
        Need need,
        List<Region> regions,
        NetworkRule network,
        List<String> institutions,
        Money annualLimit,
        Money perEventLimit,
        Money deductible,
        BigDecimal coInsurance,
        List<SubLimit> subLimits,
        GbaItemCover gbaItems,
        List<String> gbaItemList,
        LocalizedText gbaItemsNote,
        Integer waitingPeriodDays,
        LocalizedText note,
        boolean sample) {

    public Benefit {
        regions = regions == null ? List.of() : List.copyOf(regions);
        network = network == null ? NetworkRule.ANY : network;
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        subLimits = subLimits == null ? List.of() : List.copyOf(subLimits);
        gbaItems = gbaItems == null ? GbaItemCover.NOT_STATED : gbaItems;
        gbaItemList = gbaItemList == null ? List.of() : List.copyOf(gbaItemList);
    }

    /** True when the benefit applies to care delivered in {@code place}; no regions listed means anywhere. */
    public boolean appliesIn(Region place) {
        return regions.isEmpty() || regions.stream().anyMatch(r -> r.covers(place));
    }
}
