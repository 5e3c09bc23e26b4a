/*
 * timeutil.h - instants in UTC, shown in Europe/London.
 *
 * Engage stores every instant as seconds since the Unix epoch, UTC.  People
 * see Europe/London wall time: GMT in winter, BST (UTC+1) from 01:00 UTC on
 * the last Sunday of March to 01:00 UTC on the last Sunday of October (the
 * Summer Time Order 2002).  The rule is computed here rather than through
 * TZ and localtime_r so that no global environment is touched.
 */
#ifndef ENGAGE_TIMEUTIL_H
#define ENGAGE_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t days, int *y, int *m, int *d);

/* Offset of Europe/London from UTC at the instant t, in seconds (0 or 3600). */
int london_offset(int64_t t);

/* "2026-11-22T03:40:01Z" */
void time_format_utc(int64_t t, char buf[21]);
/* London wall time "2026-07-01T19:00:00" (police.uk events format). */
void time_format_london(int64_t t, char buf[20]);

/* Parse ISO 8601 "YYYY-MM-DDTHH:MM[:SS]" followed by "Z", "+hh:mm" or
 * nothing (nothing = Europe/London wall time). Returns 0 or -1. */
int time_parse_iso(const char *s, size_t n, int64_t *out);

int64_t time_now(void);

#endif
