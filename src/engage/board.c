/*
 * board.c - the staff read side of PACT and feedback (see board.h).
 */
#include "engage/board.h"

#include "base/xalloc.h"
#include "engage/concern.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy(char *dst, size_t size, const struct store_value *v)
{
	snprintf(dst, size, "%s", !v->null && v->s ? v->s : "");
}

static int nomem(struct err *e)
{
	return err_set(e, ERR_NOMEM, "out of memory reading the board");
}

/* --- meetings ------------------------------------------------------------------ */

struct meeting_list {
	struct board_meetings *m;
	size_t cap;
	int failed;
};

static int collect_meeting(void *ctx, const struct store_row *r)
{
	struct meeting_list *l = ctx;
	struct board_meeting *bm;
	const char *kind = r->v[ACTIVITY_KIND].s;

	if (strcmp(kind, "pact-meeting") && strcmp(kind, "beat-meeting"))
		return 0;
	if (xgrow(&l->m->v, &l->cap, l->m->n + 1, sizeof(*l->m->v))) {
		l->failed = 1;
		return 1;
	}
	bm = &l->m->v[l->m->n++];
	bm->id = r->id;
	copy(bm->kind, sizeof(bm->kind), &r->v[ACTIVITY_KIND]);
	copy(bm->title, sizeof(bm->title), &r->v[ACTIVITY_TITLE]);
	copy(bm->venue, sizeof(bm->venue), &r->v[ACTIVITY_VENUE]);
	bm->starts_at = r->v[ACTIVITY_STARTS_AT].i;
	return 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct board_meeting *x = a, *y = b;

	if (x->starts_at != y->starts_at)
		return x->starts_at < y->starts_at ? 1 : -1;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

int board_meetings_load(struct store *s, const char *force_id, const char *nbhd_id,
			struct board_meetings *out, struct err *e)
{
	struct store_where w[2] = { { ACTIVITY_FORCE_ID, SV_TEXT(force_id) },
				    { ACTIVITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct meeting_list l = { out, 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_row_find(s, &store_activities, w, 2, collect_meeting, &l, e)) < 0)
		return rc;
	if (l.failed)
		return nomem(e);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), newest_first);
	return 0;
}

void board_meetings_release(struct board_meetings *m)
{
	xfree(m->v);
	memset(m, 0, sizeof(*m));
}

const struct board_meeting *board_meeting_find(const struct board_meetings *m, int64_t id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return &m->v[i];
	return NULL;
}

/* --- priorities ------------------------------------------------------------------ */

struct priority_list {
	struct board *b;
	size_t cap;
	int failed;
};

static int collect_priority(void *ctx, const struct store_row *r)
{
	struct priority_list *l = ctx;
	struct board_priority *p;

	if (xgrow(&l->b->v, &l->cap, l->b->n + 1, sizeof(*l->b->v))) {
		l->failed = 1;
		return 1;
	}
	p = &l->b->v[l->b->n++];
	memset(p, 0, sizeof(*p));
	p->id = r->id;
	p->version = r->version;
	p->status = vocab_find(priority_statuses, PRI_STATUS_COUNT, r->v[PRIORITY_STATUS].s);
	copy(p->title, sizeof(p->title), &r->v[PRIORITY_TITLE]);
	copy(p->public_text, sizeof(p->public_text), &r->v[PRIORITY_PUBLIC_TEXT]);
	copy(p->category, sizeof(p->category), &r->v[PRIORITY_CATEGORY]);
	copy(p->review_date, sizeof(p->review_date), &r->v[PRIORITY_REVIEW_DATE]);
	p->group_id = r->v[PRIORITY_GROUP_ID].null ? 0 : r->v[PRIORITY_GROUP_ID].i;
	p->created_at = r->v[PRIORITY_CREATED_AT].i;
	p->agreed_at = r->v[PRIORITY_AGREED_AT].null ? 0 : r->v[PRIORITY_AGREED_AT].i;
	return 0;
}

struct action_list {
	struct board_priority *p;
	size_t cap;
	char today[11];
	int failed;
};

static int collect_action(void *ctx, const struct store_row *r)
{
	struct action_list *l = ctx;
	struct board_action *a;

	if (xgrow(&l->p->actions, &l->cap, l->p->nactions + 1, sizeof(*l->p->actions))) {
		l->failed = 1;
		return 1;
	}
	a = &l->p->actions[l->p->nactions++];
	a->id = r->id;
	a->version = r->version;
	copy(a->owner_kind, sizeof(a->owner_kind), &r->v[ACTION_OWNER_KIND]);
	copy(a->owner_name, sizeof(a->owner_name), &r->v[ACTION_OWNER_NAME]);
	copy(a->partner_org, sizeof(a->partner_org), &r->v[ACTION_PARTNER_ORG]);
	copy(a->description, sizeof(a->description), &r->v[ACTION_DESCRIPTION]);
	copy(a->due_date, sizeof(a->due_date), &r->v[ACTION_DUE_DATE]);
	copy(a->status, sizeof(a->status), &r->v[ACTION_STATUS]);
	copy(a->result, sizeof(a->result), &r->v[ACTION_RESULT]);
	a->overdue = !strcmp(a->status, "open") && strcmp(a->due_date, l->today) < 0;
	l->p->overdue += a->overdue;
	return 0;
}

static int by_due_date(const void *a, const void *b)
{
	const struct board_action *x = a, *y = b;
	int c = strcmp(x->due_date, y->due_date);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int read_votes(void *ctx, const struct store_row *r)
{
	struct board_priority *p = ctx;

	p->has_votes = 1;
	p->votes_for = (int)r->v[VOTE_VOTES_FOR].i;
	p->votes_against = (int)r->v[VOTE_VOTES_AGAINST].i;
	p->abstentions = (int)r->v[VOTE_ABSTENTIONS].i;
	return 1;
}

/* Counts, actions and votes of one priority. */
static int priority_details(struct store *s, struct board_priority *p, int64_t meeting_id,
			    struct err *e)
{
	struct store_where wa = { ACTION_PRIORITY_ID, SV_INT(p->id) };
	struct store_where wv[2] = { { VOTE_ACTIVITY_ID, SV_INT(meeting_id) },
				     { VOTE_PRIORITY_ID, SV_INT(p->id) } };
	struct action_list al = { p, 0, "", 0 };
	int rc;

	eng_today(al.today);
	if (p->group_id &&
	    (rc = concern_group_counts(s, p->group_id, &p->concerns, &p->channels, e)) < 0)
		return rc;
	if ((rc = store_row_find(s, &store_actions, &wa, 1, collect_action, &al, e)) < 0)
		return rc;
	if (al.failed)
		return nomem(e);
	if (p->nactions)
		qsort(p->actions, p->nactions, sizeof(*p->actions), by_due_date);
	if (meeting_id && (rc = store_row_find(s, &store_votes, wv, 2, read_votes, p, e)) < 0)
		return rc;
	return 0;
}

int board_load(struct store *s, const char *force_id, const char *nbhd_id, int64_t meeting_id,
	       struct board *out, struct err *e)
{
	struct store_where w[2] = { { PRIORITY_FORCE_ID, SV_TEXT(force_id) },
				    { PRIORITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct priority_list l = { out, 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = store_row_find(s, &store_priorities, w, 2, collect_priority, &l, e)) < 0)
		return rc;
	if (l.failed)
		return nomem(e);
	for (size_t i = 0; i < out->n; i++)
		if ((rc = priority_details(s, &out->v[i], meeting_id, e)) < 0)
			return rc;
	return 0;
}

void board_release(struct board *b)
{
	for (size_t i = 0; i < b->n; i++)
		xfree(b->v[i].actions);
	xfree(b->v);
	memset(b, 0, sizeof(*b));
}

struct board_priority *board_priority_find(const struct board *b, int64_t id)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].id == id)
			return &b->v[i];
	return NULL;
}

struct board_action *board_action_find(const struct board *b, int64_t id,
				       struct board_priority **of)
{
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; k < b->v[i].nactions; k++)
			if (b->v[i].actions[k].id == id) {
				if (of)
					*of = &b->v[i];
				return &b->v[i].actions[k];
			}
	return NULL;
}

/* --- feedback owed ------------------------------------------------------------------ */

struct owed_list {
	struct feedback_queue *q;
	size_t cap;
	int failed;
};

static struct feedback_owed *owed_add(struct owed_list *l, const char *kind,
				      const struct store_row *r, const struct store_value *text)
{
	struct feedback_owed *o;

	if (xgrow(&l->q->v, &l->cap, l->q->n + 1, sizeof(*l->q->v))) {
		l->failed = 1;
		return NULL;
	}
	o = &l->q->v[l->q->n];
	memset(o, 0, sizeof(*o));
	if (!(o->text = xstrdup(!text->null && text->s ? text->s : ""))) {
		l->failed = 1;
		return NULL;
	}
	l->q->n++;
	snprintf(o->kind, sizeof(o->kind), "%s", kind);
	o->id = r->id;
	o->version = r->version;
	return o;
}

static int owed_concern(void *ctx, const struct store_row *r)
{
	struct owed_list *l = ctx;
	struct feedback_owed *o;

	if (strcmp(r->v[CONCERN_STATUS].s, "open"))
		return 0;
	if (!(o = owed_add(l, "concern", r, &r->v[CONCERN_BODY])))
		return 1;
	copy(o->reference, sizeof(o->reference), &r->v[CONCERN_REFERENCE]);
	copy(o->category, sizeof(o->category), &r->v[CONCERN_CATEGORY]);
	copy(o->channel, sizeof(o->channel), &r->v[CONCERN_CHANNEL]);
	o->since = r->v[CONCERN_RAISED_AT].i;
	o->group_id = r->v[CONCERN_GROUP_ID].null ? 0 : r->v[CONCERN_GROUP_ID].i;
	return 0;
}

static int owed_priority(void *ctx, const struct store_row *r)
{
	struct owed_list *l = ctx;
	struct feedback_owed *o;
	int st = vocab_find(priority_statuses, PRI_STATUS_COUNT, r->v[PRIORITY_STATUS].s);

	if (st != PRI_AGREED && st != PRI_IN_PROGRESS)
		return 0;
	if (!(o = owed_add(l, "priority", r, &r->v[PRIORITY_PUBLIC_TEXT])))
		return 1;
	copy(o->category, sizeof(o->category), &r->v[PRIORITY_CATEGORY]);
	o->since = r->v[PRIORITY_AGREED_AT].null ? r->v[PRIORITY_CREATED_AT].i
						 : r->v[PRIORITY_AGREED_AT].i;
	o->group_id = r->v[PRIORITY_GROUP_ID].null ? 0 : r->v[PRIORITY_GROUP_ID].i;
	return 0;
}

static int oldest_first(const void *a, const void *b)
{
	const struct feedback_owed *x = a, *y = b;

	if (x->since != y->since)
		return x->since < y->since ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Each concern learns the open priority of its group, which will answer it. */
static void link_priorities(struct feedback_queue *q)
{
	for (size_t i = 0; i < q->n; i++)
		for (size_t k = 0; q->v[i].group_id && k < q->n; k++)
			if (!strcmp(q->v[i].kind, "concern") && !strcmp(q->v[k].kind, "priority") &&
			    q->v[k].group_id == q->v[i].group_id)
				q->v[i].priority_id = q->v[k].id;
}

int feedback_queue_load(struct store *s, const char *force_id, const char *nbhd_id,
			struct feedback_queue *out, struct err *e)
{
	struct store_where wc[2] = { { CONCERN_FORCE_ID, SV_TEXT(force_id) },
				     { CONCERN_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct store_where wp[2] = { { PRIORITY_FORCE_ID, SV_TEXT(force_id) },
				     { PRIORITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct owed_list l = { out, 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = store_row_find(s, &store_concerns, wc, 2, owed_concern, &l, e)) < 0 ||
	    (!l.failed && (rc = store_row_find(s, &store_priorities, wp, 2, owed_priority, &l, e)) < 0))
		return rc;
	if (l.failed)
		return nomem(e);
	link_priorities(out);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), oldest_first);
	return 0;
}

void feedback_queue_release(struct feedback_queue *q)
{
	for (size_t i = 0; i < q->n; i++)
		xfree(q->v[i].text);
	xfree(q->v);
	memset(q, 0, sizeof(*q));
}

const struct feedback_owed *feedback_queue_find(const struct feedback_queue *q, const char *kind,
						int64_t id)
{
	for (size_t i = 0; i < q->n; i++)
		if (q->v[i].id == id && kind && !strcmp(q->v[i].kind, kind))
			return &q->v[i];
	return NULL;
}
