/*
 * routes.c - the route table: every URL Engage answers is one row here.
 *
 * To add a route:
 *  1. Write the handler below (or in its own src/web/<area>.c file if it
 *     grows): `static int h_name(void *app, const struct http_request *req,
 *     struct http_response *res)`.  `app` is the struct web_app.  Read path
 *     parameters with http_param() and query parameters with http_query();
 *     only the ones the row declares reach you, already valid.
 *  2. Call down into src/api/ or src/views/ with plain values; write the
 *     result into res->body (or http_response_borrow() a pre-rendered
 *     fragment), set res->content_type for anything but JSON.
 *  3. On failure return the ERR_* code, with err_set(&res->err, ...) for a
 *     4xx message the user can act on; the router picks the status, and
 *     500 bodies never show your message (it goes to the error log).
 *  4. Add a row to web_routes[]: methods, pattern with {param}s, handler,
 *     a stable lower-case name (logs and metrics use it; renaming breaks
 *     dashboards), role (0 = public), csrf, and each query parameter with
 *     its validator (router.h, enum param_kind).
 *  5. Add a test in tests/unit/ and a page under docs/ for the endpoint.
 */
#include "web/routes.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "api/engage_api.h"
#include "api/engage_staff_api.h"
#include "auth/auth.h"
#include "base/timeutil.h"
#include "engage/place.h"
#include "model/role.h"
#include "base/parse.h"
#include "index/readmodel.h"
#include "publish/opendata.h"
#include "views/page_home.h"
#include "views/layout.h"
#include "web/assets.h"
#include "web/metrics.h"
#include "web/form_guard.h"
#include "web/pages.h"
#include "web/staff.h"
#include "web/routes_concern.h"
#include "web/routes_data.h"
#include "web/routes_api.h"
#include "views/concern_form.h"
#include "web/routes_staff_pact.h"
#include "web/routes_resident.h"
#include "web/routes_restricted.h"
#include "web/routes_staff_restricted.h"
#include "web/routes_staff_entry.h"

static int h_home(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const struct strbuf *page = &wa->home_page[web_request_lang(req)];

	if (!page->len)
		return err_set(&res->err, ERR_INTERNAL, "front page not prepared");
	web_page_headers(res);
	http_response_borrow(res, page->buf, page->len);
	res->status = 200;
	return 0;
}

/* Does the client take gzip?  Its Accept-Encoding lists "gzip" (any
 * case), and not with a q of zero ("gzip;q=0", "gzip; q=0.000"). */
static int accepts_gzip(const struct http_request *req)
{
	const char *p = http_header(req, "Accept-Encoding");

	while (p && *p) {
		size_t n;
		const char *q;

		p += strspn(p, " \t,");
		n = strcspn(p, " \t;,");
		if (n == 4 && !strncasecmp(p, "gzip", 4)) {
			q = p + n;
			q += strspn(q, " \t");
			if (*q != ';')
				return 1;
			q += 1 + strspn(q + 1, " \t");
			if (strncmp(q, "q=", 2))
				return 1;
			for (q += 2; *q == '0' || *q == '.'; q++)
				;
			return *q >= '1' && *q <= '9';
		}
		p += n;
		p += strcspn(p, ",");
	}
	return 0;
}

static int h_asset(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const char *name = http_param(req, "file");
	const struct web_asset *f = name ? web_asset_find(wa->assets, name) : NULL;
	const char *inm = http_header(req, "If-None-Match");
	int gz;

	if (!f)
		return err_set(&res->err, ERR_NOTFOUND, "no asset called \"%s\"", name ? name : "");
	gz = f->gz && accepts_gzip(req);
	res->content_type = f->content_type;
	http_response_header(res, "ETag", gz ? f->gz_etag : f->etag);
	http_response_header(res, "Cache-Control", "public, max-age=3600");
	if (f->gz)
		http_response_header(res, "Vary", "Accept-Encoding");
	if (inm && !strcmp(inm, gz ? f->gz_etag : f->etag)) {
		res->status = 304;
		return 0;
	}
	if (gz) {
		http_response_header(res, "Content-Encoding", "gzip");
		http_response_borrow(res, f->gz, f->gz_len);
	} else {
		http_response_borrow(res, f->data, f->len);
	}
	res->status = 200;
	return 0;
}

/* One tag for the whole open-data set: FNV-1a over every file. */
static void open_data_etag(struct web_app *wa)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; wa->open_data && i < wa->open_data->nfiles; i++) {
		const struct opendata_file *f = &wa->open_data->files[i];

		for (size_t k = 0; k < f->body.len; k++)
			h = (h ^ (unsigned char)f->body.buf[k]) * 1099511628211ULL;
	}
	snprintf(wa->open_data_etag, sizeof(wa->open_data_etag), "\"%016llx\"",
		 (unsigned long long)h);
}

static int no_store(struct http_response *res)
{
	return err_set(&res->err, ERR_BUSY, "this server has no database for engagement records");
}


/* The signed-in caller of a staff route: an API token (Authorization:
 * Bearer, from `engage user token`) whose user's role allows `perm`.
 * 401 without a valid token, 403 when the role may not.  `actor` gets
 * "user:<id>", what the records keep of who acted.  Store lock held. */
/* Where a staff API request acts, for the scope check. */
enum staff_where {
	WHERE_NONE,		/* no one neighbourhood */
	WHERE_PATH,		/* {force}/{id} in the path */
	WHERE_BODY,		/* the body's force and neighbourhood, or the record it names */
	WHERE_PRIORITY,		/* the priority {id} in the path */
	WHERE_ACTION,		/* the action {id}: also a partner's own organisation only */
	WHERE_CONCERN,		/* the concern {id} */
};

/* The place the request acts on, into *p; 0, or an ERR_* with res->err set. */
static int staff_place(struct web_app *wa, const struct http_request *req, enum staff_where w,
		       struct record_place *p, struct http_response *res)
{
	static const char *const kinds[] = { [WHERE_PRIORITY] = "priority", [WHERE_ACTION] = "action",
					     [WHERE_CONCERN] = "concern" };

	memset(p, 0, sizeof(*p));
	switch (w) {
	case WHERE_NONE:
		return 0;
	case WHERE_PATH:
		snprintf(p->force_id, sizeof(p->force_id), "%s", http_param(req, "force"));
		snprintf(p->nbhd_id, sizeof(p->nbhd_id), "%s", http_param(req, "id"));
		return 0;
	case WHERE_BODY:
		return api_body_place(wa->store, req->body, req->body_len, p, &res->err);
	default:
		return record_place(wa->store, kinds[w], http_param_id(req, "id"), p, &res->err);
	}
}

/* The staff API's door: a token, a role allowed `perm`, and a scope that
 * covers where the request acts (a partner: only its own organisation's
 * actions).  0 with `actor` set; else ERR_DENIED with `res` answered, or
 * the error finding the place. */
static int staff_caller(struct web_app *wa, const struct http_request *req, int perm,
			enum staff_where w, char *actor, size_t size, struct http_response *res)
{
	struct auth_user user;
	struct record_place p;
	int rc;

	if (web_bearer_user(wa, req, res, &user) < 0)
		return ERR_DENIED;
	if (!role_allows(user.scope.role, perm)) {
		http_response_error(res, 403, "forbidden", "your role (%s) may not %s",
				    roles[user.scope.role].slug, perm_names[perm]);
		return ERR_DENIED;
	}
	if ((rc = staff_place(wa, req, w, &p, res)) < 0)
		return rc;
	if (w != WHERE_NONE && !user_can_see_neighbourhood(&user.scope, p.force_id, p.nbhd_id)) {
		http_response_error(res, 403, "forbidden",
				    "that neighbourhood is not one you work in");
		return ERR_DENIED;
	}
	if (w == WHERE_ACTION && user.scope.role == ROLE_PARTNER &&
	    strcmp(p.partner_org, user.partner_org)) {
		http_response_error(res, 403, "forbidden",
				    "a partner updates only its own organisation's actions");
		return ERR_DENIED;
	}
	snprintf(actor, size, "user:%lld", (long long)user.id);
	return 0;
}

/* Run `call` with the store locked, for a caller allowed `perm` where `w`
 * says the request acts. */
#define STAFF_CALL(wa, req, res, actor, perm, w, call)                               \
	do {                                                                         \
		int rc_;                                                             \
		if (!(wa)->store)                                                    \
			return no_store(res);                                        \
		pthread_mutex_lock((wa)->store_lock);                                \
		rc_ = staff_caller(wa, req, perm, w, actor, sizeof(actor), res);     \
		if (rc_ == 0)                                                        \
			rc_ = (call);                                                \
		pthread_mutex_unlock((wa)->store_lock);                              \
		return rc_ == ERR_DENIED && (res)->status ? 0 : rc_;                 \
	} while (0)

static int created(int rc, struct http_response *res)
{
	if (rc == 0)
		res->status = 201;
	return rc;
}

/* --- Engage's own API: /api/v1 ------------------------------------------- */


static int h_concern_raise(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const char *type = http_header(req, "Content-Type");
	int64_t wait;
	int rc;

	/* JSON only: a browser cannot send it cross-site without CORS, which
	 * Engage does not grant, so no CSRF token is needed here */
	if (!type || strncmp(type, "application/json", 16))
		return err_set(&res->err, ERR_INVALID, "Content-Type: send application/json");
	if (!wa->store)
		return no_store(res);
	if (http_header(req, "Authorization")) {	/* staff typing one in */
		char actor[128];

		STAFF_CALL(wa, req, res, actor, PERM_RECORD_ENGAGEMENT, WHERE_BODY,
			   created(api_staff_concern_raise(wa->store, actor, req->body, req->body_len,
							   &res->body, &res->err), res));
	}
	/* the public form's limit, whichever door the concern comes through */
	if ((wait = web_rate_wait(wa->concern_limit, req, wa->trust_proxy)) > 0) {
		char seconds[24];

		snprintf(seconds, sizeof(seconds), "%lld", (long long)((wait + 999) / 1000));
		http_response_error(res, 429, "too_many_requests",
				    "too many concerns from this address; try again in %s seconds", seconds);
		http_response_header(res, "Retry-After", seconds);
		return 0;
	}
	pthread_mutex_lock(wa->store_lock);
	rc = api_concern_raise(wa->store, req->body, req->body_len, &res->body, &res->err);
	pthread_mutex_unlock(wa->store_lock);
	if (rc == 0)
		res->status = 201;
	return rc;
}

static int h_concern_public(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	int rc;

	if (!wa->store)
		return no_store(res);
	pthread_mutex_lock(wa->store_lock);
	rc = api_concern_public(wa->store, http_param(req, "reference"), &res->body, &res->err);
	pthread_mutex_unlock(wa->store_lock);
	http_response_header(res, "Cache-Control", "no-store");
	return rc;
}

static int h_record(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	int rc;

	if (!wa->store)
		return no_store(res);
	pthread_mutex_lock(wa->store_lock);
	rc = api_neighbourhood_record(wa->store, http_param(req, "force"), http_param(req, "id"),
				      &res->body, &res->err);
	pthread_mutex_unlock(wa->store_lock);
	return rc;
}

/* --- the staff engagement API: signed-in callers only --------------------- */

static int h_staff_activity(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_RECORD_ENGAGEMENT, WHERE_BODY,
		   created(api_staff_activity(wa->store, actor, req->body, req->body_len, &res->body,
					      &res->err), res));
}

static int h_staff_propose(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_RECORD_ENGAGEMENT, WHERE_BODY,
		   created(api_staff_propose(wa->store, actor, req->body, req->body_len, &res->body,
				     &res->err), res));
}

static int h_staff_vote(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_RECORD_VOTES, WHERE_PRIORITY,
		   api_staff_vote(wa->store, http_param_id(req, "id"), req->body, req->body_len, &res->body,
				  &res->err));
}

static int h_staff_agree(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_AGREE_PRIORITIES, WHERE_PRIORITY,
		   api_staff_agree(wa->store, http_param_id(req, "id"), req->body, req->body_len, &res->body,
				   &res->err));
}

static int h_staff_action(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_AGREE_PRIORITIES, WHERE_PRIORITY,
		   created(api_staff_action(wa->store, http_param_id(req, "id"), req->body, req->body_len,
					    &res->body, &res->err), res));
}

static int h_staff_action_update(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_UPDATE_ACTIONS, WHERE_ACTION,
		   api_staff_action_update(wa->store, http_param_id(req, "id"), req->body, req->body_len,
					   &res->body, &res->err));
}

static int h_staff_feedback(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];
	/* closing a priority is agreeing what became of it: a sergeant's call */
	int perm = api_body_has(req->body, req->body_len, "priority") ? PERM_AGREE_PRIORITIES
								      : PERM_RECORD_ENGAGEMENT;

	STAFF_CALL(wa, req, res, actor, perm, WHERE_BODY,
		   created(api_staff_feedback(wa->store, actor, req->body, req->body_len, &res->body,
					      &res->err), res));
}

static int h_staff_candidates(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_VIEW_INTERNAL, WHERE_PATH,
		   api_staff_candidates(wa->store, wa->rm, http_param(req, "force"), http_param(req, "id"),
					&res->body, &res->err));
}

#define STAFF_READ(name, call)                                                       \
	static int name(void *app, const struct http_request *req, struct http_response *res) \
	{                                                                            \
		struct web_app *wa = app;                                            \
		const char *force = http_param(req, "force"), *id = http_param(req, "id"); \
		char actor[128];                                                     \
		STAFF_CALL(wa, req, res, actor, PERM_VIEW_INTERNAL, WHERE_PATH, (call));         \
	}
static int h_staff_plan_add(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_RECORD_ENGAGEMENT, WHERE_BODY,
		   created(api_staff_plan_add(wa->store, req->body, req->body_len, &res->body, &res->err), res));
}

static int h_staff_note_add(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_RECORD_ENGAGEMENT, WHERE_BODY,
		   created(api_staff_note_add(wa->store, req->body, req->body_len, &res->body, &res->err), res));
}

static int h_staff_category(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	char actor[128];

	STAFF_CALL(wa, req, res, actor, PERM_RECORD_ENGAGEMENT, WHERE_CONCERN,
		   api_staff_concern_category(wa->store, http_param_id(req, "id"), req->body, req->body_len,
					      &res->body, &res->err));
}

STAFF_READ(h_staff_profile, api_staff_profile(wa->store, force, id, &res->body, &res->err))
STAFF_READ(h_staff_plan, api_staff_plan(wa->store, force, id, &res->body, &res->err))
STAFF_READ(h_staff_todo, api_staff_todo(wa->store, force, id, &res->body, &res->err))
STAFF_READ(h_staff_pack, api_staff_pack(wa->store, wa->rm, force, id, &res->body, &res->err))

int web_app_prepare(struct web_app *wa, struct err *e)
{
	for (int l = 0; l < LANG_COUNT; l++)
		strbuf_init(&wa->home_page[l], 0);
	if (!wa->auth_policy.session_idle_seconds)
		wa->auth_policy = (struct auth_policy)AUTH_POLICY_DEFAULT;
	open_data_etag(wa);
	if (web_api_prepare(wa, e) < 0)
		return e->code;
	if (!wa->rm)
		return 0;
	if (web_resident_prepare(wa, e) < 0)
		return e->code;
	for (int l = 0; l < LANG_COUNT; l++) {
		struct page_ctx pc = { .lang = (enum lang)l, .path = "/", .nav = NAV_NEIGHBOURHOODS };

		page_home(wa->rm, &pc, &wa->home_page[l]);
		if (wa->home_page[l].failed)
			return err_set(e, ERR_NOMEM, "out of memory rendering the front page");
	}
	return 0;
}

void web_app_release(struct web_app *wa)
{
	for (int l = 0; l < LANG_COUNT; l++)
		strbuf_release(&wa->home_page[l]);
	web_resident_release(wa);
	web_api_release(wa);
}

static int h_healthz(void *app, const struct http_request *req,
		     struct http_response *res)
{
	struct web_app *wa = app;
	struct json_writer jw;
	struct strbuf checks = STRBUF_INIT;
	struct json_writer cw;
	struct err e = ERR_INIT;
	int rc = 0;

	json_init(&cw, &checks);
	json_object_begin(&cw);
	if (wa && wa->health)
		rc = wa->health(wa->health_ctx, &cw, &e);
	json_object_end(&cw);

	json_init(&jw, &res->body);
	json_object_begin(&jw);
	json_key_str(&jw, "status", rc < 0 ? "unavailable" : "ok");
	if (wa && wa->version)
		json_key_str(&jw, "version", wa->version);
	if (rc < 0)
		json_key_str(&jw, "reason", e.msg[0] ? e.msg : err_code_name(rc));
	json_key(&jw, "checks");
	json_raw(&jw, strbuf_str(&checks), checks.len);
	json_object_end(&jw);
	strbuf_addch(&res->body, '\n');
	strbuf_release(&checks);
	res->status = rc < 0 ? 503 : 200;
	http_response_header(res, "Cache-Control", "no-store");
	return 0;
}

static int h_metrics(void *app, const struct http_request *req,
		     struct http_response *res)
{
	struct web_app *wa = app;

	if (wa && wa->metrics)
		metrics_render(wa->metrics, &res->body);
	res->status = 200;
	res->content_type = "text/plain; version=0.0.4; charset=utf-8";
	http_response_header(res, "Cache-Control", "no-store");
	return 0;
}

const struct route web_routes[] = {
	{ .methods = HTTP_GET, .pattern = "/healthz", .handler = h_healthz,
	  .name = "healthz", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/metrics", .handler = h_metrics,
	  .name = "metrics", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/", .handler = h_home, .name = "home", .role = 0 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/concerns", .handler = h_concern_raise,
	  .name = "v1-concern-raise", .role = 0 },
	/* staff: role 1 = an API token whose role allows the call (staff_caller) */
	{ .methods = HTTP_POST, .pattern = "/api/v1/activities", .handler = h_staff_activity,
	  .name = "v1-activity-add", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/priorities", .handler = h_staff_propose,
	  .name = "v1-priority-propose", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/priorities/{id}/votes", .handler = h_staff_vote,
	  .name = "v1-priority-vote", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/priorities/{id}/agree", .handler = h_staff_agree,
	  .name = "v1-priority-agree", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/priorities/{id}/actions", .handler = h_staff_action,
	  .name = "v1-action-add", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/actions/{id}", .handler = h_staff_action_update,
	  .name = "v1-action-update", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/feedback", .handler = h_staff_feedback,
	  .name = "v1-feedback", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/plan", .handler = h_staff_plan_add,
	  .name = "v1-plan-add", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/profile-notes", .handler = h_staff_note_add,
	  .name = "v1-note-add", .role = 1 },
	{ .methods = HTTP_POST, .pattern = "/api/v1/concerns/{id}/category", .handler = h_staff_category,
	  .name = "v1-concern-category", .role = 1 },
	{ .methods = HTTP_GET, .pattern = "/api/v1/neighbourhoods/{force}/{id}/profile",
	  .handler = h_staff_profile, .name = "v1-profile", .role = 1 },
	{ .methods = HTTP_GET, .pattern = "/api/v1/neighbourhoods/{force}/{id}/plan",
	  .handler = h_staff_plan, .name = "v1-plan", .role = 1 },
	{ .methods = HTTP_GET, .pattern = "/api/v1/neighbourhoods/{force}/{id}/todo",
	  .handler = h_staff_todo, .name = "v1-todo", .role = 1 },
	{ .methods = HTTP_GET, .pattern = "/api/v1/neighbourhoods/{force}/{id}/pack",
	  .handler = h_staff_pack, .name = "v1-pack", .role = 1 },
	{ .methods = HTTP_GET, .pattern = "/api/v1/neighbourhoods/{force}/{id}/candidates",
	  .handler = h_staff_candidates, .name = "v1-candidates", .role = 1 },
	/* restricted records (routes_restricted.c): a token, and the record's
	 * own force and neighbourhood checked by the services */
#define NB_PATH "/api/v1/neighbourhoods/{force}/{neighbourhood}/"
	{ .methods = HTTP_POST, .pattern = "/api/v1/impact-assessments", .handler = web_cia_add,
	  .name = "v1-cia-add" },
	{ .methods = HTTP_GET, .pattern = "/api/v1/impact-assessments/{id}", .handler = web_cia_show,
	  .name = "v1-cia-show", .query = { Q_TEXT("purpose", 500) } },
	{ .methods = HTTP_POST, .pattern = "/api/v1/impact-assessments/{id}/reviews",
	  .handler = web_cia_review, .name = "v1-cia-review" },
	{ .methods = HTTP_GET, .pattern = NB_PATH "impact-assessments", .handler = web_cia_list,
	  .name = "v1-cia-list", .query = { Q_SLUG("overdue") } },
	{ .methods = HTTP_POST, .pattern = "/api/v1/risk-contacts", .handler = web_risk_contact,
	  .name = "v1-risk-contact" },
	{ .methods = HTTP_GET, .pattern = "/api/v1/risk-people/{id}", .handler = web_risk_show,
	  .name = "v1-risk-show", .query = { Q_TEXT("purpose", 500) } },
	{ .methods = HTTP_GET, .pattern = NB_PATH "risk-people", .handler = web_risk_list,
	  .name = "v1-risk-list" },
	{ .methods = HTTP_POST, .pattern = "/api/v1/sharing-agreements", .handler = web_sharing_agree,
	  .name = "v1-sharing-agree" },
	{ .methods = HTTP_GET, .pattern = "/api/v1/forces/{force}/sharing-agreements",
	  .handler = web_sharing_list, .name = "v1-sharing-list" },
	{ .methods = HTTP_POST, .pattern = "/api/v1/partner-submissions", .handler = web_sharing_submit,
	  .name = "v1-partner-submit" },
	{ .methods = HTTP_GET, .pattern = NB_PATH "partner-submissions",
	  .handler = web_sharing_submissions, .name = "v1-partner-submissions" },
	{ .methods = HTTP_GET, .pattern = NB_PATH "shared-concerns", .handler = web_sharing_concerns,
	  .name = "v1-shared-concerns" },
	{ .methods = HTTP_GET, .pattern = "/api/v1/concerns/{reference}", .handler = h_concern_public,
	  .name = "v1-concern", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/api/v1/neighbourhoods/{force}/{id}/record",
	  .handler = h_record, .name = "v1-record", .role = 0 },
	/* resident pages (routes_resident.c) */
	{ .methods = HTTP_GET, .pattern = "/find", .handler = web_find, .name = "find", .role = 0,
	  .query = { Q_TEXT("q", 200), Q_LAT("lat"), Q_LNG("lng") } },
	{ .methods = HTTP_GET, .pattern = "/neighbourhoods/{force}/{id}", .handler = web_neighbourhood,
	  .name = "neighbourhood", .role = 0 },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/sign-in", .handler = web_staff_sign_in,
	  .name = "staff-sign-in", .role = 0, .query = { Q_TEXT("next", 1024) } },
	{ .methods = HTTP_POST, .pattern = "/staff/sign-out", .handler = web_staff_sign_out,
	  .name = "staff-sign-out", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/staff", .handler = web_staff_home,
	  .name = "staff-home", .role = 0 },
	/* the resident's concern journey (routes_concern.c) */
	/* the form's fields: concern_form_names[] (a unit test checks they agree) */
#define CF_Q(name) Q_TEXT(name, CF_FIELD_BYTES)
	{ .methods = HTTP_GET, .pattern = "/concerns/new", .handler = web_concern_form,
	  .name = "concern-form", .query = { Q_TEXT("force", 64), Q_TEXT("neighbourhood", 64) } },
	{ .methods = HTTP_POST, .pattern = "/concerns/new", .handler = web_concern_raise,
	  .name = "concern-raise",
	  .query = { CF_Q("neighbourhood"), CF_Q("category"), Q_MULTILINE("text", CF_TEXT_BYTES),
		     CF_Q("where"), CF_Q("contact"), CF_Q("name"), CF_Q("email"), CF_Q("phone"),
		     CF_Q("consent"), CF_Q("age_band"), CF_Q("sex"), CF_Q("ethnic_group") } },
	{ .methods = HTTP_GET, .pattern = "/concerns/track", .handler = web_concern_track,
	  .name = "concern-track", .query = { Q_TEXT("reference", 200) } },
	{ .methods = HTTP_GET, .pattern = "/concerns/{reference}", .handler = web_concern_show,
	  .name = "concern-show" },
	{ .methods = HTTP_GET, .pattern = "/concerns/{reference}/raised", .handler = web_concern_raised,
	  .name = "concern-raised" },
	{ .methods = HTTP_GET, .pattern = "/accessibility", .handler = web_accessibility,
	  .name = "accessibility" },
	/*
	 * Staff pages for deciding and acting in one neighbourhood: PACT
	 * meeting mode, the priorities and actions board, the feedback queue
	 * and the meeting pack (handlers in routes_staff_pact.c; each checks
	 * its own permission, the neighbourhood and CSRF through the staff
	 * door; form fields are read from the body there, not declared here).
	 */
#define PACT_PATH "/staff/neighbourhoods/{force}/{id}/"
#define PACT_SAVED Q_SLUG("saved")
	{ .methods = HTTP_GET, .pattern = PACT_PATH "pact", .handler = web_pact_page,
	  .name = "staff-pact", .query = { Q_INT("meeting", 1, INT64_MAX), PACT_SAVED } },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "pact/meeting", .handler = web_pact_meeting,
	  .name = "staff-pact-meeting", .csrf = 1 },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "pact/propose", .handler = web_pact_propose,
	  .name = "staff-pact-propose", .csrf = 1 },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "pact/votes", .handler = web_pact_votes,
	  .name = "staff-pact-votes", .csrf = 1 },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "pact/agree", .handler = web_pact_agree,
	  .name = "staff-pact-agree", .csrf = 1 },
	{ .methods = HTTP_GET, .pattern = PACT_PATH "board", .handler = web_board_page,
	  .name = "staff-board", .query = { PACT_SAVED } },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "board/actions", .handler = web_board_action_add,
	  .name = "staff-board-action-add", .csrf = 1 },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "board/actions/{action}",
	  .handler = web_board_action_update, .name = "staff-board-action-update", .csrf = 1 },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "board/start", .handler = web_board_start,
	  .name = "staff-board-start", .csrf = 1 },
	{ .methods = HTTP_GET, .pattern = PACT_PATH "feedback", .handler = web_feedback_page,
	  .name = "staff-feedback", .query = { Q_INT("concern", 1, INT64_MAX),
					       Q_INT("priority", 1, INT64_MAX), PACT_SAVED } },
	{ .methods = HTTP_POST, .pattern = PACT_PATH "feedback", .handler = web_feedback_give,
	  .name = "staff-feedback-give", .csrf = 1 },
	{ .methods = HTTP_GET, .pattern = PACT_PATH "pack", .handler = web_pack_page,
	  .name = "staff-pack" },
	{ .methods = HTTP_GET, .pattern = "/neighbourhoods/{force}/{id}/events.ics",
	  .handler = web_nb_calendar, .name = "neighbourhood-calendar", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/neighbourhoods/{force}/{id}/meetings/{file}",
	  .handler = web_nb_meeting, .name = "neighbourhood-meeting", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/neighbourhoods/{force}/{id}/map.geojson",
	  .handler = web_nb_map, .name = "neighbourhood-map", .role = 0 },
	/* Staff pages getting engagement into Engage, one neighbourhood each
	 * (routes_staff_entry.c): the staff door checks the session, the role
	 * and, on a POST, the CSRF field; the handler the neighbourhood. */
	{ .methods = HTTP_GET, .pattern = "/staff/neighbourhoods/{force}/{id}",
	  .handler = web_staff_nbhd, .name = "staff-neighbourhood", .role = 0,
	  .query = { Q_INT("logged_activity", 1, INT64_MAX) } },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/neighbourhoods/{force}/{id}/postcards",
	  .handler = web_staff_postcards, .name = "staff-postcards", .role = 0,
	  .query = { Q_INT("saved_first", 1, INT64_MAX), Q_INT("saved_last", 1, INT64_MAX),
		     Q_INT("from_activity", 0, INT64_MAX), Q_SLUG("from_channel"),
		     Q_SLUG("written_in") } },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/neighbourhoods/{force}/{id}/activities/new",
	  .handler = web_staff_activity_new, .name = "staff-activity-new", .role = 0 },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/neighbourhoods/{force}/{id}/profile",
	  .handler = web_staff_profile, .name = "staff-profile", .role = 0,
	  .query = { Q_INT("added", 1, 1) } },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/neighbourhoods/{force}/{id}/plan",
	  .handler = web_staff_plan, .name = "staff-plan", .role = 0,
	  .query = { Q_INT("added", 1, 1) } },
	/* impact assessments on the staff pages (routes_staff_restricted.c) */
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/neighbourhoods/{force}/{id}/impact-assessments",
	  .handler = web_cia_list_page, .name = "staff-cia-list", .query = { Q_INT("recorded", 1, INT64_MAX) } },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/impact-assessments/{cia}",
	  .handler = web_cia_record_page, .name = "staff-cia", .query = { Q_SLUG("reviewed") } },
	{ .methods = HTTP_POST, .pattern = "/staff/impact-assessments/{cia}/reviews",
	  .handler = web_cia_review_post, .name = "staff-cia-review" },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/staff/neighbourhoods/{force}/{id}/partner-data",
	  .handler = web_partner_page, .name = "staff-partner-data",
	  .query = { Q_INT("submitted", 1, INT64_MAX) } },
	{ .methods = HTTP_GET, .pattern = "/language/{code}", .handler = web_language_switch,
	  .name = "language", .role = 0, .query = { Q_TEXT("back", 1024) } },
	{ .methods = HTTP_GET, .pattern = "/assets/{file}", .handler = h_asset,
	  .name = "asset", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/data", .handler = web_data_redirect,
	  .name = "data-redirect", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/data/", .handler = web_data_index,
	  .name = "data", .role = 0 },
	{ .methods = HTTP_GET, .pattern = "/data/{file}", .handler = web_data_file,
	  .name = "data-file", .role = 0 },
	/*
	 * The police.uk-compatible API (handlers in routes_api.c; answers
	 * described in docs/openapi.json).  POST rows take the same
	 * parameters as a form body, for polygons too long for a GET.
	 */
#define API_DATE Q_MONTH("date")
#define API_POLY Q_TEXT("poly", 65536)
#define API_LOCATION_ID Q_INT("location_id", 1, 2147483647)
	{ .methods = HTTP_GET, .pattern = "/api/forces", .handler = h_api_forces,
	  .name = "api-forces" },
	{ .methods = HTTP_GET, .pattern = "/api/forces/{force}", .handler = h_api_force,
	  .name = "api-force" },
	{ .methods = HTTP_GET, .pattern = "/api/forces/{force}/people",
	  .handler = h_api_force_people, .name = "api-force-people" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/neighbourhoods",
	  .handler = h_api_neighbourhoods, .name = "api-neighbourhoods" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/{neighbourhood}",
	  .handler = h_api_neighbourhood, .name = "api-neighbourhood" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/{neighbourhood}/boundary",
	  .handler = h_api_boundary, .name = "api-boundary" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/{neighbourhood}/people",
	  .handler = h_api_nbhd_people, .name = "api-people" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/{neighbourhood}/events",
	  .handler = h_api_events, .name = "api-events" },
	{ .methods = HTTP_GET, .pattern = "/api/{force}/{neighbourhood}/priorities",
	  .handler = h_api_priorities, .name = "api-priorities" },
	{ .methods = HTTP_GET, .pattern = "/api/locate-neighbourhood", .handler = h_api_locate,
	  .name = "api-locate-neighbourhood", .query = { Q_LATLNG("q") } },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/api/crimes-street/{category}",
	  .handler = h_api_crimes_street, .name = "api-crimes-street",
	  .query = { Q_LAT("lat"), Q_LNG("lng"), API_POLY, API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/crimes-at-location",
	  .handler = h_api_crimes_at_location, .name = "api-crimes-at-location",
	  .query = { API_LOCATION_ID, Q_LAT("lat"), Q_LNG("lng"), API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/crimes-no-location",
	  .handler = h_api_crimes_no_location, .name = "api-crimes-no-location",
	  .query = { Q_SLUG("category"), Q_SLUG("force"), API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/crime-categories",
	  .handler = h_api_crime_categories, .name = "api-crime-categories",
	  .query = { API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/crime-last-updated",
	  .handler = h_api_crime_last_updated, .name = "api-crime-last-updated" },
	{ .methods = HTTP_GET, .pattern = "/api/crimes-street-dates",
	  .handler = h_api_crimes_street_dates, .name = "api-crimes-street-dates" },
	{ .methods = HTTP_GET, .pattern = "/api/outcomes-for-crime/{persistent_id}",
	  .handler = h_api_outcomes_for_crime, .name = "api-outcomes-for-crime" },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/api/outcomes-at-location",
	  .handler = h_api_outcomes_at_location, .name = "api-outcomes-at-location",
	  .query = { API_LOCATION_ID, Q_LAT("lat"), Q_LNG("lng"), API_POLY, API_DATE } },
	{ .methods = HTTP_GET | HTTP_POST, .pattern = "/api/stops-street",
	  .handler = h_api_stops_street, .name = "api-stops-street",
	  .query = { Q_LAT("lat"), Q_LNG("lng"), API_POLY, API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/stops-at-location",
	  .handler = h_api_stops_at_location, .name = "api-stops-at-location",
	  .query = { API_LOCATION_ID, API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/stops-no-location",
	  .handler = h_api_stops_no_location, .name = "api-stops-no-location",
	  .query = { Q_SLUG("force"), API_DATE } },
	{ .methods = HTTP_GET, .pattern = "/api/stops-force", .handler = h_api_stops_force,
	  .name = "api-stops-force", .query = { Q_SLUG("force"), API_DATE } },
};

const size_t web_nroutes = sizeof(web_routes) / sizeof(web_routes[0]);

int web_routes_check(struct err *e)
{
	return router_check(web_routes, web_nroutes, e);
}

int web_dispatch(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	int rc = router_dispatch(web_routes, web_nroutes, app, req, res);

	/* staff changed engagement records: cached public pages render afresh
	 * (not for police.uk's read-only POSTs, signing in, or the public form,
	 * which anyone can send and which changes no public page) */
	if (req->method_bit == HTTP_POST && res->status && res->status < 400 &&
	    (!strncmp(req->path, "/api/v1/", 8) || !strncmp(req->path, "/staff/neighbourhoods/", 22)) &&
	    strcmp(req->path, "/api/v1/concerns"))
		atomic_fetch_add(&wa->writes, 1);
	return rc;
}
