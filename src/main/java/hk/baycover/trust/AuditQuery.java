package hk.baycover.trust;

import java.time.Instant;

/**
 * Filters for reading the audit log; every field is optional (null: no filter). {@code text} matches the subject,
 * the client id, the actor or the details, case-insensitively. Newest first; at most {@code limit} entries (0: all).
 */
public record AuditQuery(AuditAction action, String text, Instant from, Instant until, String clientId, int limit) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, 0);

    public boolean matches(AuditEntry e) {
        if (action != null && e.action() != action) return false;
        if (clientId != null && !clientId.equals(e.clientId())) return false;
        if (from != null && e.at() != null && e.at().isBefore(from)) return false;
        if (until != null && e.at() != null && !e.at().isBefore(until)) return false;
        if (text != null && !text.isBlank()) {
            String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
            StringBuilder hay = new StringBuilder();
            hay.append(e.subjectType()).append(' ').append(e.subjectId()).append(' ').append(e.clientId()).append(' ').append(e.actor());
            e.details().forEach((k, v) -> hay.append(' ').append(k).append('=').append(v));
            return hay.toString().toLowerCase(java.util.Locale.ROOT).contains(needle);
        }
        return true;
    }
}
