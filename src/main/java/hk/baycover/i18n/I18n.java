package hk.baycover.i18n;

import hk.baycover.model.Lang;
import hk.baycover.model.UserError;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message bundles for the three languages. Each feature keeps its own bundle family under {@code i18n/} (messages,
 * lookup, compare, plan, gaps, trust); a key is looked up in every family. Bundles are UTF-8 properties files.
 */
public final class I18n {

    /** Bundle families; a family whose files are absent is skipped. Keep in step with {@code BundleConsistencyTest}. */
    public static final List<String> FAMILIES = List.of("messages", "lookup", "compare", "plan", "gaps", "trust");

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ConcurrentHashMap<Lang, Families> CACHE = new ConcurrentHashMap<>();

    /**
     * One language's families, each read when a lookup first reaches it (in {@link #FAMILIES} order): the loading
     * view's one message reads the "messages" family only, on the start-up path; the others follow when the main
     * window asks for them.
     */
    static final class Families {
        private final Lang lang;
        private final ResourceBundle[] read = new ResourceBundle[FAMILIES.size()];
        private final boolean[] tried = new boolean[FAMILIES.size()];

        Families(Lang lang) {
            this.lang = lang;
        }

        /** The i-th family's bundle, null when this build has none. */
        synchronized ResourceBundle at(int i) {
            if (!tried[i]) {
                try {
                    read[i] = bundle(lang, FAMILIES.get(i));
                } catch (MissingResourceException absent) {
                    // family not present in this build
                }
                tried[i] = true;
            }
            return read[i];
        }

        /** How many families have been read so far. */
        synchronized int read() {
            int n = 0;
            for (boolean t : tried) if (t) n++;
            return n;
        }

        /** The bundle that holds {@code key}, first family first; null when none does. */
        ResourceBundle holding(String key) {
            for (int i = 0; i < read.length; i++) {
                ResourceBundle b = at(i);
                if (b != null && b.containsKey(key)) return b;
            }
            return null;
        }
    }

    private static Families families(Lang lang) {
        return CACHE.computeIfAbsent(lang, Families::new);
    }

    private I18n() {
    }

    /** The message {@code key} with {@code args}; an argument that is itself a {@link UserError} is localized first. */
    public static String get(Lang lang, String key, Object... args) {
        args = localizedArgs(lang, args);
        ResourceBundle b = families(lang).holding(key);
        if (b == null) return key;
        String pattern = b.getString(key);
        if (args.length == 0) return pattern;
        try {
            return new MessageFormat(pattern.replace("'", "''"), lang.locale()).format(args);
        } catch (IllegalArgumentException notAPattern) {
            // a message that shows literal braces (e.g. a JSON example): substitute {n} by hand
            String out = pattern;
            for (int i = 0; i < args.length; i++) out = out.replace("{" + i + "}", String.valueOf(args[i]));
            return out;
        }
    }

    private static Object[] localizedArgs(Lang lang, Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof UserError) {
                if (out == args) out = args.clone();
                out[i] = message(lang, (UserError) args[i]);
            }
        }
        return out;
    }

    public static boolean has(Lang lang, String key) {
        return families(lang).holding(key) != null;
    }

    /** The localized text of a user error. */
    public static String message(Lang lang, UserError e) {
        return get(lang, e.key(), e.args());
    }

    /** The text of a decision reason; string arguments that are themselves keys (e.g. "region.SHENZHEN") are translated. */
    public static String reason(Lang lang, hk.baycover.model.Reason reason) {
        Object[] args = reason.args().stream().map(a -> a instanceof hk.baycover.model.LocalizedText t ? t.get(lang)
                : a instanceof hk.baycover.model.Reason nested ? reason(lang, nested)
                : a instanceof String && has(lang, (String) a) ? get(lang, (String) a)
                : a instanceof String s ? money(lang, s) : a).toArray();
        return get(lang, reason.key(), args);
    }

    /** An amount as the engine writes it into a reason ("HKD 1,200.00", "CNY 0.00 – 300.00"). */
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("(HKD|CNY|MOP) (-?[0-9,]+\\.[0-9]{2}(?: – [0-9,]+\\.[0-9]{2})?)");

    /**
     * A reason's amount with its currency named in the reader's language (港元 1,200.00): reasons are kept, and stored
     * with plans, in one language-free form, and read in the reader's language. Any other text is returned as it is.
     */
    static String money(Lang lang, String arg) {
        java.util.regex.Matcher m = AMOUNT.matcher(arg);
        if (!m.matches()) return arg;
        return enumName(lang, hk.baycover.model.Currency.valueOf(m.group(1))) + " " + m.group(2);
    }

    /** Name of an enum constant, e.g. need.INPATIENT; falls back to the constant's name. */
    public static String enumName(Lang lang, Enum<?> value) {
        if (value == null) return "";
        String simple = value.getDeclaringClass().getSimpleName();
        // bundles spell multi-word enum names in lower camel case ("coverageLevel.FULL"); single words are the same either way
        String camel = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "." + value.name();
        if (has(lang, camel)) return get(lang, camel);
        String key = simple.toLowerCase(Locale.ROOT) + "." + value.name();
        return has(lang, key) ? get(lang, key) : value.name();
    }

    /** The ResourceBundle of one family (for FXML loaders). */
    public static ResourceBundle bundle(Lang lang, String family) {
        return ResourceBundle.getBundle("i18n/" + family, bundleLocale(lang), NO_FALLBACK);
    }

    /** Every family's bundle of {@code lang} that this build has, in {@link #FAMILIES} order. */
    public static List<ResourceBundle> bundles(Lang lang) {
        Families f = families(lang);
        List<ResourceBundle> list = new ArrayList<>();
        for (int i = 0; i < FAMILIES.size(); i++) {
            ResourceBundle b = f.at(i);
            if (b != null) list.add(b);
        }
        return List.copyOf(list);
    }

    private static Locale bundleLocale(Lang lang) {
        switch (lang) {
            case ZH_HK: return new Locale("zh", "HK");
            case ZH_CN: return new Locale("zh", "CN");
            default: return Locale.ENGLISH;
        }
    }
}
