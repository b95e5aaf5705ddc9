package hk.baycover.model;

/**
 * Whether a client may join a product: yes; no (a published rule says so); or unconfirmed (a rule cannot be checked
 * because its term is not published — the insurer must confirm). An unconfirmed product is never shown as eligible.
 */
public enum EligibilityStatus { ELIGIBLE, NOT_ELIGIBLE, UNCONFIRMED }
