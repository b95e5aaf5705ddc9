package hk.baycover.model;

/** Declared conditions, in the coarse classes that underwriting and the gap explorer use. */
public enum HealthCondition { CHRONIC, CANCER_HISTORY, CARDIOVASCULAR, DIABETES, HYPERTENSION, MOBILITY, COGNITIVE, OTHER;

    /** Conditions that count as chronic for segmenting. */
    public boolean isChronic() {
        return this != CANCER_HISTORY && this != OTHER;
    }
}
