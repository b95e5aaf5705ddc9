package hk.baycover.lookup;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;

import java.util.Locale;
import java.util.Optional;

/** Localised words of the lookup, shared by the CLI and the screen. */
public final class LookupText {
    private LookupText() {
    }

    public static String kind(Lang lang, ResultKind kind) {
        return I18n.get(lang, "lookup.kind." + kind.name());
    }

    public static String field(Lang lang, MatchField field) {
        return field == null ? "" : I18n.get(lang, "lookup.field." + field.name());
    }

    public static String type(Lang lang, MatchType type) {
        return type == null ? "" : I18n.get(lang, "lookup.type." + type.name());
    }

    /** "name (exact)", "indication (substring)"... */
    public static String matched(Lang lang, LookupHit hit) {
        if (hit.field() == null) return "";
        return I18n.get(lang, "lookup.matched", field(lang, hit.field()), type(lang, hit.type()));
    }

    /** Any enum by key {@code prefix.CONSTANT}, falling back to the constant. */
    public static String named(Lang lang, String prefix, Enum<?> value) {
        if (value == null) return "";
        String key = prefix + "." + value.name();
        return I18n.has(lang, key) ? I18n.get(lang, key) : value.name();
    }

    public static String city(Lang lang, City city) {
        return named(lang, "city", city);
    }

    /** A city from what a user typed: its constant (SHENZHEN) or its name in any language, script, width or case. */
    public static Optional<City> parseCity(String text) {
        String wanted = TextNormalizer.normalize(text);
        if (wanted.isEmpty()) return Optional.empty();
        for (City c : City.values()) {
            if (TextNormalizer.normalize(c.name()).equals(wanted)) return Optional.of(c);
            for (Lang l : Lang.values()) {
                String name = TextNormalizer.normalize(city(l, c));
                if (name.equals(wanted) || (name + "市").equals(wanted) || name.equals(wanted + "市")) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every city name in one language, for messages. */
    public static String cityList(Lang lang) {
        StringBuilder b = new StringBuilder();
        for (City c : City.values()) {
            if (b.length() > 0) b.append(", ");
            b.append(city(lang, c)).append(" (").append(c.name().toLowerCase(Locale.ROOT)).append(')');
        }
        return b.toString();
    }

    public static String text(LocalizedText t, Lang lang) {
        return t == null || t.isEmpty() ? "" : t.get(lang);
    }

    /** The "about this data" line. */
    public static String about(Lang lang, Catalog catalog) {
        return about(lang, DataAbout.of(catalog));
    }

    /** The "about this data" line from what is known of the data. */
    public static String about(Lang lang, DataAbout a) {
        if (a.drugs() + a.devices() + a.institutions() == 0) return I18n.get(lang, "lookup.about.none");
        String sp = lang == Lang.EN ? " " : "";
        StringBuilder b = new StringBuilder(I18n.get(lang, "lookup.about.counts", a.drugs(), a.devices(), a.institutions()));
        if (a.latestTotal() != null) {
            var t = a.latestTotal();
            b.append(sp).append(I18n.get(lang, "lookup.about.total", t.asOf().value(),
                    t.total() == null ? "—" : t.total(), t.institutions() == null ? "—" : t.institutions()));
            a.itemShare().ifPresent(s -> b.append(sp).append(I18n.get(lang, "lookup.about.share", s)));
        }
        for (LocalizedText c : a.coverage()) b.append(sp).append(c.get(lang));
        a.asOfDate().ifPresent(d -> b.append(sp).append(I18n.get(lang, "lookup.about.asOf", d.value())));
        if (a.sampleRecords() > 0) b.append(sp).append(I18n.get(lang, "lookup.about.samples", a.sampleRecords()));
        return b.toString();
    }
}
