package hk.baycover.model;

import java.util.Objects;

/**
 * An amount known only within bounds: at least {@code min}, at most {@code max}, in one currency. When every term
 * behind it is known, {@code min} equals {@code max}.
 */
public record MoneyRange(Money min, Money max) {
    public MoneyRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.currency() != max.currency()) throw new IllegalArgumentException("currency mismatch");
        if (min.compareTo(max) > 0) throw new IllegalArgumentException("min above max: " + min + " > " + max);
    }

    public static MoneyRange exact(Money m) {
        return new MoneyRange(m, m);
    }

    public static MoneyRange zero(Currency c) {
        return exact(Money.zero(c));
    }

    public boolean isExact() {
        return min.compareTo(max) == 0;
    }

    public Currency currency() {
        return min.currency();
    }

    public MoneyRange plus(MoneyRange o) {
        return new MoneyRange(min.plus(o.min), max.plus(o.max));
    }

    /** How wide the range is. */
    public Money spread() {
        return max.minus(min);
    }

    @Override
    public String toString() {
        return isExact() ? min.toString() : min + " – " + max.amount().toPlainString();
    }
}
