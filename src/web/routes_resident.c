/*
 * routes_resident.c - the resident-facing pages (see routes_resident.h).
 */
#include "web/routes_resident.h"

#include "api/nb_map.h"
#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/find.h"
#include "engage/record.h"
#include "index/readmodel.h"
#include "views/calendar.h"
#include "views/html.h"
#include "views/page_find.h"
#include "views/page_neighbourhood.h"
#include "web/pages.h"
#include "web/render_cache.h"

#include <stdio.h>
#include <string.h>

#define FIND_SHOWN 20
#define CALENDAR_PAST_DAYS 90

/* A neighbourhood page in one language, rendered at most once per
 * PAGE_TTL seconds (web/render_cache.h): the police.uk part never changes
 * while serving, and meetings and priorities may show up to PAGE_TTL
 * seconds late, which spares the store a dozen queries on every request. */
#define PAGE_TTL 10

struct web_resident {
	struct finder *finder;
	struct nb_tallies *tallies;
	struct render_cache *pages;	/* [neighbourhood * LANG_COUNT + lang] */
	size_t npages;
};

int web_resident_prepare(struct web_app *wa, struct err *e)
{
	struct web_resident *r;
	int rc;

	if (!wa->rm)
		return 0;
	if (!(r = wa->resident = xcalloc(1, sizeof(*r))))
		return err_set(e, ERR_NOMEM, "out of memory preparing the resident pages");
	if ((rc = finder_build(wa->store, wa->rm, &r->finder, e)) < 0)
		return rc;
	r->npages = wa->rm->nnbhds * LANG_COUNT;
	if (!(r->tallies = nb_tallies_build(wa->rm)) ||
	    !(r->pages = xcalloc(r->npages ? r->npages : 1, sizeof(*r->pages))))
		return err_set(e, ERR_NOMEM, "out of memory counting crimes per neighbourhood");
	render_cache_init(r->pages, r->npages);
	return 0;
}

void web_resident_release(struct web_app *wa)
{
	struct web_resident *r = wa->resident;

	if (!r)
		return;
	render_cache_release(r->pages, r->npages);
	finder_free(r->finder);
	nb_tallies_free(r->tallies);
	xfree(r->pages);
	xfree(r);
	wa->resident = NULL;
}

/* "/neighbourhoods/glanmor/GM01", appended to out. */
static void nb_path(const struct web_app *wa, long n, struct strbuf *out)
{
	const struct rm_neighbourhood *nb = &wa->rm->nbhds[n];
	struct html h = { out, LANG_EN };

	HTML(&h, "/neighbourhoods/");
	html_url_arg(&h, wa->rm->forces[nb->force].id);
	HTML(&h, "/");
	html_url_arg(&h, nb->id);
}

/* 303 to a neighbourhood's page. */
static int to_neighbourhood(const struct web_app *wa, long n, struct http_response *res)
{
	struct strbuf loc = STRBUF_INIT;

	nb_path(wa, n, &loc);
	if (loc.failed) {
		strbuf_release(&loc);
		return err_set(&res->err, ERR_NOMEM, "out of memory");
	}
	http_response_header(res, "Location", strbuf_str(&loc));
	strbuf_release(&loc);
	res->status = 303;
	return 0;
}

int web_find(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const char *q = http_query(req, "q"), *lat = http_query(req, "lat"), *lng = http_query(req, "lng");
	struct find_match matches[FIND_SHOWN];
	struct find_page fp = { .rm = wa->rm, .query = q, .matches = matches };
	struct page_ctx pc;
	double y, x;

	if (!wa->rm || !wa->resident)
		return web_page_not_found(req, res, M_NOT_FOUND_NEIGHBOURHOOD);
	if (lat && lng && *lat && *lng) {
		long n;

		parse_double(lat, strlen(lat), &y);
		parse_double(lng, strlen(lng), &x);
		if ((n = finder_locate(wa->resident->finder, y, x)) >= 0)
			return to_neighbourhood(wa, n, res);
		fp.outside = 1;
		fp.query = NULL;
	} else if (q && find_parse_coordinates(q, &y, &x) == 0) {
		long n = finder_locate(wa->resident->finder, y, x);

		if (n >= 0)
			return to_neighbourhood(wa, n, res);
		fp.outside = 1;
	} else if (q) {
		size_t shown;
		int one = 1;

		fp.total = finder_search(wa->resident->finder, q, matches, FIND_SHOWN);
		shown = fp.total < FIND_SHOWN ? fp.total : FIND_SHOWN;
		for (size_t i = 1; i < shown; i++)
			one &= matches[i].nbhd == matches[0].nbhd;
		if (fp.total && fp.total <= FIND_SHOWN && one)
			return to_neighbourhood(wa, matches[0].nbhd, res);
		fp.nmatches = shown;
		fp.empty = !q[strspn(q, " \t")];
	}
	web_page_ctx(req, NAV_FIND, &pc);
	web_page_headers(res);
	page_find(&fp, &pc, &res->body);
	http_response_header(res, "Cache-Control", "no-store");
	res->status = 200;
	return 0;
}

/* The neighbourhood a request names, or -1 after answering 404. */
static long neighbourhood_of(const struct web_app *wa, const struct http_request *req)
{
	return wa->rm ? readmodel_neighbourhood(wa->rm, http_param(req, "force"), http_param(req, "id"))
		      : -1;
}

/* Engage's own record of neighbourhood n since `since`: 1 when loaded
 * (release it), 0 when there is no store or it failed (logged by the
 * caller's error path only when it matters: the page shows without it). */
static int load_record(struct web_app *wa, long n, int64_t since, struct record *rec,
		       struct err *e)
{
	const struct rm_neighbourhood *nb = &wa->rm->nbhds[n];
	int rc;

	if (!wa->store)
		return 0;
	pthread_mutex_lock(wa->store_lock);
	rc = record_load(wa->store, wa->rm->forces[nb->force].id, nb->id, since, rec, e);
	pthread_mutex_unlock(wa->store_lock);
	return rc < 0 ? rc : 1;
}

struct page_want {
	struct web_app *wa;
	long n;
	enum lang lang;
	int64_t now;
};

/* Render a neighbourhood page afresh (render_cache_get's callback). */
static int render_page(void *ctx, struct strbuf *body, struct err *e)
{
	const struct page_want *w = ctx;
	struct nb_page in = { .rm = w->wa->rm, .n = (size_t)w->n, .tallies = w->wa->resident->tallies,
			      .now = w->now };
	struct page_ctx pc = { .lang = w->lang, .nav = NAV_NEIGHBOURHOODS };
	struct strbuf path = STRBUF_INIT;
	struct record rec;
	int loaded = load_record(w->wa, w->n, w->now / 86400 * 86400 - 86400, &rec, e);

	if (loaded < 0)
		return loaded;
	nb_path(w->wa, w->n, &path);
	pc.path = strbuf_str(&path);
	in.rec = loaded ? &rec : NULL;
	page_neighbourhood(&in, &pc, body);
	if (loaded)
		record_release(&rec);
	strbuf_release(&path);
	if (path.failed)
		return err_set(e, ERR_NOMEM, "out of memory rendering a neighbourhood page");
	return 0;
}

int web_neighbourhood(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct page_want w = { wa, neighbourhood_of(wa, req), web_request_lang(req), time_now() };
	int rc;

	if (w.n < 0 || !wa->resident)
		return web_page_not_found(req, res, M_NOT_FOUND_NEIGHBOURHOOD);
	rc = render_cache_get(&wa->resident->pages[(size_t)w.n * LANG_COUNT + w.lang], PAGE_TTL,
			      w.now, atomic_load(&wa->writes), render_page, &w, &res->body,
			      &res->err);
	if (rc < 0)
		return rc;
	web_page_headers(res);
	res->status = 200;
	return 0;
}

static int calendar(struct web_app *wa, const struct http_request *req, struct http_response *res,
		    int64_t only_id)
{
	long n = neighbourhood_of(wa, req);
	int64_t now = time_now();
	struct record rec;
	int loaded, count;

	if (n < 0)
		return err_set(&res->err, ERR_NOTFOUND, "no such neighbourhood");
	if (!wa->store)
		return err_set(&res->err, ERR_BUSY, "this server has no database for meetings");
	loaded = load_record(wa, n, now - CALENDAR_PAST_DAYS * 86400, &rec, &res->err);
	if (loaded <= 0)
		return loaded;
	count = calendar_render(wa->rm, (size_t)n, &rec, only_id, now, web_request_lang(req),
				&res->body);
	record_release(&rec);
	if (only_id && !count) {
		strbuf_reset(&res->body);
		return err_set(&res->err, ERR_NOTFOUND, "no meeting %lld in this neighbourhood",
			       (long long)only_id);
	}
	if (res->body.failed)
		return err_set(&res->err, ERR_NOMEM, "out of memory writing the calendar");
	res->content_type = "text/calendar; charset=utf-8";
	http_response_header(res, "Cache-Control", "public, max-age=300");
	http_response_header(res, "Vary", "Cookie, Accept-Language");
	res->status = 200;
	return 0;
}

int web_nb_calendar(void *app, const struct http_request *req, struct http_response *res)
{
	return calendar(app, req, res, 0);
}

int web_nb_meeting(void *app, const struct http_request *req, struct http_response *res)
{
	const char *file = http_param(req, "file");
	size_t len = file ? strlen(file) : 0;
	int64_t id = 0;
	char disposition[96];
	int rc;

	if (len < 5 || strcmp(file + len - 4, ".ics") ||
	    parse_int_range(file, len - 4, 1, INT64_MAX, &id) < 0)
		return err_set(&res->err, ERR_NOTFOUND, "a meeting's calendar file is NUMBER.ics");
	rc = calendar(app, req, res, id);
	if (rc == 0) {
		snprintf(disposition, sizeof(disposition), "attachment; filename=\"meeting-%lld.ics\"",
			 (long long)id);
		http_response_header(res, "Content-Disposition", disposition);
	}
	return rc;
}

int web_nb_map(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	long n = neighbourhood_of(wa, req);
	int rc;

	if (n < 0)
		return err_set(&res->err, ERR_NOTFOUND, "no such neighbourhood");
	if ((rc = api_neighbourhood_map(wa->rm, (size_t)n, &res->body, &res->err)) < 0)
		return rc;
	res->content_type = "application/geo+json";
	http_response_header(res, "Cache-Control", "public, max-age=300");
	res->status = 200;
	return 0;
}
