/*
 * risk.h - vulnerability and repeat-victim risk assessment: a person is
 * assessed at first contact and again at every later contact, against the
 * factors the guidance lists (health and disability, equality, economic,
 * personal, family).  Repeat-victim status is derived, never typed: a
 * person with an earlier contact in the last 12 months is a repeat victim.
 *
 * Personal and sensitive data (engage/restricted.h): only officers and
 * sergeants of the neighbourhood see or record it; opening a person's
 * record asks for a purpose and is recorded.  Lists carry no names.
 */
#ifndef ENGAGE_RISK_H
#define ENGAGE_RISK_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "engage/restricted.h"
#include "model/engagement.h"
#include "store/store.h"

/* The factors, by group ("health", "equality", "economic", "personal",
 * "family"): slug, label in English and Welsh. */
struct risk_factor {
	const char *slug, *group, *en, *cy;
};
extern const struct risk_factor risk_factors[];
extern const int risk_factor_count;

#define RISK_REPEAT_WINDOW_DAYS 365

struct risk_contact_input {
	const char *force_id, *neighbourhood_id;
	int64_t person_id;		/* 0: a first contact, a new person */
	const char *name;		/* first contact: required */
	const char *date_of_birth;	/* YYYY-MM-DD; may be NULL */
	const char *contact;		/* how to reach them; may be NULL */
	int64_t contacted_at;		/* UTC seconds; 0 means now */
	const char *incident;		/* what brought them to notice */
	const char *factors;		/* comma-separated factor slugs; may be "" */
	const char *risk_level;		/* "standard", "medium", "high" */
	const char *notes;		/* may be NULL */
};

struct risk_result {
	int64_t person_id;
	int contacts_in_window;		/* contacts in the last 12 months, this one too */
	int repeat_victim;		/* an earlier contact in that window */
};

/* Record a contact (creating the person at the first); audited. */
int risk_record_contact(struct store *s, const struct restricted_caller *c,
			const struct risk_contact_input *in, struct risk_result *out,
			struct err *e);
/* A person with every contact, the current risk level and factors, and the
 * repeat-victim status, as JSON; needs a purpose. */
int risk_show(struct store *s, const struct restricted_caller *c, int64_t person_id,
	      const char *purpose, struct strbuf *out, struct err *e);
/* A neighbourhood's people as a JSON array of {id, risk_level,
 * repeat_victim, contacts_in_window, last_contact}: no names. */
int risk_list(struct store *s, const struct restricted_caller *c, const char *force_id,
	      const char *nbhd_id, struct strbuf *out, struct err *e);

#endif
