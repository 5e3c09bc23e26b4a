/*
 * engage_api-internal.h - what the engagement API's two halves share: the
 * request-body reader (jansson) and the answer writer (base/json.h).
 */
#ifndef ENGAGE_ENGAGE_API_INTERNAL_H
#define ENGAGE_ENGAGE_API_INTERNAL_H

#include <stddef.h>

#include "base/err.h"
#include "engage/concern.h"

/* Fill `in` from a concern's JSON body; its strings point into `*hold`,
 * which the caller frees with api_parse_release() (also on failure). */
int api_parse_concern(const char *body, size_t len, struct concern_input *in, void **hold,
		      struct err *e);
void api_parse_release(void *hold);

#endif
