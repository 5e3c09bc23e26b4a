/*
 * html.c - context-specific escaping (see html.h).
 */
#include "views/html.h"

#include "base/escape.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void html_markup(struct html *h, const char *literal)
{
	strbuf_addstr(h->out, literal);
}

void html_textn(struct html *h, const char *s, size_t n)
{
	escape_html(h->out, s, n);
}

void html_text(struct html *h, const char *s)
{
	if (s)
		escape_html(h->out, s, strlen(s));
}

void html_attr(struct html *h, const char *s)
{
	html_text(h, s);
}

void html_url_arg(struct html *h, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			strbuf_addch(h->out, (char)c);
		} else {
			char enc[3] = { '%', hex[c >> 4], hex[c & 15] };
			strbuf_add(h->out, enc, 3);
		}
	}
}

void html_int(struct html *h, int64_t v)
{
	strbuf_addf(h->out, "%" PRId64, v);
}

const char *count_text(int64_t v, char buf[32])
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%" PRIu64,
			 v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
	size_t k = 0;

	if (v < 0)
		buf[k++] = '-';
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

void html_count(struct html *h, int64_t v)
{
	char buf[32];

	strbuf_addstr(h->out, count_text(v, buf));
}

void html_raw(struct html *h, const char *trusted_html)
{
	strbuf_addstr(h->out, trusted_html);
}

const char *html_msg_plain(const struct html *h, enum msg_id id)
{
	return msg_text(h->lang, id);
}

void html_msg(struct html *h, enum msg_id id)
{
	html_text(h, msg_text(h->lang, id));
}

/* Writes the template with each {k} (1 to 9) replaced by args[k-1], taken
 * as HTML when `escape_args` is 0 and as text otherwise; the template's own
 * text is always escaped.  A placeholder with no argument is dropped. */
static void fill(struct html *h, enum msg_id id, const char *const *args, size_t nargs,
		 int escape_args)
{
	const char *t = msg_text(h->lang, id), *run = t;

	for (; *t; t++) {
		if (t[0] != '{' || t[1] < '1' || t[1] > '9' || t[2] != '}')
			continue;
		html_textn(h, run, (size_t)(t - run));
		size_t k = (size_t)(t[1] - '1');
		if (k < nargs && args[k]) {
			if (escape_args)
				html_text(h, args[k]);
			else
				strbuf_addstr(h->out, args[k]);
		}
		t += 2;
		run = t + 1;
	}
	html_textn(h, run, (size_t)(t - run));
}

void html_msgv(struct html *h, enum msg_id id, const char *const *html_args, size_t nargs)
{
	fill(h, id, html_args, nargs, 0);
}

void html_msg_args(struct html *h, enum msg_id id, ...)
{
	const char *args[9];
	size_t n = 0;
	va_list ap;

	va_start(ap, id);
	for (const char *a; n < 9 && (a = va_arg(ap, const char *));)
		args[n++] = a;
	va_end(ap);
	fill(h, id, args, n, 1);
}
