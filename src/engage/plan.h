/*
 * plan.h - the rolling 12-month engagement plan of a neighbourhood, and
 * the reports that keep it honest: entries whose date has passed with no
 * activity carrying them out, and audiences the team knows of (its
 * community groups and the seldom-heard groups in its profile) with nothing
 * planned in the next twelve months.
 */
#ifndef ENGAGE_PLAN_H
#define ENGAGE_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

struct plan_input {
	const char *force_id, *neighbourhood_id;
	const char *audience;		/* "Polish community", "young people at the skate park" */
	const char *channel;		/* an activity kind slug: how they will be reached */
	const char *message;		/* what will be said or asked */
	const char *aim;		/* what good looks like */
	const char *planned_date;	/* YYYY-MM-DD, today or later, within 12 months */
	const char *owner;
	int adjustments;		/* enum adjustment bits */
};

int plan_add(struct store *s, const struct plan_input *in, int64_t *id, struct err *e);
/* Record that activity `activity_id` carried out entry `id`. */
int plan_link_activity(struct store *s, int64_t id, int64_t version, int64_t activity_id,
		       struct err *e);

struct plan_entry_view {
	int64_t id;
	char audience[200], channel[32], planned_date[11], owner[200];
	int64_t activity_id;		/* 0 until carried out */
	int overdue;			/* date passed, nothing carried it out */
};

/* Entries of a neighbourhood in date order; fn returns non-zero to stop. */
int plan_each(struct store *s, const char *force_id, const char *nbhd_id,
	      int (*fn)(void *ctx, const struct plan_entry_view *v), void *ctx, struct err *e);
/* Audiences known to the team with nothing planned in the next 12 months. */
int plan_unplanned_audiences(struct store *s, const char *force_id, const char *nbhd_id,
			     int (*fn)(void *ctx, const char *audience, const char *why), void *ctx,
			     struct err *e);

#endif
