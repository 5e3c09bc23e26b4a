-- 001: the first schema.  Portable SQL: it runs on SQLite and PostgreSQL
-- (BLOB reads as bytea there; the PostgreSQL backend maps the type names).
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE forces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  url TEXT,
  telephone TEXT
);

-- LSOAs, wards and other statistical areas with their boundary (WKB, WGS84).
CREATE TABLE areas (
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  vintage INTEGER NOT NULL DEFAULT 0,
  geom BLOB NOT NULL,
  PRIMARY KEY (kind, code)
);

CREATE TABLE neighbourhoods (
  force_id TEXT NOT NULL REFERENCES forces (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  geom BLOB,
  PRIMARY KEY (force_id, id)
);

CREATE TABLE neighbourhood_lsoas (
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  lsoa_code TEXT NOT NULL,
  PRIMARY KEY (force_id, neighbourhood_id, lsoa_code),
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
    ON DELETE CASCADE
);

CREATE TABLE census (
  lsoa_code TEXT NOT NULL,
  measure TEXT NOT NULL,
  category TEXT NOT NULL,
  value BIGINT NOT NULL CHECK (value >= 0),
  source TEXT NOT NULL,
  PRIMARY KEY (lsoa_code, measure, category)
);

-- Neighbourhood teams: the officers' public details, as police.uk shows them.
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL REFERENCES forces (id),
  neighbourhood_id TEXT,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  rank TEXT,
  bio TEXT,
  email TEXT,
  telephone TEXT
);
CREATE INDEX people_by_team ON people (force_id, neighbourhood_id, position);

-- Community and voluntary groups, and places where people gather.
CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL REFERENCES forces (id),
  neighbourhood_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('group', 'place')),
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT,
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  description TEXT
);
CREATE INDEX assets_by_neighbourhood ON assets (force_id, neighbourhood_id, position);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  rows_read BIGINT NOT NULL DEFAULT 0,
  rows_placed BIGINT NOT NULL DEFAULT 0,
  no_location BIGINT NOT NULL DEFAULT 0,
  disagreements BIGINT NOT NULL DEFAULT 0,
  outside BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0
);

-- police.uk data arrive as immutable force-months, replaced whole: one packed
-- columnar record per force, month and kind (see docs/ARCHITECTURE.md).
CREATE TABLE force_months (
  force_id TEXT NOT NULL,
  month INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  rows BIGINT NOT NULL,
  data BLOB NOT NULL,
  import_id BIGINT NOT NULL REFERENCES imports (id),
  PRIMARY KEY (force_id, month, kind)
);
