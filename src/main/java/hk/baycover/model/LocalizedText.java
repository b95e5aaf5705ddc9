package hk.baycover.model;

import java.util.List;
import java.util.Objects;

/**
 * Text in Traditional Chinese, Simplified Chinese and English. Translations are stored and reviewed;
 * a script filled at import time by ICU4J conversion is listed in {@code converted} ("zhHant" or "zhHans").
 */
public record LocalizedText(String zhHant, String zhHans, String en, List<String> converted) {

    public LocalizedText {
        zhHant = blankToNull(zhHant);
        zhHans = blankToNull(zhHans);
        en = blankToNull(en);
        converted = converted == null ? List.of() : List.copyOf(converted);
    }

    public static LocalizedText of(String zhHant, String zhHans, String en) {
        return new LocalizedText(zhHant, zhHans, en, List.of());
    }

    public static LocalizedText en(String en) {
        return new LocalizedText(null, null, en, List.of());
    }

    /** The text in the wanted language, falling back to the nearest available one (never null unless all are empty). */
    public String get(Lang lang) {
        switch (lang) {
            case ZH_HK: return first(zhHant, zhHans, en);
            case ZH_CN: return first(zhHans, zhHant, en);
            default: return first(en, zhHant, zhHans);
        }
    }

    /** True when the text shown for {@code lang} is not in that language (a fallback). */
    public boolean isFallback(Lang lang) {
        switch (lang) {
            case ZH_HK: return zhHant == null;
            case ZH_CN: return zhHans == null;
            default: return en == null;
        }
    }

    public boolean isConverted(Lang lang) {
        return (lang == Lang.ZH_HK && converted.contains("zhHant")) || (lang == Lang.ZH_CN && converted.contains("zhHans"));
    }

    public boolean isEmpty() {
        return zhHant == null && zhHans == null && en == null;
    }

    /** Every non-empty variant, for search indexing. */
    public List<String> all() {
        return java.util.stream.Stream.of(zhHant, zhHans, en).filter(Objects::nonNull).toList();
    }

    private static String first(String... options) {
        for (String o : options) if (o != null) return o;
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return get(Lang.EN);
    }
}
