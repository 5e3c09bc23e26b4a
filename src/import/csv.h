/*
 * csv.h - a streaming RFC 4180 CSV reader, the door every tabular file
 * (police.uk, census, a force's registry files) comes in through.
 *
 * It reads from a FILE* or a memory buffer, one record at a time:
 *   - a UTF-8 byte order mark at the start is skipped;
 *   - records end with LF, CRLF or a lone CR; the last may have no newline;
 *   - quoted fields may hold commas, doubled quotes ("") and newlines;
 *   - blank lines (no bytes at all) between records are skipped;
 *   - every field must be valid UTF-8 without NUL bytes;
 *   - a field, a record and the number of fields are capped (csv_limits).
 * A quote inside an unquoted field, or anything but a comma or a line end
 * after a closing quote, is an error rather than a guess.
 *
 *	struct csv *c = csv_open_file(fp, "2019-01-street.csv", NULL);
 *	if (csv_read_header(c, &e) < 0) ...
 *	while ((rc = csv_next(c, &e)) > 0)
 *		use csv_field(c, i) ...
 *	if (rc < 0) ... e.msg names the file, line and column
 *	csv_free(c);
 *
 * Ownership: the reader borrows the FILE* (the caller closes it) or the
 * memory buffer (which must outlive the reader); csv_open_path() owns its
 * FILE*.  Field spans point into the reader's buffers (its record buffer,
 * or its read buffer for a FILE*): valid until the next csv_next() or
 * csv_free(), NUL-terminated (ptr[len] == '\0').  No
 * allocation happens per field; buffers grow to the largest record and are
 * reused.
 *
 * Errors (ERR_INVALID, ERR_LIMIT, ERR_IO, ERR_NOMEM) read like
 *	file.csv: line 7: column "Month": invalid UTF-8 at byte 3
 * The line is the physical line (1-based) where the problem is.  Once
 * csv_next() has failed it keeps returning the same error.
 */
#ifndef ENGAGE_IMPORT_CSV_H
#define ENGAGE_IMPORT_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

struct csv_field {
	const char *ptr;	/* NUL-terminated */
	size_t len;
};

struct csv_limits {
	size_t max_field;	/* bytes in one field */
	size_t max_record;	/* bytes in one record */
	size_t max_fields;	/* fields in one record */
};
/* 64 KiB per field, 1 MiB per record, 1024 fields: far above any open data
 * file Engage reads, far below what would hurt the server. */
#define CSV_LIMITS_DEFAULT { 65536, 1048576, 1024 }

struct csv;

/* `name` (copied) is what error messages call the input, usually the file's
 * base name.  `lim` may be NULL for the defaults.  NULL on allocation failure. */
struct csv *csv_open_file(FILE *fp, const char *name, const struct csv_limits *lim);
struct csv *csv_open_mem(const void *buf, size_t len, const char *name,
			 const struct csv_limits *lim);
/* Open a path for reading; errors name the path.  Messages call the input by
 * the path's base name. */
int csv_open_path(const char *path, const struct csv_limits *lim, struct csv **out,
		  struct err *e);
void csv_free(struct csv *c);

/* Read the next record: 1 when there is one, 0 at the end, or <0 (an ERR_*
 * code) with e filled. */
int csv_next(struct csv *c, struct err *e);
size_t csv_nfields(const struct csv *c);
/* Field i of the current record (i < csv_nfields()). */
struct csv_field csv_field(const struct csv *c, size_t i);
const struct csv_field *csv_fields(const struct csv *c);
/* Physical line number where the current record starts (1-based). */
long csv_line(const struct csv *c);
/* The name given at open. */
const char *csv_name(const struct csv *c);

/* Read the next record as the header: its names are kept (copied) for
 * csv_column() and for error messages.  0 when the input is empty is an
 * error: ERR_INVALID "file.csv: empty file, expected a header". */
int csv_read_header(struct csv *c, struct err *e);
/* Number of header columns (0 before csv_read_header). */
size_t csv_header_count(const struct csv *c);
/* Header name of column i, or NULL when there is none. */
const char *csv_header_name(const struct csv *c, size_t i);
/* Index of the header column named exactly `name`, or -1. */
long csv_column(const struct csv *c, const char *name);

#endif
