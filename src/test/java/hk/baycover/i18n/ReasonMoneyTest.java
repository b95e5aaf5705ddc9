package hk.baycover.i18n;

import hk.baycover.model.Currency;
import hk.baycover.model.Lang;
import hk.baycover.model.Money;
import hk.baycover.model.MoneyRange;
import hk.baycover.model.Reason;
import hk.baycover.planning.Amounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts in reasons are kept language-free and read with the currency named in the reader's language. */
class ReasonMoneyTest {

    @Test
    void anAmountInAReasonIsNamedInTheReadersLanguage() {
        Reason r = Reason.info("cover.deductible", Amounts.format(new Money(new BigDecimal("20000"), Currency.HKD)));
        assertTrue(I18n.reason(Lang.ZH_HK, r).contains("港元 20,000.00"), I18n.reason(Lang.ZH_HK, r));
        assertTrue(I18n.reason(Lang.ZH_CN, r).contains("港元 20,000.00"), I18n.reason(Lang.ZH_CN, r));
        assertTrue(I18n.reason(Lang.EN, r).contains("HKD 20,000.00"), I18n.reason(Lang.EN, r));
        MoneyRange range = new MoneyRange(new Money(new BigDecimal("0"), Currency.CNY), new Money(new BigDecimal("300"), Currency.CNY));
        assertEquals("人民幣 0.00 – 300.00", I18n.money(Lang.ZH_HK, Amounts.range(range)));
        assertEquals(Amounts.range(range, Lang.ZH_CN), I18n.money(Lang.ZH_CN, Amounts.range(range)));
        // any other text is left as it is
        assertEquals("HKD plan", I18n.money(Lang.ZH_HK, "HKD plan"));
    }
}
