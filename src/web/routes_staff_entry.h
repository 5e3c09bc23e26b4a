/*
 * routes_staff_entry.h - the staff pages that get engagement into Engage,
 * for one neighbourhood (views/page_staff_entry.h draws them):
 *
 *	GET       /staff/neighbourhoods/{force}/{id}                what needs doing, links
 *	GET, POST /staff/neighbourhoods/{force}/{id}/postcards      many concerns at once
 *	GET, POST /staff/neighbourhoods/{force}/{id}/activities/new log an activity
 *	GET, POST /staff/neighbourhoods/{force}/{id}/profile        profile, assets, notes
 *	GET, POST /staff/neighbourhoods/{force}/{id}/plan           the engagement plan
 *
 * Every one goes through the staff door (web/staff.h: signed in, the
 * role's permission, CSRF on a POST) and then checks the neighbourhood is
 * the member's (403 otherwise) and known (404).  Reading needs
 * PERM_VIEW_INTERNAL; typing in needs PERM_RECORD_ENGAGEMENT.  A POST
 * that is wrong shows the page again with every value kept and each
 * problem named (400); one that worked answers 303, so a reload does not
 * save twice.
 */
#ifndef ENGAGE_ROUTES_STAFF_ENTRY_H
#define ENGAGE_ROUTES_STAFF_ENTRY_H

#include "web/http.h"

int web_staff_nbhd(void *app, const struct http_request *req, struct http_response *res);
int web_staff_postcards(void *app, const struct http_request *req, struct http_response *res);
int web_staff_activity_new(void *app, const struct http_request *req, struct http_response *res);
int web_staff_profile(void *app, const struct http_request *req, struct http_response *res);
int web_staff_plan(void *app, const struct http_request *req, struct http_response *res);

#endif
