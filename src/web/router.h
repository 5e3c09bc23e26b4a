/*
 * router.h - match a request against a table of routes and check its input
 * before any handler runs.
 *
 * A route row names the methods it answers, a path pattern whose segments
 * are literals or {param}s ("/api/{force}/{neighbourhood}/people"), the
 * handler, a stable name used in logs and metrics, the role and CSRF needs
 * (kept for the security work; role 0 = public, csrf unused for now) and
 * the query parameters it accepts, each with a validator.  The router:
 *  - picks, among rows whose pattern matches the path and whose methods
 *    include the request's, the most specific one: at the first segment
 *    where two patterns differ, a literal beats a {param};
 *  - answers HEAD with a GET row (the server drops the body);
 *  - answers 404 when no pattern matches and 405 with an Allow header when
 *    some do but none takes the method;
 *  - answers 400 naming the parameter and its value when a declared query
 *    parameter is invalid or repeated, and drops undeclared ones, so a
 *    handler sees only the parameters its row declares, already valid;
 *  - takes a POST's form body (application/x-www-form-urlencoded, or no
 *    Content-Type) as parameters too, checked like the query string;
 *  - answers 400 to a GET under /api/ whose target is over
 *    ROUTE_API_MAX_TARGET characters, as police.uk does (POST instead);
 *  - turns a handler's negative ERR_* return (status left unset) into the
 *    matching JSON error (http_status_for_err); a 500 never shows the
 *    handler's message, which goes to the error log instead.
 * All errors are JSON bodies (http_response_error).  The table is read-only
 * and shared by all server threads.
 */
#ifndef ENGAGE_ROUTER_H
#define ENGAGE_ROUTER_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "web/http.h"

enum param_kind {
	PARAM_TEXT = 1,	/* valid UTF-8, no control characters, up to max_len bytes */
	PARAM_INT,	/* decimal integer in [min, max] */
	PARAM_MONTH,	/* "YYYY-MM" */
	PARAM_LAT,	/* decimal degrees in [-90, 90] */
	PARAM_LNG,	/* decimal degrees in [-180, 180] */
	PARAM_LATLNG,	/* "lat,lng" in decimal degrees */
	PARAM_SLUG,	/* [A-Za-z0-9_-], 1 to max_len (default 64) bytes */
	PARAM_MULTILINE,	/* PARAM_TEXT that may also hold tabs and line breaks
				 * (a form's textarea) */
};

struct route_param {
	const char *name;	/* NULL ends the list */
	enum param_kind kind;
	size_t max_len;		/* PARAM_TEXT, PARAM_SLUG; 0 = 256 / 64 */
	int64_t min, max;	/* PARAM_INT; both 0 = any int64 */
};

#define ROUTE_MAX_QUERY 16
#define ROUTE_API_MAX_TARGET 4094

/* Shorthands for the `query` list of a row:
 *	.query = { Q_MONTH("date"), Q_INT("limit", 1, 500), Q_TEXT("q", 100) } */
#define Q_TEXT(n, max_bytes) { .name = (n), .kind = PARAM_TEXT, .max_len = (max_bytes) }
#define Q_INT(n, lo, hi) { .name = (n), .kind = PARAM_INT, .min = (lo), .max = (hi) }
#define Q_MONTH(n) { .name = (n), .kind = PARAM_MONTH }
#define Q_LAT(n) { .name = (n), .kind = PARAM_LAT }
#define Q_LNG(n) { .name = (n), .kind = PARAM_LNG }
#define Q_LATLNG(n) { .name = (n), .kind = PARAM_LATLNG }
#define Q_SLUG(n) { .name = (n), .kind = PARAM_SLUG }
#define Q_MULTILINE(n, max_bytes) { .name = (n), .kind = PARAM_MULTILINE, .max_len = (max_bytes) }

typedef int (*route_handler_fn)(void *app, const struct http_request *req,
				struct http_response *res);

struct route {
	unsigned methods;		/* enum http_method bits; GET implies HEAD */
	const char *pattern;		/* "/api/{force}/people" */
	route_handler_fn handler;
	const char *name;		/* stable: "people", shown in logs and metrics */
	int role;			/* 0 = public; roles arrive with the security work */
	int csrf;			/* 1 = needs a CSRF token (not yet checked) */
	struct route_param query[ROUTE_MAX_QUERY];	/* declared parameters */
};

/* Route names the server and router use for requests no row answered. */
#define ROUTE_UNMATCHED "unmatched"	/* 404, 405 */
#define ROUTE_LIMITS "limits"		/* 408, 413, 431 from the server */

/* Check a table once at start-up: well-formed patterns (start with '/', no
 * empty segment but a trailing '/' as in "/data/", at most HTTP_MAX_PARAMS
 * {param}s), unique names, names
 * not reserved, a handler per row, known parameter kinds.  ERR_INVALID
 * names the row. */
int router_check(const struct route *routes, size_t n, struct err *e);

/* Answer `req` from the table.  Returns 0; a route's handler result is
 * already folded into res (status, JSON error).  res->route is set. */
int router_dispatch(const struct route *routes, size_t n, void *app,
		    const struct http_request *req, struct http_response *res);

/* Check one value against a declared parameter; 0 or ERR_INVALID. */
int route_param_valid(const struct route_param *p, const char *value);

#endif
