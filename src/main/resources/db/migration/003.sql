-- 003: saved planning work: clients, their plans with every saved revision, issued proposals, and the user's own
-- care episodes (edited copies of catalog episodes and episodes the user added).
-- Personal data (name, contact, birth date, conditions, notes; a plan's title and notes) lives ONLY in the
-- personal_json columns, written and read through PlanStore's PersonalCodec so it can be encrypted at rest.
CREATE TABLE client (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    profile_json  TEXT NOT NULL,
    personal_json TEXT NOT NULL
);

CREATE TABLE plan (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    revision        INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    duplicated_from TEXT
);
CREATE INDEX plan_client ON plan(client_id, updated_at);

CREATE TABLE plan_revision (
    plan_id       TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    revision      INTEGER NOT NULL,
    saved_at      TEXT NOT NULL,
    dataset_as_of TEXT,
    plan_json     TEXT NOT NULL,
    personal_json TEXT NOT NULL,
    PRIMARY KEY (plan_id, revision)
);

CREATE TABLE proposal (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id       TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    lang          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    dataset_as_of TEXT,
    datasets      TEXT,
    FOREIGN KEY (plan_id, revision) REFERENCES plan_revision(plan_id, revision) ON DELETE CASCADE
);
CREATE INDEX proposal_plan ON proposal(plan_id);

CREATE TABLE user_scenario (
    id       TEXT PRIMARY KEY,
    base_id  TEXT,
    saved_at TEXT NOT NULL,
    json     TEXT NOT NULL
);
