package hk.baycover.ui.common;

import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.UserError;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Turns any failure into text a user can read; unexpected ones are logged, never shown as a stack trace. */
public final class Errors {
    private static final Logger LOG = Logger.getLogger(Errors.class.getName());

    private Errors() {
    }

    public static String describe(Lang lang, Throwable t) {
        if (t instanceof PackException) {
            PackException pe = (PackException) t;
            return I18n.message(lang, pe) + "\n" + pe.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        }
        if (t instanceof UserError) return I18n.message(lang, (UserError) t);
        LOG.log(Level.SEVERE, "unexpected failure", t);
        return I18n.get(lang, "cli.unexpected");
    }
}
