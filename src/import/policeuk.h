/*
 * policeuk.h - police.uk monthly CSV files (street, outcomes,
 * stop-and-search) into model/police.h records, one callback per row.
 *
 * The kind of file is told by its header, which must match police.uk's
 * exactly (names, order, count).  Each row is checked before it is handed
 * on; the first bad row stops the read with an error naming the file, line,
 * column and value, so the caller can keep an import all-or-nothing:
 *	2019-01-city-of-london-street.csv: line 4: column "Month": "2019-13" is not a month (YYYY-MM)
 *
 * Checked: Month is YYYY-MM; Longitude and Latitude are both present or both
 * empty, within -180..180 and -90..90 (decimal degrees, also in the exponent
 * form "-7.8e-05" that real Met files use near the meridian); Crime type is a known category (the
 * 2010-2013 names included); Crime ID is 64 hex digits or empty (ASB);
 * stop-and-search Date is ISO 8601 (offset or Z; none means London time);
 * booleans are True, False or empty.  Not errors: unknown outcome text (kept
 * as text), a blank Object of search, "No location"/"No Location" with
 * empty coordinates, an LSOA outside the force area.
 *
 * Ownership: the strings in a record point into the reader's buffers and
 * live only for the callback; copy what you keep.  A callback returns 0 to
 * go on, or a negative ERR_* code to stop (fill e; the reader puts
 * "file: line N: " in front).
 */
#ifndef ENGAGE_IMPORT_POLICEUK_H
#define ENGAGE_IMPORT_POLICEUK_H

#include <stddef.h>

#include "base/err.h"
#include "import/csv.h"
#include "model/police.h"

enum policeuk_kind {
	POLICEUK_STREET,
	POLICEUK_OUTCOMES,
	POLICEUK_STOPS,
};

/* Callbacks for the kinds the caller accepts; a file whose kind has a NULL
 * callback is refused ("is a stop-and-search file; expected street"). */
struct policeuk_handlers {
	int (*street)(void *ctx, const struct crime_record *r, struct err *e);
	int (*outcome)(void *ctx, const struct outcome_record *r, struct err *e);
	int (*stop)(void *ctx, const struct stop_record *r, struct err *e);
	void *ctx;
};

/* The header police.uk uses for a kind, comma-separated. */
const char *policeuk_header(enum policeuk_kind kind);
const char *policeuk_kind_name(enum policeuk_kind kind);

/* Read a whole file from a reader positioned at its start (the header is
 * read here).  On success returns the number of rows handed on (>= 0) and
 * sets *kind; on failure a negative ERR_* code. */
long policeuk_read(struct csv *c, const struct policeuk_handlers *h,
		   enum policeuk_kind *kind, struct err *e);
/* The same over a path (messages use its base name) or a memory buffer. */
long policeuk_read_path(const char *path, const struct policeuk_handlers *h,
			enum policeuk_kind *kind, struct err *e);
long policeuk_read_mem(const void *buf, size_t n, const char *name,
		       const struct policeuk_handlers *h, enum policeuk_kind *kind,
		       struct err *e);

#endif
