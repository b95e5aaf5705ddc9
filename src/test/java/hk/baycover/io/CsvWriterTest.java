package hk.baycover.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    @Test
    void cellsAreQuotedAndGuardedAgainstFormulas() {
        assertEquals("'=SUM(A1)", CsvWriter.cell("=SUM(A1)"));
        assertEquals("'+1+1", CsvWriter.cell("+1+1"));
        assertEquals("'@cmd", CsvWriter.cell("@cmd"));
        assertEquals("'-2+3", CsvWriter.cell("-2+3"));
        assertEquals("'\tx", CsvWriter.cell("\tx"));
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx"));
        assertEquals("-12.5", CsvWriter.cell("-12.5"), "a plain negative number stays a number");
        assertEquals("\"a,\"\"b\"\"\"", CsvWriter.cell("a,\"b\""));
        assertEquals("\"two\nlines\"", CsvWriter.cell("two\nlines"));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("\"'=1,2\"", CsvWriter.cell("=1,2"));
    }

    @Test
    void aFileStartsWithOneBomAndEndsRowsWithCrLf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvWriter(out).row("名稱", "=x").row("b", "2").flush();
        byte[] bytes = out.toByteArray();
        assertArrayEquals(CsvWriter.BOM, Arrays.copyOf(bytes, 3));
        assertEquals("名稱,'=x\r\nb,2\r\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }
}
