/*
 * t_router.c - the router (src/web/router.c): matching, literal over
 * {param}, 404/405 with Allow, declared parameters checked and the rest
 * dropped, handler errors turned into JSON statuses.
 */
#include "test.h"

#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/log.h"
#include "web/http.h"
#include "web/router.h"
#include "web/routes.h"

/* What the last handler saw. */
static char seen[512];

static void note(const char *route, const struct http_request *req)
{
	size_t o = (size_t)snprintf(seen, sizeof(seen), "%s", route);

	for (size_t i = 0; i < req->nparams && o < sizeof(seen); i++)
		o += (size_t)snprintf(seen + o, sizeof(seen) - o, " %s=%s",
				      req->params[i].name, req->params[i].value);
	for (size_t i = 0; i < req->nquery && o < sizeof(seen); i++)
		o += (size_t)snprintf(seen + o, sizeof(seen) - o, " ?%s=%s",
				      req->query[i].name, req->query[i].value);
}

static int h_people(void *app, const struct http_request *req, struct http_response *res)
{
	note("people", req);
	strbuf_addstr(&res->body, "[]");
	return 0;
}

static int h_people_new(void *app, const struct http_request *req, struct http_response *res)
{
	note("people_new", req);
	res->status = 201;
	return 0;
}

static int h_force(void *app, const struct http_request *req, struct http_response *res)
{
	note("force", req);
	return 0;
}

static int h_fail(void *app, const struct http_request *req, struct http_response *res)
{
	const char *how = http_param(req, "how");

	note("fail", req);
	if (!strcmp(how, "notfound"))
		return err_set(&res->err, ERR_NOTFOUND, "no neighbourhood 'x9'");
	if (!strcmp(how, "conflict"))
		return ERR_CONFLICT;
	if (!strcmp(how, "denied"))
		return ERR_DENIED;
	return err_set(&res->err, ERR_INTERNAL, "secret table t_people is corrupt");
}

static const struct route table[] = {
	{ .methods = HTTP_GET, .pattern = "/api/{force}/{neighbourhood}/people",
	  .handler = h_people, .name = "people",
	  .query = { Q_MONTH("date"), Q_INT("limit", 1, 100), Q_TEXT("q", 10),
		     Q_LATLNG("at"), Q_SLUG("id") } },
	{ .methods = HTTP_POST, .pattern = "/api/{force}/new/people",
	  .handler = h_people_new, .name = "people_new", .csrf = 1 },
	{ .methods = HTTP_GET | HTTP_PUT, .pattern = "/api/{force}",
	  .handler = h_force, .name = "force" },
	{ .methods = HTTP_GET, .pattern = "/fail/{how}", .handler = h_fail, .name = "fail" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/special/people",
	  .handler = h_force, .name = "special" },
	{ .methods = HTTP_GET, .pattern = "/x/{a}/c", .handler = h_force, .name = "x_param_first" },
	{ .methods = HTTP_GET, .pattern = "/x/b/{c}",
	  .handler = h_force, .name = "x_literal_first" },
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

static void run(const char *method, const char *path, const struct http_kv *q,
		size_t nq, struct http_response *res)
{
	struct http_request req;

	memset(&req, 0, sizeof(req));
	req.method = method;
	req.method_bit = http_method_bit(method);
	req.path = path;
	req.query = q;
	req.nquery = nq;
	seen[0] = '\0';
	http_response_init(res);
	CHECK_INT(router_dispatch(table, NTABLE, NULL, &req, res), 0);
}

static const char *allow_of(const struct http_response *res)
{
	for (int i = 0; i < res->nheaders; i++)
		if (!strcmp(res->headers[i].name, "Allow"))
			return res->headers[i].value;
	return NULL;
}

TEST(router_table_is_well_formed)
{
	struct err e = ERR_INIT;

	CHECK_INT(router_check(table, NTABLE, &e), 0);
	CHECK_INT(web_routes_check(&e), 0);
}

TEST(router_check_refuses_bad_rows)
{
	struct err e = ERR_INIT;
	struct route bad[2] = {
		{ .methods = HTTP_GET, .pattern = "/a/{x}", .handler = h_force, .name = "a" },
		{ .methods = HTTP_GET, .pattern = "/b//c", .handler = h_force, .name = "b" },
	};

	CHECK_INT(router_check(bad, 2, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "route 'b': bad pattern '/b//c'");
	bad[1].pattern = "/b";
	bad[1].name = "a";
	CHECK_INT(router_check(bad, 2, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "route 'a': name used twice");
	bad[1].name = "unmatched";
	CHECK_INT(router_check(bad, 2, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "reserved");
}

TEST(router_matches_params)
{
	struct http_response res;

	run("GET", "/api/leicestershire/NC04/people", NULL, 0, &res);
	CHECK_INT(res.status, 200);
	CHECK_STR(res.route, "people");
	CHECK_STR(seen, "people force=leicestershire neighbourhood=NC04");
	CHECK_STR(strbuf_str(&res.body), "[]");
	http_response_release(&res);

	run("GET", "/api/leicestershire", NULL, 0, &res);
	CHECK_STR(seen, "force force=leicestershire");
	http_response_release(&res);

	/* A trailing slash or an empty segment is a different path. */
	run("GET", "/api/leicestershire/", NULL, 0, &res);
	CHECK_INT(res.status, 404);
	http_response_release(&res);
	run("GET", "/api//NC04/people", NULL, 0, &res);
	CHECK_INT(res.status, 404);
	http_response_release(&res);
}

TEST(router_literal_beats_param)
{
	struct http_response res;

	run("POST", "/api/leics/new/people", NULL, 0, &res);
	CHECK_INT(res.status, 201);
	CHECK_STR(seen, "people_new force=leics");
	http_response_release(&res);

	/* Same method: the literal row wins, wherever it sits in the table. */
	run("GET", "/api/leics/special/people", NULL, 0, &res);
	CHECK_STR(res.route, "special");
	CHECK_STR(seen, "force force=leics");
	http_response_release(&res);

	/* The first segment where the patterns differ decides. */
	run("GET", "/x/b/c", NULL, 0, &res);
	CHECK_STR(res.route, "x_literal_first");
	http_response_release(&res);
	run("GET", "/x/z/c", NULL, 0, &res);
	CHECK_STR(res.route, "x_param_first");
	http_response_release(&res);

	/* The literal row takes only POST; a GET falls to the {param} row. */
	run("GET", "/api/leics/new/people", NULL, 0, &res);
	CHECK_INT(res.status, 200);
	CHECK_STR(seen, "people force=leics neighbourhood=new");
	http_response_release(&res);
}

TEST(router_404_is_json)
{
	struct http_response res;

	run("GET", "/nowhere", NULL, 0, &res);
	CHECK_INT(res.status, 404);
	CHECK_STR(res.route, ROUTE_UNMATCHED);
	CHECK_STR(strbuf_str(&res.body),
		  "{\"error\":{\"status\":404,\"code\":\"not_found\",\"message\":\"no route for /nowhere\"}}\n");
	CHECK_STR(seen, "");
	http_response_release(&res);
}

TEST(router_405_lists_allowed_methods)
{
	struct http_response res;

	run("DELETE", "/api/leics", NULL, 0, &res);
	CHECK_INT(res.status, 405);
	CHECK_STR(allow_of(&res), "GET, HEAD, PUT");
	CHECK_CONTAINS(strbuf_str(&res.body), "\"code\":\"method_not_allowed\"");
	CHECK_STR(seen, "");
	http_response_release(&res);

	/* Both rows match the path; Allow is their union. */
	run("DELETE", "/api/leics/new/people", NULL, 0, &res);
	CHECK_INT(res.status, 405);
	CHECK_STR(allow_of(&res), "GET, HEAD, POST");
	http_response_release(&res);

	/* A method Engage does not know at all. */
	run("BREW", "/api/leics", NULL, 0, &res);
	CHECK_INT(res.status, 405);
	http_response_release(&res);
}

TEST(router_head_uses_get_route)
{
	struct http_response res;

	run("HEAD", "/api/leics/NC04/people", NULL, 0, &res);
	CHECK_INT(res.status, 200);
	CHECK_STR(res.route, "people");
	http_response_release(&res);
}

TEST(router_validates_declared_params)
{
	struct http_response res;
	struct http_kv bad_month[] = { { "date", "2024-13" } };
	struct http_kv bad_limit[] = { { "limit", "500" } };
	struct http_kv bad_slug[] = { { "id", "a b" } };
	struct http_kv long_text[] = { { "q", "far too long text" } };
	struct http_kv bad_at[] = { { "at", "52.6,-200" } };
	struct http_kv twice[] = { { "date", "2024-01" }, { "date", "2024-02" } };

	run("GET", "/api/leics/NC04/people", bad_month, 1, &res);
	CHECK_INT(res.status, 400);
	CHECK_CONTAINS(strbuf_str(&res.body),
		       "invalid parameter 'date': '2024-13' is not a month as YYYY-MM");
	CHECK_CONTAINS(strbuf_str(&res.body), "\"code\":\"invalid_parameter\"");
	CHECK_STR(seen, "");	/* the handler never ran */
	http_response_release(&res);

	run("GET", "/api/leics/NC04/people", bad_limit, 1, &res);
	CHECK_INT(res.status, 400);
	CHECK_CONTAINS(strbuf_str(&res.body),
		       "invalid parameter 'limit': '500' is not a whole number from 1 to 100");
	http_response_release(&res);

	run("GET", "/api/leics/NC04/people", bad_slug, 1, &res);
	CHECK_INT(res.status, 400);
	CHECK_CONTAINS(strbuf_str(&res.body), "'id'");
	http_response_release(&res);

	run("GET", "/api/leics/NC04/people", long_text, 1, &res);
	CHECK_INT(res.status, 400);
	CHECK_CONTAINS(strbuf_str(&res.body), "at most 10 bytes");
	http_response_release(&res);

	run("GET", "/api/leics/NC04/people", bad_at, 1, &res);
	CHECK_INT(res.status, 400);
	CHECK_CONTAINS(strbuf_str(&res.body), "'at': '52.6,-200'");
	http_response_release(&res);

	run("GET", "/api/leics/NC04/people", twice, 2, &res);
	CHECK_INT(res.status, 400);
	CHECK_CONTAINS(strbuf_str(&res.body), "parameter 'date' given more than once");
	http_response_release(&res);
}

TEST(router_drops_undeclared_params)
{
	struct http_response res;
	struct http_kv q[] = {
		{ "email", "someone@example.org" }, { "date", "2024-02" },
		{ "limit", "5" }, { "at", "52.63,-1.13" }, { "debug", "" },
	};

	run("GET", "/api/leics/NC04/people", q, 5, &res);
	CHECK_INT(res.status, 200);
	CHECK_STR(seen, "people force=leics neighbourhood=NC04 ?date=2024-02 ?limit=5 ?at=52.63,-1.13");
	http_response_release(&res);
}

TEST(router_param_validators)
{
	struct route_param lat = Q_LAT("lat");
	struct route_param slug = { .name = "s", .kind = PARAM_SLUG, .max_len = 4 };
	struct route_param text = Q_TEXT("t", 0);
	struct route_param any = Q_INT("n", 0, 0);

	CHECK_INT(route_param_valid(&lat, "52.629729"), 0);
	CHECK_INT(route_param_valid(&lat, "-90"), 0);
	CHECK_INT(route_param_valid(&lat, "90.1"), ERR_INVALID);
	CHECK_INT(route_param_valid(&lat, ""), ERR_INVALID);
	CHECK_INT(route_param_valid(&slug, "NC04"), 0);
	CHECK_INT(route_param_valid(&slug, "NC045"), ERR_INVALID);
	CHECK_INT(route_param_valid(&text, "Caf\xc3\xa9 ŵ"), 0);
	CHECK_INT(route_param_valid(&text, "bad\xff"), ERR_INVALID);
	CHECK_INT(route_param_valid(&text, "line\nbreak"), ERR_INVALID);
	CHECK_INT(route_param_valid(&any, "-12"), 0);
	CHECK_INT(route_param_valid(&any, "12abc"), ERR_INVALID);
}

TEST(router_maps_handler_errors)
{
	struct http_response res;
	enum log_level level;

	run("GET", "/fail/notfound", NULL, 0, &res);
	CHECK_INT(res.status, 404);
	CHECK_STR(strbuf_str(&res.body),
		  "{\"error\":{\"status\":404,\"code\":\"not_found\",\"message\":\"no neighbourhood 'x9'\"}}\n");
	http_response_release(&res);

	run("GET", "/fail/conflict", NULL, 0, &res);
	CHECK_INT(res.status, 409);
	http_response_release(&res);

	run("GET", "/fail/denied", NULL, 0, &res);
	CHECK_INT(res.status, 403);
	http_response_release(&res);

	/* A 500 never shows what went wrong inside (the error log does). */
	level = log_get_level();
	log_set_level(LOG_OFF);
	run("GET", "/fail/internal", NULL, 0, &res);
	log_set_level(level);
	CHECK_INT(res.status, 500);
	CHECK_CONTAINS(strbuf_str(&res.body), "\"message\":\"internal error\"");
	CHECK(!strstr(strbuf_str(&res.body), "t_people"));
	http_response_release(&res);
}

TEST(http_response_header_refuses_injection)
{
	struct http_response res;

	http_response_init(&res);
	CHECK_INT(http_response_header(&res, "Location", "/a\r\nSet-Cookie: x=1"), ERR_INVALID);
	CHECK_INT(http_response_header(&res, "", "x"), ERR_INVALID);
	for (int i = 0; i < HTTP_MAX_RES_HEADERS; i++)
		CHECK_INT(http_response_header(&res, "X-A", "1"), 0);
	CHECK_INT(http_response_header(&res, "X-A", "1"), ERR_LIMIT);
	http_response_release(&res);
}

/* A pattern may end in '/' ("/data/"): it matches only that path, beside
 * "/data" and "/data/{file}". */
TEST(router_trailing_slash_pattern)
{
	static const struct route slash[] = {
		{ .methods = HTTP_GET, .pattern = "/d", .handler = h_force, .name = "bare" },
		{ .methods = HTTP_GET, .pattern = "/d/", .handler = h_force, .name = "index" },
		{ .methods = HTTP_GET, .pattern = "/d/{force}", .handler = h_force, .name = "file" },
	};
	struct route bad = { .methods = HTTP_GET, .pattern = "/d//x", .handler = h_force,
			     .name = "bad" };
	const char *paths[] = { "/d", "/d/", "/d/x.csv" }, *names[] = { "bare", "index", "file" };
	struct err e = ERR_INIT;

	CHECK_INT(router_check(slash, 3, &e), 0);
	CHECK_INT(router_check(&bad, 1, &e), ERR_INVALID);
	for (int i = 0; i < 3; i++) {
		struct http_request req;
		struct http_response res;

		memset(&req, 0, sizeof(req));
		req.method = "GET";
		req.method_bit = http_method_bit("GET");
		req.path = paths[i];
		http_response_init(&res);
		CHECK_INT(router_dispatch(slash, 3, NULL, &req, &res), 0);
		CHECK_STR(res.route, names[i]);
		http_response_release(&res);
	}
}
