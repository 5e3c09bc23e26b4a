/*
 * snap.c - nearest anonymous map point through a uniform grid (see snap.h).
 *
 * Points are sorted by (grid cell, lat, lng) and deduplicated; a cell's
 * points are a contiguous run found by binary search.  A query visits every
 * cell of the box max_m around the point, so the nearest point within max_m
 * is always found, whatever the cell size.
 */
#include "publish/snap.h"

#include "base/xalloc.h"

#include <math.h>
#include <stdlib.h>

#define CELL 2000			/* microdegrees per grid cell (~220 m north-south) */
#define M_PER_MICRODEG 0.111195		/* metres per millionth of a degree of latitude */

struct snap_pt {
	uint64_t cell;
	int32_t lat, lng;
};

struct snap_index {
	const struct readmodel *rm;
	struct snap_pt *pts;
	size_t n;
};

static int64_t cell_coord(int32_t v)
{
	return ((int64_t)v + 200000000) / CELL;	/* shifted non-negative first */
}

static uint64_t cell_key(int64_t cy, int64_t cx)
{
	return (uint64_t)cy << 32 | (uint64_t)cx;
}

static int pt_cmp(const void *a, const void *b)
{
	const struct snap_pt *p = a, *q = b;

	if (p->cell != q->cell)
		return p->cell < q->cell ? -1 : 1;
	if (p->lat != q->lat)
		return p->lat < q->lat ? -1 : 1;
	return (p->lng > q->lng) - (p->lng < q->lng);
}

double snap_distance_m(int32_t lat1, int32_t lng1, int32_t lat2, int32_t lng2)
{
	double mid = ((double)lat1 + lat2) / 2e6 * M_PI / 180.0;
	double dy = ((double)lat2 - lat1) * M_PER_MICRODEG;
	double dx = ((double)lng2 - lng1) * M_PER_MICRODEG * cos(mid);

	return sqrt(dx * dx + dy * dy);
}

int snap_index_from_points(const struct readmodel *rm, const int32_t *lat, const int32_t *lng,
			   size_t n, struct snap_index **out, struct err *e)
{
	struct snap_index *ix = xcalloc(1, sizeof(*ix));
	size_t k = 0;

	*out = NULL;
	if (!ix || !(ix->pts = xcalloc(n ? n : 1, sizeof(*ix->pts)))) {
		xfree(ix);
		return err_set(e, ERR_NOMEM, "snap: out of memory indexing %zu map points", n);
	}
	ix->rm = rm;
	for (size_t i = 0; i < n; i++)
		ix->pts[i] = (struct snap_pt){ cell_key(cell_coord(lat[i]), cell_coord(lng[i])),
					       lat[i], lng[i] };
	qsort(ix->pts, n, sizeof(*ix->pts), pt_cmp);
	for (size_t i = 0; i < n; i++)
		if (!k || pt_cmp(&ix->pts[k - 1], &ix->pts[i]))
			ix->pts[k++] = ix->pts[i];
	ix->n = k;
	*out = ix;
	return 0;
}

/* Append the located points of one pack to (lat, lng). */
static void add_pack_points(const struct monthpack *p, int lat_col, int lng_col,
			    int32_t *lat, int32_t *lng, size_t *n)
{
	for (size_t r = 0; r < p->rows; r++) {
		if (!(MP_U8(p, 0)[r] & MPF_LOCATED))
			continue;
		lat[*n] = MP_I32(p, lat_col)[r];
		lng[*n] = MP_I32(p, lng_col)[r];
		(*n)++;
	}
}

int snap_index_build(const struct readmodel *rm, long force, struct snap_index **out,
		     struct err *e)
{
	static const int lat_col[MONTH_KIND_COUNT] = { SC_LAT, OC_LAT, ST_LAT };
	static const int lng_col[MONTH_KIND_COUNT] = { SC_LNG, OC_LNG, ST_LNG };
	size_t total = 0, n = 0;
	int32_t *lat = NULL, *lng = NULL;
	int rc;

	for (size_t i = 0; i < rm->nmonths; i++)
		for (int k = 0; k < MONTH_KIND_COUNT; k++)
			if (rm->months[i].force == force && rm->months[i].has[k])
				total += rm->months[i].pack[k].rows;
	lat = xcalloc(total ? total : 1, sizeof(*lat));
	lng = xcalloc(total ? total : 1, sizeof(*lng));
	if (!lat || !lng) {
		rc = err_set(e, ERR_NOMEM, "snap: out of memory reading %zu rows of map points", total);
		goto done;
	}
	for (size_t i = 0; i < rm->nmonths; i++)
		for (int k = 0; k < MONTH_KIND_COUNT; k++)
			if (rm->months[i].force == force && rm->months[i].has[k])
				add_pack_points(&rm->months[i].pack[k], lat_col[k], lng_col[k],
						lat, lng, &n);
	rc = snap_index_from_points(rm, lat, lng, n, out, e);
done:
	xfree(lat);
	xfree(lng);
	return rc;
}

void snap_index_free(struct snap_index *ix)
{
	if (!ix)
		return;
	xfree(ix->pts);
	xfree(ix);
}

size_t snap_index_count(const struct snap_index *ix)
{
	return ix ? ix->n : 0;
}

/* First point whose cell is >= key. */
static size_t lower_bound(const struct snap_index *ix, uint64_t key)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->pts[mid].cell < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int32_t round_micro(double deg)
{
	return (int32_t)lround(deg * 1e6);
}

int snap_point(const struct snap_index *ix, int32_t lat, int32_t lng, double max_m,
	       struct snap_result *out, struct err *e)
{
	const struct snap_pt *best = NULL;
	double best_d = 0, cosl;
	int64_t dlat, dlng;
	long lsoa;

	if (lat < -90000000 || lat > 90000000 || lng < -180000000 || lng > 180000000)
		return err_set(e, ERR_INVALID, "snap: %d, %d is not a WGS84 point (microdegrees)",
			       lat, lng);
	cosl = cos((double)lat / 1e6 * M_PI / 180.0);
	if (cosl < 0.01)
		cosl = 0.01;
	dlat = (int64_t)ceil(max_m / M_PER_MICRODEG);
	dlng = (int64_t)ceil(max_m / (M_PER_MICRODEG * cosl));
	for (int64_t cy = cell_coord((int32_t)(lat - dlat)); cy <= cell_coord((int32_t)(lat + dlat)); cy++) {
		for (int64_t cx = cell_coord((int32_t)(lng - dlng));
		     cx <= cell_coord((int32_t)(lng + dlng)); cx++) {
			uint64_t key = cell_key(cy, cx);

			for (size_t i = lower_bound(ix, key); i < ix->n && ix->pts[i].cell == key; i++) {
				const struct snap_pt *p = &ix->pts[i];
				double d = snap_distance_m(lat, lng, p->lat, p->lng);

				if (d > max_m)
					continue;
				if (!best || d < best_d ||
				    (d == best_d && (p->lat < best->lat ||
						     (p->lat == best->lat && p->lng < best->lng)))) {
					best = p;
					best_d = d;
				}
			}
		}
	}
	lsoa = ix->rm ? readmodel_locate(ix->rm, (struct geo_point){ lng / 1e6, lat / 1e6 }) : -1;
	out->lsoa = lsoa;
	if (best) {
		out->lat = best->lat;
		out->lng = best->lng;
		out->how = SNAP_MAP_POINT;
		out->moved_m = best_d;
		return 0;
	}
	if (lsoa >= 0) {
		struct geo_point c = geo_centroid(&ix->rm->lsoa_shapes[lsoa]);

		out->lat = round_micro(c.y);
		out->lng = round_micro(c.x);
		out->how = SNAP_LSOA_CENTROID;
		out->moved_m = snap_distance_m(lat, lng, out->lat, out->lng);
		return 0;
	}
	return err_set(e, ERR_NOTFOUND,
		       "snap: no anonymous map point within %.0f m of %d, %d and no LSOA holds it",
		       max_m, lat, lng);
}
