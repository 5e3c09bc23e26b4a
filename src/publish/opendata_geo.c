/*
 * opendata_geo.c - neighbourhood boundaries as GeoJSON (RFC 7946).
 *
 * RFC 7946 asks for WGS84 longitude, latitude; no "crs" member; outer rings
 * counter-clockwise and holes clockwise (the right-hand rule); closed rings
 * of at least four positions.  Boundaries come from files of any winding,
 * so each ring is rounded to six decimals (about 0.1 m, the precision
 * police.uk publishes), repeated positions the rounding made are dropped,
 * rings left with no area are dropped (a polygon whose outer ring goes is
 * dropped with its holes), and the ring is reversed when it winds the wrong
 * way.  A neighbourhood with no boundary left has "geometry": null.
 */
#include "publish/opendata-internal.h"

#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct mring {
	int32_t *x, *y;		/* microdegrees, closed */
	size_t n;
};

static void micro_text(int32_t v, char buf[16])
{
	int64_t a = v < 0 ? -(int64_t)v : v;

	snprintf(buf, 16, "%s%lld.%06lld", v < 0 ? "-" : "", (long long)(a / 1000000),
		 (long long)(a % 1000000));
}

/* Twice the signed area in square microdegrees; > 0 is counter-clockwise. */
static double ring_area2(const struct mring *r)
{
	double s = 0;

	for (size_t i = 0; i + 1 < r->n; i++)
		s += (double)r->x[i] * r->y[i + 1] - (double)r->x[i + 1] * r->y[i];
	return s;
}

/* Round a ring to microdegrees, drop repeats, close it.  Returns 0, -1 when
 * nothing with an area is left, or ERR_NOMEM. */
static int ring_round(const struct geo_ring *g, struct mring *r)
{
	r->n = 0;
	r->x = xcalloc(g->n + 1, sizeof(*r->x));
	r->y = xcalloc(g->n + 1, sizeof(*r->y));
	if (!r->x || !r->y)
		return ERR_NOMEM;
	for (size_t i = 0; i < g->n; i++) {
		int32_t x = (int32_t)lround(g->pts[i].x * 1e6), y = (int32_t)lround(g->pts[i].y * 1e6);

		if (r->n && r->x[r->n - 1] == x && r->y[r->n - 1] == y)
			continue;
		r->x[r->n] = x;
		r->y[r->n++] = y;
	}
	if (r->n && (r->x[0] != r->x[r->n - 1] || r->y[0] != r->y[r->n - 1])) {
		r->x[r->n] = r->x[0];
		r->y[r->n++] = r->y[0];
	}
	return r->n >= 4 && ring_area2(r) != 0 ? 0 : -1;
}

static void ring_free(struct mring *r)
{
	xfree(r->x);
	xfree(r->y);
	r->x = r->y = NULL;
}

static void ring_write(struct json_writer *jw, struct mring *r, int ccw)
{
	int reverse = (ring_area2(r) > 0) != ccw;
	char x[16], y[16], pos[40];

	json_array_begin(jw);
	for (size_t k = 0; k < r->n; k++) {
		size_t i = reverse ? r->n - 1 - k : k;

		micro_text(r->x[i], x);
		micro_text(r->y[i], y);
		snprintf(pos, sizeof(pos), "[%s,%s]", x, y);
		json_raw(jw, pos, strlen(pos));
	}
	json_array_end(jw);
}

/* The polygon's rings, or nothing when its outer ring has no area. */
static int polygon_write(struct json_writer *jw, const struct geo_polygon *pg, int *wrote)
{
	struct mring r = { 0 };
	int rc;

	*wrote = 0;
	rc = ring_round(&pg->rings[0], &r);
	if (rc) {
		ring_free(&r);
		return rc == -1 ? 0 : rc;
	}
	json_array_begin(jw);
	ring_write(jw, &r, 1);
	ring_free(&r);
	for (size_t h = 1; h < pg->nrings; h++) {
		rc = ring_round(&pg->rings[h], &r);
		if (!rc)
			ring_write(jw, &r, 0);
		ring_free(&r);
		if (rc == ERR_NOMEM)
			return rc;
	}
	json_array_end(jw);
	*wrote = 1;
	return 0;
}

/* 1 when some polygon of mp survives rounding. */
static int has_area(const struct geo_multipolygon *mp)
{
	for (size_t i = 0; i < mp->npolys; i++) {
		struct mring r = { 0 };
		int rc;

		if (!mp->polys[i].nrings)
			continue;
		rc = ring_round(&mp->polys[i].rings[0], &r);
		ring_free(&r);
		if (rc == 0)
			return 1;
	}
	return 0;
}

int opendata_boundary_write(struct json_writer *jw, const struct rm_neighbourhood *nb)
{
	int rc = 0, wrote;

	json_key(jw, "geometry");
	if (!nb->has_boundary || !has_area(&nb->boundary)) {
		json_null(jw);
		return 0;
	}
	json_object_begin(jw);
	json_key_str(jw, "type", "MultiPolygon");
	json_key(jw, "coordinates");
	json_array_begin(jw);
	for (size_t i = 0; i < nb->boundary.npolys && !rc; i++)
		if (nb->boundary.polys[i].nrings)
			rc = polygon_write(jw, &nb->boundary.polys[i], &wrote);
	json_array_end(jw);
	json_object_end(jw);
	return rc;
}

static int feature_write(struct json_writer *jw, const struct readmodel *rm, size_t n, int alone)
{
	const struct rm_neighbourhood *nb = &rm->nbhds[n];
	const struct rm_force *force = &rm->forces[nb->force];
	char id[200];
	int rc;

	snprintf(id, sizeof(id), "%s/%s", force->id, nb->id);
	json_object_begin(jw);
	json_key_str(jw, "type", "Feature");
	json_key_str(jw, "id", id);
	if (alone)
		od_licence_members(jw, 1);
	json_key(jw, "properties");
	json_object_begin(jw);
	json_key_str(jw, "force", force->id);
	json_key_str(jw, "force_name", force->name);
	json_key_str(jw, "id", nb->id);
	json_key_str(jw, "name", nb->name);
	json_key_int(jw, "population", nb->population);
	json_key(jw, "lsoas");
	json_array_begin(jw);
	for (size_t i = 0; i < nb->nlsoas; i++)
		json_str(jw, rm->lsoas[nb->lsoas[i]].code);
	json_array_end(jw);
	json_object_end(jw);
	rc = opendata_boundary_write(jw, nb);
	json_object_end(jw);
	return rc;
}

int od_render_geojson(const struct readmodel *rm, struct opendata_set *set)
{
	struct strbuf all = STRBUF_INIT;
	struct json_writer jw;
	struct opendata_file *f;
	int ds, rc = 0;

	ds = od_dataset(set, "neighbourhoods", "Neighbourhood boundaries",
			"Police neighbourhoods with their boundaries, population and member LSOAs, "
			"as GeoJSON (RFC 7946): one file with every neighbourhood and one per "
			"neighbourhood.", 1);
	if (ds < 0)
		return ERR_NOMEM;
	json_init(&jw, &all);
	json_object_begin(&jw);
	json_key_str(&jw, "type", "FeatureCollection");
	od_licence_members(&jw, 1);
	json_key(&jw, "features");
	json_array_begin(&jw);
	for (size_t n = 0; n < rm->nnbhds && !rc; n++)
		rc = feature_write(&jw, rm, n, 0);
	json_array_end(&jw);
	json_object_end(&jw);
	strbuf_addch(&all, '\n');
	if (rc || all.failed ||
	    !(f = od_file(set, ds, OPENDATA_TYPE_GEOJSON, "neighbourhoods.geojson",
			  "All neighbourhoods"))) {
		strbuf_release(&all);
		return rc ? rc : ERR_NOMEM;
	}
	f->body = all;
	for (size_t n = 0; n < rm->nnbhds && !rc; n++) {
		const struct rm_neighbourhood *nb = &rm->nbhds[n];
		char name[128], title[200];

		snprintf(name, sizeof(name), "neighbourhood-%s-%s.geojson", rm->forces[nb->force].id,
			 nb->id);
		snprintf(title, sizeof(title), "%s (%s)", nb->name, rm->forces[nb->force].name);
		if (!(f = od_file(set, ds, OPENDATA_TYPE_GEOJSON, name, title)))
			return ERR_NOMEM;
		json_init(&jw, &f->body);
		rc = feature_write(&jw, rm, n, 1);
		strbuf_addch(&f->body, '\n');
	}
	return rc;
}
