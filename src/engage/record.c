/*
 * record.c - collecting a neighbourhood's published record (see record.h).
 */
#include "engage/record.h"

#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <stdio.h>
#include <string.h>

struct loader {
	struct record *r;
	size_t cap_a, cap_p;
	int64_t since;
	int failed;
};

static char *dup_opt(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int add_activity(void *ctx, const struct store_row *row)
{
	struct loader *l = ctx;
	struct record_activity *a;

	if (row->v[ACTIVITY_STARTS_AT].i < l->since)
		return 0;
	if (xgrow(&l->r->activities, &l->cap_a, l->r->nactivities + 1, sizeof(*a))) {
		l->failed = 1;
		return 1;
	}
	a = &l->r->activities[l->r->nactivities++];
	memset(a, 0, sizeof(*a));
	a->id = row->id;
	snprintf(a->kind, sizeof(a->kind), "%s", row->v[ACTIVITY_KIND].s);
	snprintf(a->mode, sizeof(a->mode), "%s", row->v[ACTIVITY_MODE].s);
	a->title = dup_opt(row->v[ACTIVITY_TITLE].s);
	a->venue = dup_opt(row->v[ACTIVITY_VENUE].s);
	a->address = dup_opt(row->v[ACTIVITY_ADDRESS].s);
	a->accessibility = dup_opt(row->v[ACTIVITY_ACCESSIBILITY].s);
	a->online_url = dup_opt(row->v[ACTIVITY_ONLINE_URL].s);
	a->starts_at = row->v[ACTIVITY_STARTS_AT].i;
	a->ends_at = row->v[ACTIVITY_ENDS_AT].null ? 0 : row->v[ACTIVITY_ENDS_AT].i;
	a->attendance = row->v[ACTIVITY_ATTENDANCE].null ? -1 : (int)row->v[ACTIVITY_ATTENDANCE].i;
	a->adjustments = (int)row->v[ACTIVITY_ADJUSTMENTS].i;
	return 0;
}

static int count_concern(void *ctx, const struct store_row *row)
{
	struct loader *l = ctx;
	int cat = vocab_find(concern_categories, concern_category_count, row->v[CONCERN_CATEGORY].s);
	int ch = vocab_find(channels, CH_COUNT, row->v[CONCERN_CHANNEL].s);

	if (row->v[CONCERN_RAISED_AT].i < l->since)
		return 0;
	l->r->raised_total++;
	if (cat >= 0 && cat < 64)
		l->r->raised_by_category[cat]++;
	if (ch >= 0)
		l->r->raised_by_channel[ch]++;
	return 0;
}

static int add_priority(void *ctx, const struct store_row *row)
{
	struct loader *l = ctx;
	struct record_priority *p;

	if (xgrow(&l->r->priorities, &l->cap_p, l->r->npriorities + 1, sizeof(*p))) {
		l->failed = 1;
		return 1;
	}
	p = &l->r->priorities[l->r->npriorities++];
	memset(p, 0, sizeof(*p));
	p->id = row->id;
	snprintf(p->status, sizeof(p->status), "%s", row->v[PRIORITY_STATUS].s);
	snprintf(p->category, sizeof(p->category), "%s", row->v[PRIORITY_CATEGORY].s);
	p->public_text = dup_opt(row->v[PRIORITY_PUBLIC_TEXT].s);
	p->created_at = row->v[PRIORITY_CREATED_AT].i;
	p->agreed_at = row->v[PRIORITY_AGREED_AT].null ? 0 : row->v[PRIORITY_AGREED_AT].i;
	snprintf(p->review_date, sizeof(p->review_date), "%s",
		 row->v[PRIORITY_REVIEW_DATE].s ? row->v[PRIORITY_REVIEW_DATE].s : "");
	p->group_id = row->v[PRIORITY_GROUP_ID].null ? 0 : row->v[PRIORITY_GROUP_ID].i;
	return 0;
}

static int take_feedback(void *ctx, const struct store_row *row)
{
	struct record_priority *p = ctx;

	xfree(p->feedback_text);
	p->feedback_text = dup_opt(row->v[FEEDBACK_PUBLIC_TEXT].s);
	snprintf(p->feedback_outcome, sizeof(p->feedback_outcome), "%s", row->v[FEEDBACK_OUTCOME].s);
	p->feedback_at = row->v[FEEDBACK_CREATED_AT].i;
	return 0;
}

static int count_rows(void *ctx, const struct store_row *row)
{
	(*(int *)ctx)++;
	return 0;
}

static int count_action(void *ctx, const struct store_row *row)
{
	struct record_priority *p = ctx;

	p->actions++;
	if (row->v[ACTION_STATUS].s && !strcmp(row->v[ACTION_STATUS].s, "done"))
		p->actions_done++;
	return 0;
}

/* Newest first: the store hands rows in id order. */
static void reverse(void *base, size_t n, size_t size)
{
	char tmp[sizeof(struct record_activity) > sizeof(struct record_priority) ?
		 sizeof(struct record_activity) : sizeof(struct record_priority)];
	char *a = base;

	for (size_t i = 0; i < n / 2; i++) {
		memcpy(tmp, a + i * size, size);
		memcpy(a + i * size, a + (n - 1 - i) * size, size);
		memcpy(a + (n - 1 - i) * size, tmp, size);
	}
}

int record_load(struct store *s, const char *force_id, const char *nbhd_id, int64_t since,
		struct record *out, struct err *e)
{
	struct loader l = { .r = out, .since = since };
	struct store_where wa[2] = { { ACTIVITY_FORCE_ID, SV_TEXT(force_id) },
				     { ACTIVITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct store_where wc[2] = { { CONCERN_FORCE_ID, SV_TEXT(force_id) },
				     { CONCERN_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct store_where wp[2] = { { PRIORITY_FORCE_ID, SV_TEXT(force_id) },
				     { PRIORITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = store_row_find(s, &store_activities, wa, 2, add_activity, &l, e)) < 0 ||
	    (rc = store_row_find(s, &store_concerns, wc, 2, count_concern, &l, e)) < 0 ||
	    (rc = store_row_find(s, &store_priorities, wp, 2, add_priority, &l, e)) < 0)
		goto fail;
	if (l.failed) {
		rc = err_set(e, ERR_NOMEM, "out of memory reading the record");
		goto fail;
	}
	for (size_t i = 0; i < out->npriorities; i++) {
		struct record_priority *p = &out->priorities[i];
		struct store_where wf[2] = { { FEEDBACK_SUBJECT_KIND, SV_TEXT("priority") },
					     { FEEDBACK_SUBJECT_ID, SV_INT(p->id) } };
		struct store_where wx = { ACTION_PRIORITY_ID, SV_INT(p->id) };

		if (p->group_id) {
			struct store_where wg = { CONCERN_GROUP_ID, SV_INT(p->group_id) };
			if ((rc = store_row_find(s, &store_concerns, &wg, 1, count_rows, &p->concerns, e)) < 0)
				goto fail;
		}
		if ((rc = store_row_find(s, &store_feedback, wf, 2, take_feedback, p, e)) < 0 ||
		    (rc = store_row_find(s, &store_actions, &wx, 1, count_action, p, e)) < 0)
			goto fail;
	}
	reverse(out->activities, out->nactivities, sizeof(*out->activities));
	reverse(out->priorities, out->npriorities, sizeof(*out->priorities));
	return 0;
fail:
	record_release(out);
	return rc;
}

void record_release(struct record *r)
{
	for (size_t i = 0; i < r->nactivities; i++) {
		xfree(r->activities[i].title);
		xfree(r->activities[i].venue);
		xfree(r->activities[i].address);
		xfree(r->activities[i].accessibility);
		xfree(r->activities[i].online_url);
	}
	for (size_t i = 0; i < r->npriorities; i++) {
		xfree(r->priorities[i].public_text);
		xfree(r->priorities[i].feedback_text);
	}
	xfree(r->activities);
	xfree(r->priorities);
	memset(r, 0, sizeof(*r));
}
