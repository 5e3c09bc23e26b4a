/*
 * le.h - little-endian integers in byte buffers: the fixed layout of the
 * records Engage packs for its store (index/monthpack.c,
 * index/crimecounts.c), whatever the machine.
 */
#ifndef ENGAGE_LE_H
#define ENGAGE_LE_H

#include <stdint.h>

#include "base/strbuf.h"

static inline void le32_add(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	strbuf_add(sb, b, 4);
}

static inline uint32_t le32_get(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

#endif
