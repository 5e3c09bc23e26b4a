/*
 * store-internal.h - what a storage backend implements.
 *
 * A backend fills one `struct store_ops` (versioned, like SQLite's VFS:
 * a new operation bumps STORE_OPS_VERSION and is appended at the end) and
 * hands back an opaque backend handle.  store.c checks arguments and
 * dispatches, so every backend sees the same validated calls and the whole
 * test suite can run against each.
 *
 * To add an operation: declare it in store.h, add a pointer at the end of
 * store_ops, implement it in every backend, dispatch it in store.c, and test
 * it in tests/unit/t_store.c.
 */
#ifndef ENGAGE_STORE_INTERNAL_H
#define ENGAGE_STORE_INTERNAL_H

#include "store/store.h"

#define STORE_OPS_VERSION 4	/* 4: begin takes `bulk` */

typedef int (*force_fn)(void *, const struct store_force *);
typedef int (*area_fn)(void *, const struct store_area *);
typedef int (*nbhd_fn)(void *, const struct store_neighbourhood *);
typedef int (*nbhd_lsoa_fn)(void *, const char *, const char *, const char *);
typedef int (*census_fn)(void *, const struct store_census *);
typedef int (*person_fn)(void *, const struct store_person *);
typedef int (*asset_fn)(void *, const struct store_asset *);
typedef int (*month_fn)(void *, const struct store_force_month *);
typedef int (*import_fn)(void *, const struct store_import *);
typedef int (*street_fn)(void *, const struct store_street *);

struct store_ops {
	int version;
	const char *name;
	int (*open)(const char *path, int flags, void **be, struct err *e);
	void (*close)(void *be);
	int (*schema_version)(void *be);
	int (*ping)(void *be, struct err *e);
	int (*begin)(void *be, int bulk, struct err *e);
	int (*commit)(void *be, struct err *e);
	void (*rollback)(void *be);
	int (*force_put)(void *be, const struct store_force *f, struct err *e);
	int (*force_each)(void *be, force_fn fn, void *ctx, struct err *e);
	int (*area_put)(void *be, const struct store_area *a, struct err *e);
	int (*area_each)(void *be, const char *kind, area_fn fn, void *ctx, struct err *e);
	int (*area_count)(void *be, const char *kind, long *out, struct err *e);
	int (*nbhd_put)(void *be, const struct store_neighbourhood *n, struct err *e);
	int (*nbhd_each)(void *be, const char *force_id, nbhd_fn fn, void *ctx, struct err *e);
	int (*nbhd_set_lsoas)(void *be, const char *force_id, const char *id,
			      const char *const *codes, size_t count, struct err *e);
	int (*nbhd_lsoa_each)(void *be, nbhd_lsoa_fn fn, void *ctx, struct err *e);
	int (*census_put)(void *be, const struct store_census *c, struct err *e);
	int (*census_each)(void *be, const char *lsoa, census_fn fn, void *ctx, struct err *e);
	int (*team_replace)(void *be, const char *force_id, const char *nbhd_id,
			    const struct store_person *people, size_t count, struct err *e);
	int (*person_each)(void *be, const char *force_id, const char *nbhd_id,
			   person_fn fn, void *ctx, struct err *e);
	int (*assets_replace)(void *be, const char *force_id, const char *nbhd_id,
			      const struct store_asset *assets, size_t count, struct err *e);
	int (*asset_each)(void *be, const char *force_id, const char *nbhd_id,
			  asset_fn fn, void *ctx, struct err *e);
	int (*month_put)(void *be, const struct store_force_month *m, struct err *e);
	int (*month_each)(void *be, const char *force_id, month_fn fn, void *ctx, struct err *e);
	int (*counts_each)(void *be, month_fn fn, void *ctx, struct err *e);
	int (*month_get)(void *be, const char *force_id, int32_t month, int kind,
			 month_fn fn, void *ctx, struct err *e);
	int (*import_add)(void *be, struct store_import *imp, struct err *e);
	int (*import_each)(void *be, int limit, import_fn fn, void *ctx, struct err *e);
	int (*meta_set)(void *be, const char *key, const char *value, struct err *e);
	int (*meta_get)(void *be, const char *key, char *buf, size_t size, struct err *e);
	int (*mentions_person)(void *be, const char *text, const char *force_id,
			       const char *nbhd_id, int *found, size_t *at, size_t *len,
			       struct err *e);
	int (*person_concerns)(void *be, const char *email, const char *phone_digits,
			       const char *reference, int (*fn)(void *ctx, int64_t concern_id),
			       void *ctx, struct err *e);
	int (*purge)(void *be, int begin, struct err *e);
	void (*set_busy_timeout)(void *be, int ms);
	int (*nbhd_set_boundary)(void *be, const char *force_id, const char *id,
				 const void *wkb, size_t wkb_len, struct err *e);
	int (*row_insert)(void *be, const struct store_table *t, const struct store_value *v,
			  int64_t *id, struct err *e);
	int (*row_update)(void *be, const struct store_table *t, int64_t id, int64_t version,
			  const struct store_value *v, struct err *e);
	int (*row_select)(void *be, const struct store_table *t, const struct store_where *w,
			  int nw, store_row_fn fn, void *ctx, int *found, struct err *e);
	int (*row_delete)(void *be, const struct store_table *t, int64_t id, struct err *e);
	/* version 2 */
	int (*street_add)(void *be, const struct store_street *st, struct err *e);
	int (*street_each)(void *be, street_fn fn, void *ctx, struct err *e);
	int (*sequence_take)(void *be, const char *name, int64_t count, int64_t *first,
			     struct err *e);
	/* version 3 */
	int (*row_last)(void *be, const struct store_table *t, store_row_fn fn, void *ctx,
			int *found, struct err *e);
};

extern const struct store_ops store_sqlite_ops;

#endif
