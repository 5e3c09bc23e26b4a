/*
 * engage_api.h - Engage's own JSON API for the engagement cycle
 * (/api/v1/...), the public part: raising a concern as a member of the
 * public, tracking it by reference, and a neighbourhood's published record.
 * Staff operations arrive with accounts and roles.
 *
 * Each function writes a whole JSON document into `out` and returns 0, or
 * a negative ERR_* with a message naming the field and why (the web layer
 * turns it into a JSON error with the matching status).  None of them
 * writes personal data: the public view of a concern has no raiser's
 * details and no concern text, only what the published feedback says.
 */
#ifndef ENGAGE_ENGAGE_API_H
#define ENGAGE_ENGAGE_API_H

#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "store/store.h"

/* POST /api/v1/concerns: a JSON object
 *	{"force":"glanmor","neighbourhood":"GM01","text":"...",
 *	 "category":"speeding" (optional), "language":"en"|"cy",
 *	 "location":{"latitude":52.1,"longitude":-4.4,"description":"..."} (optional),
 *	 "anonymous":true | "contact":{"name","email","phone","consent":true},
 *	 "demographics":{"age_band":"65+","sex":"female","ethnic_group":"prefer-not-to-say"}}
 * The channel is always "online-form".  Answers {"reference","category",
 * "category_suggested","raised_by","channels"}. */
int api_concern_raise(struct store *s, const char *body, size_t len, struct strbuf *out,
		      struct err *e);
/* The same for signed-in staff (`actor`): the body may also name the
 * "channel" (a postcard typed in after a street meeting, a phone call). */
int api_staff_concern_raise(struct store *s, const char *actor, const char *body, size_t len,
			    struct strbuf *out, struct err *e);
/* GET /api/v1/concerns/{reference}: the public view. */
int api_concern_public(struct store *s, const char *reference, struct strbuf *out, struct err *e);
/* GET /api/v1/neighbourhoods/{force}/{id}/record: the published record. */
int api_neighbourhood_record(struct store *s, const char *force, const char *id,
			     struct strbuf *out, struct err *e);

/* police.uk's {force}/{neighbourhood}/priorities, from Engage's agreed
 * priorities: [{"action" (HTML or null), "issue-date", "action-date",
 * "issue" (HTML)}] in police.uk's field order, the newest first; "action"
 * is the published "we did". */
int api_police_priorities(struct store *s, const char *force, const char *id,
			  struct strbuf *out, struct err *e);
/* police.uk's {force}/{neighbourhood}/events: activities from today on,
 * soonest first, [{"contact_details","description","title","address",
 * "type","start_date","end_date"}] in London wall time. */
int api_police_events(struct store *s, const char *force, const char *id, struct strbuf *out,
		      struct err *e);

#endif
