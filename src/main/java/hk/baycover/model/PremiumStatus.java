package hk.baycover.model;

/** Whether a product has a premium table, costs nothing to join, charges by contribution rules, or has no published premium. */
public enum PremiumStatus { TABLE, FREE, CONTRIBUTION, NOT_PUBLISHED }
