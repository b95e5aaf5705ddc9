package hk.baycover.gaps;

/**
 * When a product counts as eligible for a segment whose age band spans many ages (ADR 0040): at every age of the band
 * (the default: a product that drops out at 70 does not serve the 65–74 segment), or at any age of it.
 */
public enum AgePolicy { ALL_AGES, ANY_AGE }
