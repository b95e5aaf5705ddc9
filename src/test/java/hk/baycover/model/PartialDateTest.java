package hk.baycover.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * PartialDate reads its fields as numbers instead of through ISO parsing (the import checks every date of a pack, and
 * the formatter was a large share of that). It accepts and refuses exactly what ISO parsing does, and means the same day.
 */
class PartialDateTest {

    /** What ISO parsing made of a value of the right shape: its first day, or null when it is impossible. */
    private static LocalDate iso(String v) {
        try {
            if (v.length() == 4) return LocalDate.of(Integer.parseInt(v), 1, 1);
            if (v.length() == 7) return YearMonth.parse(v).atDay(1);
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void everyMonthAndDayShapeMeansWhatIsoParsingMeans() {
        int checked = 0;
        for (String year : new String[] {"0000", "1900", "2000", "2021", "2024", "2100", "9999"}) {
            assertEquals(iso(year), PartialDate.parse(year).earliest());
            for (int m = 0; m <= 19; m++) {
                String ym = year + "-" + String.format("%02d", m);
                LocalDate expected = iso(ym);
                assertEquals(expected != null, PartialDate.isValid(ym), ym);
                if (expected != null) assertEquals(expected, PartialDate.parse(ym).earliest(), ym);
                for (int d = 0; d <= 39; d++) {
                    String ymd = ym + "-" + String.format("%02d", d);
                    LocalDate day = iso(ymd);
                    assertEquals(day != null, PartialDate.isValid(ymd), ymd);
                    if (day != null) assertEquals(day, PartialDate.parse(ymd).earliest(), ymd);
                    checked++;
                }
            }
        }
        assertEquals(7 * 20 * 40, checked);
        assertFalse(PartialDate.isValid("2021-2-01"));
        assertFalse(PartialDate.isValid("２０２１"));
    }
}
