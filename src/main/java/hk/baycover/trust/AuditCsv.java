package hk.baycover.trust;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit log as CSV (RFC 4180, UTF-8, a header row). Cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) are prefixed with an apostrophe, so an exported log cannot attack the reader.
 */
public final class AuditCsv {

    public static final List<String> HEADER = List.of("seq", "at", "actor", "action", "subject_type", "subject_id", "client_id", "details");

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, Writer out) throws IOException {
        out.write(line(HEADER));
        for (AuditEntry e : entries) {
            out.write(line(List.of(String.valueOf(e.seq()), e.at() == null ? "" : e.at().toString(), nz(e.actor()), e.action().name(),
                    nz(e.subjectType()), nz(e.subjectId()), nz(e.clientId()), details(e.sortedDetails()))));
        }
        out.flush();
    }

    static String details(Map<String, String> details) {
        return details.entrySet().stream().map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining("; "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String line(List<String> cells) {
        return cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
