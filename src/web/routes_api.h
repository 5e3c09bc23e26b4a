/*
 * routes_api.h - the handlers of the police.uk-compatible API under /api/.
 *
 * Each adapts one request to one src/api/ function: it reads the declared
 * parameters (the rows in routes.c say which, with their validators),
 * turns them into plain values and writes the JSON answer.  The rows live
 * in the one route table, web_routes[] in routes.c.  Errors: 404 unknown
 * force, neighbourhood or category; 400 bad date, malformed poly or a
 * missing location; 503 over 10,000 results (even for POST).
 */
#ifndef ENGAGE_ROUTES_API_H
#define ENGAGE_ROUTES_API_H

#include "base/err.h"
#include "web/http.h"

struct web_app;

#define API_HANDLER(name) \
	int name(void *app, const struct http_request *req, struct http_response *res)

API_HANDLER(h_api_forces);
API_HANDLER(h_api_force);
API_HANDLER(h_api_force_people);
API_HANDLER(h_api_neighbourhoods);
API_HANDLER(h_api_neighbourhood);
API_HANDLER(h_api_boundary);
API_HANDLER(h_api_nbhd_people);
API_HANDLER(h_api_events);
API_HANDLER(h_api_priorities);
API_HANDLER(h_api_locate);
API_HANDLER(h_api_crimes_street);
API_HANDLER(h_api_crimes_at_location);
API_HANDLER(h_api_crimes_no_location);
API_HANDLER(h_api_crime_categories);
API_HANDLER(h_api_crime_last_updated);
API_HANDLER(h_api_crimes_street_dates);
API_HANDLER(h_api_outcomes_for_crime);
API_HANDLER(h_api_outcomes_at_location);
API_HANDLER(h_api_stops_street);
API_HANDLER(h_api_stops_at_location);
API_HANDLER(h_api_stops_no_location);
API_HANDLER(h_api_stops_force);

/* Render the answers that never change while a read model lives (forces,
 * crime categories, dates, last updated) into the web_app; released by
 * web_app_release(). */
int web_api_prepare(struct web_app *wa, struct err *e);
void web_api_release(struct web_app *wa);

#endif
