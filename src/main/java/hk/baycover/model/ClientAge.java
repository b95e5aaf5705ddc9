package hk.baycover.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The one set of rules for a client's age, whoever enters it: the client file, the profile form, the Compare screen's
 * client field and the command line. A client's age is a birth date (not in the future, at most {@value #MAX} years
 * ago), or a whole number of years from 0 to {@value #MAX} given on a date (see {@link ClientProfile#ageAsOf()}), never
 * both unless they agree. Problems come back as message keys with their arguments; each face says where the field is.
 */
public final class ClientAge {

    /** The oldest age anyone may enter. */
    public static final int MAX = 120;

    /** One thing wrong with an age as entered: {@code field} is "age" or "birthDate". */
    public record Problem(String field, String key, List<Object> args) {
    }

    private ClientAge() {
    }

    /**
     * Checks an age as entered. {@code required}: one of the two must be given. Both may be given only when they agree
     * (the age the birth date gives {@code today}).
     */
    public static List<Problem> check(Integer years, LocalDate birthDate, LocalDate today, boolean required) {
        List<Problem> out = new ArrayList<>();
        if (years != null && (years < 0 || years > MAX)) out.add(new Problem("age", "client.age", List.of(0, MAX)));
        if (birthDate != null) {
            if (birthDate.isAfter(today)) out.add(new Problem("birthDate", "client.birthFuture", List.of()));
            else if (Period.between(birthDate, today).getYears() > MAX) out.add(new Problem("birthDate", "client.birthTooOld", List.of(MAX)));
        }
        if (out.isEmpty() && years != null && birthDate != null && Period.between(birthDate, today).getYears() != years) {
            out.add(new Problem("age", "client.ageMismatch", List.of(years, Period.between(birthDate, today).getYears())));
        }
        if (required && years == null && birthDate == null) out.add(new Problem("age", "client.ageMissing", List.of()));
        return out;
    }

    /** A whole number of years as typed (digits only), or null when the text is not one. */
    public static Integer parseYears(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,3}")) return null;
        return Integer.parseInt(t);
    }

    /** A birth date as typed (YYYY-MM-DD), or null when the text is not one. */
    public static LocalDate parseBirthDate(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) return null;
        try {
            return LocalDate.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
