/*
 * router.c - the route table's matcher and gatekeeper (see router.h): path
 * patterns, method checks, declared query parameters and the mapping of a
 * handler's error codes to JSON error responses.
 */
#include "web/router.h"
#include "web/form.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/log.h"
#include "base/parse.h"
#include "base/utf8.h"
#include "base/xalloc.h"

#define TEXT_MAX_DEFAULT 256
#define SLUG_MAX_DEFAULT 64

static int is_param_segment(const char *s, size_t n)
{
	return n >= 3 && s[0] == '{' && s[n - 1] == '}';
}

/* One segment of a '/'-separated string starting at *p (just after a '/').
 * Sets *len and returns the start; *p moves to the next '/' or the end. */
static const char *next_segment(const char **p, size_t *len)
{
	const char *s = *p, *end = strchr(s, '/');

	if (!end)
		end = s + strlen(s);
	*len = (size_t)(end - s);
	*p = end;
	return s;
}

/*
 * Does `pattern` match `path`?  On a match returns 1 and sets *score, whose
 * bits from the top mark literal segments, so comparing scores as numbers
 * prefers a literal at the first segment where two patterns differ.  With
 * `buf` (strlen(path) + strlen(pattern) + 2 bytes at least) it also fills
 * the {param} names and values.
 */
static int pattern_match(const char *pattern, const char *path, uint64_t *score,
			 char *buf, struct http_kv *params, size_t *nparams)
{
	const char *pp = pattern, *qp = path;
	int seg = 0;

	*score = 0;
	if (nparams)
		*nparams = 0;
	if (*pp != '/' || *qp != '/')
		return 0;
	while (*pp == '/' && *qp == '/') {
		size_t plen, qlen;
		const char *ps, *qs;

		pp++;
		qp++;
		ps = next_segment(&pp, &plen);
		qs = next_segment(&qp, &qlen);
		if (is_param_segment(ps, plen)) {
			if (!qlen)
				return 0;
			if (buf && *nparams < HTTP_MAX_PARAMS) {
				params[*nparams].name = buf;
				memcpy(buf, ps + 1, plen - 2);
				buf += plen - 2;
				*buf++ = '\0';
				params[*nparams].value = buf;
				memcpy(buf, qs, qlen);
				buf += qlen;
				*buf++ = '\0';
				(*nparams)++;
			}
		} else {
			if (plen != qlen || memcmp(ps, qs, plen))
				return 0;
			if (seg < 64)
				*score |= (uint64_t)1 << (63 - seg);
		}
		seg++;
	}
	return *pp == '\0' && *qp == '\0';
}

static int method_accepted(unsigned methods, unsigned bit)
{
	if (methods & HTTP_GET)
		methods |= HTTP_HEAD;
	return bit && (methods & bit);
}

static void allow_header(unsigned methods, char *out, size_t size)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ HTTP_GET, "GET" }, { HTTP_HEAD, "HEAD" }, { HTTP_POST, "POST" },
		{ HTTP_PUT, "PUT" }, { HTTP_DELETE, "DELETE" },
		{ HTTP_PATCH, "PATCH" }, { HTTP_OPTIONS, "OPTIONS" },
	};
	size_t used = 0;

	if (methods & HTTP_GET)
		methods |= HTTP_HEAD;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(methods & names[i].bit))
			continue;
		used += (size_t)snprintf(out + used, size - used, "%s%s",
					 used ? ", " : "", names[i].name);
		if (used >= size)
			break;
	}
}

static int in_range_double(const char *s, size_t n, double lim)
{
	double v;

	return parse_double(s, n, &v) == 0 && v >= -lim && v <= lim;
}

int route_param_valid(const struct route_param *p, const char *value)
{
	size_t n = strlen(value), max;
	int64_t iv;
	int32_t month;
	const char *comma;

	switch (p->kind) {
	case PARAM_TEXT:
	case PARAM_MULTILINE:
		max = p->max_len ? p->max_len : TEXT_MAX_DEFAULT;
		if (n > max || utf8_check(value, n) != n)
			return ERR_INVALID;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)value[i];

			if (p->kind == PARAM_MULTILINE && (c == '\t' || c == '\n' || c == '\r'))
				continue;
			if (c < 0x20 || c == 0x7f)
				return ERR_INVALID;
		}
		return 0;
	case PARAM_INT:
		if (!p->min && !p->max)
			return parse_int64(value, n, &iv) ? ERR_INVALID : 0;
		return parse_int_range(value, n, p->min, p->max, &iv) ? ERR_INVALID : 0;
	case PARAM_MONTH:
		return parse_month(value, n, &month) ? ERR_INVALID : 0;
	case PARAM_LAT:
		return in_range_double(value, n, 90) ? 0 : ERR_INVALID;
	case PARAM_LNG:
		return in_range_double(value, n, 180) ? 0 : ERR_INVALID;
	case PARAM_LATLNG:
		comma = memchr(value, ',', n);
		if (!comma || !in_range_double(value, (size_t)(comma - value), 90) ||
		    !in_range_double(comma + 1, n - (size_t)(comma - value) - 1, 180))
			return ERR_INVALID;
		return 0;
	case PARAM_SLUG:
		max = p->max_len ? p->max_len : SLUG_MAX_DEFAULT;
		if (!n || n > max)
			return ERR_INVALID;
		for (size_t i = 0; i < n; i++) {
			char c = value[i];

			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9') || c == '-' || c == '_'))
				return ERR_INVALID;
		}
		return 0;
	}
	return ERR_INVALID;
}

/* What a valid value looks like, for the 400 message. */
static void param_expectation(const struct route_param *p, char *out, size_t size)
{
	switch (p->kind) {
	case PARAM_TEXT:
	case PARAM_MULTILINE:
		snprintf(out, size, "text of at most %zu bytes without control characters",
			 p->max_len ? p->max_len : (size_t)TEXT_MAX_DEFAULT);
		break;
	case PARAM_INT:
		if (!p->min && !p->max)
			snprintf(out, size, "a whole number");
		else
			snprintf(out, size, "a whole number from %lld to %lld",
				 (long long)p->min, (long long)p->max);
		break;
	case PARAM_MONTH:
		snprintf(out, size, "a month as YYYY-MM");
		break;
	case PARAM_LAT:
		snprintf(out, size, "a latitude in decimal degrees");
		break;
	case PARAM_LNG:
		snprintf(out, size, "a longitude in decimal degrees");
		break;
	case PARAM_LATLNG:
		snprintf(out, size, "latitude,longitude in decimal degrees");
		break;
	case PARAM_SLUG:
		snprintf(out, size, "1 to %zu letters, digits, '-' or '_'",
			 p->max_len ? p->max_len : (size_t)SLUG_MAX_DEFAULT);
		break;
	default:
		snprintf(out, size, "a value");
	}
}

static int valid_name(const char *name)
{
	if (!name || !*name)
		return 0;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      *c == '_' || *c == '-' || *c == '.'))
			return 0;
	return 1;
}

static int check_pattern(const char *pattern)
{
	const char *p = pattern;
	int nparams = 0;

	if (!pattern || *p != '/')
		return 0;
	if (!strcmp(pattern, "/"))
		return 1;
	while (*p == '/') {
		size_t len;
		const char *s;

		p++;
		s = next_segment(&p, &len);
		if (!len && *p)		/* only the last segment may be empty: "/data/" */
			return 0;
		if (is_param_segment(s, len)) {
			if (++nparams > HTTP_MAX_PARAMS)
				return 0;
		} else if (memchr(s, '{', len) || memchr(s, '}', len)) {
			return 0;
		}
	}
	return 1;
}

int router_check(const struct route *routes, size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		const struct route *r = &routes[i];

		if (!valid_name(r->name))
			return err_set(e, ERR_INVALID,
				       "route %zu: name '%s' must be lower-case letters, digits, '_', '-' or '.'",
				       i, r->name ? r->name : "");
		if (!strcmp(r->name, ROUTE_UNMATCHED) || !strcmp(r->name, ROUTE_LIMITS))
			return err_set(e, ERR_INVALID, "route '%s': the name is reserved",
				       r->name);
		if (!check_pattern(r->pattern))
			return err_set(e, ERR_INVALID,
				       "route '%s': bad pattern '%s' (segments are literals or {name}, none empty, at most %d params)",
				       r->name, r->pattern ? r->pattern : "",
				       HTTP_MAX_PARAMS);
		if (!r->handler || !r->methods)
			return err_set(e, ERR_INVALID, "route '%s': needs a handler and methods",
				       r->name);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(routes[j].name, r->name))
				return err_set(e, ERR_INVALID, "route '%s': name used twice",
					       r->name);
		for (int q = 0; q < ROUTE_MAX_QUERY && r->query[q].name; q++)
			if (r->query[q].kind < PARAM_TEXT || r->query[q].kind > PARAM_MULTILINE)
				return err_set(e, ERR_INVALID,
					       "route '%s': parameter '%s' has no known kind",
					       r->name, r->query[q].name);
	}
	return 0;
}

/* A form body (application/x-www-form-urlencoded) decoded in place into
 * `buf` (a copy of the body the caller frees); at most ROUTE_MAX_FORM
 * fields are kept, the rest dropped like undeclared parameters. */
#define ROUTE_MAX_FORM 32

static size_t form_fields(const struct http_request *req, char **buf, struct http_kv *kv)
{
	const char *ct = http_header(req, "Content-Type");
	size_t n = 0;
	char *at;

	*buf = NULL;
	if (req->method_bit != HTTP_POST || !req->body || !req->body_len)
		return 0;
	if (ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33))
		return 0;
	if (!(*buf = xstrndup(req->body, req->body_len)))
		return 0;
	for (at = *buf; at && *at && n < ROUTE_MAX_FORM;) {
		char *amp = strchr(at, '&'), *eq;

		if (amp)
			*amp = '\0';
		eq = strchr(at, '=');
		if (eq)
			*eq = '\0';
		if (*at) {
			kv[n].name = web_form_decode(at);
			kv[n].value = eq ? web_form_decode(eq + 1) : "";
			n++;
		}
		at = amp ? amp + 1 : NULL;
	}
	return n;
}

/* Keep only declared parameters, each valid and given at most once, from
 * the query string and, for a POST, a form body. */
static int filter_query(const struct route *r, const struct http_request *req,
			const struct http_kv *form, size_t nform,
			struct http_kv *out, size_t *nout, struct http_response *res)
{
	char expect[128];

	*nout = 0;
	for (int q = 0; q < ROUTE_MAX_QUERY && r->query[q].name; q++) {
		const struct route_param *p = &r->query[q];
		const char *value = NULL;

		for (size_t i = 0; i < req->nquery + nform; i++) {
			const struct http_kv *kv = i < req->nquery ? &req->query[i]
							: &form[i - req->nquery];
			if (strcmp(kv->name, p->name))
				continue;
			if (value) {
				http_response_error(res, 400, "invalid_parameter",
						    "parameter '%s' given more than once",
						    p->name);
				return ERR_INVALID;
			}
			value = kv->value;
		}
		if (!value)
			continue;
		if (route_param_valid(p, value) < 0) {
			param_expectation(p, expect, sizeof(expect));
			http_response_error(res, 400, "invalid_parameter",
					    "invalid parameter '%s': '%.80s' is not %s",
					    p->name, value, expect);
			return ERR_INVALID;
		}
		out[(*nout)++] = (struct http_kv){ p->name, value };
	}
	return 0;
}

/* The request target's length as sent, near enough: the adapter hands over
 * the path and query decoded, so escapes count once (a client is never
 * refused for a target police.uk would take). */
static size_t target_length(const struct http_request *req)
{
	size_t n = strlen(req->path);

	for (size_t i = 0; i < req->nquery; i++)
		n += 2 + strlen(req->query[i].name) + strlen(req->query[i].value);
	return n;
}

static void finish_handler(const struct route *r, const struct http_request *req,
			   struct http_response *res, int rc)
{
	int status;

	if (rc >= 0) {
		if (!res->status)
			res->status = 200;
		return;
	}
	if (res->status)
		return;
	status = http_status_for_err(rc, req);
	if (status == 500) {
		log_error("route %s: %s", r->name,
			  res->err.msg[0] ? res->err.msg : err_code_name(rc));
		http_response_error(res, 500, NULL, "internal error");
		return;
	}
	if (res->err.msg[0])
		http_response_error(res, status, NULL, "%s", res->err.msg);
	else
		http_response_error(res, status, NULL, "%s", err_code_name(rc));
}

int router_dispatch(const struct route *routes, size_t n, void *app,
		    const struct http_request *req, struct http_response *res)
{
	const struct route *best = NULL;
	uint64_t best_score = 0, score;
	unsigned allowed = 0;
	struct http_request r;
	struct http_kv query[ROUTE_MAX_QUERY], form[ROUTE_MAX_FORM];
	char allow[96], *buf, *form_buf = NULL;
	size_t nquery, nform;
	int rc;

	for (size_t i = 0; i < n; i++) {
		if (!pattern_match(routes[i].pattern, req->path, &score, NULL, NULL, NULL))
			continue;
		allowed |= routes[i].methods;
		if (!method_accepted(routes[i].methods, req->method_bit))
			continue;
		if (!best || score > best_score) {
			best = &routes[i];
			best_score = score;
		}
	}
	res->route = best ? best->name : ROUTE_UNMATCHED;
	if (!best && !allowed) {
		http_response_error(res, 404, NULL, "no route for %.200s", req->path);
		return 0;
	}
	if (!best) {
		allow_header(allowed, allow, sizeof(allow));
		http_response_error(res, 405, NULL, "method %.16s not allowed for %s; allowed: %s",
				    req->method, req->path, allow);
		http_response_header(res, "Allow", allow);
		return 0;
	}

	if (!strncmp(best->pattern, "/api/", 5) && req->method_bit != HTTP_POST &&
	    target_length(req) > ROUTE_API_MAX_TARGET) {
		http_response_error(res, 400, "uri_too_long",
				    "request longer than %d characters; send long polygons with POST",
				    ROUTE_API_MAX_TARGET);
		return 0;
	}
	r = *req;
	nform = form_fields(req, &form_buf, form);
	if (filter_query(best, req, form, nform, query, &nquery, res) < 0) {
		xfree(form_buf);
		return 0;
	}
	r.query = query;
	r.nquery = nquery;
	buf = xmalloc(strlen(req->path) + strlen(best->pattern) + 2);
	if (!buf) {
		xfree(form_buf);
		http_response_error(res, 503, NULL, "out of memory");
		return 0;
	}
	pattern_match(best->pattern, req->path, &score, buf, r.params, &r.nparams);
	rc = best->handler(app, &r, res);
	finish_handler(best, &r, res, rc);
	xfree(buf);
	xfree(form_buf);
	return 0;
}
