/*
 * nb_map.c - a neighbourhood's map as GeoJSON (see nb_map.h).  Rows of the
 * latest month are gathered per map point (their street id, or their
 * position when they have none) and sorted, so the output is the same
 * bytes every time.
 */
#include "api/nb_map.h"

#include "base/json.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "publish/opendata.h"

#include <stdlib.h>
#include <string.h>

struct point {
	int32_t lat, lng;
	const char *location;
	int count;
	int by_cat[CAT_COUNT];
};

static int point_cmp(const void *a, const void *b)
{
	const struct point *x = a, *y = b;

	if (x->lat != y->lat)
		return x->lat < y->lat ? -1 : 1;
	return x->lng < y->lng ? -1 : x->lng > y->lng;
}

/* Points of neighbourhood n in month m, merged by position. */
static int gather(const struct readmodel *rm, const struct rm_month *m, size_t n,
		  struct point **out, size_t *np)
{
	const struct monthpack *p = &m->pack[MONTH_STREET];
	struct point *v = NULL;
	size_t nv = 0, cap = 0, k = 0;

	for (size_t r = 0; m->has[MONTH_STREET] && r < p->rows; r++) {
		uint8_t c = MP_U8(p, SC_CATEGORY)[r];
		struct point *pt;

		if (!(MP_U8(p, SC_FLAGS)[r] & MPF_LOCATED) ||
		    readmodel_row_neighbourhood(rm, m, MONTH_STREET, r) != (int32_t)n)
			continue;
		if (xgrow(&v, &cap, nv + 1, sizeof(*v))) {
			xfree(v);
			return ERR_NOMEM;
		}
		pt = &v[nv++];
		memset(pt, 0, sizeof(*pt));
		pt->lat = MP_I32(p, SC_LAT)[r];
		pt->lng = MP_I32(p, SC_LNG)[r];
		pt->location = monthpack_str(p, MP_STR(p, SC_LOCATION)[r]);
		pt->count = 1;
		pt->by_cat[c < CAT_COUNT ? c : CAT_OTHER_CRIME] = 1;
	}
	if (nv)
		qsort(v, nv, sizeof(*v), point_cmp);
	for (size_t i = 0; i < nv; i++) {
		if (k && !point_cmp(&v[k - 1], &v[i])) {
			v[k - 1].count++;
			for (int c = 0; c < CAT_COUNT; c++)
				v[k - 1].by_cat[c] += v[i].by_cat[c];
			continue;
		}
		v[k++] = v[i];
	}
	*out = v;
	*np = k;
	return 0;
}

static void point_write(struct json_writer *jw, const struct point *pt)
{
	const char *loc = pt->location ? pt->location : "";

	if (!strncmp(loc, "On or near ", 11))
		loc += 11;
	json_object_begin(jw);
	json_key_str(jw, "type", "Feature");
	json_key(jw, "properties");
	json_object_begin(jw);
	json_key_str(jw, "kind", "crimes");
	json_key_str(jw, "location", loc);
	json_key_int(jw, "count", pt->count);
	json_key(jw, "categories");
	json_object_begin(jw);
	for (int c = 0; c < CAT_COUNT; c++)
		if (pt->by_cat[c])
			json_key_int(jw, crime_categories[c].slug, pt->by_cat[c]);
	json_object_end(jw);
	json_object_end(jw);
	json_key(jw, "geometry");
	json_object_begin(jw);
	json_key_str(jw, "type", "Point");
	json_key(jw, "coordinates");
	json_array_begin(jw);
	json_double(jw, pt->lng / 1e6, 6);
	json_double(jw, pt->lat / 1e6, 6);
	json_array_end(jw);
	json_object_end(jw);
	json_object_end(jw);
}

int api_neighbourhood_map(const struct readmodel *rm, size_t n, struct strbuf *out,
			  struct err *e)
{
	const struct rm_neighbourhood *nb = &rm->nbhds[n];
	const struct rm_month *m = rm->latest_month ? readmodel_month(rm, nb->force, rm->latest_month)
						    : NULL;
	struct point *pts = NULL;
	size_t npts = 0;
	struct json_writer jw;
	char ym[8] = "";
	int rc = 0;

	if (m && gather(rm, m, n, &pts, &npts) < 0)
		return err_set(e, ERR_NOMEM, "out of memory drawing the map");
	if (rm->latest_month)
		format_month(rm->latest_month, ym);
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "type", "FeatureCollection");
	json_key_str(&jw, "month", ym[0] ? ym : NULL);
	json_key(&jw, "features");
	json_array_begin(&jw);
	json_object_begin(&jw);
	json_key_str(&jw, "type", "Feature");
	json_key(&jw, "properties");
	json_object_begin(&jw);
	json_key_str(&jw, "kind", "boundary");
	json_key_str(&jw, "name", nb->name);
	json_object_end(&jw);
	rc = opendata_boundary_write(&jw, nb);
	json_object_end(&jw);
	for (size_t i = 0; i < npts; i++)
		point_write(&jw, &pts[i]);
	json_array_end(&jw);
	json_object_end(&jw);
	strbuf_addch(out, '\n');
	xfree(pts);
	if (rc < 0 || out->failed)
		return err_set(e, ERR_NOMEM, "out of memory drawing the map");
	return 0;
}
