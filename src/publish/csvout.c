/*
 * csvout.c - RFC 4180 CSV with formula-injection neutralising (see
 * csvout.h).
 */
#include "publish/csvout.h"

#include <inttypes.h>
#include <string.h>

void csvout_init(struct csvout *c, struct strbuf *out)
{
	c->out = out;
	c->crlf = 0;
	c->ncells = 0;
}

int csvout_is_formula_start(char ch)
{
	return ch == '=' || ch == '+' || ch == '-' || ch == '@' || ch == '\t' || ch == '\r';
}

static void separator(struct csvout *c)
{
	if (c->ncells++)
		strbuf_addch(c->out, ',');
}

void csvout_text(struct csvout *c, const char *s)
{
	int neutral, quote;

	separator(c);
	if (!s || !*s)
		return;
	neutral = csvout_is_formula_start(s[0]);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (!quote && !neutral) {	/* most cells: as they are, in one copy */
		strbuf_addstr(c->out, s);
		return;
	}
	if (quote)
		strbuf_addch(c->out, '"');
	if (neutral)
		strbuf_addch(c->out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			strbuf_addch(c->out, '"');
		strbuf_addch(c->out, *p);
	}
	if (quote)
		strbuf_addch(c->out, '"');
}

void csvout_empty(struct csvout *c)
{
	separator(c);
}

void csvout_int(struct csvout *c, int64_t v)
{
	char digits[24], *p = digits + sizeof(digits);
	uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	separator(c);
	do	/* digit by digit: printf was most of a large table's time */
		*--p = (char)('0' + a % 10);
	while ((a /= 10) != 0);
	if (v < 0)
		*--p = '-';
	strbuf_add(c->out, p, (size_t)(digits + sizeof(digits) - p));
}

void csvout_micro(struct csvout *c, int32_t v)
{
	int64_t a = v < 0 ? -(int64_t)v : v;

	separator(c);
	strbuf_addf(c->out, "%s%" PRId64 ".%06" PRId64, v < 0 ? "-" : "", a / 1000000, a % 1000000);
}

void csvout_end_row(struct csvout *c)
{
	strbuf_addstr(c->out, c->crlf ? "\r\n" : "\n");
	c->ncells = 0;
}

void csvout_header(struct csvout *c, const char *const *titles)
{
	for (; *titles; titles++)
		csvout_text(c, *titles);
	csvout_end_row(c);
}
