package hk.baycover.io;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese correctly), CRLF line ends,
 * RFC 4180 quoting, and a guard on every cell against formula injection — a cell a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe. Plain numbers
 * ({@code -12.5}) are left as they are. Rows are streamed: nothing is built up in memory.
 */
public final class CsvWriter implements Flushable {

    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Writer out;

    /** Starts a CSV on {@code out} (writes the byte-order mark); flush it when done, the stream stays open. */
    public CsvWriter(OutputStream out) throws IOException {
        out.write(BOM);
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    public CsvWriter row(String... cells) throws IOException {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** One cell as written: guarded against formulas, quoted when it holds a comma, quote or line break. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = value;
        if ("=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
