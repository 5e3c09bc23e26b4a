/*
 * routes_staff_restricted.c - community impact assessments on the staff
 * pages (see routes_staff_restricted.h).  The services check the caller
 * against each record again (engage/restricted.h); the door here only
 * spares a page that would be refused.
 */
#include "web/routes_staff_restricted.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/cia.h"
#include "index/readmodel.h"
#include "store/tables.h"
#include "views/page_cia.h"
#include "views/page_partner.h"
#include "web/pages.h"
#include "web/staff.h"

#define MAX_ITEMS 200

static struct restricted_caller caller_of(const struct web_staff *st)
{
	return (struct restricted_caller){ st->actor, &st->user.scope,
					   st->user.partner_org[0] ? st->user.partner_org : NULL };
}

/* The staff door for a page about one neighbourhood: signed in with
 * `perm`, the neighbourhood known and one the caller works in.  0 with the
 * store locked and nb filled, or 1 with `res` answered. */
static int nbhd_door(struct web_app *wa, const struct http_request *req,
		     struct http_response *res, int perm, struct web_staff *st,
		     struct entry_nbhd *nb)
{
	long n;

	if (web_staff_begin(wa, req, res, perm, st))
		return 1;
	nb->force_id = http_param(req, "force");
	nb->id = http_param(req, "id");
	n = wa->rm ? readmodel_neighbourhood(wa->rm, nb->force_id, nb->id) : -1;
	if (n < 0 || !web_staff_can_see(st, nb->force_id, nb->id)) {
		web_staff_end(wa, st);
		if (n < 0)
			web_page_not_found(req, res, M_NOT_FOUND_NEIGHBOURHOOD);
		else
			web_staff_forbidden(req, st, res);
		return 1;
	}
	nb->name = wa->rm->nbhds[n].name;
	return 0;
}

static const char *form_get(const void *ctx, const char *name)
{
	return web_form_get(ctx, name);
}

/* A service's refusal "field name: why" beside the form field it names
 * (the first of `fields` whose prefix the message starts with, else the
 * last, the form's first field). */
struct refusal {
	struct govuk_error e;
	const char *arg;
	char field[32], why[ERR_MSG_MAX];
};
struct field_prefix {
	const char *prefix, *field;
};

static void refusal_of(const struct err *e, const struct field_prefix *fields, size_t n,
		       enum msg_id message, struct refusal *r)
{
	const char *field = fields[n - 1].field;

	for (size_t i = 0; i < n; i++)
		if (!strncmp(e->msg, fields[i].prefix, strlen(fields[i].prefix))) {
			field = fields[i].field;
			break;
		}
	snprintf(r->field, sizeof(r->field), "%s", field);
	snprintf(r->why, sizeof(r->why), "%s", e->msg);
	r->e = (struct govuk_error){ r->field, message };
	r->arg = r->why;
}

static const struct field_prefix cia_fields[] = {
	{ "incident at:", "incident_at" }, { "communities:", "communities" },
	{ "information needed:", "information_needed" }, { "information from:", "information_from" },
	{ "overseen by:", "overseen_by" }, { "deadline:", "deadline" },
	{ "vulnerable:", "vulnerable" }, { "confidence:", "confidence" },
	{ "cross border:", "cross_border" }, { "review days:", "review_days" },
	{ "notes:", "notes" }, { "incident:", "incident" },
};
#define CIA_FIELDS (sizeof(cia_fields) / sizeof(cia_fields[0]))

struct summaries {
	struct cia_summary v[MAX_ITEMS];
	char ids[MAX_ITEMS][4][65];
	char overseen[MAX_ITEMS][201];
	size_t n;
};

/* The summaries' strings live only in the callback: keep copies. */
static int keep_summary(void *ctx, const struct cia_summary *a)
{
	struct summaries *s = ctx;

	if (s->n == MAX_ITEMS)
		return 1;
	s->v[s->n] = *a;
	snprintf(s->ids[s->n][0], 65, "%s", a->status);
	snprintf(s->ids[s->n][1], 65, "%s", a->confidence);
	snprintf(s->ids[s->n][2], 65, "%s", a->deadline);
	snprintf(s->ids[s->n][3], 65, "%s", a->next_review);
	snprintf(s->overseen[s->n], 201, "%s", a->overseen_by);
	s->v[s->n].status = s->ids[s->n][0];
	s->v[s->n].confidence = s->ids[s->n][1];
	s->v[s->n].deadline = s->ids[s->n][2];
	s->v[s->n].next_review = s->ids[s->n][3];
	s->v[s->n].overseen_by = s->overseen[s->n];
	s->v[s->n].force_id = s->v[s->n].nbhd_id = NULL;
	s->n++;
	return 0;
}

/* POST: record one; 0 with *id, or the refusal. */
static int record(struct web_app *wa, const struct restricted_caller *c, const struct web_form *f,
		  const char *force, const char *nbhd, int64_t *id, struct err *e)
{
	const char *at = web_form_get(f, "incident_at"), *days = web_form_get(f, "review_days");
	int64_t n = 7;
	struct cia_input in = {
		.force_id = force, .neighbourhood_id = nbhd,
		.incident = web_form_get(f, "incident"), .communities = web_form_get(f, "communities"),
		.information_needed = web_form_get(f, "information_needed"),
		.information_from = web_form_get(f, "information_from"),
		.overseen_by = web_form_get(f, "overseen_by"), .deadline = web_form_get(f, "deadline"),
		.vulnerable = web_form_get(f, "vulnerable"), .confidence = web_form_get(f, "confidence"),
		.cross_border = web_form_get(f, "cross_border"),
	};

	if (!at || time_parse_iso(at, strlen(at), &in.incident_at) < 0)
		return err_set(e, ERR_INVALID, "incident at: give the date and time, e.g. 2026-11-30T22:00");
	if (days && *days && parse_int_range(days, strlen(days), 1, 90, &n) < 0)
		return err_set(e, ERR_INVALID, "review days: a whole number of days from 1 to 90");
	in.review_days = (int)n;
	return cia_add(wa->store, c, &in, id, e);
}

int web_cia_list_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	int post = req->method_bit == HTTP_POST;
	struct web_staff st;
	struct cia_list_page p = { 0 };
	struct summaries *items = NULL;
	struct restricted_caller c;
	struct refusal ref;
	struct page_ctx pc;
	struct err e = ERR_INIT;
	const char *recorded = http_query(req, "recorded");
	int64_t id = 0;
	int rc = 0, status = 200;

	if (nbhd_door(wa, req, res, post ? PERM_RECORD_RESTRICTED : PERM_VIEW_RESTRICTED, &st, &p.nb))
		return 0;
	c = caller_of(&st);
	if (post) {
		if (record(wa, &c, &st.form, p.nb.force_id, p.nb.id, &id, &e) == 0) {
			char loc[200];

			snprintf(loc, sizeof(loc), "%s?recorded=%lld", req->path, (long long)id);
			http_response_header(res, "Location", loc);
			http_response_header(res, "Cache-Control", "no-store");
			res->status = 303;
			goto done;
		}
		if (e.code != ERR_INVALID) {
			rc = err_set(&res->err, e.code, "%s", e.msg);
			goto done;
		}
		refusal_of(&e, cia_fields, CIA_FIELDS, M_CIA_ERR_FIELD, &ref);
		p.errors = (struct entry_errors){ &ref.e, &ref.arg, 1 };
		p.typed = (struct entry_values){ form_get, &st.form };
		status = 400;
	}
	if (!(items = xcalloc(1, sizeof(*items)))) {
		rc = err_set(&res->err, ERR_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = cia_each(wa->store, &c, p.nb.force_id, p.nb.id, NULL, 0, keep_summary, items,
			   &res->err)) < 0)
		goto done;
	p.items = items->v;
	p.n = items->n;
	p.may_record = role_allows(st.user.scope.role, PERM_RECORD_RESTRICTED);
	p.recorded = recorded ? strtoll(recorded, NULL, 10) : 0;
	web_staff_page_ctx(req, &st, &pc);
	page_cia_list(&res->body, &pc, &p);
	web_private_page(res, status);
done:
	web_staff_end(wa, &st);
	xfree(items);
	return rc;
}

/* The assessment and its reviews, copied out of the service's callbacks. */
struct opened {
	struct store_value a[CIA_NCOLS];
	char *owned[CIA_NCOLS];
	struct store_value (*reviews)[CIAREV_NCOLS];
	char *(*review_owned)[CIAREV_NCOLS];
	size_t nreviews, cap;
	int failed;
};

static void copy_values(struct store_value *to, char **owned, const struct store_value *from, int n,
			const struct store_table *t, int *failed)
{
	for (int i = 0; i < n; i++) {
		to[i] = from[i];
		owned[i] = NULL;
		if (t->cols[i].type == ST_TEXT && !from[i].null) {
			owned[i] = xstrdup(from[i].s);
			to[i].s = owned[i];
			*failed |= !owned[i];
		}
	}
}

static int open_assessment(void *ctx, const struct store_row *r)
{
	struct opened *o = ctx;

	copy_values(o->a, o->owned, r->v, CIA_NCOLS, &store_impact_assessments, &o->failed);
	return 0;
}

static int open_review(void *ctx, const struct store_row *r)
{
	struct opened *o = ctx;
	size_t cap = o->cap;

	if (xgrow(&o->reviews, &o->cap, o->nreviews + 1, sizeof(*o->reviews)) ||
	    xgrow(&o->review_owned, &cap, o->nreviews + 1, sizeof(*o->review_owned))) {
		o->failed = 1;
		return 1;
	}
	copy_values(o->reviews[o->nreviews], o->review_owned[o->nreviews], r->v, CIAREV_NCOLS,
		    &store_impact_reviews, &o->failed);
	o->nreviews++;
	return 0;
}

static void opened_release(struct opened *o)
{
	for (int i = 0; i < CIA_NCOLS; i++)
		xfree(o->owned[i]);
	for (size_t k = 0; k < o->nreviews; k++)
		for (int i = 0; i < CIAREV_NCOLS; i++)
			xfree(o->review_owned[k][i]);
	xfree(o->reviews);
	xfree(o->review_owned);
}

/* Opens and shows assessment `id` for `purpose`; `errors`/`typed` for a
 * review that came back.  The store lock is held. */
static int show(struct web_app *wa, const struct http_request *req, struct web_staff *st,
		int64_t id, const char *purpose, const struct entry_errors *errors,
		const struct entry_values *typed, int status, struct http_response *res)
{
	struct restricted_caller c = caller_of(st);
	struct opened o = { 0 };
	struct cia_record_page p = { 0 };
	const struct store_value **reviews = NULL;
	struct page_ctx pc;
	long n;
	int rc = cia_open(wa->store, &c, id, purpose, open_assessment, open_review, &o, &res->err);

	if (rc == ERR_DENIED || rc == ERR_NOTFOUND) {
		opened_release(&o);
		return rc == ERR_DENIED ? web_staff_forbidden(req, st, res)
					: web_page_not_found(req, res, M_CIA_NOT_FOUND);
	}
	if (rc == 0 && o.failed)
		rc = err_set(&res->err, ERR_NOMEM, "out of memory");
	if (rc == 0 && !(reviews = xcalloc(o.nreviews + 1, sizeof(*reviews))))
		rc = err_set(&res->err, ERR_NOMEM, "out of memory");
	if (rc < 0) {
		opened_release(&o);
		return rc;
	}
	for (size_t i = 0; i < o.nreviews; i++)
		reviews[i] = o.reviews[i];
	n = wa->rm ? readmodel_neighbourhood(wa->rm, o.a[CIA_FORCE_ID].s, o.a[CIA_NEIGHBOURHOOD_ID].s) : -1;
	p = (struct cia_record_page){ o.a, n >= 0 ? wa->rm->nbhds[n].name : o.a[CIA_NEIGHBOURHOOD_ID].s,
				      id, reviews, o.nreviews, purpose,
				      role_allows(st->user.scope.role, PERM_RECORD_RESTRICTED),
				      cia_review_overdue(o.a, NULL), *errors, *typed };
	web_staff_page_ctx(req, st, &pc);
	page_cia_record(&res->body, &pc, &p);
	web_private_page(res, status);
	xfree(reviews);
	opened_release(&o);
	return 0;
}

/* GET asks why (after checking, without reading it, that the caller may
 * open it); the answer comes back as a POST with the session's CSRF token,
 * so a link from elsewhere cannot make an audited opening with a purpose
 * of its choosing, and the purpose stays out of URLs and browser history. */
int web_cia_record_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct web_staff st;
	struct restricted_caller c;
	struct page_ctx pc;
	const char *purpose = NULL;
	int64_t id = http_param_id(req, "cia");
	int rc;

	if (web_staff_begin(wa, req, res, PERM_VIEW_RESTRICTED, &st))
		return 0;
	c = caller_of(&st);
	if ((rc = cia_may_open(wa->store, &c, id, &res->err)) < 0) {
		web_staff_end(wa, &st);
		return rc == ERR_DENIED ? web_staff_forbidden(req, &st, res)
		     : rc == ERR_NOTFOUND ? web_page_not_found(req, res, M_CIA_NOT_FOUND) : rc;
	}
	if (req->method_bit == HTTP_POST)
		purpose = web_form_get(&st.form, "purpose");
	if (!purpose || !*purpose) {
		web_staff_page_ctx(req, &st, &pc);
		page_cia_purpose(&res->body, &pc, id, purpose != NULL, http_query(req, "reviewed") != NULL);
		web_private_page(res, purpose ? 400 : 200);
		web_staff_end(wa, &st);
		return 0;
	}
	rc = show(wa, req, &st, id, purpose, &(struct entry_errors){ 0 },
		  &(struct entry_values){ NULL, NULL }, 200, res);
	web_staff_end(wa, &st);
	return rc;
}

int web_cia_review_post(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct web_staff st;
	struct restricted_caller c;
	struct refusal ref;
	struct err e = ERR_INIT;
	struct page_ctx pc;
	int64_t id = http_param_id(req, "cia");
	const char *purpose;
	int rc;

	if (web_staff_begin(wa, req, res, PERM_RECORD_RESTRICTED, &st))
		return 0;
	c = caller_of(&st);
	purpose = web_form_get(&st.form, "purpose");
	rc = cia_review(wa->store, &c, id, web_form_get(&st.form, "confidence"),
			web_form_get(&st.form, "notes"), web_form_get(&st.form, "close") != NULL, &e);
	if (rc == 0) {
		char loc[96];

		snprintf(loc, sizeof(loc), "/staff/impact-assessments/%lld?reviewed=1", (long long)id);
		http_response_header(res, "Location", loc);
		http_response_header(res, "Cache-Control", "no-store");
		res->status = 303;
	} else if (rc == ERR_DENIED) {
		rc = web_staff_forbidden(req, &st, res);
	} else if (rc == ERR_INVALID && purpose && *purpose) {
		/* shown again with what was typed, for the reason given when opened */
		refusal_of(&e, cia_fields, CIA_FIELDS, M_CIA_ERR_FIELD, &ref);
		rc = show(wa, req, &st, id, purpose, &(struct entry_errors){ &ref.e, &ref.arg, 1 },
			  &(struct entry_values){ form_get, &st.form }, 400, res);
	} else if (rc == ERR_INVALID) {
		web_staff_page_ctx(req, &st, &pc);
		page_cia_purpose(&res->body, &pc, id, 0, 0);
		web_private_page(res, 400);
		rc = 0;
	} else {
		rc = err_set(&res->err, e.code, "%s", e.msg);
	}
	web_staff_end(wa, &st);
	return rc;
}

/* --- partners' data -------------------------------------------------------- */

struct rows {
	struct strbuf sb;
	struct html h;
	size_t n;
};

static int submission_row(void *ctx, const struct store_row *r)
{
	struct rows *rows = ctx;

	partner_submission_row(&rows->h, r->v);
	rows->n++;
	return 0;
}

static int concern_row(void *ctx, const struct shared_concern *c)
{
	struct rows *rows = ctx;

	partner_concern_row(&rows->h, c);
	rows->n++;
	return 0;
}

static const struct field_prefix submission_fields[] = {
	{ "occurred at:", "at" }, { "source:", "source" }, { "summary:", "summary" },
	{ "location:", "location" }, { "category:", "category" }, { "no agreement", "category" },
	{ "", "source" },
};

static int submit(struct web_app *wa, const struct restricted_caller *c, const struct web_form *f,
		  const char *force, const char *nbhd, int64_t *id, struct err *e)
{
	const char *at = web_form_get(f, "at");
	int64_t agreement;
	struct submission_input in = { force, nbhd, web_form_get(f, "source"),
				       web_form_get(f, "category"), 0, web_form_get(f, "location"),
				       web_form_get(f, "summary") };

	if (!at || time_parse_iso(at, strlen(at), &in.occurred_at) < 0)
		return err_set(e, ERR_INVALID, "occurred at: give the date and time, e.g. 2026-12-01T09:30");
	return sharing_submit(wa->store, c, &in, id, &agreement, e);
}

int web_partner_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	int post = req->method_bit == HTTP_POST;
	struct web_staff st;
	struct partner_page p = { 0 };
	struct rows subs = { STRBUF_INIT, { NULL, LANG_EN }, 0 }, cons = subs;
	struct restricted_caller c;
	struct refusal ref;
	struct page_ctx pc;
	struct err e = ERR_INIT;
	const char *submitted = http_query(req, "submitted");
	int64_t id = 0;
	int rc = 0, status = 200;

	if (nbhd_door(wa, req, res, post ? PERM_SUBMIT_PARTNER_DATA : PERM_VIEW_INTERNAL, &st, &p.nb))
		return 0;
	c = caller_of(&st);
	web_staff_page_ctx(req, &st, &pc);
	subs.h = (struct html){ &subs.sb, pc.lang };
	cons.h = (struct html){ &cons.sb, pc.lang };
	if (post) {
		if ((rc = submit(wa, &c, &st.form, p.nb.force_id, p.nb.id, &id, &e)) == 0) {
			char loc[200];

			snprintf(loc, sizeof(loc), "%s?submitted=%lld", req->path, (long long)id);
			http_response_header(res, "Location", loc);
			http_response_header(res, "Cache-Control", "no-store");
			res->status = 303;
			goto done;
		}
		if (e.code != ERR_INVALID && e.code != ERR_DENIED) {
			rc = err_set(&res->err, e.code, "%s", e.msg);
			goto done;
		}
		rc = 0;
		refusal_of(&e, submission_fields, sizeof(submission_fields) / sizeof(submission_fields[0]),
			   M_PD_ERR, &ref);
		p.errors = (struct entry_errors){ &ref.e, &ref.arg, 1 };
		p.typed = (struct entry_values){ form_get, &st.form };
		status = 400;
	}
	p.partner_org = c.partner_org;
	if ((rc = sharing_submissions_each(wa->store, &c, p.nb.force_id, p.nb.id, submission_row,
					   &subs, &res->err)) < 0)
		goto done;
	if (p.partner_org) {
		struct err ignored = ERR_INIT;
		int got = sharing_concerns_each(wa->store, &c, p.nb.force_id, p.nb.id, concern_row,
						&cons, &ignored);

		if (got == ERR_DENIED)
			p.no_agreement = 1;
		else if ((rc = got) < 0)
			goto done;
	}
	p.submission_rows = strbuf_str(&subs.sb);
	p.nsubmissions = subs.n;
	p.concern_rows = strbuf_str(&cons.sb);
	p.nconcerns = cons.n;
	p.submitted = submitted ? strtoll(submitted, NULL, 10) : 0;
	page_partner(&res->body, &pc, &p);
	web_private_page(res, status);
done:
	web_staff_end(wa, &st);
	strbuf_release(&subs.sb);
	strbuf_release(&cons.sb);
	return rc;
}
