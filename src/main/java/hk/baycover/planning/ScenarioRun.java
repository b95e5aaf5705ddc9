package hk.baycover.planning;

/**
 * How to run one care episode through a plan: which episode, on which day after the plan starts it begins (waiting
 * periods, policy year and the client's age follow from it), and whether it arises from a condition the client had
 * before joining (pre-existing rules then apply).
 */
public record ScenarioRun(String scenarioId, int eventDay, boolean preExisting) {

    /** Default start of an episode: day 365, the first day of policy year 2, once ordinary waiting periods have passed. */
    public static final int DEFAULT_EVENT_DAY = 365;

    public ScenarioRun {
        if (scenarioId == null || scenarioId.isBlank()) throw new IllegalArgumentException("scenario id");
        if (eventDay < 0) throw new IllegalArgumentException("event day must not be negative");
    }

    public static ScenarioRun of(String scenarioId) {
        return new ScenarioRun(scenarioId, DEFAULT_EVENT_DAY, false);
    }

    /** Policy year (1-based) in which the episode begins. */
    public int policyYear() {
        return eventDay / 365 + 1;
    }
}
