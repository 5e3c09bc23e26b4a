/*
 * fuzz_web_input.c - libFuzzer target for what a browser sends the pages:
 * form bodies (web/form.h), cookies (http_cookie), Accept-Language
 * (views/i18n.h), the router's query-parameter checks (web/router.h) and
 * the personal-data check on public text (engage/pii.h).  The first byte
 * picks the parser; the rest is the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "engage/pii.h"
#include "views/i18n.h"
#include "web/form.h"
#include "web/http.h"
#include "web/router.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void form(const char *text, size_t len)
{
	struct web_form f;
	struct err e = ERR_INIT;

	if (web_form_parse_text(text, len, &f, &e) < 0)
		return;
	/* every field handed on is clean UTF-8 text */
	for (size_t i = 0; i < f.n; i++)
		if (utf8_check(f.fields[i].value, strlen(f.fields[i].value)) != strlen(f.fields[i].value))
			__builtin_trap();
	web_form_release(&f);
}

static void cookie(const char *text)
{
	struct http_kv h = { "Cookie", text };
	struct http_request req = { .headers = &h, .nheaders = 1 };
	char out[64];
	int n = http_cookie(&req, "engage_lang", out, sizeof(out));

	if (n >= (int)sizeof(out) || (n >= 0 && strlen(out) != (size_t)n))
		__builtin_trap();
}

static void public_text(const char *text)
{
	struct pii_report r;
	struct err e = ERR_INIT;
	struct strbuf out = STRBUF_INIT;
	size_t len = strlen(text);

	if (pii_scan(NULL, text, &r, &e) < 0)
		return;
	for (size_t i = 0; i < r.n; i++)
		if (r.f[i].at + r.f[i].len > len || (i && r.f[i].at < r.f[i - 1].at))
			__builtin_trap();
	pii_redact(text, &r, &out);
	strbuf_release(&out);
}

/* Every kind of declared parameter judges the value without crashing. */
static void query_param(const char *text)
{
	static const struct route_param kinds[] = {
		Q_TEXT("t", 100), Q_INT("i", 1, 500), Q_MONTH("m"), Q_LAT("lat"), Q_LNG("lng"),
		Q_LATLNG("ll"), Q_SLUG("s"),
	};

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		(void)route_param_valid(&kinds[k], text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size < 1)
		return 0;
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	switch (data[0] % 5) {
	case 0: form(text, size - 1); break;
	case 1: cookie(text); break;
	case 2: lang_from_accept(text, LANG_EN); break;
	case 3: query_param(text); break;
	default: public_text(text); break;
	}
	free(text);
	return 0;
}
