/*
 * profile.h - knowing the community: a neighbourhood's profile, and what
 * needs doing there.
 *
 * The profile sums the census figures of the neighbourhood's LSOAs (ethnic
 * group, age band, sex, households), lists its assets (community groups and
 * places people gather, from the store), and holds the team's notes:
 * communities of interest, seldom-heard groups and areas, tension,
 * incoming and outgoing communities, vulnerabilities.  Key contacts are
 * personal data held for a stated purpose with consent.
 */
#ifndef ENGAGE_PROFILE_H
#define ENGAGE_PROFILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

/* Kinds of profile note. */
extern const char *const profile_note_kinds[];
extern const int profile_note_kind_count;

int profile_note_add(struct store *s, const char *force_id, const char *nbhd_id,
		     const char *kind, const char *title, const char *body, int64_t *id,
		     struct err *e);

struct key_contact_input {
	const char *force_id, *neighbourhood_id;
	const char *name, *role, *organisation, *email, *phone;
	const char *consent_purpose;	/* required: what they agreed we may contact them for */
	const char *created_by;		/* who records it (audit actor); NULL means "unknown" */
};
/* Adds the contact and, in the same transaction, a collection entry in the
 * audit trail (audit.h; record kind "key_contact", its id). */
int key_contact_add(struct store *s, const struct key_contact_input *in, int64_t *id,
		    struct err *e);

#define PROFILE_MAX_FIGURES 48

struct profile_figure {
	char measure[24], category[24];
	int64_t value;
};

struct profile {
	int lsoas;
	int64_t population, households;
	struct profile_figure figures[PROFILE_MAX_FIGURES];	/* summed over the LSOAs */
	int nfigures;
	int groups, places;	/* assets */
	int notes;		/* profile notes */
	int key_contacts;	/* how many, never who (restricted) */
};

int profile_load(struct store *s, const char *force_id, const char *nbhd_id, struct profile *out,
		 struct err *e);

/* --- what needs doing ------------------------------------------------------- */
enum todo_kind { TODO_FEEDBACK_OWED, TODO_ACTION_OVERDUE, TODO_PLAN_OVERDUE, TODO_REVIEW_DUE,
		 TODO_MEETING_SOON };
extern const char *const todo_kind_names[];

struct todo_item {
	enum todo_kind kind;
	int64_t id;		/* the concern, action, plan entry, priority or activity */
	char what[240];		/* a line a person reads */
	char when[21];		/* the date it is due or was raised */
};

/* Feedback owed (concerns open for `feedback_days` or more), actions past
 * their due date, plan entries past their date with nothing held, priority
 * reviews due within 7 days, meetings in the next 7 days. */
int profile_todo(struct store *s, const char *force_id, const char *nbhd_id, int feedback_days,
		 int (*fn)(void *ctx, const struct todo_item *item), void *ctx, struct err *e);

/* --- reading the profile's lists (for the staff pages) ----------------------- */
struct profile_note_view {
	int64_t id;
	const char *kind;	/* profile_note_kinds[] */
	const char *title, *body;
	int64_t created_at;
};
/* The team's notes of a neighbourhood, oldest first; strings live for the
 * call; fn returns non-zero to stop. */
int profile_note_each(struct store *s, const char *force_id, const char *nbhd_id,
		      int (*fn)(void *ctx, const struct profile_note_view *n), void *ctx,
		      struct err *e);
/* Its assets (community groups, then places people gather, each in the
 * store's order); ERR_NOTFOUND for an unknown neighbourhood. */
int profile_asset_each(struct store *s, const char *force_id, const char *nbhd_id,
		       int (*fn)(void *ctx, const struct store_asset *a), void *ctx,
		       struct err *e);

#endif
