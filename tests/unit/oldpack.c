/*
 * oldpack.c - older force-month formats for the tests (see oldpack.h).
 */
#include "oldpack.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

int oldpack_emz3_from_emz4(const void *blob, size_t n, struct strbuf *out)
{
	const unsigned char *b = blob;
	uint64_t rawlen, zlen, zlen3;
	unsigned char *raw;
	uLongf z;
	int rc = -1;

	if (n < 24 || memcmp(b, "EMZ4", 4))
		return -1;
	memcpy(&rawlen, b + 4, 8);
	memcpy(&zlen, b + 12, 8);
	if (zlen > n - 24 || !(raw = malloc(rawlen ? rawlen : 1)))
		return -1;
	z = compressBound((uLong)rawlen);
	strbuf_reset(out);
	if (ZSTD_decompress(raw, rawlen, b + 24, zlen) == rawlen && strbuf_grow(out, 24 + z) == 0 &&
	    compress2((Bytef *)out->buf + 24, &z, raw, (uLong)rawlen, 1) == Z_OK) {
		zlen3 = z;
		memcpy(out->buf, "EMZ3", 4);
		memcpy(out->buf + 4, &rawlen, 8);
		memcpy(out->buf + 12, &zlen3, 8);
		memcpy(out->buf + 20, b + 20, 4);	/* the same raw tail and its CRC */
		out->len = 24 + z;
		strbuf_add(out, b + 24 + zlen, n - 24 - zlen);
		rc = out->failed ? -1 : 0;
	}
	free(raw);
	return rc;
}
