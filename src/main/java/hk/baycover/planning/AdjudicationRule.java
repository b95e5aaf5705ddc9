package hk.baycover.planning;

/**
 * The rule that decided what one layer pays on one cost line. Names are in the plan bundles
 * ({@code adjudicationrule.NAME}); the codes are stable and appear in CLI JSON.
 */
public enum AdjudicationRule {
    /** paid what was left in full */
    PAID_IN_FULL,
    /** the deductible took some or all of the line */
    DEDUCTIBLE,
    /** the client's co-insurance share was deducted */
    CO_INSURANCE,
    /** the per-event (per-episode) limit capped the payment */
    PER_EVENT_LIMIT,
    /** the annual limit capped the payment */
    ANNUAL_LIMIT,
    /** a pre-existing condition paid at a reduced rate */
    PRE_EXISTING_REDUCED,
    /** a pre-existing condition phased in (VHIS: 0 / 25 / 50 / 100 % by policy year) */
    PRE_EXISTING_PHASED,
    /** pre-existing conditions are excluded */
    PRE_EXISTING_EXCLUDED,
    /** the terms do not publish how pre-existing conditions are treated: nothing counted */
    PRE_EXISTING_NOT_STATED,
    /** the episode starts inside a waiting period */
    WAITING_PERIOD,
    /** the client may not join this product */
    NOT_ELIGIBLE,
    /** the client is past the product's maximum renewal age when the episode happens */
    COVER_ENDED,
    /** the product has no benefit for this need */
    NO_BENEFIT,
    /** the benefit does not apply where the care happens */
    NOT_IN_REGION,
    /** the institution is not in the benefit's network */
    NOT_IN_NETWORK,
    /** the benefit needs a named institution and the cost line names none */
    NO_INSTITUTION,
    /** the benefit does not pay for 港澳藥械通 items */
    GBA_ITEMS_NOT_COVERED,
    /** the benefit pays only listed 港澳藥械通 items and this one is not listed */
    GBA_ITEM_NOT_LISTED,
    /** a public scheme does not pay for 港澳藥械通 items unless its benefit says so */
    GBA_PUBLIC_LAYER,
    /** the terms do not say whether 港澳藥械通 items are paid: nothing counted */
    GBA_NOT_STATED,
    /** earlier layers already paid the whole line */
    NOTHING_LEFT,
    /** no exchange rate between the line's and the benefit's currency */
    NO_FX_RATE,
    /** the client pays a fixed fee on the line (e.g. RMB 100 a visit); the benefit pays the rest */
    COPAYMENT,
    /** eligibility hinges on a term that is not published: nothing counted in the unfavourable reading */
    NOT_CONFIRMED,
    /** the scheme had not started when the episode happens */
    NOT_STARTED,
    /** the scheme's published period has ended (or, when the end is still ahead, may not be extended) */
    SCHEME_ENDED,
    /** no limit of the benefit is published: nothing counted in the unfavourable reading */
    LIMIT_NOT_PUBLISHED,
    /** the product pays a fixed cash allowance for this need, not a share of its cost */
    CASH_BENEFIT;

    /** True when the rule means the layer refused the line outright (as opposed to paying less). */
    public boolean refusal() {
        switch (this) {
            case PAID_IN_FULL: case DEDUCTIBLE: case CO_INSURANCE: case PER_EVENT_LIMIT: case ANNUAL_LIMIT:
            case PRE_EXISTING_REDUCED: case PRE_EXISTING_PHASED: case NOTHING_LEFT: case COPAYMENT:
                return false;
            default:
                return true;
        }
    }
}
