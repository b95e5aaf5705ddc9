package hk.baycover.model;

import java.util.List;

/**
 * Why something was decided, as a message key with arguments (localized by the front end) and a severity:
 * BLOCK decides "no", CONFIRM means "cannot be decided from what is published: confirm with the insurer", WARN is a
 * caveat, INFO is context. Arguments are shown as they are, except a {@link LocalizedText} (shown in the reader's
 * language) and a string that is itself a message key (e.g. "need.INPATIENT").
 */
public record Reason(Severity severity, String key, List<Object> args) {

    public enum Severity { BLOCK, CONFIRM, WARN, INFO }

    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Reason block(String key, Object... args) { return new Reason(Severity.BLOCK, key, List.of(args)); }

    public static Reason warn(String key, Object... args) { return new Reason(Severity.WARN, key, List.of(args)); }

    public static Reason info(String key, Object... args) { return new Reason(Severity.INFO, key, List.of(args)); }

    public static Reason confirm(String key, Object... args) { return new Reason(Severity.CONFIRM, key, List.of(args)); }

    public boolean blocks() { return severity == Severity.BLOCK; }

    /** The "confirm with the insurer" reasons that have a wording for public schemes ("confirm with the scheme"). */
    static final java.util.Set<String> SCHEME_WORDING = java.util.Set.of("elig.confirm.minEntryAge", "elig.confirm.maxEntryAge",
            "cover.confirm.deductible", "cover.confirm.coInsurance", "cover.confirm.network", "cover.confirm.limits",
            "cover.confirm.annualLimit", "cover.confirm.waiting");

    /**
     * The reasons as a public scheme's reader needs them: a government scheme has no insurer to ask, so its "confirm"
     * reasons say to ask the scheme (key + {@code ".scheme"}); commercial products keep theirs.
     */
    public static List<Reason> forProduct(ProductKind kind, List<Reason> reasons) {
        if (kind == null || kind.layer() != Layer.PUBLIC) return reasons;
        List<Reason> out = new java.util.ArrayList<>(reasons.size());
        for (Reason r : reasons) out.add(SCHEME_WORDING.contains(r.key) ? new Reason(r.severity, r.key + ".scheme", r.args) : r);
        return out;
    }

    /** True when the decision hinges on a term that is not published (the insurer must confirm it). */
    public boolean unconfirmed() { return severity == Severity.CONFIRM; }
}
