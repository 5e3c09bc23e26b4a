/*
 * engage-internal.h - what the engagement services share: checks of
 * neighbourhoods and slugs, and reading single values out of rows.
 */
#ifndef ENGAGE_ENGAGE_INTERNAL_H
#define ENGAGE_ENGAGE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "model/engagement.h"
#include "store/store.h"

/* ERR_NOTFOUND "neighbourhood: ..." unless force/id names one in the store. */
int eng_require_neighbourhood(struct store *s, const char *force_id, const char *id,
			      struct err *e);
/* The index of `slug` in `table`, or ERR_INVALID "field: "x" is not ... (one of a, b)". */
int eng_require_slug(const struct vocab *table, int count, const char *field, const char *slug,
		     struct err *e);
/* Required text: present, not blank, valid UTF-8, at most `max` bytes. */
int eng_require_text(const char *field, const char *s, size_t max, struct err *e);
/* Optional text: NULL or "" is fine; otherwise as eng_require_text. */
int eng_optional_text(const char *field, const char *s, size_t max, struct err *e);
/* "YYYY-MM-DD", a real calendar date. */
int eng_require_date(const char *field, const char *s, struct err *e);
/* Whether `needle` occurs in `hay`, ignoring ASCII case. */
int eng_contains_ci(const char *hay, const char *needle);
/* Today in Europe/London as "YYYY-MM-DD". */
void eng_today(char buf[11]);

/* A copy of one row's values that outlives the callback (strings copied). */
struct eng_row {
	int found;
	int64_t id, version;
	int ncols;
	struct store_value v[40];
	char *owned[40];
};
int eng_row_copy(void *ctx, const struct store_row *r);	/* a store_row_fn; ctx is eng_row */
void eng_row_release(struct eng_row *r);
/* Read one row by id into r (r->found = 0 when absent: ERR_NOTFOUND). */
int eng_row_get(struct store *s, const struct store_table *t, int64_t id, struct eng_row *r,
		struct err *e);

#endif
