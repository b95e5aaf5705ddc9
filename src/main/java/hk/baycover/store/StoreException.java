package hk.baycover.store;

import hk.baycover.model.UserError;

/** A database failure the user can act on (locked, disk full, corrupt). The SQL detail is kept as the cause. */
public class StoreException extends UserError {
    private static final long serialVersionUID = 1L;

    public StoreException(String key, Throwable cause) {
        super(cause, key, SqlErrors.reason(cause));
    }
}
