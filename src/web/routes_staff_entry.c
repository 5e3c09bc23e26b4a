/*
 * routes_staff_entry.c - handlers of the staff entry pages (see
 * routes_staff_entry.h): each reads its form, checks it field by field in
 * the person's words, calls one service in engage/, and answers with the
 * page again or a 303.
 */
#include "web/routes_staff_entry.h"

#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/activity.h"
#include "engage/concern_batch.h"
#include "engage/plan.h"
#include "engage/profile.h"
#include "engage/record.h"
#include "index/readmodel.h"
#include "model/role.h"
#include "views/page_staff_entry.h"
#include "web/bulk.h"
#include "web/pages.h"
#include "web/staff.h"

#define RECENT_DAYS 90
#define MAX_FORM_ERRORS 24

/* A request on one neighbourhood's staff page, through the door. */
struct entry_req {
	struct web_app *wa;
	struct web_staff st;
	struct entry_nbhd nb;
	struct page_ctx pc;
	struct govuk_error errors[MAX_FORM_ERRORS];
	const char *args[MAX_FORM_ERRORS];
	size_t nerrors;
	char save_error[256];		/* a service's refusal, for M_SE_ERR_SAVE */
};

/* Signed in with `perm` (PERM_RECORD_ENGAGEMENT for a POST whatever
 * `perm`), the neighbourhood theirs and known.  0 with the store locked, or
 * 1 when `res` is answered. */
static int door(void *app, const struct http_request *req, struct http_response *res, int perm,
		struct entry_req *er)
{
	long n;

	memset(er, 0, sizeof(*er));
	er->wa = app;
	if (req->method_bit == HTTP_POST)
		perm = PERM_RECORD_ENGAGEMENT;
	if (web_staff_begin(er->wa, req, res, perm, &er->st))
		return 1;
	er->nb.force_id = http_param(req, "force");
	er->nb.id = http_param(req, "id");
	if (!web_staff_can_see(&er->st, er->nb.force_id, er->nb.id)) {
		web_staff_end(er->wa, &er->st);
		web_staff_forbidden(req, &er->st, res);
		return 1;
	}
	n = er->wa->rm ? readmodel_neighbourhood(er->wa->rm, er->nb.force_id, er->nb.id) : -1;
	if (n < 0) {
		web_staff_end(er->wa, &er->st);
		web_page_not_found(req, res, M_NOT_FOUND_NEIGHBOURHOOD);
		return 1;
	}
	er->nb.name = er->wa->rm->nbhds[n].name;
	web_staff_page_ctx(req, &er->st, &er->pc);
	return 0;
}

/* 303 to this neighbourhood's `tail` (a path and query Engage wrote). */
static void see_other(struct http_response *res, const struct entry_nbhd *nb, const char *tail)
{
	struct strbuf loc = STRBUF_INIT;
	struct html h = { &loc, LANG_EN };

	HTML(&h, "/staff/neighbourhoods/");
	html_url_arg(&h, nb->force_id);
	HTML(&h, "/");
	html_url_arg(&h, nb->id);
	strbuf_addstr(&loc, tail);
	http_response_header(res, "Location", loc.buf ? loc.buf : "/staff");
	http_response_header(res, "Cache-Control", "no-store");
	res->status = 303;
	strbuf_release(&loc);
}

static const char *form_get(const void *ctx, const char *name)
{
	return web_form_get(ctx, name);
}

static struct entry_values posted(const struct entry_req *er)
{
	return (struct entry_values){ form_get, &er->st.form };
}

static struct entry_errors problems(const struct entry_req *er)
{
	return (struct entry_errors){ er->errors, er->args, er->nerrors };
}

static void problem(struct entry_req *er, const char *field, enum msg_id message)
{
	if (er->nerrors < MAX_FORM_ERRORS) {
		er->args[er->nerrors] = NULL;
		er->errors[er->nerrors++] = (struct govuk_error){ field, message };
	}
}

/* A service refused what passed our checks: say so with its reason. */
static void refused(struct entry_req *er, const char *field, const struct err *e)
{
	snprintf(er->save_error, sizeof(er->save_error), "%s", e->msg);
	if (er->nerrors < MAX_FORM_ERRORS) {
		er->args[er->nerrors] = er->save_error;
		er->errors[er->nerrors++] = (struct govuk_error){ field, M_SE_ERR_SAVE };
	}
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* A required text field of at most `max` bytes, or a problem. */
static const char *need_text(struct entry_req *er, const char *field, size_t max, enum msg_id why)
{
	const char *s = web_form_get(&er->st.form, field);

	if (blank(s) || strlen(s) > max) {
		problem(er, field, why);
		return NULL;
	}
	return s;
}

/* A day from fields id-day, id-month, id-year as "YYYY-MM-DD", or 0. */
static int read_date(const struct web_form *f, const char *id, char out[11])
{
	static const char *const parts[3] = { "-year", "-month", "-day" };
	int64_t v[3], y, m, d;
	int cy, cm, cd;

	for (int i = 0; i < 3; i++) {
		char name[32];
		const char *s;

		snprintf(name, sizeof(name), "%s%s", id, parts[i]);
		s = web_form_get(f, name);
		while (s && *s == ' ')
			s++;
		if (!s || parse_int_range(s, strcspn(s, " "), i ? 1 : 1900, i ? 31 : 2999, &v[i]) < 0)
			return 0;
	}
	y = v[0], m = v[1], d = v[2];
	if (m > 12)
		return 0;
	civil_from_days(days_from_civil((int)y, (int)m, (int)d), &cy, &cm, &cd);
	if (cy != y || cm != m || cd != d)
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", cy, cm, cd);
	return 1;
}

/* "18:30", "18.30", "1830" or "9:05" as minutes after midnight, or -1. */
static int read_time(const char *s)
{
	int64_t hh, mm;
	size_t n = s ? strlen(s) : 0, sep;

	if (!n)
		return -1;
	sep = strcspn(s, ":.");
	if (sep == n && (n == 3 || n == 4))
		sep = n - 2;
	else if (sep == n)
		return -1;
	if (parse_int_range(s, sep, 0, 23, &hh) < 0)
		return -1;
	s += sep + (s[sep] == ':' || s[sep] == '.');
	if (strlen(s) != 2 || parse_int_range(s, 2, 0, 59, &mm) < 0)
		return -1;
	return (int)(hh * 60 + mm);
}

/* A London wall time on `day` as a UTC instant. */
static int64_t london_instant(const char *day, int minutes)
{
	char iso[24];
	int64_t t = 0;

	snprintf(iso, sizeof(iso), "%sT%02d:%02d", day, minutes / 60, minutes % 60);
	return time_parse_iso(iso, strlen(iso), &t) < 0 ? 0 : t;
}

/* --- the neighbourhood's staff page ----------------------------------------- */

int web_staff_nbhd(void *app, const struct http_request *req, struct http_response *res)
{
	struct entry_req er;
	struct staff_nbhd_page p = { 0 };
	struct todo_item *items = NULL;
	const char *logged = http_query(req, "logged_activity");
	int rc;

	if (door(app, req, res, PERM_VIEW_INTERNAL, &er))
		return 0;
	p.nb = er.nb;
	rc = web_staff_todo(er.wa, er.nb.force_id, er.nb.id, &items, &p.ntodo, &res->err);
	if (rc == 0) {
		p.todo = items;
		if (logged)
			parse_int64(logged, strlen(logged), &p.logged_activity);
		page_staff_nbhd(&res->body, &er.pc, &p);
		web_private_page(res, 200);
	}
	web_staff_end(er.wa, &er.st);
	xfree(items);
	return rc;
}

/* --- postcards and questionnaires ------------------------------------------------ */

/* The first showing's choices, carried over from the batch before. */
struct carried {
	const char *channel, *activity, *language;
};

static const char *carried_get(const void *ctx, const char *name)
{
	const struct carried *c = ctx;

	return !strcmp(name, "channel") ? c->channel : !strcmp(name, "activity") ? c->activity
	       : !strcmp(name, "language") ? c->language : NULL;
}

struct saved_refs {
	char refs[POSTCARD_MAX_ROWS][REF_LEN + 1];
	size_t n;
};

static int keep_ref(void *ctx, const char *reference)
{
	struct saved_refs *s = ctx;

	if (s->n == POSTCARD_MAX_ROWS)
		return 1;
	snprintf(s->refs[s->n++], REF_LEN + 1, "%s", reference);
	return 0;
}

/* What one postcards request needs besides the request: large, so on the heap. */
struct postcards_work {
	struct record rec;
	struct record_activity acts[64];
	size_t nacts;
	struct bulk_batch batch;
	struct concern_result results[POSTCARD_MAX_ROWS];
	struct saved_refs saved;
};

/* Activities of the last RECENT_DAYS that have begun, newest first. */
static int recent_activities(struct entry_req *er, struct postcards_work *w, struct err *e)
{
	int64_t now = time_now();
	int rc = record_load(er->wa->store, er->nb.force_id, er->nb.id, now - RECENT_DAYS * 86400,
			     &w->rec, e);

	for (size_t i = 0; rc == 0 && i < w->rec.nactivities && w->nacts < 64; i++)
		if (w->rec.activities[i].starts_at <= now)
			w->acts[w->nacts++] = w->rec.activities[i];
	return rc;
}

/* Save a checked batch: 0 and a 303 to the confirmation, or a problem on
 * the row the service refused. */
static int save_batch(struct entry_req *er, struct postcards_work *w, struct http_response *res)
{
	struct bulk_batch *b = &w->batch;
	struct err e = ERR_INIT;
	size_t failed = 0;
	char tail[200];
	int rc = concern_raise_batch(er->wa->store, b->in, b->n, NULL, NULL, w->results, &failed, &e);

	if (rc < 0) {
		bulk_error(b, failed < b->n ? b->row_of[failed] : 1, "text", M_PC_ERR_SAVE);
		return rc;
	}
	snprintf(tail, sizeof(tail), "/postcards?saved_first=%lld&saved_last=%lld&from_channel=%s"
		 "&written_in=%s&from_activity=%lld", (long long)w->results[0].id,
		 (long long)w->results[b->n - 1].id, b->in[0].channel, b->in[0].language,
		 (long long)b->in[0].activity_id);
	see_other(res, &er->nb, tail);
	return 0;
}

int web_staff_postcards(void *app, const struct http_request *req, struct http_response *res)
{
	struct entry_req er;
	struct postcards_work *w;
	struct postcards_page p = { 0 };
	struct carried carried = { http_query(req, "from_channel"), http_query(req, "from_activity"),
				   http_query(req, "written_in") };
	const char *first = http_query(req, "saved_first"), *last = http_query(req, "saved_last");
	int rc;

	if (door(app, req, res, PERM_RECORD_ENGAGEMENT, &er))
		return 0;
	if (!(w = xcalloc(1, sizeof(*w)))) {
		web_staff_end(er.wa, &er.st);
		return err_set(&res->err, ERR_NOMEM, "out of memory");
	}
	if ((rc = recent_activities(&er, w, &res->err)) < 0)
		goto done;
	p = (struct postcards_page){ .nb = er.nb, .activities = w->acts, .nactivities = w->nacts,
				     .values = { carried_get, &carried },
				     .nrows = POSTCARD_ROWS_PER_SCREEN };
	if (req->method_bit == HTTP_POST) {
		struct concern_input base = { .force_id = er.nb.force_id,
					      .neighbourhood_id = er.nb.id, .created_by = er.st.actor };

		if (!bulk_read(&er.st.form, &base, w->acts, w->nacts, &w->batch) &&
		    save_batch(&er, w, res) == 0)
			goto done;
		p.values = posted(&er);
		p.errors = (struct entry_errors){ w->batch.errors, w->batch.args, w->batch.nerrors };
		if (w->batch.last_row > p.nrows)
			p.nrows = w->batch.last_row > POSTCARD_MAX_ROWS ? POSTCARD_MAX_ROWS : w->batch.last_row;
	} else if (first && last) {
		int64_t a = 0, z = 0;
		struct err e = ERR_INIT;

		if (parse_int64(first, strlen(first), &a) == 0 && parse_int64(last, strlen(last), &z) == 0)
			concern_batch_references(er.wa->store, er.nb.force_id, er.nb.id, er.st.actor, a, z,
						 keep_ref, &w->saved, &e);
		p.saved = w->saved.refs;
		p.nsaved = w->saved.n;
	}
	page_postcards(&res->body, &er.pc, &p);
	web_private_page(res, p.errors.n ? 400 : 200);
	rc = 0;
done:
	web_staff_end(er.wa, &er.st);
	record_release(&w->rec);
	xfree(w);
	return rc;
}

/* --- log an activity ---------------------------------------------------------------- */

/* Demographic counts typed in, each a whole number no more than attended. */
static void read_counts(struct entry_req *er, struct activity_input *in, char ids[][24])
{
	int k = 0;

	for (int m = 0; m < ENTRY_DEMOG_MEASURES; m++) {
		const struct entry_demog *d = &entry_demogs[m];

		for (int c = 0; c < d->n; c++, k++) {
			const char *s;
			int64_t n;

			snprintf(ids[k], 24, "%s-%d", d->field, c);
			s = web_form_get(&er->st.form, ids[k]);
			if (blank(s))
				continue;
			if (parse_int_range(s, strlen(s), 0, in->attendance >= 0 ? in->attendance : 100000,
					    &n) < 0) {
				problem(er, ids[k], M_AC_ERR_COUNT);
				continue;
			}
			if (n == 0 || in->ndemographics == ACTIVITY_MAX_DEMOGRAPHICS)
				continue;
			in->demographics[in->ndemographics].measure = d->measure;
			in->demographics[in->ndemographics].category = d->cat[c].slug;
			in->demographics[in->ndemographics].count = (int)n;
			in->ndemographics++;
		}
	}
}

/* The activity form into `in`; problems into er. */
static void read_activity(struct entry_req *er, struct activity_input *in, char day[11],
			  char ids[][24])
{
	const struct web_form *f = &er->st.form;
	const char *kind = web_form_get(f, "kind"), *mode = web_form_get(f, "mode");
	const char *attendance = web_form_get(f, "attendance"), *end = web_form_get(f, "end");
	int start, finish = -1;
	int64_t n;

	in->kind = kind;
	if (!kind || vocab_find(activity_kinds, ACT_KIND_COUNT, kind) < 0)
		problem(er, "kind", M_AC_ERR_KIND);
	in->title = need_text(er, "title", 200, M_AC_ERR_NAME);
	if (!read_date(f, "date", day))
		problem(er, "date-day", M_AC_ERR_DATE);
	if ((start = read_time(web_form_get(f, "start"))) < 0)
		problem(er, "start", M_AC_ERR_START);
	if (!blank(end) && ((finish = read_time(end)) < 0 || (start >= 0 && finish < start)))
		problem(er, "end", M_AC_ERR_END);
	in->mode = mode;
	if (!mode || vocab_find(activity_modes, MODE_COUNT, mode) < 0)
		problem(er, "mode", M_AC_ERR_MODE);
	in->venue = web_form_get(f, "venue");
	in->online_url = web_form_get(f, "online");
	if ((!mode || strcmp(mode, "online")) && (blank(in->venue) || strlen(in->venue) > 200))
		problem(er, "venue", M_AC_ERR_VENUE);
	if (mode && strcmp(mode, "in-person") &&
	    (!in->online_url || (strncmp(in->online_url, "https://", 8) &&
				 strncmp(in->online_url, "http://", 7)) || strlen(in->online_url) > 500))
		problem(er, "online", M_AC_ERR_ONLINE);
	in->attendance = -1;
	if (!blank(attendance)) {
		if (parse_int_range(attendance, strlen(attendance), 0, 100000, &n) < 0)
			problem(er, "attendance", M_AC_ERR_ATTENDANCE);
		else
			in->attendance = (int)n;
	}
	read_counts(er, in, ids);
	in->public_notes = web_form_get(f, "notes");
	if (in->public_notes && strlen(in->public_notes) > 4000)
		problem(er, "notes", M_AC_ERR_NOTES);
	if (!er->nerrors) {
		in->starts_at = london_instant(day, start);
		in->ends_at = finish >= 0 ? london_instant(day, finish) : 0;
	}
}

int web_staff_activity_new(void *app, const struct http_request *req, struct http_response *res)
{
	struct entry_req er;
	struct activity_page p = { 0 };
	char day[11] = "", ids[ENTRY_DEMOG_MEASURES * ENTRY_DEMOG_MAX][24], tail[80];
	int64_t id = 0;
	struct err e = ERR_INIT;

	if (door(app, req, res, PERM_RECORD_ENGAGEMENT, &er))
		return 0;
	if (req->method_bit == HTTP_POST) {
		struct activity_input in = { .force_id = er.nb.force_id, .neighbourhood_id = er.nb.id,
					     .created_by = er.st.actor };

		read_activity(&er, &in, day, ids);
		if (!er.nerrors && activity_add(er.wa->store, &in, &id, &e) == 0) {
			snprintf(tail, sizeof(tail), "?logged_activity=%lld", (long long)id);
			see_other(res, &er.nb, tail);
			web_staff_end(er.wa, &er.st);
			return 0;
		}
		if (!er.nerrors)
			refused(&er, "kind", &e);
		p.values = posted(&er);
	}
	p.nb = er.nb;
	p.errors = problems(&er);
	page_activity_new(&res->body, &er.pc, &p);
	web_private_page(res, p.errors.n ? 400 : 200);
	web_staff_end(er.wa, &er.st);
	return 0;
}

/* --- profile and assets -------------------------------------------------------------- */

/* Copies of strings that outlive a store walk, freed together. */
struct str_pool {
	char **s;
	size_t n, cap;
	int failed;
};

static const char *keep(struct str_pool *p, const char *s)
{
	char *copy;

	if (!s)
		return NULL;
	if (xgrow(&p->s, &p->cap, p->n + 1, sizeof(*p->s)) || !(copy = xstrdup(s))) {
		p->failed = 1;
		return "";
	}
	return p->s[p->n++] = copy;
}

static void pool_release(struct str_pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		xfree(p->s[i]);
	xfree(p->s);
}

struct profile_work {
	struct profile profile;
	struct profile_asset_row *assets;
	size_t nassets, acap;
	struct profile_note_view *notes;
	size_t nnotes, ncap;
	struct str_pool pool;
};

static int add_asset(void *ctx, const struct store_asset *a)
{
	struct profile_work *w = ctx;

	if (xgrow(&w->assets, &w->acap, w->nassets + 1, sizeof(*w->assets)))
		return ERR_NOMEM;
	w->assets[w->nassets++] = (struct profile_asset_row){
		keep(&w->pool, a->name), keep(&w->pool, a->type), keep(&w->pool, a->address),
		!strcmp(a->kind, "group")
	};
	return 0;
}

static int add_note(void *ctx, const struct profile_note_view *n)
{
	struct profile_work *w = ctx;

	if (xgrow(&w->notes, &w->ncap, w->nnotes + 1, sizeof(*w->notes)))
		return ERR_NOMEM;
	w->notes[w->nnotes++] = (struct profile_note_view){
		n->id, keep(&w->pool, n->kind), keep(&w->pool, n->title), keep(&w->pool, n->body),
		n->created_at
	};
	return 0;
}

static int load_profile(struct entry_req *er, struct profile_work *w, struct err *e)
{
	int rc = profile_load(er->wa->store, er->nb.force_id, er->nb.id, &w->profile, e);

	if (rc == 0)
		rc = profile_asset_each(er->wa->store, er->nb.force_id, er->nb.id, add_asset, w, e);
	if (rc == 0)
		rc = profile_note_each(er->wa->store, er->nb.force_id, er->nb.id, add_note, w, e);
	if (rc == ERR_NOMEM || w->pool.failed)
		return err_set(e, ERR_NOMEM, "out of memory reading the profile");
	return rc;
}

/* A posted note: 0 when added, or problems in er. */
static int add_profile_note(struct entry_req *er)
{
	const char *kind = web_form_get(&er->st.form, "kind"), *title, *note;
	int known = 0;
	int64_t id;
	struct err e = ERR_INIT;

	for (int i = 0; kind && i < profile_note_kind_count; i++)
		known |= !strcmp(kind, profile_note_kinds[i]);
	if (!known)
		problem(er, "kind", M_PR_ERR_KIND);
	title = need_text(er, "title", 200, M_PR_ERR_TITLE);
	note = need_text(er, "note", 4000, M_PR_ERR_NOTE);
	if (er->nerrors)
		return -1;
	if (profile_note_add(er->wa->store, er->nb.force_id, er->nb.id, kind, title, note, &id, &e) < 0) {
		refused(er, "kind", &e);
		return -1;
	}
	return 0;
}

int web_staff_profile(void *app, const struct http_request *req, struct http_response *res)
{
	struct entry_req er;
	struct profile_work w = { 0 };
	struct profile_page p = { 0 };
	int rc = 0;

	if (door(app, req, res, PERM_VIEW_INTERNAL, &er))
		return 0;
	if (req->method_bit == HTTP_POST) {
		if (add_profile_note(&er) == 0) {
			see_other(res, &er.nb, "/profile?added=1#notes");
			goto done;
		}
		p.values = posted(&er);
	}
	if ((rc = load_profile(&er, &w, &res->err)) < 0)
		goto done;
	p.nb = er.nb;
	p.profile = &w.profile;
	p.assets = w.assets;
	p.nassets = w.nassets;
	p.notes = w.notes;
	p.nnotes = w.nnotes;
	p.added = http_query(req, "added") != NULL;
	p.errors = problems(&er);
	page_profile(&res->body, &er.pc, &p);
	web_private_page(res, p.errors.n ? 400 : 200);
done:
	web_staff_end(er.wa, &er.st);
	xfree(w.assets);
	xfree(w.notes);
	pool_release(&w.pool);
	return rc;
}

/* --- the engagement plan ---------------------------------------------------------------- */

struct plan_work {
	struct plan_entry_view *entries;
	size_t n, cap;
	struct plan_gap *gaps;
	size_t ngaps, gcap;
	struct str_pool pool;
};

static int add_entry(void *ctx, const struct plan_entry_view *v)
{
	struct plan_work *w = ctx;

	if (xgrow(&w->entries, &w->cap, w->n + 1, sizeof(*w->entries)))
		return ERR_NOMEM;
	w->entries[w->n++] = *v;
	return 0;
}

static int add_gap(void *ctx, const char *audience, const char *why)
{
	struct plan_work *w = ctx;

	if (xgrow(&w->gaps, &w->gcap, w->ngaps + 1, sizeof(*w->gaps)))
		return ERR_NOMEM;
	w->gaps[w->ngaps].audience = keep(&w->pool, audience);
	w->gaps[w->ngaps++].why = why;	/* one of the service's fixed strings */
	return 0;
}

/* A posted entry: 0 when added, or problems in er. */
static int add_plan_entry(struct entry_req *er)
{
	const struct web_form *f = &er->st.form;
	struct plan_input in = { .force_id = er->nb.force_id, .neighbourhood_id = er->nb.id };
	char day[11] = "";
	int64_t id;
	struct err e = ERR_INIT;

	in.audience = need_text(er, "audience", 200, M_PL_ERR_AUDIENCE);
	in.channel = web_form_get(f, "channel");
	if (!in.channel || vocab_find(activity_kinds, ACT_KIND_COUNT, in.channel) < 0)
		problem(er, "channel", M_PL_ERR_CHANNEL);
	in.message = need_text(er, "message", 2000, M_PL_ERR_MESSAGE);
	in.aim = need_text(er, "aim", 2000, M_PL_ERR_AIM);
	if (!read_date(f, "date", day))
		problem(er, "date-day", M_PL_ERR_DATE);
	in.planned_date = day;
	in.owner = need_text(er, "owner", 200, M_PL_ERR_OWNER);
	for (int i = 0; i < adjustment_count; i++) {
		char name[48];

		snprintf(name, sizeof(name), "adj-%s", adjustments[i].slug);
		if (web_form_get(f, name))
			in.adjustments |= 1 << i;
	}
	if (er->nerrors)
		return -1;
	if (plan_add(er->wa->store, &in, &id, &e) < 0) {
		if (!strncmp(e.msg, "planned date", 12))
			problem(er, "date-day", M_PL_ERR_DATE);
		else
			refused(er, "audience", &e);
		return -1;
	}
	return 0;
}

int web_staff_plan(void *app, const struct http_request *req, struct http_response *res)
{
	struct entry_req er;
	struct plan_work w = { 0 };
	struct plan_page p = { 0 };
	int rc = 0;

	if (door(app, req, res, PERM_VIEW_INTERNAL, &er))
		return 0;
	if (req->method_bit == HTTP_POST) {
		if (add_plan_entry(&er) == 0) {
			see_other(res, &er.nb, "/plan?added=1");
			goto done;
		}
		p.values = posted(&er);
	}
	if ((rc = plan_each(er.wa->store, er.nb.force_id, er.nb.id, add_entry, &w, &res->err)) < 0 ||
	    (rc = plan_unplanned_audiences(er.wa->store, er.nb.force_id, er.nb.id, add_gap, &w,
					   &res->err)) < 0)
		goto done;
	if (w.pool.failed) {
		rc = err_set(&res->err, ERR_NOMEM, "out of memory reading the plan");
		goto done;
	}
	p.nb = er.nb;
	p.entries = w.entries;
	p.nentries = w.n;
	p.gaps = w.gaps;
	p.ngaps = w.ngaps;
	p.added = http_query(req, "added") != NULL;
	p.errors = problems(&er);
	page_plan(&res->body, &er.pc, &p);
	web_private_page(res, p.errors.n ? 400 : 200);
done:
	web_staff_end(er.wa, &er.st);
	xfree(w.entries);
	xfree(w.gaps);
	pool_release(&w.pool);
	return rc;
}
