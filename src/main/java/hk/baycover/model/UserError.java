package hk.baycover.model;

import java.util.List;

/**
 * A problem the user can fix (bad file, bad argument, locked database...). Carries a message key and arguments so each
 * front end can show it in the user's language; never a stack trace.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    public UserError(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public UserError(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() { return key; }

    public Object[] args() { return args.toArray(); }
}
