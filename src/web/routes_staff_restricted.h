/*
 * routes_staff_restricted.h - the restricted records on the staff pages:
 * community impact assessments (views/page_cia.h) and partners' data
 * (views/page_partner.h).  Only roles that may
 * see them get in, in their own neighbourhoods; opening one asks why and
 * is recorded; recording and reviewing need an officer or sergeant.
 *
 *	GET, POST /staff/neighbourhoods/{force}/{id}/impact-assessments
 *	GET /staff/impact-assessments/{cia}  (asks why), POST (purpose, csrf: shows it)
 *	POST /staff/impact-assessments/{cia}/reviews
 */
#ifndef ENGAGE_ROUTES_STAFF_RESTRICTED_H
#define ENGAGE_ROUTES_STAFF_RESTRICTED_H

#include "web/http.h"

int web_cia_list_page(void *app, const struct http_request *req, struct http_response *res);
int web_cia_record_page(void *app, const struct http_request *req, struct http_response *res);
int web_cia_review_post(void *app, const struct http_request *req, struct http_response *res);
/* GET, POST /staff/neighbourhoods/{force}/{id}/partner-data: a partner
 * submits and sees what its agreement allows; the team sees submissions. */
int web_partner_page(void *app, const struct http_request *req, struct http_response *res);

#endif
