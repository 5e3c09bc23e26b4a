/*
 * pack.c - building a meeting pack (see pack.h).
 */
#include "engage/pack.h"

#include "base/xalloc.h"
#include "engage/concern.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <stdio.h>
#include <string.h>

static void crime_summary(const struct readmodel *rm, long n, struct meeting_pack *p)
{
	int32_t latest = rm->latest_month;

	p->first_month = latest - 2;
	p->last_month = latest;
	for (int32_t month = latest - 5; month <= latest; month++) {
		const struct rm_month *m = readmodel_month(rm, rm->nbhds[n].force, month);
		int *into = month >= latest - 2 ? p->crime_now : p->crime_before;

		for (size_t r = 0; m && m->has[MONTH_STREET] && r < m->pack[MONTH_STREET].rows; r++) {
			uint8_t c = MP_U8(&m->pack[MONTH_STREET], SC_CATEGORY)[r];

			if (c < CAT_COUNT && readmodel_row_neighbourhood(rm, m, MONTH_STREET, r) == (int32_t)n)
				into[c]++;
		}
	}
	for (int c = 0; c < CAT_COUNT; c++) {
		p->total_now += p->crime_now[c];
		p->total_before += p->crime_before[c];
	}
}

struct pri_ctx {
	struct meeting_pack *p;
};

static int current_priority(void *ctx, const struct store_row *r)
{
	struct meeting_pack *p = ((struct pri_ctx *)ctx)->p;
	const char *st = r->v[PRIORITY_STATUS].s;
	struct pack_priority *pp;

	if ((strcmp(st, "agreed") && strcmp(st, "in-progress")) || p->npriorities == PACK_MAX_PRIORITIES)
		return 0;
	pp = &p->priorities[p->npriorities++];
	memset(pp, 0, sizeof(*pp));
	pp->id = r->id;
	snprintf(pp->text, sizeof(pp->text), "%s", r->v[PRIORITY_PUBLIC_TEXT].s);
	snprintf(pp->status, sizeof(pp->status), "%s", st);
	snprintf(pp->review_date, sizeof(pp->review_date), "%s",
		 r->v[PRIORITY_REVIEW_DATE].s ? r->v[PRIORITY_REVIEW_DATE].s : "");
	pp->group_id = r->v[PRIORITY_GROUP_ID].null ? 0 : r->v[PRIORITY_GROUP_ID].i;
	return 0;
}

struct act_ctx {
	struct pack_priority *pp;
	char today[11];
};

static int priority_action(void *ctx, const struct store_row *r)
{
	struct act_ctx *a = ctx;
	struct pack_action *pa;

	if (a->pp->nactions == PACK_MAX_ACTIONS)
		return 0;
	pa = &a->pp->actions[a->pp->nactions++];
	snprintf(pa->owner, sizeof(pa->owner), "%s%s%s", r->v[ACTION_OWNER_NAME].s,
		 r->v[ACTION_PARTNER_ORG].s ? ", " : "", r->v[ACTION_PARTNER_ORG].s ? r->v[ACTION_PARTNER_ORG].s : "");
	snprintf(pa->description, sizeof(pa->description), "%s", r->v[ACTION_DESCRIPTION].s);
	snprintf(pa->due_date, sizeof(pa->due_date), "%s", r->v[ACTION_DUE_DATE].s);
	snprintf(pa->status, sizeof(pa->status), "%s", r->v[ACTION_STATUS].s);
	snprintf(pa->result, sizeof(pa->result), "%s", r->v[ACTION_RESULT].s ? r->v[ACTION_RESULT].s : "");
	pa->overdue = !strcmp(pa->status, "open") && strcmp(pa->due_date, a->today) < 0;
	return 0;
}

int pack_build(struct store *s, const struct readmodel *rm, const char *force_id,
	       const char *nbhd_id, struct meeting_pack *out, struct err *e)
{
	struct store_where wp[2] = { { PRIORITY_FORCE_ID, SV_TEXT(force_id) },
				     { PRIORITY_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct pri_ctx pc = { out };
	long n = rm ? readmodel_neighbourhood(rm, force_id, nbhd_id) : -1;
	int rc, people, nch;

	memset(out, 0, sizeof(*out));
	if ((rc = eng_require_neighbourhood(s, force_id, nbhd_id, e)) < 0)
		return rc;
	if (n >= 0) {
		snprintf(out->neighbourhood, sizeof(out->neighbourhood), "%s", rm->nbhds[n].name);
		if (rm->nbhds[n].force >= 0)
			snprintf(out->force, sizeof(out->force), "%s", rm->forces[rm->nbhds[n].force].name);
		if (rm->latest_month)
			crime_summary(rm, n, out);
	}
	if ((rc = store_row_find(s, &store_priorities, wp, 2, current_priority, &pc, e)) < 0)
		return rc;
	for (int i = 0; i < out->npriorities; i++) {
		struct pack_priority *pp = &out->priorities[i];
		struct act_ctx ac = { pp, "" };
		struct store_where wa = { ACTION_PRIORITY_ID, SV_INT(pp->id) };
		eng_today(ac.today);
		if (pp->group_id && (rc = concern_group_counts(s, pp->group_id, &people, &nch, e)) == 0)
			pp->concerns = people;
		if (rc < 0 || (rc = store_row_find(s, &store_actions, &wa, 1, priority_action, &ac, e)) < 0)
			return rc;
	}
	rc = pact_candidates(s, rm, force_id, nbhd_id, out->candidates, PACK_MAX_CANDIDATES, e);
	if (rc < 0)
		return rc;
	out->ncandidates = rc;
	return 0;
}
