/*
 * privacy.h - the data-protection duties on what Engage holds about a
 * person who raised a concern: subject access, erasure, and retention.
 *
 * A person is found by what they would quote: the e-mail address or phone
 * number they left, or a concern's reference.  Everything tied to those
 * concerns is theirs: the concern (its text and location), the contact
 * details and consent, the demographics they chose to give, messages
 * queued to them, and the feedback given on their concerns.
 *
 *  - Subject access writes all of it as one JSON document, with the audit
 *    trail of who consulted it, and records that as a disclosure to the
 *    data subject.
 *  - Erasure removes the personal data and keeps the rest as an anonymous
 *    count: the contact row, demographics and messages are deleted; the
 *    concern's text becomes "[erased]" and its location goes; category,
 *    channel, neighbourhood and dates stay, so the neighbourhood's figures
 *    do not change.  The bytes are overwritten in the database file and
 *    the write-ahead log emptied (store_purge_*); the audit trail keeps
 *    that an erasure happened, by whom and why, and nothing erased.
 *  - Retention erases, by the same means, the contact details of concerns
 *    answered or closed longer ago than the rule allows, and messages older
 *    than theirs (the retention.* settings).
 */
#ifndef ENGAGE_PRIVACY_H
#define ENGAGE_PRIVACY_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "engage/audit.h"
#include "store/store.h"

struct person_query {
	const char *email;	/* any case */
	const char *phone;	/* as typed: spaces, dashes, +44 are fine */
	const char *reference;	/* ENG-XXXX-XXXXX */
};

/* Everything held about the person as JSON into `out`; *nconcerns how many
 * concerns matched (0: nothing is held, and nothing is recorded).
 * `purpose` is required ("subject access request 2026-114"). */
int privacy_subject_access(struct store *s, const struct person_query *q,
			   const struct audit_actor *by, const char *purpose,
			   struct strbuf *out, int *nconcerns, struct err *e);

/* Erase the person's personal data (see above); *nconcerns how many of
 * their concerns were erased.  `reason` is required. */
int privacy_erase(struct store *s, const struct person_query *q, const struct audit_actor *by,
		  const char *reason, int *nconcerns, struct err *e);

struct retention_rules {
	int contact_months;	/* contact details, after the concern is answered or closed */
	int message_months;	/* messages to raisers, after they were queued */
};
struct retention_result {
	int contacts;		/* concerns whose contact details were (or would be) erased */
	int messages;		/* messages deleted (or that would be) */
};

/* Apply the rules as of `now`; with `dry_run` count only. */
int privacy_retention_run(struct store *s, const struct retention_rules *rules, int64_t now,
			  int dry_run, const struct audit_actor *by,
			  struct retention_result *out, struct err *e);

#endif
