/*
 * plan.c - the engagement plan and its reports (see plan.h).
 */
#include "engage/plan.h"

#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void date_after_days(int days, char buf[11])
{
	int64_t t = time_now();
	int y, m, d;

	t += london_offset(t);
	civil_from_days(t / 86400 + days, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

int plan_add(struct store *s, const struct plan_input *in, int64_t *id, struct err *e)
{
	struct store_value v[PLAN_NCOLS];
	char today[11], horizon[11];
	int rc;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_text("audience", in->audience, 200, e)) < 0 ||
	    (rc = eng_require_slug(activity_kinds, ACT_KIND_COUNT, "channel", in->channel, e)) < 0 ||
	    (rc = eng_require_text("message", in->message, 2000, e)) < 0 ||
	    (rc = eng_require_text("aim", in->aim, 2000, e)) < 0 ||
	    (rc = eng_require_text("owner", in->owner, 200, e)) < 0 ||
	    (rc = eng_require_date("planned date", in->planned_date, e)) < 0)
		return rc;
	eng_today(today);
	date_after_days(366, horizon);
	if (strcmp(in->planned_date, today) < 0)
		return err_set(e, ERR_INVALID, "planned date: %s is in the past; a plan looks ahead",
			       in->planned_date);
	if (strcmp(in->planned_date, horizon) > 0)
		return err_set(e, ERR_INVALID, "planned date: %s is more than 12 months ahead (the plan rolls)",
			       in->planned_date);
	v[PLAN_FORCE_ID] = SV_TEXT(in->force_id);
	v[PLAN_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[PLAN_AUDIENCE] = SV_TEXT(in->audience);
	v[PLAN_CHANNEL] = SV_TEXT(in->channel);
	v[PLAN_MESSAGE] = SV_TEXT(in->message);
	v[PLAN_AIM] = SV_TEXT(in->aim);
	v[PLAN_PLANNED_DATE] = SV_TEXT(in->planned_date);
	v[PLAN_OWNER] = SV_TEXT(in->owner);
	v[PLAN_ADJUSTMENTS] = SV_INT(in->adjustments);
	v[PLAN_ACTIVITY_ID] = SV_NULL;
	v[PLAN_CREATED_AT] = SV_INT(time_now());
	return store_row_insert(s, &store_plan_entries, v, id, e);
}

int plan_link_activity(struct store *s, int64_t id, int64_t version, int64_t activity_id,
		       struct err *e)
{
	struct eng_row p, a;
	int rc = eng_row_get(s, &store_plan_entries, id, &p, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "plan entry: there is no entry %lld", (long long)id);
	if (rc < 0)
		return rc;
	if ((rc = eng_row_get(s, &store_activities, activity_id, &a, e)) < 0) {
		if (rc == ERR_NOTFOUND)
			rc = err_set(e, ERR_INVALID, "activity: there is no activity %lld", (long long)activity_id);
		goto done;
	}
	if (strcmp(a.v[ACTIVITY_NEIGHBOURHOOD_ID].s, p.v[PLAN_NEIGHBOURHOOD_ID].s) ||
	    strcmp(a.v[ACTIVITY_FORCE_ID].s, p.v[PLAN_FORCE_ID].s)) {
		rc = err_set(e, ERR_INVALID, "activity: %lld was held for another neighbourhood",
			     (long long)activity_id);
		goto done;
	}
	p.v[PLAN_ACTIVITY_ID] = SV_INT(activity_id);
	rc = store_row_update(s, &store_plan_entries, id, version ? version : p.version, p.v, e);
done:
	eng_row_release(&p);
	eng_row_release(&a);
	return rc;
}

struct view_ctx {
	int (*fn)(void *, const struct plan_entry_view *);
	void *ctx;
	char today[11];
	struct plan_entry_view *all;
	size_t n, cap;
};

static int collect_entry(void *ctx, const struct store_row *r)
{
	struct view_ctx *c = ctx;
	struct plan_entry_view *v;

	if (xgrow(&c->all, &c->cap, c->n + 1, sizeof(*c->all)))
		return ERR_NOMEM;
	v = &c->all[c->n++];
	memset(v, 0, sizeof(*v));
	v->id = r->id;
	snprintf(v->audience, sizeof(v->audience), "%s", r->v[PLAN_AUDIENCE].s);
	snprintf(v->channel, sizeof(v->channel), "%s", r->v[PLAN_CHANNEL].s);
	snprintf(v->planned_date, sizeof(v->planned_date), "%s", r->v[PLAN_PLANNED_DATE].s);
	snprintf(v->owner, sizeof(v->owner), "%s", r->v[PLAN_OWNER].s);
	v->activity_id = r->v[PLAN_ACTIVITY_ID].null ? 0 : r->v[PLAN_ACTIVITY_ID].i;
	v->overdue = !v->activity_id && strcmp(v->planned_date, c->today) < 0;
	return 0;
}

static int by_date(const void *a, const void *b)
{
	const struct plan_entry_view *x = a, *y = b;
	int c = strcmp(x->planned_date, y->planned_date);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* Every entry of a neighbourhood, in date order, into c->all. */
static int load_entries(struct store *s, const char *force_id, const char *nbhd_id,
			struct view_ctx *c, struct err *e)
{
	struct store_where w[2] = { { PLAN_FORCE_ID, SV_TEXT(force_id) },
				    { PLAN_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	int rc;

	eng_today(c->today);
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0)
		return rc;
	rc = store_row_find(s, &store_plan_entries, w, 2, collect_entry, c, e);
	if (rc == ERR_NOMEM)
		return err_set(e, ERR_NOMEM, "out of memory reading the plan");
	if (rc < 0)
		return rc;
	if (c->n)
		qsort(c->all, c->n, sizeof(*c->all), by_date);
	return 0;
}

int plan_each(struct store *s, const char *force_id, const char *nbhd_id,
	      int (*fn)(void *ctx, const struct plan_entry_view *v), void *ctx, struct err *e)
{
	struct view_ctx c = { .fn = fn, .ctx = ctx };
	int rc = load_entries(s, force_id, nbhd_id, &c, e);

	for (size_t i = 0; rc == 0 && i < c.n; i++)
		rc = fn(ctx, &c.all[i]);
	xfree(c.all);
	return rc;
}

struct audience_ctx {
	struct view_ctx *plan;
	char horizon[11];
	int (*fn)(void *, const char *, const char *);
	void *ctx;
	int stop;
};

/* Planned for in the next 12 months if an entry's audience names it. */
static int is_planned(const struct audience_ctx *a, const char *audience)
{
	for (size_t i = 0; i < a->plan->n; i++) {
		const struct plan_entry_view *v = &a->plan->all[i];

		if (strcmp(v->planned_date, a->plan->today) >= 0 &&
		    strcmp(v->planned_date, a->horizon) <= 0 && eng_contains_ci(v->audience, audience))
			return 1;
	}
	return 0;
}

static int check_group(void *ctx, const struct store_asset *as)
{
	struct audience_ctx *a = ctx;

	if (strcmp(as->kind, "group") || is_planned(a, as->name))
		return 0;
	return a->stop = a->fn(a->ctx, as->name, "community group in the profile");
}

static int check_note(void *ctx, const struct store_row *r)
{
	struct audience_ctx *a = ctx;
	const char *kind = r->v[NOTE_KIND].s;

	if ((strcmp(kind, "seldom-heard") && strcmp(kind, "community-of-interest")) ||
	    is_planned(a, r->v[NOTE_TITLE].s))
		return 0;
	return a->stop = a->fn(a->ctx, r->v[NOTE_TITLE].s,
			       !strcmp(kind, "seldom-heard") ? "seldom-heard group in the profile"
							     : "community of interest in the profile");
}

int plan_unplanned_audiences(struct store *s, const char *force_id, const char *nbhd_id,
			     int (*fn)(void *ctx, const char *audience, const char *why), void *ctx,
			     struct err *e)
{
	struct view_ctx plan = { 0 };
	struct audience_ctx a = { &plan, "", fn, ctx, 0 };
	struct store_where w[2] = { { NOTE_FORCE_ID, SV_TEXT(force_id) },
				    { NOTE_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	int rc = load_entries(s, force_id, nbhd_id, &plan, e);

	date_after_days(366, a.horizon);
	if (rc == 0)
		rc = store_asset_each(s, force_id, nbhd_id, check_group, &a, e);
	if (rc >= 0 && !a.stop)
		rc = store_row_find(s, &store_profile_notes, w, 2, check_note, &a, e);
	xfree(plan.all);
	return rc < 0 ? rc : 0;
}
