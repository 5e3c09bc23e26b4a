/*
 * import-internal.h - what the import parsers share and nobody else needs:
 * one way to word a row error, so every file format reports
 *	file.csv: line 4: column "Month": "2019-13" is not a month (YYYY-MM)
 */
#ifndef ENGAGE_IMPORT_INTERNAL_H
#define ENGAGE_IMPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "import/csv.h"

/* For tests and the fuzz targets: read `chunk` bytes at a time (3 to 64 KiB;
 * a memory buffer too is handed out in pieces) so records straddle chunk
 * edges, and with fast == 0 skip the whole-record fast path, so the two
 * paths can be compared.  Call right after opening. */
void csv_test_tune(struct csv *c, size_t chunk, int fast);
/* Fill e with "<file>: line <n>: column "<header>": <message>" for column
 * `col` of the current record and return `code`.  In the message, %V is not
 * available: quote values with imp_quote(). */
int imp_col_err(struct csv *c, struct err *e, int code, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Fill e with "<file>: line <n>: <message>". */
int imp_line_err(struct csv *c, struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A caller's callback refused the current record with `rc`: make sure the
 * message says the file and line (adding "rejected by the importer" when
 * the callback gave no reason) and return rc. */
int imp_callback_err(struct csv *c, struct err *e, int rc);
/* A value as it goes in a message: quoted, truncated to 60 bytes with "..."
 * (never splitting a UTF-8 sequence), control characters as '?'. */
const char *imp_quote(const char *s, size_t n, char buf[80]);
/* The header must be exactly `want` (count and names); else an error naming
 * the first difference and the expected header. */
int imp_header_is(const struct csv *c, const char *const *want, size_t n);
/* The base name of a path (points into it). */
const char *imp_basename(const char *path);
/* A decimal degree as microdegrees, like parse_microdegrees(), but also
 * in the exponent form some police.uk files use near the Greenwich
 * meridian ("-7.8e-05").  0 or -1. */
int imp_parse_microdegrees(const char *s, size_t n, int32_t *out);
/* LSOA (2011 or 2021) code shape: E01 or W01 and six digits. */
int imp_is_lsoa_code(const char *s, size_t n);

#endif
