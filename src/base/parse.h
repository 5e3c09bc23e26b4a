/*
 * parse.h - strict number and date parsing from a bounded span.
 *
 * Each parser takes a pointer and a length (a CSV field, a query value),
 * accepts the whole span or nothing, and never reads past it.  They replace
 * atoi/strtol at every input boundary: "12abc", "", " 12" and overflow are
 * all refused with -1 rather than read as a number.
 */
#ifndef ENGAGE_PARSE_H
#define ENGAGE_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* Optional leading '-', then digits. */
int parse_int64(const char *s, size_t n, int64_t *out);
/* Like parse_int64 but within [min, max]. */
int parse_int_range(const char *s, size_t n, int64_t min, int64_t max, int64_t *out);
/* A decimal number such as "-0.112422" or "51.5"; no exponent, no inf/nan. */
int parse_double(const char *s, size_t n, double *out);
/* A decimal degree with up to 6 decimals, as an integer in millionths
 * ("51.515381" -> 51515381); more decimals are rounded. */
int parse_microdegrees(const char *s, size_t n, int32_t *out);
/* "YYYY-MM" -> YYYY*12 + (MM-1), a month number that sorts and subtracts. */
int parse_month(const char *s, size_t n, int32_t *out);
/* "True"/"False"/"" (police.uk booleans) -> 1/0/-1 for unknown. */
int parse_police_bool(const char *s, size_t n, int8_t *out);

/* Month number back to "YYYY-MM" (buf holds at least 8 bytes). */
void format_month(int32_t month, char buf[8]);

#endif
