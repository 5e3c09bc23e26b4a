/*
 * form.h - an HTML form's fields from an application/x-www-form-urlencoded
 * body, for the page handlers that answer a form with a page (naming each
 * wrong field beside it) rather than with the router's JSON 400.
 *
 * The router checks declared query parameters for the API; a form page
 * declares none of its fields and parses the body here instead:
 *
 *	struct web_form f;
 *	if (web_form_parse(req, &f) < 0) ...		(ERR_LIMIT, ERR_INVALID)
 *	const char *name = web_form_get(&f, "name");	(NULL when absent)
 *	web_form_release(&f);
 *
 * Values are percent-decoded ("+" is a space) and checked to be valid UTF-8
 * without control characters other than tab, CR and LF (a textarea's line
 * breaks); a field that is not is refused with ERR_INVALID naming it, so a
 * handler only ever sees clean text.  Repeated names are kept in order
 * (web_form_get_nth), for rows of a bulk entry.
 */
#ifndef ENGAGE_FORM_H
#define ENGAGE_FORM_H

#include <stddef.h>

#include "base/err.h"
#include "web/http.h"

#define WEB_FORM_MAX_FIELDS 1024

struct web_form {
	char *buf;			/* the decoded copy of the body */
	struct http_kv *fields;
	size_t n;
};

/* Parse `req`'s body.  A POST with no body, or not form-encoded, gives an
 * empty form.  ERR_LIMIT over WEB_FORM_MAX_FIELDS fields, ERR_INVALID for
 * a field that is not clean text (e->msg names it). */
int web_form_parse(const struct http_request *req, struct web_form *f, struct err *e);
/* Parse a urlencoded string (a body or a query) of `len` bytes. */
int web_form_parse_text(const char *text, size_t len, struct web_form *f, struct err *e);
void web_form_release(struct web_form *f);
/* The first value of field `name`, or NULL. */
const char *web_form_get(const struct web_form *f, const char *name);
/* The `i`th value (from 0) of field `name`, or NULL. */
const char *web_form_get_nth(const struct web_form *f, const char *name, size_t i);

/* Decode a urlencoded component in place ("+" is a space, %XX a byte);
 * returns s.  Shared with the router. */
char *web_form_decode(char *s);

#endif
