/*
 * routes_data.h - the handlers of the open-data downloads: /data/ lists
 * them, /data/{file} serves one.  Their rows are in routes.c; the set they
 * serve is web_app.open_data, rendered once at start-up by the CLI through
 * publish/opendata.h (the same bytes `engage export open-data` writes).
 */
#ifndef ENGAGE_ROUTES_DATA_H
#define ENGAGE_ROUTES_DATA_H

#include "web/http.h"

int web_data_index(void *app, const struct http_request *req, struct http_response *res);
/* "/data" without the slash: 308 to "/data/". */
int web_data_redirect(void *app, const struct http_request *req, struct http_response *res);
int web_data_file(void *app, const struct http_request *req, struct http_response *res);

#endif
