/*
 * escape.c - HTML escaping (see escape.h).
 */
#include "base/escape.h"

void escape_html(struct strbuf *out, const char *s, size_t n)
{
	size_t run = 0, i;

	for (i = 0; i < n; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\0': rep = ""; break;
		default: run++; continue;
		}
		strbuf_add(out, s + i - run, run);
		run = 0;
		strbuf_addstr(out, rep);
	}
	strbuf_add(out, s + i - run, run);
}
