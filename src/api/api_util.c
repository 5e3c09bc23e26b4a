/*
 * api_util.c - the pieces every police.uk endpoint shares (see
 * api-internal.h): how coordinates are written, the location object, and
 * the area searches over the read model's grids.
 */
#include "api/api-internal.h"

#include "base/parse.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int lat_col[MONTH_KIND_COUNT] = { SC_LAT, OC_LAT, ST_LAT };
static const int lng_col[MONTH_KIND_COUNT] = { SC_LNG, OC_LNG, ST_LNG };

void api_coord(int32_t micro, char buf[16])
{
	uint32_t v = micro < 0 ? (uint32_t)0 - (uint32_t)micro : (uint32_t)micro;
	uint32_t whole = v / 1000000, frac = v % 1000000;
	char digits[12], *p = digits + sizeof(digits);
	size_t n = 0;
	int last = 6;

	if (micro < 0)
		buf[n++] = '-';
	do {
		*--p = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	memcpy(buf + n, p, (size_t)(digits + sizeof(digits) - p));
	n += (size_t)(digits + sizeof(digits) - p);
	buf[n++] = '.';
	for (int i = 5; i >= 0; i--) {
		buf[n + (size_t)i] = (char)('0' + frac % 10);
		frac /= 10;
	}
	while (last > 1 && buf[n + (size_t)last - 1] == '0')	/* "52.0", "51.6" */
		last--;
	buf[n + (size_t)last] = '\0';
}

void api_key_coord(struct json_writer *jw, const char *key, int32_t micro)
{
	char buf[16];

	api_coord(micro, buf);
	json_key_str(jw, key, buf);
}

void api_location(struct json_writer *jw, const struct monthpack *p, int kind, size_t row,
		  const char *name)
{

	if (!(MP_U8(p, 0)[row] & MPF_LOCATED)) {
		json_null(jw);
		return;
	}
	json_object_begin(jw);
	api_key_coord(jw, "latitude", MP_I32(p, lat_col[kind])[row]);
	json_key(jw, "street");
	json_object_begin(jw);
	json_key_int(jw, "id", MP_I32(p, monthpack_street_col(kind))[row]);
	json_key_str(jw, "name", name ? name : "");
	json_object_end(jw);
	api_key_coord(jw, "longitude", MP_I32(p, lng_col[kind])[row]);
	json_object_end(jw);
}

int32_t api_month(const struct readmodel *rm, int32_t month)
{
	return month ? month : rm->latest_month;
}

long api_force_index(const struct readmodel *rm, const char *force, struct err *e)
{
	long f = force ? readmodel_force(rm, force) : -1;

	if (f < 0)
		err_set(e, ERR_NOTFOUND, "no force called '%s'", force ? force : "");
	return f;
}

void api_area_point(struct api_area *a, int32_t lat, int32_t lng)
{
	memset(a, 0, sizeof(*a));
	a->lat = lat;
	a->lng = lng;
}

void api_area_release(struct api_area *a)
{
	geo_multipolygon_release(&a->poly);
	memset(a, 0, sizeof(*a));
}

int api_area_poly(struct api_area *a, const char *text, struct err *e)
{
	struct geo_point *pts = NULL;
	size_t n = 0, cap = 0, k = 1;
	const char *at = text;
	int rc = 0;

	memset(a, 0, sizeof(*a));
	a->is_poly = 1;
	while (*at) {
		const char *end = strchr(at, ':'), *comma;
		int32_t lat, lng;
		size_t len;

		if (!end)
			end = at + strlen(at);
		len = (size_t)(end - at);
		comma = memchr(at, ',', len);
		if (!comma || parse_microdegrees(at, (size_t)(comma - at), &lat) < 0 ||
		    parse_microdegrees(comma + 1, (size_t)(end - comma - 1), &lng) < 0 ||
		    lat < -90000000 || lat > 90000000 || lng < -180000000 || lng > 180000000) {
			rc = err_set(e, ERR_INVALID,
				     "poly: point %zu '%.*s' is not 'latitude,longitude'", k,
				     (int)(len > 60 ? 60 : len), at);
			goto done;
		}
		if (n >= API_MAX_POLY_POINTS) {
			rc = err_set(e, ERR_INVALID, "poly: more than %d points", API_MAX_POLY_POINTS);
			goto done;
		}
		if (xgrow(&pts, &cap, n + 2, sizeof(*pts))) {
			rc = err_set(e, ERR_NOMEM, "out of memory reading poly");
			goto done;
		}
		pts[n++] = (struct geo_point){ lng / 1e6, lat / 1e6 };
		k++;
		at = *end ? end + 1 : end;
	}
	if (n < 3) {
		rc = err_set(e, ERR_INVALID, "poly: needs at least 3 points 'lat,lng:lat,lng:lat,lng', got %zu", n);
		goto done;
	}
	if (pts[0].x != pts[n - 1].x || pts[0].y != pts[n - 1].y)
		pts[n++] = pts[0];	/* closed automatically */
	a->poly.polys = xcalloc(1, sizeof(*a->poly.polys));
	if (!a->poly.polys || !(a->poly.polys[0].rings = xcalloc(1, sizeof(struct geo_ring)))) {
		rc = err_set(e, ERR_NOMEM, "out of memory reading poly");
		goto done;
	}
	a->poly.npolys = 1;
	a->poly.polys[0].nrings = 1;
	a->poly.polys[0].rings[0].pts = pts;
	a->poly.polys[0].rings[0].n = n;
	pts = NULL;
	geo_multipolygon_finish(&a->poly);
done:
	xfree(pts);
	if (rc)
		api_area_release(a);
	return rc;
}

void api_refs_release(struct api_refs *r)
{
	xfree(r->v);
	memset(r, 0, sizeof(*r));
}

static int add_ref(struct api_refs *out, uint64_t ref)
{
	if (xgrow(&out->v, &out->cap, out->n + 1, sizeof(*out->v)))
		return ERR_NOMEM;
	out->v[out->n++] = ref;
	return 0;
}

static int by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Metres between two points in microdegrees (equirectangular: exact
 * enough at a mile). */
static double distance_m(int32_t lat1, int32_t lng1, int32_t lat2, int32_t lng2)
{
	double k = M_PI / 180e6, mean = (lat1 + (double)lat2) / 2 * k;
	double dy = (lat2 - (double)lat1) * k, dx = (lng2 - (double)lng1) * k * cos(mean);

	return 6371008.8 * sqrt(dx * dx + dy * dy);
}


static void radius_box(int32_t lat, int32_t lng, double metres, int32_t box[4])
{
	double dlat = metres / 6371008.8 * 180e6 / M_PI;
	double c = cos(lat * M_PI / 180e6), dlng = dlat / (c > 0.01 ? c : 0.01);

	box[0] = (int32_t)(lat - dlat - 1);
	box[1] = (int32_t)(lat + dlat + 1);
	box[2] = (int32_t)(lng - dlng - 1);
	box[3] = (int32_t)(lng + dlng + 1);
}

/* Is a point (microdegrees) within the radius of the query point?  The
 * scale of a longitude degree is taken at the query's latitude: across a
 * mile that moves the edge by well under a metre. */
struct radius {
	int32_t lat, lng;
	double kx, ky, r2;
};

static void radius_init(struct radius *q, int32_t lat, int32_t lng, double metres)
{
	double k = M_PI / 180e6 * 6371008.8;

	q->lat = lat;
	q->lng = lng;
	q->ky = k;
	q->kx = k * cos(lat * M_PI / 180e6);
	q->r2 = metres * metres;
}

static int radius_holds(const struct radius *q, int32_t lat, int32_t lng)
{
	double dy = (lat - (double)q->lat) * q->ky, dx = (lng - (double)q->lng) * q->kx;

	return dx * dx + dy * dy <= q->r2;
}

int api_area_rows(const struct readmodel *rm, const struct api_area *a, int kind,
		  int32_t month, int (*keep)(const struct monthpack *p, size_t row, void *ctx),
		  void *ctx, struct api_refs *out, struct err *e)
{
	uint32_t *rows = NULL;
	uint64_t *seen = NULL;	/* a bit per row: kept rows come out in file order */
	size_t nrows, cap = 0, seen_cap = 0;
	struct radius q = { 0 };
	int32_t box[4];
	int rc = 0;

	if (a->is_poly) {
		box[0] = (int32_t)floor(a->poly.bbox.miny * 1e6);
		box[1] = (int32_t)ceil(a->poly.bbox.maxy * 1e6);
		box[2] = (int32_t)floor(a->poly.bbox.minx * 1e6);
		box[3] = (int32_t)ceil(a->poly.bbox.maxx * 1e6);
	} else {
		radius_box(a->lat, a->lng, API_RADIUS_M, box);
		radius_init(&q, a->lat, a->lng, API_RADIUS_M);
	}
	for (size_t f = 0; f < rm->nforces; f++) {
		const struct rm_month *m = readmodel_month(rm, (long)f, month);
		const struct monthpack *p;
		const int32_t *lats, *lngs;
		size_t words, kept = 0;

		if (!m || !m->has[kind])
			continue;
		p = &m->pack[kind];
		lats = MP_I32(p, lat_col[kind]);
		lngs = MP_I32(p, lng_col[kind]);
		nrows = 0;
		if (readmodel_box_rows(m, kind, box[0], box[1], box[2], box[3], &rows, &nrows, &cap) < 0) {
			rc = err_set(e, ERR_NOMEM, "out of memory searching the area");
			goto done;
		}
		if (!nrows)
			continue;
		words = (p->rows + 63) / 64;
		if (xgrow(&seen, &seen_cap, words, sizeof(*seen))) {
			rc = err_set(e, ERR_NOMEM, "out of memory searching the area");
			goto done;
		}
		memset(seen, 0, words * sizeof(*seen));
		for (size_t i = 0; i < nrows; i++) {
			uint32_t r = rows[i];
			int in = a->is_poly
				? geo_contains(&a->poly, (struct geo_point){ lngs[r] / 1e6, lats[r] / 1e6 })
				: radius_holds(&q, lats[r], lngs[r]);

			if (!in || (keep && !keep(p, r, ctx)))
				continue;
			seen[r / 64] |= (uint64_t)1 << (r % 64);
			kept++;
		}
		if (out->n + kept > API_MAX_RESULTS) {
			rc = err_set(e, ERR_LIMIT,
				     "more than %d results in the area; ask for a smaller one",
				     API_MAX_RESULTS);
			goto done;
		}
		if (xgrow(&out->v, &out->cap, out->n + kept + 1, sizeof(*out->v))) {
			rc = err_set(e, ERR_NOMEM, "out of memory searching the area");
			goto done;
		}
		for (size_t w = 0; w < words && kept; w++)
			for (uint64_t bits = seen[w]; bits; bits &= bits - 1) {
				out->v[out->n++] = RM_REF(m - rm->months, w * 64 + (size_t)__builtin_ctzll(bits));
				kept--;
			}
	}
done:
	xfree(rows);
	xfree(seen);
	return rc;
}

int api_street_rows(const struct readmodel *rm, int32_t street_id, int kind, int32_t month,
		    struct api_refs *out, struct err *e)
{
	int k;
	uint64_t ref = readmodel_street_find(rm, street_id, &k);
	uint32_t *rows = NULL;
	size_t nrows, cap = 0;
	int32_t lat, lng;
	int rc = 0;

	if (!ref)
		return 0;	/* an id Engage never gave out, or no row left there */
	lat = MP_I32(&rm->months[RM_REF_MONTH(ref)].pack[k], lat_col[k])[RM_REF_ROW(ref)];
	lng = MP_I32(&rm->months[RM_REF_MONTH(ref)].pack[k], lng_col[k])[RM_REF_ROW(ref)];
	for (size_t f = 0; f < rm->nforces; f++) {
		const struct rm_month *m = readmodel_month(rm, (long)f, month);
		const struct monthpack *p;

		if (!m || !m->has[kind])
			continue;
		p = &m->pack[kind];
		nrows = 0;
		if (readmodel_box_rows(m, kind, lat, lat, lng, lng, &rows, &nrows, &cap) < 0) {
			rc = err_set(e, ERR_NOMEM, "out of memory searching a location");
			goto done;
		}
		qsort(rows, nrows, sizeof(*rows), by_u32);
		for (size_t i = 0; i < nrows; i++)
			if (MP_I32(p, monthpack_street_col(kind))[rows[i]] == street_id &&
			    add_ref(out, RM_REF(m - rm->months, rows[i])) < 0) {
				rc = err_set(e, ERR_NOMEM, "out of memory searching a location");
				goto done;
			}
	}
done:
	xfree(rows);
	return rc;
}

int32_t api_nearest_street(const struct readmodel *rm, int32_t lat, int32_t lng, int32_t month)
{
	uint32_t *rows = NULL;
	size_t nrows, cap = 0;
	int32_t box[4], best = 0;
	double best_d = API_RADIUS_M;

	radius_box(lat, lng, API_RADIUS_M, box);
	for (size_t f = 0; f < rm->nforces; f++) {
		const struct rm_month *m = readmodel_month(rm, (long)f, month);

		for (int k = 0; m && k < MONTH_KIND_COUNT; k++) {
			const struct monthpack *p = &m->pack[k];

			if (!m->has[k])
				continue;
			nrows = 0;
			if (readmodel_box_rows(m, k, box[0], box[1], box[2], box[3], &rows, &nrows, &cap) < 0)
				break;
			for (size_t i = 0; i < nrows; i++) {
				double d = distance_m(lat, lng, MP_I32(p, lat_col[k])[rows[i]],
						      MP_I32(p, lng_col[k])[rows[i]]);
				int32_t id = MP_I32(p, monthpack_street_col(k))[rows[i]];

				if (id > 0 && (d < best_d || (d == best_d && id < best))) {
					best_d = d;
					best = id;
				}
			}
		}
	}
	xfree(rows);
	return best;
}

int api_frag(struct json_writer *jw, const struct readmodel *rm, uint64_t ref, int kind)
{
	const struct rm_frags *f = &rm->months[RM_REF_MONTH(ref)].frags[kind];
	size_t row = RM_REF_ROW(ref);

	if (!f->bytes)
		return 0;
	json_raw(jw, f->bytes + f->off[row], f->off[row + 1] - f->off[row]);
	return 1;
}

int api_prerender(struct readmodel *rm, int months, struct err *e)
{
	int32_t since = rm->latest_month - months + 1;
	int rc;

	if (months <= 0 || !rm->latest_month)
		return 0;
	if ((rc = readmodel_prerender(rm, MONTH_STREET, since, api_render_crime, NULL, e)) < 0)
		return rc;
	return readmodel_prerender(rm, MONTH_STOPS, since, api_render_stop, NULL, e);
}
