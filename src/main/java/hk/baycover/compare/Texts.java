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
        return all(l -> t(l, key, args));
    }

    /** A decision reason in all three languages. */
    public static LocalizedText reason(Reason r) {
        return all(l -> I18n.reason(l, r));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link I18n#get} with the bundle lookup memoised (bundles do not change while the app runs; a matrix asks for the
     * same few dozen keys hundreds of times).
     */
    public static String t(Lang lang, String key, Object... args) {
        String pattern = PATTERNS.computeIfAbsent(lang.name() + "|" + key, k -> I18n.get(lang, key));
        if (args.length == 0) return pattern;
        return new java.text.MessageFormat(pattern.replace("'", "''"), lang.locale()).format(args);
    }

    /** {@link I18n#enumName}, memoised. */
    public static String name(Lang lang, Enum<?> value) {
        if (value == null) return "";
        return NAMES.computeIfAbsent(lang.name() + "|" + value.getDeclaringClass().getName() + "." + value.name(), k -> I18n.enumName(lang, value));
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
