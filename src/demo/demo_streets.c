/*
 * demo_streets.c - the demo town's streets and its anonymous map points.
 *
 * police.uk never publishes where a crime happened, only the nearest of a
 * master list of anonymous points, each over a street ("On or near Heol y
 * Felin") or a public place ("On or near Supermarket").  This stage lays
 * out named streets, Welsh and English, through every LSOA, puts points
 * along them, and adds the public places round the town's hot spots.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "demo/demo-internal.h"

static const char *const place_names[PLACE_COUNT] = {
	"", "Supermarket", "Parking Area", "Petrol Station", "Sports/Recreation Area",
	"Nightclub", "Shopping Area", "Further/Higher Educational Building",
	"Bus/Coach Station", "Hospital", "Theatre/Concert Hall",
};

static const char *const welsh_first[] = {
	"Heol", "Ffordd", "Stryd", "Lôn", "Maes", "Cae", "Rhodfa", "Llys", "Bryn", "Pant",
	"Ffordd", "Heol", "Stryd", "Teras", "Clos",
};
static const char *const welsh_second[] = {
	"y Felin", "yr Orsaf", "y Castell", "y Capel", "Glan", "Newydd", "Hir", "Isaf",
	"Uchaf", "y Môr", "Gwyn", "Derwen", "y Bont", "yr Eglwys", "Glyndŵr", "Tegid",
	"Llywelyn", "y Gerddi", "Dewi", "Hafod", "Morfa", "y Ffynnon", "Afon", "Tywyn",
	"Cilgwyn", "Penrhyn", "Bethel", "Seion", "y Wennol", "Gwenallt", "Rhosyn",
	"yr Ysgol", "Pentre", "Dinas", "y Dderwen", "Caradog", "Aeron", "Ceiriog",
};
static const char *const english_first[] = {
	"Castle", "Chapel", "Mill", "Station", "Harbour", "Church", "Bridge", "Park",
	"Victoria", "Albert", "Marine", "Queen's", "King's", "North", "South", "Market",
	"Water", "Bath", "Hill", "Garden", "Meadow", "Quay", "Cliff", "Sea View",
	"Greenfield", "Princess", "Portland", "Trinity", "Tabernacle", "Union", "Vulcan",
	"Alexandra", "Baker", "Rope Walk", "Custom House", "Lifeboat", "Powell", "Edward",
};
static const char *const english_second[] = {
	"Street", "Road", "Terrace", "Lane", "Avenue", "Close", "Crescent", "Place",
	"Drive", "Way", "Row", "Square", "Parade", "Walk",
};

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int name_taken(const struct demo_town *t, const char *name)
{
	for (int i = 0; i < t->nstreets; i++)
		if (!strcmp(t->streets[i].name, name))
			return 1;
	return 0;
}

static void new_street(struct demo_town *t, struct demo_rng *r, const char *fixed)
{
	struct demo_street *s = &t->streets[t->nstreets];

	if (fixed) {
		snprintf(s->name, sizeof(s->name), "%s", fixed);
	} else {
		do {
			if (demo_rng_chance(r, 0.45))
				snprintf(s->name, sizeof(s->name), "%s %s",
					 welsh_first[demo_rng_below(r, NELEM(welsh_first))],
					 welsh_second[demo_rng_below(r, NELEM(welsh_second))]);
			else
				snprintf(s->name, sizeof(s->name), "%s %s",
					 english_first[demo_rng_below(r, NELEM(english_first))],
					 english_second[demo_rng_below(r, NELEM(english_second))]);
		} while (name_taken(t, s->name));
	}
	t->nstreets++;
}

static int add_point(struct demo_town *t, struct demo_pt p, int place, const char *name)
{
	struct demo_point *q;
	int l = demo_lsoa_at(t, p);

	if (l < 0)
		return 0;	/* off the edge of town: no point */
	if (t->npoints == t->apoints) {
		int na = t->apoints ? 2 * t->apoints : 1024;
		struct demo_point *np = xreallocarray(t->points, (size_t)na, sizeof(*np));

		if (!np)
			return -1;
		t->points = np;
		t->apoints = na;
	}
	q = &t->points[t->npoints++];
	memset(q, 0, sizeof(*q));
	q->p = p;
	q->lsoa = l;
	q->place = place;
	snprintf(q->name, sizeof(q->name), "%s", name);
	return 0;
}

/* Lay a street from `start` in a random direction, points every 60-95 m. */
static int lay_street(struct demo_town *t, struct demo_rng *r, struct demo_pt start,
		      double len)
{
	double x0, y0, dx, dy, norm, step = demo_rng_range(r, 60, 95);
	const char *name = t->streets[t->nstreets - 1].name;

	do {
		dx = demo_rng_range(r, -1, 1);
		dy = demo_rng_range(r, -1, 1);
		norm = sqrt(dx * dx + dy * dy);
	} while (norm < 0.3 || norm > 1);
	dx /= norm;
	dy /= norm;
	demo_pt_to_m(start, &x0, &y0);
	x0 -= dx * len / 2;
	y0 -= dy * len / 2;
	for (double s = 0; s <= len; s += step) {
		double wob = demo_rng_range(r, -4, 4);

		if (add_point(t, demo_pt_from_m(x0 + dx * s - dy * wob, y0 + dy * s + dx * wob),
			      PLACE_STREET, name) < 0)
			return -1;
	}
	return 0;
}

static const struct {
	int place, hot, count;
	double radius;
} place_plan[] = {
	{ PLACE_NIGHTCLUB, HOT_NTE, 2, 120 }, { PLACE_SHOPPING, HOT_NTE, 1, 150 },
	{ PLACE_SUPERMARKET, HOT_NTE, 1, 300 }, { PLACE_THEATRE, HOT_NTE, 1, 250 },
	{ PLACE_BUS, HOT_NTE, 1, 300 }, { PLACE_PARKING, HOT_NTE, 2, 350 },
	{ PLACE_SUPERMARKET, HOT_RETAIL, 2, 150 }, { PLACE_SHOPPING, HOT_RETAIL, 2, 120 },
	{ PLACE_PARKING, HOT_RETAIL, 2, 150 }, { PLACE_PETROL, HOT_RETAIL, 1, 300 },
	{ PLACE_SPORTS, HOT_ESTATE, 1, 300 }, { PLACE_SUPERMARKET, HOT_ESTATE, 1, 300 },
	{ PLACE_EDUCATION, HOT_CAMPUS, 2, 200 }, { PLACE_SPORTS, HOT_CAMPUS, 1, 300 },
	{ PLACE_PARKING, HOT_CAMPUS, 1, 300 }, { PLACE_HOSPITAL, HOT_CAMPUS, 1, 900 },
	{ PLACE_PARKING, HOT_HARBOUR, 1, 250 }, { PLACE_PETROL, HOT_HARBOUR, 1, 900 },
	{ PLACE_SPORTS, HOT_HARBOUR, 1, 800 },
};

int demo_streets_build(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	int cap = t->nlsoa * 5 + 8;

	t->streets = xcalloc((size_t)cap, sizeof(*t->streets));
	if (!t->streets)
		goto nomem;
	/* The high street runs through the night-time economy. */
	new_street(t, r, "Stryd Fawr");
	if (lay_street(t, r, t->hot[HOT_NTE], 600) < 0)
		goto nomem;
	new_street(t, r, "Harbour Road");
	if (lay_street(t, r, t->hot[HOT_HARBOUR], 500) < 0)
		goto nomem;
	for (int i = 0; i < t->nlsoa; i++) {
		int n = 3 + demo_rng_below(r, 2);

		for (int k = 0; k < n && t->nstreets < cap; k++) {
			new_street(t, r, NULL);
			if (lay_street(t, r, demo_random_in_lsoa(t, r, i), demo_rng_range(r, 180, 450)) < 0)
				goto nomem;
		}
		/* a point inside every LSOA, whatever the streets did */
		new_street(t, r, NULL);
		if (add_point(t, demo_random_in_lsoa(t, r, i), PLACE_STREET,
			      t->streets[t->nstreets - 1].name) < 0)
			goto nomem;
	}
	for (int k = 0; k < NELEM(place_plan); k++)
		for (int c = 0; c < place_plan[k].count; c++) {
			double x, y, rad = place_plan[k].radius;

			demo_pt_to_m(t->hot[place_plan[k].hot], &x, &y);
			for (int tries = 0; tries < 50; tries++) {
				struct demo_pt p = demo_pt_from_m(x + demo_rng_range(r, -rad, rad),
								  y + demo_rng_range(r, -rad, rad));
				int before = t->npoints;

				if (add_point(t, p, place_plan[k].place, place_names[place_plan[k].place]) < 0)
					goto nomem;
				if (t->npoints > before)
					break;
			}
		}
	t->sum->streets = t->nstreets;
	t->sum->map_points = t->npoints;
	return 0;
nomem:
	return err_set(e, ERR_NOMEM, "demo: out of memory laying out streets");
}
