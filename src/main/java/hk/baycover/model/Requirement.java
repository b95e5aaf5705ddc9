package hk.baycover.model;

/** A residency or status condition that a product requires of its members (all listed must hold). */
public enum Requirement {
    HK_RESIDENT,
    HK_PERMANENT_RESIDENT,
    LIVES_IN_HK,
    LIVES_IN_GUANGDONG,
    LIVES_IN_SHENZHEN,
    SZ_MEDICAL_INSURANCE,
    CSSA_RECIPIENT,
    CARE_HOME_WAITLIST,
    HA_FOLLOW_UP_PATIENT,
    MAINLAND_RESIDENCE_PERMIT
}
