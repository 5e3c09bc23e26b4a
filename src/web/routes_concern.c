/*
 * routes_concern.c - raising and tracking a concern from a browser (see
 * routes_concern.h).  The same domain call as POST /api/v1/concerns
 * (concern_raise, channel "online-form"), reached through a form that
 * works without JavaScript.
 *
 * Abuse: a POST from another site is refused (form_guard.h explains the
 * choice of Sec-Fetch-Site and Origin over a token), and each client may
 * record web.concern_limit concerns per web.concern_window_minutes
 * (wa->concern_limit); only concerns that would be recorded are counted, so
 * a resident correcting a mistake is never held back.  Nothing typed is
 * logged.
 */
#include "web/routes_concern.h"

#include "base/log.h"
#include "base/ratelimit.h"
#include "base/timeutil.h"
#include "engage/concern.h"
#include "model/engagement.h"
#include "views/concern_form.h"
#include "views/page_accessibility.h"
#include "views/page_concern.h"
#include "web/form_guard.h"
#include "web/pages.h"
#include "web/routes.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int web_concern_form(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const char *force = http_query(req, "force"), *id = http_query(req, "neighbourhood");
	struct concern_form f;
	struct page_ctx pc;
	struct strbuf path = STRBUF_INIT, key = STRBUF_INIT;

	concern_form_init(&f);
	web_page_ctx(req, NAV_CONCERN, &pc);
	if (force && id && wa->rm && readmodel_neighbourhood(wa->rm, force, id) >= 0) {
		struct html ph = { &path, pc.lang };

		strbuf_addf(&key, "%s/%s", force, id);
		concern_form_set(&f, CF_NEIGHBOURHOOD, strbuf_str(&key));
		/* the language switch comes back with the neighbourhood chosen */
		HTML(&ph, "/concerns/new?force=");
		html_url_arg(&ph, force);
		HTML(&ph, "&neighbourhood=");
		html_url_arg(&ph, id);
		pc.path = strbuf_str(&path);
	}
	page_concern_form(wa->rm, &f, CF_NO_ERROR, NULL, &pc, &res->body);
	web_private_page(res, 200);
	concern_form_release(&f);
	strbuf_release(&path);
	strbuf_release(&key);
	return 0;
}

/* 0 when this client may record one more concern; otherwise the page
 * saying how long to wait is written (429). */
static int over_limit(struct web_app *wa, const struct http_request *req,
		      const struct concern_form *f, const struct page_ctx *pc,
		      struct http_response *res)
{
	int64_t wait = web_rate_wait(wa->concern_limit, req, wa->trust_proxy);
	char minutes[24], seconds[24];

	if (!wait)
		return 0;
	snprintf(minutes, sizeof(minutes), "%lld", (long long)((wait + 59999) / 60000));
	snprintf(seconds, sizeof(seconds), "%lld", (long long)((wait + 999) / 1000));
	page_concern_form(wa->rm, f, M_CF_ERR_LIMIT, minutes, pc, &res->body);
	web_private_page(res, 429);
	http_response_header(res, "Retry-After", seconds);
	return 1;
}

int web_concern_raise(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct concern_form f;
	struct concern_input in;
	struct concern_result r;
	struct page_ctx pc;
	struct err e = ERR_INIT;
	char location[64];
	int rc = 0;

	web_page_ctx(req, NAV_CONCERN, &pc);
	if (!web_same_site(req)) {
		page_concern_cross_site(&pc, &res->body);
		web_private_page(res, 403);
		return 0;
	}
	concern_form_init(&f);
	for (int i = 0; i < CF_COUNT && rc == 0; i++)
		rc = concern_form_set(&f, (enum cf_field)i, http_query(req, concern_form_names[i]));
	if (rc < 0) {
		concern_form_release(&f);
		return err_set(&res->err, ERR_NOMEM, "out of memory reading the concern form");
	}
	if (concern_form_check(&f, wa->rm) > 0) {
		page_concern_form(wa->rm, &f, CF_NO_ERROR, NULL, &pc, &res->body);
		web_private_page(res, 400);
	} else if (!over_limit(wa, req, &f, &pc, res)) {
		concern_form_input(&f, pc.lang, &in);
		rc = ERR_BUSY;
		if (wa->store) {
			pthread_mutex_lock(wa->store_lock);
			rc = concern_raise(wa->store, &in, NULL, NULL, &r, &e);
			pthread_mutex_unlock(wa->store_lock);
		}
		if (rc < 0) {
			/* the code only: the message may quote what was typed */
			log_warn("concern form: not recorded (%s)", err_code_name(rc));
			page_concern_form(wa->rm, &f, M_CF_ERR_SAVE, NULL, &pc, &res->body);
			web_private_page(res, 503);
		} else {
			snprintf(location, sizeof(location), "/concerns/%s/raised", r.reference);
			http_response_header(res, "Location", location);
			http_response_header(res, "Cache-Control", "no-store");
			res->status = 303;
		}
	}
	concern_form_release(&f);
	return 0;
}

/* Look the {reference} up; 1 found, 0 when not (the not-found page is
 * written), or a negative ERR_*. */
static int find(struct web_app *wa, const struct http_request *req, const struct page_ctx *pc,
		struct concern_public *p, struct http_response *res)
{
	const char *typed = http_param(req, "reference");
	struct err e = ERR_INIT;
	int rc;

	if (!wa->store)
		return err_set(&res->err, ERR_BUSY, "this server has no database for engagement records");
	pthread_mutex_lock(wa->store_lock);
	rc = concern_find_public(wa->store, typed, p, &e);
	pthread_mutex_unlock(wa->store_lock);
	if (rc == ERR_NOTFOUND || rc == ERR_INVALID) {
		page_concern_not_found(typed, pc, &res->body);
		web_private_page(res, 404);
		return 0;
	}
	if (rc < 0)
		return err_set(&res->err, rc, "%s", e.msg);
	return 1;
}

/* The confirmation (`raised`) or the public view of {reference}. */
static int show(struct web_app *wa, const struct http_request *req, struct http_response *res,
		int raised)
{
	struct concern_public p;
	struct page_ctx pc;
	int rc;

	web_page_ctx(req, raised ? NAV_CONCERN : NAV_TRACK, &pc);
	if ((rc = find(wa, req, &pc, &p, res)) <= 0)
		return rc;
	if (raised)
		page_concern_raised(p.reference, &pc, &res->body);
	else
		page_concern_public(wa->rm, &p, &pc, &res->body);
	web_private_page(res, 200);
	return 0;
}

int web_concern_raised(void *app, const struct http_request *req, struct http_response *res)
{
	return show(app, req, res, 1);
}

int web_concern_show(void *app, const struct http_request *req, struct http_response *res)
{
	return show(app, req, res, 0);
}

int web_concern_track(void *app, const struct http_request *req, struct http_response *res)
{
	const char *typed = http_query(req, "reference");
	char ref[REF_LEN + 1], location[64];
	struct page_ctx pc;
	const char *p = typed;

	while (p && (*p == ' ' || *p == '\t'))
		p++;
	web_page_ctx(req, NAV_TRACK, &pc);
	if (!typed) {
		page_concern_track(NULL, CF_NO_ERROR, &pc, &res->body);
		web_private_page(res, 200);
	} else if (!*p || reference_normalise(typed, ref) < 0) {
		page_concern_track(typed, *p ? M_TR_ERR_FORMAT : M_TR_ERR_MISSING, &pc, &res->body);
		web_private_page(res, 400);
	} else {
		snprintf(location, sizeof(location), "/concerns/%s", ref);
		http_response_header(res, "Location", location);
		http_response_header(res, "Cache-Control", "no-store");
		res->status = 303;
	}
	return 0;
}

int web_accessibility(void *app, const struct http_request *req, struct http_response *res)
{
	struct page_ctx pc;

	web_page_ctx(req, NAV_NONE, &pc);
	page_accessibility(&pc, &res->body);
	web_page_headers(res);
	res->status = 200;
	return 0;
}
