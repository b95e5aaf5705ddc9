package hk.baycover.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/** Dated FX rates for converting money into one currency. Conversions go through HKD when no direct rate exists. */
public record FxTable(List<FxRate> rates) {

    public FxTable {
        rates = List.copyOf(rates);
    }

    /**
     * The defaults before the user edits them. HKD/MOP follows the official peg (MOP 1.03 = HKD 1); CNY/HKD is an
     * illustrative rate flagged as sample: set the rate of the day in Settings.
     */
    public static FxTable defaults() {
        return new FxTable(List.of(
                new FxRate(Currency.CNY, Currency.HKD, new BigDecimal("1.08"), PartialDate.parse("2026-11"),
                        "illustrative; edit to the rate of the day", true),
                new FxRate(Currency.MOP, Currency.HKD, new BigDecimal("0.970874"), PartialDate.parse("2026-11"),
                        "MOP is pegged at 1.03 per HKD (AMCM)", false)));
    }

    public Optional<BigDecimal> rate(Currency from, Currency to) {
        if (from == to) return Optional.of(BigDecimal.ONE);
        for (FxRate r : rates) {
            if (r.from() == from && r.to() == to) return Optional.of(r.rate());
            if (r.from() == to && r.to() == from) return Optional.of(BigDecimal.ONE.divide(r.rate(), MathContext.DECIMAL64));
        }
        if (from != Currency.HKD && to != Currency.HKD) {
            Optional<BigDecimal> a = rate(from, Currency.HKD);
            Optional<BigDecimal> b = rate(Currency.HKD, to);
            if (a.isPresent() && b.isPresent()) return Optional.of(a.get().multiply(b.get(), MathContext.DECIMAL64));
        }
        return Optional.empty();
    }

    public Money convert(Money money, Currency to) {
        BigDecimal r = rate(money.currency(), to).orElseThrow(() -> new UserError("fx.noRate", money.currency(), to));
        return new Money(money.amount().multiply(r, MathContext.DECIMAL64), to);
    }

    public FxTable with(FxRate rate) {
        List<FxRate> out = new java.util.ArrayList<>(rates.stream()
                .filter(r -> !((r.from() == rate.from() && r.to() == rate.to()) || (r.from() == rate.to() && r.to() == rate.from())))
                .toList());
        out.add(rate);
        return new FxTable(out);
    }
}
