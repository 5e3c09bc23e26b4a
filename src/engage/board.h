/*
 * board.h - what staff see to decide and act in one neighbourhood: the
 * PACT and beat meetings priorities are agreed at, every priority with its
 * votes and actions (each with the version an update must name), and the
 * queue of concerns and priorities owed "you said, we did".
 *
 * Reads only; the changes go through pact.h and feedback.h.  Internal:
 * concern text is what the raiser said (never their contact details), for
 * staff allowed PERM_VIEW_INTERNAL or PERM_RECORD_ENGAGEMENT.
 *
 * Ownership: each *_load fills a struct the caller frees with its
 * *_release, also after a failure.
 */
#ifndef ENGAGE_BOARD_H
#define ENGAGE_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "model/engagement.h"
#include "store/store.h"

/* --- meetings where priorities are agreed ------------------------------------ */
struct board_meeting {
	int64_t id;
	char kind[32];			/* "pact-meeting" or "beat-meeting" */
	char title[201], venue[201];
	int64_t starts_at;		/* UTC */
};

struct board_meetings {
	struct board_meeting *v;	/* newest first */
	size_t n;
};

int board_meetings_load(struct store *s, const char *force_id, const char *nbhd_id,
			struct board_meetings *out, struct err *e);
void board_meetings_release(struct board_meetings *m);
/* The meeting with this id among m, or NULL. */
const struct board_meeting *board_meeting_find(const struct board_meetings *m, int64_t id);

/* --- priorities and their actions ---------------------------------------------- */
struct board_action {
	int64_t id, version;
	char owner_kind[16];		/* "officer" or "partner" */
	char owner_name[201], partner_org[201];	/* partner_org "" for an officer */
	char description[2001];
	char due_date[11];
	char status[16];		/* "open", "done", "cancelled" */
	char result[2001];		/* progress note or result; "" when none */
	int overdue;			/* open and due before today */
};

struct board_priority {
	int64_t id, version;
	int status;			/* enum priority_status */
	char title[201], public_text[2001], category[48], review_date[11];
	int64_t group_id;		/* its concerns, or 0 */
	int concerns, channels;		/* in that group */
	int64_t created_at, agreed_at;	/* agreed_at 0 until agreed */
	int has_votes;			/* votes recorded at the meeting asked for */
	int votes_for, votes_against, abstentions;
	struct board_action *actions;	/* by due date */
	size_t nactions;
	int overdue;			/* how many actions are overdue */
};

struct board {
	struct board_priority *v;	/* oldest first */
	size_t n;
};

/* Every priority of the neighbourhood; votes are those recorded at
 * `meeting_id` (0: none). */
int board_load(struct store *s, const char *force_id, const char *nbhd_id, int64_t meeting_id,
	       struct board *out, struct err *e);
void board_release(struct board *b);
struct board_priority *board_priority_find(const struct board *b, int64_t id);
/* The action with this id and, in *of (may be NULL), its priority. */
struct board_action *board_action_find(const struct board *b, int64_t id,
				       struct board_priority **of);

/* --- feedback owed ------------------------------------------------------------ */
struct feedback_owed {
	char kind[12];			/* "concern" or "priority" */
	int64_t id, version;
	char reference[REF_LEN + 1];	/* a concern's; "" for a priority */
	char category[48], channel[32];	/* channel "" for a priority */
	char *text;			/* what was said, or the priority's public text */
	int64_t since;			/* raised, or agreed (UTC) */
	int64_t group_id;		/* its group of concerns, or 0 */
	int64_t priority_id;		/* a concern's open priority that will answer it, or 0 */
};

struct feedback_queue {
	struct feedback_owed *v;	/* oldest first */
	size_t n;
};

/* Open concerns and agreed or in-progress priorities, oldest first. */
int feedback_queue_load(struct store *s, const char *force_id, const char *nbhd_id,
			struct feedback_queue *out, struct err *e);
void feedback_queue_release(struct feedback_queue *q);
const struct feedback_owed *feedback_queue_find(const struct feedback_queue *q, const char *kind,
						int64_t id);

#endif
