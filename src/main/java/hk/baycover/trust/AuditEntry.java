package hk.baycover.trust;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of the audit log: when, who (the operating-system account), what, about which record. Never personal
 * data: subjects and clients are opaque record ids and {@code details} holds non-personal facts only (dataset
 * versions, languages, file hashes, counts) — never a client's name, and never a file name a user may have typed a
 * name into. {@code seq} and {@code at} are set by the store when the entry is appended.
 */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        AuditAction action,
        String subjectType,
        String subjectId,
        String clientId,
        Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A new entry by the current operating-system user; sequence number and time are set when it is appended. */
    public static AuditEntry of(AuditAction action, String subjectType, String subjectId, String clientId, Map<String, String> details) {
        return new AuditEntry(0, null, currentActor(), action, subjectType, subjectId, clientId, details);
    }

    /** Details in a stable (sorted) order, for display and export. */
    public Map<String, String> sortedDetails() {
        return new TreeMap<>(details);
    }

    public static String currentActor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
