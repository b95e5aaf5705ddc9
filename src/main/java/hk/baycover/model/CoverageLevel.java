package hk.baycover.model;

/**
 * How well a product pays for a need where the client gets care: in full, in part (a deductible, co-insurance, a network,
 * listed items only, or terms not published), only as a fixed cash allowance (not tied to the cost of care), or not at
 * all.
 */
public enum CoverageLevel { FULL, PARTIAL, CASH, NONE }
