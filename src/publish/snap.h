/*
 * snap.h - move a precise location onto an anonymous map point before it
 * is published, as police.uk does.
 *
 * police.uk publishes every crime at one of a fixed set of anonymous map
 * points (each over a street or public place whose catchment holds at least
 * eight addresses, or none).  Engage does not hold police.uk's master list,
 * but every located row of the police.uk data it holds for a force already
 * sits on one of those points.  So the map points of a force are the
 * distinct located points of all its street, outcome and stop-and-search
 * rows in the read model.
 *
 * The rule (docs/open-data.md), for a precise point P of force F:
 *  1. the nearest map point of F within max_m metres of P (equirectangular
 *     distance; on a tie, the lower latitude, then the lower longitude, so
 *     the answer never depends on the grid); else
 *  2. the centroid of the LSOA holding P (rounded to millionths of a
 *     degree); else
 *  3. ERR_NOTFOUND: the location must not be published at all.
 * P itself is never returned unless P already is one of the map points (then
 * it is public already).  Coordinates are WGS84 millionths of a degree, as in
 * model/police.h.
 *
 * Used by the open-data export for any location that did not arrive
 * anonymised, and later by engagement concerns that carry a precise point.
 *
 * Ownership: snap_index_build() returns an index the caller frees with
 * snap_index_free(); it borrows the read model, which must outlive it.
 * Read-only after building, so threads may share it.
 */
#ifndef ENGAGE_SNAP_H
#define ENGAGE_SNAP_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "index/readmodel.h"

struct snap_index;

enum snap_how {
	SNAP_MAP_POINT = 1,	/* moved to the nearest anonymous map point */
	SNAP_LSOA_CENTROID,	/* none near enough: the LSOA's centroid */
};

struct snap_result {
	int32_t lat, lng;	/* where the point may be published */
	enum snap_how how;
	long lsoa;		/* the LSOA holding the input point, or -1 */
	double moved_m;		/* distance from the input point, metres */
};

/* The map points of force `force` (an index into rm->forces). */
int snap_index_build(const struct readmodel *rm, long force, struct snap_index **out,
		     struct err *e);
/* An index over the given map points (lat[i], lng[i]); duplicates are fine.
 * `rm` (may be NULL: no centroid fallback) supplies the LSOAs. */
int snap_index_from_points(const struct readmodel *rm, const int32_t *lat, const int32_t *lng,
			   size_t n, struct snap_index **out, struct err *e);
void snap_index_free(struct snap_index *ix);
/* Distinct map points held. */
size_t snap_index_count(const struct snap_index *ix);

/* Snap (lat, lng) by the rule above.  Returns 0, ERR_INVALID for a point
 * outside WGS84 ranges, or ERR_NOTFOUND when it may not be published. */
int snap_point(const struct snap_index *ix, int32_t lat, int32_t lng, double max_m,
	       struct snap_result *out, struct err *e);

/* Approximate ground distance in metres between two points (microdegrees). */
double snap_distance_m(int32_t lat1, int32_t lng1, int32_t lat2, int32_t lng2);

#endif
