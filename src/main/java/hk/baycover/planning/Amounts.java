package hk.baycover.planning;

import hk.baycover.model.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Display of money and rates: amounts to the cent with thousands separators; computation never rounds. */
public final class Amounts {
    private Amounts() {
    }

    /** "HKD 12,345.67" (rounded half-even to the cent for display only). */
    public static String format(Money m) {
        if (m == null) return "—";
        return m.currency() + " " + number(m.amount());
    }

    /** "RMB 1,200.00" when exact, else "RMB 0.00 – 12,200.00" (at best – at worst). */
    public static String range(hk.baycover.model.MoneyRange r) {
        if (r == null) return "—";
        if (r.isExact()) return format(r.min());
        return r.currency() + " " + number(r.min().amount()) + " – " + number(r.max().amount());
    }

    /** "港元 12,345.67" in Chinese, "HKD 12,345.67" in English: the currency named in the reader's language. */
    public static String format(Money m, hk.baycover.model.Lang lang) {
        if (m == null) return "—";
        return hk.baycover.i18n.I18n.enumName(lang, m.currency()) + " " + number(m.amount());
    }

    /** {@link #range(hk.baycover.model.MoneyRange)} with the currency named in the reader's language. */
    public static String range(hk.baycover.model.MoneyRange r, hk.baycover.model.Lang lang) {
        if (r == null) return "—";
        if (r.isExact()) return format(r.min(), lang);
        return hk.baycover.i18n.I18n.enumName(lang, r.currency()) + " " + number(r.min().amount()) + " – " + number(r.max().amount());
    }

    public static String number(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A rate with at most six significant digits, plain notation. */
    public static String rate(BigDecimal rate) {
        return rate.round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    /** A percentage without trailing zeros ("20", "12.5"). */
    public static String percent(BigDecimal pct) {
        return pct.stripTrailingZeros().toPlainString();
    }

    /** Money rounded half-even to the cent (premiums converted between currencies are charged to the cent). */
    public static Money cents(Money m) {
        return new Money(m.amount().setScale(2, RoundingMode.HALF_EVEN), m.currency());
    }

    /** Plain, exact text of an amount (no exponent), for JSON and storage. */
    public static String plain(BigDecimal amount) {
        String s = amount.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
