/*
 * csvout.h - the CSV writer every public CSV goes through.
 *
 * RFC 4180: fields are separated by commas; a field holding a comma, a
 * double quote, CR or LF is wrapped in double quotes with inner quotes
 * doubled.  Rows end in LF, as police.uk's own monthly files do (checked
 * against the real files in ../shared/data/police-uk/); a writer can be
 * switched to CRLF for consumers that want RFC 4180's line ending.
 *
 * Formula injection: a spreadsheet runs a cell that begins with '=', '+',
 * '-', '@', TAB or CR as a formula.  Every TEXT cell (csvout_text) that
 * begins with one of these is written with a leading apostrophe ("'=1+1"),
 * which spreadsheets show as text.  Numbers written with csvout_int,
 * csvout_micro (coordinates) are produced here from integers, so they can
 * never carry a formula and are written as they are ("-0.112422"), keeping
 * the columns numeric for CSV-on-the-Web validation.
 *
 * Output is appended to a caller-owned strbuf; check sb.failed at the end.
 */
#ifndef ENGAGE_CSVOUT_H
#define ENGAGE_CSVOUT_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

struct csvout {
	struct strbuf *out;
	int crlf;	/* 1: end rows with CRLF instead of LF */
	int ncells;	/* cells written in the current row */
};

void csvout_init(struct csvout *c, struct strbuf *out);

/* One text cell: quoted when needed, neutralised when it could run as a
 * formula.  NULL writes an empty cell. */
void csvout_text(struct csvout *c, const char *s);
/* An empty cell. */
void csvout_empty(struct csvout *c);
void csvout_int(struct csvout *c, int64_t v);
/* Millionths of a degree as a decimal with six places: -112422 -> "-0.112422". */
void csvout_micro(struct csvout *c, int32_t v);
/* End the current row. */
void csvout_end_row(struct csvout *c);

/* Write a whole header row from a NULL-terminated list of titles. */
void csvout_header(struct csvout *c, const char *const *titles);

/* 1 when a text cell beginning with this byte is neutralised. */
int csvout_is_formula_start(char ch);

#endif
