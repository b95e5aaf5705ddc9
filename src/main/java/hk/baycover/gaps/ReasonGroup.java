package hk.baycover.gaps;

/**
 * Why a product does not serve a cell, grouped for product teams. A product is filed under the first group that
 * applies, in this order: what the product pays for comes before who may join.
 */
public enum ReasonGroup {
    /** the product has no benefit for the need */
    NO_BENEFIT,
    /** it has a benefit, but not where the segment gets care */
    NOT_IN_REGION,
    /** a 港澳藥械通 need, and the benefit excludes 港澳藥械通 items */
    GBA_ITEMS_NOT_COVERED,
    /** a 港澳藥械通 need, and the terms do not state cover for these items */
    GBA_NOT_STATED,
    /** the product pays a fixed cash allowance, not the cost of care */
    CASH_ONLY,
    /** entry or renewal age */
    INELIGIBLE_AGE,
    /** where the client lives or their residency status */
    INELIGIBLE_RESIDENCY,
    /** another status requirement (Shenzhen insurance, CSSA, waiting list…) */
    INELIGIBLE_REQUIREMENT,
    /** the scheme has ended, or not yet started */
    SCHEME_PERIOD,
    /** an age or term the check needs is not published: the insurer must confirm */
    UNCONFIRMED,
    /** anything else that blocks */
    OTHER
}
