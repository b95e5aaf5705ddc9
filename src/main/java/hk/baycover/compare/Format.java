package hk.baycover.compare;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.Money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;

/** Number, money and list formatting for comparison cells (locale-aware, never a double for money). */
public final class Format {
    private Format() {
    }

    /** "HKD 1,000,000" / "港元 1,000,000": the amount with grouping, up to two decimals. */
    public static String money(Money m, Lang lang) {
        if (m == null) return I18n.get(lang, "notPublished");
        return I18n.enumName(lang, m.currency()) + " " + amount(m.amount(), lang);
    }

    public static String amount(BigDecimal amount, Lang lang) {
        NumberFormat nf = NumberFormat.getNumberInstance(lang.locale());
        nf.setGroupingUsed(true);
        nf.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        nf.setMaximumFractionDigits(2);
        return nf.format(amount);
    }

    /** "20 %" (trailing zeros dropped). */
    public static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + " %";
    }

    /** Joins list items with the language's enumeration comma. */
    public static String join(Lang lang, List<String> parts) {
        return String.join(lang == Lang.EN ? ", " : "、", parts);
    }

    /** Joins clauses or reasons with the language's semicolon (「；」 in Chinese, "; " in English). */
    public static String clauses(Lang lang, List<String> parts) {
        return String.join(lang == Lang.EN ? "; " : "\uFF1B", parts);
    }

    /** A canonical key for difference detection: amounts compare by value, not by scale ("1000.0" equals "1000"). */
    public static String key(Money m) {
        return m == null ? "-" : m.currency() + ":" + m.amount().stripTrailingZeros().toPlainString();
    }

    public static String key(BigDecimal b) {
        return b == null ? "-" : b.stripTrailingZeros().toPlainString();
    }
}
