/*
 * pages.c - helpers shared by the HTML page handlers (see pages.h).
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

void web_page_headers(struct http_response *res)
{
	res->content_type = "text/html; charset=utf-8";
	http_response_header(res, "Content-Security-Policy",
			     "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			     "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
	http_response_header(res, "Referrer-Policy", "strict-origin-when-cross-origin");
	http_response_header(res, "Vary", "Cookie, Accept-Language");
}

void web_private_page(struct http_response *res, int status)
{
	web_page_headers(res);
	http_response_header(res, "Cache-Control", "no-store");
	res->status = status;
}

enum lang web_request_lang(const struct http_request *req)
{
	char code[8];

	if (http_cookie(req, WEB_LANG_COOKIE, code, sizeof(code)) >= 0)
		return lang_from_code(code, LANG_EN);
	return lang_from_accept(http_header(req, "Accept-Language"), LANG_EN);
}

void web_page_ctx(const struct http_request *req, enum nav_item nav, struct page_ctx *pc)
{
	memset(pc, 0, sizeof(*pc));
	pc->lang = web_request_lang(req);
	pc->path = req->path;
	pc->nav = nav;
}

int web_page_not_found(const struct http_request *req, struct http_response *res,
		       enum msg_id why)
{
	struct page_ctx pc;

	web_page_ctx(req, NAV_NONE, &pc);
	strbuf_reset(&res->body);
	web_page_headers(res);
	page_not_found(&res->body, &pc, why);
	res->status = 404;
	return 0;
}

/* "/" then not "/" or "\" (which browsers read as another host); printable
 * ASCII only, so the Location header stays one line. */
int web_local_path(const char *p)
{
	if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\')
		return 0;
	for (; *p; p++)
		if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
			return 0;
	return 1;
}

int web_language_switch(void *app, const struct http_request *req, struct http_response *res)
{
	enum lang to = lang_from_code(http_param(req, "code"), LANG_COUNT);
	const char *back = http_query(req, "back");
	char cookie[96];

	if (to == LANG_COUNT)
		return err_set(&res->err, ERR_NOTFOUND, "Engage speaks English (en) and Welsh (cy)");
	snprintf(cookie, sizeof(cookie), WEB_LANG_COOKIE "=%s; Path=/; Max-Age=31536000; SameSite=Lax",
		 lang_code(to));
	http_response_header(res, "Set-Cookie", cookie);
	http_response_header(res, "Location", web_local_path(back) ? back : "/");
	http_response_header(res, "Cache-Control", "no-store");
	res->status = 303;
	return 0;
}
