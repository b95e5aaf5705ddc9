package hk.baycover.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was wrong with a JSON text, in the user's words ({@code json.*} keys) instead of Jackson's messages, which name
 * parser options and Java classes ("enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS", "class
 * hk.baycover.gaps.SegmentConfig$File"). The original message goes to the log.
 */
public final class JsonErrors {

    private static final Logger LOG = Logger.getLogger(JsonErrors.class.getName());
    private static final Pattern CHAR = Pattern.compile("Unexpected character \\('(.{1,2})' \\(code (\\d+)\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']{0,40})");
    private static final Pattern FIELD = Pattern.compile("Duplicate field '([^']{0,80})'");
    private static final Pattern QUOTED = Pattern.compile("from String \"([^\"]{0,80})\"");

    private JsonErrors() {
    }

    /** Where the problem is: a JSON pointer for a mapping problem, else {@code line:column}, else "". */
    public static String where(JsonProcessingException e) {
        if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
                sb.append('/').append(r.getFieldName() != null ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
            }
            return sb.toString();
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : at.getLineNr() + ":" + at.getColumnNr();
    }

    /** The problem in the user's words, e.g. "not valid JSON: NaN and Infinity are not numbers in JSON". */
    public static String describe(Lang lang, JsonProcessingException e) {
        LOG.log(Level.FINE, "JSON problem", e);
        String m = String.valueOf(e.getOriginalMessage());
        String why = reason(lang, e, m);
        return I18n.get(lang, "pack.syntax", why);
    }

    /** Only the reason (no "not valid JSON:" prefix), for messages that have their own frame. */
    public static String reason(Lang lang, JsonProcessingException e) {
        LOG.log(Level.FINE, "JSON problem", e);
        return reason(lang, e, String.valueOf(e.getOriginalMessage()));
    }

    private static String reason(Lang lang, JsonProcessingException e, String m) {
        String lower = m.toLowerCase(Locale.ROOT);
        if (e instanceof StreamConstraintsException || lower.contains("exceeds the maximum")) {
            if (lower.contains("nesting depth")) return t(lang, "json.tooDeep", CatalogJson.MAX_DEPTH);
            if (lower.contains("number")) return t(lang, "json.numberTooLong", CatalogJson.MAX_NUMBER_LENGTH);
            if (lower.contains("string")) return t(lang, "json.textTooLong");
            return t(lang, "json.tooBig");
        }
        if (e instanceof UnrecognizedPropertyException) return t(lang, "json.unknownField", ((UnrecognizedPropertyException) e).getPropertyName());
        if (e instanceof InvalidFormatException) {
            InvalidFormatException f = (InvalidFormatException) e;
            Class<?> type = f.getTargetType();
            String value = String.valueOf(f.getValue());
            if (type != null && type.isEnum()) {
                StringBuilder allowed = new StringBuilder();
                for (Object c : type.getEnumConstants()) allowed.append(allowed.length() == 0 ? "" : ", ").append(((Enum<?>) c).name());
                return t(lang, "json.notOneOf", value, allowed);
            }
            if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) return t(lang, "json.notANumber", value);
            return t(lang, "json.badValue", value);
        }
        if (e instanceof MismatchedInputException) {
            MismatchedInputException mi = (MismatchedInputException) e;
            Class<?> type = mi.getTargetType();
            if (type == null) return t(lang, "json.wrongType");
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return t(lang, "json.expectedList");
            if (type == String.class) return t(lang, "json.expectedText");
            if (type == Boolean.class || type == boolean.class) return t(lang, "json.expectedBoolean");
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return t(lang, "json.expectedNumber");
            if (type.isEnum()) {
                Matcher q = QUOTED.matcher(m);
                return t(lang, "json.notOneOf", q.find() ? q.group(1) : "", String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()));
            }
            return t(lang, "json.expectedObject");
        }
        if (lower.contains("non-numeric") || lower.contains("'nan'") || lower.contains("'infinity'") || lower.contains("'-infinity'")
                || lower.contains("'+infinity'")) {
            return t(lang, "json.nan");
        }
        if (lower.contains("comment")) return t(lang, "json.comment");
        if (lower.contains("end-of-input") || lower.contains("end of input") || lower.contains("unexpected eof")) return t(lang, "json.truncated");
        Matcher f = FIELD.matcher(m);
        if (f.find()) return t(lang, "json.duplicateField", f.group(1));
        if (lower.contains("illegal unquoted character") || lower.contains("ctrl-char")) return t(lang, "json.controlChar");
        if (lower.contains("leading zero")) return t(lang, "json.leadingZero");
        if (lower.contains("trailing token") || lower.contains("after value")) return t(lang, "json.trailing");
        if (lower.contains("unexpected close marker")) return t(lang, "json.unbalanced");
        if (lower.contains("invalid numeric value") || lower.contains("out of range") || lower.contains("numeric value")) return t(lang, "json.badNumber");
        if (lower.contains("unrecognized character escape") || lower.contains("escape")) return t(lang, "json.badEscape");
        Matcher tok = TOKEN.matcher(m);
        if (tok.find()) return t(lang, "json.unknownWord", tok.group(1));
        Matcher c = CHAR.matcher(m);
        if (c.find()) {
            int code = Integer.parseInt(c.group(2));
            String unicode = String.format(Locale.ROOT, "U+%04X", code);
            String shown = code < 0x20 || code == 0x7f ? unicode : c.group(1) + " (" + unicode + ")";
            if (lower.contains("double-quote to start field name")) return t(lang, "json.expectedFieldName", shown);
            if (lower.contains("comma")) return t(lang, "json.expectedComma", shown);
            if (lower.contains("colon")) return t(lang, "json.expectedColon", shown);
            return t(lang, "json.unexpectedChar", shown);
        }
        if (lower.contains("expected a valid value") || lower.contains("expected a value")) return t(lang, "json.expectedValue");
        return t(lang, "json.other");
    }

    private static String t(Lang lang, String key, Object... args) {
        return I18n.get(lang, key, args);
    }
}
