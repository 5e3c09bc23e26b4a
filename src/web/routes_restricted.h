/*
 * routes_restricted.h - the staff JSON API of the restricted records:
 * community impact assessments, risk assessments, information-sharing
 * agreements and partners' data (docs/api-v1.md).  Every route needs an
 * API token; the services check the token's user against each record's
 * force and neighbourhood and write the audit trail.  Opening one record
 * needs ?purpose=.
 */
#ifndef ENGAGE_ROUTES_RESTRICTED_H
#define ENGAGE_ROUTES_RESTRICTED_H

#include "web/http.h"

int web_cia_add(void *app, const struct http_request *req, struct http_response *res);
int web_cia_show(void *app, const struct http_request *req, struct http_response *res);
int web_cia_review(void *app, const struct http_request *req, struct http_response *res);
int web_cia_list(void *app, const struct http_request *req, struct http_response *res);
int web_risk_contact(void *app, const struct http_request *req, struct http_response *res);
int web_risk_show(void *app, const struct http_request *req, struct http_response *res);
int web_risk_list(void *app, const struct http_request *req, struct http_response *res);
int web_sharing_agree(void *app, const struct http_request *req, struct http_response *res);
int web_sharing_list(void *app, const struct http_request *req, struct http_response *res);
int web_sharing_submit(void *app, const struct http_request *req, struct http_response *res);
int web_sharing_submissions(void *app, const struct http_request *req,
			    struct http_response *res);
int web_sharing_concerns(void *app, const struct http_request *req, struct http_response *res);

#endif
