/*
 * ical.c - the iCalendar writer (see ical.h).  A line is built whole in a
 * scratch buffer and folded as it is copied out, so escaping and folding
 * never meet.
 */
#include "base/ical.h"

#include "base/timeutil.h"

#include <stdio.h>
#include <string.h>

void ical_init(struct ical *ic, struct strbuf *out)
{
	ic->out = out;
}

void ical_escape(struct strbuf *out, const char *value)
{
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		switch (*p) {
		case '\\': strbuf_addstr(out, "\\\\"); break;
		case ';': strbuf_addstr(out, "\\;"); break;
		case ',': strbuf_addstr(out, "\\,"); break;
		case '\n': strbuf_addstr(out, "\\n"); break;
		default:
			if (*p >= 0x20 && *p != 0x7f)
				strbuf_addch(out, (char)*p);
		}
	}
}

/* Copy one logical line out, folded before any octet that would pass
 * ICAL_LINE_MAX on its line, never inside a UTF-8 sequence. */
static void emit(struct ical *ic, const char *line, size_t n)
{
	size_t col = 0;

	for (size_t i = 0; i < n;) {
		size_t len = 1;

		if ((unsigned char)line[i] >= 0xc0)
			while (i + len < n && ((unsigned char)line[i + len] & 0xc0) == 0x80)
				len++;
		if (col + len > ICAL_LINE_MAX) {
			strbuf_addstr(ic->out, "\r\n ");
			col = 1;
		}
		strbuf_add(ic->out, line + i, len);
		col += len;
		i += len;
	}
	strbuf_addstr(ic->out, "\r\n");
}

static void property(struct ical *ic, const char *name, const char *value, int text)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addstr(&line, name);
	strbuf_addch(&line, ':');
	if (text)
		ical_escape(&line, value);
	else	/* a value that is not text (a URL, a date) holds no control
		 * characters: a CR or LF would end the line and start another */
		for (const char *c = value; *c; c++)
			if ((unsigned char)*c >= 0x20 && *c != 0x7f)
				strbuf_addch(&line, *c);
	if (line.failed)
		ic->out->failed = line.failed;
	else
		emit(ic, line.buf, line.len);
	strbuf_release(&line);
}

void ical_line(struct ical *ic, const char *name, const char *value)
{
	property(ic, name, value, 0);
}

void ical_text(struct ical *ic, const char *name, const char *value)
{
	if (value)
		property(ic, name, value, 1);
}

void ical_time(struct ical *ic, const char *name, int64_t t)
{
	char iso[21], v[17];

	time_format_utc(t, iso);	/* 2026-11-22T03:40:01Z */
	snprintf(v, sizeof(v), "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5, iso + 8, iso + 11,
		 iso + 14, iso + 17);
	property(ic, name, v, 0);
}
