/*
 * strbuf.c - growable capped buffer (see strbuf.h).
 */
#include "base/strbuf.h"

#include "base/err.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <string.h>

void strbuf_init(struct strbuf *sb, size_t max)
{
	memset(sb, 0, sizeof(*sb));
	sb->max = max;
}

void strbuf_release(struct strbuf *sb)
{
	size_t max = sb->max;

	xfree(sb->buf);
	strbuf_init(sb, max);
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *p = sb->buf;

	if (len)
		*len = sb->len;
	if (!p)
		p = xstrdup("");
	strbuf_init(sb, sb->max);
	return p;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->failed = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

int strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want, n;
	char *p;

	if (sb->failed)
		return sb->failed;
	if (extra > (size_t)-1 - sb->len - 1)
		return sb->failed = ERR_LIMIT;
	want = sb->len + extra + 1;
	if (sb->max && want > sb->max + 1)
		return sb->failed = ERR_LIMIT;
	if (want <= sb->alloc)
		return 0;
	n = sb->alloc ? sb->alloc : 64;
	while (n < want)
		n = n > (size_t)-1 / 2 ? want : n * 2;
	if (sb->max && n > sb->max + 1)
		n = sb->max + 1;
	p = xrealloc(sb->buf, n);
	if (!p)
		return sb->failed = ERR_NOMEM;
	sb->buf = p;
	sb->alloc = n;
	return 0;
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (strbuf_grow(sb, len))
		return;
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, char c)
{
	if (sb->len + 1 < sb->alloc && !sb->failed) {
		sb->buf[sb->len++] = c;
		sb->buf[sb->len] = '\0';
		return;
	}
	strbuf_add(sb, &c, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	if (sb->failed)
		return;
	va_copy(cp, ap);
	n = vsnprintf(sb->buf ? sb->buf + sb->len : NULL,
		      sb->buf ? sb->alloc - sb->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		sb->failed = ERR_INVALID;
		return;
	}
	if (sb->buf && (size_t)n < sb->alloc - sb->len) {
		sb->len += (size_t)n;
		return;
	}
	if (strbuf_grow(sb, (size_t)n)) {
		if (sb->buf)
			sb->buf[sb->len] = '\0';	/* undo the partial write */
		return;
	}
	vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (len > sb->len || !sb->buf)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}
