package hk.baycover.lookup;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Folds text so that script, width, case and punctuation do not matter to a search:
 * <ol>
 *   <li>NFKC with case folding (ICU {@code NFKC_Casefold}): ＬＯＲＬＡＴＩＮＩＢ → lorlatinib, ligatures and compatibility forms
 *       unfolded, default-ignorable characters (zero-width joiners...) dropped;</li>
 *   <li>Latin diacritics dropped (Sjögren → sjogren);</li>
 *   <li>every Han character folded from Traditional to Simplified one character at a time (勞 → 劳, 蝸 → 蜗), using
 *       ICU4J's {@code Traditional-Simplified} transliterator once per distinct character and memoising the answer;</li>
 *   <li>anything that is not a letter or digit (punctuation, symbols, emoji, control characters) becomes a space,
 *       runs of spaces collapse, and the ends are trimmed.</li>
 * </ol>
 * Folding character by character (not phrase by phrase) keeps the fold context-free, so a substring of a folded text is
 * always the fold of the corresponding substring: the index and a query fold the same way. Thread-safe.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    /** Memo of the Han fold per BMP char; 0 = not yet computed. Racy writes of a char are atomic and idempotent. */
    private static final char[] HAN_FOLD = new char[65536];
    private static Transliterator toSimplified;

    private TextNormalizer() {
    }

    /** The folded form of {@code text}; "" for null, blank or symbol-only input. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) return "";
        String s = isAscii(text) ? text : decompose(text);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                    // fast path
                } else if (cp >= 'A' && cp <= 'Z') {
                    cp += 'a' - 'A';
                } else {
                    pendingSpace = true;
                    continue;
                }
            } else {
                int type = Character.getType(cp);
                if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) continue; // diacritics
                if (!Character.isLetterOrDigit(cp) && type != Character.COMBINING_SPACING_MARK) {
                    pendingSpace = true;
                    continue;
                }
                if (cp < 65536 && Character.isIdeographic(cp)) cp = foldHan((char) cp);
            }
            if (pendingSpace && out.length() > 0) out.append(' ');
            pendingSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String decompose(String text) {
        // NFKC_Casefold composes; decompose afterwards so that Latin diacritics can be dropped as marks.
        String folded = NFKC_CF.normalize(text);
        return isAscii(folded) ? folded : NFD.normalize(folded);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    /**
     * The fold of every BMP ideograph that folds to another character, as pairs (character, fold) in one string: what a
     * store may keep with its documents so that a later process folds queries without loading the transliterator
     * ({@link #useHanFolds}). Computes every fold (about a second the first time).
     */
    public static String hanFolds() {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 65536; c++) {
            if (!Character.isIdeographic(c)) continue;
            char f = foldHan((char) c);
            if (f != c) b.append((char) c).append(f);
        }
        return b.toString();
    }

    /**
     * Takes the folds {@link #hanFolds} gave in a process of this same build (the caller makes sure of that): every other
     * BMP ideograph folds to itself. Normalising is then exactly as before, without ICU4J's transliterator.
     */
    public static void useHanFolds(String pairs) {
        if (pairs.length() % 2 != 0) throw new IllegalArgumentException("Han folds come in pairs");
        for (int c = 0; c < 65536; c++) if (Character.isIdeographic(c) && HAN_FOLD[c] == 0) HAN_FOLD[c] = (char) c;
        for (int i = 0; i < pairs.length(); i += 2) HAN_FOLD[pairs.charAt(i)] = pairs.charAt(i + 1);
    }

    /** The Simplified form of one Han character (itself when it has none), made idempotent. */
    static char foldHan(char c) {
        char f = HAN_FOLD[c];
        if (f != 0) return f;
        char current = c;
        for (int round = 0; round < 3; round++) {
            char next = simplifyOne(current);
            if (next == current) break;
            current = next;
        }
        HAN_FOLD[c] = current;
        return current;
    }

    private static char simplifyOne(char c) {
        String r;
        synchronized (TextNormalizer.class) {
            if (toSimplified == null) toSimplified = Transliterator.getInstance("Traditional-Simplified");
            r = toSimplified.transliterate(String.valueOf(c));
        }
        // one character in, one BMP ideograph out; anything else keeps the character as it is
        return r.length() == 1 && Character.isIdeographic(r.charAt(0)) ? r.charAt(0) : c;
    }
}
