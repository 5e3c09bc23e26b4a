/*
 * routes_staff_pact.c - the staff pages for deciding and acting (see
 * routes_staff_pact.h): each handler goes through the staff door, checks
 * the neighbourhood and what the form names, calls one service, and
 * answers with a 303 or the page drawn again with the problem.
 *
 * The services say what is wrong in English, naming the field first
 * ("review date: 2026-01-01 is in the past"); a table per form turns those
 * into the page's own words beside the right field, in English or Welsh.
 * Anything a table does not name is shown in the error summary as the
 * service said it.
 */
#include "web/routes_staff_pact.h"

#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/activity.h"
#include "engage/feedback.h"
#include "index/readmodel.h"
#include "engage/pii.h"
#include "model/role.h"
#include "views/page_pact.h"
#include "web/pages.h"
#include "web/staff.h"

#define MAX_ERRORS 6
#define MAX_CANDIDATES 12
#define RECORD_DAYS 183

/* One request to these pages: who, where, and a form sent back. */
struct pact_call {
	struct web_app *wa;
	const struct http_request *req;
	struct http_response *res;
	struct web_staff st;
	struct staff_nbhd nb;
	struct staff_may may;
	struct page_ctx pc;
	char form[48];				/* the form sent back, "" for none */
	struct govuk_error errors[MAX_ERRORS];
	char error_ids[MAX_ERRORS][48];
	size_t nerrors;
	char detail[ERR_MSG_MAX];
	int status;				/* 400, 409 */
};

/* A service refusal ("field: why") shown beside a field: the message
 * starts with `prefix` (and holds `contains`, when given). */
struct refusal_map {
	const char *prefix, *contains;
	const char *field;			/* the field's base name */
	enum msg_id message;
};

static void no_store(struct http_response *res)
{
	http_response_header(res, "Cache-Control", "no-store");
}

/* The staff door, then the neighbourhood: 1 when already answered. */
static int call_begin(void *app, const struct http_request *req, struct http_response *res,
		      int perm, struct pact_call *c)
{
	struct web_app *wa = app;
	const char *force = http_param(req, "force"), *id = http_param(req, "id");
	long n;
	int role;

	memset(c, 0, sizeof(*c));
	c->wa = wa;
	c->req = req;
	c->res = res;
	c->status = 200;
	if (web_staff_begin(wa, req, res, perm, &c->st))
		return 1;
	n = wa->rm ? readmodel_neighbourhood(wa->rm, force, id) : -1;
	if (n < 0) {
		web_staff_end(wa, &c->st);
		web_page_not_found(req, res, M_NOT_FOUND_NEIGHBOURHOOD);
		no_store(res);
		return 1;
	}
	if (!web_staff_can_see(&c->st, force, id)) {
		web_staff_end(wa, &c->st);
		web_staff_forbidden(req, &c->st, res);
		return 1;
	}
	c->nb.force_id = force;
	c->nb.id = id;
	c->nb.name = wa->rm->nbhds[n].name;
	c->nb.force_name = wa->rm->nbhds[n].force >= 0 ? wa->rm->forces[wa->rm->nbhds[n].force].name : "";
	role = c->st.user.scope.role;
	c->may = (struct staff_may){
		.create_meeting = role_allows(role, PERM_RECORD_ENGAGEMENT),
		.propose = role_allows(role, PERM_RECORD_ENGAGEMENT),
		.vote = role_allows(role, PERM_RECORD_VOTES),
		.agree = role_allows(role, PERM_AGREE_PRIORITIES),
		.update_actions = role_allows(role, PERM_UPDATE_ACTIONS),
		.partner_org = role == ROLE_PARTNER ? c->st.user.partner_org : NULL,
	};
	web_staff_page_ctx(req, &c->st, &c->pc);
	return 0;
}

/* Answer 403 for something the form named that is not this member's to
 * touch (another neighbourhood's priority, another partner's action). */
static int call_forbidden(struct pact_call *c)
{
	web_staff_end(c->wa, &c->st);
	web_staff_forbidden(c->req, &c->st, c->res);
	return 0;
}

static const char *field(const struct pact_call *c, const char *name)
{
	return web_form_get(&c->st.form, name);
}

static int64_t id_field(const struct pact_call *c, const char *name)
{
	const char *v = field(c, name);
	int64_t id = 0;

	if (!v || parse_int_range(v, strlen(v), 1, INT64_MAX, &id) < 0)
		return 0;
	return id;
}

static int64_t id_query(const struct http_request *req, const char *name)
{
	const char *v = http_query(req, name);
	int64_t id = 0;

	if (!v || parse_int_range(v, strlen(v), 1, INT64_MAX, &id) < 0)
		return 0;
	return id;
}

/* The form a problem belongs to: "votes-12", "meeting". */
static void sent_back(struct pact_call *c, const char *form, int64_t id)
{
	staff_field_id(c->form, sizeof(c->form), form, NULL, id);
}

static void field_error(struct pact_call *c, const char *name, int64_t id, enum msg_id m)
{
	if (c->nerrors == MAX_ERRORS)
		return;
	staff_field_id(c->error_ids[c->nerrors], sizeof(c->error_ids[0]), name, NULL, id);
	c->errors[c->nerrors] = (struct govuk_error){ c->error_ids[c->nerrors], m };
	c->nerrors++;
	if (c->status == 200)
		c->status = 400;
}

/* Text to publish: personal data (engage/pii.h) is refused beside the
 * field, before the service refuses it in words. */
static void check_public(struct pact_call *c, const char *name, int64_t id, const char *text)
{
	struct pii_report r;
	struct err e = ERR_INIT;

	if (pii_scan_in(c->wa->store, c->nb.force_id, c->nb.id, text, &r, &e) < 0 || !r.n)
		return;
	field_error(c, name, id, r.f[0].kind == PII_EMAIL ? M_PACT_ERR_PERSONAL_EMAIL
				 : r.f[0].kind == PII_PHONE ? M_PACT_ERR_PERSONAL_PHONE
				 : M_PACT_ERR_PERSONAL_OTHER);
}

/* A service said no: beside the field the map names, else in its words. */
static void refused(struct pact_call *c, const struct err *e, const struct refusal_map *map,
		    size_t n, int64_t id)
{
	for (size_t i = 0; e->code == ERR_INVALID && i < n; i++) {
		if (strncmp(e->msg, map[i].prefix, strlen(map[i].prefix)) ||
		    (map[i].contains && !strstr(e->msg, map[i].contains)))
			continue;
		field_error(c, map[i].field, id, map[i].message);
		return;
	}
	snprintf(c->detail, sizeof(c->detail), "%s", e->msg[0] ? e->msg : err_code_name(e->code));
	c->status = e->code == ERR_CONFLICT ? 409 : 400;
}

static const char *typed(const void *ctx, const char *name)
{
	return web_form_get(ctx, name);
}

static void form_state(const struct pact_call *c, struct staff_form *f)
{
	*f = (struct staff_form){
		.form = c->form[0] ? c->form : NULL,
		.errors = c->errors,
		.nerrors = c->nerrors,
		.detail = c->detail[0] ? c->detail : NULL,
		.typed = typed,
		.typed_ctx = &c->st.form,
		.saved = c->req->method_bit == HTTP_GET ? http_query(c->req, "saved") : NULL,
	};
}

/* Finish with the page in res->body (or an internal error `rc`). */
static int call_end(struct pact_call *c, int rc)
{
	web_staff_end(c->wa, &c->st);
	if (rc < 0 || c->res->body.failed) {
		strbuf_reset(&c->res->body);
		return rc < 0 ? rc : err_set(&c->res->err, ERR_NOMEM, "out of memory drawing the page");
	}
	web_page_headers(c->res);
	no_store(c->res);
	c->res->status = c->status;
	return 0;
}

/* 303 to "/staff/neighbourhoods/F/ID/<page>?<query>#<anchor>" (query and
 * anchor are Engage's own, made of slugs and numbers). */
static int see_other(struct pact_call *c, const char *page, const char *query)
{
	struct strbuf loc = STRBUF_INIT;
	struct html h = { &loc, LANG_EN };

	strbuf_addstr(&loc, "/staff/neighbourhoods/");
	html_url_arg(&h, c->nb.force_id);
	strbuf_addch(&loc, '/');
	html_url_arg(&h, c->nb.id);
	strbuf_addf(&loc, "/%s?%s", page, query);
	web_staff_end(c->wa, &c->st);
	if (loc.failed) {
		strbuf_release(&loc);
		return err_set(&c->res->err, ERR_NOMEM, "out of memory");
	}
	http_response_header(c->res, "Location", loc.buf);
	no_store(c->res);
	c->res->status = 303;
	strbuf_release(&loc);
	return 0;
}

static void today(char buf[11])
{
	char local[20];

	time_format_london(time_now(), local);
	snprintf(buf, 11, "%.10s", local);
}

/* --- PACT meeting mode ------------------------------------------------------- */

static int render_pact(struct pact_call *c, int64_t meeting_id)
{
	struct board_meetings meetings;
	struct board board = { 0 };
	struct pact_candidate *cands = xcalloc(MAX_CANDIDATES, sizeof(*cands));
	struct pact_view v = { .meetings = &meetings, .candidates = cands, .board = &board };
	struct staff_form f;
	char day[11];
	int rc;

	if (!cands)
		return err_set(&c->res->err, ERR_NOMEM, "out of memory");
	if ((rc = board_meetings_load(c->wa->store, c->nb.force_id, c->nb.id, &meetings, &c->res->err)) < 0)
		goto done;
	v.meeting = meeting_id ? board_meeting_find(&meetings, meeting_id) : NULL;
	if ((rc = pact_candidates(c->wa->store, c->wa->rm, c->nb.force_id, c->nb.id, cands,
				  MAX_CANDIDATES, &c->res->err)) < 0)
		goto done;
	v.ncandidates = rc;
	if ((rc = board_load(c->wa->store, c->nb.force_id, c->nb.id, v.meeting ? v.meeting->id : 0,
			     &board, &c->res->err)) < 0)
		goto done;
	today(day);
	v.today = day;
	form_state(c, &f);
	strbuf_reset(&c->res->body);
	page_pact(&c->res->body, &c->pc, &c->nb, &v, &c->may, &f);
	rc = 0;
done:
	board_release(&board);
	board_meetings_release(&meetings);
	xfree(cands);
	return rc;
}

int web_pact_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;

	if (call_begin(app, req, res, PERM_RECORD_VOTES, &c))
		return 0;
	return call_end(&c, render_pact(&c, id_query(req, "meeting")));
}

static const struct refusal_map meeting_refusals[] = {
	{ "title:", NULL, "title", M_PACT_ERR_MEETING_TITLE },
	{ "venue:", NULL, "venue", M_PACT_ERR_VENUE },
	{ "starts:", NULL, "date", M_PACT_ERR_DATE },
};

int web_pact_meeting(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct activity_input in = { .kind = "pact-meeting", .mode = "in-person", .attendance = -1 };
	const char *date, *time;
	char when[40], query[64];
	int64_t id;
	int rc;

	if (call_begin(app, req, res, PERM_RECORD_ENGAGEMENT, &c))
		return 0;
	date = field(&c, "date");
	time = field(&c, "time");
	sent_back(&c, "meeting", 0);
	snprintf(when, sizeof(when), "%.10sT00:00", date ? date : "");
	if (!date || strlen(date) != 10 || time_parse_iso(when, strlen(when), &in.starts_at) < 0)
		field_error(&c, "date", 0, M_PACT_ERR_DATE);
	snprintf(when, sizeof(when), "%.10sT%.5s", date ? date : "", time ? time : "");
	if (!time || strlen(time) != 5 || (!c.nerrors && time_parse_iso(when, strlen(when), &in.starts_at) < 0))
		field_error(&c, "time", 0, M_PACT_ERR_TIME);
	if (!c.nerrors) {
		in.force_id = c.nb.force_id;
		in.neighbourhood_id = c.nb.id;
		in.title = field(&c, "title");
		in.venue = field(&c, "venue");
		in.created_by = c.st.actor;
		if ((rc = activity_add(c.wa->store, &in, &id, &res->err)) == 0) {
			snprintf(query, sizeof(query), "meeting=%lld&saved=meeting", (long long)id);
			return see_other(&c, "pact", query);
		}
		refused(&c, &res->err, meeting_refusals, 3, 0);
		err_clear(&res->err);
	}
	return call_end(&c, render_pact(&c, 0));
}

static const struct refusal_map propose_refusals[] = {
	{ "title:", NULL, "title", M_PACT_ERR_PROPOSE_TITLE },
	{ "public text:", NULL, "public_text", M_PACT_ERR_PUBLIC_TEXT },
	{ "evidence:", NULL, "evidence", M_PACT_ERR_EVIDENCE },
};

int web_pact_propose(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct priority_input in = { 0 };
	const char *evidence;
	char text_field[48], query[96];
	int64_t meeting, id;

	if (call_begin(app, req, res, PERM_RECORD_ENGAGEMENT, &c))
		return 0;
	in.group_id = id_field(&c, "group");
	meeting = id_field(&c, "meeting");
	staff_field_id(text_field, sizeof(text_field), "public_text", NULL, in.group_id);
	in.force_id = c.nb.force_id;
	in.neighbourhood_id = c.nb.id;
	in.title = field(&c, "title");
	in.public_text = field(&c, text_field);
	evidence = field(&c, "evidence");
	sent_back(&c, "propose", in.group_id);
	check_public(&c, "public_text", in.group_id, in.public_text);
	if (!in.group_id && (!evidence || !*evidence))
		field_error(&c, "evidence", 0, M_PACT_ERR_EVIDENCE);
	if (!c.nerrors) {
		if (priority_propose_evidenced(c.wa->store, &in, evidence, &id, &res->err) == 0) {
			if (meeting)
				snprintf(query, sizeof(query), "meeting=%lld&saved=proposed#priority-%lld",
					 (long long)meeting, (long long)id);
			else
				snprintf(query, sizeof(query), "saved=proposed#priority-%lld", (long long)id);
			return see_other(&c, "pact", query);
		}
		refused(&c, &res->err, propose_refusals, 3, in.group_id);
		err_clear(&res->err);
	}
	return call_end(&c, render_pact(&c, meeting));
}

/* The priority a form names, when it is this neighbourhood's; NULL else.
 * `b` is loaded for the meeting (0: none) and released by the caller. */
static struct board_priority *named_priority(struct pact_call *c, int64_t meeting,
					     struct board *b, int *rc)
{
	*rc = board_load(c->wa->store, c->nb.force_id, c->nb.id, meeting, b, &c->res->err);
	return *rc < 0 ? NULL : board_priority_find(b, id_field(c, "priority"));
}

/* The staff door, then the priority the form names (this neighbourhood's,
 * else 403): 1 when answered, with what to return in *answer; on 0 the
 * caller releases *b. */
static int priority_call(void *app, const struct http_request *req, struct http_response *res,
			 int perm, struct pact_call *c, struct board *b, struct board_priority **p,
			 int *answer)
{
	int rc;

	*answer = 0;
	if (call_begin(app, req, res, perm, c))
		return 1;
	*p = named_priority(c, 0, b, &rc);
	if (rc < 0 || !*p) {
		board_release(b);
		*answer = rc < 0 ? call_end(c, rc) : call_forbidden(c);
		return 1;
	}
	return 0;
}

static int read_count(struct pact_call *c, const char *name, int64_t pid, int *out)
{
	char id[48];
	const char *v;
	int64_t n = 0;

	staff_field_id(id, sizeof(id), name, NULL, pid);
	v = field(c, id);
	if (v && *v && parse_int_range(v, strlen(v), 0, 100000, &n) < 0) {
		field_error(c, name, pid, M_PACT_ERR_COUNT);
		return -1;
	}
	*out = (int)n;
	return 0;
}

int web_pact_votes(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct board b;
	struct board_priority *p;
	int64_t meeting;
	int yes = 0, no = 0, abstain = 0, answer;
	char query[96];

	if (priority_call(app, req, res, PERM_RECORD_VOTES, &c, &b, &p, &answer))
		return answer;
	meeting = id_field(&c, "meeting");
	sent_back(&c, "votes", p->id);
	read_count(&c, "for", p->id, &yes);
	read_count(&c, "against", p->id, &no);
	read_count(&c, "abstain", p->id, &abstain);
	if (!c.nerrors) {
		if (priority_vote(c.wa->store, meeting, p->id, yes, no, abstain, &res->err) == 0) {
			snprintf(query, sizeof(query), "meeting=%lld&saved=votes#priority-%lld",
				 (long long)meeting, (long long)p->id);
			board_release(&b);
			return see_other(&c, "pact", query);
		}
		refused(&c, &res->err, NULL, 0, p->id);
		err_clear(&res->err);
	}
	board_release(&b);
	return call_end(&c, render_pact(&c, meeting));
}

static const struct refusal_map agree_refusals[] = {
	{ "review date:", NULL, "review", M_PACT_ERR_REVIEW },
};

int web_pact_agree(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct board b;
	struct board_priority *p;
	char review_field[48], query[96];
	int64_t meeting;
	int answer;

	if (priority_call(app, req, res, PERM_AGREE_PRIORITIES, &c, &b, &p, &answer))
		return answer;
	meeting = id_field(&c, "meeting");
	sent_back(&c, "agree", p->id);
	staff_field_id(review_field, sizeof(review_field), "review", NULL, p->id);
	if (priority_agree(c.wa->store, p->id, id_field(&c, "version"), meeting,
			   field(&c, review_field), &res->err) == 0) {
		snprintf(query, sizeof(query), "meeting=%lld&saved=agreed", (long long)meeting);
		board_release(&b);
		return see_other(&c, "pact", query);
	}
	refused(&c, &res->err, agree_refusals, 1, p->id);
	err_clear(&res->err);
	board_release(&b);
	return call_end(&c, render_pact(&c, meeting));
}

/* --- the priorities and actions board ------------------------------------------- */

static int render_board(struct pact_call *c)
{
	struct board b;
	struct staff_form f;
	int rc = board_load(c->wa->store, c->nb.force_id, c->nb.id, 0, &b, &c->res->err);

	if (rc == 0) {
		form_state(c, &f);
		strbuf_reset(&c->res->body);
		page_board(&c->res->body, &c->pc, &c->nb, &b, &c->may, &f);
	}
	board_release(&b);
	return rc;
}

int web_board_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;

	if (call_begin(app, req, res, PERM_VIEW_INTERNAL, &c))
		return 0;
	return call_end(&c, render_board(&c));
}

static const struct refusal_map action_refusals[] = {
	{ "owner:", NULL, "owner", M_BOARD_ERR_OWNER },
	{ "owner name:", NULL, "owner_name", M_BOARD_ERR_NAME },
	{ "action:", NULL, "text", M_BOARD_ERR_TEXT },
	{ "due date:", NULL, "due", M_BOARD_ERR_DUE },
	{ "partner organisation:", NULL, "partner_org", M_BOARD_ERR_ORG },
};

static const char *item_field(const struct pact_call *c, const char *name, int64_t id)
{
	char buf[48];

	staff_field_id(buf, sizeof(buf), name, NULL, id);
	return field(c, buf);
}

int web_board_action_add(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct board b;
	struct board_priority *p;
	struct action_input in = { 0 };
	char query[64];
	int64_t id;
	int answer;

	if (priority_call(app, req, res, PERM_AGREE_PRIORITIES, &c, &b, &p, &answer))
		return answer;
	sent_back(&c, "action", p->id);
	in.priority_id = p->id;
	in.owner_kind = item_field(&c, "owner", p->id);
	in.owner_name = item_field(&c, "owner_name", p->id);
	in.partner_org = in.owner_kind && !strcmp(in.owner_kind, "partner")
			 ? item_field(&c, "partner_org", p->id) : NULL;
	in.description = item_field(&c, "text", p->id);
	in.due_date = item_field(&c, "due", p->id);
	board_release(&b);
	if (action_add(c.wa->store, &in, &id, &res->err) == 0) {
		snprintf(query, sizeof(query), "saved=action#action-%lld", (long long)id);
		return see_other(&c, "board", query);
	}
	refused(&c, &res->err, action_refusals, 5, in.priority_id);
	err_clear(&res->err);
	return call_end(&c, render_board(&c));
}

static const struct refusal_map update_refusals[] = {
	{ "status:", NULL, "status", M_BOARD_ERR_STATUS },
	{ "result:", NULL, "result", M_BOARD_ERR_RESULT },
};

int web_board_action_update(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct board b;
	struct board_action *a;
	const char *v = http_param(req, "action");
	int64_t id = 0;
	char query[64];
	int rc;

	if (call_begin(app, req, res, PERM_UPDATE_ACTIONS, &c))
		return 0;
	if (!v || parse_int_range(v, strlen(v), 1, INT64_MAX, &id) < 0)
		id = 0;
	if ((rc = board_load(c.wa->store, c.nb.force_id, c.nb.id, 0, &b, &res->err)) < 0) {
		board_release(&b);
		return call_end(&c, rc);
	}
	a = board_action_find(&b, id, NULL);
	/* a partner moves only its own organisation's actions */
	if (!a || (c.may.partner_org && strcmp(a->partner_org, c.may.partner_org))) {
		board_release(&b);
		return call_forbidden(&c);
	}
	board_release(&b);
	sent_back(&c, "update", id);
	if (action_update(c.wa->store, id, id_field(&c, "version"), item_field(&c, "status", id),
			  item_field(&c, "result", id), &res->err) == 0) {
		snprintf(query, sizeof(query), "saved=update#action-%lld", (long long)id);
		return see_other(&c, "board", query);
	}
	refused(&c, &res->err, update_refusals, 2, id);
	err_clear(&res->err);
	return call_end(&c, render_board(&c));
}

int web_board_start(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct board b;
	struct board_priority *p;
	char query[64];
	int64_t id;
	int answer;

	if (priority_call(app, req, res, PERM_AGREE_PRIORITIES, &c, &b, &p, &answer))
		return answer;
	id = p->id;
	board_release(&b);
	if (priority_start(c.wa->store, id, id_field(&c, "version"), &res->err) == 0) {
		snprintf(query, sizeof(query), "saved=started#priority-%lld", (long long)id);
		return see_other(&c, "board", query);
	}
	refused(&c, &res->err, NULL, 0, id);
	err_clear(&res->err);
	return call_end(&c, render_board(&c));
}

/* --- the feedback queue ---------------------------------------------------------- */

static int render_feedback(struct pact_call *c, const char *kind, int64_t id)
{
	struct feedback_queue q;
	struct staff_form f;
	int rc = feedback_queue_load(c->wa->store, c->nb.force_id, c->nb.id, &q, &c->res->err);

	if (rc == 0) {
		form_state(c, &f);
		strbuf_reset(&c->res->body);
		page_feedback(&c->res->body, &c->pc, &c->nb, &q, feedback_queue_find(&q, kind, id),
			      &c->may, &f);
	}
	feedback_queue_release(&q);
	return rc;
}

int web_feedback_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	int64_t concern = id_query(req, "concern");

	if (call_begin(app, req, res, PERM_RECORD_ENGAGEMENT, &c))
		return 0;
	return call_end(&c, render_feedback(&c, concern ? "concern" : "priority",
					    concern ? concern : id_query(req, "priority")));
}

static const struct refusal_map feedback_refusals[] = {
	{ "outcome:", NULL, "outcome", M_FB_ERR_OUTCOME },
	{ "reason:", NULL, "reason", M_FB_ERR_REASON },
	{ "public text:", NULL, "text", M_FB_ERR_TEXT },
};

int web_feedback_give(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct feedback_queue q;
	struct feedback_input in = { 0 };
	const struct feedback_owed *o;
	char kind[12];
	int64_t id, fid;
	int rc;

	if (call_begin(app, req, res, PERM_RECORD_ENGAGEMENT, &c))
		return 0;
	snprintf(kind, sizeof(kind), "%s", field(&c, "kind") ? field(&c, "kind") : "");
	id = id_field(&c, "id");
	if ((rc = feedback_queue_load(c.wa->store, c.nb.force_id, c.nb.id, &q, &res->err)) < 0) {
		feedback_queue_release(&q);
		return call_end(&c, rc);
	}
	o = feedback_queue_find(&q, kind, id);
	if (o && !strcmp(o->kind, "priority") && !c.may.agree) {
		feedback_queue_release(&q);
		return call_forbidden(&c);
	}
	sent_back(&c, "feedback", 0);
	if (!o) {
		/* answered meanwhile, or never this neighbourhood's */
		snprintf(c.detail, sizeof(c.detail), "%s %lld is not waiting for feedback here",
			 kind[0] ? kind : "subject", (long long)id);
		c.status = 409;
		feedback_queue_release(&q);
		return call_end(&c, render_feedback(&c, kind, id));
	}
	in.subject_kind = !strcmp(o->kind, "concern") ? "concern" : "priority";	/* o is freed below */
	in.subject_id = o->id;
	in.outcome = field(&c, "outcome");
	/* a reason belongs to "we did not take action" only; a stray choice is dropped */
	in.reason = in.outcome && !strcmp(in.outcome, "no-action") ? field(&c, "reason") : NULL;
	in.public_text = field(&c, "text");
	in.internal_note = field(&c, "note");
	in.created_by = c.st.actor;
	feedback_queue_release(&q);
	check_public(&c, "text", 0, in.public_text);
	if (!c.nerrors) {
		if (feedback_give(c.wa->store, &in, &fid, NULL, &res->err) == 0)
			return see_other(&c, "feedback", "saved=feedback");
		refused(&c, &res->err, feedback_refusals, 3, 0);
		err_clear(&res->err);
	}
	return call_end(&c, render_feedback(&c, kind, id));
}

/* --- the meeting pack --------------------------------------------------------------- */

int web_pack_page(void *app, const struct http_request *req, struct http_response *res)
{
	struct pact_call c;
	struct meeting_pack *pk;
	struct record rec = { 0 };
	int64_t now = time_now();
	int rc;

	if (call_begin(app, req, res, PERM_VIEW_INTERNAL, &c))
		return 0;
	if (!(pk = xcalloc(1, sizeof(*pk))))	/* large */
		return call_end(&c, err_set(&res->err, ERR_NOMEM, "out of memory building the pack"));
	if ((rc = pack_build(c.wa->store, c.wa->rm, c.nb.force_id, c.nb.id, pk, &res->err)) == 0 &&
	    (rc = record_load(c.wa->store, c.nb.force_id, c.nb.id, now - RECORD_DAYS * 86400, &rec,
			      &res->err)) == 0) {
		page_pack(&res->body, &c.pc, &c.nb, pk, &rec, now);
		record_release(&rec);
	}
	xfree(pk);
	return call_end(&c, rc);
}
