/*
 * readmodel.c - building the in-memory read model from the store (see
 * readmodel.h).
 *
 * Loading reads each table once, in the store's stable order, so the same
 * database always gives the same model.  A neighbourhood's LSOAs come from
 * the list imported with it; where there is none, from its boundary (an
 * LSOA belongs where its centre falls).
 */
#include "index/readmodel.h"

#include "base/log.h"
#include "base/parallel.h"
#include "base/timeutil.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct loader {
	struct readmodel *rm;
	size_t cap_forces, cap_lsoas, cap_nbhds, cap_months;
	size_t *cap_lsoa_lists;	/* per neighbourhood */
	size_t *cap_teams;
	struct err *e;
	int failed;
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int nomem(struct loader *l)
{
	l->failed = 1;
	err_set(l->e, ERR_NOMEM, "out of memory loading the read model");
	return 1;
}

static int load_force(void *ctx, const struct store_force *f)
{
	struct loader *l = ctx;
	struct readmodel *rm = l->rm;
	struct rm_force *rf;

	if (xgrow(&rm->forces, &l->cap_forces, rm->nforces + 1, sizeof(*rm->forces)))
		return nomem(l);
	rf = &rm->forces[rm->nforces++];
	rf->id = xstrdup(f->id);
	rf->name = xstrdup(f->name);
	rf->description = dup_or_null(f->description);
	rf->url = dup_or_null(f->url);
	rf->telephone = dup_or_null(f->telephone);
	return rf->id && rf->name ? 0 : nomem(l);
}

static int load_lsoa(void *ctx, const struct store_area *a)
{
	struct loader *l = ctx;
	struct readmodel *rm = l->rm;
	size_t cap = l->cap_lsoas;
	struct rm_lsoa *ls;

	if (xgrow(&rm->lsoas, &l->cap_lsoas, rm->nlsoas + 1, sizeof(*rm->lsoas)) ||
	    xgrow(&rm->lsoa_shapes, &cap, rm->nlsoas + 1, sizeof(*rm->lsoa_shapes)))
		return nomem(l);
	ls = &rm->lsoas[rm->nlsoas];
	memset(ls, 0, sizeof(*ls));
	memset(&rm->lsoa_shapes[rm->nlsoas], 0, sizeof(rm->lsoa_shapes[0]));
	ls->nbhd = -1;
	if (geo_wkb_decode(a->wkb, a->wkb_len, &rm->lsoa_shapes[rm->nlsoas], l->e) < 0) {
		err_prefix(l->e, "LSOA %s boundary", a->code);
		l->failed = 1;
		return 1;
	}
	ls->code = xstrdup(a->code);
	ls->name = xstrdup(a->name);
	ls->vintage = a->vintage;
	if (!ls->code || !ls->name ||
	    strtab_intern(&rm->lsoa_codes, a->code, strlen(a->code)) != rm->nlsoas) {
		rm->nlsoas++;
		return nomem(l);
	}
	rm->nlsoas++;
	return 0;
}

static int load_census(void *ctx, const struct store_census *c)
{
	struct loader *l = ctx;
	long i = readmodel_lsoa(l->rm, c->lsoa_code);

	if (i < 0 || strcmp(c->category, "all"))
		return 0;
	if (!strcmp(c->measure, "population"))
		l->rm->lsoas[i].population = c->value;
	else if (!strcmp(c->measure, "households"))
		l->rm->lsoas[i].households = c->value;
	return 0;
}

static int load_nbhd(void *ctx, const struct store_neighbourhood *n)
{
	struct loader *l = ctx;
	struct readmodel *rm = l->rm;
	struct rm_neighbourhood *nb;
	size_t cap = l->cap_nbhds, cap2 = l->cap_nbhds;

	if (xgrow(&rm->nbhds, &l->cap_nbhds, rm->nnbhds + 1, sizeof(*rm->nbhds)) ||
	    xgrow(&l->cap_lsoa_lists, &cap, rm->nnbhds + 1, sizeof(size_t)) ||
	    xgrow(&l->cap_teams, &cap2, rm->nnbhds + 1, sizeof(size_t)))
		return nomem(l);
	nb = &rm->nbhds[rm->nnbhds];
	memset(nb, 0, sizeof(*nb));
	l->cap_lsoa_lists[rm->nnbhds] = 0;
	l->cap_teams[rm->nnbhds] = 0;
	rm->nnbhds++;
	nb->force = (int32_t)readmodel_force(rm, n->force_id);
	nb->id = xstrdup(n->id);
	nb->name = xstrdup(n->name);
	nb->description = dup_or_null(n->description);
	if (!nb->id || !nb->name)
		return nomem(l);
	if (n->wkb && n->wkb_len) {
		if (geo_wkb_decode(n->wkb, n->wkb_len, &nb->boundary, l->e) < 0) {
			err_prefix(l->e, "neighbourhood %s boundary", n->id);
			l->failed = 1;
			return 1;
		}
		nb->has_boundary = 1;
		nb->centre = geo_centroid(&nb->boundary);
	}
	return 0;
}

static int add_member(struct loader *l, long nbhd, long lsoa)
{
	struct rm_neighbourhood *nb = &l->rm->nbhds[nbhd];

	if (xgrow(&nb->lsoas, &l->cap_lsoa_lists[nbhd], nb->nlsoas + 1, sizeof(*nb->lsoas)))
		return nomem(l);
	nb->lsoas[nb->nlsoas++] = (int32_t)lsoa;
	l->rm->lsoas[lsoa].nbhd = (int32_t)nbhd;
	return 0;
}

static int load_member(void *ctx, const char *force_id, const char *nbhd_id, const char *lsoa)
{
	struct loader *l = ctx;
	long n = readmodel_neighbourhood(l->rm, force_id, nbhd_id);
	long i = readmodel_lsoa(l->rm, lsoa);

	if (n < 0 || i < 0)
		return 0;	/* an LSOA whose boundary was not imported */
	return add_member(l, n, i);
}

static int load_person(void *ctx, const struct store_person *p)
{
	struct loader *l = ctx;
	struct rm_neighbourhood *nb;
	struct rm_person *rp;
	long n;

	if (!p->neighbourhood_id)
		return 0;
	n = readmodel_neighbourhood(l->rm, p->force_id, p->neighbourhood_id);
	if (n < 0)
		return 0;
	nb = &l->rm->nbhds[n];
	if (xgrow(&nb->team, &l->cap_teams[n], nb->nteam + 1, sizeof(*nb->team)))
		return nomem(l);
	rp = &nb->team[nb->nteam++];
	rp->name = xstrdup(p->name);
	rp->rank = dup_or_null(p->rank);
	rp->bio = dup_or_null(p->bio);
	rp->email = dup_or_null(p->email);
	rp->telephone = dup_or_null(p->telephone);
	return rp->name ? 0 : nomem(l);
}

/* Resolve each placed-LSOA string of a pack to an LSOA index once. */
static int map_lsoas(struct loader *l, struct rm_month *m, int kind)
{
	const struct strtab *t = &m->pack[kind].strings;

	m->lsoa_of[kind] = xcalloc(t->count ? t->count : 1, sizeof(int32_t));
	if (!m->lsoa_of[kind])
		return nomem(l);
	for (uint32_t i = 0; i < t->count; i++)
		m->lsoa_of[kind][i] = (int32_t)readmodel_lsoa(l->rm, strtab_get(t, i));
	return 0;
}

static int load_month(void *ctx, const struct store_force_month *fm)
{
	struct loader *l = ctx;
	struct readmodel *rm = l->rm;
	long force = readmodel_force(rm, fm->force_id);
	struct rm_month *m = rm->nmonths ? &rm->months[rm->nmonths - 1] : NULL;

	if (force < 0)
		return 0;
	if (!m || m->force != force || m->month != fm->month) {
		if (xgrow(&rm->months, &l->cap_months, rm->nmonths + 1, sizeof(*rm->months)))
			return nomem(l);
		m = &rm->months[rm->nmonths++];
		memset(m, 0, sizeof(*m));
		m->force = (int32_t)force;
		m->month = fm->month;
	}
	if (monthpack_decode(fm->data, fm->data_len, fm->kind, fm->month, &m->pack[fm->kind], l->e) < 0) {
		err_prefix(l->e, "police.uk data for %s", fm->force_id);
		l->failed = 1;
		return 1;
	}
	m->has[fm->kind] = 1;
	m->first_id[fm->kind] = fm->first_id;
	if (!rm->first_month || fm->month < rm->first_month)
		rm->first_month = fm->month;
	if (fm->month > rm->latest_month)
		rm->latest_month = fm->month;
	return map_lsoas(l, m, fm->kind);
}

/* LSOAs with no neighbourhood yet join the one whose boundary holds their centre. */
static int assign_by_boundary(struct loader *l)
{
	struct readmodel *rm = l->rm;

	for (size_t i = 0; i < rm->nlsoas; i++) {
		struct geo_point c;

		if (rm->lsoas[i].nbhd >= 0)
			continue;
		c = geo_centroid(&rm->lsoa_shapes[i]);
		for (size_t n = 0; n < rm->nnbhds; n++)
			if (rm->nbhds[n].has_boundary && geo_contains(&rm->nbhds[n].boundary, c)) {
				if (add_member(l, (long)n, (long)i))
					return -1;
				break;
			}
	}
	return 0;
}

/* --- what the police.uk-compatible API looks up ------------------------- */

static const int lat_col[MONTH_KIND_COUNT] = { SC_LAT, OC_LAT, ST_LAT };
static const int lng_col[MONTH_KIND_COUNT] = { SC_LNG, OC_LNG, ST_LNG };

static uint64_t cell_key(int32_t lat, int32_t lng)
{
	/* floor division, shifted positive: cells stay ordered */
	int64_t cy = ((int64_t)lat + 90000000) / RM_CELL_LAT;
	int64_t cx = ((int64_t)lng + 180000000) / RM_CELL_LNG;

	return (uint64_t)cy << 32 | (uint64_t)cx;
}

struct keyed {
	uint64_t key;
	uint32_t row;
};

static int by_key_row(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static int grid_build(struct rm_grid *g, const struct monthpack *p, int kind)
{
	struct keyed *k = xcalloc(p->rows ? p->rows : 1, sizeof(*k));
	size_t n = 0;

	if (!k)
		return ERR_NOMEM;
	for (size_t r = 0; r < p->rows; r++)
		if (MP_U8(p, 0)[r] & MPF_LOCATED)
			k[n++] = (struct keyed){ cell_key(MP_I32(p, lat_col[kind])[r],
							  MP_I32(p, lng_col[kind])[r]), (uint32_t)r };
	qsort(k, n, sizeof(*k), by_key_row);
	g->keys = xcalloc(n ? n : 1, sizeof(*g->keys));
	g->rows = xcalloc(n ? n : 1, sizeof(*g->rows));
	if (!g->keys || !g->rows) {
		xfree(k);
		return ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		g->keys[i] = k[i].key;
		g->rows[i] = k[i].row;
	}
	g->n = n;
	xfree(k);
	return 0;
}

int readmodel_box_rows(const struct rm_month *m, int kind, int32_t lat_lo, int32_t lat_hi,
		       int32_t lng_lo, int32_t lng_hi, uint32_t **rows, size_t *n, size_t *cap)
{
	const struct rm_grid *g = &m->grid[kind];
	uint64_t lo = cell_key(lat_lo, lng_lo), hi = cell_key(lat_hi, lng_hi);
	uint64_t x_lo = lo & 0xffffffffu, x_hi = hi & 0xffffffffu;

	for (uint64_t cy = lo >> 32; cy <= hi >> 32; cy++) {
		uint64_t want = cy << 32 | x_lo, stop = cy << 32 | x_hi;
		size_t a = 0, b = g->n;

		while (a < b) {		/* first entry >= want */
			size_t mid = a + (b - a) / 2;
			if (g->keys[mid] < want)
				a = mid + 1;
			else
				b = mid;
		}
		for (; a < g->n && g->keys[a] <= stop; a++) {
			if (xgrow(rows, cap, *n + 1, sizeof(**rows)))
				return ERR_NOMEM;
			(*rows)[(*n)++] = g->rows[a];
		}
	}
	return 0;
}

static uint64_t id_hash(const uint8_t id[32])
{
	uint64_t h;

	memcpy(&h, id, 8);	/* police.uk crime ids are already hashes */
	return h * 0x9e3779b97f4a7c15ull;
}

/* Crime-id slots carry 16 more bits of the id above the reference (month
 * indexes stay below 2^16 - 1, about 5,000 years of 45 forces), so most
 * probes that miss are told apart without reading the row's id. */
#define REF_TAG_SHIFT 48
#define REF_MASK (((uint64_t)1 << REF_TAG_SHIFT) - 1)

static uint64_t id_tag(const uint8_t id[32])
{
	return ((uint64_t)id[8] << 8 | id[9]) << REF_TAG_SHIFT;
}

static uint64_t int_hash(uint64_t v)
{
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdull;
	v ^= v >> 33;
	return v;
}

static int refs_init(struct rm_refs *t, size_t n)
{
	size_t cap = 16;

	while (cap < n * 2)
		cap *= 2;
	t->slots = xcalloc(cap, sizeof(*t->slots));
	t->mask = cap - 1;
	return t->slots ? 0 : ERR_NOMEM;
}

static void refs_put(struct rm_refs *t, uint64_t h, uint64_t ref)
{
	size_t i = (size_t)h & t->mask;

	while (t->slots[i])
		i = (i + 1) & t->mask;
	t->slots[i] = ref;
}

static const uint8_t *ref_crime_id(const struct readmodel *rm, uint64_t ref, int kind)
{
	const struct monthpack *p = &rm->months[RM_REF_MONTH(ref & REF_MASK)].pack[kind];

	return MP_ID32(p, kind == MONTH_STREET ? SC_CRIME_ID : OC_CRIME_ID)[RM_REF_ROW(ref)];
}

/* Put a crime id's row unless the id is there already (the first row
 * keeps it); one walk of the probe sequence for both. */
static void refs_put_crime(const struct readmodel *rm, struct rm_refs *t, const uint8_t id[32],
			   uint64_t ref)
{
	uint64_t tag = id_tag(id);
	size_t i;

	for (i = (size_t)id_hash(id) & t->mask; t->slots[i]; i = (i + 1) & t->mask)
		if ((t->slots[i] & ~REF_MASK) == tag &&
		    !memcmp(ref_crime_id(rm, t->slots[i], MONTH_STREET), id, 32))
			return;
	t->slots[i] = ref | tag;
}

#define STREET_KIND_SHIFT 60

static void build_grid(void *ctx, size_t i)
{
	struct readmodel *rm = ctx;
	struct rm_month *m = &rm->months[i / MONTH_KIND_COUNT];
	int k = (int)(i % MONTH_KIND_COUNT);

	if (m->has[k] && grid_build(&m->grid[k], &m->pack[k], k) < 0)
		m->grid_failed[k] = 1;
}

static int index_for_api(struct readmodel *rm)
{
	size_t ncrimes = 0, noutcomes = 0, nlocated = 0;
	int32_t max_street = 0;
	uint64_t *first_at = NULL;	/* street id -> its first row, when ids are dense */

	/* the grids: every force-month's rows sorted by cell, on every core */
	parallel_for(rm->nmonths * MONTH_KIND_COUNT, parallel_threads(0), build_grid, rm);
	for (size_t mi = 0; mi < rm->nmonths; mi++)
		for (int k = 0; k < MONTH_KIND_COUNT; k++) {
			struct rm_month *m = &rm->months[mi];
			const struct monthpack *p = &m->pack[k];
			const int32_t *street = MP_I32(p, monthpack_street_col(k));

			if (m->grid_failed[k])
				return ERR_NOMEM;
			if (!m->has[k])
				continue;
			nlocated += m->grid[k].n;
			for (size_t r = 0; r < p->rows; r++) {
				if (MP_U8(p, 0)[r] & MPF_HAS_ID) {
					if (k == MONTH_STREET)
						ncrimes++;
					else if (k == MONTH_OUTCOMES)
						noutcomes++;
				}
				if (street[r] > max_street)
					max_street = street[r];
			}
		}
	if (rm->nmonths >= 0xffff)
		return ERR_LIMIT;
	if (refs_init(&rm->crimes, ncrimes) < 0 || refs_init(&rm->outcomes, noutcomes) < 0 ||
	    refs_init(&rm->streets, nlocated) < 0)
		return ERR_NOMEM;
	/* street ids are numbered from 1 as points are first seen, so an array
	 * by id finds a street's first row without a hash probe per row */
	if ((size_t)max_street <= 4 * nlocated + 1024 &&
	    !(first_at = xcalloc((size_t)max_street + 1, sizeof(*first_at))))
		return ERR_NOMEM;
	/* kind by kind, so a street id's first row is a named one (street,
	 * outcomes) before a stop's where both exist */
	for (int k = 0; k < MONTH_KIND_COUNT; k++)
		for (size_t mi = 0; mi < rm->nmonths; mi++) {
			const struct monthpack *p = &rm->months[mi].pack[k];
			const int32_t *street = MP_I32(p, monthpack_street_col(k));

			if (!rm->months[mi].has[k])
				continue;
			for (size_t r = 0; r < p->rows; r++) {
				uint8_t f = MP_U8(p, 0)[r];
				uint64_t sref = RM_REF(mi, r) | (uint64_t)k << STREET_KIND_SHIFT;

				if ((f & MPF_HAS_ID) && k == MONTH_STREET)
					refs_put_crime(rm, &rm->crimes, MP_ID32(p, SC_CRIME_ID)[r],
						       RM_REF(mi, r));
				else if ((f & MPF_HAS_ID) && k == MONTH_OUTCOMES)
					refs_put(&rm->outcomes, id_hash(MP_ID32(p, OC_CRIME_ID)[r]),
						 RM_REF(mi, r));
				if (street[r] <= 0)
					continue;
				if (first_at) {
					if (!first_at[street[r]]) {
						first_at[street[r]] = sref;
						refs_put(&rm->streets, int_hash((uint64_t)street[r]), sref);
					}
				} else if (!readmodel_street_find(rm, street[r], NULL)) {
					refs_put(&rm->streets, int_hash((uint64_t)street[r]), sref);
				}
			}
		}
	xfree(first_at);
	return 0;
}

uint64_t readmodel_crime_find(const struct readmodel *rm, const uint8_t id[32])
{
	const struct rm_refs *t = &rm->crimes;
	uint64_t tag = id_tag(id);
	size_t i;

	if (!t->slots)
		return 0;
	for (i = (size_t)id_hash(id) & t->mask; t->slots[i]; i = (i + 1) & t->mask)
		if ((t->slots[i] & ~REF_MASK) == tag &&
		    !memcmp(ref_crime_id(rm, t->slots[i], MONTH_STREET), id, 32))
			return t->slots[i] & REF_MASK;
	return 0;
}

static int by_ref(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

size_t readmodel_crime_outcomes(const struct readmodel *rm, const uint8_t id[32],
				uint64_t *out, size_t max)
{
	const struct rm_refs *t = &rm->outcomes;
	size_t n = 0;

	if (!t->slots)
		return 0;
	for (size_t i = (size_t)id_hash(id) & t->mask; t->slots[i]; i = (i + 1) & t->mask)
		if (!memcmp(ref_crime_id(rm, t->slots[i], MONTH_OUTCOMES), id, 32)) {
			if (n < max)
				out[n] = t->slots[i];
			n++;
		}
	/* months are ordered by force then month: a crime's outcomes are
	 * all in its force, so reference order is month then file order */
	if (out && max)
		qsort(out, n < max ? n : max, sizeof(*out), by_ref);
	return n;
}

uint64_t readmodel_street_find(const struct readmodel *rm, int32_t street_id, int *kind)
{
	const struct rm_refs *t = &rm->streets;
	uint64_t mask = ((uint64_t)1 << STREET_KIND_SHIFT) - 1;

	if (!t->slots || street_id <= 0)
		return 0;
	for (size_t i = (size_t)int_hash((uint64_t)street_id) & t->mask; t->slots[i];
	     i = (i + 1) & t->mask) {
		uint64_t ref = t->slots[i] & mask;
		int k = (int)(t->slots[i] >> STREET_KIND_SHIFT);
		const struct monthpack *p = &rm->months[RM_REF_MONTH(ref)].pack[k];

		if (MP_I32(p, monthpack_street_col(k))[RM_REF_ROW(ref)] == street_id) {
			if (kind)
				*kind = k;
			return ref;
		}
	}
	return 0;
}

int readmodel_prerender(struct readmodel *rm, int kind, int32_t since_month, rm_render_fn fn,
			void *ctx, struct err *e)
{
	for (size_t mi = 0; mi < rm->nmonths; mi++) {
		struct rm_month *m = &rm->months[mi];
		const struct monthpack *p = &m->pack[kind];
		struct strbuf sb = STRBUF_INIT;
		uint32_t *off;
		int rc = 0;

		if (!m->has[kind] || m->month < since_month || m->frags[kind].bytes)
			continue;
		if (!(off = xcalloc(p->rows + 1, sizeof(*off))))
			return err_set(e, ERR_NOMEM, "out of memory rendering rows");
		for (size_t r = 0; r < p->rows && rc == 0; r++) {
			rc = fn(ctx, rm, mi, r, &sb);
			if (rc == 0 && sb.len > UINT32_MAX)
				rc = err_set(e, ERR_LIMIT, "a force-month renders to over 4 GiB");
			off[r + 1] = (uint32_t)sb.len;
		}
		if (rc == 0 && sb.failed)
			rc = err_set(e, ERR_NOMEM, "out of memory rendering rows");
		if (rc < 0) {
			xfree(off);
			strbuf_release(&sb);
			return e->code ? e->code : rc;
		}
		m->frags[kind].bytes = strbuf_detach(&sb, NULL);
		m->frags[kind].off = off;
	}
	return 0;
}

static int build_locating(struct readmodel *rm)
{
	int newest = 0;

	for (size_t i = 0; i < rm->nlsoas; i++)
		if (rm->lsoas[i].vintage > newest)
			newest = rm->lsoas[i].vintage;
	rm->locating = xcalloc(rm->nlsoas, sizeof(*rm->locating));
	rm->locating_to = xcalloc(rm->nlsoas, sizeof(*rm->locating_to));
	if (!rm->locating || !rm->locating_to)
		return -1;
	for (size_t i = 0; i < rm->nlsoas; i++)
		if (rm->lsoas[i].vintage == newest || rm->lsoas[i].vintage == 0) {
			rm->locating[rm->nlocating] = rm->lsoa_shapes[i];
			rm->locating_to[rm->nlocating++] = i;
		}
	rm->lsoa_index = geo_index_build(rm->locating, rm->nlocating);
	return rm->lsoa_index ? 0 : -1;
}

int readmodel_load(struct store *s, struct readmodel **out, struct err *e)
{
	struct readmodel *rm = xcalloc(1, sizeof(*rm));
	struct loader l = { .rm = rm, .e = e };
	int rc;

	*out = NULL;
	if (!rm)
		return err_set(e, ERR_NOMEM, "out of memory loading the read model");
	if ((rc = store_force_each(s, load_force, &l, e)) < 0 ||
	    (rc = store_area_each(s, "lsoa", load_lsoa, &l, e)) < 0 ||
	    (rc = store_census_each(s, NULL, load_census, &l, e)) < 0 ||
	    (rc = store_neighbourhood_each(s, NULL, load_nbhd, &l, e)) < 0 ||
	    (rc = store_neighbourhood_lsoa_each(s, load_member, &l, e)) < 0 ||
	    (rc = store_person_each(s, NULL, NULL, load_person, &l, e)) < 0 ||
	    (rc = store_force_month_each(s, NULL, load_month, &l, e)) < 0)
		goto fail;
	if (l.failed || assign_by_boundary(&l) < 0 || l.failed)
		goto fail;
	for (size_t n = 0; n < rm->nnbhds; n++) {
		struct rm_neighbourhood *nb = &rm->nbhds[n];
		for (size_t i = 0; i < nb->nlsoas; i++) {
			nb->population += rm->lsoas[nb->lsoas[i]].population;
			nb->households += rm->lsoas[nb->lsoas[i]].households;
		}
	}
	if (rm->nlsoas && build_locating(rm) < 0) {
		nomem(&l);
		goto fail;
	}
	if ((rc = index_for_api(rm)) < 0) {
		if (rc == ERR_LIMIT)
			err_set(e, ERR_LIMIT, "more than %d force-months to index", 0xffff - 1);
		else
			nomem(&l);
		goto fail;
	}
	rm->built_at = time_now();
	xfree(l.cap_lsoa_lists);
	xfree(l.cap_teams);
	*out = rm;
	log_info("read model: %zu forces, %zu neighbourhoods, %zu LSOAs, %zu force-months",
		 rm->nforces, rm->nnbhds, rm->nlsoas, rm->nmonths);
	return 0;
fail:
	xfree(l.cap_lsoa_lists);
	xfree(l.cap_teams);
	readmodel_free(rm);
	return e->code ? e->code : ERR_INTERNAL;
}

void readmodel_free(struct readmodel *rm)
{
	if (!rm)
		return;
	for (size_t i = 0; i < rm->nforces; i++) {
		struct rm_force *f = &rm->forces[i];
		xfree(f->id); xfree(f->name); xfree(f->description); xfree(f->url); xfree(f->telephone);
	}
	for (size_t i = 0; i < rm->nlsoas; i++) {
		xfree(rm->lsoas[i].code);
		xfree(rm->lsoas[i].name);
		geo_multipolygon_release(&rm->lsoa_shapes[i]);
	}
	for (size_t n = 0; n < rm->nnbhds; n++) {
		struct rm_neighbourhood *nb = &rm->nbhds[n];
		xfree(nb->id); xfree(nb->name); xfree(nb->description);
		geo_multipolygon_release(&nb->boundary);
		xfree(nb->lsoas);
		for (size_t i = 0; i < nb->nteam; i++) {
			struct rm_person *p = &nb->team[i];
			xfree(p->name); xfree(p->rank); xfree(p->bio); xfree(p->email); xfree(p->telephone);
		}
		xfree(nb->team);
	}
	for (size_t i = 0; i < rm->nmonths; i++)
		for (int k = 0; k < MONTH_KIND_COUNT; k++) {
			monthpack_release(&rm->months[i].pack[k]);
			xfree(rm->months[i].lsoa_of[k]);
			xfree(rm->months[i].frags[k].bytes);
			xfree(rm->months[i].frags[k].off);
			xfree(rm->months[i].grid[k].keys);
			xfree(rm->months[i].grid[k].rows);
		}
	geo_index_free(rm->lsoa_index);
	xfree(rm->locating);
	xfree(rm->locating_to);
	xfree(rm->crimes.slots);
	xfree(rm->outcomes.slots);
	xfree(rm->streets.slots);
	strtab_release(&rm->lsoa_codes);
	xfree(rm->forces);
	xfree(rm->lsoas);
	xfree(rm->lsoa_shapes);
	xfree(rm->nbhds);
	xfree(rm->months);
	xfree(rm);
}

long readmodel_force(const struct readmodel *rm, const char *id)
{
	for (size_t i = 0; i < rm->nforces; i++)	/* ~45 forces at most */
		if (!strcmp(rm->forces[i].id, id))
			return (long)i;
	return -1;
}

long readmodel_neighbourhood(const struct readmodel *rm, const char *force_id, const char *id)
{
	long f = readmodel_force(rm, force_id);

	if (f < 0)
		return -1;
	for (size_t i = 0; i < rm->nnbhds; i++)
		if (rm->nbhds[i].force == f && !strcmp(rm->nbhds[i].id, id))
			return (long)i;
	return -1;
}

long readmodel_lsoa(const struct readmodel *rm, const char *code)
{
	uint32_t id = strtab_find(&rm->lsoa_codes, code, strlen(code));

	return id == STRTAB_NONE ? -1 : (long)id;
}

long readmodel_locate(const struct readmodel *rm, struct geo_point p)
{
	long i = rm->lsoa_index ? geo_index_locate(rm->lsoa_index, p) : -1;

	return i < 0 ? -1 : (long)rm->locating_to[i];
}

const struct rm_month *readmodel_month(const struct readmodel *rm, long force, int32_t month)
{
	size_t lo = 0, hi = rm->nmonths;

	while (lo < hi) {	/* months are ordered by force, then month */
		size_t mid = lo + (hi - lo) / 2;
		const struct rm_month *m = &rm->months[mid];

		if (m->force < force || (m->force == force && m->month < month))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < rm->nmonths && rm->months[lo].force == force && rm->months[lo].month == month)
		return &rm->months[lo];
	return NULL;
}

int32_t readmodel_row_neighbourhood(const struct readmodel *rm, const struct rm_month *m,
				    int kind, size_t row)
{
	static const int lsoa_col[MONTH_KIND_COUNT] = { SC_LSOA, OC_LSOA, ST_LSOA };
	uint32_t sid = MP_STR(&m->pack[kind], lsoa_col[kind])[row];
	int32_t lsoa;

	if (sid == STRTAB_NONE || sid >= m->pack[kind].strings.count)
		return -1;
	lsoa = m->lsoa_of[kind][sid];
	return lsoa < 0 ? -1 : rm->lsoas[lsoa].nbhd;
}
