package hk.baycover.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SafeText#check}'s quick answer for plain text ({@link SafeText#plain}) gives exactly the character-by-character
 * answer: compared on every UTF-16 unit alone and on many random texts mixing the characters that matter.
 */
class SafeTextPlainTest {

    /** The character-by-character walk as it was before the quick path (copied, as the reference). */
    private static SafeText.Issue slow(String s, int max, boolean lineBreaks) {
        int position = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            position++;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                return new SafeText.Issue(SafeText.Kind.LONE_SURROGATE, position, c);
            }
            if (Character.isLowSurrogate(c)) return new SafeText.Issue(SafeText.Kind.LONE_SURROGATE, position, c);
            if (c == '\r' && lineBreaks && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                continue;
            }
            if (c == '\n' || c == '\t') {
                if (!lineBreaks) return new SafeText.Issue(SafeText.Kind.LINE_BREAK, position, c);
            } else if (SafeText.isControl(c)) {
                return new SafeText.Issue(SafeText.Kind.CONTROL, position, c);
            } else if (SafeText.isBidiControl(c)) {
                return new SafeText.Issue(SafeText.Kind.BIDI, position, c);
            }
            i++;
        }
        if (position > max) return new SafeText.Issue(SafeText.Kind.TOO_LONG, position, max);
        return null;
    }

    @Test
    void everySingleUnitIsJudgedAsTheFullWalkJudgesIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = "a" + (char) c + "b";
            for (boolean lineBreaks : new boolean[] {false, true}) {
                assertEquals(slow(s, 10, lineBreaks), SafeText.check(s, 10, lineBreaks), () -> String.format("U+%04X", (int) s.charAt(1)));
            }
            if (SafeText.plain(s)) {
                assertFalse(SafeText.isControl((char) c) || SafeText.isBidiControl((char) c) || Character.isSurrogate((char) c)
                        || c == '\n' || c == '\t' || c == '\r');
            }
        }
    }

    @Test
    void randomTextsGetTheSameAnswer() {
        char[] pool = {'a', 'Z', ' ', '陳', '大', '文', '\n', '\t', '\r', '\u0000', '\u001b', '\u007f', '\u0085', '\u00a0', '\u202a',
                '\u202e', '\u2066', '\u2069', '\u203b', '\ud83d', '\ude00', '\ufeff'};
        Random r = new Random(68);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) b.append(pool[r.nextInt(pool.length)]);
            String s = b.toString();
            int max = r.nextInt(14);
            boolean lineBreaks = r.nextBoolean();
            assertEquals(slow(s, max, lineBreaks), SafeText.check(s, max, lineBreaks), () -> s.chars().mapToObj(c -> String.format("%04X", c)).toList() + " max " + max);
        }
    }

    @Test
    void plainTextWithinItsLengthIsCleanAndTooLongIsStillTooLong() {
        assertTrue(SafeText.plain("陳大文 Chan Tai Man"));
        assertNull(SafeText.check("陳大文 Chan Tai Man", 16, false));
        assertEquals(new SafeText.Issue(SafeText.Kind.TOO_LONG, 16, 15), SafeText.check("陳大文 Chan Tai Man", 15, false));
        assertFalse(SafeText.plain("x\u202ey"));
        assertFalse(SafeText.plain("😀"), "surrogate pairs take the full walk");
    }
}
