package hk.baycover.gaps;

import hk.baycover.model.HealthCondition;

import java.util.List;

/** The declared-conditions dimension of a segment: none, a chronic illness, or a history of cancer. */
public enum ConditionClass {
    NONE(List.of()),
    CHRONIC(List.of(HealthCondition.CHRONIC)),
    CANCER_HISTORY(List.of(HealthCondition.CANCER_HISTORY));

    private final List<HealthCondition> conditions;

    ConditionClass(List<HealthCondition> conditions) { this.conditions = conditions; }

    /** The conditions a representative client of this class declares. */
    public List<HealthCondition> conditions() { return conditions; }
}
