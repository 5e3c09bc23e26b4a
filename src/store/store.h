/*
 * store.h - the only door to Engage's durable data.
 *
 * Nothing above this layer writes SQL or knows which database holds the
 * data.  A backend (SQLite now: store_sqlite.c; PostgreSQL later) fills in
 * a versioned table of operations (store-internal.h); these functions check
 * arguments and dispatch to it.
 *
 * Opening applies the numbered migrations in src/store/migrations/ in one
 * transaction, and refuses a database written by a newer Engage.
 *
 * Transactions: store_begin/store_commit/store_rollback bracket a batch of
 * writes (an import is one transaction: all or nothing).  Writes outside a
 * transaction are committed one by one.  They nest: a begin inside an open
 * transaction only counts a level, and only the outermost commit writes.
 * So a service that brackets its own writes (concern_raise, say) can run
 * inside a bigger batch (an import replaying a year of history) and becomes
 * part of it.  An inner rollback dooms the whole batch: every later commit
 * fails with ERR_CONFLICT until the outermost level calls store_rollback,
 * which undoes everything since the outermost begin.  Every begin that
 * succeeded is ended by exactly one commit or rollback; after a failed
 * commit, call store_rollback.
 *
 * store_begin_bulk begins a transaction that will write a great deal (an
 * import).  When no other connection has the store open, the backend may
 * write it a cheaper way that makes readers elsewhere wait until it ends
 * (SQLite: a rollback journal, not the write-ahead log, so each page is
 * written once); otherwise, and inside an open transaction, it is
 * store_begin.
 *
 * Reading: the *_each functions call `fn` once per row, in a stable order
 * given per function, with strings that live only during the call; `fn`
 * returns 0 to go on or non-zero to stop (that value is returned).
 *
 * Threads: one struct store per thread.  The server opens one read-only
 * handle per worker; SQLite's WAL mode lets readers run beside a writer.
 *
 * Errors: `e` must not be NULL.  Every function returns 0 or a negative ERR_* code with a message in
 * `e`: ERR_BUSY when another process holds the lock past the busy timeout,
 * ERR_IO for a full disk or unreadable file, ERR_VERSION for a newer schema.
 */
#ifndef ENGAGE_STORE_H
#define ENGAGE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

struct store;

enum store_flags {
	STORE_READONLY = 1 << 0,	/* open an existing database for reading */
	STORE_CREATE = 1 << 1,		/* create the file if it does not exist */
};

int store_open(const char *path, int flags, struct store **out, struct err *e);
void store_close(struct store *s);
/* How long a write waits for another process's lock before ERR_BUSY
 * (default 5000 ms; the `store.busy_timeout_ms` setting). */
void store_set_busy_timeout(struct store *s, int ms);
/* The schema version of the open database, and the newest this build knows. */
int store_schema_version(struct store *s);
int store_schema_latest(void);
/* The backend's name ("sqlite") and location, for messages and /healthz. */
const char *store_backend(const struct store *s);
/* Cheap liveness check for /healthz: 0 when the database answers. */
int store_ping(struct store *s, struct err *e);

int store_begin(struct store *s, struct err *e);
int store_begin_bulk(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* --- forces ------------------------------------------------------------ */
struct store_force {
	const char *id;		/* "metropolitan", [a-z0-9-] */
	const char *name;
	const char *description;	/* may be NULL */
	const char *url;		/* may be NULL */
	const char *telephone;		/* may be NULL */
};
/* Insert or replace by id. */
int store_force_put(struct store *s, const struct store_force *f, struct err *e);
/* Ordered by id. */
int store_force_each(struct store *s, int (*fn)(void *ctx, const struct store_force *f),
		     void *ctx, struct err *e);

/* --- areas: LSOAs, wards and other statistical areas, with geometry ------- */
struct store_area {
	const char *kind;	/* "lsoa", "ward", "msoa" */
	const char *code;	/* "E01000001" */
	const char *name;	/* "City of London 001A" */
	int vintage;		/* 2011, 2021 or 0 when not known */
	const void *wkb;	/* boundary as WKB MultiPolygon, WGS84 */
	size_t wkb_len;
};
/* Insert or replace by (kind, code).  A code ONS kept from one census to
 * the next is the same area, so putting it again from an older vintage
 * (2011 after 2021) keeps the newer record. */
int store_area_put(struct store *s, const struct store_area *a, struct err *e);
/* Ordered by code; kind NULL means every kind. */
int store_area_each(struct store *s, const char *kind,
		    int (*fn)(void *ctx, const struct store_area *a), void *ctx,
		    struct err *e);
int store_area_count(struct store *s, const char *kind, long *out, struct err *e);

/* --- neighbourhoods ------------------------------------------------------ */
struct store_neighbourhood {
	const char *force_id;
	const char *id;		/* "00BK17N" */
	const char *name;
	const char *description;	/* may be NULL */
	const void *wkb;	/* boundary, may be NULL until one is imported */
	size_t wkb_len;
};
/* Insert or replace by (force_id, id); a NULL wkb keeps the boundary held. */
int store_neighbourhood_put(struct store *s, const struct store_neighbourhood *n,
			    struct err *e);
/* Set the boundary of an existing neighbourhood; ERR_NOTFOUND if absent. */
int store_neighbourhood_set_boundary(struct store *s, const char *force_id, const char *id,
				     const void *wkb, size_t wkb_len, struct err *e);
/* Ordered by force id, then name. */
int store_neighbourhood_each(struct store *s, const char *force_id,
			     int (*fn)(void *ctx, const struct store_neighbourhood *n),
			     void *ctx, struct err *e);
/* Replace the list of LSOAs that make up a neighbourhood. */
int store_neighbourhood_set_lsoas(struct store *s, const char *force_id, const char *id,
				  const char *const *lsoa_codes, size_t count, struct err *e);
/* (force_id, neighbourhood id, lsoa code) rows, ordered. */
int store_neighbourhood_lsoa_each(struct store *s,
				  int (*fn)(void *ctx, const char *force_id,
					    const char *nbhd_id, const char *lsoa),
				  void *ctx, struct err *e);

/* --- census ---------------------------------------------------------------- */
struct store_census {
	const char *lsoa_code;
	const char *measure;	/* "population", "age_band", "sex", "ethnic_group", "households" */
	const char *category;	/* "all", "16-29", "female", "asian", ... */
	int64_t value;
	const char *source;	/* the file it came from (basename) */
};
/* Insert or replace by (lsoa_code, measure, category). */
int store_census_put(struct store *s, const struct store_census *c, struct err *e);
/* Ordered by lsoa code, measure, category; lsoa_code NULL means all. */
int store_census_each(struct store *s, const char *lsoa_code,
		      int (*fn)(void *ctx, const struct store_census *c), void *ctx,
		      struct err *e);

/* --- people: neighbourhood teams (public officers' details only) ---------- */
struct store_person {
	int64_t id;		/* set by the store on insert */
	const char *force_id;
	const char *neighbourhood_id;	/* NULL for force-level people */
	const char *name;
	const char *rank;
	const char *bio;
	const char *email;
	const char *telephone;
};
/* Replace the whole team of one neighbourhood (an import re-run never doubles it). */
int store_team_replace(struct store *s, const char *force_id, const char *nbhd_id,
		       const struct store_person *people, size_t count, struct err *e);
/* Ordered by force, neighbourhood, then the order they were imported in. */
int store_person_each(struct store *s, const char *force_id, const char *nbhd_id,
		      int (*fn)(void *ctx, const struct store_person *p), void *ctx,
		      struct err *e);

/* --- assets: community groups and places where people gather ------------- */
struct store_asset {
	int64_t id;
	const char *force_id;
	const char *neighbourhood_id;
	const char *kind;	/* "group" or "place" */
	const char *type;	/* "Residents' association", "Library", ... */
	const char *name;
	const char *address;	/* may be NULL */
	int has_location;
	double lat, lng;
	const char *description;	/* may be NULL */
};
/* Replace every asset of one neighbourhood with `assets`. */
int store_assets_replace(struct store *s, const char *force_id, const char *nbhd_id,
			 const struct store_asset *assets, size_t count, struct err *e);
int store_asset_each(struct store *s, const char *force_id, const char *nbhd_id,
		     int (*fn)(void *ctx, const struct store_asset *a), void *ctx,
		     struct err *e);

/* --- police.uk data: one packed columnar blob per force, month and kind --- */
enum store_month_kind { MONTH_STREET, MONTH_OUTCOMES, MONTH_STOPS, MONTH_KIND_COUNT };
struct store_force_month {
	const char *force_id;
	int32_t month;		/* YYYY*12 + MM-1 */
	int kind;		/* enum store_month_kind */
	int64_t rows;
	const void *data;	/* packed by index/ (opaque here) */
	size_t data_len;
	int64_t import_id;
	int64_t first_id;	/* crime id of row 0 (street kind; 0 = none), see below */
	const void *counts;	/* street kind: crimes per LSOA and category, packed by
				 * index/crimecounts.h; NULL when imported before */
	size_t counts_len;
};
/* Insert or replace by (force_id, month, kind): re-importing replaces exactly. */
int store_force_month_put(struct store *s, const struct store_force_month *m, struct err *e);
/* Ordered by force, month, kind; force_id NULL means all. */
int store_force_month_each(struct store *s, const char *force_id,
			   int (*fn)(void *ctx, const struct store_force_month *m),
			   void *ctx, struct err *e);
/* Each street month's stored counts, ordered by force and month, with
 * `data` NULL: what a table of counts needs without the rows. */
int store_crime_counts_each(struct store *s,
			    int (*fn)(void *ctx, const struct store_force_month *m),
			    void *ctx, struct err *e);
/* Fetch one; ERR_NOTFOUND when absent.  `fn` is called once. */
int store_force_month_get(struct store *s, const char *force_id, int32_t month, int kind,
			  int (*fn)(void *ctx, const struct store_force_month *m),
			  void *ctx, struct err *e);

/* --- stable ids for the police.uk-compatible API ------------------------------
 * Street points: each anonymous map point (microdegrees + its "On or near"
 * text) has an id for ever; the importer adds new ones in its transaction.
 * Crime ids come in blocks from the named sequence "crime": a force-month's
 * street rows are numbered first_id + row. */
struct store_street {
	int64_t id;		/* > 0 */
	int32_t lat, lng;	/* microdegrees */
	const char *name;	/* "On or near Star Yard" */
};
/* Add a new point; ERR_CONFLICT if the id is taken.  (lat, lng, name) must
 * be new too: the importer, which holds every point, sees to it. */
int store_street_add(struct store *s, const struct store_street *st, struct err *e);
/* Ordered by id. */
int store_street_each(struct store *s, int (*fn)(void *ctx, const struct store_street *st),
		      void *ctx, struct err *e);
/* Reserve `count` (>= 1) consecutive ids of sequence `name`; the first is
 * put in *first (ids start at 1 and are never handed out twice). */
int store_sequence_take(struct store *s, const char *name, int64_t count, int64_t *first,
			struct err *e);

/* --- the import log ------------------------------------------------------- */
struct store_import {
	int64_t id;
	int64_t started_at, finished_at;	/* UTC seconds */
	const char *kind;	/* "street", "boundaries", "census", ... */
	const char *source;	/* file or folder named by the user */
	int64_t rows_read, rows_placed, no_location, disagreements, outside, rejected;
};
/* Adds a row and sets imp->id; called again with that id, replaces the
 * row (an import logs itself as it starts, and its figures as it ends). */
int store_import_add(struct store *s, struct store_import *imp, struct err *e);
/* Newest first, at most `limit` rows. */
int store_import_each(struct store *s, int limit,
		      int (*fn)(void *ctx, const struct store_import *imp), void *ctx,
		      struct err *e);

/* --- relational rows: the engagement cycle's tables --------------------------
 *
 * Engagement data are ordinary rows, reached through table descriptors
 * (store/tables.h) rather than one function per query: the SQL is made from
 * the descriptor's constant names (never from input), prepared once and
 * bound.  Every table has an integer `id`; a versioned table also has a
 * `version` that each update must name, so a stale save is refused with
 * ERR_CONFLICT instead of overwriting a colleague's change.
 */
enum store_type { ST_INT, ST_REAL, ST_TEXT };

struct store_column {
	const char *name;
	enum store_type type;
	int nullable;
};

struct store_table {
	const char *name;
	const struct store_column *cols;	/* without id and version */
	int ncols;
	int versioned;
};

struct store_value {
	int null;
	int64_t i;
	double r;
	const char *s;
};

#define SV_NULL ((struct store_value){ .null = 1 })
#define SV_INT(x) ((struct store_value){ .i = (x) })
#define SV_REAL(x) ((struct store_value){ .r = (x) })
#define SV_TEXT(x) ((struct store_value){ .null = (x) == NULL, .s = (x) })

struct store_row {
	int64_t id;
	int64_t version;		/* 0 for unversioned tables */
	const struct store_value *v;	/* one per column; strings live for the call */
};

/* An equality condition: column index, or STORE_ID for the id. */
#define STORE_ID (-1)
struct store_where {
	int col;
	struct store_value v;
};

typedef int (*store_row_fn)(void *ctx, const struct store_row *row);

/* Insert a row of t->ncols values; sets *id.  A NULL in a column that is
 * not nullable is ERR_INVALID naming the column. */
int store_row_insert(struct store *s, const struct store_table *t, const struct store_value *v,
		     int64_t *id, struct err *e);
/* Replace every column of row `id`.  For a versioned table `version` must be
 * the version that was read: ERR_CONFLICT when someone saved since,
 * ERR_NOTFOUND when there is no such row. */
int store_row_update(struct store *s, const struct store_table *t, int64_t id, int64_t version,
		     const struct store_value *v, struct err *e);
/* One row by id; ERR_NOTFOUND when absent. */
int store_row_get(struct store *s, const struct store_table *t, int64_t id, store_row_fn fn,
		  void *ctx, struct err *e);
/* Rows matching every condition (none: all rows), ordered by id. */
int store_row_find(struct store *s, const struct store_table *t, const struct store_where *w,
		   int nw, store_row_fn fn, void *ctx, struct err *e);
int store_row_delete(struct store *s, const struct store_table *t, int64_t id, struct err *e);
/* The row with the highest id (the newest of an append-only log); `fn` is
 * called once, or never when the table is empty: then *found = 0. */
int store_row_last(struct store *s, const struct store_table *t, store_row_fn fn, void *ctx,
		   int *found, struct err *e);

/* --- the names of people in the personal-data tables ------------------------ */
/* Whether `text` mentions the full name (two words or more) of a person in
 * Engage's personal-data tables of one neighbourhood (force_id NULL: any):
 * raisers who left contact details and the neighbourhood's key contacts.  The comparison happens inside the
 * database, ignoring case, so no name is read out of it: *found says
 * whether one is mentioned and *at / *len where (bytes into `text`).  For
 * the check on public text (engage/pii.h). */
int store_text_mentions_person(struct store *s, const char *text, const char *force_id,
			       const char *nbhd_id, int *found, size_t *at, size_t *len,
			       struct err *e);

/* The concerns whose raiser left this e-mail address (any case) or phone
 * number (digits only, "07700900123"; +44 and a leading 0 are the same), or
 * that have this reference; each is passed to `fn` once, oldest first.
 * Empty or NULL values match nothing.  For subject access and erasure. */
int store_person_concerns(struct store *s, const char *email, const char *phone_digits,
			  const char *reference, int (*fn)(void *ctx, int64_t concern_id),
			  void *ctx, struct err *e);

/* Erasure that leaves nothing behind.  store_purge_begin() before the
 * transaction that deletes personal data (every byte it frees is then
 * overwritten, whole pages too); store_purge_end() after its commit (back to
 * the cheaper setting, and the write-ahead log, which still holds the pages
 * as they were, copied in and emptied).  ERR_BUSY from the end when another
 * process holds the database open: the data is gone from the tables but an
 * old copy may sit in the log until the next checkpoint. */
int store_purge_begin(struct store *s, struct err *e);
int store_purge_end(struct store *s, struct err *e);

/* --- key/value settings of the deployment (e.g. "demo.seed") --------------- */
int store_meta_set(struct store *s, const char *key, const char *value, struct err *e);
/* Copies the value into buf; ERR_NOTFOUND when the key is absent. */
int store_meta_get(struct store *s, const char *key, char *buf, size_t size, struct err *e);

#endif
