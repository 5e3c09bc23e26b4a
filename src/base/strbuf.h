/*
 * strbuf.h - a growable byte buffer with a cap and a sticky error.
 *
 * Appends never fail loudly: when memory runs out or the cap is reached the
 * buffer stops growing and remembers it, and the writer checks sb.failed once
 * at the end (SQLite's sqlite3_str habit).  The contents are always
 * NUL-terminated, so sb.buf is a C string whenever len > 0.
 *
 * Ownership: the buffer owns sb.buf; strbuf_release() frees it and leaves an
 * empty buffer; strbuf_detach() hands it to the caller, who frees it with
 * xfree().
 */
#ifndef ENGAGE_STRBUF_H
#define ENGAGE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t max;	/* 0 means no cap */
	int failed;	/* ERR_NOMEM or ERR_LIMIT once an append was refused */
};

#define STRBUF_INIT { NULL, 0, 0, 0, 0 }

void strbuf_init(struct strbuf *sb, size_t max);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_reset(struct strbuf *sb);
/* Make room for `extra` more bytes; returns 0 or the sticky error. */
int strbuf_grow(struct strbuf *sb, size_t extra);

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Shorten to `len` bytes (len <= sb->len). */
void strbuf_setlen(struct strbuf *sb, size_t len);

/* The contents as a C string ("" when empty, never NULL). */
const char *strbuf_str(const struct strbuf *sb);

#endif
