/*
 * layout.h - the frame every page shares, built from govuk-frontend's
 * components with Engage's own name: doctype and language, skip link, the
 * header and service navigation, the language switch, the main landmark,
 * and the footer with the Open Government Licence attribution.
 *
 * No inline script or style, so the strict Content-Security-Policy holds.
 * Every page loads /assets/engage.css and the module /assets/engage.mjs,
 * which starts govuk-frontend's components and any progressive enhancement
 * a page asks for with data- attributes (a map, a chart); with JavaScript
 * off the page is whole without it.
 */
#ifndef ENGAGE_LAYOUT_H
#define ENGAGE_LAYOUT_H

#include "views/html.h"

/* The service navigation's items; a page names the one it belongs to. */
enum nav_item {
	NAV_NONE,
	NAV_NEIGHBOURHOODS,
	NAV_FIND,
	NAV_CONCERN,
	NAV_TRACK,
	NAV_DATA,
	NAV_STAFF,
};

/* What the frame needs to know about the request. */
struct page_ctx {
	enum lang lang;
	/* The page's own path and query, already checked by the router, for
	 * the language switch to come back to; NULL returns to "/". */
	const char *path;
	enum nav_item nav;
	/* A signed-in staff member's display name, and their session's CSRF
	 * token for the sign-out button; both NULL on public pages. */
	const char *staff_name;
	const char *csrf;
};

/* Opens the page up to the start of the page's own content inside <main>;
 * `title` is plain text ("Page title - Engage" in the tab).  Sets h->lang. */
void layout_begin(struct html *h, const struct page_ctx *pc, const char *title);
/* Closes <main>, writes the footer and ends the document. */
void layout_end(struct html *h, const struct page_ctx *pc);
/* A whole "page not found" page with a one-line explanation. */
void page_not_found(struct strbuf *out, const struct page_ctx *pc, enum msg_id why);

/* The link a page's language switch follows: /language/cy?back=<path>. */
void layout_language_href(struct html *h, enum lang to, const char *back);

#endif
