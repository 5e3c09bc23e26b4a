/*
 * restricted_api.h - the staff JSON API of the restricted records
 * (/api/v1/impact-assessments, /risk-..., /sharing-..., partner data):
 * request bodies read into the services' inputs, answers written as JSON.
 * The caller (engage/restricted.h) carries the signed-in user's scope;
 * the services check it against each record.
 *
 * Bodies, all JSON objects (times "2026-11-20T19:00", London time):
 *	impact assessment: {"force","neighbourhood","incident","incident_at",
 *	  "communities","information_needed","information_from","overseen_by",
 *	  "deadline","vulnerable"?,"confidence","review_days","cross_border"?}
 *	review: {"confidence","notes","close"?}
 *	risk contact: {"force","neighbourhood","person"?,"name"?,"date_of_birth"?,
 *	  "contact"?,"at"?,"incident","factors","level","notes"?}
 *	agreement: {"force","partner_org","title","may_see","may_submit",
 *	  "starts","ends","signed_by"}
 *	submission: {"force","neighbourhood","source","category","at",
 *	  "location"?,"summary"}
 */
#ifndef ENGAGE_RESTRICTED_API_H
#define ENGAGE_RESTRICTED_API_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "engage/restricted.h"
#include "store/store.h"

int api_cia_add(struct store *s, const struct restricted_caller *c, const char *body, size_t len,
		struct strbuf *out, struct err *e);
int api_cia_review(struct store *s, const struct restricted_caller *c, int64_t id,
		   const char *body, size_t len, struct strbuf *out, struct err *e);
int api_risk_contact(struct store *s, const struct restricted_caller *c, const char *body,
		     size_t len, struct strbuf *out, struct err *e);
int api_sharing_agree(struct store *s, const struct restricted_caller *c, const char *body,
		      size_t len, struct strbuf *out, struct err *e);
int api_sharing_submit(struct store *s, const struct restricted_caller *c, const char *body,
		       size_t len, struct strbuf *out, struct err *e);

#endif
