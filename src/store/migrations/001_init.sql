-- 001: the first schema. Portable SQL: runs on SQLite and PostgreSQL.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
