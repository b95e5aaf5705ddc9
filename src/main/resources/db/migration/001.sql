-- 001: the catalog (datasets and their records). Each record keeps its full JSON; columns hold what queries need.
CREATE TABLE dataset (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    version     TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    checksum    TEXT NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('SHIPPED', 'IMPORTED')),
    imported_at TEXT NOT NULL,
    header_json TEXT NOT NULL
);

CREATE TABLE institution (
    id         TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    city       TEXT NOT NULL,
    designated INTEGER NOT NULL,
    name_hant  TEXT,
    name_hans  TEXT,
    name_en    TEXT,
    json       TEXT NOT NULL
);
CREATE INDEX institution_dataset ON institution(dataset_id, ord);

CREATE TABLE item (
    id         TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    name_hant  TEXT,
    name_hans  TEXT,
    name_en    TEXT,
    json       TEXT NOT NULL
);
CREATE INDEX item_dataset ON item(dataset_id, ord);

CREATE TABLE approval (
    item_id        TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
    institution_id TEXT NOT NULL REFERENCES institution(id) DEFERRABLE INITIALLY DEFERRED,
    date           TEXT,
    status         TEXT NOT NULL,
    PRIMARY KEY (item_id, institution_id)
);
CREATE INDEX approval_institution ON approval(institution_id);

CREATE TABLE running_total (
    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    as_of      TEXT NOT NULL,
    json       TEXT NOT NULL,
    PRIMARY KEY (dataset_id, ord)
);

CREATE TABLE product (
    id         TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    layer      TEXT NOT NULL,
    name_hant  TEXT,
    name_hans  TEXT,
    name_en    TEXT,
    json       TEXT NOT NULL
);
CREATE INDEX product_dataset ON product(dataset_id, ord);

CREATE TABLE scenario (
    id         TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    json       TEXT NOT NULL
);

-- Cross-dataset references (a product's direct-billing hospital, a scenario's drug), so that a newer pack cannot
-- silently drop a record another dataset still names.
CREATE TABLE record_ref (
    dataset_id     TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    from_id        TEXT NOT NULL,
    pointer        TEXT NOT NULL,
    institution_id TEXT REFERENCES institution(id) DEFERRABLE INITIALLY DEFERRED,
    item_id        TEXT REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX record_ref_dataset ON record_ref(dataset_id);
