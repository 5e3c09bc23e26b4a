/*
 * feedback.h - "you said, we did": how a concern or a priority is closed.
 *
 * Feedback is the only way to close either: it names an outcome
 * (feedback_outcomes in model/engagement.h); "no-action" also needs one of
 * the set reasons; every outcome needs public text, and internal notes are
 * kept apart and never published.  The public text passes the check for
 * personal data (engage/pii.h) first.
 *  - a concern becomes "answered"; when its raiser consented to contact, a
 *    message in their language is queued (delivery comes later);
 *  - a priority becomes "resolved", or "closed" when nothing was done; it
 *    must be agreed or in progress, and every concern of its group that has
 *    no feedback of its own is answered with the same public text.
 */
#ifndef ENGAGE_FEEDBACK_H
#define ENGAGE_FEEDBACK_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

struct feedback_input {
	const char *subject_kind;	/* "concern" or "priority" */
	int64_t subject_id;
	const char *outcome;		/* feedback_outcomes[] slug */
	const char *reason;		/* no_action_reasons[] slug, for "no-action" */
	const char *public_text;
	const char *internal_note;	/* may be NULL */
	const char *created_by;
	int publish_anyway;		/* staff checked the public text (engage/pii.h) */
};

/* Give feedback (one transaction); `*id` is the feedback row; `*messages`
 * (may be NULL) how many messages were queued to raisers. */
int feedback_give(struct store *s, const struct feedback_input *in, int64_t *id,
		  int *messages, struct err *e);

#endif
