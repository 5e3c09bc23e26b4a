/*
 * store_sqlite.c - the SQLite backend: the embedded default.
 *
 * One database file in WAL mode (readers run beside one writer), foreign
 * keys on, a busy timeout so a second process waits before it is told the
 * database is locked.  Every statement is prepared once per handle from the
 * table below and bound with parameters; no SQL is ever built from input.
 * The schema version lives in PRAGMA user_version.
 */
#include "store/store-internal.h"

#include "base/bgsync.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "store/migrations.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000
#define ROW_CACHE 128

enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK,
	S_FORCE_PUT, S_FORCE_EACH,
	S_AREA_PUT, S_AREA_EACH, S_AREA_EACH_KIND, S_AREA_COUNT, S_AREA_COUNT_KIND,
	S_NBHD_PUT, S_NBHD_PUT_KEEP_GEOM, S_NBHD_SET_GEOM, S_NBHD_EACH, S_NBHD_EACH_FORCE,
	S_NBHD_LSOA_DEL, S_NBHD_LSOA_ADD, S_NBHD_LSOA_EACH,
	S_CENSUS_PUT, S_CENSUS_EACH, S_CENSUS_EACH_LSOA,
	S_TEAM_DEL, S_PERSON_ADD, S_PERSON_EACH, S_PERSON_EACH_FORCE, S_PERSON_EACH_TEAM,
	S_ASSET_DEL, S_ASSET_ADD, S_ASSET_EACH, S_ASSET_EACH_FORCE, S_ASSET_EACH_NBHD,
	S_MONTH_PUT, S_MONTH_EACH, S_MONTH_EACH_FORCE, S_MONTH_GET, S_COUNTS_EACH,
	S_IMPORT_ADD, S_IMPORT_EACH,
	S_META_SET, S_META_GET, S_MENTIONS_PERSON, S_PERSON_CONCERNS,
	S_PING,
	S_STREET_ADD, S_STREET_EACH, S_SEQ_BUMP, S_SEQ_GET,
	S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_FORCE_PUT] = "INSERT INTO forces (id, name, description, url, telephone) VALUES (?1, ?2, ?3, ?4, ?5) "
			"ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, url = ?4, telephone = ?5",
	[S_FORCE_EACH] = "SELECT id, name, description, url, telephone FROM forces ORDER BY id",
	[S_AREA_PUT] = "INSERT INTO areas (kind, code, name, vintage, geom) VALUES (?1, ?2, ?3, ?4, ?5) "
		       "ON CONFLICT (kind, code) DO UPDATE SET "
		       "name = CASE WHEN ?4 >= vintage THEN ?3 ELSE name END, "
		       "geom = CASE WHEN ?4 >= vintage THEN ?5 ELSE geom END, "
		       "vintage = CASE WHEN ?4 >= vintage THEN ?4 ELSE vintage END",
	[S_AREA_EACH] = "SELECT kind, code, name, vintage, geom FROM areas ORDER BY code, kind",
	[S_AREA_EACH_KIND] = "SELECT kind, code, name, vintage, geom FROM areas WHERE kind = ?1 ORDER BY code",
	[S_AREA_COUNT] = "SELECT count(*) FROM areas",
	[S_AREA_COUNT_KIND] = "SELECT count(*) FROM areas WHERE kind = ?1",
	[S_NBHD_PUT] = "INSERT INTO neighbourhoods (force_id, id, name, description, geom) VALUES (?1, ?2, ?3, ?4, ?5) "
		       "ON CONFLICT (force_id, id) DO UPDATE SET name = ?3, description = ?4, geom = ?5",
	[S_NBHD_PUT_KEEP_GEOM] = "INSERT INTO neighbourhoods (force_id, id, name, description) VALUES (?1, ?2, ?3, ?4) "
				 "ON CONFLICT (force_id, id) DO UPDATE SET name = ?3, description = ?4",
	[S_NBHD_SET_GEOM] = "UPDATE neighbourhoods SET geom = ?3 WHERE force_id = ?1 AND id = ?2",
	[S_NBHD_EACH] = "SELECT force_id, id, name, description, geom FROM neighbourhoods ORDER BY force_id, name, id",
	[S_NBHD_EACH_FORCE] = "SELECT force_id, id, name, description, geom FROM neighbourhoods "
			      "WHERE force_id = ?1 ORDER BY name, id",
	[S_NBHD_LSOA_DEL] = "DELETE FROM neighbourhood_lsoas WHERE force_id = ?1 AND neighbourhood_id = ?2",
	[S_NBHD_LSOA_ADD] = "INSERT INTO neighbourhood_lsoas (force_id, neighbourhood_id, lsoa_code) VALUES (?1, ?2, ?3)",
	[S_NBHD_LSOA_EACH] = "SELECT force_id, neighbourhood_id, lsoa_code FROM neighbourhood_lsoas "
			     "ORDER BY force_id, neighbourhood_id, lsoa_code",
	[S_CENSUS_PUT] = "INSERT INTO census (lsoa_code, measure, category, value, source) VALUES (?1, ?2, ?3, ?4, ?5) "
			 "ON CONFLICT (lsoa_code, measure, category) DO UPDATE SET value = ?4, source = ?5",
	[S_CENSUS_EACH] = "SELECT lsoa_code, measure, category, value, source FROM census ORDER BY lsoa_code, measure, category",
	[S_CENSUS_EACH_LSOA] = "SELECT lsoa_code, measure, category, value, source FROM census WHERE lsoa_code = ?1 "
			       "ORDER BY measure, category",
	[S_TEAM_DEL] = "DELETE FROM people WHERE force_id = ?1 AND neighbourhood_id IS ?2",
	[S_PERSON_ADD] = "INSERT INTO people (force_id, neighbourhood_id, position, name, rank, bio, email, telephone) "
			 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[S_PERSON_EACH] = "SELECT id, force_id, neighbourhood_id, name, rank, bio, email, telephone FROM people "
			  "ORDER BY force_id, neighbourhood_id, position",
	[S_PERSON_EACH_FORCE] = "SELECT id, force_id, neighbourhood_id, name, rank, bio, email, telephone FROM people "
				"WHERE force_id = ?1 ORDER BY neighbourhood_id, position",
	[S_PERSON_EACH_TEAM] = "SELECT id, force_id, neighbourhood_id, name, rank, bio, email, telephone FROM people "
			       "WHERE force_id = ?1 AND neighbourhood_id IS ?2 ORDER BY position",
	[S_ASSET_DEL] = "DELETE FROM assets WHERE force_id = ?1 AND neighbourhood_id = ?2",
	[S_ASSET_ADD] = "INSERT INTO assets (force_id, neighbourhood_id, position, kind, type, name, address, lat, lng, description) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[S_ASSET_EACH] = "SELECT id, force_id, neighbourhood_id, kind, type, name, address, lat, lng, description FROM assets "
			 "ORDER BY force_id, neighbourhood_id, position",
	[S_ASSET_EACH_FORCE] = "SELECT id, force_id, neighbourhood_id, kind, type, name, address, lat, lng, description FROM assets "
			       "WHERE force_id = ?1 ORDER BY neighbourhood_id, position",
	[S_ASSET_EACH_NBHD] = "SELECT id, force_id, neighbourhood_id, kind, type, name, address, lat, lng, description FROM assets "
			      "WHERE force_id = ?1 AND neighbourhood_id = ?2 ORDER BY position",
	[S_MONTH_PUT] = "INSERT INTO force_months (force_id, month, kind, rows, data, import_id, first_id, counts) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
			"ON CONFLICT (force_id, month, kind) DO UPDATE SET rows = ?4, data = ?5, import_id = ?6, first_id = ?7, "
			"counts = ?8",
	[S_MONTH_EACH] = "SELECT force_id, month, kind, rows, data, import_id, first_id, counts FROM force_months ORDER BY force_id, month, kind",
	[S_MONTH_EACH_FORCE] = "SELECT force_id, month, kind, rows, data, import_id, first_id, counts FROM force_months WHERE force_id = ?1 "
			       "ORDER BY month, kind",
	[S_MONTH_GET] = "SELECT force_id, month, kind, rows, data, import_id, first_id, counts FROM force_months "
			"WHERE force_id = ?1 AND month = ?2 AND kind = ?3",
	[S_COUNTS_EACH] = "SELECT force_id, month, kind, rows, NULL, import_id, first_id, counts FROM force_months "
			  "WHERE kind = 0 ORDER BY force_id, month",	/* 0: MONTH_STREET */
	[S_IMPORT_ADD] = "INSERT INTO imports (started_at, finished_at, kind, source, rows_read, rows_placed, no_location, "
			 "disagreements, outside, rejected, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
			 "ON CONFLICT (id) DO UPDATE SET started_at = ?1, finished_at = ?2, kind = ?3, source = ?4, "
			 "rows_read = ?5, rows_placed = ?6, no_location = ?7, disagreements = ?8, outside = ?9, "
			 "rejected = ?10",
	[S_IMPORT_EACH] = "SELECT id, started_at, finished_at, kind, source, rows_read, rows_placed, no_location, "
			  "disagreements, outside, rejected FROM imports ORDER BY id DESC LIMIT ?1",
	[S_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	/* instr() and length() count characters; the caller turns them into
	 * bytes.  lower() folds ASCII only, which names in England and Wales
	 * mostly are; a name with a space in it is a full name. */
	/* e-mail addresses match whatever their case; phone numbers whatever
	 * their spaces, dashes and brackets, and +44 or 0 in front */
	[S_PERSON_CONCERNS] = "SELECT k.id FROM concerns k LEFT JOIN concern_contacts c ON c.concern_id = k.id "
			      "WHERE (?1 <> '' AND lower(trim(c.email)) = lower(trim(?1))) "
			      "OR (?2 <> '' AND ltrim((SELECT CASE WHEN p LIKE '+44%' THEN substr(p, 4) "
			      "WHEN p LIKE '0044%' THEN substr(p, 5) ELSE p END FROM (SELECT "
			      "replace(replace(replace(replace(replace(c.phone, ' ', ''), '-', ''), '(', ''), "
			      "')', ''), '.', '') AS p)), '0') = ltrim(?2, '0')) "
			      "OR (?3 <> '' AND k.reference = ?3) ORDER BY k.id",
	[S_MENTIONS_PERSON] = "SELECT instr(lower(?1), lower(name)) AS at, length(name) FROM "
			      "(SELECT c.name FROM concern_contacts c JOIN concerns k ON k.id = c.concern_id "
			      "WHERE c.name IS NOT NULL AND (?2 = '' OR (k.force_id = ?2 AND k.neighbourhood_id = ?3)) "
			      "UNION SELECT name FROM key_contacts "
			      "WHERE ?2 = '' OR (force_id = ?2 AND neighbourhood_id = ?3)) "
			      "WHERE instr(trim(name), ' ') > 0 AND length(trim(name)) >= 5 "
			      "AND instr(lower(?1), lower(name)) > 0 ORDER BY at LIMIT 1",
	[S_PING] = "SELECT 1",
	[S_STREET_ADD] = "INSERT INTO street_points (id, lat, lng, name) VALUES (?1, ?2, ?3, ?4)",
	[S_STREET_EACH] = "SELECT id, lat, lng, name FROM street_points ORDER BY id",
	[S_SEQ_BUMP] = "INSERT INTO id_sequences (name, next_id) VALUES (?1, 1 + ?2) "
		       "ON CONFLICT (name) DO UPDATE SET next_id = id_sequences.next_id + ?2",
	[S_SEQ_GET] = "SELECT next_id FROM id_sequences WHERE name = ?1",
};

struct sq {
	sqlite3 *db;
	char *path;
	int version;
	int busy_timeout_ms;
	sqlite3_stmt *stmt[S_COUNT];
	/* statements made from table descriptors, keyed by their SQL */
	struct {
		char *sql;
		sqlite3_stmt *st;
	} rows[ROW_CACHE];
	int nrows;
	int bulk;		/* in a bulk transaction on a rollback journal */
	int wal_fd;		/* the write-ahead log, for writeback(), or -1 */
	int db_fd;		/* the database file, for writeback(), or -1 */
	size_t unwritten;	/* force-month bytes stored since the last */
	struct bgsync syncer;	/* syncs that file beside the writer */
};

/* Turn an SQLite failure into an Engage error a person can act on. */
static int sq_fail(struct sq *q, int rc, struct err *e, const char *doing)
{
	int prim = rc & 0xff;
	const char *msg = q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc);

	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_BUSY,
			       "database '%s' is locked by another process (waited %d ms) while %s; try again when it finishes",
			       q->path, q->busy_timeout_ms, doing);
	case SQLITE_FULL:
		return err_set(e, ERR_IO, "database '%s': disk full while %s; nothing was changed",
			       q->path, doing);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return err_set(e, ERR_IO, "database '%s': %s while %s", q->path, msg, doing);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return err_set(e, ERR_IO, "database '%s' is not a readable Engage database (%s)",
			       q->path, msg);
	case SQLITE_CONSTRAINT:
		return err_set(e, ERR_CONFLICT, "%s: %s", doing, msg);
	case SQLITE_NOMEM:
		return err_set(e, ERR_NOMEM, "out of memory while %s", doing);
	default:
		return err_set(e, ERR_INTERNAL, "database '%s': %s while %s", q->path, msg, doing);
	}
}

static sqlite3_stmt *stmt_get(struct sq *q, enum stmt_id id, struct err *e)
{
	int rc;

	if (!q->stmt[id]) {
		rc = sqlite3_prepare_v3(q->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					&q->stmt[id], NULL);
		if (rc != SQLITE_OK) {
			sq_fail(q, rc, e, "preparing a query");
			return NULL;
		}
	}
	return q->stmt[id];
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_blob(sqlite3_stmt *st, int i, const void *p, size_t n)
{
	if (p)
		sqlite3_bind_blob64(st, i, p, n, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Run a statement that returns no rows, then reset it. */
static int exec_done(struct sq *q, sqlite3_stmt *st, struct err *e, const char *doing)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sq_fail(q, rc, e, doing);
	return 0;
}

/* Step through rows calling `row` for each; stops early when it returns
 * non-zero and passes that value on. */
static int each_row(struct sq *q, sqlite3_stmt *st, int (*row)(sqlite3_stmt *, void *),
		    void *arg, struct err *e, const char *doing)
{
	int rc, stop = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		stop = row(st, arg);
		if (stop)
			break;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!stop && rc != SQLITE_DONE)
		return sq_fail(q, rc, e, doing);
	return stop;
}

static int exec_sql(struct sq *q, const char *sql, struct err *e, const char *doing)
{
	char *msg = NULL;
	int rc = sqlite3_exec(q->db, sql, NULL, NULL, &msg);

	sqlite3_free(msg);
	return rc == SQLITE_OK ? 0 : sq_fail(q, rc, e, doing);
}

static int read_version(struct sq *q, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(q->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sq_fail(q, rc, e, "reading the schema version");
	rc = sqlite3_step(st);
	q->version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (q->version < 0)
		return sq_fail(q, rc, e, "reading the schema version");
	return 0;
}

/* Apply every migration newer than the file's version in one transaction. */
static int migrate(struct sq *q, struct err *e)
{
	char pragma[64];
	int rc;

	if (q->version >= store_migration_count)
		return 0;
	if ((rc = exec_sql(q, "BEGIN IMMEDIATE", e, "starting the schema upgrade")) < 0)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = read_version(q, e)) < 0)
		goto fail;
	for (int i = q->version; i < store_migration_count; i++) {
		const struct migration *m = &store_migrations[i];
		char *msg = NULL;

		rc = sqlite3_exec(q->db, m->sql, NULL, NULL, &msg);
		if (rc != SQLITE_OK) {
			err_set(e, ERR_INTERNAL, "database '%s': migration %s failed: %s",
				q->path, m->name, msg ? msg : sqlite3_errstr(rc));
			sqlite3_free(msg);
			rc = ERR_INTERNAL;
			goto fail;
		}
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", store_migration_count);
	if ((rc = exec_sql(q, pragma, e, "recording the schema version")) < 0)
		goto fail;
	if ((rc = exec_sql(q, "COMMIT", e, "committing the schema upgrade")) < 0)
		goto fail;
	q->version = store_migration_count;
	return 0;
fail:
	sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static void sq_close(void *be)
{
	struct sq *q = be;

	if (!q)
		return;
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(q->stmt[i]);
	for (int i = 0; i < q->nrows; i++) {
		sqlite3_finalize(q->rows[i].st);
		xfree(q->rows[i].sql);
	}
	bgsync_stop(&q->syncer);
	sqlite3_close_v2(q->db);
	/* only now: closing any descriptor of the database file drops every
	 * POSIX lock this process holds on it, SQLite's included */
	if (q->db_fd >= 0)
		close(q->db_fd);
	if (q->wal_fd >= 0)
		close(q->wal_fd);
	xfree(q->path);
	xfree(q);
}

static int sq_open(const char *path, int flags, void **be, struct err *e)
{
	struct sq *q;
	int oflags, rc;

	q = xcalloc(1, sizeof(*q));
	if (!q || !(q->path = xstrdup(path))) {
		xfree(q);
		return err_set(e, ERR_NOMEM, "out of memory opening '%s'", path);
	}
	q->wal_fd = -1;
	q->db_fd = -1;
	bgsync_init(&q->syncer);
	oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
	if (flags & STORE_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE | (flags & STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	rc = sqlite3_open_v2(path, &q->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_CANTOPEN && !(flags & STORE_CREATE))
			err_set(e, ERR_NOTFOUND,
				"database '%s' does not exist or cannot be opened; create it with 'engage init' or an import",
				path);
		else
			sq_fail(q, rc, e, "opening");
		goto fail;
	}
	q->busy_timeout_ms = BUSY_TIMEOUT_MS;
	sqlite3_busy_timeout(q->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(q->db, 1);
	if ((rc = read_version(q, e)) < 0)
		goto fail;
	if (q->version > store_migration_count) {
		err_set(e, ERR_VERSION,
			"database '%s' has schema version %d, newer than this Engage knows (%d); use a newer engage",
			path, q->version, store_migration_count);
		goto fail;
	}
	if (!(flags & STORE_READONLY)) {
		/* 4 MiB of page cache.  It was 64 MiB while an import wrote its
		 * street points through a unique index; since they are appended by
		 * id (migration 008) the bigger cache only held 60 MB of a
		 * national import's pages until the commit: 4 MiB imports as fast
		 * (2.42 s against 2.54 s) at a peak of 140 MB instead of 203 MB,
		 * and re-imports as fast too (docs/PERFORMANCE.md) */
		/* 16 KiB pages for a new file (an existing one keeps its own): a
		 * national import writes 350 MB of force-months as overflow pages,
		 * and 4 KiB pages made that a quarter of its time in write calls;
		 * 16 KiB took the import from 10.2 s to 8.1 s (docs/PERFORMANCE.md) */
		if ((rc = exec_sql(q, "PRAGMA page_size = 16384", e, "setting the page size")) < 0 ||
		    (rc = exec_sql(q, "PRAGMA journal_mode = WAL", e, "turning on WAL")) < 0 ||
		    (rc = exec_sql(q, "PRAGMA synchronous = NORMAL", e, "setting synchronous")) < 0 ||
		    (rc = exec_sql(q, "PRAGMA cache_size = -4096", e, "sizing the page cache")) < 0 ||
		    /* bytes freed inside a page (an old copy of an updated row) are
		     * zeroed at no extra I/O, so personal data erased later has no
		     * stale copy left in the file; store_purge goes further */
		    (rc = exec_sql(q, "PRAGMA secure_delete = FAST", e, "turning on secure delete")) < 0)
			goto fail;
	}
	if ((rc = exec_sql(q, "PRAGMA foreign_keys = ON", e, "turning on foreign keys")) < 0)
		goto fail;
	if (flags & STORE_READONLY) {
		if (q->version < store_migration_count) {
			err_set(e, ERR_VERSION,
				"database '%s' has schema version %d but this Engage needs %d; open it once read-write (e.g. 'engage init') to upgrade it",
				path, q->version, store_migration_count);
			goto fail;
		}
	} else if (migrate(q, e) < 0) {
		goto fail;
	}
	*be = q;
	return 0;
fail:
	rc = e ? e->code : ERR_INTERNAL;
	sq_close(q);
	return rc ? rc : ERR_INTERNAL;
}

static void sq_set_busy_timeout(void *be, int ms)
{
	struct sq *q = be;

	q->busy_timeout_ms = ms;
	sqlite3_busy_timeout(q->db, ms);
}

static int sq_schema_version(void *be) { return ((struct sq *)be)->version; }

static int sq_ping(void *be, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_PING, e);

	return st ? exec_done(q, st, e, "checking the database") : ERR_INTERNAL;
}

static int run_simple(struct sq *q, enum stmt_id id, struct err *e, const char *doing)
{
	sqlite3_stmt *st = stmt_get(q, id, e);

	return st ? exec_done(q, st, e, doing) : e->code;
}

/*
 * A bulk transaction (store_begin_bulk) on a database no other connection
 * has open is written through a rollback journal instead of the write-ahead
 * log.  Through the log, every page is written twice: into the log, then
 * copied into the database by the checkpoint after the commit.  Through the
 * journal, new pages (all of an import's force-months) go straight into the
 * database, and only the pages the transaction changes are copied aside
 * first.  The national import: 5.45 -> 3.95 s (docs/PERFORMANCE.md).  The
 * price is that readers in other processes wait until it commits, so it is
 * taken only when there are none: leaving WAL mode needs every other
 * connection closed, and fails at once (no busy wait) when one is open.
 * A crash leaves a hot journal, which SQLite rolls back when the file is
 * next read, and the next read-write open turns WAL mode on again.
 */
static void bulk_journal(struct sq *q)
{
	sqlite3_stmt *st = NULL;

	sqlite3_busy_timeout(q->db, 0);
	if (sqlite3_prepare_v2(q->db, "PRAGMA journal_mode = DELETE", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		q->bulk = !strcmp(col_text(st, 0), "delete");
	sqlite3_finalize(st);
	sqlite3_busy_timeout(q->db, q->busy_timeout_ms);
}

/* After a bulk transaction: back to WAL mode.  If a reader got in after
 * the commit and holds the file past the busy timeout, the database stays
 * on the journal, correct but without readers beside writers, until the
 * next read-write open turns WAL on. */
static void bulk_end(struct sq *q)
{
	struct err ignored = ERR_INIT;

	if (!q->bulk)
		return;
	q->bulk = 0;
	q->unwritten = 0;
	(void)exec_sql(q, "PRAGMA journal_mode = WAL", &ignored, "turning on WAL");
}

static int sq_begin(void *be, int bulk, struct err *e)
{
	struct sq *q = be;
	int rc;

	if (bulk)
		bulk_journal(q);
	if ((rc = run_simple(q, S_BEGIN, e, "starting a transaction")) < 0)
		bulk_end(q);
	return rc;
}

static int sq_commit(void *be, struct err *e)
{
	struct sq *q = be;
	int rc = run_simple(q, S_COMMIT, e, "committing");

	bgsync_stop(&q->syncer);
	if (rc == 0)
		bulk_end(q);
	return rc;
}

static void sq_rollback(void *be)
{
	struct sq *q = be;
	struct err ignored = ERR_INIT;

	if (!sqlite3_get_autocommit(q->db))
		run_simple(q, S_ROLLBACK, &ignored, "rolling back");
	bgsync_stop(&q->syncer);
	bulk_end(q);
}

/* --- forces --- */
static int sq_force_put(void *be, const struct store_force *f, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_FORCE_PUT, e);

	if (!st)
		return e->code;
	bind_text(st, 1, f->id);
	bind_text(st, 2, f->name);
	bind_text(st, 3, f->description);
	bind_text(st, 4, f->url);
	bind_text(st, 5, f->telephone);
	return exec_done(q, st, e, "saving a force");
}

struct each_ctx {
	void *fn;
	void *ctx;
};

static int force_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_force f = {
		col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3), col_text(st, 4),
	};
	return ((force_fn)c->fn)(c->ctx, &f);
}

static int sq_force_each(void *be, force_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, S_FORCE_EACH, e);

	return st ? each_row(q, st, force_row, &c, e, "listing forces") : e->code;
}

/* --- areas --- */
static int sq_area_put(void *be, const struct store_area *a, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_AREA_PUT, e);

	if (!st)
		return e->code;
	bind_text(st, 1, a->kind);
	bind_text(st, 2, a->code);
	bind_text(st, 3, a->name);
	sqlite3_bind_int(st, 4, a->vintage);
	bind_blob(st, 5, a->wkb, a->wkb_len);
	return exec_done(q, st, e, "saving an area");
}

static int area_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_area a = {
		col_text(st, 0), col_text(st, 1), col_text(st, 2), sqlite3_column_int(st, 3),
		sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4),
	};
	return ((area_fn)c->fn)(c->ctx, &a);
}

static int sq_area_each(void *be, const char *kind, area_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, kind ? S_AREA_EACH_KIND : S_AREA_EACH, e);

	if (!st)
		return e->code;
	if (kind)
		bind_text(st, 1, kind);
	return each_row(q, st, area_row, &c, e, "listing areas");
}

static int count_row(sqlite3_stmt *st, void *arg)
{
	*(long *)arg = (long)sqlite3_column_int64(st, 0);
	return 0;
}

static int sq_area_count(void *be, const char *kind, long *out, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, kind ? S_AREA_COUNT_KIND : S_AREA_COUNT, e);

	*out = 0;
	if (!st)
		return e->code;
	if (kind)
		bind_text(st, 1, kind);
	return each_row(q, st, count_row, out, e, "counting areas");
}

/* --- neighbourhoods --- */
static int sq_nbhd_put(void *be, const struct store_neighbourhood *n, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, n->wkb ? S_NBHD_PUT : S_NBHD_PUT_KEEP_GEOM, e);

	if (!st)
		return e->code;
	bind_text(st, 1, n->force_id);
	bind_text(st, 2, n->id);
	bind_text(st, 3, n->name);
	bind_text(st, 4, n->description);
	if (n->wkb)
		bind_blob(st, 5, n->wkb, n->wkb_len);
	return exec_done(q, st, e, "saving a neighbourhood");
}

static int sq_nbhd_set_boundary(void *be, const char *force_id, const char *id,
				const void *wkb, size_t wkb_len, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_NBHD_SET_GEOM, e);
	int rc;

	if (!st)
		return e->code;
	bind_text(st, 1, force_id);
	bind_text(st, 2, id);
	bind_blob(st, 3, wkb, wkb_len);
	if ((rc = exec_done(q, st, e, "saving a neighbourhood boundary")) < 0)
		return rc;
	if (sqlite3_changes(q->db) == 0)
		return err_set(e, ERR_NOTFOUND, "neighbourhood '%s' of force '%s' is not known",
			       id, force_id);
	return 0;
}

static int nbhd_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_neighbourhood n = {
		col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3),
		sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4),
	};
	return ((nbhd_fn)c->fn)(c->ctx, &n);
}

static int sq_nbhd_each(void *be, const char *force_id, nbhd_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, force_id ? S_NBHD_EACH_FORCE : S_NBHD_EACH, e);

	if (!st)
		return e->code;
	if (force_id)
		bind_text(st, 1, force_id);
	return each_row(q, st, nbhd_row, &c, e, "listing neighbourhoods");
}

static int sq_nbhd_set_lsoas(void *be, const char *force_id, const char *id,
			     const char *const *codes, size_t count, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *del = stmt_get(q, S_NBHD_LSOA_DEL, e);
	sqlite3_stmt *add = del ? stmt_get(q, S_NBHD_LSOA_ADD, e) : NULL;
	int rc;

	if (!add)
		return e->code;
	bind_text(del, 1, force_id);
	bind_text(del, 2, id);
	if ((rc = exec_done(q, del, e, "replacing a neighbourhood's LSOAs")) < 0)
		return rc;
	for (size_t i = 0; i < count; i++) {
		bind_text(add, 1, force_id);
		bind_text(add, 2, id);
		bind_text(add, 3, codes[i]);
		if ((rc = exec_done(q, add, e, "adding a neighbourhood's LSOA")) < 0)
			return err_prefix(e, "neighbourhood '%s' LSOA '%s'", id, codes[i]);
	}
	return 0;
}

static int nbhd_lsoa_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;

	return ((nbhd_lsoa_fn)c->fn)(c->ctx, col_text(st, 0), col_text(st, 1), col_text(st, 2));
}

static int sq_nbhd_lsoa_each(void *be, nbhd_lsoa_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, S_NBHD_LSOA_EACH, e);

	return st ? each_row(q, st, nbhd_lsoa_row, &c, e, "listing neighbourhood LSOAs") : e->code;
}

/* --- census --- */
static int sq_census_put(void *be, const struct store_census *cn, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_CENSUS_PUT, e);

	if (!st)
		return e->code;
	bind_text(st, 1, cn->lsoa_code);
	bind_text(st, 2, cn->measure);
	bind_text(st, 3, cn->category);
	sqlite3_bind_int64(st, 4, cn->value);
	bind_text(st, 5, cn->source);
	return exec_done(q, st, e, "saving census figures");
}

static int census_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_census cn = {
		col_text(st, 0), col_text(st, 1), col_text(st, 2), sqlite3_column_int64(st, 3),
		col_text(st, 4),
	};
	return ((census_fn)c->fn)(c->ctx, &cn);
}

static int sq_census_each(void *be, const char *lsoa, census_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, lsoa ? S_CENSUS_EACH_LSOA : S_CENSUS_EACH, e);

	if (!st)
		return e->code;
	if (lsoa)
		bind_text(st, 1, lsoa);
	return each_row(q, st, census_row, &c, e, "reading census figures");
}

/* --- people --- */
static int sq_team_replace(void *be, const char *force_id, const char *nbhd_id,
			   const struct store_person *people, size_t count, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *del = stmt_get(q, S_TEAM_DEL, e);
	sqlite3_stmt *add = del ? stmt_get(q, S_PERSON_ADD, e) : NULL;
	int rc;

	if (!add)
		return e->code;
	bind_text(del, 1, force_id);
	bind_text(del, 2, nbhd_id);
	if ((rc = exec_done(q, del, e, "replacing a team")) < 0)
		return rc;
	for (size_t i = 0; i < count; i++) {
		const struct store_person *p = &people[i];

		bind_text(add, 1, force_id);
		bind_text(add, 2, nbhd_id);
		sqlite3_bind_int64(add, 3, (sqlite3_int64)i);
		bind_text(add, 4, p->name);
		bind_text(add, 5, p->rank);
		bind_text(add, 6, p->bio);
		bind_text(add, 7, p->email);
		bind_text(add, 8, p->telephone);
		if ((rc = exec_done(q, add, e, "adding a team member")) < 0)
			return rc;
	}
	return 0;
}

static int person_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_person p = {
		sqlite3_column_int64(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3),
		col_text(st, 4), col_text(st, 5), col_text(st, 6), col_text(st, 7),
	};
	return ((person_fn)c->fn)(c->ctx, &p);
}

static int sq_person_each(void *be, const char *force_id, const char *nbhd_id,
			  person_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	enum stmt_id id = !force_id ? S_PERSON_EACH : nbhd_id ? S_PERSON_EACH_TEAM : S_PERSON_EACH_FORCE;
	sqlite3_stmt *st = stmt_get(q, id, e);

	if (!st)
		return e->code;
	if (force_id)
		bind_text(st, 1, force_id);
	if (force_id && nbhd_id)
		bind_text(st, 2, nbhd_id);
	return each_row(q, st, person_row, &c, e, "listing people");
}

/* --- assets --- */
static int sq_assets_replace(void *be, const char *force_id, const char *nbhd_id,
			     const struct store_asset *assets, size_t count, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *del = stmt_get(q, S_ASSET_DEL, e);
	sqlite3_stmt *add = del ? stmt_get(q, S_ASSET_ADD, e) : NULL;
	int rc;

	if (!add)
		return e->code;
	bind_text(del, 1, force_id);
	bind_text(del, 2, nbhd_id);
	if ((rc = exec_done(q, del, e, "replacing assets")) < 0)
		return rc;
	for (size_t i = 0; i < count; i++) {
		const struct store_asset *a = &assets[i];

		bind_text(add, 1, force_id);
		bind_text(add, 2, nbhd_id);
		sqlite3_bind_int64(add, 3, (sqlite3_int64)i);
		bind_text(add, 4, a->kind);
		bind_text(add, 5, a->type);
		bind_text(add, 6, a->name);
		bind_text(add, 7, a->address);
		if (a->has_location) {
			sqlite3_bind_double(add, 8, a->lat);
			sqlite3_bind_double(add, 9, a->lng);
		}
		bind_text(add, 10, a->description);
		if ((rc = exec_done(q, add, e, "adding an asset")) < 0)
			return rc;
	}
	return 0;
}

static int asset_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_asset a = {
		.id = sqlite3_column_int64(st, 0),
		.force_id = col_text(st, 1),
		.neighbourhood_id = col_text(st, 2),
		.kind = col_text(st, 3),
		.type = col_text(st, 4),
		.name = col_text(st, 5),
		.address = col_text(st, 6),
		.has_location = sqlite3_column_type(st, 7) != SQLITE_NULL,
		.lat = sqlite3_column_double(st, 7),
		.lng = sqlite3_column_double(st, 8),
		.description = col_text(st, 9),
	};
	return ((asset_fn)c->fn)(c->ctx, &a);
}

static int sq_asset_each(void *be, const char *force_id, const char *nbhd_id,
			 asset_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	enum stmt_id id = !force_id ? S_ASSET_EACH : nbhd_id ? S_ASSET_EACH_NBHD : S_ASSET_EACH_FORCE;
	sqlite3_stmt *st = stmt_get(q, id, e);

	if (!st)
		return e->code;
	if (force_id)
		bind_text(st, 1, force_id);
	if (force_id && nbhd_id)
		bind_text(st, 2, nbhd_id);
	return each_row(q, st, asset_row, &c, e, "listing assets");
}

/* --- force months --- */
/*
 * A transaction that stores many force-months (a national import: 320 MB)
 * writes faster than the kernel writes it out, so the commit used to begin
 * by waiting 0.4 s for all of it to reach the disk.  Syncing the file
 * being written (the write-ahead log, or the database itself in a bulk
 * transaction) as it grows, as PostgreSQL's wal_writer_flush_after does,
 * leaves the commit little to wait for: 1.17 s -> 0.7 s with
 * sync_file_range(), which only starts the writing, then 0.16 -> 0.02 s
 * for the commit's own syncs with fdatasync() on a thread beside the
 * writer (docs/PERFORMANCE.md).  Only a hint: a failure costs nothing but
 * the wait.  The descriptors are read-only and take no locks; the
 * database's is closed only after SQLite's (sq_close).
 */
#define WRITEBACK_BYTES (32u << 20)

static void writeback(struct sq *q)
{
	const char *db = sqlite3_db_filename(q->db, "main");
	int *fd = q->bulk ? &q->db_fd : &q->wal_fd;

	if (*fd < 0 && db && *db)	/* "" for a database in memory */
		*fd = open(q->bulk ? db : sqlite3_filename_wal(db), O_RDONLY | O_CLOEXEC);
	if (*fd >= 0)
		bgsync_request(&q->syncer, *fd);
}

static int sq_month_put(void *be, const struct store_force_month *m, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_MONTH_PUT, e);

	if (!st)
		return e->code;
	bind_text(st, 1, m->force_id);
	sqlite3_bind_int(st, 2, m->month);
	sqlite3_bind_int(st, 3, m->kind);
	sqlite3_bind_int64(st, 4, m->rows);
	bind_blob(st, 5, m->data, m->data_len);
	sqlite3_bind_int64(st, 6, m->import_id);
	sqlite3_bind_int64(st, 7, m->first_id);
	if (m->counts)
		bind_blob(st, 8, m->counts, m->counts_len);
	else
		sqlite3_bind_null(st, 8);
	if (exec_done(q, st, e, "saving a force month") < 0)
		return e->code;
	q->unwritten += m->data_len;
	if (q->unwritten >= WRITEBACK_BYTES) {
		q->unwritten = 0;
		writeback(q);
	}
	return 0;
}

static int month_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_force_month m = {
		col_text(st, 0), sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
		sqlite3_column_int64(st, 3), sqlite3_column_blob(st, 4),
		(size_t)sqlite3_column_bytes(st, 4), sqlite3_column_int64(st, 5),
		sqlite3_column_int64(st, 6), sqlite3_column_blob(st, 7),
		(size_t)sqlite3_column_bytes(st, 7),
	};
	return ((month_fn)c->fn)(c->ctx, &m);
}

static int sq_month_each(void *be, const char *force_id, month_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, force_id ? S_MONTH_EACH_FORCE : S_MONTH_EACH, e);

	if (!st)
		return e->code;
	if (force_id)
		bind_text(st, 1, force_id);
	return each_row(q, st, month_row, &c, e, "reading force months");
}

static int sq_counts_each(void *be, month_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, S_COUNTS_EACH, e);

	return st ? each_row(q, st, month_row, &c, e, "reading crime counts") : e->code;
}

struct found_ctx {
	struct each_ctx inner;
	int found;
};

static int month_found_row(sqlite3_stmt *st, void *arg)
{
	struct found_ctx *f = arg;

	f->found = 1;
	return month_row(st, &f->inner);
}

static int sq_month_get(void *be, const char *force_id, int32_t month, int kind,
			month_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct found_ctx f = { { (void *)fn, ctx }, 0 };
	sqlite3_stmt *st = stmt_get(q, S_MONTH_GET, e);
	int rc;

	if (!st)
		return e->code;
	bind_text(st, 1, force_id);
	sqlite3_bind_int(st, 2, month);
	sqlite3_bind_int(st, 3, kind);
	rc = each_row(q, st, month_found_row, &f, e, "reading a force month");
	if (rc == 0 && !f.found)
		return err_set(e, ERR_NOTFOUND, "no data for force '%s' in that month", force_id);
	return rc;
}

/* --- imports --- */
static int sq_import_add(void *be, struct store_import *imp, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_IMPORT_ADD, e);
	int rc;

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, imp->started_at);
	sqlite3_bind_int64(st, 2, imp->finished_at);
	bind_text(st, 3, imp->kind);
	bind_text(st, 4, imp->source);
	sqlite3_bind_int64(st, 5, imp->rows_read);
	sqlite3_bind_int64(st, 6, imp->rows_placed);
	sqlite3_bind_int64(st, 7, imp->no_location);
	sqlite3_bind_int64(st, 8, imp->disagreements);
	sqlite3_bind_int64(st, 9, imp->outside);
	sqlite3_bind_int64(st, 10, imp->rejected);
	if (imp->id > 0)
		sqlite3_bind_int64(st, 11, imp->id);
	else
		sqlite3_bind_null(st, 11);
	if ((rc = exec_done(q, st, e, "recording an import")) < 0)
		return rc;
	if (imp->id <= 0)
		imp->id = sqlite3_last_insert_rowid(q->db);
	return 0;
}

static int import_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_import imp = {
		sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
		col_text(st, 3), col_text(st, 4), sqlite3_column_int64(st, 5),
		sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7), sqlite3_column_int64(st, 8),
		sqlite3_column_int64(st, 9), sqlite3_column_int64(st, 10),
	};
	return ((import_fn)c->fn)(c->ctx, &imp);
}

static int sq_import_each(void *be, int limit, import_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, S_IMPORT_EACH, e);

	if (!st)
		return e->code;
	sqlite3_bind_int(st, 1, limit);
	return each_row(q, st, import_row, &c, e, "listing imports");
}

/* --- meta --- */
static int sq_meta_set(void *be, const char *key, const char *value, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_META_SET, e);

	if (!st)
		return e->code;
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return exec_done(q, st, e, "saving a setting");
}

struct meta_out {
	char *buf;
	size_t size;
	int found;
};

static int meta_row(sqlite3_stmt *st, void *arg)
{
	struct meta_out *m = arg;

	snprintf(m->buf, m->size, "%s", col_text(st, 0));
	m->found = 1;
	return 0;
}

static int sq_meta_get(void *be, const char *key, char *buf, size_t size, struct err *e)
{
	struct sq *q = be;
	struct meta_out m = { buf, size, 0 };
	sqlite3_stmt *st = stmt_get(q, S_META_GET, e);
	int rc;

	if (!st)
		return e->code;
	bind_text(st, 1, key);
	rc = each_row(q, st, meta_row, &m, e, "reading a setting");
	if (rc == 0 && !m.found)
		return err_set(e, ERR_NOTFOUND, "setting '%s' is not set", key);
	return rc;
}

struct mention_out {
	const char *text;
	int *found;
	size_t *at, *len;
};

/* Byte offset of character `chars` (0-based) in UTF-8 `s`. */
static size_t utf8_bytes_for(const char *s, int64_t chars)
{
	size_t b = 0;

	while (s[b] && chars > 0) {
		b++;
		while (((unsigned char)s[b] & 0xC0) == 0x80)
			b++;
		chars--;
	}
	return b;
}

static int mention_row(sqlite3_stmt *st, void *arg)
{
	struct mention_out *m = arg;
	size_t start = utf8_bytes_for(m->text, sqlite3_column_int64(st, 0) - 1);

	*m->found = 1;
	*m->at = start;
	*m->len = utf8_bytes_for(m->text + start, sqlite3_column_int64(st, 1));
	return 0;
}

static int sq_mentions_person(void *be, const char *text, const char *force_id,
			      const char *nbhd_id, int *found, size_t *at, size_t *len,
			      struct err *e)
{
	struct sq *q = be;
	struct mention_out m = { text, found, at, len };
	sqlite3_stmt *st = stmt_get(q, S_MENTIONS_PERSON, e);

	if (!st)
		return e->code;
	bind_text(st, 1, text);
	bind_text(st, 2, force_id ? force_id : "");
	bind_text(st, 3, nbhd_id ? nbhd_id : "");
	return each_row(q, st, mention_row, &m, e, "checking text for names");
}

struct concern_cb {
	int (*fn)(void *ctx, int64_t concern_id);
	void *ctx;
};

static int person_concern_row(sqlite3_stmt *st, void *arg)
{
	struct concern_cb *cb = arg;

	return cb->fn(cb->ctx, sqlite3_column_int64(st, 0));
}

static int sq_person_concerns(void *be, const char *email, const char *phone_digits,
			      const char *reference, int (*fn)(void *ctx, int64_t concern_id),
			      void *ctx, struct err *e)
{
	struct sq *q = be;
	struct concern_cb cb = { fn, ctx };
	sqlite3_stmt *st = stmt_get(q, S_PERSON_CONCERNS, e);

	if (!st)
		return e->code;
	bind_text(st, 1, email ? email : "");
	bind_text(st, 2, phone_digits ? phone_digits : "");
	bind_text(st, 3, reference ? reference : "");
	return each_row(q, st, person_concern_row, &cb, e, "finding a person's concerns");
}

static int sq_purge(void *be, int begin, struct err *e)
{
	struct sq *q = be;
	int rc, log = 0, done = 0;

	if (begin)
		return exec_sql(q, "PRAGMA secure_delete = ON", e, "turning on secure delete");
	if ((rc = exec_sql(q, "PRAGMA secure_delete = FAST", e, "turning secure delete back")) < 0)
		return rc;
	/* copy every page into the database file and empty the write-ahead
	 * log, which still holds the pages as they were before */
	rc = sqlite3_wal_checkpoint_v2(q->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (rc != SQLITE_OK)
		return err_set(e, ERR_BUSY, "the write-ahead log could not be emptied (%s): another "
			       "process holds the database open; run again when it is idle",
			       sqlite3_errmsg(q->db));
	return 0;
}

/* --- rows through table descriptors ---------------------------------------- */

/* The prepared statement for `sql`, from the cache or newly prepared. */
static sqlite3_stmt *row_stmt(struct sq *q, const struct strbuf *sql, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sql->failed) {
		err_set(e, ERR_NOMEM, "out of memory building a query");
		return NULL;
	}
	for (int i = 0; i < q->nrows; i++)
		if (!strcmp(q->rows[i].sql, sql->buf))
			return q->rows[i].st;
	rc = sqlite3_prepare_v3(q->db, sql->buf, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		sq_fail(q, rc, e, "preparing a query");
		return NULL;
	}
	if (q->nrows == ROW_CACHE) {	/* full: a few dozen shapes are in use, so rare */
		int victim = -1;

		/* never a statement an outer query is still stepping through */
		for (int i = 0; i < q->nrows && victim < 0; i++)
			if (!sqlite3_stmt_busy(q->rows[i].st))
				victim = i;
		if (victim < 0) {
			sqlite3_finalize(st);
			err_set(e, ERR_INTERNAL, "too many queries in progress at once");
			return NULL;
		}
		sqlite3_finalize(q->rows[victim].st);
		xfree(q->rows[victim].sql);
		memmove(&q->rows[victim], &q->rows[victim + 1],
			sizeof(q->rows[0]) * (size_t)(ROW_CACHE - 1 - victim));
		q->nrows--;
	}
	q->rows[q->nrows].sql = xstrdup(sql->buf);
	if (!q->rows[q->nrows].sql) {
		sqlite3_finalize(st);
		err_set(e, ERR_NOMEM, "out of memory caching a query");
		return NULL;
	}
	q->rows[q->nrows++].st = st;
	return st;
}

static void bind_value(sqlite3_stmt *st, int i, enum store_type type, const struct store_value *v)
{
	if (v->null || (type == ST_TEXT && !v->s))
		sqlite3_bind_null(st, i);
	else if (type == ST_INT)
		sqlite3_bind_int64(st, i, v->i);
	else if (type == ST_REAL)
		sqlite3_bind_double(st, i, v->r);
	else
		sqlite3_bind_text(st, i, v->s, -1, SQLITE_STATIC);
}

static int sq_row_insert(void *be, const struct store_table *t, const struct store_value *v,
			 int64_t *id, struct err *e)
{
	struct sq *q = be;
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "INSERT INTO %s (", t->name);
	for (int i = 0; i < t->ncols; i++)
		strbuf_addf(&sql, "%s%s", i ? ", " : "", t->cols[i].name);
	strbuf_addstr(&sql, ") VALUES (");
	for (int i = 0; i < t->ncols; i++)
		strbuf_addf(&sql, "%s?%d", i ? ", " : "", i + 1);
	strbuf_addch(&sql, ')');
	st = row_stmt(q, &sql, e);
	strbuf_release(&sql);
	if (!st)
		return e->code;
	for (int i = 0; i < t->ncols; i++)
		bind_value(st, i + 1, t->cols[i].type, &v[i]);
	if ((rc = exec_done(q, st, e, t->name)) < 0)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(q->db);
	return 0;
}

static int exists_row(struct sq *q, const struct store_table *t, int64_t id, struct err *e)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "SELECT 1 FROM %s WHERE id = ?1", t->name);
	st = row_stmt(q, &sql, e);
	strbuf_release(&sql);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : sq_fail(q, rc, e, t->name);
}

static int sq_row_update(void *be, const struct store_table *t, int64_t id, int64_t version,
			 const struct store_value *v, struct err *e)
{
	struct sq *q = be;
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc, n = t->ncols;

	strbuf_addf(&sql, "UPDATE %s SET ", t->name);
	for (int i = 0; i < n; i++)
		strbuf_addf(&sql, "%s%s = ?%d", i ? ", " : "", t->cols[i].name, i + 1);
	if (t->versioned)
		strbuf_addf(&sql, ", version = version + 1 WHERE id = ?%d AND version = ?%d", n + 1, n + 2);
	else
		strbuf_addf(&sql, " WHERE id = ?%d", n + 1);
	st = row_stmt(q, &sql, e);
	strbuf_release(&sql);
	if (!st)
		return e->code;
	for (int i = 0; i < n; i++)
		bind_value(st, i + 1, t->cols[i].type, &v[i]);
	sqlite3_bind_int64(st, n + 1, id);
	if (t->versioned)
		sqlite3_bind_int64(st, n + 2, version);
	if ((rc = exec_done(q, st, e, t->name)) < 0)
		return rc;
	if (sqlite3_changes(q->db) == 1)
		return 0;
	rc = exists_row(q, t, id, e);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, "%s: no row %lld", t->name, (long long)id);
	return err_set(e, ERR_CONFLICT,
		       "%s %lld was changed by someone else since you read it (you had version %lld); "
		       "reload it and make your change again", t->name, (long long)id, (long long)version);
}

/* SELECT the rows of t matching w, in `order` ("id" or "id DESC LIMIT 1"). */
static int select_rows(void *be, const struct store_table *t, const struct store_where *w,
		       int nw, const char *order, store_row_fn fn, void *ctx, int *found,
		       struct err *e)
{
	struct sq *q = be;
	struct strbuf sql = STRBUF_INIT;
	struct store_value vals[64];
	sqlite3_stmt *st;
	int rc, stop = 0;

	if (t->ncols > 64)
		return err_set(e, ERR_INTERNAL, "%s: too many columns", t->name);
	strbuf_addstr(&sql, "SELECT id");
	strbuf_addstr(&sql, t->versioned ? ", version" : ", 0");
	for (int i = 0; i < t->ncols; i++)
		strbuf_addf(&sql, ", %s", t->cols[i].name);
	strbuf_addf(&sql, " FROM %s", t->name);
	for (int i = 0; i < nw; i++) {
		const char *col = w[i].col == STORE_ID ? "id" : t->cols[w[i].col].name;
		int null = w[i].col != STORE_ID && (w[i].v.null ||
			   (t->cols[w[i].col].type == ST_TEXT && !w[i].v.s));

		strbuf_addf(&sql, "%s %s %s ?%d", i ? " AND" : " WHERE", col, null ? "IS" : "=", i + 1);
	}
	strbuf_addf(&sql, " ORDER BY %s", order);
	st = row_stmt(q, &sql, e);
	strbuf_release(&sql);
	if (!st)
		return e->code;
	for (int i = 0; i < nw; i++)
		bind_value(st, i + 1, w[i].col == STORE_ID ? ST_INT : t->cols[w[i].col].type, &w[i].v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_row row = { sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), vals };

		for (int i = 0; i < t->ncols; i++) {
			struct store_value *v = &vals[i];

			memset(v, 0, sizeof(*v));
			v->null = sqlite3_column_type(st, i + 2) == SQLITE_NULL;
			if (t->cols[i].type == ST_INT)
				v->i = sqlite3_column_int64(st, i + 2);
			else if (t->cols[i].type == ST_REAL)
				v->r = sqlite3_column_double(st, i + 2);
			else
				v->s = v->null ? NULL : col_text(st, i + 2);
		}
		*found = 1;
		if ((stop = fn(ctx, &row)) != 0)
			break;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!stop && rc != SQLITE_DONE)
		return sq_fail(q, rc, e, t->name);
	return stop;
}

static int sq_row_select(void *be, const struct store_table *t, const struct store_where *w,
			 int nw, store_row_fn fn, void *ctx, int *found, struct err *e)
{
	return select_rows(be, t, w, nw, "id", fn, ctx, found, e);
}

static int sq_row_last(void *be, const struct store_table *t, store_row_fn fn, void *ctx,
		       int *found, struct err *e)
{
	return select_rows(be, t, NULL, 0, "id DESC LIMIT 1", fn, ctx, found, e);
}

static int sq_row_delete(void *be, const struct store_table *t, int64_t id, struct err *e)
{
	struct sq *q = be;
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "DELETE FROM %s WHERE id = ?1", t->name);
	st = row_stmt(q, &sql, e);
	strbuf_release(&sql);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = exec_done(q, st, e, t->name)) < 0)
		return rc;
	return sqlite3_changes(q->db) ? 0 : err_set(e, ERR_NOTFOUND, "%s: no row %lld", t->name, (long long)id);
}

/* --- street points and id sequences --- */
static int sq_street_add(void *be, const struct store_street *p, struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_STREET_ADD, e);

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int(st, 2, p->lat);
	sqlite3_bind_int(st, 3, p->lng);
	bind_text(st, 4, p->name);
	return exec_done(q, st, e, "saving a street point");
}

static int street_row(sqlite3_stmt *st, void *arg)
{
	struct each_ctx *c = arg;
	struct store_street p = { sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
				  sqlite3_column_int(st, 2), col_text(st, 3) };

	return ((street_fn)c->fn)(c->ctx, &p);
}

static int sq_street_each(void *be, street_fn fn, void *ctx, struct err *e)
{
	struct sq *q = be;
	struct each_ctx c = { (void *)fn, ctx };
	sqlite3_stmt *st = stmt_get(q, S_STREET_EACH, e);

	if (!st)
		return e->code;
	return each_row(q, st, street_row, &c, e, "reading street points");
}

static int seq_row(sqlite3_stmt *st, void *arg)
{
	*(int64_t *)arg = sqlite3_column_int64(st, 0);
	return 0;
}

static int sq_sequence_take(void *be, const char *name, int64_t count, int64_t *first,
			    struct err *e)
{
	struct sq *q = be;
	sqlite3_stmt *st = stmt_get(q, S_SEQ_BUMP, e);
	int64_t next = 0;
	int rc;

	if (!st)
		return e->code;
	bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, count);
	if ((rc = exec_done(q, st, e, "taking ids")) < 0)
		return rc;
	if (!(st = stmt_get(q, S_SEQ_GET, e)))
		return e->code;
	bind_text(st, 1, name);
	if ((rc = each_row(q, st, seq_row, &next, e, "taking ids")) < 0)
		return rc;
	*first = next - count;
	return 0;
}

const struct store_ops store_sqlite_ops = {
	.version = STORE_OPS_VERSION,
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.ping = sq_ping,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.force_put = sq_force_put,
	.force_each = sq_force_each,
	.area_put = sq_area_put,
	.area_each = sq_area_each,
	.area_count = sq_area_count,
	.nbhd_put = sq_nbhd_put,
	.nbhd_each = sq_nbhd_each,
	.nbhd_set_lsoas = sq_nbhd_set_lsoas,
	.nbhd_lsoa_each = sq_nbhd_lsoa_each,
	.census_put = sq_census_put,
	.census_each = sq_census_each,
	.team_replace = sq_team_replace,
	.person_each = sq_person_each,
	.assets_replace = sq_assets_replace,
	.asset_each = sq_asset_each,
	.month_put = sq_month_put,
	.month_each = sq_month_each,
	.counts_each = sq_counts_each,
	.month_get = sq_month_get,
	.import_add = sq_import_add,
	.import_each = sq_import_each,
	.meta_set = sq_meta_set,
	.meta_get = sq_meta_get,
	.mentions_person = sq_mentions_person,
	.person_concerns = sq_person_concerns,
	.purge = sq_purge,
	.set_busy_timeout = sq_set_busy_timeout,
	.nbhd_set_boundary = sq_nbhd_set_boundary,
	.row_insert = sq_row_insert,
	.row_update = sq_row_update,
	.row_select = sq_row_select,
	.row_delete = sq_row_delete,
	.street_add = sq_street_add,
	.street_each = sq_street_each,
	.sequence_take = sq_sequence_take,
	.row_last = sq_row_last,
};
