/*
 * place.h - where an engagement record belongs: its force and
 * neighbourhood, so a caller's scope can be checked against the record
 * itself and not only against the route that named it.
 */
#ifndef ENGAGE_PLACE_H
#define ENGAGE_PLACE_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

struct record_place {
	char force_id[65];
	char nbhd_id[65];
	char partner_org[129];	/* an action's partner organisation, else "" */
};

/* The place of record `id` of `kind`: "priority", "action" or "concern".
 * ERR_NOTFOUND naming it when there is none. */
int record_place(struct store *s, const char *kind, int64_t id, struct record_place *out,
		 struct err *e);

#endif
