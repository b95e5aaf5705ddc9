package hk.baycover.model;

/** How well a product pays for a need where the client gets care. */
public enum CoverageLevel { FULL, PARTIAL, NONE }
