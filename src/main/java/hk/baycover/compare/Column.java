package hk.baycover.compare;

import hk.baycover.model.EligibilityResult;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.ProductKind;

import java.util.List;

/**
 * A compared product (one column), in the order the user picked. With a client given, {@code eligibility} says whether
 * that client can join and {@code why} lists the blocking reasons (localized); without one both are empty/null.
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

    /** True when no client was given or the client may join. */
    public boolean eligible() {
        return eligibility == null || eligibility.eligible();
    }

    public boolean checked() {
        return eligibility != null;
    }
}
