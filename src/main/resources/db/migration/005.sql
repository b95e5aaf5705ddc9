-- 005: what-if draft products of the gap explorer. A draft is a full product record (JSON, always sample: true),
-- optionally cloned from a catalog product, and switched on or off in the gap matrix.
CREATE TABLE gap_draft (
    id         TEXT PRIMARY KEY,
    based_on   TEXT,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    json       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
