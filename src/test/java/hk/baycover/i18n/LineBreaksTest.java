package hk.baycover.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineBreaksTest {

    @Test
    void latinBreaksBetweenWordsAndChineseBetweenCharacters() {
        assertEquals(List.of("Specialist", " ", "outpatient"), LineBreaks.tokens("Specialist outpatient"));
        assertEquals(List.of("專", "科", "門", "診", " ", "×", " ", "12"), LineBreaks.tokens("專科門診 × 12"));
        assertEquals(List.of("HKD", " ", "1,000", "（", "年", "）"), LineBreaks.tokens("HKD 1,000（年）"));
        // the pieces put back together are the text
        String mixed = "港澳藥械通 drugs and 器械 devices";
        assertEquals(mixed, String.join("", LineBreaks.tokens(mixed)));
    }

    @Test
    void wideCharacters() {
        assertTrue(LineBreaks.isWide('港'));
        assertTrue(LineBreaks.isWide('（'));
        assertTrue(LineBreaks.isWide('、'));
        assertFalse(LineBreaks.isWide('a'));
        assertFalse(LineBreaks.isWide('1'));
    }
}
