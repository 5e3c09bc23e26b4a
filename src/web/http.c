/*
 * http.c - the adapter-neutral half of http.h: lookups on a request,
 * building responses and JSON error bodies.  Kept apart from http_mhd.c so
 * a second adapter reuses it unchanged.
 */
#include "web/http.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/json.h"
#include "base/parse.h"

void http_options_default(struct http_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->bind_address = "127.0.0.1";
	opt->port = 8080;
	opt->max_body_bytes = 1024 * 1024;
	opt->max_header_bytes = 16 * 1024;
	opt->request_timeout_s = 30;
	opt->max_connections = 256;
	opt->threads = 2;
	opt->access_log = 1;
}

const char *http_query(const struct http_request *req, const char *name)
{
	for (size_t i = 0; i < req->nquery; i++)
		if (!strcmp(req->query[i].name, name))
			return req->query[i].value;
	return NULL;
}

const char *http_header(const struct http_request *req, const char *name)
{
	for (size_t i = 0; i < req->nheaders; i++)
		if (!strcasecmp(req->headers[i].name, name))
			return req->headers[i].value;
	return NULL;
}

const char *http_param(const struct http_request *req, const char *name)
{
	for (size_t i = 0; i < req->nparams; i++)
		if (!strcmp(req->params[i].name, name))
			return req->params[i].value;
	return NULL;
}

static const struct {
	const char *name;
	unsigned bit;
} methods[] = {
	{ "GET", HTTP_GET }, { "HEAD", HTTP_HEAD }, { "POST", HTTP_POST },
	{ "PUT", HTTP_PUT }, { "DELETE", HTTP_DELETE }, { "PATCH", HTTP_PATCH },
	{ "OPTIONS", HTTP_OPTIONS },
};

unsigned http_method_bit(const char *method)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (!strcmp(methods[i].name, method))
			return methods[i].bit;
	return 0;
}

void http_response_init(struct http_response *res)
{
	memset(res, 0, sizeof(*res));
	strbuf_init(&res->body, 0);
}

void http_response_release(struct http_response *res)
{
	strbuf_release(&res->body);
	res->borrowed = NULL;
	res->borrowed_len = 0;
}

static int has_bad_byte(const char *s)
{
	return strpbrk(s, "\r\n") != NULL;
}

int http_response_header(struct http_response *res, const char *name,
			 const char *value)
{
	size_t nlen = strlen(name), vlen = strlen(value);

	if (!nlen || has_bad_byte(name) || has_bad_byte(value) || strchr(name, ':'))
		return ERR_INVALID;
	if (res->nheaders >= HTTP_MAX_RES_HEADERS || nlen >= HTTP_HEADER_NAME_MAX ||
	    vlen >= HTTP_HEADER_VALUE_MAX)
		return ERR_LIMIT;
	memcpy(res->headers[res->nheaders].name, name, nlen + 1);
	memcpy(res->headers[res->nheaders].value, value, vlen + 1);
	res->nheaders++;
	return 0;
}

void http_response_borrow(struct http_response *res, const char *data, size_t len)
{
	strbuf_release(&res->body);
	res->borrowed = data;
	res->borrowed_len = len;
}

static const struct {
	int status;
	const char *code;
} status_codes[] = {
	{ 400, "bad_request" }, { 403, "forbidden" }, { 404, "not_found" },
	{ 405, "method_not_allowed" }, { 408, "request_timeout" },
	{ 409, "conflict" }, { 413, "body_too_large" }, { 414, "uri_too_long" },
	{ 431, "headers_too_large" }, { 500, "internal_error" },
	{ 501, "not_implemented" }, { 503, "unavailable" },
};

const char *http_status_code(int status)
{
	for (size_t i = 0; i < sizeof(status_codes) / sizeof(status_codes[0]); i++)
		if (status_codes[i].status == status)
			return status_codes[i].code;
	return status >= 500 ? "internal_error" : status >= 400 ? "bad_request" : "ok";
}

void http_response_error(struct http_response *res, int status,
			 const char *code, const char *fmt, ...)
{
	struct json_writer jw;
	struct strbuf msg = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);

	http_response_borrow(res, NULL, 0);
	strbuf_reset(&res->body);
	res->status = status;
	res->content_type = "application/json";
	json_init(&jw, &res->body);
	json_object_begin(&jw);
	json_key(&jw, "error");
	json_object_begin(&jw);
	json_key_int(&jw, "status", status);
	json_key_str(&jw, "code", code ? code : http_status_code(status));
	json_key_str(&jw, "message", strbuf_str(&msg));
	json_object_end(&jw);
	json_object_end(&jw);
	strbuf_addch(&res->body, '\n');
	strbuf_release(&msg);
}

int http_status_for_err(int code, const struct http_request *req)
{
	switch (code) {
	case ERR_INVALID:
		return 400;
	case ERR_DENIED:
		return 403;
	case ERR_NOTFOUND:
		return 404;
	case ERR_CONFLICT:
		return 409;
	case ERR_LIMIT:
		return req && req->body_len ? 413 : 503;
	case ERR_BUSY:
		return 503;
	default:
		return 500;
	}
}

static int cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) ||
	       (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
}

/* Looks for `name` in one Cookie header value ("a=1; b=2"). */
static int cookie_in(const char *h, const char *name, char *out, size_t size)
{
	size_t nlen = strlen(name);

	while (h && *h) {
		const char *end, *v;
		size_t vlen;

		while (*h == ' ' || *h == '\t' || *h == ';')
			h++;
		end = strchr(h, ';');
		if (!end)
			end = h + strlen(h);
		if ((size_t)(end - h) > nlen && !strncmp(h, name, nlen) && h[nlen] == '=') {
			v = h + nlen + 1;
			vlen = (size_t)(end - v);
			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"')
				v++, vlen -= 2;
			if (vlen >= size)
				return -1;
			for (size_t i = 0; i < vlen; i++)
				if (!cookie_octet((unsigned char)v[i]))
					return -1;
			memcpy(out, v, vlen);
			out[vlen] = '\0';
			return (int)vlen;
		}
		h = end;
	}
	return -1;
}

int http_cookie(const struct http_request *req, const char *name, char *out, size_t size)
{
	if (!size)
		return -1;
	for (size_t i = 0; i < req->nheaders; i++) {
		int n;

		if (strcasecmp(req->headers[i].name, "Cookie"))
			continue;
		n = cookie_in(req->headers[i].value, name, out, size);
		if (n >= 0)
			return n;
	}
	return -1;
}

int64_t http_param_id(const struct http_request *req, const char *name)
{
	const char *v = http_param(req, name);
	int64_t id = 0;

	if (!v || parse_int_range(v, strlen(v), 1, INT64_MAX, &id) < 0)
		return 0;
	return id;
}
