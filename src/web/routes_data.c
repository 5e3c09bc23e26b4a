/*
 * routes_data.c - /data/ and /data/{file} (see routes_data.h).
 *
 * Files are served from memory without a copy, with their own content
 * type, a strong ETag (the set is immutable while serving) and
 * Content-Disposition so a browser saves rather than runs them.
 */
#include "web/routes_data.h"

#include "views/page_data.h"
#include "web/pages.h"
#include "web/routes.h"

#include <stdio.h>
#include <string.h>

int web_data_index(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct page_ctx pc;

	if (!wa->open_data)
		return web_page_not_found(req, res, M_NOT_FOUND_NO_DATA);
	web_page_ctx(req, NAV_DATA, &pc);
	web_page_headers(res);
	page_data(wa->open_data, &pc, &res->body);
	res->status = 200;
	return 0;
}

int web_data_redirect(void *app, const struct http_request *req, struct http_response *res)
{
	http_response_header(res, "Location", "/data/");
	res->status = 308;
	return 0;
}

int web_data_file(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const char *name = http_param(req, "file");
	const struct opendata_file *f = wa->open_data && name ? opendata_find(wa->open_data, name)
							      : NULL;
	const char *inm = http_header(req, "If-None-Match");
	char disposition[200], etag[48];

	if (!f)
		return err_set(&res->err, ERR_NOTFOUND, "no open-data file called \"%s\"",
			       name ? name : "");
	snprintf(disposition, sizeof(disposition), "attachment; filename=\"%s\"", f->name);
	snprintf(etag, sizeof(etag), "\"%.16s-%zu\"", wa->open_data_etag + 1,
		 (size_t)(f - wa->open_data->files));
	res->content_type = f->media_type;
	http_response_header(res, "ETag", etag);
	http_response_header(res, "Cache-Control", "public, max-age=300");
	http_response_header(res, "Content-Disposition", disposition);
	http_response_header(res, "Access-Control-Allow-Origin", "*");
	if (inm && !strcmp(inm, etag)) {
		res->status = 304;
		return 0;
	}
	http_response_borrow(res, f->body.buf, f->body.len);
	res->status = 200;
	return 0;
}
