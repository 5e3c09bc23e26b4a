/*
 * page_pact.h - the staff pages for deciding and acting in one
 * neighbourhood: PACT meeting mode (candidates with their evidence,
 * proposing, votes, agreeing), the priorities and actions board, the
 * feedback queue ("you said, we did") and the printable meeting pack.
 *
 * Every page works with JavaScript off and on a tablet at a meeting.  A
 * form sent back with a problem is drawn again with an error summary, the
 * message beside the field and the values typed (struct staff_form); a
 * form that saved comes back through a 303 and a "saved" banner.
 */
#ifndef ENGAGE_PAGE_PACT_H
#define ENGAGE_PAGE_PACT_H

#include <stddef.h>

#include "engage/board.h"
#include "engage/pack.h"
#include "engage/pact.h"
#include "engage/record.h"
#include "views/govuk.h"
#include "views/layout.h"

/* The neighbourhood a page is about. */
struct staff_nbhd {
	const char *force_id, *id;
	const char *name, *force_name;
};

/* A form sent back: which one, what was wrong, what was typed. */
struct staff_form {
	const char *form;			/* "votes-12", "agree-12", ... or NULL */
	const struct govuk_error *errors;
	size_t nerrors;
	const char *detail;			/* a service's refusal in its words, or NULL */
	const char *(*typed)(const void *ctx, const char *name);	/* may be NULL */
	const void *typed_ctx;
	const char *saved;			/* after a 303: what was saved ("votes"), or NULL */
};

/* What the signed-in member may do on these pages. */
struct staff_may {
	int create_meeting;	/* PERM_RECORD_ENGAGEMENT */
	int propose;		/* PERM_RECORD_ENGAGEMENT */
	int vote;		/* PERM_RECORD_VOTES */
	int agree;		/* PERM_AGREE_PRIORITIES: agree, start, add actions, close */
	int update_actions;	/* PERM_UPDATE_ACTIONS */
	const char *partner_org;	/* a partner: only this organisation's actions; else NULL */
};

struct pact_view {
	const struct board_meetings *meetings;
	const struct board_meeting *meeting;	/* the one being run, or NULL */
	const struct pact_candidate *candidates;
	int ncandidates;
	const struct board *board;		/* votes are the meeting's */
	const char *today;			/* YYYY-MM-DD, Europe/London */
};

void page_pact(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
	       const struct pact_view *v, const struct staff_may *may, const struct staff_form *f);
void page_board(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
		const struct board *b, const struct staff_may *may, const struct staff_form *f);
/* The queue, oldest first; `chosen` (an item of q, or NULL) gets the form. */
void page_feedback(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
		   const struct feedback_queue *q, const struct feedback_owed *chosen,
		   const struct staff_may *may, const struct staff_form *f);
/* The pack: `rec` gives "you said, we did" and the meetings to come. */
void page_pack(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
	       const struct meeting_pack *pk, const struct record *rec, int64_t now);

/* Which of the forms on these pages a field error belongs to: the field
 * ids ("for-12", "review-12", "text-concern-9") are made here, shared by
 * the handlers that name the wrong field and the views that draw it. */
void staff_field_id(char *buf, size_t size, const char *field, const char *kind, int64_t id);

#endif
