package hk.baycover.model;

import java.math.BigDecimal;

/** A dated conversion rate: 1 {@code from} = {@code rate} {@code to}. The user can edit it; the source says where it came from. */
public record FxRate(Currency from, Currency to, BigDecimal rate, PartialDate asOf, String source, boolean sample) {
}
