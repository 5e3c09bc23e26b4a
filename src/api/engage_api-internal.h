/*
 * engage_api-internal.h - what the engagement API's two halves share: the
 * request-body reader (jansson) and the answer writer (base/json.h).
 */
#ifndef ENGAGE_ENGAGE_API_INTERNAL_H
#define ENGAGE_ENGAGE_API_INTERNAL_H

#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "engage/concern.h"

/* Fill `in` from a concern's JSON body; its strings point into `*hold`,
 * which the caller frees with api_parse_release() (also on failure). */
int api_parse_concern(const char *body, size_t len, struct concern_input *in, void **hold,
		      struct err *e);
/* The same for a signed-in member of staff typing one in: the body may
 * name the "channel" it arrived through, and `actor` is recorded. */
int api_parse_staff_concern(const char *body, size_t len, const char *actor,
			    struct concern_input *in, void **hold, struct err *e);
void api_parse_release(void *hold);

/* A request body that must be one JSON object, read member by member.
 * Strings live until api_body_free().  Each reader returns 0 (a missing or
 * null member leaves the default: NULL, or *present = 0) or ERR_INVALID
 * naming the member and what it should be. */
struct api_body;
int api_body_parse(const char *body, size_t len, struct api_body **out, struct err *e);
void api_body_free(struct api_body *b);
int api_body_str(struct api_body *b, const char *name, const char **out, struct err *e);
int api_body_int(struct api_body *b, const char *name, int64_t *out, int *present,
		 struct err *e);
/* An ISO 8601 time ("2026-11-20T19:00", London time) into *t; 0 when absent. */
int api_body_time(struct api_body *b, const char *name, int64_t *t, struct err *e);
/* {"id": id} into out. */
int api_answer_id(struct strbuf *out, int64_t id);
/* true or false into *out (left as it is when absent or null). */
int api_body_bool(struct api_body *b, const char *name, int *out, struct err *e);

#endif
