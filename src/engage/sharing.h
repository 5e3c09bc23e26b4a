/*
 * sharing.h - information sharing with partner organisations under written
 * agreements.
 *
 * An agreement names a partner organisation of a force, the concern
 * categories it may see and those it may submit, and the dates it runs.
 *  - A partner's staff submit their own data under it (an environmental
 *    health call, a housing complaint, a licensing visit): only categories
 *    the agreement lets them submit, only while it runs.  Submissions are
 *    collated for the neighbourhood team and fed into tasking.
 *  - A partner sees concerns only in categories its agreement lets it see:
 *    reference, neighbourhood, category, what was said and where, status;
 *    never who raised them.  Every concern disclosed is written to the
 *    audit trail naming the agreement.
 * Managing agreements needs a sergeant or an administrator.
 */
#ifndef ENGAGE_SHARING_H
#define ENGAGE_SHARING_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "engage/restricted.h"
#include "store/store.h"

/* Where partner data comes from: "environmental-health", "trading-standards",
 * "licensing", "housing", "park-rangers", "other". */
extern const char *const sharing_sources[];

struct sharing_input {
	const char *force_id;
	const char *partner_org;
	const char *title;
	const char *may_see;		/* comma-separated concern categories */
	const char *may_submit;		/* the same */
	const char *starts, *ends;	/* YYYY-MM-DD */
	const char *signed_by;
};

int sharing_agree(struct store *s, const struct restricted_caller *c,
		  const struct sharing_input *in, int64_t *id, struct err *e);
/* A force's agreements as a JSON array (every field, and "in_force" as of
 * `today`, YYYY-MM-DD; NULL: today in London); a partner sees only those of
 * its own organisation. */
int sharing_list(struct store *s, const struct restricted_caller *c, const char *force_id,
		 const char *today, struct strbuf *out, struct err *e);

struct submission_input {
	const char *force_id, *neighbourhood_id;
	const char *source;		/* sharing_sources */
	const char *category;		/* a concern category the agreement lets them submit */
	int64_t occurred_at;
	const char *location_text;	/* may be NULL */
	const char *summary;
};

/* A partner's submission; c->partner_org names the organisation (the
 * command line may name any).  Sets *id and *agreement (the one used). */
int sharing_submit(struct store *s, const struct restricted_caller *c,
		   const struct submission_input *in, int64_t *id, int64_t *agreement,
		   struct err *e);
/* The same row by row (PSUB_* columns, store/tables.h), oldest first. */
int sharing_submissions_each(struct store *s, const struct restricted_caller *c,
			     const char *force_id, const char *nbhd_id,
			     int (*fn)(void *ctx, const struct store_row *r), void *ctx,
			     struct err *e);
/* A neighbourhood's submissions as a JSON array, oldest first: the
 * neighbourhood team sees all of them, a partner only its own. */
int sharing_submissions(struct store *s, const struct restricted_caller *c,
			const char *force_id, const char *nbhd_id, struct strbuf *out,
			struct err *e);
/* One concern as a partner sees it: never who raised it. */
struct shared_concern {
	const char *reference, *nbhd_id, *category, *channel, *text, *location, *status;
	int64_t raised_at;
};
/* The concerns of a neighbourhood a partner may see under its agreements,
 * to `fn`; each one disclosed is audited with the agreement. */
int sharing_concerns_each(struct store *s, const struct restricted_caller *c,
			  const char *force_id, const char *nbhd_id,
			  int (*fn)(void *ctx, const struct shared_concern *sc), void *ctx,
			  struct err *e);
/* The same as a JSON array. */
int sharing_concerns(struct store *s, const struct restricted_caller *c, const char *force_id,
		     const char *nbhd_id, struct strbuf *out, struct err *e);

#endif
