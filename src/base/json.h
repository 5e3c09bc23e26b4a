/*
 * json.h - the JSON writer: every JSON byte Engage emits goes through here.
 *
 * The writer tracks nesting and commas, and escapes every string, so a
 * caller cannot produce invalid JSON or inject markup through a value:
 *
 *	struct json_writer jw;
 *	json_init(&jw, &sb);
 *	json_object_begin(&jw);
 *	json_key_str(&jw, "id", "00BK17N");
 *	json_key_int(&jw, "population", 1500);
 *	json_object_end(&jw);
 *
 * Output is appended to a caller-owned strbuf; check sb.failed at the end.
 * Strings must be UTF-8; invalid bytes are replaced with U+FFFD.  Non-ASCII
 * characters are written as themselves, and "<", ">", "&" as \u escapes so a
 * JSON document is safe to embed in HTML.
 */
#ifndef ENGAGE_JSON_H
#define ENGAGE_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

#define JSON_MAX_DEPTH 32

struct json_writer {
	struct strbuf *out;
	int depth;
	unsigned char first[JSON_MAX_DEPTH];	/* no member written yet at this level */
	int after_key;
};

void json_init(struct json_writer *jw, struct strbuf *out);

void json_object_begin(struct json_writer *jw);
void json_object_end(struct json_writer *jw);
void json_array_begin(struct json_writer *jw);
void json_array_end(struct json_writer *jw);

/* Inside an object: the member name; the next value call is its value. */
void json_key(struct json_writer *jw, const char *name);

void json_str(struct json_writer *jw, const char *s);	/* NULL writes null */
void json_strn(struct json_writer *jw, const char *s, size_t n);
void json_int(struct json_writer *jw, int64_t v);
void json_double(struct json_writer *jw, double v, int decimals);
void json_bool(struct json_writer *jw, int v);
void json_null(struct json_writer *jw);
/* A value already known to be valid JSON (e.g. a pre-rendered fragment). */
void json_raw(struct json_writer *jw, const char *json, size_t n);

/* Shorthands for key + value. */
void json_key_str(struct json_writer *jw, const char *name, const char *s);
void json_key_int(struct json_writer *jw, const char *name, int64_t v);
void json_key_bool(struct json_writer *jw, const char *name, int v);
void json_key_null(struct json_writer *jw, const char *name);

/* Append `s` escaped as a JSON string body (no quotes) to `out`. */
void json_escape(struct strbuf *out, const char *s, size_t n);

#endif
