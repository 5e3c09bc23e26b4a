/*
 * routes.h - Engage's route table and the state its handlers share.
 *
 * The CLI fills a struct web_app, checks the table once with
 * web_routes_check(), and starts the server with web_dispatch as the
 * dispatch function and the web_app as its `app`:
 *
 *	struct web_app wa = { .metrics = m, .version = ENGAGE_VERSION,
 *			      .health = store_health, .health_ctx = store };
 *	opt.metrics = m;
 *	http_server_start(&opt, web_dispatch, &wa, &srv, &e);
 *
 * Every handler in routes.c receives that struct web_app as `app`.  The
 * layers below (api/, views/) know nothing of HTTP: a handler here reads
 * the request's declared parameters, calls them, and writes the result into
 * the response.  The web_app must outlive the server.
 */
#ifndef ENGAGE_ROUTES_H
#define ENGAGE_ROUTES_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "base/err.h"
#include "auth/auth.h"
#include "base/json.h"
#include "web/http.h"
#include "web/router.h"
#include "views/i18n.h"

struct metrics;
struct opendata_set;
struct ratelimit;
struct readmodel;
struct render_cache;
struct web_assets;
struct web_resident;

struct web_app {
	struct metrics *metrics;	/* shown at /metrics; NULL shows none */
	const char *version;		/* shown at /healthz; may be NULL */
	/*
	 * Optional extra checks for /healthz ("store reachable").  Called on a
	 * server thread inside the "checks" object: write members with
	 * json_key_*() and return 0, or return a negative ERR_* with a reason
	 * in e, and /healthz answers 503.  Reasons are shown to anyone who
	 * asks: say what is down, not paths or passwords.
	 */
	int (*health)(void *health_ctx, struct json_writer *jw, struct err *e);
	void *health_ctx;
	const struct readmodel *rm;	/* what the public pages read; may be NULL */
	const struct web_assets *assets;	/* served under /assets/; may be NULL */
	struct strbuf home_page[LANG_COUNT];	/* "/" in each language, by web_app_prepare() */
	const struct opendata_set *open_data;	/* served under /data/; may be NULL */
	char open_data_etag[24];	/* set by web_app_prepare() */
	/* The store, for Engage's own records (the engagement API).  SQLite
	 * handles are single-threaded: hold store_lock around every use. */
	struct store *store;
	pthread_mutex_t *store_lock;
	/* The public concern form's limit per client (base/ratelimit.h), or
	 * NULL for none; trust_proxy takes the client from X-Forwarded-For
	 * (web/form_guard.h). */
	struct ratelimit *concern_limit;
	/* Sign-in attempts per client (web.signin_limit), or NULL for none. */
	struct ratelimit *signin_limit;
	int trust_proxy;
	/* the resident pages' finder, counts and page cache (routes_resident.h) */
	struct web_resident *resident;
	/* police.uk API answers rendered once (routes_api.h), and the events
	 * and priorities of each neighbourhood rendered now and then */
	struct strbuf api_forces, api_categories, api_dates, api_updated;
	struct render_cache *api_records;
	size_t napi_records;
	/* Lockout and session timeouts for staff signing in (auth.*);
	 * web_app_prepare() puts in the defaults when left zero. */
	struct auth_policy auth_policy;
	/* How many POSTs have succeeded: an answer rendered before the latest
	 * is stale (web/render_cache.h). */
	atomic_ulong writes;
	void *user;
};

/* Render what can be rendered once (the front page) from wa->rm.  Call
 * before serving; web_app_release() frees it. */
int web_app_prepare(struct web_app *wa, struct err *e);
void web_app_release(struct web_app *wa);

extern const struct route web_routes[];
extern const size_t web_nroutes;

/* router_check() on web_routes; call once before serving. */
int web_routes_check(struct err *e);

/* The http_dispatch_fn for http_server_start(); `app` is a struct web_app. */
int web_dispatch(void *app, const struct http_request *req, struct http_response *res);

#endif
