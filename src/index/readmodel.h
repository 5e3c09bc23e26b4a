/*
 * readmodel.h - everything the public pages and APIs read, in memory.
 *
 * Built from the store at start-up (and rebuilt after an import); never the
 * source of truth.  Hot paths (the police.uk-compatible API, neighbourhood
 * pages) read only this and never touch SQL.  It is immutable once built,
 * so any number of server threads read it without locks; a rebuild makes a
 * new one and swaps the pointer.
 *
 * What it holds: forces; LSOAs with their shapes in a spatial index;
 * neighbourhoods with boundaries, member LSOAs, census totals and team;
 * and every police.uk force-month as packed columns (monthpack.h), with
 * each row's LSOA resolved to an index.
 *
 * Ownership: readmodel_load() returns a model the caller frees with
 * readmodel_free().  Pointers into it live as long as the model.
 */
#ifndef ENGAGE_READMODEL_H
#define ENGAGE_READMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strtab.h"
#include "geo/geo.h"
#include "index/monthpack.h"
#include "store/store.h"

struct rm_force {
	char *id, *name, *description, *url, *telephone;
};

struct rm_lsoa {
	char *code, *name;
	int32_t nbhd;		/* index into neighbourhoods, or -1 */
	int vintage;		/* 2011, 2021, or 0 when not known */
	int64_t population;	/* census "population/all", 0 when unknown */
	int64_t households;
};

struct rm_person {
	char *name, *rank, *bio, *email, *telephone;
};

struct rm_neighbourhood {
	int32_t force;		/* index into forces */
	char *id, *name, *description;
	int has_boundary;
	struct geo_multipolygon boundary;
	struct geo_point centre;
	int32_t *lsoas;		/* indices into lsoas */
	size_t nlsoas;
	int64_t population, households;
	struct rm_person *team;
	size_t nteam;
};

/* A pack's located rows bucketed by a coarse grid (RM_CELL_* microdegrees,
 * about 2 km), sorted by cell: a 1-mile query reads a few cells' rows. */
#define RM_CELL_LAT 20000
#define RM_CELL_LNG 30000
struct rm_grid {
	size_t n;
	uint64_t *keys;		/* cell key of each entry, ascending */
	uint32_t *rows;		/* row of each entry; rows ascend within a cell */
};

/* Rows rendered once by a layer above (the police.uk API's JSON): row r's
 * bytes are bytes[off[r]] up to bytes[off[r + 1]]; bytes NULL when the
 * month was not rendered. */
struct rm_frags {
	char *bytes;
	uint32_t *off;
};

struct rm_month {
	int32_t force;
	int32_t month;
	int has[MONTH_KIND_COUNT];
	struct monthpack pack[MONTH_KIND_COUNT];
	/* per kind: string id of a placed-LSOA code -> LSOA index (or -1) */
	int32_t *lsoa_of[MONTH_KIND_COUNT];
	struct rm_grid grid[MONTH_KIND_COUNT];
	uint8_t grid_failed[MONTH_KIND_COUNT];	/* out of memory building it (load only) */
	int64_t first_id[MONTH_KIND_COUNT];	/* crime id of row 0 (street), 0 = none */
	struct rm_frags frags[MONTH_KIND_COUNT];	/* see readmodel_prerender() */
};

/* Open-addressing hash of row references ((month index + 1) << 32 | row),
 * keyed by a crime id; several entries may share a key (outcomes). */
struct rm_refs {
	uint64_t *slots;	/* 0 = empty */
	size_t mask;
};

struct readmodel {
	struct rm_force *forces;
	size_t nforces;
	struct rm_lsoa *lsoas;
	struct geo_multipolygon *lsoa_shapes;	/* parallel to lsoas */
	size_t nlsoas;
	struct strtab lsoa_codes;		/* code -> index (ids equal indices) */
	/* 2011 and 2021 LSOAs overlap: locating uses the newest vintage held
	 * (and any of unknown vintage), as the importer placed rows */
	struct geo_multipolygon *locating;	/* borrowed copies of those shapes */
	size_t *locating_to;			/* locating index -> lsoas index */
	size_t nlocating;
	struct geo_index *lsoa_index;		/* over `locating` */
	struct rm_neighbourhood *nbhds;
	size_t nnbhds;
	struct rm_month *months;		/* ordered by force, then month */
	size_t nmonths;
	int32_t first_month, latest_month;	/* over all forces; 0 when none */
	int64_t built_at;
	struct rm_refs crimes;		/* street rows with a crime id */
	struct rm_refs outcomes;	/* outcome rows with a crime id */
	struct rm_refs streets;		/* street id -> first row seen there (any kind) */
};

#define RM_REF(mi, row) ((uint64_t)((mi) + 1) << 32 | (uint32_t)(row))
#define RM_REF_MONTH(ref) ((size_t)((ref) >> 32) - 1)
#define RM_REF_ROW(ref) ((size_t)((ref) & 0xffffffffu))

int readmodel_load(struct store *s, struct readmodel **out, struct err *e);
void readmodel_free(struct readmodel *rm);

/* Lookups return an index, or -1 when absent. */
long readmodel_force(const struct readmodel *rm, const char *id);
long readmodel_neighbourhood(const struct readmodel *rm, const char *force_id, const char *id);
long readmodel_lsoa(const struct readmodel *rm, const char *code);
/* The LSOA holding a point, or -1. */
long readmodel_locate(const struct readmodel *rm, struct geo_point p);
/* A force-month, or NULL. */
const struct rm_month *readmodel_month(const struct readmodel *rm, long force, int32_t month);

/* The neighbourhood of row `row` of a month's pack of `kind`, or -1. */
int32_t readmodel_row_neighbourhood(const struct readmodel *rm, const struct rm_month *m,
				    int kind, size_t row);

/* Render every row of `kind` in the months from `since_month` on, once,
 * with `fn` (which appends one row's bytes to `out`), and keep the bytes
 * in each month's frags[kind].  Call after readmodel_load() and before
 * sharing the model between threads.  0, ERR_NOMEM, or ERR_LIMIT when a
 * month's bytes pass 4 GiB. */
typedef int (*rm_render_fn)(void *ctx, const struct readmodel *rm, size_t month_index,
			    size_t row, struct strbuf *out);
int readmodel_prerender(struct readmodel *rm, int kind, int32_t since_month, rm_render_fn fn,
			void *ctx, struct err *e);

/* Rows of `kind` in `m` whose grid cell meets the box (microdegrees,
 * inclusive); callers filter exactly.  Appends to *rows (grown with
 * xgrow; caller frees with xfree).  0 or ERR_NOMEM. */
int readmodel_box_rows(const struct rm_month *m, int kind, int32_t lat_lo, int32_t lat_hi,
		       int32_t lng_lo, int32_t lng_hi, uint32_t **rows, size_t *n,
		       size_t *cap);

/* The street row whose crime id is `id` (32 bytes), as an RM_REF, or 0. */
uint64_t readmodel_crime_find(const struct readmodel *rm, const uint8_t id[32]);
/* Outcome rows of crime `id`, as RM_REFs into out (at most max), in month
 * then file order.  Returns how many there are (may exceed max). */
size_t readmodel_crime_outcomes(const struct readmodel *rm, const uint8_t id[32],
				uint64_t *out, size_t max);
/* A row at street point `street_id` (an RM_REF with the pack's kind in
 * *kind), or 0 when no loaded row is there. */
uint64_t readmodel_street_find(const struct readmodel *rm, int32_t street_id, int *kind);

#endif
