/*
 * t_geo.c - point-in-polygon (edges, vertices, holes, multipolygons),
 * areas, centroid, WKB round trip and refusal, and the grid index against
 * brute force.  The real-LSOA comparison lives in t_boundary.c, which has
 * the reader.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "geo/geo.h"
#include "test.h"

/* A ring from a flat list of x,y pairs (not closed: finish closes it). */
static void ring_set(struct geo_ring *r, const double *xy, size_t npts)
{
	size_t i;

	r->pts = xmalloc(npts * sizeof(*r->pts));
	r->n = npts;
	for (i = 0; i < npts; i++) {
		r->pts[i].x = xy[2 * i];
		r->pts[i].y = xy[2 * i + 1];
	}
}

/* A multipolygon of axis-aligned squares; a square with hole > 0 gets a
 * centred square hole of that half-width. */
static void squares(struct geo_multipolygon *mp, const double *xyside, size_t n, double hole)
{
	size_t i;

	memset(mp, 0, sizeof(*mp));
	mp->polys = xcalloc(n, sizeof(*mp->polys));
	mp->npolys = n;
	for (i = 0; i < n; i++) {
		double x = xyside[3 * i], y = xyside[3 * i + 1], s = xyside[3 * i + 2];
		double outer[] = { x, y, x + s, y, x + s, y + s, x, y + s };
		struct geo_polygon *p = &mp->polys[i];

		p->nrings = hole > 0 ? 2 : 1;
		p->rings = xcalloc(p->nrings, sizeof(*p->rings));
		ring_set(&p->rings[0], outer, 4);
		if (hole > 0) {
			double cx = x + s / 2, cy = y + s / 2;
			/* clockwise, as holes usually are */
			double in[] = { cx - hole, cy - hole, cx - hole, cy + hole,
					cx + hole, cy + hole, cx + hole, cy - hole };

			ring_set(&p->rings[1], in, 4);
		}
	}
	geo_multipolygon_finish(mp);
}

static struct geo_point pt(double x, double y)
{
	struct geo_point p = { x, y };

	return p;
}

TEST(geo_square_inside_outside)
{
	struct geo_multipolygon a;
	double sq[] = { 0, 0, 1 };

	squares(&a, sq, 1, 0);
	CHECK_INT(a.polys[0].rings[0].n, 5);	/* finish closed the ring */
	CHECK(geo_contains(&a, pt(0.5, 0.5)));
	CHECK(!geo_contains(&a, pt(1.5, 0.5)));
	CHECK(!geo_contains(&a, pt(-0.0001, 0.5)));
	/* half-open: left and bottom edges in, right and top edges out */
	CHECK(geo_contains(&a, pt(0, 0.5)));
	CHECK(geo_contains(&a, pt(0.5, 0)));
	CHECK(!geo_contains(&a, pt(1, 0.5)));
	CHECK(!geo_contains(&a, pt(0.5, 1)));
	CHECK(geo_contains(&a, pt(0, 0)));
	CHECK(!geo_contains(&a, pt(1, 1)));
	CHECK(a.bbox.minx == 0 && a.bbox.maxx == 1 && a.bbox.miny == 0 && a.bbox.maxy == 1);
	geo_multipolygon_release(&a);
	CHECK_INT(a.npolys, 0);
	CHECK(a.polys == NULL);
}

TEST(geo_hole_and_multipolygon)
{
	struct geo_multipolygon a;
	double two[] = { 0, 0, 4, 10, 10, 4 };

	squares(&a, two, 2, 1);	/* two 4x4 squares, each with a 2x2 hole */
	CHECK(geo_contains(&a, pt(0.5, 0.5)));
	CHECK(!geo_contains(&a, pt(2, 2)));	/* centre of the hole */
	CHECK(!geo_contains(&a, pt(2.5, 2.5)));
	CHECK(geo_contains(&a, pt(3.5, 3.5)));
	CHECK(geo_contains(&a, pt(10.2, 10.2)));	/* second polygon */
	CHECK(!geo_contains(&a, pt(12.5, 11.5)));	/* its hole */
	CHECK(!geo_contains(&a, pt(7, 7)));	/* between the two */
	/* areas: 16-4 + 16-4 = 24 */
	CHECK(fabs(geo_area_deg2(&a) - 24) < 1e-9);
	geo_multipolygon_release(&a);
}

TEST(geo_shared_edges_and_vertices_counted_once)
{
	/* a 2x2 block of unit squares, each its own multipolygon */
	double q[4][3] = { { 0, 0, 1 }, { 1, 0, 1 }, { 0, 1, 1 }, { 1, 1, 1 } };
	struct geo_multipolygon m[4];
	struct geo_point probes[] = {
		{ 1, 0.5 }, { 1, 1.5 }, { 0.5, 1 }, { 1.5, 1 },	/* shared edges */
		{ 1, 1 },	/* the vertex all four share */
		{ 1, 0 }, { 0, 1 },	/* vertices two share, on the outside */
		{ 1, 0.3333333333333333 }, { 0.1, 1 },
	};
	size_t i, j;

	for (i = 0; i < 4; i++)
		squares(&m[i], q[i], 1, 0);
	for (j = 0; j < sizeof(probes) / sizeof(probes[0]); j++) {
		int hits = 0;

		for (i = 0; i < 4; i++)
			hits += geo_contains(&m[i], probes[j]);
		if (hits != 1)
			test_fail(__FILE__, __LINE__, "point (%g, %g) is in %d squares, want 1",
				  probes[j].x, probes[j].y, hits);
	}
	/* the shared vertex goes to the square whose bottom-left it is */
	CHECK(geo_contains(&m[3], pt(1, 1)));
	/* random points on the slanted shared edge of two triangles */
	{
		struct geo_multipolygon t1 = { 0 }, t2 = { 0 };
		double a[] = { 0, 0, 3, 1, 0, 7 }, b[] = { 3, 1, 5, 8, 0, 7 };

		t1.polys = xcalloc(1, sizeof(*t1.polys));
		t1.npolys = 1;
		t1.polys[0].rings = xcalloc(1, sizeof(struct geo_ring));
		t1.polys[0].nrings = 1;
		ring_set(&t1.polys[0].rings[0], a, 3);
		geo_multipolygon_finish(&t1);
		t2.polys = xcalloc(1, sizeof(*t2.polys));
		t2.npolys = 1;
		t2.polys[0].rings = xcalloc(1, sizeof(struct geo_ring));
		t2.polys[0].nrings = 1;
		ring_set(&t2.polys[0].rings[0], b, 3);
		geo_multipolygon_finish(&t2);
		srand(7);
		for (j = 0; j < 2000; j++) {
			double f = rand() / (double)RAND_MAX;
			struct geo_point p = pt(3 + (0 - 3) * f, 1 + (7 - 1) * f);
			int hits = geo_contains(&t1, p) + geo_contains(&t2, p);

			if (hits != 1) {
				test_fail(__FILE__, __LINE__, "point (%.17g, %.17g) on a shared edge is in %d triangles",
					  p.x, p.y, hits);
				break;
			}
		}
		geo_multipolygon_release(&t1);
		geo_multipolygon_release(&t2);
	}
	for (i = 0; i < 4; i++)
		geo_multipolygon_release(&m[i]);
}

TEST(geo_area_and_centroid)
{
	struct geo_multipolygon a;
	double sq[] = { -0.1, 51.5, 0.01 };	/* about 694 m x 1113 m in London */
	struct geo_point c;
	double m2;

	squares(&a, sq, 1, 0);
	c = geo_centroid(&a);
	CHECK(fabs(c.x - -0.095) < 1e-12);
	CHECK(fabs(c.y - 51.505) < 1e-12);
	m2 = geo_area_m2(&a);
	/* 0.01 deg lat = 1113 m (sphere), 0.01 deg lon at 51.505 = 693 m */
	if (fabs(m2 - 771600) > 8000)
		test_fail(__FILE__, __LINE__, "area %.0f m2, want about 771600", m2);
	geo_multipolygon_release(&a);
}

TEST(geo_wkb_round_trip)
{
	struct geo_multipolygon a, b;
	double two[] = { -0.12, 51.5, 0.01, 0.3, 51.6, 0.02 };
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	size_t i, j, k;

	squares(&a, two, 2, 0.002);
	CHECK_INT(geo_wkb_encode(&a, &sb), 0);
	/* 1+4+4 + 2 * (1+4+4 + 2 * (4 + 5*16)) */
	CHECK_INT(sb.len, 9 + 2 * (9 + 2 * (4 + 5 * 16)));
	CHECK_INT((unsigned char)sb.buf[0], 1);
	CHECK_INT((unsigned char)sb.buf[1], 6);
	CHECK_INT(geo_wkb_decode(sb.buf, sb.len, &b, &e), 0);
	CHECK_INT(b.npolys, 2);
	for (i = 0; i < a.npolys && i < b.npolys; i++) {
		CHECK_INT(b.polys[i].nrings, a.polys[i].nrings);
		for (j = 0; j < a.polys[i].nrings && j < b.polys[i].nrings; j++) {
			CHECK_INT(b.polys[i].rings[j].n, a.polys[i].rings[j].n);
			for (k = 0; k < a.polys[i].rings[j].n && k < b.polys[i].rings[j].n; k++)
				CHECK(!memcmp(&a.polys[i].rings[j].pts[k], &b.polys[i].rings[j].pts[k],
					      sizeof(struct geo_point)));
		}
	}
	CHECK(!memcmp(&a.bbox, &b.bbox, sizeof(a.bbox)));
	geo_multipolygon_release(&b);

	/* every truncation is refused with a message, never a crash */
	for (i = 0; i < sb.len; i++) {
		err_clear(&e);
		if (geo_wkb_decode(sb.buf, i, &b, &e) != ERR_INVALID) {
			test_fail(__FILE__, __LINE__, "truncated to %zu bytes was accepted", i);
			break;
		}
		CHECK(b.npolys == 0 && b.polys == NULL);
	}
	CHECK_CONTAINS(e.msg, "wkb: truncated");
	/* trailing garbage */
	strbuf_addch(&sb, 0);
	CHECK_INT(geo_wkb_decode(sb.buf, sb.len, &b, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "stray");
	geo_multipolygon_release(&a);
	strbuf_release(&sb);
}

TEST(geo_wkb_big_endian_polygon_and_garbage)
{
	/* a big-endian Polygon (type 3): the unit square */
	unsigned char w[1 + 4 + 4 + 4 + 5 * 16];
	double xy[] = { 0, 0, 1, 0, 1, 1, 0, 1, 0, 0 };
	size_t off = 0, i;
	struct geo_multipolygon m;
	struct err e = ERR_INIT;

	w[off++] = 0;
	memcpy(w + off, "\0\0\0\3", 4); off += 4;
	memcpy(w + off, "\0\0\0\1", 4); off += 4;
	memcpy(w + off, "\0\0\0\5", 4); off += 4;
	for (i = 0; i < 10; i++) {
		uint64_t v;
		int k;

		memcpy(&v, &xy[i], 8);
		for (k = 0; k < 8; k++)
			w[off++] = (unsigned char)(v >> (8 * (7 - k)));
	}
	CHECK_INT(geo_wkb_decode(w, off, &m, &e), 0);
	CHECK_INT(m.npolys, 1);
	CHECK(geo_contains(&m, pt(0.5, 0.5)));
	CHECK(fabs(geo_area_deg2(&m) - 1) < 1e-12);
	geo_multipolygon_release(&m);

	w[0] = 7;
	CHECK_INT(geo_wkb_decode(w, off, &m, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "byte order");
	w[0] = 0;
	w[4] = 1;	/* type 1: a point */
	CHECK_INT(geo_wkb_decode(w, off, &m, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "geometry type 1");
	w[4] = 3;
	memcpy(w + 5, "\x7f\xff\xff\xff", 4);	/* absurd ring count */
	CHECK_INT(geo_wkb_decode(w, off, &m, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "rings cannot fit");
}

TEST(geo_index_matches_brute_force)
{
	/* a 20x20 checkerboard of unit squares with a few overlapping blobs */
	enum { N = 20 };
	struct geo_multipolygon *m = xcalloc(N * N + 3, sizeof(*m));
	struct geo_index *ix;
	size_t i, count = N * N + 3;
	long j;

	for (i = 0; i < N * N; i++) {
		double s[] = { (double)(i % N), (double)(i / N), 1 };

		squares(&m[i], s, 1, i % 7 == 0 ? 0.25 : 0);
	}
	{
		double b1[] = { 2.5, 2.5, 3 }, b2[] = { 10.25, 4.75, 6.5 }, b3[] = { 0, 0, 20 };

		squares(&m[N * N], b1, 1, 0);
		squares(&m[N * N + 1], b2, 1, 1);
		squares(&m[N * N + 2], b3, 1, 0);
	}
	ix = geo_index_build(m, count);
	CHECK(ix != NULL);
	srand(42);
	for (j = 0; j < 20000 && ix; j++) {
		/* half the points on the integer grid lines, to hit edges */
		double x = (rand() % 2400) / 100.0 - 2, y = (rand() % 2400) / 100.0 - 2;
		struct geo_point p;
		long want = -1, got;

		if (j & 1) {
			x = floor(x);
			y = floor(y);
		}
		p = pt(x, y);
		for (i = 0; i < count; i++)
			if (geo_contains(&m[i], p)) {
				want = (long)i;
				break;
			}
		got = geo_index_locate(ix, p);
		if (got != want) {
			test_fail(__FILE__, __LINE__, "(%g, %g): index says %ld, brute force %ld",
				  x, y, got, want);
			break;
		}
	}
	/* the hole of square 0 falls through to the big blob 402 */
	if (ix)
		CHECK_INT(geo_index_locate(ix, pt(0.5, 0.5)), N * N + 2);
	geo_index_free(ix);
	for (i = 0; i < count; i++)
		geo_multipolygon_release(&m[i]);
	xfree(m);

	ix = geo_index_build(NULL, 0);
	CHECK(ix != NULL);
	if (ix)
		CHECK_INT(geo_index_locate(ix, pt(0, 0)), -1);
	geo_index_free(ix);
}

/* WKB decode and index build under every allocation failing in turn. */
TEST(geo_allocation_failures)
{
	struct geo_multipolygon a, b;
	double two[] = { 0, 0, 4, 10, 10, 4 };
	struct strbuf sb = STRBUF_INIT;
	unsigned long n;
	int ok = 0, nomem = 0;

	squares(&a, two, 2, 1);
	geo_wkb_encode(&a, &sb);
	for (n = 1; n < 20; n++) {
		struct err e = ERR_INIT;
		struct geo_index *ix;
		int rc;

		xalloc_fail_at(n);
		rc = geo_wkb_decode(sb.buf, sb.len, &b, &e);
		ix = rc == 0 ? geo_index_build(&b, 1) : NULL;
		xalloc_fail_at(0);
		if (rc == ERR_NOMEM) {
			nomem++;
			CHECK(b.npolys == 0 && b.polys == NULL);
		} else if (rc == 0) {
			ok++;
			if (ix) {
				struct geo_point p = { 0.5, 0.5 };

				CHECK_INT(geo_index_locate(ix, p), 0);
			}
			geo_index_free(ix);
			geo_multipolygon_release(&b);
		} else {
			test_fail(__FILE__, __LINE__, "failing allocation %lu: %s", n, e.msg);
		}
	}
	CHECK(nomem >= 3 && ok >= 1);
	geo_multipolygon_release(&a);
	strbuf_release(&sb);
}
