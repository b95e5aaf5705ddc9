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

    static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    public PartialDate {
        if (value == null || !hasShape(value)) {
            throw new IllegalArgumentException("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: " + value);
        }
        try {
            earliest(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("impossible date: " + value);
        }
    }

    public static PartialDate parse(String text) { return new PartialDate(text); }

    /**
     * True when {@code text} has the shape YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits): exactly what the pattern
     * {@code \\d{4}(-\\d{2}(-\\d{2})?)?} matches (kept as {@link #SHAPE}; {@code PartialDateShapeTest} compares the two), tested
     * character by character because an import asks it for every date of every record.
     */
    public static boolean hasShape(String text) {
        int n = text.length();
        if (n != 4 && n != 7 && n != 10) return false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') return false;
        }
        return true;
    }

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

    /**
     * The first day of a value of the right shape (checked first): the fields read as numbers, then the calendar's own
     * check (LocalDate.of throws for month 13 or 29 February 2021), as ISO parsing would, without its formatter's cost.
     */
    private static LocalDate earliest(String v) {
        int year = Integer.parseInt(v, 0, 4, 10);
        if (v.length() == 4) return LocalDate.of(year, 1, 1);
        int month = Integer.parseInt(v, 5, 7, 10);
        if (v.length() == 7) return YearMonth.of(year, month).atDay(1);
        return LocalDate.of(year, month, Integer.parseInt(v, 8, 10, 10));
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = earliest().compareTo(o.earliest());
        return c != 0 ? c : Integer.compare(precision(), o.precision());
    }

    @Override
    public String toString() { return value; }
}
