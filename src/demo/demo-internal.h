/*
 * demo-internal.h - what the demo generator's stages share: the town model,
 * the random streams, geometry on whole microdegrees and the file helpers.
 *
 * The town is built and written by stages (demo.c holds the table), each a
 * function over one struct demo_town with its own random stream.  A stage
 * may read what earlier stages built and add to the model; stages that
 * write files only read it.  To add a stage (say engagement history):
 * write demo_<name>.c with `int demo_<name>(struct demo_town *,
 * struct demo_rng *, struct err *)`, declare it below, add a row to
 * `stages[]` in demo.c, and free what it allocates in demo_town_release().
 *
 * Coordinates are int32 microdegrees (51.515381 -> 51515381) everywhere, so
 * what is written with "%.6f" is exactly what was tested: point-in-polygon
 * and areas are computed in integers and agree with the files.
 */
#ifndef ENGAGE_DEMO_INTERNAL_H
#define ENGAGE_DEMO_INTERNAL_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "demo/demo.h"

#define DEMO_FORCE_ID "glanmor"
#define DEMO_FORCE_NAME "Glanmor Police"
#define DEMO_TOWN "Porthmawr"
#define DEMO_DOMAIN "glanmor.police.example"
#define DEMO_MAX_NBHD 8

/* ---- random streams (demo_rng.c) ------------------------------------- */

/* xoshiro256**, seeded through splitmix64 from (seed, stream name). */
struct demo_rng {
	uint64_t s[4];
};

void demo_rng_init(struct demo_rng *r, uint64_t seed, const char *stream);
uint64_t demo_rng_next(struct demo_rng *r);
double demo_rng_unit(struct demo_rng *r);		/* [0, 1) */
int demo_rng_below(struct demo_rng *r, int n);		/* 0 .. n-1, n > 0 */
double demo_rng_range(struct demo_rng *r, double lo, double hi);
int demo_rng_chance(struct demo_rng *r, double p);
/* About N(0, 1) from twelve uniforms: plain arithmetic, so the same bits on
 * every IEEE machine (no libm in any decision). */
double demo_rng_normal(struct demo_rng *r);
/* A count with mean `mean` (normal approximation, never negative). */
int demo_rng_count(struct demo_rng *r, double mean);
/* Index drawn with probability w[i] / sum(w); n > 0, sum > 0. */
int demo_rng_weighted(struct demo_rng *r, const double *w, int n);
/* Index into a cumulative weight table cum[0..n-1] (non-decreasing). */
int demo_rng_cumulative(struct demo_rng *r, const double *cum, int n);
/* 64 lower-case hex digits (a police.uk Crime ID). */
void demo_rng_hex64(struct demo_rng *r, char out[65]);
/* Split `total` into n parts in proportion to w (largest remainder). */
void demo_split(int total, const double *w, int n, int *out);

/* ---- geometry (demo_geo.c) -------------------------------------------- */

struct demo_pt {
	int32_t lon, lat;	/* microdegrees */
};

/* An open ring: the closing point is not repeated.  Counter-clockwise. */
struct demo_ring {
	struct demo_pt *pts;
	int n;
};

int demo_ring_contains(const struct demo_ring *g, struct demo_pt p);
/* Twice the signed area in square microdegrees (> 0 counter-clockwise). */
int64_t demo_ring_area2(const struct demo_ring *g);
struct demo_pt demo_pt_from_m(double x, double y);	/* metres from the centre */
void demo_pt_to_m(struct demo_pt p, double *x, double *y);
double demo_dist_m(struct demo_pt a, struct demo_pt b);

/* ---- the town model ---------------------------------------------------- */

/* What kind of place an LSOA is; drives census and crime. */
enum demo_area {
	AREA_CENTRE, AREA_STUDENT, AREA_OLDER, AREA_FAMILY, AREA_SUBURB,
	AREA_DIVERSE, AREA_RETAIL, AREA_COUNT
};

/* What a neighbourhood is known for. */
enum demo_theme {
	THEME_CENTRE, THEME_HARBOUR, THEME_SEAFRONT, THEME_MORFA,
	THEME_ESTATE, THEME_STUDENT, THEME_RETAIL, THEME_SUBURB, THEME_COUNT
};

/* Hot spots crimes gather round. */
enum demo_hot {
	HOT_NTE, HOT_RETAIL, HOT_ESTATE, HOT_CAMPUS, HOT_HARBOUR, HOT_COUNT
};

#define DEMO_AGE_BANDS 5
#define DEMO_ETHNIC 5	/* asian, black, mixed, white, other (Nomis order) */

struct demo_census {
	int persons;
	int male[DEMO_AGE_BANDS], female[DEMO_AGE_BANDS];
	int ethnic[DEMO_ETHNIC];
	int households;
};

struct demo_lsoa {
	char code[16];		/* W01090001 */
	char name[40];		/* Porthmawr 001A */
	int msoa;		/* 1-based MSOA-like number */
	int nbhd;
	int col, row;		/* grid cell */
	int area;		/* enum demo_area */
	int *vid;		/* ring as vertex ids (shared with neighbours) */
	struct demo_ring ring;
	struct demo_pt lo, hi;	/* bounding box */
	struct demo_census census;
};

struct demo_nbhd {
	char id[8];		/* GM01 */
	const char *name;
	const char *desc;
	int theme;
	int col0, col1, row0, row1;	/* block of cells, half-open */
	struct demo_ring ring;		/* union of its LSOAs */
};

struct demo_street {
	char name[64];
};

/* Public places police.uk snaps crimes to ("On or near Supermarket"). */
enum demo_place {
	PLACE_STREET, PLACE_SUPERMARKET, PLACE_PARKING, PLACE_PETROL, PLACE_SPORTS,
	PLACE_NIGHTCLUB, PLACE_SHOPPING, PLACE_EDUCATION, PLACE_BUS, PLACE_HOSPITAL,
	PLACE_THEATRE, PLACE_COUNT
};

/* An anonymous map point: a spot on a street or a public place. */
struct demo_point {
	struct demo_pt p;
	int lsoa;
	int place;		/* 0 street, else a PLACE_* of demo_streets.c */
	char name[64];		/* street or place name, without "On or near " */
};

#define DEMO_CRIME_TYPES 14
#define DEMO_MAX_EVENTS 2

struct demo_crime {
	char id[65];		/* empty for anti-social behaviour */
	int month;
	int type;
	int point;		/* -1: no location */
	int nevents;
	int ev_month[DEMO_MAX_EVENTS];
	int ev_code[DEMO_MAX_EVENTS];
	const char *last;	/* "Last outcome category" ("" for ASB) */
};

/* A community group or place a team works with (places.csv), kept for the
 * stages after the people stage (engagement history meets there). */
struct demo_venue {
	int nbhd;
	const char *kind, *type, *name;	/* static strings of demo_people.c */
	int point;			/* the map point it stands on */
	char address[160];
};

/* A neighbourhood team member (teams.csv). */
struct demo_officer {
	int nbhd;
	const char *rank;		/* "Sergeant", "Police Constable", "PCSO" */
	char name[80];
};

struct demo_town {
	struct demo_options opt;
	struct demo_summary *sum;
	int first_month;

	int cols, rows;
	struct demo_pt *verts;
	int nverts, averts;
	struct demo_lsoa *lsoas;
	int nlsoa;
	int nmsoa;
	int *cell_lsoa;		/* cols*rows, row-major from the south-west */
	struct demo_nbhd nbhds[DEMO_MAX_NBHD];
	int nnbhd;
	struct demo_ring outline;	/* the whole town */
	struct demo_pt hot[HOT_COUNT];

	struct demo_street *streets;
	int nstreets;
	struct demo_point *points;
	int npoints, apoints;
	double *cum[DEMO_CRIME_TYPES];	/* cumulative crime weight per point */

	struct demo_crime *crimes;
	int ncrimes;

	struct demo_venue *venues;	/* filled by the people stage */
	int nvenues;
	struct demo_officer *officers;
	int nofficers;
};

/* Which LSOA holds p, or -1 outside the town. */
int demo_lsoa_at(const struct demo_town *t, struct demo_pt p);
/* A random point strictly inside LSOA i. */
struct demo_pt demo_random_in_lsoa(const struct demo_town *t, struct demo_rng *r, int i);
/* Trace the outer boundary of a set of LSOAs (flags[i] != 0) into a
 * counter-clockwise ring; the caller frees ring->pts. */
int demo_trace(const struct demo_town *t, const unsigned char *flags,
	       struct demo_ring *ring, struct err *e);
/* A random map point in neighbourhood n (street points only), or -1. */
int demo_point_in_nbhd(const struct demo_town *t, struct demo_rng *r, int n);

extern const char *const demo_crime_type_names[DEMO_CRIME_TYPES];
enum { CT_ASB = 0, CT_BICYCLE, CT_BURGLARY, CT_DAMAGE, CT_DRUGS, CT_OTHER_THEFT,
	CT_WEAPONS, CT_PUBLIC_ORDER, CT_ROBBERY, CT_SHOPLIFTING, CT_THEFT_PERSON,
	CT_VEHICLE, CT_VIOLENCE, CT_OTHER };

/* ---- stages ------------------------------------------------------------ */

int demo_geo_build(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_streets_build(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_census_build(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_crime_build(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_boundaries_write(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_census_write(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_crime_write(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_stops_write(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_people_write(struct demo_town *t, struct demo_rng *r, struct err *e);
int demo_engagement_write(struct demo_town *t, struct demo_rng *r, struct err *e);

/* ---- files (demo.c) ------------------------------------------------------ */

/* Write sb to DIR/rel, creating parent directories; counts the file. */
int demo_write_file(struct demo_town *t, const char *rel, const struct strbuf *sb,
		    struct err *e);
/* One CSV field, quoted only when it holds a comma, quote or line break. */
void demo_csv_field(struct strbuf *sb, const char *s);
/* A microdegree value as "%.6f" text, exactly. */
void demo_csv_coord(struct strbuf *sb, int32_t micro);
void demo_month_text(int month, char buf[8]);

#endif
