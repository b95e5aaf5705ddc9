-- 006: comparisons pinned on the Compare screen, to reopen later: the products in the order picked and the client
-- filter. No names or other personal data are stored (an age, a sex and a residency status are not identifying).
CREATE TABLE pinned_comparison (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    product_ids      TEXT NOT NULL,
    age              INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 130),
    birth_date       TEXT,
    sex              TEXT CHECK (sex IS NULL OR sex IN ('F', 'M')),
    residency        TEXT NOT NULL,
    lives_in         TEXT NOT NULL,
    sz_insurance     TEXT NOT NULL,
    only_differences INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL
);
