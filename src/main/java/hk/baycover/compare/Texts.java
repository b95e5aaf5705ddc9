package hk.baycover.compare;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Reason;

import java.util.function.Function;

/** Builds display text in all three languages at once, so a screen can switch language without recomputing. */
public final class Texts {
    private Texts() {
    }

    /** The text {@code f} gives for each language. */
    public static LocalizedText all(Function<Lang, String> f) {
        return new LocalizedText(f.apply(Lang.ZH_HK), f.apply(Lang.ZH_CN), f.apply(Lang.EN), null);
    }

    /** A bundle message in all three languages. */
    public static LocalizedText key(String key, Object... args) {
        return all(l -> I18n.get(l, key, args));
    }

    /** A decision reason in all three languages. */
    public static LocalizedText reason(Reason r) {
        return all(l -> I18n.reason(l, r));
    }

    /** Text that is the same in every language (a URL, a code, a note the pack gives in one language). */
    public static LocalizedText same(String s) {
        return new LocalizedText(s, s, s, null);
    }

    /** A localized value from the data, or the empty string when the data has none. */
    public static String get(LocalizedText t, Lang lang) {
        if (t == null) return "";
        String s = t.get(lang);
        return s == null ? "" : s;
    }
}
