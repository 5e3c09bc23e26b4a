/*
 * concern.h - concerns from every channel: raise one, group it with others
 * about the same issue, find it again by its reference.
 *
 * A concern is what one person raised, through one channel: a postcard an
 * officer types in, the online form, a phone call, a partner's referral.
 * It gets a reference the raiser can quote (model/engagement.h).  Its
 * category is suggested from the text when none is given; staff confirm.
 * Contact details, when the raiser gave them, are kept apart from the
 * concern (concern_contacts) and never appear in public views.
 *
 * Concerns are grouped: a new concern joins the open group of its
 * neighbourhood and category, or starts one, so "raised by 23 people
 * through 4 channels" is one number.  Staff can move a concern to another
 * group.
 *
 * Errors name the field and why: `channel: "fax" is not a channel (one of
 * meeting, surgery, ...)`; ERR_NOTFOUND for an unknown neighbourhood;
 * ERR_CONFLICT for a stale save.
 */
#ifndef ENGAGE_CONCERN_H
#define ENGAGE_CONCERN_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "engage/audit.h"
#include "model/engagement.h"
#include "store/store.h"

#define CONCERN_BODY_MAX 5000
#define CONCERN_MAX_DEMOGRAPHICS 8

struct concern_input {
	const char *force_id;
	const char *neighbourhood_id;
	const char *channel;		/* a channels[] slug */
	const char *category;		/* a concern_categories[] slug, or NULL to suggest */
	const char *body;		/* what was said, in their words */
	const char *language;		/* "en" or "cy"; NULL means "en" */
	int has_location;
	double lat, lng;
	const char *location_text;	/* "outside the Co-op", may be NULL */
	int anonymous;
	/* when not anonymous: at least one way to reach them if they consent */
	const char *name, *email, *phone, *address;
	int consent_contact;		/* they agreed to be contacted about it */
	const char *consent_purpose;	/* what the consent covers */
	int64_t activity_id;		/* the meeting or visit it came from, or 0 */
	int64_t raised_at;		/* when they raised it; 0 means now */
	const char *created_by;		/* who typed it in ("online form" for the public) */
	/* self-described demographics, census categories, optional */
	struct { const char *measure, *category; } demographics[CONCERN_MAX_DEMOGRAPHICS];
	int ndemographics;
};

struct concern_result {
	int64_t id;
	char reference[REF_LEN + 1];
	char category[48];
	int category_suggested;		/* 1 when chosen from the text */
	int64_t group_id;
};

/* Record a concern (one transaction).  `random_source` NULL means the
 * operating system's; tests pass their own for repeatable references. */
int concern_raise(struct store *s, const struct concern_input *in,
		  uint64_t (*random_source)(void *), void *random_ctx,
		  struct concern_result *out, struct err *e);

/* Move a concern to another group of the same neighbourhood; `version` is
 * the concern's version as read (ERR_CONFLICT when stale). */
int concern_regroup(struct store *s, int64_t concern_id, int64_t version, int64_t group_id,
		    struct err *e);
/* Confirm or correct the category staff see. */
int concern_set_category(struct store *s, int64_t concern_id, int64_t version,
			 const char *category, struct err *e);

/* What anyone holding the reference may see: no personal data. */
struct concern_public {
	int64_t id;
	char reference[REF_LEN + 1];
	char force_id[65], neighbourhood_id[65];
	char category[48];
	char channel[32];
	char status[24];		/* "open", "answered" */
	int64_t raised_at;
	int64_t group_id;
	int group_people;		/* how many concerns share the group */
	int group_channels;		/* through how many channels */
	int64_t priority_id;		/* the priority it feeds, or 0 */
	char priority_status[24];
	char priority_title[200];
	char feedback_outcome[32];	/* "" until feedback is given */
	char feedback_reason[48];
	char feedback_text[2000];	/* the public "we did" */
	int64_t feedback_at;
};

/* Look a concern up by what the raiser typed (normalised; a mistyped
 * reference is ERR_INVALID, an unknown one ERR_NOTFOUND). */
int concern_find_public(struct store *s, const char *reference, struct concern_public *out,
			struct err *e);

/* --- the raiser's details: restricted ---------------------------------------
 * Given only to someone who names themselves and says why; each look is a
 * consultation entry in the audit trail (audit.h), written before the
 * details are handed back, in the same transaction.  concern_raise logs the
 * collection of the details (record kind "concern_contact", record id the
 * concern's id). */
struct concern_contact {
	int64_t concern_id;
	char name[201], email[255], phone[41], address[401];	/* "" when not given */
	int consent_contact;
	char consent_purpose[501];
	int64_t consent_at;		/* 0 without consent */
};
/* ERR_INVALID without a purpose or an actor (nothing is read or returned);
 * ERR_NOTFOUND when no details are held for the concern.  On failure *out
 * is zeroed. */
int concern_contact_open(struct store *s, int64_t concern_id, const struct audit_actor *by,
			 const char *purpose, struct concern_contact *out, struct err *e);

/* A group's counts: concerns (one per raiser) and distinct channels. */
int concern_group_counts(struct store *s, int64_t group_id, int *people, int *channels,
			 struct err *e);

#endif
