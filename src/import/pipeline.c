/*
 * pipeline.c - from files to the store, all or nothing (see pipeline.h).
 *
 * Every public function is one transaction: run_import() begins it, runs
 * the steps, writes the import log row and any police.uk force-months, and
 * commits; on any error it rolls back, so the store is as it was.
 * police.uk files are parsed whole and packed before anything is written.
 */
#include "import/pipeline.h"

#include "base/parallel.h"
#include "base/parse.h"
#include "base/strtab.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "geo/geo.h"
#include "import/boundary.h"
#include "import/census.h"
#include "import/policeuk.h"
#include "import/registry.h"
#include "index/crimecounts.h"
#include "index/monthpack.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An encoded force-month waiting for the import log row's id. */
struct pending_month {
	char force[REGISTRY_ID_MAX + 1];
	int32_t month;
	int kind;
	long rows;
	struct strbuf blob;
	struct strbuf counts;	/* street months: index/crimecounts.h */
};

/* The LSOA boundaries in the store, for placing points.  LSOAs of 2011
 * and 2021 overlap, so points are placed among the newest vintage held (and
 * those of unknown vintage); a row's own code is checked against its own
 * polygon, whichever vintage that is. */
struct placer {
	int loaded;
	struct geo_multipolygon *shapes;
	int *vintages;
	size_t count, cap_shapes, cap_vintages;
	/* code <-> index into shapes; the codes back to back, so placing a
	 * year's rows reads 35,000 of them from a few hundred KiB rather
	 * than from as many allocations of their own */
	struct strtab by_code;
	struct geo_multipolygon *placing;	/* shallow copies: the vintage placed in */
	size_t *placing_to;			/* placing index -> shapes index */
	size_t nplacing;
	struct geo_index *index;		/* over `placing` */
};

/* Street points (store.h), keyed by integers: (lat, lng, name id) ->
 * index into the arrays, and (lat, lng) -> the first point there, in two
 * open-addressed hash tables; names are interned once in `names`.  Points
 * from `nstored` on are new in this import and written with it.
 *
 * Each point also keeps the LSOA it lies in, so a row at a known point is
 * placed without a polygon search: police.uk snaps every location to a
 * few hundred thousand anonymous map points, each met about nine times a
 * year (docs/PERFORMANCE.md). */
struct streets {
	int loaded;
	struct strtab names;
	int32_t *lat, *lng;
	uint32_t *name;		/* id in `names` */
	uint32_t *lsoa;		/* in the placer's by_code, LSOA_OUTSIDE or LSOA_UNKNOWN */
	int64_t *ids;
	size_t count, cap, nstored;
	uint32_t *slots;	/* (lat, lng, name) -> index + 1; 0 = empty */
	/* (lat, lng) -> index of its first point + 1, for stop-and-search rows
	 * (the only ones with no place name): kept only from the first
	 * stop-and-search file on (streets_index_points()), so a street-only
	 * import does not spend a look-up on it for each new point */
	uint32_t *pslots;
	int points_indexed;
	size_t nslots;		/* of each table: a power of two, at most half full */
	int64_t max_id;
};

struct job {
	struct store *s;
	const struct import_options *opt;
	struct import_summary *sum;
	struct err *e;
	struct placer placer;
	struct pending_month *months;
	size_t nmonths, cap_months;
	struct strtab known_forces;	/* force ids in the store */
	struct strtab known_nbhds;	/* "force\tid" of neighbourhoods in the store */
	/* forces this import added with only their id for a name, to be named
	 * by the first file that says ("Falls within"); England and Wales have
	 * 45 forces */
	char unnamed[64][REGISTRY_ID_MAX + 1];
	int nunnamed;
	int known_loaded;
	struct streets streets;
	int64_t import_id;	/* this import's row in the import log */
	size_t nwritten;	/* months[0..nwritten) are in the store */
};

static void progress(struct job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void progress(struct job *j, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!j->opt || !j->opt->progress)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	j->opt->progress(j->opt->progress_ctx, line);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* --- what the store already knows --------------------------------------- */

static int note_force(void *ctx, const struct store_force *f)
{
	struct job *j = ctx;

	strtab_intern(&j->known_forces, f->id, strlen(f->id));
	return 0;
}

static void nbhd_key(char *buf, size_t size, const char *force, const char *id)
{
	snprintf(buf, size, "%s\t%s", force, id);
}

static int note_nbhd(void *ctx, const struct store_neighbourhood *n)
{
	struct job *j = ctx;
	char key[2 * REGISTRY_ID_MAX + 2];

	nbhd_key(key, sizeof(key), n->force_id, n->id);
	strtab_intern(&j->known_nbhds, key, strlen(key));
	return 0;
}

static int load_known(struct job *j)
{
	int rc;

	if (j->known_loaded)
		return 0;
	if ((rc = store_force_each(j->s, note_force, j, j->e)) < 0 ||
	    (rc = store_neighbourhood_each(j->s, NULL, note_nbhd, j, j->e)) < 0)
		return rc;
	j->known_loaded = 1;
	return 0;
}

static int force_known(struct job *j, const char *id)
{
	return strtab_find(&j->known_forces, id, strlen(id)) != STRTAB_NONE;
}

static int nbhd_known(struct job *j, const char *force, const char *id)
{
	char key[2 * REGISTRY_ID_MAX + 2];

	nbhd_key(key, sizeof(key), force, id);
	return strtab_find(&j->known_nbhds, key, strlen(key)) != STRTAB_NONE;
}

static int require_force(struct job *j, const char *id, struct err *e)
{
	if (force_known(j, id))
		return 0;
	return err_set(e, ERR_INVALID,
		       "force \"%s\" is not known; import its forces.csv row first", id);
}

/* --- placing points ------------------------------------------------------ */

static int placer_add(void *ctx, const struct store_area *a)
{
	struct job *j = ctx;
	struct placer *p = &j->placer;

	if (xgrow(&p->shapes, &p->cap_shapes, p->count + 1, sizeof(*p->shapes)) ||
	    xgrow(&p->vintages, &p->cap_vintages, p->count + 1, sizeof(*p->vintages)) ||
	    strtab_intern(&p->by_code, a->code, strlen(a->code)) != p->count) {
		err_set(j->e, ERR_NOMEM, "out of memory loading LSOA boundaries");
		return ERR_NOMEM;
	}
	memset(&p->shapes[p->count], 0, sizeof(p->shapes[0]));
	if (geo_wkb_decode(a->wkb, a->wkb_len, &p->shapes[p->count], j->e) < 0) {
		if (!j->e->code)
			err_set(j->e, ERR_NOMEM, "out of memory loading LSOA boundaries");
		err_prefix(j->e, "stored boundary of LSOA %s", a->code);
		return j->e->code;
	}
	p->vintages[p->count] = a->vintage;
	p->count++;
	return 0;
}

static int placer_load(struct job *j)
{
	struct placer *p = &j->placer;
	int rc;

	if (p->loaded)
		return 0;
	rc = store_area_each(j->s, "lsoa", placer_add, j, j->e);
	if (rc != 0)
		return rc < 0 ? rc : j->e->code;
	if (p->count) {
		int newest = 0;

		for (size_t i = 0; i < p->count; i++)
			if (p->vintages[i] > newest)
				newest = p->vintages[i];
		p->placing = xcalloc(p->count, sizeof(*p->placing));
		p->placing_to = xcalloc(p->count, sizeof(*p->placing_to));
		if (!p->placing || !p->placing_to)
			return err_set(j->e, ERR_NOMEM, "out of memory indexing LSOA boundaries");
		for (size_t i = 0; i < p->count; i++)
			if (p->vintages[i] == newest || p->vintages[i] == 0) {
				p->placing[p->nplacing] = p->shapes[i];	/* borrowed */
				p->placing_to[p->nplacing++] = i;
			}
		if (!(p->index = geo_index_build(p->placing, p->nplacing)))
			return err_set(j->e, ERR_NOMEM, "out of memory indexing LSOA boundaries");
	}
	p->loaded = 1;
	return 0;
}

static void placer_release(struct placer *p)
{
	for (size_t i = 0; i < p->count; i++)
		geo_multipolygon_release(&p->shapes[i]);
	geo_index_free(p->index);
	xfree(p->placing);
	xfree(p->placing_to);
	xfree(p->shapes);
	xfree(p->vintages);
	strtab_release(&p->by_code);
	memset(p, 0, sizeof(*p));
}

/* A row's or a street point's LSOA, by its index in the placer's by_code,
 * or one of these. */
#define LSOA_OUTSIDE STRTAB_NONE	/* outside every polygon, or no location */
#define LSOA_UNKNOWN (STRTAB_NONE - 1)	/* not yet searched for */

/* The LSOA holding `pt`: its index in by_code, or LSOA_OUTSIDE. */
static uint32_t placer_locate(const struct placer *pl, struct geo_point pt)
{
	long i = pl->index ? geo_index_locate(pl->index, pt) : -1;

	return i < 0 ? LSOA_OUTSIDE : (uint32_t)pl->placing_to[i];
}

/* What placing a file's points came to; each file keeps its own while
 * files are parsed in parallel, and they are added up in file order. */
struct place_counts {
	long placed, no_location, outside, disagreements;
};

/* A pack's placed-LSOA and police.uk's-LSOA columns (none for stop and
 * search: -1). */
static void lsoa_cols(int kind, int *placed, int *reported)
{
	*placed = kind == MONTH_STREET ? SC_LSOA : kind == MONTH_OUTCOMES ? OC_LSOA : ST_LSOA;
	*reported = kind == MONTH_STREET ? SC_REPORTED_LSOA : kind == MONTH_OUTCOMES ? OC_REPORTED_LSOA : -1;
}

static void street_cols(int kind, int *loc, int *lat, int *lng);

/*
 * Place every located row of a parsed file in its LSOA and count the
 * outcome.  `lsoa` holds a row's LSOA where its street point told it
 * (prefind_streets()), LSOA_UNKNOWN where a polygon must be searched;
 * every row's is there on return.  Reads the placer only, so threads may
 * place files at once.
 *
 * After the parse, not row by row during it: in a loop that does nothing
 * else, the processor works on several points' look-ups at once, where
 * between two rows' parsing each waited for memory alone (the national
 * import's CPU time 4.45 -> 3.9 s, its time 2.85 -> 2.55 s;
 * docs/PERFORMANCE.md).  The second loop gives each row the pack's id for
 * its code (found once per LSOA, not hashed per row).
 */
static int place_pack(const struct placer *pl, struct monthpack *p, uint32_t *lsoa,
		      struct place_counts *n)
{
	int placed_col, reported_col, loc_col, lat_col, lng_col;
	uint8_t *flags = MP_U8(p, 0);	/* column 0 is FLAGS for every kind */
	uint32_t *col, *id_of = NULL;
	const int32_t *lat, *lng;

	lsoa_cols(p->kind, &placed_col, &reported_col);
	street_cols(p->kind, &loc_col, &lat_col, &lng_col);
	col = MP_STR(p, placed_col);
	lat = MP_I32(p, lat_col);
	lng = MP_I32(p, lng_col);
	if (pl->index && p->rows && !(id_of = xcalloc(pl->count, sizeof(*id_of))))
		return ERR_NOMEM;
	for (size_t r = 0; r < p->rows; r++) {
		struct geo_point pt = { lng[r] / 1e6, lat[r] / 1e6 };

		if (lsoa[r] == LSOA_UNKNOWN)
			lsoa[r] = placer_locate(pl, pt);
	}
	for (size_t r = 0; r < p->rows; r++) {
		struct geo_point pt = { lng[r] / 1e6, lat[r] / 1e6 };
		const char *code, *reported;
		uint32_t i = lsoa[r], k;

		col[r] = STRTAB_NONE;
		if (!(flags[r] & MPF_LOCATED)) {
			n->no_location++;
			continue;
		}
		if (i == LSOA_OUTSIDE) {
			n->outside++;
			continue;
		}
		code = strtab_get(&pl->by_code, i);
		if (!id_of[i] && (id_of[i] = monthpack_intern(p, code) + 1) == 0) {
			xfree(id_of);
			return ERR_NOMEM;
		}
		col[r] = id_of[i] - 1;
		flags[r] |= MPF_PLACED;
		n->placed++;
		if (reported_col < 0 || MP_STR(p, reported_col)[r] == col[r] ||
		    !*(reported = monthpack_str(p, MP_STR(p, reported_col)[r])))
			continue;
		/* police.uk may name the 2011 LSOA: a disagreement only when the
		 * point is not in the polygon of the code it gives */
		k = strtab_find(&pl->by_code, reported, strlen(reported));
		if (k != STRTAB_NONE && !geo_contains(&pl->shapes[k], pt))
			n->disagreements++;
	}
	xfree(id_of);
	return 0;
}

/* --- street points --------------------------------------------------------- */

/* Street names were once keys "lat\tlng\tname" of at most 511 bytes: a
 * name that long is still cut where that key would have ended, so it keeps
 * the point it had. */
static size_t street_name_len(int32_t lat, int32_t lng, const char *name)
{
	size_t n = strlen(name);
	char prefix[32];
	int k;

	if (n < 511 - 24)	/* "lat\tlng\t" is at most 24 bytes */
		return n;
	k = snprintf(prefix, sizeof(prefix), "%d\t%d\t", lat, lng);
	return n + (size_t)k > 511 ? 511 - (size_t)k : n;
}

static uint64_t point_hash(int32_t lat, int32_t lng)
{
	uint64_t v = (uint64_t)(uint32_t)lat << 32 | (uint32_t)lng;

	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdull;
	v ^= v >> 33;
	v *= 0xc4ceb9fe1a85ec53ull;
	v ^= v >> 33;
	return v;
}

static uint64_t street_hash(int32_t lat, int32_t lng, uint32_t name)
{
	return point_hash(lat, lng) ^ ((uint64_t)name + 1) * 0x9e3779b97f4a7c15ull;
}

/* Index of the point, or the empty slot where it would go (*slot). */
static uint32_t street_lookup(const struct streets *t, int32_t lat, int32_t lng, uint32_t name,
			      size_t *slot)
{
	size_t mask = t->nslots - 1, i;

	for (i = (size_t)street_hash(lat, lng, name) & mask; t->slots[i]; i = (i + 1) & mask) {
		uint32_t k = t->slots[i] - 1;

		if (t->lat[k] == lat && t->lng[k] == lng && t->name[k] == name)
			return k;
	}
	*slot = i;
	return STRTAB_NONE;
}

static uint32_t point_lookup(const struct streets *t, int32_t lat, int32_t lng, size_t *slot)
{
	size_t mask = t->nslots - 1, i;

	for (i = (size_t)point_hash(lat, lng) & mask; t->pslots[i]; i = (i + 1) & mask) {
		uint32_t k = t->pslots[i] - 1;

		if (t->lat[k] == lat && t->lng[k] == lng)
			return k;
	}
	*slot = i;
	return STRTAB_NONE;
}

static int streets_rehash(struct streets *t, size_t nslots)
{
	uint32_t *slots = xcalloc(nslots, sizeof(*slots)), *pslots = NULL;
	size_t slot;

	if (!slots || (t->points_indexed && !(pslots = xcalloc(nslots, sizeof(*pslots))))) {
		xfree(slots);
		xfree(pslots);
		return ERR_NOMEM;
	}
	xfree(t->slots);
	xfree(t->pslots);
	t->slots = slots;
	t->pslots = pslots;
	t->nslots = nslots;
	for (size_t k = 0; k < t->count; k++) {
		if (street_lookup(t, t->lat[k], t->lng[k], t->name[k], &slot) == STRTAB_NONE)
			t->slots[slot] = (uint32_t)k + 1;
		if (pslots && point_lookup(t, t->lat[k], t->lng[k], &slot) == STRTAB_NONE)
			t->pslots[slot] = (uint32_t)k + 1;
	}
	return 0;
}

/* Keep (lat, lng) -> first point from now on: before the first
 * stop-and-search file is parsed.  A rehash at the same size puts the
 * points in in index order, so each coordinate pair keeps its first. */
static int streets_index_points(struct streets *t)
{
	if (t->points_indexed)
		return 0;
	t->points_indexed = 1;
	return t->nslots ? streets_rehash(t, t->nslots) : 0;	/* else at the first */
}

/* Add point (lat, lng, name) with `id` unless known; its index in *at.
 * A new point's LSOA is LSOA_UNKNOWN until its caller says. */
static int street_remember(struct streets *t, int32_t lat, int32_t lng, uint32_t name, int64_t id,
			   uint32_t *at)
{
	size_t cap = t->cap, cap2 = t->cap, cap3 = t->cap, cap4 = t->cap, slot;
	uint32_t k;

	if (name == STRTAB_NONE)
		return ERR_NOMEM;
	if ((t->count + 1) * 2 > t->nslots &&
	    streets_rehash(t, t->nslots ? t->nslots * 2 : 1024) < 0)
		return ERR_NOMEM;
	if ((k = street_lookup(t, lat, lng, name, &slot)) != STRTAB_NONE) {
		*at = k;
		return 0;	/* already known */
	}
	if (t->count >= UINT32_MAX - 1 ||
	    xgrow(&t->ids, &t->cap, t->count + 1, sizeof(*t->ids)) ||
	    xgrow(&t->lat, &cap, t->count + 1, sizeof(*t->lat)) ||
	    xgrow(&t->lng, &cap2, t->count + 1, sizeof(*t->lng)) ||
	    xgrow(&t->name, &cap3, t->count + 1, sizeof(*t->name)) ||
	    xgrow(&t->lsoa, &cap4, t->count + 1, sizeof(*t->lsoa)))
		return ERR_NOMEM;
	k = (uint32_t)t->count++;
	t->ids[k] = id;
	t->lat[k] = lat;
	t->lng[k] = lng;
	t->name[k] = name;
	t->lsoa[k] = LSOA_UNKNOWN;
	t->slots[slot] = k + 1;
	if (t->pslots && point_lookup(t, lat, lng, &slot) == STRTAB_NONE)
		t->pslots[slot] = k + 1;
	if (id > t->max_id)
		t->max_id = id;
	*at = k;
	return 0;
}

static int street_loaded(void *ctx, const struct store_street *st)
{
	struct streets *t = ctx;
	uint32_t at;
	uint32_t name = strtab_intern(&t->names, st->name,
				      street_name_len(st->lat, st->lng, st->name));

	return street_remember(t, st->lat, st->lng, name, st->id, &at) < 0 ? 1 : 0;
}

/* Place the stored points in their LSOAs, a share of them per task. */
struct streets_placing {
	struct streets *t;
	const struct placer *pl;
	size_t per_task;
};

static void place_points(void *ctx, size_t task)
{
	struct streets_placing *sp = ctx;
	struct streets *t = sp->t;
	size_t end = (task + 1) * sp->per_task < t->count ? (task + 1) * sp->per_task : t->count;

	for (size_t k = task * sp->per_task; k < end; k++) {
		struct geo_point pt = { t->lng[k] / 1e6, t->lat[k] / 1e6 };

		t->lsoa[k] = placer_locate(sp->pl, pt);
	}
}

/* The street points in the store, each placed in its LSOA (after
 * placer_load()). */
static int streets_load(struct job *j)
{
	struct streets *t = &j->streets;
	int threads = parallel_threads(j->opt ? j->opt->threads : 0);
	struct streets_placing sp = { t, &j->placer, 16384 };
	int rc;

	if (t->loaded)
		return 0;
	t->loaded = 1;
	rc = store_street_each(j->s, street_loaded, t, j->e);
	if (rc > 0)
		return err_set(j->e, ERR_NOMEM, "out of memory reading street points");
	t->nstored = t->count;
	if (rc == 0)
		parallel_for((t->count + sp.per_task - 1) / sp.per_task, threads, place_points, &sp);
	return rc;
}

/* The index in `t` of a located row's point, adding the point when new;
 * UINT32_MAX when out of memory.  `name` is an id in t->names; a row with
 * no place name (STRTAB_NONE: stop and search) takes the first point
 * already known at its coordinates, or a new point named "". */
static uint32_t street_at(struct streets *t, int32_t lat, int32_t lng, uint32_t name)
{
	size_t slot;
	uint32_t k;

	if (name == STRTAB_NONE) {
		if (t->nslots && (k = point_lookup(t, lat, lng, &slot)) != STRTAB_NONE)
			return k;
		name = strtab_intern(&t->names, "", 0);
	}
	if (street_remember(t, lat, lng, name, t->max_id + 1, &k) < 0)
		return UINT32_MAX;
	return k;
}

/* New points go in in id order, which is the order they were met: SQLite
 * appends them to the table, keyed by id (migration 008). */
static int streets_write(struct job *j)
{
	struct streets *t = &j->streets;
	int rc = 0;

	for (; t->nstored < t->count && rc == 0; t->nstored++) {
		size_t k = t->nstored;
		struct store_street st = { t->ids[k], t->lat[k], t->lng[k],
					   strtab_get(&t->names, t->name[k]) };

		rc = store_street_add(j->s, &st, j->e);
	}
	return rc;
}

static void streets_release(struct streets *t)
{
	strtab_release(&t->names);
	xfree(t->slots);
	xfree(t->pslots);
	xfree(t->ids);
	xfree(t->lat);
	xfree(t->lng);
	xfree(t->name);
	xfree(t->lsoa);
	memset(t, 0, sizeof(*t));
}

/* A pack's place-name, latitude and longitude columns (no place name in
 * stop and search: -1). */
static void street_cols(int kind, int *loc, int *lat, int *lng)
{
	*loc = kind == MONTH_STREET ? SC_LOCATION : kind == MONTH_OUTCOMES ? OC_LOCATION : -1;
	*lat = kind == MONTH_STREET ? SC_LAT : kind == MONTH_OUTCOMES ? OC_LAT : ST_LAT;
	*lng = kind == MONTH_STREET ? SC_LNG : kind == MONTH_OUTCOMES ? OC_LNG : ST_LNG;
}

/* While a file is parsed (any thread, the table not changing): the street
 * id of every row whose point the table already holds, -1 for the rest,
 * which assign_streets() resolves in file order, and in lsoa[] the LSOA of
 * that point, LSOA_UNKNOWN for the rest (LSOA_OUTSIDE with no location).
 * Ids never change once given, and a point's first street stays its
 * first, so what is found here is what the single-threaded walk would
 * find. */
static void prefind_streets(const struct streets *t, struct monthpack *p, uint32_t *lsoa)
{
	int loc_col, lat_col, lng_col;
	const uint8_t *flags = MP_U8(p, 0);	/* column 0 is FLAGS for every kind */
	int32_t *street = MP_I32(p, monthpack_street_col(p->kind));
	uint32_t *name_of = NULL;
	size_t slot;

	for (size_t r = 0; r < p->rows; r++)
		lsoa[r] = flags[r] & MPF_LOCATED ? LSOA_UNKNOWN : LSOA_OUTSIDE;
	street_cols(p->kind, &loc_col, &lat_col, &lng_col);
	if (!t->nslots || (loc_col >= 0 && p->strings.count &&
			   !(name_of = xcalloc(p->strings.count, sizeof(*name_of)))))
		return;		/* all left to assign_streets() */
	for (uint32_t i = 0; loc_col >= 0 && i < p->strings.count; i++) {
		const char *nm = monthpack_str(p, i);
		size_t n = strlen(nm);

		/* a name cut to fit (street_name_len) is left for later */
		name_of[i] = n < 511 - 24 ? strtab_find(&t->names, nm, n) : STRTAB_NONE;
	}
	for (size_t r = 0; r < p->rows; r++) {
		int32_t lat = MP_I32(p, lat_col)[r], lng = MP_I32(p, lng_col)[r];
		uint32_t k = STRTAB_NONE;

		if (!(flags[r] & MPF_LOCATED))
			continue;
		if (loc_col < 0)
			k = point_lookup(t, lat, lng, &slot);
		else if (name_of[MP_STR(p, loc_col)[r]] != STRTAB_NONE)
			k = street_lookup(t, lat, lng, name_of[MP_STR(p, loc_col)[r]], &slot);
		street[r] = k != STRTAB_NONE && t->ids[k] <= INT32_MAX ? (int32_t)t->ids[k] : -1;
		if (street[r] > 0)
			lsoa[r] = t->lsoa[k];
	}
	xfree(name_of);
}

/* Ask for the table slots a look-up of this point will read first. */
static void street_prefetch(const struct streets *t, int32_t lat, int32_t lng, uint32_t name)
{
	size_t mask = t->nslots - 1;

	if (!t->nslots || name == STRTAB_NONE)
		return;
	__builtin_prefetch(&t->slots[street_hash(lat, lng, name) & mask]);
	if (t->pslots)
		__builtin_prefetch(&t->pslots[point_hash(lat, lng) & mask]);
}

/* Rows ahead whose slots are asked for (street_prefetch()). */
#define STREET_PREFETCH_AHEAD 8

/* Give every row of a parsed file that prefind_streets() left without one
 * its street id, in file order, so ids are the same however the file was
 * parsed; a new point keeps the LSOA its row was placed in (`lsoa`).  The
 * pack's own string ids for place names map to t->names through `name_of`
 * (one look-up per distinct name in the file, not per row).
 *
 * This runs on one core while the others wait, and each new point's
 * look-ups miss the cache (the table is tens of MB), so the rows to do are
 * listed first and each one's slots are fetched a few rows ahead: a
 * national import's 690,000 new points 0.175 -> 0.12 s. */
static int assign_streets(struct job *j, struct monthpack *p, const uint32_t *lsoa,
			  const char *path)
{
	struct streets *t = &j->streets;
	int loc_col, lat_col, lng_col;
	const uint8_t *flags = MP_U8(p, 0);
	int32_t *street = MP_I32(p, monthpack_street_col(p->kind));
	const int32_t *lat, *lng;
	uint32_t *name_of = NULL, *todo;
	size_t ntodo = 0;
	int rc = 0;

	street_cols(p->kind, &loc_col, &lat_col, &lng_col);
	lat = MP_I32(p, lat_col);
	lng = MP_I32(p, lng_col);
	if (!(todo = xcalloc(p->rows + 1, sizeof(*todo))))
		return err_set(j->e, ERR_NOMEM, "out of memory");
	if (loc_col >= 0 && p->strings.count) {
		if (!(name_of = xcalloc(p->strings.count, sizeof(*name_of)))) {
			xfree(todo);
			return err_set(j->e, ERR_NOMEM, "out of memory");
		}
		for (uint32_t i = 0; i < p->strings.count; i++)
			name_of[i] = STRTAB_NONE;
	}
	for (size_t r = 0; r < p->rows; r++) {
		if (!(flags[r] & MPF_LOCATED))
			street[r] = 0;
		else if (street[r] <= 0)	/* not found by prefind_streets() */
			todo[ntodo++] = (uint32_t)r;
	}
	for (size_t i = 0; i < ntodo && rc == 0; i++) {
		size_t r = todo[i];
		uint32_t name = STRTAB_NONE, k;
		int64_t id;

		if (i + STREET_PREFETCH_AHEAD < ntodo && name_of) {
			size_t ahead = todo[i + STREET_PREFETCH_AHEAD];

			street_prefetch(t, lat[ahead], lng[ahead], name_of[MP_STR(p, loc_col)[ahead]]);
		}
		if (loc_col >= 0) {
			uint32_t sid = MP_STR(p, loc_col)[r];

			name = name_of[sid];
			if (name == STRTAB_NONE) {
				const char *nm = monthpack_str(p, sid);
				size_t n = street_name_len(lat[r], lng[r], nm);

				name = strtab_intern(&t->names, nm, n);
				if (name == STRTAB_NONE) {
					rc = err_set(j->e, ERR_NOMEM, "out of memory");
					break;
				}
				if (n < 511 - 24)	/* cut nowhere: the same on every row */
					name_of[sid] = name;
			}
		}
		if ((k = street_at(t, lat[r], lng[r], name)) == UINT32_MAX) {
			rc = err_set(j->e, ERR_NOMEM, "out of memory");
			break;
		}
		if (t->lsoa[k] == LSOA_UNKNOWN)
			t->lsoa[k] = lsoa[r];
		id = t->ids[k];
		if (id > INT32_MAX)
			rc = err_set(j->e, ERR_LIMIT, "%s: more than %d street points", path,
				     INT32_MAX);
		else
			street[r] = (int32_t)id;
	}
	xfree(todo);
	xfree(name_of);
	return rc;
}

/* --- police.uk ----------------------------------------------------------- */

struct month_file {
	char *path;
	char force[REGISTRY_ID_MAX + 1];
	int32_t month;
	int kind;
	off_t size;	/* bytes, to parse the biggest files of a window first */
};

/* One file on its way in: parsed and placed (on any thread), then given
 * street ids and checked against the rest of the import (in file order),
 * then encoded (on any thread) into j->months[pending]. */
struct file_ctx {
	const struct placer *placer;
	const struct streets *streets;	/* read only while files are parsed */
	struct monthpack pack;
	uint32_t *lsoa;		/* each row's LSOA (place_pack()) */
	const struct month_file *f;
	char force_name[256];
	struct place_counts counts;
	enum policeuk_kind got;
	long rows;
	size_t pending;
	struct err err;
};

static int on_street(void *ctx, const struct crime_record *r, struct err *e)
{
	struct file_ctx *fc = ctx;
	char want[8], got[8];

	if (r->month != fc->f->month) {
		format_month(fc->f->month, want);
		format_month(r->month, got);
		return err_set(e, ERR_INVALID, "column \"Month\": \"%s\" is not the file's month %s",
			       got, want);
	}
	if (!fc->force_name[0] && r->falls_within && *r->falls_within)
		snprintf(fc->force_name, sizeof(fc->force_name), "%s", r->falls_within);
	if (monthpack_add_crime(&fc->pack, r, NULL) < 0)
		return err_set(e, ERR_NOMEM, "out of memory");
	return 0;
}

static int on_outcome(void *ctx, const struct outcome_record *r, struct err *e)
{
	struct file_ctx *fc = ctx;
	if (!fc->force_name[0] && r->falls_within && *r->falls_within)
		snprintf(fc->force_name, sizeof(fc->force_name), "%s", r->falls_within);
	if (monthpack_add_outcome(&fc->pack, r, NULL) < 0)
		return err_set(e, ERR_NOMEM, "out of memory");
	return 0;
}

static int on_stop(void *ctx, const struct stop_record *r, struct err *e)
{
	struct file_ctx *fc = ctx;
	if (monthpack_add_stop(&fc->pack, r, NULL) < 0)
		return err_set(e, ERR_NOMEM, "out of memory");
	return 0;
}

static const struct {
	const char *suffix;
	int kind;
} month_suffixes[] = {
	{ "-street.csv", MONTH_STREET },
	{ "-outcomes.csv", MONTH_OUTCOMES },
	{ "-stop-and-search.csv", MONTH_STOPS },
};

/* "2019-01-city-of-london-street.csv" -> month, force, kind; -1 if not so named. */
static int parse_month_file_name(const char *name, struct month_file *f)
{
	size_t n = strlen(name);

	if (n < 9 || name[7] != '-' || parse_month(name, 7, &f->month) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(month_suffixes) / sizeof(month_suffixes[0]); i++) {
		size_t k = strlen(month_suffixes[i].suffix);
		size_t flen;

		if (n <= 8 + k || strcmp(name + n - k, month_suffixes[i].suffix))
			continue;
		flen = n - 8 - k;
		if (flen > REGISTRY_ID_MAX)
			return -1;
		memcpy(f->force, name + 8, flen);
		f->force[flen] = '\0';
		f->kind = month_suffixes[i].kind;
		return 0;
	}
	return -1;
}

struct file_list {
	struct month_file *v;
	size_t n, cap;
};

static int add_month_file(struct file_list *l, const char *path, off_t size, struct err *e)
{
	struct month_file f;

	memset(&f, 0, sizeof(f));
	f.size = size;
	if (parse_month_file_name(base_name(path), &f) < 0)
		return err_set(e, ERR_INVALID,
			       "'%s' is not named like a police.uk file (YYYY-MM-FORCE-street.csv, "
			       "-outcomes.csv or -stop-and-search.csv)", path);
	if (xgrow(&l->v, &l->cap, l->n + 1, sizeof(*l->v)) || !(f.path = xstrdup(path)))
		return err_set(e, ERR_NOMEM, "out of memory listing files");
	l->v[l->n++] = f;
	return 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The police.uk files under `dir` (any depth), sorted by path; other files
 * are passed over, as a downloaded archive holds a few. */
static int walk_month_files(struct file_list *l, const char *dir, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (!d)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			       "cannot read folder '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (xgrow(&names, &cap, n + 1, sizeof(*names)) || !(names[n] = xstrdup(de->d_name))) {
			rc = err_set(e, ERR_NOMEM, "out of memory listing files");
			break;
		}
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_string);
	for (size_t i = 0; i < n && rc == 0; i++) {
		char path[4096];
		struct stat st;
		struct month_file probe;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (stat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = walk_month_files(l, path, e);
		else if (S_ISREG(st.st_mode) && parse_month_file_name(names[i], &probe) == 0)
			rc = add_month_file(l, path, st.st_size, e);
	}
	for (size_t i = 0; i < n; i++)
		xfree(names[i]);
	xfree(names);
	return rc;
}

static void file_list_release(struct file_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		xfree(l->v[i].path);
	xfree(l->v);
	memset(l, 0, sizeof(*l));
}

static const char *kind_word(int kind)
{
	return kind == MONTH_STREET ? "street" : kind == MONTH_OUTCOMES ? "outcomes" : "stop-and-search";
}

static int ensure_force(struct job *j, const char *id, const char *name)
{
	struct store_force f = { id, name && *name ? name : id, NULL, NULL, NULL };
	int named = name && *name;
	int rc;

	if (force_known(j, id)) {
		/* a stop-and-search file (no force name) may have come first */
		for (int i = 0; named && i < j->nunnamed; i++)
			if (!strcmp(j->unnamed[i], id)) {
				j->unnamed[i][0] = '\0';
				return store_force_put(j->s, &f, j->e);
			}
		return 0;
	}
	if ((rc = store_force_put(j->s, &f, j->e)) < 0)
		return rc;
	strtab_intern(&j->known_forces, id, strlen(id));
	if (!named && j->nunnamed < 64)
		snprintf(j->unnamed[j->nunnamed++], sizeof(j->unnamed[0]), "%s", id);
	j->sum->forces++;
	return 0;
}

/* Parse and place one file (any thread). */
static void parse_month_file(void *ctx, size_t i)
{
	struct file_ctx *fc = (struct file_ctx *)ctx + i;
	struct policeuk_handlers h = { on_street, on_outcome, on_stop, fc };

	monthpack_init(&fc->pack, fc->f->kind, fc->f->month);
	fc->rows = policeuk_read_path(fc->f->path, &h, &fc->got, &fc->err);
	if (fc->rows < 0 || (int)fc->got != fc->f->kind)
		return;
	if (fc->pack.rows && !(fc->lsoa = xcalloc(fc->pack.rows, sizeof(*fc->lsoa)))) {
		fc->rows = err_set(&fc->err, ERR_NOMEM, "out of memory");
		return;
	}
	prefind_streets(fc->streets, &fc->pack, fc->lsoa);
	if (place_pack(fc->placer, &fc->pack, fc->lsoa, &fc->counts) < 0)
		fc->rows = err_set(&fc->err, ERR_NOMEM, "out of memory");
}

static void file_ctx_release(struct file_ctx *fc)
{
	monthpack_release(&fc->pack);
	xfree(fc->lsoa);
	fc->lsoa = NULL;
}

static void add_counts(struct import_summary *sum, const struct place_counts *n)
{
	sum->placed += n->placed;
	sum->no_location += n->no_location;
	sum->outside += n->outside;
	sum->disagreements += n->disagreements;
}

/* The rest of a parsed file's way in, in file order (the caller's thread):
 * everything that reads or changes what the import shares. */
static int admit_month_file(struct job *j, struct file_ctx *fc)
{
	const struct month_file *f = fc->f;
	struct pending_month *pm;
	long rows = fc->rows;
	char month[8];
	int rc;

	add_counts(j->sum, &fc->counts);
	if (rows < 0) {
		j->sum->rejected++;
		*j->e = fc->err;
		return (int)rows;
	}
	if ((int)fc->got != f->kind)
		return err_set(j->e, ERR_INVALID, "%s: the name says %s but the header is a %s file",
			       f->path, kind_word(f->kind), policeuk_kind_name(fc->got));
	if ((rc = ensure_force(j, f->force, fc->force_name)) < 0 ||
	    (rc = assign_streets(j, &fc->pack, fc->lsoa, f->path)) < 0)
		return rc;
	for (size_t i = 0; i < j->nmonths; i++)
		if (j->months[i].month == f->month && j->months[i].kind == f->kind &&
		    !strcmp(j->months[i].force, f->force))
			return err_set(j->e, ERR_INVALID,
				       "%s: a second %s file for %s in the same import", f->path,
				       kind_word(f->kind), f->force);
	if (xgrow(&j->months, &j->cap_months, j->nmonths + 1, sizeof(*j->months)))
		return err_set(j->e, ERR_NOMEM, "out of memory");
	fc->pending = j->nmonths;
	pm = &j->months[j->nmonths++];
	memset(pm, 0, sizeof(*pm));
	snprintf(pm->force, sizeof(pm->force), "%s", f->force);
	pm->month = f->month;
	pm->kind = f->kind;
	pm->rows = rows;
	j->sum->files++;
	j->sum->rows_read += rows;
	if (f->kind == MONTH_STREET)
		j->sum->street += rows;
	else if (f->kind == MONTH_OUTCOMES)
		j->sum->outcomes += rows;
	else
		j->sum->stops += rows;
	format_month(f->month, month);
	progress(j, "%s %s %s: %ld rows, %ld placed, %ld without location", month, f->force,
		 kind_word(f->kind), rows, fc->counts.placed, fc->counts.no_location);
	return 0;
}

static int crime_ids(struct job *j, struct store_force_month *m);

/* Store the encoded months before `upto` not yet stored, in file order (so
 * crime ids are numbered as one thread would), and free their bytes. */
static int write_months(struct job *j, size_t upto)
{
	for (; j->nwritten < upto; j->nwritten++) {
		struct pending_month *pm = &j->months[j->nwritten];
		struct store_force_month m = { pm->force, pm->month, pm->kind, pm->rows,
					       pm->blob.buf, pm->blob.len, j->import_id, 0,
					       pm->counts.len ? pm->counts.buf : NULL, pm->counts.len };
		int rc;

		if ((rc = crime_ids(j, &m)) < 0 || (rc = store_force_month_put(j->s, &m, j->e)) < 0)
			return rc;
		j->sum->force_months++;
		strbuf_release(&pm->blob);
		strbuf_release(&pm->counts);
	}
	return 0;
}

/* Two windows of files at once: the one being encoded (`cur`) and the
 * next, being parsed (`nxt`).  Tasks are taken biggest first, so the
 * window does not end waiting on one thread for a big file taken last:
 * task i < nnxt parses nxt[order[i]] (the files from biggest to smallest),
 * the rest encode cur[i - nnxt], each a fraction of a parse. */
#define FILES_PER_THREAD 4	/* 8: no faster, 30 MB more at the peak */

struct window_tasks {
	struct job *j;
	struct file_ctx *cur, *nxt;
	size_t nnxt;
	size_t order[PARALLEL_MAX_THREADS * FILES_PER_THREAD];
};

/* Pack an admitted file for the store (any thread). */
static void encode_month_file(struct job *j, struct file_ctx *fc)
{
	struct pending_month *pm = &j->months[fc->pending];

	err_clear(&fc->err);
	if (monthpack_encode(&fc->pack, &pm->blob, &fc->err) == 0 && fc->pack.kind == MONTH_STREET)
		crimecounts_encode(&fc->pack, &pm->counts, &fc->err);
}

static void window_task(void *ctx, size_t i)
{
	struct window_tasks *w = ctx;

	if (i < w->nnxt)
		parse_month_file(w->nxt, w->order[i]);
	else
		encode_month_file(w->j, &w->cur[i - w->nnxt]);
}

/* w->order: nxt's files from biggest to smallest (insertion sort: a
 * window holds a few files per thread). */
static void window_order(struct window_tasks *w)
{
	for (size_t i = 0; i < w->nnxt; i++) {
		size_t k = i;

		for (; k > 0 && w->nxt[w->order[k - 1]].f->size < w->nxt[i].f->size; k--)
			w->order[k] = w->order[k - 1];
		w->order[k] = i;
	}
}

static int window_init(struct job *j, struct file_ctx *fc, const struct month_file *const *files,
			size_t n)
{
	memset(fc, 0, n * sizeof(*fc));
	for (size_t i = 0; i < n; i++) {
		fc[i].placer = &j->placer;
		fc[i].streets = &j->streets;
		fc[i].f = files[i];
		if (files[i]->kind == MONTH_STOPS && streets_index_points(&j->streets) < 0)
			return err_set(j->e, ERR_NOMEM, "out of memory");
	}
	return 0;
}

/* Files go a window at a time: parsed on every core, admitted one by one
 * in order (so street ids, forces, errors and the summary are what a
 * single thread would give), then encoded on every core while the next
 * window is parsed and this thread writes the window's new street points
 * and the window before's force-months to the store (which left a
 * national import's last seconds to one core when every month waited for
 * the end).  The first file in order that fails decides the error, as it
 * would alone.  A window is FILES_PER_THREAD files per thread. */
static int import_month_files(struct job *j, const struct month_file *const *files, size_t n)
{
	int threads = parallel_threads(j->opt ? j->opt->threads : 0);
	size_t window = (size_t)threads * FILES_PER_THREAD;
	struct file_ctx *fc = xcalloc(2 * window, sizeof(*fc));
	size_t at = 0, ncur = n < window ? n : window;
	int rc = 0;

	if (!fc)
		return err_set(j->e, ERR_NOMEM, "out of memory");
	if ((rc = window_init(j, fc, files, ncur)) < 0) {
		xfree(fc);
		return rc;
	}
	parallel_for(ncur, threads, parse_month_file, fc);
	for (int half = 0; ncur > 0; half ^= 1) {
		struct file_ctx *cur = fc + (half ? window : 0), *nxt = fc + (half ? 0 : window);
		size_t nnxt = n - at - ncur < window ? n - at - ncur : window, admitted = 0;
		size_t encoded = j->nmonths;	/* the windows before this one */
		struct window_tasks w = { j, cur, nxt, nnxt, { 0 } };
		struct parallel_run run;

		while (admitted < ncur && (rc = admit_month_file(j, &cur[admitted])) == 0)
			admitted++;
		if (rc == 0)
			rc = window_init(j, nxt, files + at + ncur, nnxt);
		if (rc == 0) {
			window_order(&w);
			parallel_start(&run, ncur + nnxt, threads, window_task, &w);
			if ((rc = streets_write(j)) == 0)
				rc = write_months(j, encoded);
			parallel_wait(&run);
			for (size_t i = 0; i < ncur && rc == 0; i++)
				if (cur[i].err.code) {
					*j->e = cur[i].err;
					rc = cur[i].err.code;
				}
		} else {
			nnxt = 0;
		}
		for (size_t i = 0; i < ncur; i++)
			file_ctx_release(&cur[i]);
		if (rc) {
			for (size_t i = 0; i < nnxt; i++)
				file_ctx_release(&nxt[i]);
			break;
		}
		at += ncur;
		ncur = nnxt;
	}
	xfree(fc);
	return rc;
}

static int step_police_uk(struct job *j, const char *const *paths, size_t n)
{
	struct file_list files = { 0 };
	const struct month_file **order = NULL;
	size_t norder = 0;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct stat st;

		if (stat(paths[i], &st) < 0)
			rc = err_set(j->e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				     "cannot read '%s': %s", paths[i], strerror(errno));
		else if (S_ISDIR(st.st_mode))
			rc = walk_month_files(&files, paths[i], j->e);
		else
			rc = add_month_file(&files, paths[i], st.st_size, j->e);
	}
	if (rc == 0 && files.n == 0)
		rc = err_set(j->e, ERR_INVALID, "no police.uk files found in %s%s", paths[0],
			     n > 1 ? " and the other paths" : "");
	if (rc == 0)
		rc = load_known(j);
	if (rc == 0)
		rc = placer_load(j);
	if (rc == 0)
		rc = streets_load(j);
	if (rc == 0 && !(order = xcalloc(files.n, sizeof(*order))))
		rc = err_set(j->e, ERR_NOMEM, "out of memory");
	/* street files first, stop and search last: a stop takes the street
	 * point a crime already named at its coordinates */
	for (int kind = 0; kind < MONTH_KIND_COUNT && rc == 0; kind++)
		for (size_t i = 0; i < files.n; i++)
			if (files.v[i].kind == kind)
				order[norder++] = &files.v[i];
	if (rc == 0)
		rc = import_month_files(j, order, norder);
	xfree(order);
	file_list_release(&files);
	return rc;
}

/* --- boundaries ---------------------------------------------------------- */

struct area_ctx {
	struct job *j;
	const char *kind;
};

static int on_area(void *ctx, struct boundary_feature *f, struct err *e)
{
	struct area_ctx *ac = ctx;
	struct strbuf wkb = STRBUF_INIT;
	struct store_area a = { ac->kind, f->code, f->name, 0, NULL, 0 };
	int rc;

	/* LSOA11CD / LSOA21CD say which census geography it belongs to */
	if (f->code_field && strstr(f->code_field, "11") && strchr("Ll", f->code_field[0]))
		a.vintage = 2011;
	else if (f->code_field && strstr(f->code_field, "21") && strchr("Ll", f->code_field[0]))
		a.vintage = 2021;

	if (!f->code || !*f->code)
		return err_set(e, ERR_INVALID, "feature %ld has no code", f->index);
	if ((rc = geo_wkb_encode(&f->geom, &wkb)) < 0) {
		strbuf_release(&wkb);
		return err_set(e, ERR_NOMEM, "out of memory encoding feature %ld", f->index);
	}
	a.wkb = wkb.buf;
	a.wkb_len = wkb.len;
	rc = store_area_put(ac->j->s, &a, e);
	strbuf_release(&wkb);
	if (rc == 0)
		ac->j->sum->areas++;
	return rc;
}

static int step_boundaries(struct job *j, const char *const *paths, size_t n)
{
	struct area_ctx ac = { j, j->opt && j->opt->area_kind ? j->opt->area_kind : "lsoa" };

	for (size_t i = 0; i < n; i++) {
		long before = j->sum->areas;
		long got = boundary_read(paths[i], NULL, on_area, &ac, j->e);

		if (got < 0)
			return (int)got;
		j->sum->files++;
		progress(j, "%s: %ld %s boundaries", base_name(paths[i]), j->sum->areas - before, ac.kind);
	}
	/* boundaries changed: reload before placing, and forget the LSOAs the
	 * street points were found in */
	j->placer.loaded = 0;
	placer_release(&j->placer);
	for (size_t k = 0; k < j->streets.count; k++)
		j->streets.lsoa[k] = LSOA_UNKNOWN;
	return 0;
}

/* --- registry: forces, neighbourhoods, teams, places --------------------- */

/* Whose team or assets a record belongs to; first in each copy below, so
 * the copies are grouped by one helper (group_by_team). */
struct team_key {
	char *force, *nbhd;	/* nbhd NULL: the force-wide team */
};

struct person_copy {
	struct team_key key;
	struct store_person p;
};

struct asset_copy {
	struct team_key key;
	struct store_asset a;
};

struct registry_ctx {
	struct job *j;
	struct person_copy *people;
	size_t npeople, cap_people;
	struct asset_copy *assets;
	size_t nassets, cap_assets;
};

static char *copy_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

static int on_force(void *ctx, const struct force_record *r, struct err *e)
{
	struct registry_ctx *rc = ctx;
	struct store_force f = {
		r->id, r->name, *r->description ? r->description : NULL,
		*r->url ? r->url : NULL, *r->telephone ? r->telephone : NULL,
	};
	int ret = store_force_put(rc->j->s, &f, e);

	if (ret == 0) {
		strtab_intern(&rc->j->known_forces, r->id, strlen(r->id));
		rc->j->sum->forces++;
	}
	return ret;
}

static int on_neighbourhood(void *ctx, const struct neighbourhood_record *r, struct err *e)
{
	struct registry_ctx *rc = ctx;
	struct store_neighbourhood n = {
		r->force_id, r->id, r->name, *r->description ? r->description : NULL, NULL, 0,
	};
	char key[2 * REGISTRY_ID_MAX + 2];
	int ret;

	if ((ret = require_force(rc->j, r->force_id, e)) < 0 ||
	    (ret = store_neighbourhood_put(rc->j->s, &n, e)) < 0 ||
	    (ret = store_neighbourhood_set_lsoas(rc->j->s, r->force_id, r->id, r->lsoa_codes,
						 r->nlsoa, e)) < 0)
		return ret;
	nbhd_key(key, sizeof(key), r->force_id, r->id);
	strtab_intern(&rc->j->known_nbhds, key, strlen(key));
	rc->j->sum->neighbourhoods++;
	return 0;
}

static int require_nbhd(struct job *j, const char *force, const char *id, struct err *e)
{
	int rc = require_force(j, force, e);

	if (rc == 0 && *id && !nbhd_known(j, force, id))
		rc = err_set(e, ERR_INVALID,
			     "neighbourhood \"%s\" of force \"%s\" is not known; import its neighbourhoods.csv row first",
			     id, force);
	return rc;
}

static int on_team(void *ctx, const struct team_record *r, struct err *e)
{
	struct registry_ctx *rc = ctx;
	struct person_copy *pc;
	int ret = require_nbhd(rc->j, r->force_id, r->neighbourhood_id, e);

	if (ret < 0)
		return ret;
	if (xgrow(&rc->people, &rc->cap_people, rc->npeople + 1, sizeof(*rc->people)))
		return err_set(e, ERR_NOMEM, "out of memory");
	pc = &rc->people[rc->npeople++];
	memset(pc, 0, sizeof(*pc));
	pc->key.force = xstrdup(r->force_id);
	pc->key.nbhd = copy_or_null(r->neighbourhood_id);
	pc->p.name = xstrdup(r->name);
	pc->p.rank = copy_or_null(r->rank);
	pc->p.bio = copy_or_null(r->bio);
	pc->p.email = copy_or_null(r->email);
	pc->p.telephone = copy_or_null(r->telephone);
	return pc->key.force && pc->p.name ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}

static int on_place(void *ctx, const struct place_record *r, struct err *e)
{
	struct registry_ctx *rc = ctx;
	struct asset_copy *ac;
	int ret = require_nbhd(rc->j, r->force_id, r->neighbourhood_id, e);

	if (ret < 0)
		return ret;
	if (xgrow(&rc->assets, &rc->cap_assets, rc->nassets + 1, sizeof(*rc->assets)))
		return err_set(e, ERR_NOMEM, "out of memory");
	ac = &rc->assets[rc->nassets++];
	memset(ac, 0, sizeof(*ac));
	ac->key.force = xstrdup(r->force_id);
	ac->key.nbhd = xstrdup(r->neighbourhood_id);
	ac->a.kind = r->kind == PLACE_KIND_GROUP ? "group" : "place";
	ac->a.type = xstrdup(r->type);
	ac->a.name = xstrdup(r->name);
	ac->a.address = copy_or_null(r->address);
	ac->a.has_location = r->has_location;
	ac->a.lat = r->lat / 1e6;
	ac->a.lng = r->lng / 1e6;
	ac->a.description = copy_or_null(r->description);
	return ac->key.force && ac->key.nbhd && ac->a.type && ac->a.name ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}

static int same_team(const char *f1, const char *n1, const char *f2, const char *n2)
{
	return !strcmp(f1, f2) && ((!n1 && !n2) || (n1 && n2 && !strcmp(n1, n2)));
}

/* For each distinct team among `n` records of `size` bytes (each starting
 * with a struct team_key), in file order: collect its records' indices and
 * call `write`.  One pass per team; teams are few. */
static int group_by_team(const void *base, size_t n, size_t size,
			 int (*write)(struct registry_ctx *rc, const struct team_key *key,
				      const size_t *idx, size_t count),
			 struct registry_ctx *rc)
{
	size_t *idx = xcalloc(n ? n : 1, sizeof(*idx));
	int ret = 0;

#define KEY(i) ((const struct team_key *)((const char *)base + (i) * size))
	if (!idx)
		return err_set(rc->j->e, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n && ret == 0; i++) {
		size_t count = 0;
		int seen = 0;

		for (size_t k = 0; k < i && !seen; k++)
			seen = same_team(KEY(k)->force, KEY(k)->nbhd, KEY(i)->force, KEY(i)->nbhd);
		if (seen)
			continue;
		for (size_t k = i; k < n; k++)
			if (same_team(KEY(k)->force, KEY(k)->nbhd, KEY(i)->force, KEY(i)->nbhd))
				idx[count++] = k;
		ret = write(rc, KEY(i), idx, count);
	}
#undef KEY
	xfree(idx);
	return ret;
}

static int replace_team(struct registry_ctx *rc, const struct team_key *key, const size_t *idx,
			size_t count)
{
	struct store_person *team = xcalloc(count, sizeof(*team));
	int ret;

	if (!team)
		return err_set(rc->j->e, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < count; i++)
		team[i] = rc->people[idx[i]].p;
	ret = store_team_replace(rc->j->s, key->force, key->nbhd, team, count, rc->j->e);
	rc->j->sum->people += (long)count;
	xfree(team);
	return ret;
}

static int replace_assets(struct registry_ctx *rc, const struct team_key *key, const size_t *idx,
			  size_t count)
{
	struct store_asset *assets = xcalloc(count, sizeof(*assets));
	int ret;

	if (!assets)
		return err_set(rc->j->e, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < count; i++)
		assets[i] = rc->assets[idx[i]].a;
	ret = store_assets_replace(rc->j->s, key->force, key->nbhd, assets, count, rc->j->e);
	rc->j->sum->places += (long)count;
	xfree(assets);
	return ret;
}

/* Replace each team named in the file with exactly the people listed, and
 * each neighbourhood's assets with exactly those listed. */
static int write_teams(struct registry_ctx *rc)
{
	return group_by_team(rc->people, rc->npeople, sizeof(*rc->people), replace_team, rc);
}

static int write_assets(struct registry_ctx *rc)
{
	return group_by_team(rc->assets, rc->nassets, sizeof(*rc->assets), replace_assets, rc);
}

static void registry_release(struct registry_ctx *rc)
{
	for (size_t i = 0; i < rc->npeople; i++) {
		struct person_copy *p = &rc->people[i];
		xfree(p->key.force); xfree(p->key.nbhd);
		xfree((char *)p->p.name); xfree((char *)p->p.rank); xfree((char *)p->p.bio);
		xfree((char *)p->p.email); xfree((char *)p->p.telephone);
	}
	for (size_t i = 0; i < rc->nassets; i++) {
		struct asset_copy *a = &rc->assets[i];
		xfree(a->key.force); xfree(a->key.nbhd);
		xfree((char *)a->a.type); xfree((char *)a->a.name); xfree((char *)a->a.address);
		xfree((char *)a->a.description);
	}
	xfree(rc->people);
	xfree(rc->assets);
}

static int step_registry(struct job *j, const char *const *paths, size_t n)
{
	int rc = load_known(j);

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct registry_ctx ctx = { .j = j };
		struct registry_handlers h = { on_force, on_neighbourhood, on_team, on_place, &ctx };
		enum registry_kind kind;
		long got = registry_read_path(paths[i], &h, &kind, j->e);

		if (got < 0)
			rc = (int)got;
		else if ((rc = write_teams(&ctx)) == 0 && (rc = write_assets(&ctx)) == 0) {
			j->sum->files++;
			progress(j, "%s: %ld records", base_name(paths[i]), got);
		}
		registry_release(&ctx);
	}
	return rc;
}

/* --- neighbourhood boundaries: DIR/<force>/<id>.kml ------------------------ */

struct merge_ctx {
	struct geo_multipolygon mp;
	size_t cap;
	char name[200];		/* the first feature's name (KML <name>) */
};

/* Gather every polygon of every feature into one multipolygon. */
static int on_nbhd_feature(void *ctx, struct boundary_feature *f, struct err *e)
{
	struct merge_ctx *m = ctx;

	if (!m->name[0] && f->name && *f->name)
		snprintf(m->name, sizeof(m->name), "%s", f->name);
	for (size_t i = 0; i < f->geom.npolys; i++) {
		if (xgrow(&m->mp.polys, &m->cap, m->mp.npolys + 1, sizeof(*m->mp.polys)))
			return err_set(e, ERR_NOMEM, "out of memory");
		m->mp.polys[m->mp.npolys++] = f->geom.polys[i];
	}
	/* the polygons now belong to m */
	f->geom.npolys = 0;
	xfree(f->geom.polys);
	f->geom.polys = NULL;
	return 0;
}

static int import_nbhd_kml(struct job *j, const char *force, const char *path, const char *id)
{
	struct merge_ctx m;
	struct strbuf wkb = STRBUF_INIT;
	long got;
	int rc;

	memset(&m, 0, sizeof(m));
	got = boundary_read(path, NULL, on_nbhd_feature, &m, j->e);
	if (got < 0) {
		rc = (int)got;
		goto done;
	}
	if (!nbhd_known(j, force, id)) {
		/* police.uk publishes boundaries without a list: the file names the
		 * neighbourhood, and its Placemark its name */
		struct store_neighbourhood n = { force, id, m.name[0] ? m.name : id, NULL, NULL, 0 };
		char key[2 * REGISTRY_ID_MAX + 2];

		if ((rc = ensure_force(j, force, NULL)) < 0 ||
		    (rc = store_neighbourhood_put(j->s, &n, j->e)) < 0)
			goto done;
		nbhd_key(key, sizeof(key), force, id);
		strtab_intern(&j->known_nbhds, key, strlen(key));
		j->sum->neighbourhoods++;
	}
	geo_multipolygon_finish(&m.mp);
	if (geo_wkb_encode(&m.mp, &wkb) < 0) {
		rc = err_set(j->e, ERR_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = store_neighbourhood_set_boundary(j->s, force, id, wkb.buf, wkb.len, j->e)) == 0) {
		j->sum->boundaries++;
		j->sum->files++;
	}
done:
	geo_multipolygon_release(&m.mp);
	strbuf_release(&wkb);
	return rc;
}

static int list_dir(const char *dir, char ***out, size_t *count, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 0;

	*out = NULL;
	*count = 0;
	if (!d)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			       "cannot read folder '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (xgrow(out, &cap, *count + 1, sizeof(**out)) || !((*out)[*count] = xstrdup(de->d_name))) {
			closedir(d);
			return err_set(e, ERR_NOMEM, "out of memory listing files");
		}
		(*count)++;
	}
	closedir(d);
	if (*count)
		qsort(*out, *count, sizeof(**out), by_string);
	return 0;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xfree(v[i]);
	xfree(v);
}

static int step_nbhd_boundaries(struct job *j, const char *dir)
{
	char **forces = NULL;
	size_t nforces = 0;
	int rc = load_known(j);

	if (rc == 0)
		rc = list_dir(dir, &forces, &nforces, j->e);
	for (size_t f = 0; f < nforces && rc == 0; f++) {
		char fdir[4096];
		char **files = NULL;
		size_t nfiles = 0;
		struct stat st;

		snprintf(fdir, sizeof(fdir), "%s/%s", dir, forces[f]);
		if (stat(fdir, &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		rc = list_dir(fdir, &files, &nfiles, j->e);
		for (size_t i = 0; i < nfiles && rc == 0; i++) {
			char path[8192], id[REGISTRY_ID_MAX + 1];
			size_t len = strlen(files[i]);

			if (len < 5 || strcmp(files[i] + len - 4, ".kml") || len - 4 > REGISTRY_ID_MAX)
				continue;
			snprintf(id, sizeof(id), "%.*s", (int)(len - 4), files[i]);
			snprintf(path, sizeof(path), "%s/%s", fdir, files[i]);
			rc = import_nbhd_kml(j, forces[f], path, id);
		}
		free_list(files, nfiles);
	}
	free_list(forces, nforces);
	if (rc == 0)
		progress(j, "%s: %ld neighbourhood boundaries", dir, j->sum->boundaries);
	return rc;
}

/* --- census ---------------------------------------------------------------- */

struct census_ctx {
	struct job *j;
	const char *source;
};

static int on_census(void *ctx, const struct census_value *v, struct err *e)
{
	struct census_ctx *cc = ctx;
	struct store_census c = { v->lsoa_code, v->measure, v->category, v->value, cc->source };
	int rc = store_census_put(cc->j->s, &c, e);

	if (rc == 0)
		cc->j->sum->census_values++;
	return rc;
}

static int step_census(struct job *j, const char *const *paths, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct census_ctx cc = { j, base_name(paths[i]) };
		enum census_layout layout;
		long got = census_read_path(paths[i], on_census, &cc, &layout, j->e);

		if (got < 0)
			return (int)got;
		j->sum->files++;
		progress(j, "%s: %ld LSOAs (%s layout)", cc.source, got, census_layout_name(layout));
	}
	return 0;
}

/* --- the transaction around every import ----------------------------------- */

enum step_kind { STEP_POLICE_UK, STEP_BOUNDARIES, STEP_REGISTRY, STEP_NBHD_BOUNDARIES,
		 STEP_CENSUS, STEP_TOWN };

struct step {
	enum step_kind kind;
	const char *const *paths;
	size_t npaths;
};

static int step_town(struct job *j, const char *dir);

static int run_step(struct job *j, const struct step *st)
{
	switch (st->kind) {
	case STEP_POLICE_UK: return step_police_uk(j, st->paths, st->npaths);
	case STEP_BOUNDARIES: return step_boundaries(j, st->paths, st->npaths);
	case STEP_REGISTRY: return step_registry(j, st->paths, st->npaths);
	case STEP_NBHD_BOUNDARIES: return step_nbhd_boundaries(j, st->paths[0]);
	case STEP_CENSUS: return step_census(j, st->paths, st->npaths);
	case STEP_TOWN: return step_town(j, st->paths[0]);
	}
	return ERR_INTERNAL;
}

static const char *const step_names[] = {
	"police-uk", "boundaries", "registry", "neighbourhood-boundaries", "census", "town",
};

struct old_month {
	const struct store_force_month *now;	/* the record about to be written */
	int64_t first_id;			/* the stored one's block, if the same */
};

/* A stored record holds the same month as the one about to be written
 * when their rows are the same, whatever their bytes: it may be in an
 * older format, or number its strings in another order (an older Engage
 * placed rows while parsing them, and met the strings in another order). */
static int same_rows(const struct store_force_month *m, const struct store_force_month *now)
{
	struct monthpack a, b;
	struct err ignored = ERR_INIT;
	int same = 0;

	if (monthpack_decode(m->data, m->data_len, m->kind, m->month, &a, &ignored) < 0)
		return 0;
	if (monthpack_decode(now->data, now->data_len, now->kind, now->month, &b, &ignored) == 0) {
		same = monthpack_same(&a, &b);
		monthpack_release(&b);
	}
	monthpack_release(&a);
	return same;
}

static int old_first_id(void *ctx, const struct store_force_month *m)
{
	struct old_month *o = ctx;

	if (m->rows != o->now->rows)
		return 0;
	if ((m->data_len == o->now->data_len && !memcmp(m->data, o->now->data, m->data_len)) ||
	    same_rows(m, o->now))
		o->first_id = m->first_id;
	return 0;
}

/* Crime ids for a street force-month: the same block again when the month
 * is re-imported unchanged (the same file gives the same ids), else a new
 * block from the "crime" sequence, so an id never names two crimes. */
static int crime_ids(struct job *j, struct store_force_month *m)
{
	struct old_month o = { m, 0 };
	struct err ignored = ERR_INIT;

	if (m->kind != MONTH_STREET || m->rows < 1)
		return 0;
	if (store_force_month_get(j->s, m->force_id, m->month, m->kind, old_first_id, &o,
				  &ignored) == 0 && o.first_id > 0) {
		m->first_id = o.first_id;
		return 0;
	}
	return store_sequence_take(j->s, "crime", m->rows, &m->first_id, j->e);
}

static int run_import(struct store *s, const struct step *st, const struct import_options *opt,
		      struct import_summary *sum, struct err *e)
{
	struct job j;
	struct store_import imp;
	int rc;

	memset(sum, 0, sizeof(*sum));
	memset(&j, 0, sizeof(j));
	memset(&imp, 0, sizeof(imp));
	j.s = s;
	j.opt = opt;
	j.sum = sum;
	j.e = e;
	imp.started_at = time_now();
	imp.kind = step_names[st->kind];
	imp.source = st->paths[0];
	if ((rc = store_begin_bulk(s, e)) < 0)
		return rc;
	/* logged first, so force-months can name it as they are written */
	if ((rc = store_import_add(s, &imp, e)) < 0)
		goto fail;
	j.import_id = imp.id;
	if ((rc = run_step(&j, st)) < 0)
		goto fail;
	imp.finished_at = time_now();
	imp.rows_read = sum->rows_read + sum->areas + sum->census_values + sum->forces +
			sum->neighbourhoods + sum->people + sum->places + sum->boundaries;
	imp.rows_placed = sum->placed;
	imp.no_location = sum->no_location;
	imp.disagreements = sum->disagreements;
	imp.outside = sum->outside;
	imp.rejected = sum->rejected;
	if ((rc = store_import_add(s, &imp, e)) < 0 || (rc = streets_write(&j)) < 0 ||
	    (rc = write_months(&j, j.nmonths)) < 0 || (rc = store_commit(s, e)) < 0)
		goto fail;
	goto done;
fail:
	store_rollback(s);
	if (!e->code)
		err_set(e, rc, "import failed");
done:
	for (size_t i = 0; i < j.nmonths; i++) {
		strbuf_release(&j.months[i].blob);
		strbuf_release(&j.months[i].counts);
	}
	xfree(j.months);
	placer_release(&j.placer);
	strtab_release(&j.known_forces);
	strtab_release(&j.known_nbhds);
	streets_release(&j.streets);
	return rc;
}

int import_police_uk(struct store *s, const char *const *paths, size_t n,
		     const struct import_options *opt, struct import_summary *sum, struct err *e)
{
	struct step st = { STEP_POLICE_UK, paths, n };

	return n ? run_import(s, &st, opt, sum, e) : err_set(e, ERR_INVALID, "no files named");
}

int import_boundaries(struct store *s, const char *const *paths, size_t n,
		      const struct import_options *opt, struct import_summary *sum, struct err *e)
{
	struct step st = { STEP_BOUNDARIES, paths, n };

	return n ? run_import(s, &st, opt, sum, e) : err_set(e, ERR_INVALID, "no files named");
}

int import_registry(struct store *s, const char *const *paths, size_t n,
		    const struct import_options *opt, struct import_summary *sum, struct err *e)
{
	struct step st = { STEP_REGISTRY, paths, n };

	return n ? run_import(s, &st, opt, sum, e) : err_set(e, ERR_INVALID, "no files named");
}

int import_neighbourhood_boundaries(struct store *s, const char *dir,
				    const struct import_options *opt,
				    struct import_summary *sum, struct err *e)
{
	struct step st = { STEP_NBHD_BOUNDARIES, &dir, 1 };

	return run_import(s, &st, opt, sum, e);
}

int import_census(struct store *s, const char *const *paths, size_t n,
		  const struct import_options *opt, struct import_summary *sum, struct err *e)
{
	struct step st = { STEP_CENSUS, paths, n };

	return n ? run_import(s, &st, opt, sum, e) : err_set(e, ERR_INVALID, "no files named");
}

int import_town(struct store *s, const char *dir, const struct import_options *opt,
		struct import_summary *sum, struct err *e)
{
	struct step st = { STEP_TOWN, &dir, 1 };

	return run_import(s, &st, opt, sum, e);
}

/* --- a whole town folder ---------------------------------------------------- */

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static int step_town(struct job *j, const char *dir)
{
	static const char *const required[] = { "forces.csv", "boundaries/lsoa.geojson",
						"neighbourhoods.csv" };
	char path[4096], census_dir[4096];
	const char *one[1] = { path };
	char **census = NULL;
	size_t ncensus = 0;
	int rc = 0;

	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, required[i]);
		if (!exists(path))
			return err_set(j->e, ERR_INVALID,
				       "'%s' is not a town folder: %s is missing (make one with engage demo generate)",
				       dir, required[i]);
	}
	snprintf(path, sizeof(path), "%s/forces.csv", dir);
	if ((rc = step_registry(j, one, 1)) < 0)
		return rc;
	snprintf(path, sizeof(path), "%s/boundaries/lsoa.geojson", dir);
	if ((rc = step_boundaries(j, one, 1)) < 0)
		return rc;
	snprintf(census_dir, sizeof(census_dir), "%s/census", dir);
	if (exists(census_dir)) {
		if ((rc = list_dir(census_dir, &census, &ncensus, j->e)) < 0)
			return rc;
		for (size_t i = 0; i < ncensus && rc == 0; i++) {
			snprintf(path, sizeof(path), "%s/%s", census_dir, census[i]);
			if (strlen(census[i]) > 4 && !strcmp(census[i] + strlen(census[i]) - 4, ".csv"))
				rc = step_census(j, one, 1);
		}
		free_list(census, ncensus);
		if (rc < 0)
			return rc;
	}
	snprintf(path, sizeof(path), "%s/neighbourhoods.csv", dir);
	if ((rc = step_registry(j, one, 1)) < 0)
		return rc;
	snprintf(path, sizeof(path), "%s/boundaries/neighbourhoods", dir);
	if (exists(path) && (rc = step_nbhd_boundaries(j, path)) < 0)
		return rc;
	snprintf(path, sizeof(path), "%s/teams.csv", dir);
	if (exists(path) && (rc = step_registry(j, one, 1)) < 0)
		return rc;
	snprintf(path, sizeof(path), "%s/places.csv", dir);
	if (exists(path) && (rc = step_registry(j, one, 1)) < 0)
		return rc;
	snprintf(path, sizeof(path), "%s/police-uk", dir);
	if (exists(path) && (rc = step_police_uk(j, one, 1)) < 0)
		return rc;
	return 0;
}
