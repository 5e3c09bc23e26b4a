-- 005: the audit trail of restricted records (Data Protection Act 2018 s.62).
-- One row per collection, alteration, consultation, disclosure, combination
-- or erasure of personal data: who (a user id or a system name), when (UTC
-- seconds), what (record kind and id), why (purpose), to whom (recipient,
-- for disclosures).  `detail` is short and never holds personal data.
-- Rows are hash-chained (engage/audit.h): `hash` covers `prev_hash` and
-- every field, and `prev_hash` is the hash of the row before, so an edited,
-- deleted or forged row shows.  prev_hash is UNIQUE, so the chain cannot fork.
-- Append-only: the store API has no path to change or remove a row, and the
-- triggers below refuse UPDATE and DELETE outright.  (PostgreSQL: the same
-- with a BEFORE UPDATE OR DELETE trigger raising an exception, or
-- REVOKE UPDATE, DELETE from the application's role.)

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  actor_role TEXT,
  operation TEXT NOT NULL CHECK (operation IN ('collection', 'alteration', 'consultation',
                                               'disclosure', 'combination', 'erasure')),
  record_kind TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  purpose TEXT,
  recipient TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows are never changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows are never deleted');
END;
