package hk.baycover.model;

/** Terms of a benefit that a source can state as "none" (no annual limit, no deductible…). */
public enum BenefitTerm { ANNUAL_LIMIT, PER_EVENT_LIMIT, DEDUCTIBLE, CO_INSURANCE, WAITING_PERIOD }
