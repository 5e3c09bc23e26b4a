/*
 * html.h - the HTML writer: every byte of every page goes through here.
 *
 * Escaping happens at the sink, one function per context (cgit's habit):
 *   HTML(h, "<p class=\"x\">")   markup, a string literal only (the macro
 *                                refuses anything else at compile time)
 *   html_text(h, s)              text between tags: & < > " ' escaped
 *   html_attr(h, s)              an attribute value inside double quotes
 *   html_url_arg(h, s)           one query-string or path component,
 *                                percent-encoded (then safe in an attribute)
 *   html_raw(h, s)               the one escape hatch, for HTML that Engage
 *                                itself produced; `git grep html_raw` lists
 *                                every use
 * Output goes to a caller-owned strbuf; check sb.failed once at the end.
 */
#ifndef ENGAGE_HTML_H
#define ENGAGE_HTML_H

#include <stdint.h>

#include "base/strbuf.h"
#include "views/i18n.h"

struct html {
	struct strbuf *out;
	enum lang lang;		/* the language html_msg() writes; 0 = English */
};

#define HTML(h, literal) html_markup((h), "" literal "")

void html_markup(struct html *h, const char *literal);
void html_text(struct html *h, const char *s);
void html_textn(struct html *h, const char *s, size_t n);
void html_attr(struct html *h, const char *s);
void html_url_arg(struct html *h, const char *s);
void html_int(struct html *h, int64_t v);
/* A whole number with thousands separators: 12,345. */
void html_count(struct html *h, int64_t v);
void html_raw(struct html *h, const char *trusted_html);

/* Catalogue text (i18n.h) in h->lang, escaped. */
void html_msg(struct html *h, enum msg_id id);
/* Catalogue text with {1}..{n} filled by plain-text arguments (escaped),
 * the list ended by NULL: html_msg_args(h, M_NB_LEAD, pop, homes, NULL). */
void html_msg_args(struct html *h, enum msg_id id, ...) __attribute__((sentinel));
/* The same with HTML arguments that Engage itself produced (a link, an
 * escaped name): html_msgv(h, M_FOOTER_LICENCE, (const char *[]){ link }, 1). */
void html_msgv(struct html *h, enum msg_id id, const char *const *html_args, size_t nargs);
/* Catalogue text, plain, for places that escape it themselves. */
const char *html_msg_plain(const struct html *h, enum msg_id id);
/* A whole number with thousands separators, as text: "12,345". */
const char *count_text(int64_t v, char buf[32]);

#endif
