-- 007: signed packs (issue 14, ADR 0058). The publishers whose keys the user trusts, under the name the user gave each
-- key, and the signature an imported dataset carried (a dataset without a row here was imported unsigned, or shipped).
CREATE TABLE trusted_publisher (
    fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    public_key  BLOB NOT NULL,
    added_at    TEXT NOT NULL
);

CREATE TABLE dataset_signature (
    dataset_id  TEXT PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
    public_key  BLOB NOT NULL,
    signature   BLOB NOT NULL,
    pack_sha256 TEXT NOT NULL,
    verified_at TEXT NOT NULL
);
