package hk.baycover.planning;

import hk.baycover.model.UserError;

import java.time.LocalDate;

/**
 * The dates a plan may start on (data/README.md, "Dates"): from one year before today (a plan written up after the
 * cover began) to five years ahead. Anything else is a typo ({@code 9999-12-31} made a client aged 8,045).
 */
public final class PlanDates {

    /** Years before today a plan may start. */
    public static final int YEARS_BEFORE = 1;
    /** Years after today a plan may start. */
    public static final int YEARS_AHEAD = 5;

    private PlanDates() {
    }

    public static LocalDate earliestStart(LocalDate today) {
        return today.minusYears(YEARS_BEFORE);
    }

    public static LocalDate latestStart(LocalDate today) {
        return today.plusYears(YEARS_AHEAD);
    }

    /** {@code start} if it lies within the bounds; else {@code plan.startOutOfRange} naming them. */
    public static LocalDate checkStart(LocalDate start, LocalDate today) {
        if (start.isBefore(earliestStart(today)) || start.isAfter(latestStart(today))) {
            throw new UserError("plan.startOutOfRange", start, earliestStart(today), latestStart(today));
        }
        return start;
    }
}
