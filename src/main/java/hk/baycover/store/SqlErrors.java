package hk.baycover.store;

import hk.baycover.model.UserError;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Why SQLite refused, in the user's words ({@code sql.*}), instead of the driver's "[SQLITE_BUSY] …" text (logged). */
public final class SqlErrors {

    private static final Logger LOG = Logger.getLogger(SqlErrors.class.getName());

    private SqlErrors() {
    }

    /** The reason, as a user error to put into a message. */
    public static UserError reason(Throwable e) {
        LOG.log(Level.FINE, "SQLite failure", e);
        return new UserError(key(e));
    }

    static String key(Throwable e) {
        String m = String.valueOf(e == null ? "" : e.getMessage()).toUpperCase(Locale.ROOT);
        if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("DATABASE IS LOCKED")) return "sql.busy";
        if (m.contains("SQLITE_FULL") || m.contains("DISK IS FULL")) return "sql.full";
        if (m.contains("SQLITE_READONLY") || m.contains("READ-ONLY") || m.contains("READONLY")) return "sql.readOnly";
        if (m.contains("SQLITE_NOTADB") || m.contains("NOT A DATABASE")) return "sql.notDatabase";
        if (m.contains("SQLITE_CORRUPT") || m.contains("MALFORMED")) return "sql.corrupt";
        if (m.contains("SQLITE_CANTOPEN") || m.contains("UNABLE TO OPEN")) return "sql.cantOpen";
        if (m.contains("SQLITE_IOERR") || m.contains("DISK I/O")) return "sql.ioError";
        if (m.contains("SQLITE_PERM") || m.contains("SQLITE_AUTH")) return "sql.denied";
        return "sql.failed";
    }
}
