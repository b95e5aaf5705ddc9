package hk.baycover.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One term of a product or scheme as a rule reads it: its state ({@link TermState}), its value when there is one, where
 * it was published, and — for an insurer's answer — when and under what reference it was quoted. Rules read terms only
 * through this type: an absent value is {@link TermState#UNKNOWN}, never "unlimited", "free" or "none".
 *
 * @param <T> the value's type (a {@link Bound} for limits and ages that may be stated as "none")
 */
public final class Term<T> {

    private static final Term<?> UNKNOWN = new Term<>(TermState.UNKNOWN, null, List.of(), null, null);

    private final TermState state;
    private final T value;
    private final List<Source> sources;
    private final LocalDate quotedOn;
    private final String reference;

    private Term(TermState state, T value, List<Source> sources, LocalDate quotedOn, String reference) {
        this.state = Objects.requireNonNull(state, "state");
        if (state != TermState.UNKNOWN) Objects.requireNonNull(value, "a known term needs a value");
        this.value = value;
        this.sources = sources == null ? List.of() : List.copyOf(sources);
        this.quotedOn = quotedOn;
        this.reference = reference;
    }

    public static <T> Term<T> published(T value, List<Source> sources) {
        return new Term<>(TermState.PUBLISHED, value, sources, null, null);
    }

    public static <T> Term<T> sample(T value) {
        return new Term<>(TermState.SAMPLE, value, List.of(), null, null);
    }

    public static <T> Term<T> quoted(T value, LocalDate on, String reference) {
        return new Term<>(TermState.QUOTED, value, List.of(), on, reference);
    }

    @SuppressWarnings("unchecked")
    public static <T> Term<T> unknown() {
        return (Term<T>) UNKNOWN;
    }

    /** A value from a pack: published (or a sample when {@code sample}); unknown when {@code value} is null. */
    public static <T> Term<T> of(T value, boolean sample, List<Source> sources) {
        if (value == null) return unknown();
        return sample ? sample(value) : published(value, sources);
    }

    public TermState state() { return state; }

    /** The value, for PUBLISHED, SAMPLE and QUOTED terms. */
    public Optional<T> value() { return Optional.ofNullable(value); }

    /** The value a rule may rely on: present only when the term is published or quoted. */
    public Optional<T> firm() { return state.firm() ? Optional.of(value) : Optional.empty(); }

    public boolean isUnknown() { return state == TermState.UNKNOWN; }

    public boolean isFirm() { return state.firm(); }

    public List<Source> sources() { return sources; }

    public Optional<LocalDate> quotedOn() { return Optional.ofNullable(quotedOn); }

    public Optional<String> reference() { return Optional.ofNullable(reference); }

    public <R> Term<R> map(Function<T, R> f) {
        if (state == TermState.UNKNOWN) return unknown();
        return new Term<>(state, f.apply(value), sources, quotedOn, reference);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Term<?> t && t.state == state && Objects.equals(t.value, value) && t.sources.equals(sources)
                && Objects.equals(t.quotedOn, quotedOn) && Objects.equals(t.reference, reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, value, sources, quotedOn, reference);
    }

    @Override
    public String toString() {
        return state + (value == null ? "" : "(" + value + ")");
    }
}
