package hk.baycover.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a line of mixed Chinese and Latin text may break: between words of Latin text and between any two CJK
 * characters. One tokenizer for every place that wraps text by measuring it (the PDF builder, the gap map's picture).
 */
public final class LineBreaks {
    private LineBreaks() {
    }

    /** The text in pieces a line may break between: words, single spaces (" "), and single CJK characters. */
    public static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || isWide(cp)) {
                if (word.length() > 0) out.add(word.toString());
                word.setLength(0);
                out.add(Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) out.add(word.toString());
        return out;
    }

    /** A character that takes a full em and may stand on a line alone (CJK ideographs, kana, full-width forms). */
    public static boolean isWide(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return Character.isIdeographic(cp) || sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
