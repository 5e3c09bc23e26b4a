-- 008: street points keyed by their id alone.  A point's (lat, lng, name)
-- is unique because the importer makes it so: it holds every point in
-- memory through its transaction and gives a new one an id only when it is
-- not there.  The table's own unique index over them checked that again,
-- and with the id's separate index made a first national import (about
-- 700,000 new points) write three b-trees in scattered order; keyed by the
-- id as the rowid, new points are appended (docs/PERFORMANCE.md).
CREATE TABLE street_points_by_id (
  id INTEGER PRIMARY KEY,
  lat INTEGER NOT NULL,
  lng INTEGER NOT NULL,
  name TEXT NOT NULL
);
INSERT INTO street_points_by_id (id, lat, lng, name)
  SELECT id, lat, lng, name FROM street_points ORDER BY id;
DROP TABLE street_points;
ALTER TABLE street_points_by_id RENAME TO street_points;
