/*
 * routes_concern.h - the resident's concern journey as web pages, and the
 * accessibility statement.  Their rows are in routes.c:
 *   GET  /concerns/new              the form (?force=&neighbourhood= preselects)
 *   POST /concerns/new              check, rate-limit, record; 303 to ...
 *   GET  /concerns/{ref}/raised     the confirmation with the reference
 *   GET  /concerns/track            the form; ?reference= goes to ...
 *   GET  /concerns/{ref}            the public view (no text, nothing personal)
 *   GET  /accessibility             the accessibility statement
 * Answers that may hold what a resident typed, or a reference, are sent
 * with Cache-Control: no-store.
 */
#ifndef ENGAGE_ROUTES_CONCERN_H
#define ENGAGE_ROUTES_CONCERN_H

#include "web/http.h"

int web_concern_form(void *app, const struct http_request *req, struct http_response *res);
int web_concern_raise(void *app, const struct http_request *req, struct http_response *res);
int web_concern_raised(void *app, const struct http_request *req, struct http_response *res);
int web_concern_track(void *app, const struct http_request *req, struct http_response *res);
int web_concern_show(void *app, const struct http_request *req, struct http_response *res);
int web_accessibility(void *app, const struct http_request *req, struct http_response *res);

#endif
