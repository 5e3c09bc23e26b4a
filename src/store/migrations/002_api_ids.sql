-- 002: stable numbers the police.uk-compatible API hands out.
--
-- Street points: each distinct anonymous map point (latitude, longitude in
-- microdegrees, and its "On or near ..." text) gets an id the first time an
-- import sees it and keeps it for ever, so location.street.id and
-- crimes-at-location?location_id= survive restarts and re-imports.
CREATE TABLE street_points (
  id BIGINT PRIMARY KEY,
  lat INTEGER NOT NULL,
  lng INTEGER NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (lat, lng, name)
);

-- Named counters handed out in blocks ("crime": crime ids).
CREATE TABLE id_sequences (
  name TEXT PRIMARY KEY,
  next_id BIGINT NOT NULL
);

-- Crime ids: row r of a force-month's street record has id first_id + r.
ALTER TABLE force_months ADD COLUMN first_id BIGINT NOT NULL DEFAULT 0;
