package hk.baycover.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount with its currency. Never a double. */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSame(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSame(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money min(Money other) {
        requireSame(other);
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        requireSame(other);
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() { return amount.signum() == 0; }

    public boolean isPositive() { return amount.signum() > 0; }

    public Money rounded() {
        return new Money(amount.setScale(2, RoundingMode.HALF_EVEN), currency);
    }

    @Override
    public int compareTo(Money o) {
        requireSame(o);
        return amount.compareTo(o.amount);
    }

    private void requireSame(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
