/*
 * form.c - urlencoded form bodies (see form.h).
 */
#include "web/form.h"

#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "base/xalloc.h"

static int hexdig(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *web_form_decode(char *s)
{
	char *out = s, *start = s;

	for (; *s; s++) {
		if (*s == '+') {
			*out++ = ' ';
		} else if (*s == '%' && hexdig(s[1]) >= 0 && hexdig(s[2]) >= 0) {
			*out++ = (char)(hexdig(s[1]) << 4 | hexdig(s[2]));
			s += 2;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
	return start;
}

/* Clean text: valid UTF-8, no control characters but tab, CR and LF. */
static int clean_text(const char *s)
{
	size_t n = strlen(s);

	if (utf8_check(s, n) != n)
		return 0;
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\r' && *s != '\n') || *s == 0x7f)
			return 0;
	return 1;
}

int web_form_parse_text(const char *text, size_t len, struct web_form *f, struct err *e)
{
	size_t cap = 0;
	char *at;

	memset(f, 0, sizeof(*f));
	if (!text || !len)
		return 0;
	if (!(f->buf = xstrndup(text, len)))
		return err_set(e, ERR_NOMEM, "out of memory reading the form");
	for (at = f->buf; at && *at;) {
		char *amp = strchr(at, '&'), *eq;

		if (amp)
			*amp = '\0';
		eq = strchr(at, '=');
		if (eq)
			*eq = '\0';
		if (*at) {
			const char *name, *value;

			if (f->n == WEB_FORM_MAX_FIELDS) {
				web_form_release(f);
				return err_set(e, ERR_LIMIT, "the form has more than %d fields",
					       WEB_FORM_MAX_FIELDS);
			}
			/* a %00 would cut the value short unseen: refuse it */
			int nul = strstr(at, "%00") || (eq && strstr(eq + 1, "%00"));

			name = web_form_decode(at);
			value = eq ? web_form_decode(eq + 1) : "";
			if (nul || !clean_text(name) || !clean_text(value)) {
				err_set(e, ERR_INVALID, "the form field '%.40s' holds characters that are not text",
					clean_text(name) ? name : "?");
				web_form_release(f);
				return ERR_INVALID;
			}
			if (xgrow(&f->fields, &cap, f->n + 1, sizeof(*f->fields))) {
				web_form_release(f);
				return err_set(e, ERR_NOMEM, "out of memory reading the form");
			}
			f->fields[f->n++] = (struct http_kv){ name, value };
		}
		at = amp ? amp + 1 : NULL;
	}
	return 0;
}

int web_form_parse(const struct http_request *req, struct web_form *f, struct err *e)
{
	const char *ct = http_header(req, "Content-Type");

	memset(f, 0, sizeof(*f));
	if (!req->body || !req->body_len)
		return 0;
	if (ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33))
		return 0;
	return web_form_parse_text(req->body, req->body_len, f, e);
}

void web_form_release(struct web_form *f)
{
	xfree(f->buf);
	xfree(f->fields);
	memset(f, 0, sizeof(*f));
}

const char *web_form_get_nth(const struct web_form *f, const char *name, size_t i)
{
	for (size_t k = 0; k < f->n; k++)
		if (!strcmp(f->fields[k].name, name) && i-- == 0)
			return f->fields[k].value;
	return NULL;
}

const char *web_form_get(const struct web_form *f, const char *name)
{
	return web_form_get_nth(f, name, 0);
}
