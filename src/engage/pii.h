/*
 * pii.h - keeping personal data out of what Engage publishes.
 *
 * Text that goes public - feedback ("you said, we did"), priorities, the
 * notes of public events - is checked before it is stored for
 * publication.  The check looks for:
 *  - email addresses;
 *  - UK telephone numbers (0..., +44...);
 *  - vehicle registrations (AB12 CDE, and the older A123 BCD);
 *  - a house number with a street ("12 High Street", "3 Heol y Bont");
 *  - the full name of a person in the personal-data tables of the
 *    neighbourhood the text is for (raisers' contacts, key contacts),
 *    compared inside the database so no name is read out of it
 *    (store_text_mentions_person).
 * Names of the neighbourhood team are public already and not looked for.
 *
 * Text that holds any of these is held back: the call that would publish
 * it fails with ERR_INVALID saying what was found and where, never the
 * finding itself (the message may be logged).  Staff who have checked it
 * can publish anyway ("override"); that is written to the audit trail as a
 * disclosure to the public, with who, when and what kinds were found.
 */
#ifndef ENGAGE_PII_H
#define ENGAGE_PII_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "store/store.h"

enum pii_kind {
	PII_EMAIL,
	PII_PHONE,
	PII_VEHICLE,
	PII_ADDRESS,
	PII_NAME,
	PII_KIND_COUNT
};
/* "an email address", ... indexed by enum pii_kind. */
extern const char *const pii_kind_names[PII_KIND_COUNT];

#define PII_MAX_FINDINGS 16

struct pii_finding {
	enum pii_kind kind;
	size_t at, len;		/* bytes into the text */
};

struct pii_report {
	struct pii_finding f[PII_MAX_FINDINGS];
	size_t n;		/* findings, in the order of the text */
};

/* Look for personal data in `text`; `s` may be NULL (no names checked). */
int pii_scan(struct store *s, const char *text, struct pii_report *r, struct err *e);
/* The same with names looked for only among the people of one
 * neighbourhood (the one the text will be published for), so the check
 * does not tell a member of staff who is in another neighbourhood's
 * records. */
int pii_scan_in(struct store *s, const char *force_id, const char *nbhd_id, const char *text,
		struct pii_report *r, struct err *e);
/* `text` with each finding replaced by "[removed]". */
void pii_redact(const char *text, const struct pii_report *r, struct strbuf *out);

/* Who publishes, whether they chose to publish text the check holds back,
 * and (filled by the check) what was let through. */
struct pii_gate {
	const char *actor;	/* "user:12", "import" */
	int override;
	const char *force_id, *nbhd_id;	/* where the text is published */
	char found[200];	/* the kinds found, "" when clean */
};

/* Before storing text that will be public: 0 when it is clean, or when it
 * is not and the gate is overridden (gate->found then says what); else
 * ERR_INVALID naming the field, what was found and from which character.
 * Call once per public field. */
int pii_gate_check(struct store *s, struct pii_gate *gate, const char *field, const char *text,
		   struct err *e);
/* After storing the record, in the same transaction: an overridden gate
 * that let something through is written to the audit trail as a disclosure
 * to the public.  Nothing when nothing was found. */
int pii_gate_audit(struct store *s, const struct pii_gate *gate, const char *record_kind,
		   int64_t record_id, struct err *e);

#endif
