/*
 * engage_staff_api.h - the staff half of Engage's engagement API
 * (/api/v1/...): recording activities, proposing and agreeing priorities
 * at a PACT meeting, actions, and "you said, we did".
 *
 * The web layer lets a request reach these only once it has been signed in
 * (an API token; see routes.c): `actor` names who acts, for the records.
 * Bodies are JSON objects; every update names the `version` it read, and a
 * stale one is ERR_CONFLICT (409).  Answers are JSON: {"id":N} for what was
 * made, {"ok":true} otherwise, or the candidates list.
 */
#ifndef ENGAGE_ENGAGE_STAFF_API_H
#define ENGAGE_ENGAGE_STAFF_API_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "index/readmodel.h"
#include "store/store.h"

/* POST /api/v1/activities {"force","neighbourhood","kind","mode","title",
 * "starts" (London wall time or ISO with zone),"ends","venue","address",
 * "accessibility","online_url","attendance"} */
int api_staff_activity(struct store *s, const char *actor, const char *body, size_t len,
		       struct strbuf *out, struct err *e);
/* POST /api/v1/priorities {"force","neighbourhood","group","title","public_text","category"} */
int api_staff_propose(struct store *s, const char *actor, const char *body, size_t len,
		      struct strbuf *out, struct err *e);
/* POST /api/v1/priorities/{id}/votes {"meeting","for","against","abstain"} */
int api_staff_vote(struct store *s, int64_t priority, const char *body, size_t len,
		   struct strbuf *out, struct err *e);
/* POST /api/v1/priorities/{id}/agree {"meeting","review_date","version"} */
int api_staff_agree(struct store *s, int64_t priority, const char *body, size_t len,
		    struct strbuf *out, struct err *e);
/* POST /api/v1/priorities/{id}/actions {"owner","owner_name","partner_org","text","due"} */
int api_staff_action(struct store *s, int64_t priority, const char *body, size_t len,
		     struct strbuf *out, struct err *e);
/* POST /api/v1/actions/{id} {"status","result","version"} */
int api_staff_action_update(struct store *s, int64_t action, const char *body, size_t len,
			    struct strbuf *out, struct err *e);
/* POST /api/v1/feedback {"concern" | "priority","outcome","reason","text","note"} */
int api_staff_feedback(struct store *s, const char *actor, const char *body, size_t len,
		       struct strbuf *out, struct err *e);
/* GET /api/v1/neighbourhoods/{force}/{id}/candidates */
int api_staff_candidates(struct store *s, const struct readmodel *rm, const char *force,
			 const char *id, struct strbuf *out, struct err *e);

/* GET /api/v1/neighbourhoods/{force}/{id}/profile: census over its LSOAs
 * and counts of assets, notes and key contacts (never who they are). */
int api_staff_profile(struct store *s, const char *force, const char *id, struct strbuf *out,
		      struct err *e);
/* GET .../plan: entries in date order, overdue flagged, and the audiences
 * with nothing planned. */
int api_staff_plan(struct store *s, const char *force, const char *id, struct strbuf *out,
		   struct err *e);
/* GET .../todo: feedback owed (28 days), overdue actions and plans, reviews
 * and meetings due. */
int api_staff_todo(struct store *s, const char *force, const char *id, struct strbuf *out,
		   struct err *e);
/* GET .../pack: the meeting pack. */
int api_staff_pack(struct store *s, const struct readmodel *rm, const char *force,
		   const char *id, struct strbuf *out, struct err *e);

/* POST /api/v1/plan {"force","neighbourhood","audience","channel","message",
 * "aim","date","owner"} */
int api_staff_plan_add(struct store *s, const char *body, size_t len, struct strbuf *out,
		       struct err *e);
/* POST /api/v1/profile-notes {"force","neighbourhood","kind","title","text"} */
int api_staff_note_add(struct store *s, const char *body, size_t len, struct strbuf *out,
		       struct err *e);
/* POST /api/v1/concerns/{id}/category {"category","version"}: confirm or correct. */
int api_staff_concern_category(struct store *s, int64_t concern, const char *body, size_t len,
			       struct strbuf *out, struct err *e);

/* Where a staff request's body says it acts: its "force" and
 * "neighbourhood", else the place of the "concern" or "priority" it names
 * (engage/place.h), so the caller's scope is checked before anything is
 * done.  ERR_INVALID when it names none. */
struct record_place;
int api_body_place(struct store *s, const char *body, size_t len, struct record_place *out,
		   struct err *e);

/* Whether the JSON object `body` has a non-null member `name`. */
int api_body_has(const char *body, size_t len, const char *name);

#endif
