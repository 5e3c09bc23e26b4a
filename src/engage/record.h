/*
 * record.h - a neighbourhood's published record of engagement: the
 * activities held (kind, mode, place, date, how many came), what was raised
 * (counts by category and channel), and the priorities with what became of
 * them.  It is public: it holds no personal data (no raiser's details, no
 * concern's own words, no internal notes), only what the published
 * "you said, we did" says.
 *
 * Ownership: record_load() fills a struct record the caller frees with
 * record_release().
 */
#ifndef ENGAGE_RECORD_H
#define ENGAGE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "model/engagement.h"
#include "store/store.h"

struct record_activity {
	int64_t id;
	char kind[32], mode[16];
	char *title, *venue, *address, *accessibility, *online_url;
	int64_t starts_at, ends_at;	/* UTC; ends_at 0 when unknown */
	int attendance;			/* -1 when not recorded */
	int adjustments;
};

struct record_priority {
	int64_t id;
	char status[24], category[48];
	char *public_text;
	int64_t created_at, agreed_at;
	char review_date[11];
	int64_t group_id;		/* its group of concerns, or 0 */
	int concerns;			/* concerns in that group */
	int actions, actions_done;	/* its actions, and how many are done */
	char *feedback_text;		/* the latest published "we did", or NULL */
	char feedback_outcome[32];
	int64_t feedback_at;
};

struct record {
	struct record_activity *activities;	/* newest first */
	size_t nactivities;
	int raised_by_category[64];		/* index: concern_categories */
	int raised_by_channel[CH_COUNT];
	int raised_total;
	struct record_priority *priorities;	/* newest first */
	size_t npriorities;
};

/* Since `since` (UTC seconds; 0 = all time). */
int record_load(struct store *s, const char *force_id, const char *nbhd_id, int64_t since,
		struct record *out, struct err *e);
void record_release(struct record *r);

#endif
