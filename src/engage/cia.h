/*
 * cia.h - community impact assessments: after an incident that may shake a
 * community's confidence or safety, what information is needed and who
 * provides it, who oversees, by when, which individuals and groups are
 * vulnerable, how confident the community is, and a review schedule kept
 * until the assessment is closed; cross-border links to other forces.
 *
 * Restricted (engage/restricted.h): officers and sergeants of the
 * neighbourhood make and review them, analysts read them; opening one asks
 * for a purpose and is recorded.  Lists show no incident details, only
 * what a supervisor needs to see reviews are done: dates, overseer,
 * confidence, and whether the review is overdue.
 */
#ifndef ENGAGE_CIA_H
#define ENGAGE_CIA_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "engage/restricted.h"
#include "store/store.h"

/* "high", "medium", "low", "unknown" */
extern const char *const cia_confidence_levels[];

struct cia_input {
	const char *force_id, *neighbourhood_id;
	const char *incident;		/* what happened */
	int64_t incident_at;		/* UTC seconds */
	const char *communities;	/* communities and groups affected */
	const char *information_needed;
	const char *information_from;	/* who provides it */
	const char *overseen_by;
	const char *deadline;		/* YYYY-MM-DD */
	const char *vulnerable;		/* vulnerable individuals and groups; may be NULL */
	const char *confidence;		/* cia_confidence_levels */
	int review_days;		/* 1 to 90 */
	const char *cross_border;	/* other forces or areas; may be NULL */
};

/* Record a new assessment (open; first review due review_days from today). */
int cia_add(struct store *s, const struct restricted_caller *c, const struct cia_input *in,
	    int64_t *id, struct err *e);
/* The assessment with its reviews as JSON, with "review_overdue"; needs a
 * purpose. */
int cia_show(struct store *s, const struct restricted_caller *c, int64_t id, const char *purpose,
	     struct strbuf *out, struct err *e);
/* A review: the community's confidence now and what was found; the next
 * review moves on by review_days, or the assessment closes. */
int cia_review(struct store *s, const struct restricted_caller *c, int64_t id,
	       const char *confidence, const char *notes, int close, struct err *e);
/* Whether an assessment (its CIA_* columns) is open with its review past
 * `today` (YYYY-MM-DD; NULL: today in London). */
int cia_review_overdue(const struct store_value *a, const char *today);

/* One assessment in a list: no incident details. */
struct cia_summary {
	int64_t id;
	const char *force_id, *nbhd_id, *status, *confidence, *deadline, *next_review,
		*overseen_by;
	int review_overdue;
};
/* Each assessment of a force (nbhd_id NULL) or neighbourhood the caller
 * may see, oldest first, to `fn` (non-zero stops); `overdue_only` and
 * `today` as for cia_list. */
int cia_each(struct store *s, const struct restricted_caller *c, const char *force_id,
	     const char *nbhd_id, const char *today, int overdue_only,
	     int (*fn)(void *ctx, const struct cia_summary *a), void *ctx, struct err *e);
/* Whether the caller may open assessment `id` (0, ERR_DENIED or
 * ERR_NOTFOUND), before being asked why: nothing is read or recorded. */
int cia_may_open(struct store *s, const struct restricted_caller *c, int64_t id, struct err *e);
/* Open assessment `id` for a purpose (recorded as a consultation): `fn`
 * gets its row (CIA_* columns, store/tables.h), then `review_fn` each
 * review (CIAREV_*), oldest first.  For pages that show it whole. */
int cia_open(struct store *s, const struct restricted_caller *c, int64_t id, const char *purpose,
	     int (*fn)(void *ctx, const struct store_row *a),
	     int (*review_fn)(void *ctx, const struct store_row *r), void *ctx, struct err *e);

/* The assessments of a force (nbhd_id NULL) or neighbourhood as a JSON
 * array of {id, neighbourhood, status, confidence, deadline, next_review,
 * review_overdue, overseen_by}; `overdue_only` keeps open ones whose review
 * is past `today` (YYYY-MM-DD; NULL: today in London). */
int cia_list(struct store *s, const struct restricted_caller *c, const char *force_id,
	     const char *nbhd_id, const char *today, int overdue_only, struct strbuf *out,
	     struct err *e);

#endif
