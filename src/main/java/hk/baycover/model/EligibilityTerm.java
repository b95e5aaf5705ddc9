package hk.baycover.model;

/** Eligibility terms that a source can state as "none" (no upper entry age, no renewal age limit…). */
public enum EligibilityTerm { MIN_ENTRY_AGE, MAX_ENTRY_AGE, MAX_RENEWAL_AGE, WAITING_PERIOD }
