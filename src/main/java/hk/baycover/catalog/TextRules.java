package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.SafeText;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text hygiene at the door for packs (data/README.md, "Texts"): every text value — and every field name — is checked
 * with {@link SafeText}; each field has a documented maximum length, and only the descriptive fields may hold line
 * breaks (line feed, tab). A text in several languages ({@code zhHant}, {@code zhHans}, {@code en}) takes the rule of
 * the field that holds it. Each problem is reported as {@code FILE:POINTER: message}.
 */
public final class TextRules {

    /** Names, titles and other one-line texts (also any field not listed). */
    public static final int SHORT = 300;
    /** Web addresses. */
    public static final int URL = 2000;
    /** Descriptions, notes and other paragraphs (line breaks allowed). */
    public static final int LONG = 4000;
    /** Field names. */
    public static final int FIELD_NAME = 100;

    /** Fields whose text may run to paragraphs, with line breaks. */
    public static final Set<String> PARAGRAPHS = Set.of("description", "summary", "note", "notes", "coverage", "indication",
            "servicePoints", "preAuthorisation", "directBillingNote", "gbaItemsNote", "crossBorderSettlement", "conditionNote",
            "sourceNote");
    private static final Set<String> LANGUAGES = Set.of("zhHant", "zhHans", "en");

    private TextRules() {
    }

    /** The rule for a field: maximum characters and whether line breaks are allowed. */
    public record Rule(int max, boolean lineBreaks) {
    }

    public static Rule rule(String field) {
        if (PARAGRAPHS.contains(field)) return new Rule(LONG, true);
        if ("url".equals(field)) return new Rule(URL, false);
        return new Rule(SHORT, false);
    }

    /** Checks every text and field name of a pack's tree. */
    public static void check(String file, Lang lang, JsonNode root, List<Problem> problems) {
        walk(file, lang, root, "", "", problems);
    }

    /** Checks one subtree that sits at {@code pointer} under the field {@code field} (a record inside its section's array). */
    static void check(String file, Lang lang, JsonNode node, String pointer, String field, List<Problem> problems) {
        walk(file, lang, node, pointer, field, problems);
    }

    /** The field whose rule a value under {@code key} takes, inside {@code field}: a language takes its text's field. */
    static String fieldOf(String key, String field) {
        return LANGUAGES.contains(key) ? field : key;
    }

    private static void walk(String file, Lang lang, JsonNode node, String pointer, String field, List<Problem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                String p = pointer + "/" + Pointers.escape(key);
                SafeText.Issue bad = SafeText.check(key, FIELD_NAME, false);
                if (bad != null) {
                    problems.add(new Problem(file, pointer.isEmpty() ? "/" : pointer, I18n.get(lang, "text.fieldName", message(lang, bad))));
                    continue;
                }
                walk(file, lang, e.getValue(), p, LANGUAGES.contains(key) ? field : key, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(file, lang, node.get(i), pointer + "/" + i, field, problems);
        } else if (node.isTextual()) {
            Rule r = rule(field);
            SafeText.Issue bad = SafeText.check(node.asText(), r.max(), r.lineBreaks());
            if (bad != null) problems.add(new Problem(file, pointer.isEmpty() ? "/" : pointer, message(lang, bad)));
        }
    }

    /** The problem in the user's words. */
    public static String message(Lang lang, SafeText.Issue bad) {
        switch (bad.kind()) {
            case TOO_LONG: return I18n.get(lang, "text.tooLong", bad.at(), bad.codePoint());
            case LINE_BREAK: return I18n.get(lang, "text.lineBreak", bad.at());
            case BIDI: return I18n.get(lang, "text.bidi", bad.unicode(), bad.at());
            case LONE_SURROGATE: return I18n.get(lang, "text.surrogate", bad.unicode(), bad.at());
            default: return I18n.get(lang, "text.control", bad.unicode(), bad.at());
        }
    }
}
