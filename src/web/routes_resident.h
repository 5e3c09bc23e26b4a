/*
 * routes_resident.h - the resident-facing pages: find your neighbourhood
 * and a neighbourhood's page, with its calendar feed, one meeting's .ics
 * and the GeoJSON its map draws.
 *
 *	GET /find?q=Mill+Close | ?lat=52.34&lng=-4.45
 *		one neighbourhood matches: 303 to its page; several: a list;
 *		none: the form again with help
 *	GET /neighbourhoods/{force}/{id}			the page (HTML)
 *	GET /neighbourhoods/{force}/{id}/events.ics		calendar feed (text/calendar)
 *	GET /neighbourhoods/{force}/{id}/meetings/{n}.ics	one meeting (attachment)
 *	GET /neighbourhoods/{force}/{id}/map.geojson		boundary and crime points
 *
 * web_resident_prepare() builds what these share, once, before serving:
 * the finder (engage/find.h) and every neighbourhood's police.uk counts
 * (views/page_neighbourhood.h).  Engage's own records are read from the
 * store per request, under wa->store_lock.
 */
#ifndef ENGAGE_ROUTES_RESIDENT_H
#define ENGAGE_ROUTES_RESIDENT_H

#include "web/routes.h"

int web_resident_prepare(struct web_app *wa, struct err *e);
void web_resident_release(struct web_app *wa);

int web_find(void *app, const struct http_request *req, struct http_response *res);
int web_neighbourhood(void *app, const struct http_request *req, struct http_response *res);
int web_nb_calendar(void *app, const struct http_request *req, struct http_response *res);
int web_nb_meeting(void *app, const struct http_request *req, struct http_response *res);
int web_nb_map(void *app, const struct http_request *req, struct http_response *res);

#endif
