package hk.baycover.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PartialDate#hasShape} answers exactly as the pattern {@link PartialDate#SHAPE} does. */
class PartialDateShapeTest {

    @Test
    void theShapeTestAgreesWithThePatternOnRandomAndEdgeTexts() {
        char[] pool = {'0', '1', '9', '2', '-', '/', ' ', 'a', '١', '０', '.', '\n'};
        Random r = new Random(2026);
        for (int k = 0; k < 300_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                // mostly the right characters in the right places, so that near misses are common
                boolean dash = i == 4 || i == 7;
                b.append(r.nextInt(6) > 0 ? (dash ? '-' : (char) ('0' + r.nextInt(10))) : pool[r.nextInt(pool.length)]);
            }
            String s = b.toString();
            assertEquals(PartialDate.SHAPE.matcher(s).matches(), PartialDate.hasShape(s), () -> "\"" + s + "\"");
        }
        for (String s : new String[] {"2025", "2025-06", "2025-06-30", "2025-13-45", "0000"}) assertTrue(PartialDate.hasShape(s), s);
        for (String s : new String[] {"", "202", "20250", "2025-6", "2025-06-3", "2025-06-300", "2025/06", "２０２５", "٢٠٢٥", "2025-06-30 "}) {
            assertFalse(PartialDate.hasShape(s), s);
        }
    }
}
