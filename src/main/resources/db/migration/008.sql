-- 008: what `info` and the Data screen show about a dataset, kept at import (issue 16) instead of recounted from every
-- record at each run. One row per dataset and tally:
--   tally 'count': key = institutions | drugs | devices | totals | products | scenarios, n = records of that kind
--   tally 'asOf':  key = a record as-of date as written in the pack ('' for a record without one), n = records with it
--   tally 'named': key = an official list (OfficialTotal.Key), n = records of the dataset that count towards it
-- CatalogStore writes the rows with the dataset in the import transaction; the dataset's deletion takes them along.
-- The statements below fill them for datasets imported before this migration (the same rules as CatalogStore.tallies:
-- DatasetTallyTest checks that both give the same rows).
CREATE TABLE dataset_tally (
    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    tally      TEXT NOT NULL CHECK (tally IN ('count', 'asOf', 'named')),
    key        TEXT NOT NULL,
    n          INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (dataset_id, tally, key)
);

INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'count', 'institutions', COUNT(*) FROM institution GROUP BY dataset_id;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'count', 'drugs', COUNT(*) FROM item WHERE kind = 'DRUG' GROUP BY dataset_id;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'count', 'devices', COUNT(*) FROM item WHERE kind = 'DEVICE' GROUP BY dataset_id;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'count', 'totals', COUNT(*) FROM running_total GROUP BY dataset_id;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'count', 'products', COUNT(*) FROM product GROUP BY dataset_id;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'count', 'scenarios', COUNT(*) FROM scenario GROUP BY dataset_id;

INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT dataset_id, 'asOf', a, COUNT(*) FROM (
    SELECT dataset_id, COALESCE(json_extract(json, '$.asOf'), '') AS a FROM institution
    UNION ALL SELECT dataset_id, COALESCE(json_extract(json, '$.asOf'), '') FROM item
    UNION ALL SELECT dataset_id, COALESCE(json_extract(json, '$.asOf'), '') FROM product
    UNION ALL SELECT dataset_id, COALESCE(json_extract(json, '$.asOf'), '') FROM scenario
    UNION ALL SELECT dataset_id, COALESCE(as_of, '') FROM running_total
) GROUP BY dataset_id, a;

INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'DESIGNATED_INSTITUTIONS',
       (SELECT COUNT(*) FROM institution i WHERE i.dataset_id = d.id AND json_extract(i.json, '$.designation.status') = 'CURRENT')
FROM dataset d;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'APPROVED_ITEMS', (SELECT COUNT(*) FROM item i WHERE i.dataset_id = d.id) FROM dataset d;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'APPROVED_DRUGS', (SELECT COUNT(*) FROM item i WHERE i.dataset_id = d.id AND i.kind = 'DRUG') FROM dataset d;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'APPROVED_DEVICES', (SELECT COUNT(*) FROM item i WHERE i.dataset_id = d.id AND i.kind = 'DEVICE') FROM dataset d;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'VOUCHER_INSTITUTIONS',
       (SELECT COUNT(*) FROM institution i WHERE i.dataset_id = d.id AND json_type(i.json, '$.voucherPilot') IS NOT NULL
            AND json_type(i.json, '$.voucherPilot') <> 'null')
FROM dataset d;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'RCSGD_HOMES',
       (SELECT COUNT(*) FROM institution i WHERE i.dataset_id = d.id AND json_type(i.json, '$.residentialCareScheme') IS NOT NULL
            AND json_type(i.json, '$.residentialCareScheme') <> 'null')
FROM dataset d;
INSERT INTO dataset_tally(dataset_id, tally, key, n)
SELECT d.id, 'named', 'VHIS_STANDARD_PLANS',
       (SELECT COUNT(*) FROM product p WHERE p.dataset_id = d.id AND p.kind = 'VHIS' AND substr(p.id, -14) = '-vhis-standard')
FROM dataset d;
