package hk.baycover.store;

import hk.baycover.model.UserError;

/** A database failure the user can act on (locked, disk full, corrupt). The SQL detail is kept as the cause. */
public class StoreException extends UserError {
    public StoreException(String key, Throwable cause) {
        super(cause, key, cause == null ? "" : cause.getMessage());
    }
}
