package hk.baycover.gaps;

import hk.baycover.model.Money;
import hk.baycover.model.Reason;
import hk.baycover.model.Sex;

/**
 * The lowest annual premium a product asks of a segment (over the ages of the band where the product is eligible, and
 * either sex, non-smoker, first plan option), from {@code PremiumCalculator}: {@code original} in the table's currency,
 * {@code annual} converted to the matrix currency with the dated FX table. Empty when unknown; {@code sample} when the
 * premium table is illustrative; {@code fxSample} when the conversion used an illustrative rate.
 */
public record PremiumPick(String productId, Money annual, Money original, int age, Sex sex, boolean sample, boolean fxSample, Reason reason) {

    public boolean known() { return annual != null; }

    static PremiumPick unknown(String productId, int age, Reason reason) {
        return new PremiumPick(productId, null, null, age, null, false, false, reason);
    }
}
