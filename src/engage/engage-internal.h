/*
 * engage-internal.h - what the engagement services share: checks of
 * neighbourhoods and slugs, and reading single values out of rows.
 */
#ifndef ENGAGE_ENGAGE_INTERNAL_H
#define ENGAGE_ENGAGE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "model/engagement.h"
#include "store/store.h"

/* ERR_NOTFOUND "neighbourhood: ..." unless force/id names one in the store. */
int eng_require_neighbourhood(struct store *s, const char *force_id, const char *id,
			      struct err *e);
/* The index of `slug` in `table`, or ERR_INVALID "field: "x" is not ... (one of a, b)". */
int eng_require_slug(const struct vocab *table, int count, const char *field, const char *slug,
		     struct err *e);
/* Required text: present, not blank, valid UTF-8, at most `max` bytes. */
int eng_require_text(const char *field, const char *s, size_t max, struct err *e);
/* Optional text: NULL or "" is fine; otherwise as eng_require_text. */
int eng_optional_text(const char *field, const char *s, size_t max, struct err *e);
/* Text to publish: as eng_require_text, and refused when it holds an email
 * address or a telephone number (model/public_text.h); the error names the
 * kind, never the value. */
int eng_require_public_text(const char *field, const char *s, size_t max, struct err *e);
/* "YYYY-MM-DD", a real calendar date. */
int eng_require_date(const char *field, const char *s, struct err *e);
/* Whether `needle` occurs in `hay`, ignoring ASCII case. */
int eng_contains_ci(const char *hay, const char *needle);
/* Today in Europe/London as "YYYY-MM-DD". */
void eng_today(char buf[11]);
/* The Europe/London day of instant t as "YYYY-MM-DD". */
void eng_day_of(int64_t t, char buf[11]);

/* A copy of one row's values that outlives the callback (strings copied). */
struct eng_row {
	int found;
	int64_t id, version;
	int ncols;
	struct store_value v[40];
	char *owned[40];
};
int eng_row_copy(void *ctx, const struct store_row *r);	/* a store_row_fn; ctx is eng_row */
void eng_row_release(struct eng_row *r);
/* Read one row by id into r (r->found = 0 when absent: ERR_NOTFOUND). */
int eng_row_get(struct store *s, const struct store_table *t, int64_t id, struct eng_row *r,
		struct err *e);

/* --- history: the services as of an instant in the past ---------------------
 *
 * For the engagement importer (history.c) only: a year of history replayed
 * through the same services, in the order it happened.  Each does exactly
 * what its public twin does, with `at` (UTC seconds) standing in for "now":
 * rows are stamped `at`, and "not in the past" means not before the
 * Europe/London day of `at` (a review or due date is planned ahead of the
 * day it was set, whatever today is).  Every other rule is unchanged, so
 * history obeys the cycle: nothing is agreed without a source or evidence,
 * nothing closes without feedback.  The public functions are these with
 * at = time_now(); no door above this layer can reach these. */
struct activity_input;
struct concern_input;
struct concern_result;
struct priority_input;
struct action_input;
struct feedback_input;
int activity_add_at(struct store *s, const struct activity_input *in, int64_t at, int64_t *id,
		    struct err *e);
int concern_raise_at(struct store *s, const struct concern_input *in,
		     uint64_t (*random_source)(void *), void *random_ctx, int64_t at,
		     struct concern_result *out, struct err *e);
int priority_propose_at(struct store *s, const struct priority_input *in, int64_t at, int64_t *id,
			struct err *e);
int priority_add_evidence_at(struct store *s, int64_t priority_id, const char *kind,
			     const char *body, int64_t at, struct err *e);
int priority_vote_at(struct store *s, int64_t activity_id, int64_t priority_id, int votes_for,
		     int votes_against, int abstentions, int64_t at, struct err *e);
int priority_agree_at(struct store *s, int64_t priority_id, int64_t version, int64_t activity_id,
		      const char *review_date, int64_t at, struct err *e);
int action_add_at(struct store *s, const struct action_input *in, int64_t at, int64_t *id,
		  struct err *e);
int feedback_give_at(struct store *s, const struct feedback_input *in, int64_t at, int64_t *id,
		     int *messages, struct err *e);

#endif
