-- 004: trust. The audit log (append-only; only the erasure of one client may remove that client's entries) and the
-- keyring that protects client personal data (a random data key wrapped by a key derived from the passphrase).
-- Audit entries never hold personal data: subjects are opaque record ids, details are non-personal facts.
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_type TEXT,
    subject_id   TEXT,
    client_id    TEXT,
    details      TEXT NOT NULL DEFAULT '{}',
    app_version  TEXT
);
CREATE INDEX audit_log_action ON audit_log(action, seq);
CREATE INDEX audit_log_client ON audit_log(client_id);

-- Holds a row only inside the transaction that erases one client (inserted and deleted in that same transaction), so
-- no other connection ever sees the gate open, and even then only that client's entries may be deleted.
CREATE TABLE audit_erasure (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    client_id TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.client_id IS NULL OR OLD.client_id IS NOT (SELECT client_id FROM audit_erasure WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TABLE keyring (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    format      INTEGER NOT NULL,
    key_id      TEXT NOT NULL,
    kdf         TEXT NOT NULL,
    iterations  INTEGER NOT NULL,
    salt        BLOB NOT NULL,
    wrap_nonce  BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    check_nonce BLOB NOT NULL,
    check_value BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    changed_at  TEXT NOT NULL
);
