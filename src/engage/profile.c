/*
 * profile.c - neighbourhood profiles and the list of what needs doing (see
 * profile.h).
 */
#include "engage/profile.h"

#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/audit.h"
#include "engage/engage-internal.h"
#include "engage/plan.h"
#include "store/tables.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *const profile_note_kinds[] = {
	"community-of-interest", "seldom-heard", "tension", "incoming-community",
	"outgoing-community", "vulnerability",
};
const int profile_note_kind_count = (int)(sizeof(profile_note_kinds) / sizeof(profile_note_kinds[0]));

int profile_note_add(struct store *s, const char *force_id, const char *nbhd_id,
		     const char *kind, const char *title, const char *body, int64_t *id,
		     struct err *e)
{
	struct store_value v[NOTE_NCOLS];
	int known = 0, rc;

	for (int i = 0; kind && i < profile_note_kind_count; i++)
		known |= !strcmp(kind, profile_note_kinds[i]);
	if (!known)
		return err_set(e, ERR_INVALID,
			       "kind: \"%s\" is not one of community-of-interest, seldom-heard, tension, "
			       "incoming-community, outgoing-community, vulnerability", kind ? kind : "");
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = eng_require_text("title", title, 200, e)) < 0 ||
	    (rc = eng_require_text("note", body, 4000, e)) < 0)
		return rc;
	v[NOTE_FORCE_ID] = SV_TEXT(force_id);
	v[NOTE_NEIGHBOURHOOD_ID] = SV_TEXT(nbhd_id);
	v[NOTE_KIND] = SV_TEXT(kind);
	v[NOTE_TITLE] = SV_TEXT(title);
	v[NOTE_BODY] = SV_TEXT(body);
	v[NOTE_CREATED_AT] = SV_INT(time_now());
	return store_row_insert(s, &store_profile_notes, v, id, e);
}

int key_contact_add(struct store *s, const struct key_contact_input *in, int64_t *id,
		    struct err *e)
{
	struct store_value v[KEYCONTACT_NCOLS];
	struct audit_entry a = {
		.actor = in->created_by && *in->created_by ? in->created_by : "unknown",
		.op = AUDIT_COLLECTION,
		.record_kind = "key_contact",
	};
	int64_t row = 0;
	int rc;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_text("name", in->name, 200, e)) < 0 ||
	    (rc = eng_optional_text("role", in->role, 200, e)) < 0 ||
	    (rc = eng_optional_text("organisation", in->organisation, 200, e)) < 0 ||
	    (rc = eng_optional_text("email", in->email, 254, e)) < 0 ||
	    (rc = eng_optional_text("phone", in->phone, 40, e)) < 0)
		return rc;
	if ((rc = eng_require_text("consent purpose", in->consent_purpose, 500, e)) < 0)
		return err_set(e, ERR_INVALID,
			       "consent purpose: say what they agreed to be contacted for; a key contact is held only with consent");
	v[KEYCONTACT_FORCE_ID] = SV_TEXT(in->force_id);
	v[KEYCONTACT_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[KEYCONTACT_NAME] = SV_TEXT(in->name);
	v[KEYCONTACT_ROLE] = SV_TEXT(in->role && *in->role ? in->role : NULL);
	v[KEYCONTACT_ORGANISATION] = SV_TEXT(in->organisation && *in->organisation ? in->organisation : NULL);
	v[KEYCONTACT_EMAIL] = SV_TEXT(in->email && *in->email ? in->email : NULL);
	v[KEYCONTACT_PHONE] = SV_TEXT(in->phone && *in->phone ? in->phone : NULL);
	v[KEYCONTACT_CONSENT_PURPOSE] = SV_TEXT(in->consent_purpose);
	v[KEYCONTACT_CONSENT_AT] = SV_INT(time_now());
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_insert(s, &store_key_contacts, v, &row, e)) < 0)
		goto fail;
	a.at = v[KEYCONTACT_CONSENT_AT].i;
	a.purpose = in->consent_purpose;	/* what they consented to */
	a.record_id = row;
	if ((rc = audit_record(s, &a, NULL, e)) < 0 || (rc = store_commit(s, e)) < 0)
		goto fail;
	if (id)
		*id = row;
	return 0;
fail:
	store_rollback(s);
	return rc;
}

/* --- the profile ------------------------------------------------------------- */

struct prof_ctx {
	struct profile *p;
	const char *force, *nbhd;
	char **lsoas;
	size_t nlsoas, cap;
	int failed;
};

static int member(void *ctx, const char *force, const char *nbhd, const char *lsoa)
{
	struct prof_ctx *c = ctx;

	if (strcmp(force, c->force) || strcmp(nbhd, c->nbhd))
		return 0;
	if (xgrow(&c->lsoas, &c->cap, c->nlsoas + 1, sizeof(*c->lsoas)) ||
	    !(c->lsoas[c->nlsoas] = xstrdup(lsoa))) {
		c->failed = 1;
		return 1;
	}
	c->nlsoas++;
	return 0;
}

static int add_figure(void *ctx, const struct store_census *cn)
{
	struct profile *p = ctx;
	int i;

	if (!strcmp(cn->measure, "population") && !strcmp(cn->category, "all"))
		p->population += cn->value;
	if (!strcmp(cn->measure, "households") && !strcmp(cn->category, "all"))
		p->households += cn->value;
	for (i = 0; i < p->nfigures; i++)
		if (!strcmp(p->figures[i].measure, cn->measure) && !strcmp(p->figures[i].category, cn->category))
			break;
	if (i == p->nfigures) {
		if (p->nfigures == PROFILE_MAX_FIGURES)
			return 0;
		snprintf(p->figures[i].measure, sizeof(p->figures[i].measure), "%s", cn->measure);
		snprintf(p->figures[i].category, sizeof(p->figures[i].category), "%s", cn->category);
		p->nfigures++;
	}
	p->figures[i].value += cn->value;
	return 0;
}

static int count_asset(void *ctx, const struct store_asset *a)
{
	struct profile *p = ctx;

	if (!strcmp(a->kind, "group"))
		p->groups++;
	else
		p->places++;
	return 0;
}

static int count_row(void *ctx, const struct store_row *r)
{
	(*(int *)ctx)++;
	return 0;
}

int profile_load(struct store *s, const char *force_id, const char *nbhd_id, struct profile *out,
		 struct err *e)
{
	struct prof_ctx c = { out, force_id, nbhd_id, NULL, 0, 0, 0 };
	struct store_where wn[2] = { { NOTE_FORCE_ID, SV_TEXT(force_id) },
				     { NOTE_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct store_where wk[2] = { { KEYCONTACT_FORCE_ID, SV_TEXT(force_id) },
				     { KEYCONTACT_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = store_neighbourhood_lsoa_each(s, member, &c, e)) < 0)
		goto done;
	if (c.failed) {
		rc = err_set(e, ERR_NOMEM, "out of memory reading the profile");
		goto done;
	}
	out->lsoas = (int)c.nlsoas;
	for (size_t i = 0; i < c.nlsoas && rc == 0; i++)
		rc = store_census_each(s, c.lsoas[i], add_figure, out, e);
	if (rc < 0 || (rc = store_asset_each(s, force_id, nbhd_id, count_asset, out, e)) < 0 ||
	    (rc = store_row_find(s, &store_profile_notes, wn, 2, count_row, &out->notes, e)) < 0 ||
	    (rc = store_row_find(s, &store_key_contacts, wk, 2, count_row, &out->key_contacts, e)) < 0)
		goto done;
	rc = 0;
done:
	for (size_t i = 0; i < c.nlsoas; i++)
		xfree(c.lsoas[i]);
	xfree(c.lsoas);
	return rc;
}

/* --- what needs doing ----------------------------------------------------------- */

const char *const todo_kind_names[] = {
	[TODO_FEEDBACK_OWED] = "feedback-owed",
	[TODO_ACTION_OVERDUE] = "action-overdue",
	[TODO_PLAN_OVERDUE] = "plan-overdue",
	[TODO_REVIEW_DUE] = "review-due",
	[TODO_MEETING_SOON] = "meeting-soon",
};

struct todo_ctx {
	int (*fn)(void *, const struct todo_item *);
	void *ctx;
	const char *force, *nbhd;
	char today[11], week[11];
	int64_t now, owed_before;
	int stop;
};

static int emit(struct todo_ctx *t, enum todo_kind kind, int64_t id, const char *when,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static int emit(struct todo_ctx *t, enum todo_kind kind, int64_t id, const char *when,
		const char *fmt, ...)
{
	struct todo_item it = { kind, id, "", "" };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(it.what, sizeof(it.what), fmt, ap);
	va_end(ap);
	snprintf(it.when, sizeof(it.when), "%s", when);
	return t->stop = t->fn(t->ctx, &it);
}

static void day_of(int64_t t, char buf[11])
{
	int y, m, d;

	t += london_offset(t);
	civil_from_days(t / 86400, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

static int owed(void *ctx, const struct store_row *r)
{
	struct todo_ctx *t = ctx;
	char day[11];

	if (strcmp(r->v[CONCERN_STATUS].s, "open") || r->v[CONCERN_RAISED_AT].i > t->owed_before)
		return 0;
	day_of(r->v[CONCERN_RAISED_AT].i, day);
	return emit(t, TODO_FEEDBACK_OWED, r->id, day, "feedback owed on concern %s (%s, %s)",
		    r->v[CONCERN_REFERENCE].s, r->v[CONCERN_CATEGORY].s, r->v[CONCERN_CHANNEL].s);
}

struct priority_note {
	struct todo_ctx *t;
	int64_t ids[256];
	int n;
};

static int priority_in_area(void *ctx, const struct store_row *r)
{
	struct priority_note *p = ctx;
	const char *review = r->v[PRIORITY_REVIEW_DATE].s;
	const char *st = r->v[PRIORITY_STATUS].s;
	int open = !strcmp(st, "agreed") || !strcmp(st, "in-progress");

	if (p->n < 256)
		p->ids[p->n++] = r->id;
	if (open && review && strcmp(review, p->t->week) <= 0)
		return emit(p->t, TODO_REVIEW_DUE, r->id, review, "review of priority %lld due: %s",
			    (long long)r->id, r->v[PRIORITY_PUBLIC_TEXT].s);
	return 0;
}

static int overdue_action(void *ctx, const struct store_row *r)
{
	struct todo_ctx *t = ctx;

	if (strcmp(r->v[ACTION_STATUS].s, "open") || strcmp(r->v[ACTION_DUE_DATE].s, t->today) >= 0)
		return 0;
	return emit(t, TODO_ACTION_OVERDUE, r->id, r->v[ACTION_DUE_DATE].s,
		    "action %lld overdue (%s%s%s): %s", (long long)r->id, r->v[ACTION_OWNER_NAME].s,
		    r->v[ACTION_PARTNER_ORG].s ? ", " : "",
		    r->v[ACTION_PARTNER_ORG].s ? r->v[ACTION_PARTNER_ORG].s : "", r->v[ACTION_DESCRIPTION].s);
}

static int overdue_plan(void *ctx, const struct plan_entry_view *v)
{
	struct todo_ctx *t = ctx;

	if (!v->overdue)
		return 0;
	return emit(t, TODO_PLAN_OVERDUE, v->id, v->planned_date,
		    "planned %s for %s has not been held", v->channel, v->audience);
}

static int meeting_soon(void *ctx, const struct store_row *r)
{
	struct todo_ctx *t = ctx;
	int64_t at = r->v[ACTIVITY_STARTS_AT].i;
	char day[11];

	if (at < t->now || at > t->now + 7 * 86400)
		return 0;
	day_of(at, day);
	return emit(t, TODO_MEETING_SOON, r->id, day, "%s: %s", r->v[ACTIVITY_KIND].s,
		    r->v[ACTIVITY_TITLE].s);
}

int profile_todo(struct store *s, const char *force_id, const char *nbhd_id, int feedback_days,
		 int (*fn)(void *ctx, const struct todo_item *item), void *ctx, struct err *e)
{
	struct todo_ctx t = { fn, ctx, force_id, nbhd_id, "", "", 0, 0, 0 };
	struct store_where wc[2] = { { CONCERN_FORCE_ID, SV_TEXT(force_id) },
				     { CONCERN_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct store_where wp[2] = { { PRIORITY_FORCE_ID, SV_TEXT(force_id) },
				     { PRIORITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct store_where wa[2] = { { ACTIVITY_FORCE_ID, SV_TEXT(force_id) },
				     { ACTIVITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct priority_note *pn = xcalloc(1, sizeof(*pn));
	int rc;

	if (!pn)
		return err_set(e, ERR_NOMEM, "out of memory");
	pn->t = &t;
	t.now = time_now();
	t.owed_before = t.now - (int64_t)feedback_days * 86400;
	day_of(t.now, t.today);
	day_of(t.now + 7 * 86400, t.week);
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = store_row_find(s, &store_concerns, wc, 2, owed, &t, e)) < 0)
		goto done;
	if (!t.stop && (rc = store_row_find(s, &store_priorities, wp, 2, priority_in_area, pn, e)) < 0)
		goto done;
	for (int i = 0; i < pn->n && !t.stop; i++) {
		struct store_where w = { ACTION_PRIORITY_ID, SV_INT(pn->ids[i]) };
		if ((rc = store_row_find(s, &store_actions, &w, 1, overdue_action, &t, e)) < 0)
			goto done;
	}
	if (!t.stop && (rc = plan_each(s, force_id, nbhd_id, overdue_plan, &t, e)) < 0)
		goto done;
	if (!t.stop && (rc = store_row_find(s, &store_activities, wa, 2, meeting_soon, &t, e)) < 0)
		goto done;
	rc = 0;
done:
	xfree(pn);
	return rc;
}

/* --- reading the profile's lists ------------------------------------------------- */

struct note_walk {
	int (*fn)(void *, const struct profile_note_view *);
	void *ctx;
};

static int each_note(void *ctx, const struct store_row *r)
{
	struct note_walk *w = ctx;
	struct profile_note_view n = {
		r->id, r->v[NOTE_KIND].s, r->v[NOTE_TITLE].s, r->v[NOTE_BODY].s,
		r->v[NOTE_CREATED_AT].i,
	};

	return w->fn(w->ctx, &n);
}

int profile_note_each(struct store *s, const char *force_id, const char *nbhd_id,
		      int (*fn)(void *ctx, const struct profile_note_view *n), void *ctx,
		      struct err *e)
{
	struct store_where w[2] = { { NOTE_FORCE_ID, SV_TEXT(force_id) },
				    { NOTE_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct note_walk walk = { fn, ctx };
	int rc = eng_require_neighbourhood(s, force_id, nbhd_id, e);

	return rc < 0 ? rc : store_row_find(s, &store_profile_notes, w, 2, each_note, &walk, e);
}

struct asset_walk {
	int (*fn)(void *, const struct store_asset *);
	void *ctx;
	int groups;		/* this pass: groups (1) or places (0) */
};

static int each_asset(void *ctx, const struct store_asset *a)
{
	struct asset_walk *w = ctx;

	if ((strcmp(a->kind, "group") == 0) != w->groups)
		return 0;
	return w->fn(w->ctx, a);
}

int profile_asset_each(struct store *s, const char *force_id, const char *nbhd_id,
		       int (*fn)(void *ctx, const struct store_asset *a), void *ctx,
		       struct err *e)
{
	struct asset_walk walk = { fn, ctx, 1 };
	int rc = eng_require_neighbourhood(s, force_id, nbhd_id, e);

	if (rc == 0)
		rc = store_asset_each(s, force_id, nbhd_id, each_asset, &walk, e);
	if (rc == 0) {
		walk.groups = 0;
		rc = store_asset_each(s, force_id, nbhd_id, each_asset, &walk, e);
	}
	return rc;
}
