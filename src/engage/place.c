/*
 * place.c - where a record belongs (see place.h).
 */
#include "engage/place.h"

#include <stdio.h>
#include <string.h>

#include "engage/engage-internal.h"
#include "store/tables.h"

static int place_of(struct store *s, const struct store_table *t, int64_t id, int force_col,
		    int nbhd_col, const char *what, struct record_place *out, struct err *e)
{
	struct eng_row r;
	int rc = eng_row_get(s, t, id, &r, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "%s: there is no %s %lld", what, what, (long long)id);
	if (rc < 0)
		return rc;
	snprintf(out->force_id, sizeof(out->force_id), "%s", r.v[force_col].s);
	snprintf(out->nbhd_id, sizeof(out->nbhd_id), "%s", r.v[nbhd_col].s);
	eng_row_release(&r);
	return 0;
}

int record_place(struct store *s, const char *kind, int64_t id, struct record_place *out,
		 struct err *e)
{
	struct eng_row a;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!strcmp(kind, "priority"))
		return place_of(s, &store_priorities, id, PRIORITY_FORCE_ID, PRIORITY_NEIGHBOURHOOD_ID,
				"priority", out, e);
	if (!strcmp(kind, "concern"))
		return place_of(s, &store_concerns, id, CONCERN_FORCE_ID, CONCERN_NEIGHBOURHOOD_ID,
				"concern", out, e);
	if (strcmp(kind, "action"))
		return err_set(e, ERR_INVALID, "%s: not a kind of record with a place", kind);
	if ((rc = eng_row_get(s, &store_actions, id, &a, e)) == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "action: there is no action %lld", (long long)id);
	if (rc < 0)
		return rc;
	if (!a.v[ACTION_PARTNER_ORG].null)
		snprintf(out->partner_org, sizeof(out->partner_org), "%s", a.v[ACTION_PARTNER_ORG].s);
	rc = record_place(s, "priority", a.v[ACTION_PRIORITY_ID].i, out, e);
	if (!a.v[ACTION_PARTNER_ORG].null)
		snprintf(out->partner_org, sizeof(out->partner_org), "%s", a.v[ACTION_PARTNER_ORG].s);
	eng_row_release(&a);
	return rc;
}
