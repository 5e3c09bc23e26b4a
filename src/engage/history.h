/*
 * history.h - replaying a record of past engagement (the files under
 * DIR/engagement/, docs/engagement-files.md) through the engagement
 * services, so that imported history obeys every rule a person at the
 * keyboard would: a priority is agreed at a PACT or beat meeting with a
 * source concern or evidence, an action has an owner and a due date,
 * nothing closes without "you said, we did".
 *
 * Rows are replayed in the order they happened (activities, concerns,
 * priorities agreed at the end of their meeting, actions, feedback), each
 * stamped with its own time rather than the clock's: the services' history
 * entry points (engage-internal.h) take "now" from the row, so a review
 * date is checked against the day it was set, not against today.  Files
 * are therefore the same bytes whatever the date, and importing them gives
 * the same records whenever it runs.  Open actions whose due date has
 * passed by the time of import are simply overdue, as they would be.
 *
 * Concerns keep the reference their file gives them, so a resident's
 * reference quoted from the files finds the same concern in the store.
 *
 * Transactions: everything runs in ONE store transaction (store.h: the
 * services' own transactions nest inside it); an error anywhere leaves the
 * store as it was.  Errors name the file and line, then the service's
 * message: `priorities.csv: line 4: review date: 2026-01-02 is in the past;
 * a review is planned ahead`.
 */
#ifndef ENGAGE_HISTORY_H
#define ENGAGE_HISTORY_H

#include "base/err.h"
#include "import/pipeline.h"
#include "store/store.h"

struct history_summary {
	long activities, concerns, priorities, actions, feedback;
	long concerns_answered;		/* concerns with "you said, we did" */
	long messages;			/* messages queued to raisers who consented */
	long by_status[8];		/* priorities by final status (priority_statuses) */
};

/* Replay DIR (a folder holding activities.csv ... feedback.csv). */
int history_import(struct store *s, const char *dir, struct history_summary *sum, struct err *e);

/* A whole generated town, in ONE transaction: import_town(DIR), then the
 * engagement history in DIR/engagement/ when that folder exists. */
int history_import_town(struct store *s, const char *dir, const struct import_options *opt,
			struct import_summary *isum, struct history_summary *hsum, struct err *e);

#endif
