package hk.baycover.model;

import java.util.List;

/** A benefit's stance on 港澳藥械通 drugs or on devices, with the items it names, its terms for the reader and sources. */
public record Stance(StanceKind stance, List<String> items, LocalizedText terms, List<Source> sources) {
    public Stance {
        stance = stance == null ? StanceKind.NOT_STATED : stance;
        items = items == null ? List.of() : List.copyOf(items);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static Stance notStated() {
        return new Stance(StanceKind.NOT_STATED, null, null, null);
    }

    /** True when this stance pays for {@code itemId}: covered, or listed and named. */
    public boolean pays(String itemId) {
        return stance == StanceKind.COVERED || (stance == StanceKind.LISTED && items.contains(itemId));
    }
}
