package hk.baycover.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the command line prints is made harmless the same way however it arrives: whole strings, character arrays in
 * buffers of any size (Jackson writes large JSON that way), or one character at a time — split anywhere, also between a
 * CR and its LF or the two halves of a surrogate pair.
 */
class TerminalSafeWriterTest {

    private static final List<String> SAMPLES = List.of(
            "plain ASCII and 中文 and – dashes",
            "escape \u001B[31mred\u001B[0m, bell \u0007, NUL \u0000, C1 \u0085, DEL \u007F",
            "line\r\nend, lone CR\rhere, tab\tand LF\n",
            "bidi \u202Eevil\u202C and isolate \u2066x\u2069",
            "pair \uD83D\uDE00 ok, lone high \uD83D then x, lone low \uDE00, high at end \uD83D",
            "ends with CR\r");

    private static String whole(String s) throws IOException {
        StringWriter sink = new StringWriter();
        try (TerminalSafeWriter w = new TerminalSafeWriter(sink)) {
            w.write(s, 0, s.length());
        }
        return sink.toString();
    }

    @Test
    void everyWayOfWritingGivesTheSameText() throws IOException {
        for (String s : SAMPLES) {
            String expected = whole(s);
            for (int chunk = 1; chunk <= s.length(); chunk++) {
                StringWriter arrays = new StringWriter();
                StringWriter strings = new StringWriter();
                try (TerminalSafeWriter a = new TerminalSafeWriter(arrays); TerminalSafeWriter b = new TerminalSafeWriter(strings)) {
                    char[] chars = s.toCharArray();
                    for (int i = 0; i < chars.length; i += chunk) {
                        int len = Math.min(chunk, chars.length - i);
                        a.write(chars, i, len);
                        b.write(s, i, len);
                    }
                }
                assertEquals(expected, arrays.toString(), "char[] chunks of " + chunk + ": " + s);
                assertEquals(expected, strings.toString(), "String chunks of " + chunk + ": " + s);
            }
            StringWriter single = new StringWriter();
            try (TerminalSafeWriter w = new TerminalSafeWriter(single)) {
                for (char c : s.toCharArray()) w.write(c);
            }
            assertEquals(expected, single.toString(), "one by one: " + s);
        }
    }

    @Test
    void controlsBidiAndLoneSurrogatesAreEscapedPairsAndLineEndsPass() throws IOException {
        assertEquals("a\\u001B[31mb", whole("a\u001B[31mb"));
        assertEquals("x\r\ny\\u000Dz", whole("x\r\ny\rz"));
        assertEquals("\\u202Eevil", whole("\u202Eevil"));
        assertEquals("\uD83D\uDE00 \\uD83Dx \\uDE00", whole("\uD83D\uDE00 \uD83Dx \uDE00"));
        assertEquals("tab\tline\n", whole("tab\tline\n"));
    }
}
