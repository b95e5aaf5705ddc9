package hk.baycover.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A limit as the terms state it: an amount, or "none" (the terms say there is no such limit). Whether a limit is known
 * at all is the business of the {@link Term} around it, so "none" here is a published fact, never a missing value.
 */
public final class Bound<T> {

    private static final Bound<?> NONE = new Bound<>(null);

    private final T value;

    private Bound(T value) {
        this.value = value;
    }

    public static <T> Bound<T> of(T value) {
        return new Bound<>(Objects.requireNonNull(value, "value"));
    }

    @SuppressWarnings("unchecked")
    public static <T> Bound<T> none() {
        return (Bound<T>) NONE;
    }

    public boolean isNone() { return value == null; }

    public Optional<T> amount() { return Optional.ofNullable(value); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bound<?> b && Objects.equals(b.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value == null ? "none" : value.toString();
    }
}
