package hk.baycover.trust;

import java.util.Optional;

/** Where the keyring lives (implemented by the store, so this package stays free of SQL). */
public interface KeyringRepository {

    Optional<Keyring> load();

    /** Stores the first keyring and the audit entry in one transaction; {@code trust.alreadySet} if there is one. */
    void create(Keyring keyring, AuditEntry audit);

    /**
     * Replaces the keyring and records the audit entry in one transaction, but only if the stored keyring is still the
     * one last changed at {@code expectedChangedAt} (else {@code trust.changedMeanwhile}): all or nothing.
     */
    void replace(Keyring next, String expectedChangedAt, AuditEntry audit);

    /** Records a wrong passphrase (its audit entry). */
    void recordFailure(AuditEntry audit);

    /** How many wrong passphrases were recorded at or after {@code since}. */
    int failuresSince(java.time.Instant since);
}
