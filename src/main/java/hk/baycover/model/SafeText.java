package hk.baycover.model;

/**
 * Text hygiene: what a stored text may hold, and how to show any text without letting it steer a terminal.
 * <ul>
 *   <li>refused: C0 control characters (U+0000–U+001F; tab and line feed only where a field allows line breaks), DEL and
 *       C1 controls (U+007F–U+009F), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
 *       make a name read differently from what it is, and lone UTF-16 surrogates (half a character, stored as "?");</li>
 *   <li>{@link #escape} turns every such character into a visible escape, a backslash, {@code u} and four hex digits (also valid inside a JSON
 *       string), so output never carries a raw ESC, BEL or override.</li>
 * </ul>
 * Length is counted in characters as the reader sees them (Unicode code points).
 */
public final class SafeText {

    private SafeText() {
    }

    /** What is wrong with a text. */
    public enum Kind { CONTROL, LINE_BREAK, BIDI, LONE_SURROGATE, TOO_LONG }

    /**
     * The first problem: {@code kind}, the character's position (1-based, in code points; for {@code TOO_LONG} the
     * length), and the offending UTF-16 unit or code point ({@code TOO_LONG}: the maximum).
     */
    public record Issue(Kind kind, int at, int codePoint) {
        /** The offending character as {@code U+} and four or more hex digits (e.g. {@code U+001B}). */
        public String unicode() {
            return String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
        }
    }

    /** The first problem of {@code s} for a field of at most {@code max} characters; null when it is clean. */
    public static Issue check(String s, int max, boolean lineBreaks) {
        if (s == null) return null;
        if (s.length() <= max && plain(s)) return null;
        int position = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            position++;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                return new Issue(Kind.LONE_SURROGATE, position, c);
            }
            if (Character.isLowSurrogate(c)) return new Issue(Kind.LONE_SURROGATE, position, c);
            if (c == '\r' && lineBreaks && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                continue;
            }
            if (c == '\n' || c == '\t') {
                if (!lineBreaks) return new Issue(Kind.LINE_BREAK, position, c);
            } else if (isControl(c)) {
                return new Issue(Kind.CONTROL, position, c);
            } else if (isBidiControl(c)) {
                return new Issue(Kind.BIDI, position, c);
            }
            i++;
        }
        if (position > max) return new Issue(Kind.TOO_LONG, position, max);
        return null;
    }

    /**
     * True when no UTF-16 unit of {@code s} is a control character (line breaks and tabs included), a bidirectional
     * control or a surrogate: such a text is clean whatever the field, within its length (one test per character on the
     * usual text instead of eight; an import checks every text of every record).
     */
    static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) return false;
            if (c >= 0x7F && (c <= 0x9F || (c >= 0x202A && c <= 0x2069) || (c >= 0xD800 && c <= 0xDFFF))) return false;
        }
        return true;
    }

    /** C0, DEL and C1 control characters. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** Bidirectional embeddings, overrides and isolates. */
    public static boolean isBidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** True when {@link #escape} would change {@code s} (apart from line feeds and tabs). */
    public static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') continue;
            if (isControl(c) || isBidiControl(c)) return true;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) return true;
        }
        return false;
    }

    /**
     * {@code s} with every control character (but line feed and tab), bidirectional control and lone surrogate written
     * as a backslash, {@code u} and four hex digits (e.g. {@code \}{@code u001b}); a carriage return is kept only right before a line feed.
     */
    public static String escape(String s) {
        if (s == null || !needsEscape(s) && s.indexOf('\r') < 0) return s;
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                b.append(c);
            } else if (c == '\n' || c == '\t') {
                b.append(c);
            } else if (isControl(c) || isBidiControl(c)) {
                unicode(b, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                unicode(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static void unicode(StringBuilder b, char c) {
        b.append("\\u").append(String.format(java.util.Locale.ROOT, "%04X", (int) c));
    }
}
