package hk.baycover.model;

/** The fixed taxonomy of care needs that products, scenarios and client profiles share. Names are in the bundles ("need.INPATIENT"). */
public enum Need {
    INPATIENT,
    DAY_SURGERY,
    SPECIALIST_OUTPATIENT,
    GENERAL_OUTPATIENT,
    CANCER_TREATMENT,
    GBA_DRUG,
    GBA_DEVICE,
    CHRONIC_MEDICATION,
    DENTAL,
    TCM,
    EMERGENCY_AMBULANCE,
    REHABILITATION,
    RESIDENTIAL_CARE,
    HOME_CARE,
    LONG_TERM_CARE,
    CRITICAL_ILLNESS
}
