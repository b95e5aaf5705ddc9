package hk.baycover.i18n;

import hk.baycover.model.Lang;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Families are read as far as a lookup must go: the start-up's loading message reads one family, not six. */
class I18nFamiliesTest {

    @Test
    void aMessageOfTheFirstFamilyReadsThatFamilyOnly() {
        I18n.Families f = new I18n.Families(Lang.ZH_HK);
        assertEquals(0, f.read());
        assertEquals("正在開啟資料…", f.holding("startup.loading").getString("startup.loading"));
        assertEquals(1, f.read(), "the loading view's message is in the first family");
    }

    @Test
    void aLaterFamilysKeyReadsTheFamiliesBeforeItAndAMissingKeyReadsAll() {
        I18n.Families f = new I18n.Families(Lang.EN);
        String trustKey = I18n.bundle(Lang.EN, "trust").keySet().stream()
                .filter(k -> I18n.FAMILIES.stream().limit(5).noneMatch(fam -> I18n.bundle(Lang.EN, fam).containsKey(k))).findFirst().orElseThrow();
        assertSame(f.holding(trustKey), f.holding(trustKey));
        assertEquals(I18n.FAMILIES.size(), f.read());
        I18n.Families g = new I18n.Families(Lang.ZH_CN);
        assertNull(g.holding("no.such.key"));
        assertEquals(I18n.FAMILIES.size(), g.read());
        // and the public lookups answer as before
        assertEquals(I18n.bundle(Lang.EN, "trust").getString(trustKey), I18n.get(Lang.EN, trustKey));
        assertTrue(I18n.has(Lang.EN, trustKey));
        assertEquals("no.such.key", I18n.get(Lang.EN, "no.such.key"));
        assertEquals(I18n.FAMILIES.size(), I18n.bundles(Lang.ZH_HK).size());
    }
}
