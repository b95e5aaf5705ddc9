package hk.baycover.cli;

import hk.baycover.model.UserError;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditCsv;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@Command(name = "audit", description = "Show the audit log (append-only): packs imported and exported, backups, restores, "
        + "passphrase changes, plans, proposals issued, clients erased. Newest first.")
final class AuditCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Mixin
    JsonOption json;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this action: ${COMPLETION-CANDIDATES}.")
    AuditAction action;

    @Option(names = "--since", paramLabel = "DATE", description = "Only entries on or after DATE (yyyy-mm-dd, local time).")
    String since;

    @Option(names = "--client", paramLabel = "ID", description = "Only entries about this client id.")
    String client;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default: all).")
    int limit;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the entries to FILE as CSV.")
    Path csv;

    /** The JSON shape of {@code audit --json}. */
    record Result(int count, List<Entry> entries) {
    }

    record Entry(long seq, String at, String actor, String action, String subjectType, String subjectId, String clientId,
                 Map<String, String> details) {
    }

    @Override
    public void run() {
        if (limit < 0) throw new UserError("trust.cli.audit.badLimit", limit);
        if (csv != null) root.files().check(csv);
        Instant from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since).atStartOfDay(root.clock().getZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new UserError("trust.cli.audit.badDate", since);
            }
        }
        List<AuditEntry> entries = root.app().audit().list(new AuditQuery(action, null, from, null, client, limit));
        if (csv != null) {
            root.files().write(csv, o -> AuditCsv.write(entries, o));
        }
        PrintWriter out = root.out();
        if (json.on) {
            Json.print(out, new Result(entries.size(), entries.stream().map(e -> new Entry(e.seq(), e.at().toString(), e.actor(),
                    e.action().name(), e.subjectType(), e.subjectId(), e.clientId(), e.sortedDetails())).toList()));
            return;
        }
        for (AuditEntry e : entries) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%6d  %s  %-18s %s", e.seq(), e.at(), e.action().name(), e.actor()));
            if (e.subjectType() != null) sb.append("  ").append(e.subjectType()).append(e.subjectId() == null ? "" : " " + e.subjectId());
            if (e.clientId() != null) sb.append("  client ").append(e.clientId());
            e.sortedDetails().forEach((k, v) -> sb.append("  ").append(k).append('=').append(v));
            out.println(sb);
        }
        if (entries.isEmpty()) out.println(root.text("trust.cli.audit.none"));
        if (csv != null) out.println(root.text("cli.export.wrote", csv));
    }
}
