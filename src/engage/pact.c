/*
 * pact.c - priorities, votes, candidates and actions (see pact.h).
 */
#include "engage/pact.h"
#include "engage/pii.h"

#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int priority_propose(struct store *s, const struct priority_input *in, int64_t *id, struct err *e)
{
	return priority_propose_at(s, in, time_now(), id, e);
}

int priority_propose_at(struct store *s, const struct priority_input *in, int64_t at, int64_t *id,
			struct err *e)
{
	struct store_value v[PRIORITY_NCOLS];
	struct eng_row g = { 0 };
	const char *category = in->category;
	struct pii_gate gate = { in->created_by, in->publish_anyway, in->force_id,
				 in->neighbourhood_id, "" };
	int rc;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_text("title", in->title, 200, e)) < 0 ||
	    (rc = eng_require_text("public text", in->public_text, 2000, e)) < 0 ||
	    (rc = pii_gate_check(s, &gate, "public text", in->public_text, e)) < 0)
		return rc;
	if (in->group_id) {
		if ((rc = eng_row_get(s, &store_concern_groups, in->group_id, &g, e)) < 0)
			return rc == ERR_NOTFOUND ? err_set(e, ERR_INVALID, "group: there is no group %lld",
							    (long long)in->group_id) : rc;
		if (strcmp(g.v[CGROUP_FORCE_ID].s, in->force_id) ||
		    strcmp(g.v[CGROUP_NEIGHBOURHOOD_ID].s, in->neighbourhood_id)) {
			eng_row_release(&g);
			return err_set(e, ERR_INVALID, "group: %lld belongs to another neighbourhood",
				       (long long)in->group_id);
		}
		if (!category)
			category = g.v[CGROUP_CATEGORY].s;
	}
	if (!category)
		category = "other";
	if ((rc = eng_require_slug(concern_categories, concern_category_count, "category", category, e)) < 0)
		goto done;
	v[PRIORITY_FORCE_ID] = SV_TEXT(in->force_id);
	v[PRIORITY_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[PRIORITY_GROUP_ID] = in->group_id ? SV_INT(in->group_id) : SV_NULL;
	v[PRIORITY_TITLE] = SV_TEXT(in->title);
	v[PRIORITY_PUBLIC_TEXT] = SV_TEXT(in->public_text);
	v[PRIORITY_CATEGORY] = SV_TEXT(category);
	v[PRIORITY_STATUS] = SV_TEXT(priority_statuses[PRI_PROPOSED].slug);
	v[PRIORITY_REVIEW_DATE] = SV_NULL;
	v[PRIORITY_AGREED_AT] = SV_NULL;
	v[PRIORITY_AGREED_ACTIVITY_ID] = SV_NULL;
	v[PRIORITY_CREATED_AT] = SV_INT(at);
	if ((rc = store_begin(s, e)) < 0)
		goto done;
	if ((rc = store_row_insert(s, &store_priorities, v, id, e)) < 0 ||
	    (rc = pii_gate_audit(s, &gate, "priority", *id, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0)
		store_rollback(s);
done:
	eng_row_release(&g);
	return rc;
}

int priority_propose_evidenced(struct store *s, const struct priority_input *in,
			       const char *evidence, int64_t *id, struct err *e)
{
	int64_t pid = 0;
	int rc;

	if (!evidence || !*evidence)
		return priority_propose(s, in, id, e);
	if ((rc = eng_require_text("evidence", evidence, 4000, e)) < 0 ||
	    (rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = priority_propose(s, in, &pid, e)) < 0 ||
	    (rc = priority_add_evidence(s, pid, "meeting", evidence, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		return rc;
	}
	if (id)
		*id = pid;
	return 0;
}

static int require_priority(struct store *s, int64_t id, struct eng_row *p, struct err *e)
{
	int rc = eng_row_get(s, &store_priorities, id, p, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "priority: there is no priority %lld", (long long)id);
	return rc;
}

int priority_add_evidence(struct store *s, int64_t priority_id, const char *kind,
			  const char *body, struct err *e)
{
	return priority_add_evidence_at(s, priority_id, kind, body, time_now(), e);
}

int priority_add_evidence_at(struct store *s, int64_t priority_id, const char *kind,
			     const char *body, int64_t at, struct err *e)
{
	struct eng_row p;
	struct store_value v[EVIDENCE_NCOLS];
	int rc;

	if ((rc = eng_require_text("evidence kind", kind, 64, e)) < 0 ||
	    (rc = eng_require_text("evidence", body, 4000, e)) < 0 ||
	    (rc = require_priority(s, priority_id, &p, e)) < 0)
		return rc;
	eng_row_release(&p);
	v[EVIDENCE_PRIORITY_ID] = SV_INT(priority_id);
	v[EVIDENCE_KIND] = SV_TEXT(kind);
	v[EVIDENCE_BODY] = SV_TEXT(body);
	v[EVIDENCE_CREATED_AT] = SV_INT(at);
	return store_row_insert(s, &store_priority_evidence, v, NULL, e);
}

/* The activity must exist and be a meeting where priorities are agreed. */
static int require_meeting(struct store *s, int64_t activity_id, const char *force,
			   const char *nbhd, struct err *e)
{
	struct eng_row a;
	int rc = eng_row_get(s, &store_activities, activity_id, &a, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_INVALID, "meeting: there is no activity %lld", (long long)activity_id);
	if (rc < 0)
		return rc;
	if (strcmp(a.v[ACTIVITY_KIND].s, "pact-meeting") && strcmp(a.v[ACTIVITY_KIND].s, "beat-meeting"))
		rc = err_set(e, ERR_INVALID,
			     "meeting: priorities are agreed at a PACT or beat meeting, and activity %lld is a %s",
			     (long long)activity_id, a.v[ACTIVITY_KIND].s);
	else if (strcmp(a.v[ACTIVITY_FORCE_ID].s, force) || strcmp(a.v[ACTIVITY_NEIGHBOURHOOD_ID].s, nbhd))
		rc = err_set(e, ERR_INVALID, "meeting: activity %lld was held for another neighbourhood",
			     (long long)activity_id);
	eng_row_release(&a);
	return rc;
}

struct vote_probe {
	int64_t id;
};

static int found_vote(void *ctx, const struct store_row *r)
{
	((struct vote_probe *)ctx)->id = r->id;
	return 1;
}

int priority_vote(struct store *s, int64_t activity_id, int64_t priority_id, int votes_for,
		  int votes_against, int abstentions, struct err *e)
{
	return priority_vote_at(s, activity_id, priority_id, votes_for, votes_against, abstentions,
				time_now(), e);
}

int priority_vote_at(struct store *s, int64_t activity_id, int64_t priority_id, int votes_for,
		     int votes_against, int abstentions, int64_t at, struct err *e)
{
	struct eng_row p;
	struct store_value v[VOTE_NCOLS];
	struct store_where w[2] = { { VOTE_ACTIVITY_ID, SV_INT(activity_id) },
				    { VOTE_PRIORITY_ID, SV_INT(priority_id) } };
	struct vote_probe old = { 0 };
	int rc;

	if (votes_for < 0 || votes_against < 0 || abstentions < 0)
		return err_set(e, ERR_INVALID, "votes: counts cannot be negative");
	if ((rc = require_priority(s, priority_id, &p, e)) < 0)
		return rc;
	rc = require_meeting(s, activity_id, p.v[PRIORITY_FORCE_ID].s, p.v[PRIORITY_NEIGHBOURHOOD_ID].s, e);
	eng_row_release(&p);
	if (rc < 0 || (rc = store_row_find(s, &store_votes, w, 2, found_vote, &old, e)) < 0)
		return rc;
	v[VOTE_ACTIVITY_ID] = SV_INT(activity_id);
	v[VOTE_PRIORITY_ID] = SV_INT(priority_id);
	v[VOTE_VOTES_FOR] = SV_INT(votes_for);
	v[VOTE_VOTES_AGAINST] = SV_INT(votes_against);
	v[VOTE_ABSTENTIONS] = SV_INT(abstentions);
	v[VOTE_RECORDED_AT] = SV_INT(at);
	if (old.id)
		return store_row_update(s, &store_votes, old.id, 0, v, e);
	return store_row_insert(s, &store_votes, v, NULL, e);
}

static int count_row(void *ctx, const struct store_row *r)
{
	(*(size_t *)ctx)++;
	return 0;
}

static int status_of(const struct eng_row *p)
{
	return vocab_find(priority_statuses, PRI_STATUS_COUNT, p->v[PRIORITY_STATUS].s);
}

int priority_agree(struct store *s, int64_t priority_id, int64_t version, int64_t activity_id,
		   const char *review_date, struct err *e)
{
	return priority_agree_at(s, priority_id, version, activity_id, review_date, time_now(), e);
}

int priority_agree_at(struct store *s, int64_t priority_id, int64_t version, int64_t activity_id,
		      const char *review_date, int64_t at, struct err *e)
{
	struct eng_row p;
	size_t sources = 0, evidence = 0;
	const char *why = NULL;
	char today[11];
	int rc;

	if ((rc = eng_require_date("review date", review_date, e)) < 0)
		return rc;
	eng_day_of(at, today);
	if (strcmp(review_date, today) < 0)
		return err_set(e, ERR_INVALID, "review date: %s is in the past; a review is planned ahead",
			       review_date);
	if ((rc = require_priority(s, priority_id, &p, e)) < 0)
		return rc;
	if (!priority_transition_ok(status_of(&p), PRI_AGREED, &why)) {
		rc = err_set(e, ERR_INVALID, "status: it is %s, and %s", p.v[PRIORITY_STATUS].s, why);
		goto done;
	}
	if ((rc = require_meeting(s, activity_id, p.v[PRIORITY_FORCE_ID].s,
				  p.v[PRIORITY_NEIGHBOURHOOD_ID].s, e)) < 0)
		goto done;
	if (!p.v[PRIORITY_GROUP_ID].null) {
		struct store_where w = { CONCERN_GROUP_ID, SV_INT(p.v[PRIORITY_GROUP_ID].i) };
		if ((rc = store_row_find(s, &store_concerns, &w, 1, count_row, &sources, e)) < 0)
			goto done;
	}
	{
		struct store_where w = { EVIDENCE_PRIORITY_ID, SV_INT(priority_id) };
		if ((rc = store_row_find(s, &store_priority_evidence, &w, 1, count_row, &evidence, e)) < 0)
			goto done;
	}
	if (!priority_can_agree(sources, evidence, &why)) {
		rc = err_set(e, ERR_INVALID, "evidence: %s", why);
		goto done;
	}
	p.v[PRIORITY_STATUS] = SV_TEXT(priority_statuses[PRI_AGREED].slug);
	p.v[PRIORITY_REVIEW_DATE] = SV_TEXT(review_date);
	p.v[PRIORITY_AGREED_AT] = SV_INT(at);
	p.v[PRIORITY_AGREED_ACTIVITY_ID] = SV_INT(activity_id);
	rc = store_row_update(s, &store_priorities, priority_id, version ? version : p.version, p.v, e);
done:
	eng_row_release(&p);
	return rc;
}

int priority_start(struct store *s, int64_t priority_id, int64_t version, struct err *e)
{
	struct eng_row p;
	const char *why = NULL;
	int rc = require_priority(s, priority_id, &p, e);

	if (rc < 0)
		return rc;
	if (!priority_transition_ok(status_of(&p), PRI_IN_PROGRESS, &why))
		rc = err_set(e, ERR_INVALID, "status: it is %s, and %s", p.v[PRIORITY_STATUS].s, why);
	else {
		p.v[PRIORITY_STATUS] = SV_TEXT(priority_statuses[PRI_IN_PROGRESS].slug);
		rc = store_row_update(s, &store_priorities, priority_id, version ? version : p.version, p.v, e);
	}
	eng_row_release(&p);
	return rc;
}

/* --- candidates ------------------------------------------------------------ */

struct group_list {
	struct pact_candidate *v;
	int n, max;
};

static int collect_group(void *ctx, const struct store_row *r)
{
	struct group_list *l = ctx;
	struct pact_candidate *c;

	if (l->n >= l->max)
		return 1;
	c = &l->v[l->n++];
	memset(c, 0, sizeof(*c));
	c->group_id = r->id;
	snprintf(c->title, sizeof(c->title), "%s", r->v[CGROUP_TITLE].s);
	snprintf(c->category, sizeof(c->category), "%s", r->v[CGROUP_CATEGORY].s);
	return 0;
}

struct concern_stats {
	int people;
	unsigned channels;
	int64_t activities[64];
	int nactivities;
	unsigned months;	/* bit k: raised k months before now (0..5) */
	int64_t now;
};

static int month_index(int64_t t)
{
	int y, m, d;

	civil_from_days(t / 86400, &y, &m, &d);
	return y * 12 + m - 1;
}

static int concern_stat(void *ctx, const struct store_row *r)
{
	struct concern_stats *st = ctx;
	int ch = vocab_find(channels, CH_COUNT, r->v[CONCERN_CHANNEL].s);
	int ago = month_index(st->now) - month_index(r->v[CONCERN_RAISED_AT].i);

	st->people++;
	if (ch >= 0)
		st->channels |= 1u << ch;
	if (ago >= 0 && ago < 6)
		st->months |= 1u << ago;
	if (!r->v[CONCERN_ACTIVITY_ID].null) {
		int seen = 0;
		for (int i = 0; i < st->nactivities; i++)
			seen |= st->activities[i] == r->v[CONCERN_ACTIVITY_ID].i;
		if (!seen && st->nactivities < 64)
			st->activities[st->nactivities++] = r->v[CONCERN_ACTIVITY_ID].i;
	}
	return 0;
}

/* Matching police.uk rows in the neighbourhood over months [from, to]. */
static int crime_count(const struct readmodel *rm, long nbhd, int crime_cat, int32_t from, int32_t to)
{
	int count = 0;

	if (!rm || nbhd < 0 || crime_cat < 0)
		return 0;
	for (int32_t month = from; month <= to; month++) {
		const struct rm_month *m = readmodel_month(rm, rm->nbhds[nbhd].force, month);

		for (size_t r = 0; m && m->has[MONTH_STREET] && r < m->pack[MONTH_STREET].rows; r++)
			if (MP_U8(&m->pack[MONTH_STREET], SC_CATEGORY)[r] == crime_cat &&
			    readmodel_row_neighbourhood(rm, m, MONTH_STREET, r) == (int32_t)nbhd)
				count++;
	}
	return count;
}

static int open_priority(void *ctx, const struct store_row *r)
{
	int st = vocab_find(priority_statuses, PRI_STATUS_COUNT, r->v[PRIORITY_STATUS].s);

	if (st != PRI_RESOLVED && st != PRI_CLOSED)
		*(int64_t *)ctx = r->id;
	return 0;
}

static int by_score(const void *a, const void *b)
{
	const struct pact_candidate *x = a, *y = b;

	if (x->score.total != y->score.total)
		return x->score.total < y->score.total ? 1 : -1;
	return x->group_id < y->group_id ? -1 : x->group_id > y->group_id;
}

int pact_candidates(struct store *s, const struct readmodel *rm, const char *force_id,
		    const char *nbhd_id, struct pact_candidate *out, int max, struct err *e)
{
	struct store_where w[2] = { { CGROUP_FORCE_ID, SV_TEXT(force_id) },
				    { CGROUP_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct group_list l = { out, 0, max };
	long nbhd = rm ? readmodel_neighbourhood(rm, force_id, nbhd_id) : -1;
	int32_t latest = rm ? rm->latest_month : 0;
	int rc;

	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0 ||
	    (rc = store_row_find(s, &store_concern_groups, w, 2, collect_group, &l, e)) < 0)
		return rc;
	for (int i = 0; i < l.n; i++) {
		struct pact_candidate *c = &out[i];
		struct concern_stats st = { .now = time_now() };
		struct store_where cw = { CONCERN_GROUP_ID, SV_INT(c->group_id) };
		struct store_where pw = { PRIORITY_GROUP_ID, SV_INT(c->group_id) };
		int cat = vocab_find(concern_categories, concern_category_count, c->category);
		int crime = concern_category_crime(cat);

		if ((rc = store_row_find(s, &store_concerns, &cw, 1, concern_stat, &st, e)) < 0 ||
		    (rc = store_row_find(s, &store_priorities, &pw, 1, open_priority, &c->priority_id, e)) < 0)
			return rc;
		c->evidence.distinct_people = st.people;
		c->evidence.channels = __builtin_popcount(st.channels);
		c->evidence.groups = st.nactivities;
		c->evidence.crime_now = crime_count(rm, nbhd, crime, latest - 2, latest);
		c->evidence.crime_before = crime_count(rm, nbhd, crime, latest - 5, latest - 3);
		c->evidence.harm = concern_category_harm(cat);
		c->evidence.recurring = __builtin_popcount(st.months) >= 3;
		priority_score(&c->evidence, &c->score);
	}
	qsort(out, (size_t)l.n, sizeof(*out), by_score);
	return l.n;
}

/* --- actions ------------------------------------------------------------------ */

int action_add(struct store *s, const struct action_input *in, int64_t *id, struct err *e)
{
	return action_add_at(s, in, time_now(), id, e);
}

int action_add_at(struct store *s, const struct action_input *in, int64_t at, int64_t *id,
		  struct err *e)
{
	struct eng_row p;
	struct store_value v[ACTION_NCOLS];
	char today[11];
	int st, rc;

	if (!in->owner_kind || (strcmp(in->owner_kind, "officer") && strcmp(in->owner_kind, "partner")))
		return err_set(e, ERR_INVALID, "owner: \"%s\" is not officer or partner",
			       in->owner_kind ? in->owner_kind : "");
	if ((rc = eng_require_text("owner name", in->owner_name, 200, e)) < 0 ||
	    (rc = eng_require_text("action", in->description, 2000, e)) < 0 ||
	    (rc = eng_require_date("due date", in->due_date, e)) < 0)
		return rc;
	if (!strcmp(in->owner_kind, "partner") &&
	    (rc = eng_require_text("partner organisation", in->partner_org, 200, e)) < 0)
		return rc;
	eng_day_of(at, today);
	if (strcmp(in->due_date, today) < 0)
		return err_set(e, ERR_INVALID, "due date: %s is in the past", in->due_date);
	if ((rc = require_priority(s, in->priority_id, &p, e)) < 0)
		return rc;
	st = status_of(&p);
	eng_row_release(&p);
	if (st != PRI_AGREED && st != PRI_IN_PROGRESS)
		return err_set(e, ERR_INVALID,
			       "priority: actions are for agreed priorities, and priority %lld is %s",
			       (long long)in->priority_id, priority_statuses[st < 0 ? 0 : st].slug);
	v[ACTION_PRIORITY_ID] = SV_INT(in->priority_id);
	v[ACTION_OWNER_KIND] = SV_TEXT(in->owner_kind);
	v[ACTION_OWNER_NAME] = SV_TEXT(in->owner_name);
	v[ACTION_PARTNER_ORG] = SV_TEXT(in->partner_org && *in->partner_org ? in->partner_org : NULL);
	v[ACTION_DESCRIPTION] = SV_TEXT(in->description);
	v[ACTION_DUE_DATE] = SV_TEXT(in->due_date);
	v[ACTION_STATUS] = SV_TEXT("open");
	v[ACTION_RESULT] = SV_NULL;
	v[ACTION_CREATED_AT] = SV_INT(at);
	return store_row_insert(s, &store_actions, v, id, e);
}

int action_update(struct store *s, int64_t id, int64_t version, const char *status,
		  const char *result, struct err *e)
{
	struct eng_row a;
	int rc;

	if (!status || (strcmp(status, "open") && strcmp(status, "done") && strcmp(status, "cancelled")))
		return err_set(e, ERR_INVALID, "status: \"%s\" is not open, done or cancelled",
			       status ? status : "");
	if (strcmp(status, "open") && (rc = eng_require_text("result", result, 2000, e)) < 0)
		return err_set(e, ERR_INVALID, "result: say what was done (or why it was cancelled) before it is %s",
			       status);
	if ((rc = eng_optional_text("result", result, 2000, e)) < 0)
		return rc;
	rc = eng_row_get(s, &store_actions, id, &a, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "action: there is no action %lld", (long long)id);
	if (rc < 0)
		return rc;
	a.v[ACTION_STATUS] = SV_TEXT(status);
	a.v[ACTION_RESULT] = SV_TEXT(result && *result ? result : NULL);
	rc = store_row_update(s, &store_actions, id, version ? version : a.version, a.v, e);
	eng_row_release(&a);
	return rc;
}
