package hk.baycover.trust;

/** What the audit log records. Display names are {@code auditaction.<CONSTANT>} in the trust bundles. */
public enum AuditAction {
    PACK_IMPORTED,
    PACK_EXPORTED,
    BACKUP_CREATED,
    BACKUP_RESTORED,
    PASSPHRASE_SET,
    PASSPHRASE_CHANGED,
    PASSPHRASE_FAILED,
    CLIENT_DATA_SEALED,
    PUBLISHER_TRUSTED,
    PUBLISHER_REMOVED,
    PLAN_CREATED,
    PLAN_CHANGED,
    PLAN_DELETED,
    PROPOSAL_ISSUED,
    CLIENT_ERASED
}
