package hk.baycover.gaps;

import hk.baycover.i18n.I18n;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Money;
import hk.baycover.model.Reason;

import java.math.RoundingMode;
import java.text.NumberFormat;

/** Localized texts of the gap explorer shared by the CLI, the screen, the CSV and the PDF (one wording everywhere). */
public final class GapTexts {

    private GapTexts() {
    }

    /** The symbol printed in every cell so colour is never the only cue: ● full, ◐ partial, ✕ none. */
    public static String symbol(CoverageLevel level) {
        switch (level) {
            case FULL: return "●";
            case PARTIAL: return "◐";
            default: return "✕";
        }
    }

    public static String band(Lang lang, AgeBand band) {
        return I18n.get(lang, band.open() ? "gaps.band.open" : "gaps.band", band.from(), band.to());
    }

    public static String insurance(Lang lang, boolean insured) {
        return I18n.get(lang, insured ? "gaps.sz.yes" : "gaps.sz.no");
    }

    /** "Ages 65–74 · Lives in Shenzhen · Shenzhen insurance · Chronic illness". */
    public static String segment(Lang lang, Segment s) {
        return I18n.get(lang, "gaps.segment", band(lang, s.band()), GapTexts.name(lang, s.livesIn()), insurance(lang, s.szInsured()),
                GapTexts.name(lang, s.condition()));
    }

    /** A compact form for row headers: "65–74 · SZ · ins. · chronic". */
    public static String segmentShort(Lang lang, Segment s) {
        return I18n.get(lang, "gaps.segment.short", s.band().label(), I18n.get(lang, "gaps.place.short." + s.livesIn().name()),
                I18n.get(lang, s.szInsured() ? "gaps.sz.short.yes" : "gaps.sz.short.no"), I18n.get(lang, "gaps.cond.short." + s.condition().name()));
    }

    public static String money(Lang lang, Money m) {
        NumberFormat f = NumberFormat.getNumberInstance(lang.locale());
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        return GapTexts.name(lang, m.currency()) + " " + f.format(m.amount().setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The cheapest premium of a cell as text, saying when it is a sample, an illustrative FX conversion, or unknown. */
    public static String cheapest(Lang lang, CellSummary c) {
        if (c.covering() == 0) return "";
        if (c.cheapest() == null) return I18n.get(lang, "gaps.premium.unknownOnly");
        return premium(lang, c.cheapest());
    }

    public static String premium(Lang lang, PremiumPick p) {
        if (p == null) return "";
        if (!p.known()) return I18n.reason(lang, p.reason());
        StringBuilder sb = new StringBuilder(I18n.get(lang, "gaps.premium.from", money(lang, p.annual())));
        if (!p.original().currency().equals(p.annual().currency())) sb.append(' ').append(I18n.get(lang, "gaps.premium.converted", money(lang, p.original())));
        if (p.sample()) sb.append(' ').append(I18n.get(lang, "gaps.premium.sample"));
        if (p.fxSample()) sb.append(' ').append(I18n.get(lang, "gaps.premium.fxSample"));
        return sb.toString();
    }

    /**
     * Display name of an enum constant. The core bundles key multi-word enums in camelCase ("livingPlace.SHENZHEN",
     * "coverageLevel.FULL") while {@code I18n.enumName} looks for the lower-cased simple name, so this tries the
     * camelCase key first and falls back to {@code I18n.enumName}.
     */
    public static String name(Lang lang, Enum<?> value) {
        if (value == null) return "";
        String simple = value.getDeclaringClass().getSimpleName();
        String key = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "." + value.name();
        return I18n.has(lang, key) ? I18n.get(lang, key) : I18n.enumName(lang, value);
    }

    public static String reason(Lang lang, Reason r) {
        return I18n.reason(lang, r);
    }

    public static String group(Lang lang, ReasonGroup g) {
        return GapTexts.name(lang, g);
    }
}
