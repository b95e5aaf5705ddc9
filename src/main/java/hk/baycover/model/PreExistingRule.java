package hk.baycover.model;

/** What a product does with conditions the client had before joining. */
public enum PreExistingRule {
    /** never paid */
    EXCLUDED,
    /** paid like any other condition */
    COVERED,
    /** paid once the waiting period has passed */
    COVERED_AFTER_WAITING,
    /** paid at a lower rate (e.g. 惠民保 pays pre-existing conditions at a reduced ratio) */
    REDUCED,
    /** VHIS-style phase-in of unknown pre-existing conditions (25 % / 50 % / 100 %) */
    PHASED,
    NOT_APPLICABLE,
    NOT_STATED
}
