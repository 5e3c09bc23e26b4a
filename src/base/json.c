/*
 * json.c - the escaping JSON writer (see json.h).
 */
#include "base/json.h"

#include "base/utf8.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

void json_init(struct json_writer *jw, struct strbuf *out)
{
	memset(jw, 0, sizeof(*jw));
	jw->out = out;
	jw->first[0] = 1;
}

/* Write the separator a new value needs at the current position. */
static void before_value(struct json_writer *jw)
{
	if (jw->after_key) {
		jw->after_key = 0;
		return;
	}
	if (!jw->first[jw->depth])
		strbuf_addch(jw->out, ',');
	jw->first[jw->depth] = 0;
}

static void open_level(struct json_writer *jw, char c)
{
	before_value(jw);
	strbuf_addch(jw->out, c);
	assert(jw->depth + 1 < JSON_MAX_DEPTH);
	if (jw->depth + 1 < JSON_MAX_DEPTH)
		jw->depth++;
	jw->first[jw->depth] = 1;
}

static void close_level(struct json_writer *jw, char c)
{
	strbuf_addch(jw->out, c);
	if (jw->depth > 0)
		jw->depth--;
}

void json_object_begin(struct json_writer *jw) { open_level(jw, '{'); }
void json_object_end(struct json_writer *jw) { close_level(jw, '}'); }
void json_array_begin(struct json_writer *jw) { open_level(jw, '['); }
void json_array_end(struct json_writer *jw) { close_level(jw, ']'); }

/* Bits for the bytes written as themselves: printable ASCII and DEL,
 * but not " & < > \\ (bytes 0-63 in the first word, 64-127 in the second). */
static const uint64_t plain[2] = { 0xafffffbb00000000ull, 0xffffffffefffffffull };

void json_escape(struct strbuf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0;

	strbuf_grow(out, n + 2);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (c < 128 && (plain[c >> 6] >> (c & 63) & 1)) {
			i++;
			run++;
			continue;
		}
		strbuf_add(out, s + i - run, run);
		run = 0;
		if (c >= 0x80) {
			k = utf8_valid_prefix(s + i, n - i);
			if (k) {
				strbuf_add(out, s + i, k);
				i += k;
			} else {
				strbuf_addstr(out, "\xef\xbf\xbd");
				i++;
			}
			continue;
		}
		switch (c) {
		case '"': strbuf_addstr(out, "\\\""); break;
		case '\\': strbuf_addstr(out, "\\\\"); break;
		case '\n': strbuf_addstr(out, "\\n"); break;
		case '\r': strbuf_addstr(out, "\\r"); break;
		case '\t': strbuf_addstr(out, "\\t"); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			strbuf_add(out, u, 6);
		}
		}
		i++;
	}
	strbuf_add(out, s + i - run, run);
}

void json_key(struct json_writer *jw, const char *name)
{
	before_value(jw);
	strbuf_addch(jw->out, '"');
	json_escape(jw->out, name, strlen(name));
	strbuf_add(jw->out, "\":", 2);
	jw->after_key = 1;
}

void json_strn(struct json_writer *jw, const char *s, size_t n)
{
	before_value(jw);
	strbuf_addch(jw->out, '"');
	json_escape(jw->out, s, n);
	strbuf_addch(jw->out, '"');
}

void json_str(struct json_writer *jw, const char *s)
{
	if (!s)
		json_null(jw);
	else
		json_strn(jw, s, strlen(s));
}

void json_int(struct json_writer *jw, int64_t v)
{
	char buf[24], *p = buf + sizeof(buf);
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	before_value(jw);
	do {	/* digits by hand: printf was a tenth of a large answer's time */
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	strbuf_add(jw->out, p, (size_t)(buf + sizeof(buf) - p));
}

void json_double(struct json_writer *jw, double v, int decimals)
{
	before_value(jw);
	if (!isfinite(v))
		strbuf_addstr(jw->out, "null");
	else
		strbuf_addf(jw->out, "%.*f", decimals, v);
}

void json_bool(struct json_writer *jw, int v)
{
	before_value(jw);
	strbuf_addstr(jw->out, v ? "true" : "false");
}

void json_null(struct json_writer *jw)
{
	before_value(jw);
	strbuf_addstr(jw->out, "null");
}

void json_raw(struct json_writer *jw, const char *json, size_t n)
{
	before_value(jw);
	strbuf_add(jw->out, json, n);
}

void json_key_str(struct json_writer *jw, const char *name, const char *s)
{
	json_key(jw, name);
	json_str(jw, s);
}

void json_key_int(struct json_writer *jw, const char *name, int64_t v)
{
	json_key(jw, name);
	json_int(jw, v);
}

void json_key_bool(struct json_writer *jw, const char *name, int v)
{
	json_key(jw, name);
	json_bool(jw, v);
}

void json_key_null(struct json_writer *jw, const char *name)
{
	json_key(jw, name);
	json_null(jw);
}
