/*
 * activity.h - engagement activities: beat and PACT meetings, surgeries,
 * street meetings, door-to-door, EVAs, postcard drops, events, IAG
 * meetings, online sessions.  Each records where and when (stored UTC,
 * shown in Europe/London), how people can take part, how many came, and
 * the demographics attendees chose to give, as counts per census category.
 */
#ifndef ENGAGE_ACTIVITY_H
#define ENGAGE_ACTIVITY_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

#define ACTIVITY_MAX_DEMOGRAPHICS 32

struct activity_input {
	const char *force_id, *neighbourhood_id;
	const char *kind;		/* activity_kinds[] slug */
	const char *mode;		/* activity_modes[] slug; NULL = in-person */
	const char *title;
	int64_t starts_at, ends_at;	/* UTC seconds; ends_at 0 = unknown */
	const char *venue, *address;	/* needed in person */
	int has_location;
	double lat, lng;
	const char *accessibility;	/* "step-free entrance on Stryd Fawr" */
	const char *online_url;		/* needed online or hybrid */
	int adjustments;		/* enum adjustment bits */
	int attendance;			/* -1 = not yet known */
	const char *public_notes;
	int64_t plan_entry_id;		/* the plan entry it carries out, or 0 */
	const char *created_by;
	struct { const char *measure, *category; int count; } demographics[ACTIVITY_MAX_DEMOGRAPHICS];
	int ndemographics;
	int publish_anyway;		/* staff checked the public title and notes (engage/pii.h) */
};

/* Record an activity (one transaction); `*id` is set. */
int activity_add(struct store *s, const struct activity_input *in, int64_t *id, struct err *e);

#endif
