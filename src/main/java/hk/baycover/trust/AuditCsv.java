package hk.baycover.trust;

import hk.baycover.io.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit log as CSV ({@link CsvWriter}: RFC 4180, UTF-8 with a byte-order mark, a header row, and the formula guard
 * so an exported log cannot attack the reader).
 */
public final class AuditCsv {

    public static final List<String> HEADER = List.of("seq", "at", "actor", "action", "subject_type", "subject_id", "client_id", "details");

    private AuditCsv() {
    }

    /** Streams the entries to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(List<AuditEntry> entries, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(HEADER);
        for (AuditEntry e : entries) {
            csv.row(String.valueOf(e.seq()), e.at() == null ? "" : e.at().toString(), nz(e.actor()), e.action().name(),
                    nz(e.subjectType()), nz(e.subjectId()), nz(e.clientId()), details(e.sortedDetails()));
        }
        csv.flush();
    }

    static String details(Map<String, String> details) {
        return details.entrySet().stream().map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining("; "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
