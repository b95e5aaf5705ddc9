package hk.baycover.cli;

import hk.baycover.model.SafeText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the command line prints passes through here: control characters (ESC, BEL, NUL, a lone carriage
 * return…), bidirectional overrides and lone surrogates are written as visible escapes (a backslash, {@code u} and four hex digits), so no
 * stored or typed text can move the cursor, recolour the terminal, ring the bell or reorder what is shown. Line feeds,
 * tabs and CR LF line ends pass. The escape is also the JSON escape of the same character, so JSON output stays valid.
 */
final class TerminalSafeWriter extends FilterWriter {

    private boolean pendingCr;
    private char pendingHigh;

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        // the same as for a String, without copying: large outputs (gaps --json) arrive here in buffers
        int end = off + len;
        int i = off;
        while (i < end) {
            int run = i;
            if (!pendingCr && pendingHigh == 0) {
                while (run < end && plain(cbuf[run])) run++;
                if (run > i) {
                    out.write(cbuf, i, run - i);
                    i = run;
                    continue;
                }
            }
            put(cbuf[i++]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            // plain characters go out in runs; anything that needs a look goes one by one
            int run = i;
            if (!pendingCr && pendingHigh == 0) {
                while (run < end && plain(str.charAt(run))) run++;
                if (run > i) {
                    out.write(str, i, run - i);
                    i = run;
                    continue;
                }
            }
            put(str.charAt(i++));
        }
    }

    private static boolean plain(char c) {
        if (c >= 0x20 && c < 0x7F) return true;
        return c > 0x9F && !SafeText.isBidiControl(c) && !Character.isSurrogate(c) || c == '\n' || c == '\t';
    }

    private void put(char c) throws IOException {
        if (pendingCr) {
            pendingCr = false;
            if (c == '\n') {
                out.write("\r\n");
                return;
            }
            escape('\r');
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                out.write(high);
                out.write(c);
                return;
            }
            escape(high);
        }
        if (c == '\r') {
            pendingCr = true;
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (c == '\n' || c == '\t') {
            out.write(c);
        } else if (SafeText.isControl(c) || SafeText.isBidiControl(c) || Character.isLowSurrogate(c)) {
            escape(c);
        } else {
            out.write(c);
        }
    }

    private void escape(char c) throws IOException {
        StringBuilder b = new StringBuilder(6);
        SafeText.unicode(b, c);
        out.write(b.toString());
    }

    @Override
    public void flush() throws IOException {
        if (pendingCr) escape('\r');
        if (pendingHigh != 0) escape(pendingHigh);
        pendingCr = false;
        pendingHigh = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingCr) escape('\r');
        if (pendingHigh != 0) escape(pendingHigh);
        pendingCr = false;
        pendingHigh = 0;
        super.close();
    }
}
