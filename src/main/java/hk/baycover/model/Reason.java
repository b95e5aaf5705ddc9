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

    /** True when the decision hinges on a term that is not published (the insurer must confirm it). */
    public boolean unconfirmed() { return severity == Severity.CONFIRM; }
}
