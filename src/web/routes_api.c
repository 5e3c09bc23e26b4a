/*
 * routes_api.c - handlers for the police.uk-compatible API (routes_api.h).
 *
 * A handler here holds no rule of the API: it reads declared parameters,
 * calls src/api/, and sends what it wrote.  Answers that never change
 * while a read model lives are rendered once (web_api_prepare) and sent
 * borrowed, without a copy.
 */
#include "web/routes_api.h"

#include "api/engage_api.h"

#include <string.h>

#include "api/api.h"
#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "index/readmodel.h"
#include "web/render_cache.h"
#include "web/routes.h"

static const struct readmodel *model(void *app, struct http_response *res)
{
	struct web_app *wa = app;

	if (!wa || !wa->rm)
		err_set(&res->err, ERR_BUSY, "no data loaded");
	return wa ? wa->rm : NULL;
}

/* Turn an api_* result into the response.  Over 10,000 results is 503
 * whatever the method (the router would say 413 for a POST). */
static int answer(struct http_response *res, int rc)
{
	if (rc == ERR_LIMIT) {
		http_response_error(res, 503, "too_many_results", "%s", res->err.msg);
		return 0;
	}
	if (rc == 0) {
		http_response_header(res, "Cache-Control", "public, max-age=300");
		res->status = 200;
	}
	return rc;
}

static int borrow(struct http_response *res, const struct strbuf *sb)
{
	if (!sb->len)
		return err_set(&res->err, ERR_BUSY, "no data loaded");
	http_response_borrow(res, sb->buf, sb->len);
	return answer(res, 0);
}

/* The `date` parameter as a month, 0 (latest) when absent. */
static int32_t month_of(const struct http_request *req)
{
	const char *d = http_query(req, "date");
	int32_t m = 0;

	if (d && parse_month(d, strlen(d), &m) < 0)
		m = 0;	/* the router let only valid months through */
	return m;
}

static int micro(const char *s, int32_t *out)
{
	return s && parse_microdegrees(s, strlen(s), out) == 0 ? 0 : -1;
}

/* lat+lng, or poly; ERR_INVALID naming what is missing. */
static int area_of(const struct http_request *req, struct api_area *a, struct err *e)
{
	const char *poly = http_query(req, "poly");
	const char *lat = http_query(req, "lat"), *lng = http_query(req, "lng");
	int32_t y, x;

	if (poly)
		return api_area_poly(a, poly, e);
	if (micro(lat, &y) < 0 || micro(lng, &x) < 0)
		return err_set(e, ERR_INVALID, "give 'lat' and 'lng', or 'poly'");
	api_area_point(a, y, x);
	return 0;
}

/* Answers rendered once by web_api_prepare(). */
#define FIXED(name, field)                                                           \
	API_HANDLER(name)                                                            \
	{                                                                            \
		return borrow(res, &((struct web_app *)app)->field);                 \
	}
FIXED(h_api_forces, api_forces)
FIXED(h_api_crime_categories, api_categories)
FIXED(h_api_crime_last_updated, api_updated)
FIXED(h_api_crimes_street_dates, api_dates)

#define FORCE_ONLY(name, fn)                                                         \
	API_HANDLER(name)                                                            \
	{                                                                            \
		const struct readmodel *rm = model(app, res);                        \
		return rm ? answer(res, fn(rm, http_param(req, "force"), &res->body, \
					   &res->err)) : ERR_BUSY;                   \
	}
FORCE_ONLY(h_api_force, api_force)
FORCE_ONLY(h_api_force_people, api_force_people)
FORCE_ONLY(h_api_neighbourhoods, api_neighbourhoods)

#define NBHD(name, fn)                                                               \
	API_HANDLER(name)                                                            \
	{                                                                            \
		const struct readmodel *rm = model(app, res);                        \
		return rm ? answer(res, fn(rm, http_param(req, "force"),             \
					   http_param(req, "neighbourhood"),         \
					   &res->body, &res->err)) : ERR_BUSY;       \
	}
NBHD(h_api_neighbourhood, api_neighbourhood)
NBHD(h_api_boundary, api_neighbourhood_boundary)
NBHD(h_api_nbhd_people, api_neighbourhood_people)

/* Events and priorities come from Engage's own records, in the store:
 * rendered at most once per RECORDS_TTL seconds per neighbourhood
 * (web/render_cache.h), which took priorities from 2,800 to tens of
 * thousands of answers a second (docs/PERFORMANCE.md). */
#define RECORDS_TTL 10
enum { REC_EVENTS, REC_PRIORITIES, REC_COUNT };

struct records_want {
	struct web_app *wa;
	const char *force, *id;
	int (*fn)(struct store *s, const char *force, const char *id, struct strbuf *out,
		  struct err *e);
};

static int render_records(void *ctx, struct strbuf *body, struct err *e)
{
	const struct records_want *w = ctx;
	int rc;

	pthread_mutex_lock(w->wa->store_lock);
	rc = w->fn(w->wa->store, w->force, w->id, body, e);
	pthread_mutex_unlock(w->wa->store_lock);
	return rc;
}

static int records(struct web_app *wa, const struct http_request *req, struct http_response *res,
		   int which)
{
	struct records_want w = { wa, http_param(req, "force"), http_param(req, "neighbourhood"),
				  which == REC_EVENTS ? api_police_events : api_police_priorities };
	long n = wa->rm ? readmodel_neighbourhood(wa->rm, w.force, w.id) : -1;

	if (!wa->store)
		return err_set(&res->err, ERR_BUSY, "no database");
	if (n < 0 || !wa->api_records)	/* the store says what is missing */
		return answer(res, render_records(&w, &res->body, &res->err));
	return answer(res, render_cache_get(&wa->api_records[(size_t)n * REC_COUNT + (size_t)which],
					    RECORDS_TTL, time_now(), atomic_load(&wa->writes),
					    render_records, &w, &res->body, &res->err));
}

API_HANDLER(h_api_events)
{
	return records(app, req, res, REC_EVENTS);
}

API_HANDLER(h_api_priorities)
{
	return records(app, req, res, REC_PRIORITIES);
}

API_HANDLER(h_api_locate)
{
	const struct readmodel *rm = model(app, res);
	const char *q = http_query(req, "q"), *comma = q ? strchr(q, ',') : NULL;
	int32_t lat, lng;

	if (!rm)
		return ERR_BUSY;
	if (!comma || parse_microdegrees(q, (size_t)(comma - q), &lat) < 0 || micro(comma + 1, &lng) < 0)
		return err_set(&res->err, ERR_INVALID, "give 'q' as latitude,longitude");
	return answer(res, api_locate_neighbourhood(rm, lat, lng, &res->body, &res->err));
}

API_HANDLER(h_api_crimes_street)
{
	const struct readmodel *rm = model(app, res);
	struct api_area a;
	int rc;

	if (!rm)
		return ERR_BUSY;
	if ((rc = area_of(req, &a, &res->err)) < 0)
		return rc;
	rc = api_crimes_street(rm, http_param(req, "category"), &a, month_of(req), &res->body,
			       &res->err);
	api_area_release(&a);
	return answer(res, rc);
}

/* location_id, else lat+lng (the nearest point); ERR_INVALID if neither. */
static int location_of(const struct http_request *req, int32_t *id, int32_t *lat,
		       int32_t *lng, struct err *e)
{
	const char *s = http_query(req, "location_id");
	int64_t v;

	*id = *lat = *lng = 0;
	if (s && parse_int64(s, strlen(s), &v) == 0) {
		*id = (int32_t)v;	/* the router bounded it */
		return 0;
	}
	if (micro(http_query(req, "lat"), lat) == 0 && micro(http_query(req, "lng"), lng) == 0)
		return 0;
	return err_set(e, ERR_INVALID, "give 'location_id', or 'lat' and 'lng'");
}

API_HANDLER(h_api_crimes_at_location)
{
	const struct readmodel *rm = model(app, res);
	int32_t id, lat, lng;
	int rc;

	if (!rm)
		return ERR_BUSY;
	if ((rc = location_of(req, &id, &lat, &lng, &res->err)) < 0)
		return rc;
	return answer(res, api_crimes_at_location(rm, id, lat, lng, month_of(req), &res->body,
						  &res->err));
}

API_HANDLER(h_api_crimes_no_location)
{
	const struct readmodel *rm = model(app, res);
	const char *force = http_query(req, "force");

	if (!rm)
		return ERR_BUSY;
	if (!force)
		return err_set(&res->err, ERR_INVALID, "give 'force'");
	return answer(res, api_crimes_no_location(rm, http_query(req, "category"), force,
						  month_of(req), &res->body, &res->err));
}

API_HANDLER(h_api_outcomes_for_crime)
{
	const struct readmodel *rm = model(app, res);

	return rm ? answer(res, api_outcomes_for_crime(rm, http_param(req, "persistent_id"),
						       &res->body, &res->err)) : ERR_BUSY;
}

API_HANDLER(h_api_outcomes_at_location)
{
	const struct readmodel *rm = model(app, res);
	struct api_area a;
	int32_t id, lat, lng;
	int rc;

	if (!rm)
		return ERR_BUSY;
	if (http_query(req, "poly")) {
		if ((rc = area_of(req, &a, &res->err)) < 0)
			return rc;
		rc = api_outcomes_at_location(rm, &a, 0, 0, 0, month_of(req), &res->body, &res->err);
		api_area_release(&a);
		return answer(res, rc);
	}
	if ((rc = location_of(req, &id, &lat, &lng, &res->err)) < 0)
		return rc;
	return answer(res, api_outcomes_at_location(rm, NULL, id, lat, lng, month_of(req),
						    &res->body, &res->err));
}

API_HANDLER(h_api_stops_street)
{
	const struct readmodel *rm = model(app, res);
	struct api_area a;
	int rc;

	if (!rm)
		return ERR_BUSY;
	if ((rc = area_of(req, &a, &res->err)) < 0)
		return rc;
	rc = api_stops_street(rm, &a, month_of(req), &res->body, &res->err);
	api_area_release(&a);
	return answer(res, rc);
}

API_HANDLER(h_api_stops_at_location)
{
	const struct readmodel *rm = model(app, res);
	const char *s = http_query(req, "location_id");
	int64_t id;

	if (!rm)
		return ERR_BUSY;
	if (!s || parse_int64(s, strlen(s), &id) < 0)
		return err_set(&res->err, ERR_INVALID, "give 'location_id'");
	return answer(res, api_stops_at_location(rm, (int32_t)id, month_of(req), &res->body,
						 &res->err));
}

#define STOPS_BY_FORCE(name, fn)                                                     \
	API_HANDLER(name)                                                            \
	{                                                                            \
		const struct readmodel *rm = model(app, res);                        \
		const char *force = http_query(req, "force");                        \
		if (!rm)                                                             \
			return ERR_BUSY;                                             \
		if (!force)                                                          \
			return err_set(&res->err, ERR_INVALID, "give 'force'");      \
		return answer(res, fn(rm, force, month_of(req), &res->body, &res->err)); \
	}
STOPS_BY_FORCE(h_api_stops_no_location, api_stops_no_location)
STOPS_BY_FORCE(h_api_stops_force, api_stops_force)

int web_api_prepare(struct web_app *wa, struct err *e)
{
	strbuf_init(&wa->api_forces, 0);
	strbuf_init(&wa->api_categories, 0);
	strbuf_init(&wa->api_dates, 0);
	strbuf_init(&wa->api_updated, 0);
	if (!wa->rm)
		return 0;
	wa->napi_records = wa->rm->nnbhds * REC_COUNT;
	if (!(wa->api_records = xcalloc(wa->napi_records ? wa->napi_records : 1,
					sizeof(*wa->api_records))))
		return err_set(e, ERR_NOMEM, "out of memory preparing the API");
	render_cache_init(wa->api_records, wa->napi_records);
	if (api_forces(wa->rm, &wa->api_forces) < 0 ||
	    api_crime_categories(wa->rm, &wa->api_categories) < 0 ||
	    api_crimes_street_dates(wa->rm, &wa->api_dates) < 0 ||
	    api_crime_last_updated(wa->rm, &wa->api_updated) < 0)
		return err_set(e, ERR_NOMEM, "out of memory rendering the API's fixed answers");
	return 0;
}

void web_api_release(struct web_app *wa)
{
	render_cache_release(wa->api_records, wa->napi_records);
	xfree(wa->api_records);
	wa->api_records = NULL;
	strbuf_release(&wa->api_forces);
	strbuf_release(&wa->api_categories);
	strbuf_release(&wa->api_dates);
	strbuf_release(&wa->api_updated);
}
