package hk.baycover.model;

import java.util.Locale;
import java.util.Optional;

/** The three languages BayCover speaks. zh-HK (Traditional Chinese) is the default. */
public enum Lang {
    ZH_HK("zh-HK", Locale.forLanguageTag("zh-HK")),
    ZH_CN("zh-CN", Locale.forLanguageTag("zh-CN")),
    EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    Lang(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() { return tag; }

    public Locale locale() { return locale; }

    /** Accepts zh-HK, zh_HK, zh-Hant, zh-TW, zh-CN, zh-Hans, en, EN... */
    public static Optional<Lang> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        switch (t) {
            case "zh-hk": case "zh-hant": case "zh-tw": case "zh-mo": case "tc": case "hant": return Optional.of(ZH_HK);
            case "zh-cn": case "zh-hans": case "zh-sg": case "zh": case "sc": case "hans": return Optional.of(ZH_CN);
            case "en": case "en-hk": case "en-gb": case "en-us": return Optional.of(EN);
            default: return Optional.empty();
        }
    }

    public static Lang fromLocale(Locale locale) {
        return parse(locale.toLanguageTag()).orElse(ZH_HK);
    }
}
