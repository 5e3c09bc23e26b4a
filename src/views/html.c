/*
 * html.c - context-specific escaping (see html.h).
 */
#include "views/html.h"

#include "base/escape.h"

#include <inttypes.h>
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

void html_count(struct html *h, int64_t v)
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%" PRId64, v < 0 ? -v : v);

	if (v < 0)
		strbuf_addch(h->out, '-');
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			strbuf_addch(h->out, ',');
		strbuf_addch(h->out, digits[i]);
	}
}

void html_raw(struct html *h, const char *trusted_html)
{
	strbuf_addstr(h->out, trusted_html);
}
