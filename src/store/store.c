/*
 * store.c - argument checks and dispatch to the backend (see store.h).
 *
 * The backend is chosen from the location: a path means SQLite; a later
 * PostgreSQL backend will take "postgresql://" URLs.  Required fields are
 * checked here once, so every backend can rely on them.
 */
#include "store/store.h"

#include "base/xalloc.h"
#include "store/migrations.h"
#include "store/store-internal.h"

#include <string.h>

struct store {
	const struct store_ops *ops;
	void *be;
	int depth;	/* open store_begin()s; the backend sees only the outermost */
	int doomed;	/* an inner transaction rolled back: the outer one must too */
};

static int missing(struct err *e, const char *what)
{
	return err_set(e, ERR_INVALID, "%s is required", what);
}

int store_open(const char *path, int flags, struct store **out, struct err *e)
{
	struct store *s;
	int rc;

	*out = NULL;
	if (!path || !*path)
		return missing(e, "database path");
	if (!strncmp(path, "postgres://", 11) || !strncmp(path, "postgresql://", 13))
		return err_set(e, ERR_INVALID,
			       "database '%s': the PostgreSQL backend is not in this build; use an SQLite file path",
			       path);
	s = xcalloc(1, sizeof(*s));
	if (!s)
		return err_set(e, ERR_NOMEM, "out of memory opening the store");
	s->ops = &store_sqlite_ops;
	rc = s->ops->open(path, flags, &s->be, e);
	if (rc < 0) {
		xfree(s);
		return rc;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	s->ops->close(s->be);
	xfree(s);
}

void store_set_busy_timeout(struct store *s, int ms) { s->ops->set_busy_timeout(s->be, ms); }
int store_schema_version(struct store *s) { return s->ops->schema_version(s->be); }
int store_schema_latest(void) { return store_migration_count; }
const char *store_backend(const struct store *s) { return s->ops->name; }
int store_ping(struct store *s, struct err *e) { return s->ops->ping(s->be, e); }

/* Nesting (store.h): only the outermost begin, commit and rollback reach
 * the backend; an inner rollback dooms the outer transaction. */
static int begin(struct store *s, int bulk, struct err *e)
{
	int rc;

	if (s->depth == 0) {
		if ((rc = s->ops->begin(s->be, bulk, e)) < 0)
			return rc;
		s->doomed = 0;
	}
	s->depth++;
	return 0;
}

int store_begin(struct store *s, struct err *e) { return begin(s, 0, e); }
int store_begin_bulk(struct store *s, struct err *e) { return begin(s, 1, e); }

int store_commit(struct store *s, struct err *e)
{
	if (s->depth == 0)
		return err_set(e, ERR_INTERNAL, "committing: no transaction is open");
	if (s->doomed)
		return err_set(e, ERR_CONFLICT,
			       "committing: a step inside this transaction failed and was rolled back");
	if (--s->depth > 0)
		return 0;
	return s->ops->commit(s->be, e);
}

void store_rollback(struct store *s)
{
	if (s->depth > 1) {
		s->depth--;
		s->doomed = 1;
		return;
	}
	s->depth = 0;
	s->doomed = 0;
	s->ops->rollback(s->be);
}

int store_force_put(struct store *s, const struct store_force *f, struct err *e)
{
	if (!f->id || !*f->id)
		return missing(e, "force id");
	if (!f->name || !*f->name)
		return err_set(e, ERR_INVALID, "force '%s': name is required", f->id);
	return s->ops->force_put(s->be, f, e);
}

int store_force_each(struct store *s, force_fn fn, void *ctx, struct err *e)
{
	return s->ops->force_each(s->be, fn, ctx, e);
}

int store_area_put(struct store *s, const struct store_area *a, struct err *e)
{
	if (!a->kind || !*a->kind)
		return missing(e, "area kind");
	if (!a->code || !*a->code)
		return missing(e, "area code");
	if (!a->name)
		return err_set(e, ERR_INVALID, "area '%s': name is required", a->code);
	if (!a->wkb || !a->wkb_len)
		return err_set(e, ERR_INVALID, "area '%s': boundary is required", a->code);
	return s->ops->area_put(s->be, a, e);
}

int store_area_each(struct store *s, const char *kind, area_fn fn, void *ctx, struct err *e)
{
	return s->ops->area_each(s->be, kind, fn, ctx, e);
}

int store_area_count(struct store *s, const char *kind, long *out, struct err *e)
{
	return s->ops->area_count(s->be, kind, out, e);
}

int store_neighbourhood_put(struct store *s, const struct store_neighbourhood *n,
			    struct err *e)
{
	if (!n->force_id || !*n->force_id)
		return missing(e, "neighbourhood force id");
	if (!n->id || !*n->id)
		return missing(e, "neighbourhood id");
	if (!n->name || !*n->name)
		return err_set(e, ERR_INVALID, "neighbourhood '%s': name is required", n->id);
	return s->ops->nbhd_put(s->be, n, e);
}

int store_neighbourhood_set_boundary(struct store *s, const char *force_id, const char *id,
				     const void *wkb, size_t wkb_len, struct err *e)
{
	if (!wkb || !wkb_len)
		return err_set(e, ERR_INVALID, "neighbourhood '%s': boundary is empty", id);
	return s->ops->nbhd_set_boundary(s->be, force_id, id, wkb, wkb_len, e);
}

int store_neighbourhood_each(struct store *s, const char *force_id, nbhd_fn fn,
			     void *ctx, struct err *e)
{
	return s->ops->nbhd_each(s->be, force_id, fn, ctx, e);
}

int store_neighbourhood_set_lsoas(struct store *s, const char *force_id, const char *id,
				  const char *const *codes, size_t count, struct err *e)
{
	return s->ops->nbhd_set_lsoas(s->be, force_id, id, codes, count, e);
}

int store_neighbourhood_lsoa_each(struct store *s, nbhd_lsoa_fn fn, void *ctx,
				  struct err *e)
{
	return s->ops->nbhd_lsoa_each(s->be, fn, ctx, e);
}

int store_census_put(struct store *s, const struct store_census *c, struct err *e)
{
	if (!c->lsoa_code || !c->measure || !c->category || !c->source)
		return missing(e, "census lsoa, measure, category and source");
	if (c->value < 0)
		return err_set(e, ERR_INVALID, "census %s %s/%s: negative count %lld",
			       c->lsoa_code, c->measure, c->category, (long long)c->value);
	return s->ops->census_put(s->be, c, e);
}

int store_census_each(struct store *s, const char *lsoa, census_fn fn, void *ctx,
		      struct err *e)
{
	return s->ops->census_each(s->be, lsoa, fn, ctx, e);
}

int store_team_replace(struct store *s, const char *force_id, const char *nbhd_id,
		       const struct store_person *people, size_t count, struct err *e)
{
	for (size_t i = 0; i < count; i++)
		if (!people[i].name || !*people[i].name)
			return err_set(e, ERR_INVALID, "team %s/%s: person %zu has no name",
				       force_id, nbhd_id ? nbhd_id : "-", i + 1);
	return s->ops->team_replace(s->be, force_id, nbhd_id, people, count, e);
}

int store_person_each(struct store *s, const char *force_id, const char *nbhd_id,
		      person_fn fn, void *ctx, struct err *e)
{
	return s->ops->person_each(s->be, force_id, nbhd_id, fn, ctx, e);
}

int store_assets_replace(struct store *s, const char *force_id, const char *nbhd_id,
			 const struct store_asset *assets, size_t count, struct err *e)
{
	for (size_t i = 0; i < count; i++) {
		const struct store_asset *a = &assets[i];
		if (!a->name || !*a->name || !a->type || !a->kind ||
		    (strcmp(a->kind, "group") && strcmp(a->kind, "place")))
			return err_set(e, ERR_INVALID,
				       "assets %s/%s: entry %zu needs a name, a type and kind 'group' or 'place'",
				       force_id, nbhd_id, i + 1);
	}
	return s->ops->assets_replace(s->be, force_id, nbhd_id, assets, count, e);
}

int store_asset_each(struct store *s, const char *force_id, const char *nbhd_id,
		     asset_fn fn, void *ctx, struct err *e)
{
	return s->ops->asset_each(s->be, force_id, nbhd_id, fn, ctx, e);
}

int store_force_month_put(struct store *s, const struct store_force_month *m, struct err *e)
{
	if (!m->force_id || !*m->force_id)
		return missing(e, "force id");
	if (m->kind < 0 || m->kind >= MONTH_KIND_COUNT)
		return err_set(e, ERR_INVALID, "force month: unknown kind %d", m->kind);
	if (!m->data || !m->data_len)
		return err_set(e, ERR_INVALID, "force month: no data");
	return s->ops->month_put(s->be, m, e);
}

int store_force_month_each(struct store *s, const char *force_id, month_fn fn, void *ctx,
			   struct err *e)
{
	return s->ops->month_each(s->be, force_id, fn, ctx, e);
}

int store_crime_counts_each(struct store *s, month_fn fn, void *ctx, struct err *e)
{
	return s->ops->counts_each(s->be, fn, ctx, e);
}

int store_force_month_get(struct store *s, const char *force_id, int32_t month, int kind,
			  month_fn fn, void *ctx, struct err *e)
{
	return s->ops->month_get(s->be, force_id, month, kind, fn, ctx, e);
}

int store_street_add(struct store *s, const struct store_street *st, struct err *e)
{
	if (st->id <= 0 || !st->name)
		return err_set(e, ERR_INVALID, "street point: needs an id above 0 and a name");
	return s->ops->street_add(s->be, st, e);
}

int store_street_each(struct store *s, street_fn fn, void *ctx, struct err *e)
{
	return s->ops->street_each(s->be, fn, ctx, e);
}

int store_sequence_take(struct store *s, const char *name, int64_t count, int64_t *first,
			struct err *e)
{
	if (!name || !*name || count < 1)
		return err_set(e, ERR_INVALID, "sequence '%s': cannot take %lld ids",
			       name ? name : "", (long long)count);
	return s->ops->sequence_take(s->be, name, count, first, e);
}

int store_import_add(struct store *s, struct store_import *imp, struct err *e)
{
	if (!imp->kind || !imp->source)
		return missing(e, "import kind and source");
	return s->ops->import_add(s->be, imp, e);
}

int store_import_each(struct store *s, int limit, import_fn fn, void *ctx, struct err *e)
{
	return s->ops->import_each(s->be, limit, fn, ctx, e);
}

int store_meta_set(struct store *s, const char *key, const char *value, struct err *e)
{
	return s->ops->meta_set(s->be, key, value, e);
}

int store_meta_get(struct store *s, const char *key, char *buf, size_t size, struct err *e)
{
	return s->ops->meta_get(s->be, key, buf, size, e);
}

int store_text_mentions_person(struct store *s, const char *text, const char *force_id,
			       const char *nbhd_id, int *found, size_t *at, size_t *len,
			       struct err *e)
{
	*found = 0;
	*at = *len = 0;
	return s->ops->mentions_person(s->be, text, force_id, nbhd_id, found, at, len, e);
}

int store_person_concerns(struct store *s, const char *email, const char *phone_digits,
			  const char *reference, int (*fn)(void *ctx, int64_t concern_id),
			  void *ctx, struct err *e)
{
	return s->ops->person_concerns(s->be, email, phone_digits, reference, fn, ctx, e);
}

int store_purge_begin(struct store *s, struct err *e)
{
	return s->ops->purge(s->be, 1, e);
}

int store_purge_end(struct store *s, struct err *e)
{
	return s->ops->purge(s->be, 0, e);
}

/* Required columns present, and the types the descriptor promises. */
static int check_values(const struct store_table *t, const struct store_value *v, struct err *e)
{
	for (int i = 0; i < t->ncols; i++) {
		int is_null = v[i].null || (t->cols[i].type == ST_TEXT && !v[i].s);

		if (is_null && !t->cols[i].nullable)
			return err_set(e, ERR_INVALID, "%s: %s is required", t->name, t->cols[i].name);
	}
	return 0;
}

int store_row_insert(struct store *s, const struct store_table *t, const struct store_value *v,
		     int64_t *id, struct err *e)
{
	int rc = check_values(t, v, e);

	return rc < 0 ? rc : s->ops->row_insert(s->be, t, v, id, e);
}

int store_row_update(struct store *s, const struct store_table *t, int64_t id, int64_t version,
		     const struct store_value *v, struct err *e)
{
	int rc = check_values(t, v, e);

	return rc < 0 ? rc : s->ops->row_update(s->be, t, id, version, v, e);
}

int store_row_get(struct store *s, const struct store_table *t, int64_t id, store_row_fn fn,
		  void *ctx, struct err *e)
{
	struct store_where w = { STORE_ID, SV_INT(id) };
	int found = 0;
	int rc = s->ops->row_select(s->be, t, &w, 1, fn, ctx, &found, e);

	if (rc == 0 && !found)
		return err_set(e, ERR_NOTFOUND, "%s: no row %lld", t->name, (long long)id);
	return rc;
}

int store_row_find(struct store *s, const struct store_table *t, const struct store_where *w,
		   int nw, store_row_fn fn, void *ctx, struct err *e)
{
	int found = 0;

	for (int i = 0; i < nw; i++)
		if (w[i].col < STORE_ID || w[i].col >= t->ncols)
			return err_set(e, ERR_INTERNAL, "%s: no column %d", t->name, w[i].col);
	return s->ops->row_select(s->be, t, w, nw, fn, ctx, &found, e);
}

int store_row_delete(struct store *s, const struct store_table *t, int64_t id, struct err *e)
{
	return s->ops->row_delete(s->be, t, id, e);
}

int store_row_last(struct store *s, const struct store_table *t, store_row_fn fn, void *ctx,
		   int *found, struct err *e)
{
	*found = 0;
	return s->ops->row_last(s->be, t, fn, ctx, found, e);
}
