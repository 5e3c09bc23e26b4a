/*
 * pages.h - what every HTML page handler shares: the security headers, the
 * language a request is answered in, and the page context the layout needs.
 *
 * Language: the engage_lang cookie ("en" or "cy", set by the switch at
 * /language/{code}) wins; without it, the browser's Accept-Language picks
 * between English and Welsh; English otherwise.  Pages vary on both
 * headers, so caches keep the languages apart.
 */
#ifndef ENGAGE_PAGES_H
#define ENGAGE_PAGES_H

#include "views/layout.h"
#include "web/http.h"

#define WEB_LANG_COOKIE "engage_lang"

/* Content-Type text/html, Content-Security-Policy (no inline script or
 * style, no framing), Referrer-Policy and Vary. */
void web_page_headers(struct http_response *res);
/* A page for one person (a form they filled in, a staff page): the same
 * headers, Cache-Control: no-store, and `status`. */
void web_private_page(struct http_response *res, int status);
/* The language `req` is answered in. */
enum lang web_request_lang(const struct http_request *req);
/* A public page's context: language, its own path, its navigation item. */
void web_page_ctx(const struct http_request *req, enum nav_item nav, struct page_ctx *pc);
/* Answer with the "page not found" page in the request's language. */
int web_page_not_found(const struct http_request *req, struct http_response *res,
		       enum msg_id why);

/* Whether `p` is a path on this site ("/x", not "//host" or "/\\host"),
 * printable ASCII only: safe as a redirect target. */
int web_local_path(const char *p);

/* GET /language/{code}?back=/path: remember the language in a cookie for a
 * year and go back to `back` (a path on this site; anything else goes to
 * "/", so the switch cannot be used to send people elsewhere). */
int web_language_switch(void *app, const struct http_request *req, struct http_response *res);

#endif
