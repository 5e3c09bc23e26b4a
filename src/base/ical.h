/*
 * ical.h - an iCalendar (RFC 5545) writer: content lines with their
 * escaping and folding done at the sink, as html.h does for HTML.
 *
 *	struct ical ic;
 *	ical_init(&ic, &sb);
 *	ical_line(&ic, "BEGIN", "VCALENDAR");
 *	ical_text(&ic, "SUMMARY", "PACT meeting; all welcome");   -> \; escaped
 *	ical_time(&ic, "DTSTART", t);                             -> 20261120T190000Z
 *	ical_line(&ic, "END", "VCALENDAR");
 *
 * Every line ends with CRLF.  A line longer than 75 octets is folded (CRLF
 * then one space) at a character boundary, so a UTF-8 sequence (Welsh ŵ,
 * ŷ) is never split.  TEXT values escape backslash, semicolon and comma
 * with a backslash and write a newline as \n (RFC 5545 3.3.11); a CR and
 * other control characters are dropped.  Times are written in UTC ("Z"),
 * which every calendar shows in its own zone.
 * Output goes to a caller-owned strbuf; check sb.failed once at the end.
 */
#ifndef ENGAGE_ICAL_H
#define ENGAGE_ICAL_H

#include <stdint.h>

#include "base/strbuf.h"

#define ICAL_LINE_MAX 75	/* octets per line before folding, without CRLF */

struct ical {
	struct strbuf *out;
};

void ical_init(struct ical *ic, struct strbuf *out);
/* NAME:value with `value` written as it is (a value Engage made: "2.0",
 * "PUBLISH", a URI it checked); folded. */
void ical_line(struct ical *ic, const char *name, const char *value);
/* NAME:value with `value` escaped as TEXT; nothing is written for NULL. */
void ical_text(struct ical *ic, const char *name, const char *value);
/* NAME:YYYYMMDDTHHMMSSZ for UTC seconds `t`. */
void ical_time(struct ical *ic, const char *name, int64_t t);

/* `value` escaped as TEXT, appended to `out` (no folding): for tests and
 * for callers building a value from parts. */
void ical_escape(struct strbuf *out, const char *value);

#endif
