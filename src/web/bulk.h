/*
 * bulk.h - a batch of postcards or door-to-door questionnaires from the
 * bulk entry form (views/page_staff_entry.h names its fields): every row
 * read and checked, each problem naming its row and field in the person's
 * words, and the rows that were typed in turned into concern inputs ready
 * for concern_raise_batch (all or nothing).
 *
 *	struct bulk_batch *b = xcalloc(1, sizeof(*b));
 *	bulk_read(&form, &base, activities, nactivities, b);
 *	if (b->nerrors) ... show the page again with b->errors, values kept
 *	else concern_raise_batch(store, b->in, b->n, ...);
 *
 * A row whose fields are all empty (or only spaces) is skipped; a row with
 * anything in it needs what the person raised.  Strings in b->in point
 * into the form, which must outlive the batch.
 */
#ifndef ENGAGE_BULK_H
#define ENGAGE_BULK_H

#include <stddef.h>
#include <stdint.h>

#include "engage/concern.h"
#include "engage/record.h"
#include "views/page_staff_entry.h"
#include "web/form.h"

#define BULK_MAX_ERRORS 50

struct bulk_batch {
	struct concern_input in[POSTCARD_MAX_ROWS];
	int row_of[POSTCARD_MAX_ROWS];	/* in[i] came from row row_of[i] (from 1) */
	size_t n;
	int last_row;			/* the last row with anything typed in it */
	struct govuk_error errors[BULK_MAX_ERRORS];
	const char *args[BULK_MAX_ERRORS];	/* errors[i]'s row number, or NULL */
	size_t nerrors;
	char ids[BULK_MAX_ERRORS][24], rows[BULK_MAX_ERRORS][12];	/* behind errors[], args[] */
};

/* Read the batch in `f`.  Each input starts as a copy of `base` (force,
 * neighbourhood, created_by) and takes the batch's channel, language and
 * activity (one of acts[0..nacts), whose start becomes when they were
 * raised) and its row's fields.  Returns the number of problems. */
size_t bulk_read(const struct web_form *f, const struct concern_input *base,
		 const struct record_activity *acts, size_t nacts, struct bulk_batch *b);

/* Add a problem (row 0: a field of the batch itself). */
void bulk_error(struct bulk_batch *b, int row, const char *field, enum msg_id message);

#endif
