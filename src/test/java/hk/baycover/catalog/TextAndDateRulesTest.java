package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.model.Lang;
import hk.baycover.model.PartialDate;
import hk.baycover.model.SafeText;
import hk.baycover.model.UserError;
import hk.baycover.planning.PlanDates;
import hk.baycover.store.ShippedPacks;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text and date rules at the door, one by one; and the shipped packs keep them. */
class TextAndDateRulesTest {

    @Test
    void textsAreCheckedForControlsOverridesSurrogatesLineBreaksAndLength() {
        assertNull(SafeText.check("陳大文 Chan Tai Man 😀", 300, false), "CJK and a surrogate pair are fine");
        assertEquals(SafeText.Kind.CONTROL, SafeText.check("a\u0000b", 300, false).kind());
        assertEquals(SafeText.Kind.CONTROL, SafeText.check("\u001b[31m", 300, true).kind());
        assertEquals(SafeText.Kind.CONTROL, SafeText.check("x\u0085", 300, true).kind(), "C1 NEL");
        assertEquals(SafeText.Kind.CONTROL, SafeText.check("x\u007f", 300, true).kind(), "DEL");
        assertEquals(SafeText.Kind.CONTROL, SafeText.check("a\rb", 300, true).kind(), "a lone carriage return");
        assertNull(SafeText.check("a\r\nb\tc", 300, true), "CR LF and tab where line breaks are allowed");
        assertEquals(SafeText.Kind.LINE_BREAK, SafeText.check("a\nb", 300, false).kind());
        for (char c : new char[] {'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertEquals(SafeText.Kind.BIDI, SafeText.check("x" + c, 300, true).kind(), Integer.toHexString(c));
        }
        assertEquals(SafeText.Kind.LONE_SURROGATE, SafeText.check("x\ud800y", 300, true).kind());
        assertEquals(SafeText.Kind.LONE_SURROGATE, SafeText.check("\udc00", 300, true).kind());
        SafeText.Issue longOne = SafeText.check("名".repeat(301), 300, false);
        assertEquals(SafeText.Kind.TOO_LONG, longOne.kind());
        assertEquals(301, longOne.at());
        assertNull(SafeText.check("😀".repeat(300), 300, false), "length in characters as the reader sees them");
        assertEquals("x\\u001B[2J\\u0007\\u202E\\uD800\n\tok\r\n", SafeText.escape("x\u001b[2J\u0007\u202e\ud800\n\tok\r\n"));
    }

    @Test
    void eachPackFieldHasItsDocumentedMaximum() {
        assertEquals(new TextRules.Rule(TextRules.LONG, true), TextRules.rule("description"));
        assertEquals(new TextRules.Rule(TextRules.URL, false), TextRules.rule("url"));
        assertEquals(new TextRules.Rule(TextRules.SHORT, false), TextRules.rule("name"));
        assertEquals(new TextRules.Rule(TextRules.SHORT, false), TextRules.rule("anything-else"));
        for (Lang lang : Lang.values()) {
            String m = TextRules.message(lang, SafeText.check("\u202e", 300, false));
            assertTrue(m.contains("U+202E"), m);
        }
    }

    @Test
    void planStartsAreBounded() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertEquals(today, PlanDates.checkStart(today, today));
        assertEquals(LocalDate.of(2025, 12, 5), PlanDates.checkStart(LocalDate.of(2025, 12, 5), today));
        assertEquals(LocalDate.of(2031, 12, 5), PlanDates.checkStart(LocalDate.of(2031, 12, 5), today));
        assertEquals("plan.startOutOfRange", assertThrows(UserError.class, () -> PlanDates.checkStart(LocalDate.of(9999, 12, 31), today)).key());
        assertEquals("plan.startOutOfRange", assertThrows(UserError.class, () -> PlanDates.checkStart(LocalDate.of(2025, 12, 4), today)).key());
    }

    @Test
    void aPackAsOfLaterThanTodayIsRefusedButAMonthThatHasBegunIsNot() throws Exception {
        JsonNode base = CatalogJson.mapper().readTree(ShippedPacks.bytes("gba-scenarios.json"));
        LocalDate today = LocalDate.of(2026, 12, 5);
        ((com.fasterxml.jackson.databind.node.ObjectNode) base.get("pack")).put("asOf", "2026-12");
        PackReader.Result ok = new PackReader(Lang.EN, today).read("s.json", CatalogJson.mapper().writeValueAsBytes(base), ReferenceContext.EMPTY);
        assertTrue(ok.problems().stream().noneMatch(p -> p.pointer().equals("/pack/asOf")), ok.problems().toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) base.get("pack")).put("asOf", "2026-12-06");
        PackReader.Result late = new PackReader(Lang.EN, today).read("s.json", CatalogJson.mapper().writeValueAsBytes(base), ReferenceContext.EMPTY);
        assertTrue(late.problems().stream().anyMatch(p -> p.pointer().equals("/pack/asOf") && p.message().contains("later than today (2026-12-05)")),
                late.problems().toString());
    }

    /** The shipped packs are read without the as-of bound (a wrong clock must not hide them): so they must keep it here. */
    @Test
    void noShippedAsOfIsLaterThanTheDayTheBuildRuns() throws Exception {
        LocalDate today = LocalDate.now();
        List<String> late = new ArrayList<>();
        for (String name : ShippedPacks.names()) {
            walk(CatalogJson.mapper().readTree(ShippedPacks.bytes(name)), name, today, late);
        }
        assertEquals(List.of(), late);
    }

    private static void walk(JsonNode n, String where, LocalDate today, List<String> late) {
        if (n.isObject()) {
            for (var e : n.properties()) {
                if (e.getKey().equals("asOf") && e.getValue().isTextual() && PartialDate.isValid(e.getValue().asText())
                        && PartialDate.parse(e.getValue().asText()).earliest().isAfter(today)) {
                    late.add(where + "/" + e.getKey() + " = " + e.getValue().asText());
                }
                walk(e.getValue(), where + "/" + e.getKey(), today, late);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) walk(n.get(i), where + "/" + i, today, late);
        }
    }
}
