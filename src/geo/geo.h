/*
 * geo.h - points and (multi)polygons in WGS84, and the questions Engage asks
 * of them: which polygon holds this point, what is its area, its bounds.
 *
 * Coordinates are degrees of longitude (x) and latitude (y), WGS84, as
 * doubles.  A polygon is one outer ring and zero or more holes; a
 * multipolygon is a list of polygons.  Rings are closed (first point ==
 * last point).  Boundary files in British National Grid are reprojected to
 * WGS84 on import (import/boundary.h), so everything here is WGS84.
 *
 * Ownership: a geo_multipolygon owns its arrays; geo_multipolygon_release()
 * frees them and leaves it empty.
 */
#ifndef ENGAGE_GEO_H
#define ENGAGE_GEO_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"

struct geo_point {
	double x;	/* longitude */
	double y;	/* latitude */
};

struct geo_bbox {
	double minx, miny, maxx, maxy;
};

struct geo_ring {
	struct geo_point *pts;
	size_t n;	/* including the closing point */
};

struct geo_polygon {
	struct geo_ring *rings;	/* rings[0] outer, the rest holes */
	size_t nrings;
};

struct geo_multipolygon {
	struct geo_polygon *polys;
	size_t npolys;
	struct geo_bbox bbox;	/* kept up to date by geo_multipolygon_finish() */
};

void geo_multipolygon_release(struct geo_multipolygon *mp);
/* Compute the bbox after filling polys; closes any open ring. */
void geo_multipolygon_finish(struct geo_multipolygon *mp);

/* Point-in-polygon.  A point exactly on an edge shared by two polygons
 * belongs to exactly one of them: the rule is half-open (a point on a left
 * or bottom edge is inside, on a right or top edge outside), so the answer
 * is the same every time and no point is counted twice. */
int geo_contains(const struct geo_multipolygon *mp, struct geo_point p);

/* Area in square degrees (signed shoelace, holes subtracted), for tests and
 * ordering; approximate square metres with geo_area_m2. */
double geo_area_deg2(const struct geo_multipolygon *mp);
double geo_area_m2(const struct geo_multipolygon *mp);
/* Area-weighted centre of the outer rings (for "centre" in the API). */
struct geo_point geo_centroid(const struct geo_multipolygon *mp);

/* Well-Known Binary (little-endian MultiPolygon) encode/decode: the
 * storage form of boundaries, portable to PostGIS.  Encode appends to `out`
 * and returns 0 or the strbuf's sticky error.  Decode also accepts a
 * Polygon (type 3), either byte order, and PostGIS EWKB's SRID flag; it
 * refuses truncated, oversized, non-finite or trailing input with
 * ERR_INVALID ("wkb: truncated at byte 12: ...") and leaves `out` empty.
 * On success the caller releases `out` with geo_multipolygon_release(). */
int geo_wkb_encode(const struct geo_multipolygon *mp, struct strbuf *out);
int geo_wkb_decode(const void *wkb, size_t n, struct geo_multipolygon *out,
		   struct err *e);

/*
 * A spatial index over many multipolygons (all LSOAs of a country): a
 * uniform grid of cells over the bounds, each listing the polygons whose
 * bbox touches it.  Built once, read by many threads.
 */
struct geo_index;

/* Index `count` polygons; the index borrows `polys` (they must outlive it).
 * Returns NULL on allocation failure. */
struct geo_index *geo_index_build(const struct geo_multipolygon *polys, size_t count);
void geo_index_free(struct geo_index *ix);
/* The index of the polygon holding p, or -1 when none does.  When several
 * hold it (overlapping inputs), the lowest index wins, so the answer never
 * depends on the grid.  Agrees exactly with geo_contains(). */
long geo_index_locate(const struct geo_index *ix, struct geo_point p);

#endif
