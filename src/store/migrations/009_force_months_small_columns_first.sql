-- 009: force_months with its small columns before the packed data.  A
-- record's columns are stored in the table's order, and columns added
-- later (first_id, counts) came after `data`, whose 700 KB runs on over a
-- chain of pages: reading a month's crime counts meant walking that whole
-- chain to reach them, 300 MB read for a national year's table of counts
-- (docs/PERFORMANCE.md).  With `data` last, reading the others stops short
-- of it.  The queries name their columns, so nothing else changes.
CREATE TABLE force_months_small_first (
  force_id TEXT NOT NULL,
  month INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  rows BIGINT NOT NULL,
  import_id BIGINT NOT NULL REFERENCES imports (id),
  first_id BIGINT NOT NULL DEFAULT 0,
  counts BLOB,
  data BLOB NOT NULL,
  PRIMARY KEY (force_id, month, kind)
);
INSERT INTO force_months_small_first (force_id, month, kind, rows, import_id, first_id, counts, data)
  SELECT force_id, month, kind, rows, import_id, first_id, counts, data FROM force_months;
DROP TABLE force_months;
ALTER TABLE force_months_small_first RENAME TO force_months;
