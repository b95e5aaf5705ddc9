package hk.baycover.compare;

import hk.baycover.model.EligibilityResult;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.ProductKind;

import java.util.List;

/**
 * A compared product (one column), in the order the user picked. With a client given, {@code eligibility} says whether
 * that client can join and {@code why} lists why not (localized): the blocking reasons, or for an unconfirmed verdict the
 * terms the insurer must confirm; without one both are empty/null.
 */
public record Column(
        String productId,
        LocalizedText name,
        LocalizedText provider,
        ProductKind kind,
        boolean sample,
        EligibilityResult eligibility,
        List<LocalizedText> why,
        List<LocalizedText> notes) {

    public Column {
        why = why == null ? List.of() : List.copyOf(why);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** True when no client was given or the client may join on the published terms. */
    public boolean eligible() {
        return eligibility == null || eligibility.eligible();
    }

    /** True when whether the client may join hinges on a term the insurer must confirm ({@code why} names it). */
    public boolean unconfirmed() {
        return eligibility != null && eligibility.status() == hk.baycover.model.EligibilityStatus.UNCONFIRMED;
    }

    /** The eligibility label key: compare.eligible, compare.unconfirmedShort or compare.ineligible. */
    public String statusKey() {
        return eligible() ? "compare.eligible" : unconfirmed() ? "compare.unconfirmedShort" : "compare.ineligible";
    }

    public boolean checked() {
        return eligibility != null;
    }
}
