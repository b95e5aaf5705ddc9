package hk.baycover.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A date as precise as its source: "2021", "2021-08" or "2021-08-27". Sources often give only a month.
 * Ordering compares the earliest day the value can mean.
 */
public record PartialDate(String value) implements Comparable<PartialDate> {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    public PartialDate {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: " + value);
        }
        try {
            earliest(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("impossible date: " + value);
        }
    }

    public static PartialDate parse(String text) { return new PartialDate(text); }

    public static boolean isValid(String text) {
        try {
            new PartialDate(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static PartialDate of(LocalDate date) { return new PartialDate(date.toString()); }

    public LocalDate earliest() { return earliest(value); }

    public int precision() { return value.length() == 4 ? 1 : value.length() == 7 ? 2 : 3; }

    private static LocalDate earliest(String v) {
        if (v.length() == 4) return LocalDate.of(Integer.parseInt(v), 1, 1);
        if (v.length() == 7) return YearMonth.parse(v).atDay(1);
        return LocalDate.parse(v);
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = earliest().compareTo(o.earliest());
        return c != 0 ? c : Integer.compare(precision(), o.precision());
    }

    @Override
    public String toString() { return value; }
}
