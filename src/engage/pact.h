/*
 * pact.h - Partners and Communities Together: candidate priorities with a
 * visible score, votes at a meeting, agreeing, and moving a priority on;
 * actions with owners and due dates.
 *
 * Rules (model/engagement.h says them in words, and errors quote them):
 *  - a priority moves proposed -> agreed -> in progress -> resolved or
 *    closed; resolving or closing happens only by giving feedback
 *    (feedback.h), so nothing closes without "you said, we did";
 *  - agreeing needs a source (the concerns of its group) or evidence, a
 *    meeting where it was agreed (a PACT or beat meeting), and a review
 *    date that is not in the past;
 *  - votes are recorded per priority per meeting;
 *  - `version` arguments are the version the caller read; a stale one is
 *    ERR_CONFLICT.  0 means "whatever is current" (the CLI's default).
 *  - an action needs an owner (an officer, or a partner organisation), a
 *    due date not in the past, and a result before it is done.
 */
#ifndef ENGAGE_PACT_H
#define ENGAGE_PACT_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "index/readmodel.h"
#include "model/engagement.h"
#include "store/store.h"

struct priority_input {
	const char *force_id, *neighbourhood_id;
	int64_t group_id;		/* the concerns it answers, or 0 */
	const char *title;		/* internal, short */
	const char *public_text;	/* what the public page says */
	const char *category;		/* concern_categories[] slug; NULL = the group's */
	const char *created_by;		/* who proposes it, for the audit trail */
	int publish_anyway;		/* staff checked the public text (engage/pii.h) */
};

int priority_propose(struct store *s, const struct priority_input *in, int64_t *id, struct err *e);
/* The same with evidence (kind "meeting": what the meeting heard), in one
 * transaction: for a priority with no concerns behind it, which cannot be
 * agreed without evidence.  `evidence` NULL or "" is priority_propose. */
int priority_propose_evidenced(struct store *s, const struct priority_input *in,
			       const char *evidence, int64_t *id, struct err *e);
/* Evidence: a crime trend, a partner's data, an EVA finding. */
int priority_add_evidence(struct store *s, int64_t priority_id, const char *kind,
			  const char *body, struct err *e);
/* Votes cast at a PACT or beat meeting (replaces that meeting's count). */
int priority_vote(struct store *s, int64_t activity_id, int64_t priority_id, int votes_for,
		  int votes_against, int abstentions, struct err *e);
/* Agree at meeting `activity_id`, to be reviewed by `review_date`. */
int priority_agree(struct store *s, int64_t priority_id, int64_t version, int64_t activity_id,
		   const char *review_date, struct err *e);
/* agreed -> in-progress.  Resolving or closing is feedback_give's job. */
int priority_start(struct store *s, int64_t priority_id, int64_t version, struct err *e);

/* A candidate for the next PACT meeting: a group of concerns with the
 * evidence and the score's breakdown. */
struct pact_candidate {
	int64_t group_id;
	char title[200];
	char category[48];
	struct priority_evidence evidence;
	struct priority_score score;
	int64_t priority_id;		/* an open priority already answering it, or 0 */
};

/* Candidates of a neighbourhood, best first; `rm` (may be NULL) supplies
 * the police.uk trend.  Returns how many were written (at most max). */
int pact_candidates(struct store *s, const struct readmodel *rm, const char *force_id,
		    const char *nbhd_id, struct pact_candidate *out, int max, struct err *e);

/* --- actions ---------------------------------------------------------------- */
struct action_input {
	int64_t priority_id;
	const char *owner_kind;		/* "officer" or "partner" */
	const char *owner_name;		/* "PC Owain Davies" / the partner's contact role */
	const char *partner_org;	/* needed for a partner: "Porthmawr County Council" */
	const char *description;
	const char *due_date;		/* YYYY-MM-DD, not in the past */
};

int action_add(struct store *s, const struct action_input *in, int64_t *id, struct err *e);
/* status "open", "done" (needs a result) or "cancelled" (needs a reason in result). */
int action_update(struct store *s, int64_t id, int64_t version, const char *status,
		  const char *result, struct err *e);

#endif
