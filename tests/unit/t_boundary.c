/*
 * t_boundary.c - boundary files through GDAL: a City of London shapefile in
 * British National Grid and the same polygons as GeoJSON, GeoPackage and
 * KML; holes and multipolygons; refusals; and, with shared data, all 4,835
 * London LSOAs, known points, and the grid index against brute force.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "geo/geo.h"
#include "import/boundary.h"
#include "test.h"

struct coll {
	long n;
	char codes[8][32];
	char names[8][64];
	struct geo_multipolygon *mp;	/* kept geometries */
	size_t cap;
	char **code;	/* kept codes, parallel to mp */
	struct geo_bbox all;
	long bad_code;
};

static int keep(void *ctx, struct boundary_feature *f, struct err *e)
{
	struct coll *c = ctx;

	if (c->n < 8) {
		snprintf(c->codes[c->n], sizeof(c->codes[0]), "%s", f->code);
		snprintf(c->names[c->n], sizeof(c->names[0]), "%s", f->name);
	}
	if (strncmp(f->code, "E01", 3))
		c->bad_code++;
	if (c->n == 0)
		c->all = f->geom.bbox;
	if (f->geom.bbox.minx < c->all.minx) c->all.minx = f->geom.bbox.minx;
	if (f->geom.bbox.miny < c->all.miny) c->all.miny = f->geom.bbox.miny;
	if (f->geom.bbox.maxx > c->all.maxx) c->all.maxx = f->geom.bbox.maxx;
	if (f->geom.bbox.maxy > c->all.maxy) c->all.maxy = f->geom.bbox.maxy;
	if ((size_t)c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->mp = xreallocarray(c->mp, c->cap, sizeof(*c->mp));
		c->code = xreallocarray(c->code, c->cap, sizeof(*c->code));
	}
	c->mp[c->n] = f->geom;	/* take the geometry */
	memset(&f->geom, 0, sizeof(f->geom));
	c->code[c->n] = xstrdup(f->code);
	c->n++;
	return 0;
}

static void coll_release(struct coll *c)
{
	long i;

	for (i = 0; i < c->n; i++) {
		geo_multipolygon_release(&c->mp[i]);
		xfree(c->code[i]);
	}
	xfree(c->mp);
	xfree(c->code);
}

static long find_code(const struct coll *c, const char *code)
{
	long i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->code[i], code))
			return i;
	return -1;
}

TEST(boundary_shapefile_in_bng_comes_out_wgs84)
{
	struct coll c = { 0 }, g = { 0 };
	struct err e = ERR_INIT;
	long i;

	CHECK_INT(boundary_read(test_data("city-lsoa21.shp"), NULL, keep, &c, &e), 6);
	CHECK_STR(e.msg, "");
	CHECK_INT(c.bad_code, 0);
	CHECK_STR(c.codes[0], "E01000003");
	CHECK_STR(c.names[0], "City of London 001C");
	/* the City of London, in degrees with x = longitude */
	CHECK(c.all.minx > -0.12 && c.all.maxx < -0.07);
	CHECK(c.all.miny > 51.50 && c.all.maxy < 51.53);
	/* the GeoJSON made from it by ogr2ogr (fields code/name) agrees */
	CHECK_INT(boundary_read(test_data("city-lsoa21.geojson"), NULL, keep, &g, &e), 6);
	for (i = 0; i < 6 && i < g.n && i < c.n; i++) {
		const struct geo_point *a = &c.mp[i].polys[0].rings[0].pts[0];
		const struct geo_point *b = &g.mp[i].polys[0].rings[0].pts[0];

		CHECK_STR(g.code[i], c.code[i]);
		CHECK(fabs(a->x - b->x) < 1e-6 && fabs(a->y - b->y) < 1e-6);
		CHECK(fabs(geo_area_m2(&c.mp[i]) - geo_area_m2(&g.mp[i])) < 1.0);
	}
	/* areas agree with the planar areas in British National Grid (ogrinfo
	 * OGR_GEOM_AREA) to within 1% */
	{
		static const double bng_m2[] = { 59054.2, 189577.7, 129865.3, 228419.8,
						 689386.0, 1854117.3 };

		for (i = 0; i < c.n && i < 6; i++) {
			double a = geo_area_m2(&c.mp[i]);

			if (fabs(a - bng_m2[i]) > bng_m2[i] * 0.01)
				test_fail(__FILE__, __LINE__, "%s: area %.0f m2, want %.0f",
					  c.code[i], a, bng_m2[i]);
		}
	}
	coll_release(&c);
	coll_release(&g);
}

TEST(boundary_geopackage_and_kml)
{
	struct coll c = { 0 };
	struct err e = ERR_INIT;
	struct boundary_options o = { "lsoa21nm", NULL, "city" };

	CHECK_INT(boundary_read(test_data("city-lsoa21.gpkg"), NULL, keep, &c, &e), 6);
	CHECK_STR(e.msg, "");
	CHECK_STR(c.codes[0], "E01000003");
	CHECK(c.all.minx > -0.12 && c.all.maxx < -0.07);
	coll_release(&c);

	/* a named code field and layer */
	memset(&c, 0, sizeof(c));
	CHECK_INT(boundary_read(test_data("city-lsoa21.gpkg"), &o, keep, &c, &e), 6);
	CHECK_STR(c.codes[0], "City of London 001C");
	coll_release(&c);
	memset(&c, 0, sizeof(c));
	o.layer = "nope";
	CHECK_INT(boundary_read(test_data("city-lsoa21.gpkg"), &o, keep, &c, &e), ERR_NOTFOUND);
	CHECK_STR(e.msg, "city-lsoa21.gpkg: no layer \"nope\"");
	o.layer = NULL;
	o.code_field = "WD18CD";
	CHECK_INT(boundary_read(test_data("city-lsoa21.gpkg"), &o, keep, &c, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "has no field \"WD18CD\" for the code");
	coll_release(&c);

	/* KML: only a Name, which serves as the code */
	memset(&c, 0, sizeof(c));
	CHECK_INT(boundary_read(test_data("city-lsoa21.kml"), NULL, keep, &c, &e), 6);
	CHECK_STR(e.msg, "");
	CHECK_STR(c.codes[0], "City of London 001C");
	CHECK_STR(c.names[0], "City of London 001C");
	CHECK(c.all.miny > 51.50 && c.all.maxy < 51.53);
	coll_release(&c);
}

TEST(boundary_holes_and_multipolygons)
{
	struct coll c = { 0 };
	struct err e = ERR_INIT;
	struct geo_point in = { 0.5, 0.5 }, hole = { 2, 2 }, second = { 20.5, 20.5 };

	CHECK_INT(boundary_read(test_data("boundary-hole.geojson"), NULL, keep, &c, &e), 2);
	if (c.n == 2) {
		CHECK_INT(c.mp[0].npolys, 1);
		CHECK_INT(c.mp[0].polys[0].nrings, 2);
		CHECK(geo_contains(&c.mp[0], in));
		CHECK(!geo_contains(&c.mp[0], hole));
		CHECK(fabs(geo_area_deg2(&c.mp[0]) - 12) < 1e-12);
		CHECK_INT(c.mp[1].npolys, 2);
		CHECK(geo_contains(&c.mp[1], second));
	}
	coll_release(&c);
}

TEST(boundary_refusals_name_file_and_feature)
{
	struct {
		const char *file, *msg;
	} bad[] = {
		{ "boundary-points.geojson",
		  "boundary-points.geojson: feature 1 (code \"E01999993\"): geometry is a Point, expected a polygon or multipolygon" },
		{ "boundary-empty.geojson", "boundary-empty.geojson: no features: expected polygons" },
		{ "boundary-garbage.geojson", "boundary-garbage.geojson: cannot read boundaries: " },
		{ "no-such-file.shp", "no-such-file.shp: cannot read boundaries: " },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct coll c = { 0 };
		struct err e = ERR_INIT;

		CHECK(boundary_read(test_data(bad[i].file), NULL, keep, &c, &e) < 0);
		CHECK_CONTAINS(e.msg, bad[i].msg);
		coll_release(&c);
	}
}

static int refuse(void *ctx, struct boundary_feature *f, struct err *e)
{
	return f->index == 2 ? err_set(e, ERR_CONFLICT, "duplicate code") : 0;
}

TEST(boundary_callback_refusal)
{
	struct err e = ERR_INIT;

	CHECK_INT(boundary_read(test_data("city-lsoa21.shp"), NULL, refuse, NULL, &e), ERR_CONFLICT);
	CHECK_CONTAINS(e.msg, "city-lsoa21.shp: feature 2 (code \"E01");
	CHECK_CONTAINS(e.msg, "): duplicate code");
}

TEST(boundary_real_london_lsoas_and_index)
{
	const char *root = test_shared_data();
	char path[1024];
	struct coll c = { 0 };
	struct err e = ERR_INIT;
	struct geo_index *ix;
	struct {
		double lng, lat;
		const char *code;
	} known[] = {
		/* street-sample.csv rows: police.uk's own LSOA for the point */
		{ -0.097601, 51.520699, "E01000001" },	/* Carthusian Street */
		{ -0.112422, 51.515381, "E01000914" },	/* Star Yard, Camden 028B */
		{ -0.093057, 51.520085, "E01000002" },
		{ -0.1278, 51.5080, NULL },	/* Trafalgar Square: somewhere */
	};
	size_t i;
	long j, mismatch = 0, found = 0;

	if (!root) {
		test_skip("no shared data (../shared/data)");
		return;
	}
	snprintf(path, sizeof(path), "%s/boundaries/london/london-2011-lsoa-gen20.shp", root);
	CHECK_INT(boundary_read(path, NULL, keep, &c, &e), 4835);
	CHECK_STR(e.msg, "");
	CHECK_INT(c.bad_code, 0);
	CHECK(c.all.minx > -0.52 && c.all.minx < -0.48);
	CHECK(c.all.maxx > 0.3 && c.all.maxx < 0.35);
	CHECK(c.all.miny > 51.28 && c.all.miny < 51.3);
	CHECK(c.all.maxy > 51.68 && c.all.maxy < 51.7);

	ix = geo_index_build(c.mp, (size_t)c.n);
	CHECK(ix != NULL);
	for (i = 0; ix && i < sizeof(known) / sizeof(known[0]); i++) {
		struct geo_point p = { known[i].lng, known[i].lat };
		long at = geo_index_locate(ix, p);

		if (known[i].code) {
			CHECK(at >= 0);
			if (at >= 0 && strcmp(c.code[at], known[i].code))
				test_fail(__FILE__, __LINE__, "(%f, %f) is in %s, want %s", p.x, p.y,
					  c.code[at], known[i].code);
			CHECK_INT(at, find_code(&c, known[i].code));
		} else {
			CHECK(at >= 0);
		}
	}
	/* the index agrees with brute force on random points over London */
	srand(2019);
	for (j = 0; ix && j < 3000; j++) {
		struct geo_point p;
		long want = -1, got, k;

		p.x = c.all.minx + (c.all.maxx - c.all.minx) * (rand() / (double)RAND_MAX);
		p.y = c.all.miny + (c.all.maxy - c.all.miny) * (rand() / (double)RAND_MAX);
		for (k = 0; k < c.n; k++)
			if (geo_contains(&c.mp[k], p)) {
				want = k;
				break;
			}
		got = geo_index_locate(ix, p);
		mismatch += got != want;
		found += got >= 0;
	}
	CHECK_INT(mismatch, 0);
	/* London fills about 60% of its bounding box */
	CHECK(found > 1200 && found < 2400);
	/* points on the shared vertices of real LSOAs land in exactly one */
	for (j = 0; ix && j < 200; j++) {
		const struct geo_ring *r = &c.mp[j * 20].polys[0].rings[0];
		const struct geo_point p = r->pts[r->n / 2];
		long k, hits = 0;

		for (k = 0; k < c.n; k++)
			hits += geo_contains(&c.mp[k], p);
		if (hits > 1)
			test_fail(__FILE__, __LINE__, "vertex (%.9f, %.9f) is in %ld LSOAs", p.x, p.y, hits);
	}
	geo_index_free(ix);
	coll_release(&c);
}

static int count_only(void *ctx, struct boundary_feature *f, struct err *e)
{
	(*(long *)ctx)++;
	return 0;
}

/* Every allocation of ours failing in turn (GDAL's own are not counted). */
TEST(boundary_allocation_failures)
{
	long n, rc = 0;
	int nomem = 0;

	for (n = 1; n < 30; n++) {
		struct err e = ERR_INIT;
		long seen = 0;

		xalloc_fail_at((unsigned long)n);
		rc = boundary_read(test_data("boundary-hole.geojson"), NULL, count_only, &seen, &e);
		xalloc_fail_at(0);
		if (rc == ERR_NOMEM) {
			nomem++;
			CHECK_CONTAINS(e.msg, "out of memory");
		} else if (rc != 2) {
			test_fail(__FILE__, __LINE__, "failing allocation %ld: rc %ld: %s", n, rc, e.msg);
			break;
		}
	}
	CHECK(nomem >= 3);
	CHECK_INT(rc, 2);
}

/* --- files bigger than GDAL's sampled first pass ---------------------------- */

struct late {
	long n;
	char name_at_2750[64];
	struct geo_bbox all;
};

static int note_late(void *ctx, struct boundary_feature *f, struct err *e)
{
	struct late *l = ctx;

	(void)e;
	if (l->n == 2750)
		snprintf(l->name_at_2750, sizeof(l->name_at_2750), "%s", f->name);
	if (l->n == 0 || f->geom.bbox.minx < l->all.minx)
		l->all.minx = f->geom.bbox.minx;
	if (l->n == 0 || f->geom.bbox.maxy > l->all.maxy)
		l->all.maxy = f->geom.bbox.maxy;
	l->n++;
	return 0;
}

/* 3,000 unit squares from (x0, y0) on, each 2 units apart; names only from
 * the 2,500th on (GDAL samples the first 1,000); `crs_last`: a British National Grid "crs" member after
 * the features, where the first pass must read to the end to find it. */
static void write_late_file(const char *path, double x0, double y0, double unit, int crs_last)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return;
	fputs("{\"type\":\"FeatureCollection\",\"features\":[\n", fp);
	for (int i = 0; i < 3000; i++) {
		double x = x0 + unit * 2 * (i % 40), y = y0 + unit * 2 * (i / 40);

		fprintf(fp, "%s{\"type\":\"Feature\",\"properties\":{\"LSOA21CD\":\"E01%06d\"", i ? "," : "",
			i);
		if (i >= 2500)
			fprintf(fp, ",\"LSOA21NM\":\"Late %d\"", i);
		fprintf(fp, "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],"
			    "[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}\n",
			x, y, x + unit, y, x + unit, y + unit, x, y + unit, x, y);
	}
	fputs("]", fp);
	if (crs_last)
		fputs(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}}",
		      fp);
	fputs("}\n", fp);
	fclose(fp);
}

/* GDAL learns a GeoJSON file's fields from its first features only; a
 * field that first appears later, or a "crs" after the features, must
 * still be read as if the whole file had been looked at. */
TEST(boundary_fields_and_crs_past_the_first_features)
{
	char path[600];
	struct err e = ERR_INIT;
	struct late l = { 0 };

	snprintf(path, sizeof(path), "%s/late-names.geojson", test_tmpdir());
	write_late_file(path, -0.5, 51.0, 0.001, 0);
	CHECK_INT(boundary_read(path, NULL, note_late, &l, &e), 3000);
	CHECK_STR(e.msg, "");
	CHECK_STR(l.name_at_2750, "Late 2750");

	memset(&l, 0, sizeof(l));
	snprintf(path, sizeof(path), "%s/late-crs.geojson", test_tmpdir());
	write_late_file(path, 530000, 180000, 10, 1);	/* metres east and north */
	CHECK_INT(boundary_read(path, NULL, note_late, &l, &e), 3000);
	CHECK_STR(e.msg, "");
	/* 530000 E, 180000 N is in central London */
	CHECK(l.all.minx > -0.15 && l.all.minx < -0.10);
	CHECK(l.all.maxy > 51.50 && l.all.maxy < 51.52);
}
