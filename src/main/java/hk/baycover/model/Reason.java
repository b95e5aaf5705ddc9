package hk.baycover.model;

import java.util.List;

/**
 * Why something was decided, as a message key with arguments (localized by the front end) and a severity:
 * BLOCK decides "no", WARN is a caveat, INFO is context.
 */
public record Reason(Severity severity, String key, List<Object> args) {

    public enum Severity { BLOCK, WARN, INFO }

    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Reason block(String key, Object... args) { return new Reason(Severity.BLOCK, key, List.of(args)); }

    public static Reason warn(String key, Object... args) { return new Reason(Severity.WARN, key, List.of(args)); }

    public static Reason info(String key, Object... args) { return new Reason(Severity.INFO, key, List.of(args)); }

    public boolean blocks() { return severity == Severity.BLOCK; }
}
