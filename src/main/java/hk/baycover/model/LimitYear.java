package hk.baycover.model;

import java.time.LocalDate;
import java.time.Month;

/**
 * Which year an annual limit or deductible runs over: the policy year (from the plan's start), the calendar year, or
 * the Hong Kong financial year (April to March, as the Guangdong care-home medical subsidy caps do).
 */
public enum LimitYear {
    POLICY_YEAR, CALENDAR_YEAR, FINANCIAL_YEAR;

    /** A stable label of the year {@code date} falls in ({@code policyYear} is used for POLICY_YEAR). */
    public String yearOf(LocalDate date, int policyYear) {
        switch (this) {
            case CALENDAR_YEAR: return "C" + date.getYear();
            case FINANCIAL_YEAR: return "F" + (date.getMonth().compareTo(Month.APRIL) >= 0 ? date.getYear() : date.getYear() - 1);
            default: return "P" + policyYear;
        }
    }
}
