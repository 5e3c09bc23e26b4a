/*
 * geo.c - polygons in WGS84: release, bounds, point-in-polygon with a
 * half-open edge rule, areas, centroid and the grid index (see geo.h).
 * WKB lives in geo-wkb.c.
 *
 * The edge rule.  Each edge is looked at from its lower end to its upper end
 * (whatever the ring's direction), and a point counts as "left of" the edge
 * only when the cross product is strictly positive.  An edge counts for a
 * point whose y lies in [lower.y, upper.y).  So two polygons that share an
 * edge evaluate that edge with the same arithmetic on the same numbers and
 * can never both claim a point on it; a point on a left or bottom edge is
 * inside, on a right or top edge outside.
 *
 * The grid index answers with exactly the same arithmetic: a cell either
 * has one precomputed answer (no edge comes near it) or its candidates are
 * tested in ascending order, each on only the edges in the point's grid row
 * (the others cannot count for it), which is geo_contains() made cheaper.
 */
#include "geo/geo.h"

#include <math.h>
#include <string.h>

#include "base/xalloc.h"

void geo_multipolygon_release(struct geo_multipolygon *mp)
{
	size_t i, j;

	if (!mp)
		return;
	for (i = 0; i < mp->npolys; i++) {
		for (j = 0; j < mp->polys[i].nrings; j++)
			xfree(mp->polys[i].rings[j].pts);
		xfree(mp->polys[i].rings);
	}
	xfree(mp->polys);
	memset(mp, 0, sizeof(*mp));
}

static void ring_close(struct geo_ring *r)
{
	struct geo_point *np;

	if (r->n == 0)
		return;
	if (r->pts[0].x == r->pts[r->n - 1].x && r->pts[0].y == r->pts[r->n - 1].y)
		return;
	np = xreallocarray(r->pts, r->n + 1, sizeof(*np));
	if (!np)
		return;	/* left open: geo_contains treats it as closed anyway */
	r->pts = np;
	r->pts[r->n] = r->pts[0];
	r->n++;
}

void geo_multipolygon_finish(struct geo_multipolygon *mp)
{
	size_t i, j, k;
	struct geo_bbox b = { INFINITY, INFINITY, -INFINITY, -INFINITY };

	for (i = 0; i < mp->npolys; i++) {
		for (j = 0; j < mp->polys[i].nrings; j++) {
			struct geo_ring *r = &mp->polys[i].rings[j];

			ring_close(r);
			/* holes too: a malformed hole outside its ring must not
			 * fall outside the box geo_contains() checks first */
			for (k = 0; k < r->n; k++) {
				if (r->pts[k].x < b.minx) b.minx = r->pts[k].x;
				if (r->pts[k].x > b.maxx) b.maxx = r->pts[k].x;
				if (r->pts[k].y < b.miny) b.miny = r->pts[k].y;
				if (r->pts[k].y > b.maxy) b.maxy = r->pts[k].y;
			}
		}
	}
	if (b.minx > b.maxx)	/* nothing: an empty box no point falls in */
		b = (struct geo_bbox){ 1, 1, 0, 0 };
	mp->bbox = b;
}

/* Crossings of a rightward ray from p with ring r (closed or not). */
static unsigned ring_crossings(const struct geo_ring *r, struct geo_point p)
{
	const struct geo_point *pts = r->pts;
	size_t n = r->n, i;
	unsigned c = 0;

	if (n < 3)
		return 0;
	for (i = 0; i < n; i++) {
		const struct geo_point *a = &pts[i];
		const struct geo_point *b = &pts[i + 1 < n ? i + 1 : 0];
		const struct geo_point *lo, *hi;
		double cross;

		if ((a->y <= p.y) == (b->y <= p.y))
			continue;	/* both above, or both at/below: no crossing */
		if (a->y < b->y) {
			lo = a;
			hi = b;
		} else {
			lo = b;
			hi = a;
		}
		/* here lo->y <= p.y < hi->y */
		cross = (hi->x - lo->x) * (p.y - lo->y) - (p.x - lo->x) * (hi->y - lo->y);
		if (cross > 0)
			c++;
	}
	return c;
}

static int polygon_contains(const struct geo_polygon *poly, struct geo_point p)
{
	unsigned c = 0;
	size_t j;

	for (j = 0; j < poly->nrings; j++)
		c += ring_crossings(&poly->rings[j], p);
	return c & 1;
}

int geo_contains(const struct geo_multipolygon *mp, struct geo_point p)
{
	size_t i;

	if (p.x < mp->bbox.minx || p.x > mp->bbox.maxx ||
	    p.y < mp->bbox.miny || p.y > mp->bbox.maxy)
		return 0;
	for (i = 0; i < mp->npolys; i++)
		if (polygon_contains(&mp->polys[i], p))
			return 1;
	return 0;
}

/* Shoelace over a ring, positive when counter-clockwise. */
static double ring_area2(const struct geo_ring *r, double *cx, double *cy)
{
	double a = 0, x = 0, y = 0;
	size_t i, n = r->n;

	for (i = 0; n >= 3 && i < n; i++) {
		const struct geo_point *p = &r->pts[i], *q = &r->pts[i + 1 < n ? i + 1 : 0];
		/* relative to the first point, to keep precision */
		double px = p->x - r->pts[0].x, py = p->y - r->pts[0].y;
		double qx = q->x - r->pts[0].x, qy = q->y - r->pts[0].y;
		double f = px * qy - qx * py;

		a += f;
		x += (px + qx) * f;
		y += (py + qy) * f;
	}
	if (cx) {
		if (a != 0) {
			*cx = r->pts[0].x + x / (3 * a);
			*cy = r->pts[0].y + y / (3 * a);
		} else {
			*cx = n ? r->pts[0].x : 0;
			*cy = n ? r->pts[0].y : 0;
		}
	}
	return a;	/* twice the signed area */
}

double geo_area_deg2(const struct geo_multipolygon *mp)
{
	double total = 0;
	size_t i, j;

	for (i = 0; i < mp->npolys; i++)
		for (j = 0; j < mp->polys[i].nrings; j++) {
			double a = fabs(ring_area2(&mp->polys[i].rings[j], NULL, NULL)) / 2;

			total += j == 0 ? a : -a;
		}
	return total;
}

/* Area of a ring on a sphere of the WGS84 equatorial radius: the sum over
 * edges of dlon * (2 + sin lat1 + sin lat2), times R^2 / 2.  Good to a
 * fraction of a percent at LSOA scale. */
static double ring_area_m2(const struct geo_ring *r)
{
	const double R = 6378137.0, rad = M_PI / 180.0;
	double s = 0;
	size_t i, n = r->n;

	for (i = 0; n >= 3 && i < n; i++) {
		const struct geo_point *p = &r->pts[i], *q = &r->pts[i + 1 < n ? i + 1 : 0];

		s += (q->x - p->x) * rad * (2 + sin(p->y * rad) + sin(q->y * rad));
	}
	return fabs(s * R * R / 2);
}

double geo_area_m2(const struct geo_multipolygon *mp)
{
	double total = 0;
	size_t i, j;

	for (i = 0; i < mp->npolys; i++)
		for (j = 0; j < mp->polys[i].nrings; j++) {
			double a = ring_area_m2(&mp->polys[i].rings[j]);

			total += j == 0 ? a : -a;
		}
	return total;
}

struct geo_point geo_centroid(const struct geo_multipolygon *mp)
{
	double wsum = 0, x = 0, y = 0;
	struct geo_point c;
	size_t i;

	for (i = 0; i < mp->npolys; i++) {
		double cx, cy, a;

		if (mp->polys[i].nrings == 0)
			continue;
		a = fabs(ring_area2(&mp->polys[i].rings[0], &cx, &cy));
		wsum += a;
		x += cx * a;
		y += cy * a;
	}
	if (wsum > 0) {
		c.x = x / wsum;
		c.y = y / wsum;
	} else {	/* degenerate: the middle of the bounds */
		c.x = (mp->bbox.minx + mp->bbox.maxx) / 2;
		c.y = (mp->bbox.miny + mp->bbox.maxy) / 2;
	}
	return c;
}

/* ---- the grid index ---------------------------------------------------- */

struct geo_index {
	const struct geo_multipolygon *polys;
	size_t count;
	struct geo_bbox b;
	double cw, ch;		/* cell width and height */
	long nx, ny;
	uint32_t *start;	/* nx*ny + 1 offsets into items */
	uint32_t *items;	/* polygon numbers, ascending within a cell */
	int32_t *uniform;	/* per cell: the answer for every point in it, or
				 * CELL_MIXED when some edge comes near */
	/* Strips: for each polygon and grid row its bbox spans, the edges
	 * whose y-range meets that row, grouped by part.  Only those edges can
	 * count for a point in the row, so testing them gives exactly
	 * geo_contains()'s answer with a fraction of the work. */
	uint32_t *item_strip;	/* per item: first part entry, or NO_STRIP */
	uint32_t *part_end;	/* per (polygon, row, part): end offset in edges */
	const struct geo_point **edges;	/* edge = (e[0], e[1]) within a ring */
};

#define CELL_MIXED (-2)
#define NO_STRIP UINT32_MAX

/* Polygons per cell, on average, that the grid size aims at (so 20 cells per
 * polygon).  Small cells mean many cells meet no edge and answer at once
 * (mark_uniform), the rest list only a few polygons, and rows are thin so
 * strips are short.  Measured on London's LSOAs with bench/import-bench.c
 * (2, 1, 0.25, 0.05, 0.02, 0.01: 0.05 to 0.01 within 10%); 35,000 LSOAs
 * make 700,000 cells, a few MB, plus 8 bytes per edge per row it meets. */
#define GEO_INDEX_PER_CELL 0.05

static long cell_of(double v, double min, double size, long n)
{
	double f = (v - min) / size;
	long c;

	if (!(f >= 0))	/* also NaN */
		return 0;
	if (f >= (double)n)
		return n - 1;
	c = (long)f;
	return c < n ? c : n - 1;
}

/*
 * A cell no edge comes near has one answer for all its points: the points
 * that map to a cell form a rectangle, and if no edge meets it, no point in
 * it can be on the other side of any ring from its centre.  An edge can only
 * meet the cells its bbox maps to (cell_of is monotonic), so marking those
 * is enough.  Most points then cost one lookup; the rest test candidates.
 */
static int mark_uniform(struct geo_index *ix)
{
	size_t ncells = (size_t)(ix->nx * ix->ny), i, j, k;
	long x, y;

	ix->uniform = xcalloc(ncells, sizeof(int32_t));
	if (!ix->uniform)
		return ERR_NOMEM;
	for (i = 0; i < ix->count; i++) {
		const struct geo_multipolygon *mp = &ix->polys[i];

		for (j = 0; j < mp->npolys; j++) {
			const struct geo_polygon *poly = &mp->polys[j];
			size_t r;

			for (r = 0; r < poly->nrings; r++) {
				const struct geo_ring *ring = &poly->rings[r];

				for (k = 0; k < ring->n; k++) {
					const struct geo_point *a = &ring->pts[k];
					const struct geo_point *b = &ring->pts[k + 1 < ring->n ? k + 1 : 0];
					long x0 = cell_of(a->x < b->x ? a->x : b->x, ix->b.minx, ix->cw, ix->nx);
					long x1 = cell_of(a->x < b->x ? b->x : a->x, ix->b.minx, ix->cw, ix->nx);
					long y0 = cell_of(a->y < b->y ? a->y : b->y, ix->b.miny, ix->ch, ix->ny);
					long y1 = cell_of(a->y < b->y ? b->y : a->y, ix->b.miny, ix->ch, ix->ny);

					for (y = y0; y <= y1; y++)
						for (x = x0; x <= x1; x++)
							ix->uniform[y * ix->nx + x] = CELL_MIXED;
				}
			}
		}
	}
	for (y = 0; y < ix->ny; y++)
		for (x = 0; x < ix->nx; x++) {
			int32_t *u = &ix->uniform[y * ix->nx + x];
			struct geo_point c;
			uint32_t q;

			if (*u == CELL_MIXED)
				continue;
			c.x = ix->b.minx + ((double)x + 0.5) * ix->cw;
			c.y = ix->b.miny + ((double)y + 0.5) * ix->ch;
			if (cell_of(c.x, ix->b.minx, ix->cw, ix->nx) != x ||
			    cell_of(c.y, ix->b.miny, ix->ch, ix->ny) != y) {
				*u = CELL_MIXED;
				continue;
			}
			*u = -1;
			for (q = ix->start[y * ix->nx + x]; q < ix->start[y * ix->nx + x + 1]; q++)
				if (geo_contains(&ix->polys[ix->items[q]], c)) {
					*u = (int32_t)ix->items[q];
					break;
				}
		}
	return 0;
}

/* Rows a polygon spans, and whether its rings are closed (strips store an
 * edge as a pointer to its first point, the second following it). */
static int poly_rows(const struct geo_index *ix, const struct geo_multipolygon *mp,
		     long *r0, long *r1)
{
	size_t j, r;

	if (mp->npolys == 0 || mp->bbox.minx > mp->bbox.maxx)
		return 0;
	for (j = 0; j < mp->npolys; j++)
		for (r = 0; r < mp->polys[j].nrings; r++) {
			const struct geo_ring *g = &mp->polys[j].rings[r];

			if (g->n >= 3 && (g->pts[0].x != g->pts[g->n - 1].x ||
					  g->pts[0].y != g->pts[g->n - 1].y))
				return 0;
		}
	*r0 = cell_of(mp->bbox.miny, ix->b.miny, ix->ch, ix->ny);
	*r1 = cell_of(mp->bbox.maxy, ix->b.miny, ix->ch, ix->ny);
	return 1;
}

/* Run BODY for each grid row each edge of mp meets, with `slot` the
 * (row - r0, part) entry and `a_` the edge's first point.  Horizontal edges
 * never count for a point, nor rings under 3 points, so they are left out. */
#define FOR_EACH_STRIP_EDGE(ix, mp, r0, BODY)                                        \
	do {                                                                         \
		size_t j_, r_, k_;                                                   \
		for (j_ = 0; j_ < (mp)->npolys; j_++)                                \
			for (r_ = 0; r_ < (mp)->polys[j_].nrings; r_++) {             \
				const struct geo_ring *g_ = &(mp)->polys[j_].rings[r_]; \
				for (k_ = 0; g_->n >= 3 && k_ + 1 < g_->n; k_++) {   \
					const struct geo_point *a_ = &g_->pts[k_];   \
					const struct geo_point *b_ = a_ + 1;         \
					long y_, y0_, y1_;                           \
					if (a_->y == b_->y)                          \
						continue;                            \
					y0_ = cell_of(a_->y < b_->y ? a_->y : b_->y, \
						      (ix)->b.miny, (ix)->ch, (ix)->ny); \
					y1_ = cell_of(a_->y < b_->y ? b_->y : a_->y, \
						      (ix)->b.miny, (ix)->ch, (ix)->ny); \
					for (y_ = y0_; y_ <= y1_; y_++) {            \
						size_t slot = (size_t)(y_ - (r0)) *  \
							(mp)->npolys + j_;           \
						BODY                                 \
					}                                            \
				}                                                    \
			}                                                            \
	} while (0)

static int build_strips(struct geo_index *ix)
{
	size_t i, nparts = 0, nedges = 0, off = 0, *cnt = NULL, cap = 0;
	uint32_t *base = NULL;
	long *row0 = NULL, x, y;
	int rc = ERR_NOMEM;

	base = xmalloc((ix->count ? ix->count : 1) * sizeof(*base));
	row0 = xmalloc((ix->count ? ix->count : 1) * sizeof(*row0));
	if (!base || !row0)
		goto out;
	for (i = 0; i < ix->count; i++) {
		const struct geo_multipolygon *mp = &ix->polys[i];
		long r0, r1;

		base[i] = NO_STRIP;
		if (!poly_rows(ix, mp, &r0, &r1))
			continue;
		row0[i] = r0;
		base[i] = (uint32_t)nparts;
		nparts += (size_t)(r1 - r0 + 1) * mp->npolys;
		FOR_EACH_STRIP_EDGE(ix, mp, r0, { (void)slot; nedges++; });
		if (nparts >= NO_STRIP || nedges >= NO_STRIP) {
			rc = ERR_LIMIT;
			goto out;
		}
	}
	ix->part_end = xmalloc((nparts ? nparts : 1) * sizeof(uint32_t));
	ix->edges = xmalloc((nedges ? nedges : 1) * sizeof(*ix->edges));
	ix->item_strip = xmalloc((ix->start[ix->nx * ix->ny] ? ix->start[ix->nx * ix->ny] : 1) *
				 sizeof(uint32_t));
	if (!ix->part_end || !ix->edges || !ix->item_strip)
		goto out;
	for (i = 0; i < ix->count; i++) {
		const struct geo_multipolygon *mp = &ix->polys[i];
		long r0, r1;
		size_t n, q;

		if (base[i] == NO_STRIP || !poly_rows(ix, mp, &r0, &r1))
			continue;
		n = (size_t)(r1 - r0 + 1) * mp->npolys;
		if (n > cap) {
			size_t *nc = xreallocarray(cnt, n, sizeof(*cnt));

			if (!nc)
				goto out;
			cnt = nc;
			cap = n;
		}
		memset(cnt, 0, n * sizeof(*cnt));
		FOR_EACH_STRIP_EDGE(ix, mp, r0, { cnt[slot]++; });
		for (q = 0; q < n; q++) {	/* cnt becomes each slot's cursor */
			size_t c = cnt[q];

			cnt[q] = off;
			off += c;
			ix->part_end[base[i] + q] = (uint32_t)off;
		}
		FOR_EACH_STRIP_EDGE(ix, mp, r0, { ix->edges[cnt[slot]++] = a_; });
	}
	for (y = 0; y < ix->ny; y++)
		for (x = 0; x < ix->nx; x++) {
			uint32_t k;

			for (k = ix->start[y * ix->nx + x]; k < ix->start[y * ix->nx + x + 1]; k++) {
				uint32_t p = ix->items[k];

				ix->item_strip[k] = base[p] == NO_STRIP ? NO_STRIP :
					base[p] + (uint32_t)((size_t)(y - row0[p]) * ix->polys[p].npolys);
			}
		}
	rc = 0;
out:
	xfree(cnt);
	xfree(base);
	xfree(row0);
	return rc;
}

/* geo_contains() over one strip: the same bbox test and the same crossing
 * arithmetic as ring_crossings(), on the edges that can count. */
static int strip_contains(const struct geo_index *ix, uint32_t i, uint32_t q,
			  struct geo_point p)
{
	const struct geo_multipolygon *mp = &ix->polys[i];
	uint32_t b = q ? ix->part_end[q - 1] : 0, j;

	if (p.x < mp->bbox.minx || p.x > mp->bbox.maxx ||
	    p.y < mp->bbox.miny || p.y > mp->bbox.maxy)
		return 0;
	for (j = 0; j < mp->npolys; j++) {
		uint32_t e = ix->part_end[q + j];
		unsigned c = 0;

		for (; b < e; b++) {
			const struct geo_point *a = ix->edges[b], *bb = a + 1, *lo, *hi;
			double cross;

			if ((a->y <= p.y) == (bb->y <= p.y))
				continue;
			if (a->y < bb->y) {
				lo = a;
				hi = bb;
			} else {
				lo = bb;
				hi = a;
			}
			cross = (hi->x - lo->x) * (p.y - lo->y) - (p.x - lo->x) * (hi->y - lo->y);
			if (cross > 0)
				c++;
		}
		if (c & 1)
			return 1;
	}
	return 0;
}

struct geo_index *geo_index_build(const struct geo_multipolygon *polys, size_t count)
{
	struct geo_index *ix;
	struct geo_bbox b = { INFINITY, INFINITY, -INFINITY, -INFINITY };
	double w, h, cells;
	size_t i, used = 0, total = 0;
	long x, y;

	if (count > INT32_MAX)
		return NULL;
	ix = xcalloc(1, sizeof(*ix));
	if (!ix)
		return NULL;
	ix->polys = polys;
	ix->count = count;
	for (i = 0; i < count; i++) {
		const struct geo_bbox *pb = &polys[i].bbox;

		if (polys[i].npolys == 0 || pb->minx > pb->maxx)
			continue;
		used++;
		if (pb->minx < b.minx) b.minx = pb->minx;
		if (pb->miny < b.miny) b.miny = pb->miny;
		if (pb->maxx > b.maxx) b.maxx = pb->maxx;
		if (pb->maxy > b.maxy) b.maxy = pb->maxy;
	}
	if (used == 0) {
		ix->nx = ix->ny = 0;
		return ix;
	}
	w = b.maxx - b.minx;
	h = b.maxy - b.miny;
	if (w <= 0) w = 1e-9;
	if (h <= 0) h = 1e-9;
	cells = (double)used / GEO_INDEX_PER_CELL;
	if (cells < 1)
		cells = 1;
	ix->nx = (long)ceil(sqrt(cells * w / h));
	ix->ny = (long)ceil(cells / (double)ix->nx);
	if (ix->nx < 1) ix->nx = 1;
	if (ix->ny < 1) ix->ny = 1;
	if (ix->nx > 4096) ix->nx = 4096;
	if (ix->ny > 4096) ix->ny = 4096;
	ix->b = b;
	ix->cw = w / (double)ix->nx;
	ix->ch = h / (double)ix->ny;
	ix->start = xcalloc((size_t)(ix->nx * ix->ny) + 1, sizeof(uint32_t));
	if (!ix->start)
		goto fail;
	/* pass 1: count per cell; pass 2: fill */
	for (i = 0; i < count; i++) {
		const struct geo_bbox *pb = &polys[i].bbox;
		long x0, x1, y0, y1;

		if (polys[i].npolys == 0 || pb->minx > pb->maxx)
			continue;
		x0 = cell_of(pb->minx, b.minx, ix->cw, ix->nx);
		x1 = cell_of(pb->maxx, b.minx, ix->cw, ix->nx);
		y0 = cell_of(pb->miny, b.miny, ix->ch, ix->ny);
		y1 = cell_of(pb->maxy, b.miny, ix->ch, ix->ny);
		for (y = y0; y <= y1; y++)
			for (x = x0; x <= x1; x++)
				ix->start[y * ix->nx + x + 1]++;
		total += (size_t)(x1 - x0 + 1) * (size_t)(y1 - y0 + 1);
	}
	if (total > UINT32_MAX)
		goto fail;
	for (x = 0; x < ix->nx * ix->ny; x++)
		ix->start[x + 1] += ix->start[x];
	ix->items = xmalloc((total ? total : 1) * sizeof(uint32_t));
	if (!ix->items)
		goto fail;
	{
		uint32_t *fill = xmalloc((size_t)(ix->nx * ix->ny) * sizeof(uint32_t));

		if (!fill)
			goto fail;
		memcpy(fill, ix->start, (size_t)(ix->nx * ix->ny) * sizeof(uint32_t));
		for (i = 0; i < count; i++) {
			const struct geo_bbox *pb = &polys[i].bbox;
			long x0, x1, y0, y1;

			if (polys[i].npolys == 0 || pb->minx > pb->maxx)
				continue;
			x0 = cell_of(pb->minx, b.minx, ix->cw, ix->nx);
			x1 = cell_of(pb->maxx, b.minx, ix->cw, ix->nx);
			y0 = cell_of(pb->miny, b.miny, ix->ch, ix->ny);
			y1 = cell_of(pb->maxy, b.miny, ix->ch, ix->ny);
			for (y = y0; y <= y1; y++)
				for (x = x0; x <= x1; x++)
					ix->items[fill[y * ix->nx + x]++] = (uint32_t)i;
		}
		xfree(fill);
	}
	if (mark_uniform(ix) < 0 || build_strips(ix) < 0)
		goto fail;
	return ix;
fail:
	geo_index_free(ix);
	return NULL;
}

void geo_index_free(struct geo_index *ix)
{
	if (!ix)
		return;
	xfree(ix->uniform);
	xfree(ix->item_strip);
	xfree(ix->part_end);
	xfree(ix->edges);
	xfree(ix->start);
	xfree(ix->items);
	xfree(ix);
}

long geo_index_locate(const struct geo_index *ix, struct geo_point p)
{
	long x, y;
	uint32_t k, end;

	if (ix->nx == 0 || !(p.x >= ix->b.minx && p.x <= ix->b.maxx &&
			     p.y >= ix->b.miny && p.y <= ix->b.maxy))
		return -1;
	x = cell_of(p.x, ix->b.minx, ix->cw, ix->nx);
	y = cell_of(p.y, ix->b.miny, ix->ch, ix->ny);
	if (ix->uniform[y * ix->nx + x] != CELL_MIXED)
		return ix->uniform[y * ix->nx + x];
	k = ix->start[y * ix->nx + x];
	end = ix->start[y * ix->nx + x + 1];
	for (; k < end; k++) {
		uint32_t i = ix->items[k], q = ix->item_strip[k];

		if (q != NO_STRIP ? strip_contains(ix, i, q, p) : geo_contains(&ix->polys[i], p))
			return (long)i;
	}
	return -1;
}
