package hk.baycover.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Effective-dated values of a benefit: from {@code from} on, the fields given here replace the values in force before
 * (the benefit's own fields are the values before its first change). Used for rates that change by date (an allowance
 * raised each February, a cap restated for a new scheme year).
 */
public record BenefitChange(LocalDate from, Money annualLimit, Money perEventLimit, Money deductible, BigDecimal coInsurance,
                            Money cashAmount, LocalizedText note, List<Source> sources) {
    public BenefitChange {
        if (from == null) throw new IllegalArgumentException("a change needs its date");
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
