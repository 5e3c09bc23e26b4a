/*
 * oldpack.c - older force-month formats for the tests (see oldpack.h).
 */
#include "oldpack.h"

#include "base/le.h"
#include "index/monthpack.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

/* Today's packed part ("EMP4": u16 string ids when the pack has fewer than
 * 0xffff strings) as the "EMP3" Engage wrote before (u32 ids always);
 * 0, or -1 when it is not a whole EMP4 packed part. */
static int emp3_from_emp4(const unsigned char *b, size_t len, struct strbuf *out)
{
	struct monthpack shape;
	size_t at = 14, rows;
	uint32_t nstr;
	int narrow, rc = 0;

	if (len < 14 || memcmp(b, "EMP4", 4))
		return -1;
	monthpack_init(&shape, b[4], 0);	/* the kind's column types */
	rows = le32_get(b + 6);
	nstr = le32_get(b + 10);
	narrow = nstr < 0xffff;
	for (uint32_t i = 0; i < nstr && at + 4 <= len; i++)
		at += 4 + le32_get(b + at);
	strbuf_reset(out);
	strbuf_add(out, "EMP3", 4);
	strbuf_add(out, b + 4, at - 4);	/* the header and the strings as they are */
	for (int c = 0; c < shape.ncols && rc == 0; c++) {
		enum mp_type t = shape.types[c];

		if (t == MPT_ID32)
			continue;	/* raw, after the frame */
		if (t != MPT_STR || !narrow) {
			rc = at + rows * monthpack_type_size(t) <= len ? 0 : -1;
			if (rc == 0)
				strbuf_add(out, b + at, rows * monthpack_type_size(t));
			at += rows * monthpack_type_size(t);
			continue;
		}
		for (size_t r = 0; r < rows && (rc = at + 2 <= len ? 0 : -1) == 0; r++, at += 2) {
			uint16_t id;

			memcpy(&id, b + at, 2);
			le32_add(out, id == 0xffff ? UINT32_MAX : id);
		}
	}
	monthpack_release(&shape);
	return rc == 0 && at == len && !out->failed ? 0 : -1;
}

/* An EMZ4 record rewritten with its packed part as EMP3, compressed with
 * zlib ("EMZ3") or zstd ("EMZ4"). */
static int rewrite(const void *blob, size_t n, struct strbuf *out, int zlib)
{
	const unsigned char *b = blob;
	struct strbuf emp3 = STRBUF_INIT;
	uint64_t rawlen, zlen, zlen_old;
	unsigned char *raw;
	size_t bound;
	int rc = -1;

	if (n < 24 || memcmp(b, "EMZ4", 4))
		return -1;
	memcpy(&rawlen, b + 4, 8);
	memcpy(&zlen_old, b + 12, 8);
	if (zlen_old > n - 24 || !(raw = malloc(rawlen ? rawlen : 1)))
		return -1;
	if (ZSTD_decompress(raw, rawlen, b + 24, zlen_old) != rawlen ||
	    emp3_from_emp4(raw, rawlen, &emp3) < 0)
		goto out;
	bound = zlib ? compressBound((uLong)emp3.len) : ZSTD_compressBound(emp3.len);
	strbuf_reset(out);
	if (strbuf_grow(out, 24 + bound))
		goto out;
	if (zlib) {
		uLongf z = (uLongf)bound;

		if (compress2((Bytef *)out->buf + 24, &z, (const Bytef *)emp3.buf, (uLong)emp3.len, 1) != Z_OK)
			goto out;
		zlen = z;
	} else {
		zlen = ZSTD_compress(out->buf + 24, bound, emp3.buf, emp3.len, 1);
		if (ZSTD_isError(zlen))
			goto out;
	}
	rawlen = emp3.len;
	memcpy(out->buf, zlib ? "EMZ3" : "EMZ4", 4);
	memcpy(out->buf + 4, &rawlen, 8);
	memcpy(out->buf + 12, &zlen, 8);
	memcpy(out->buf + 20, b + 20, 4);	/* the same raw tail and its CRC */
	out->len = 24 + zlen;
	strbuf_add(out, b + 24 + zlen_old, n - 24 - zlen_old);
	rc = out->failed ? -1 : 0;
out:
	free(raw);
	strbuf_release(&emp3);
	return rc;
}

int oldpack_emz3_from_emz4(const void *blob, size_t n, struct strbuf *out)
{
	return rewrite(blob, n, out, 1);
}

int oldpack_emp3_from_emp4(const void *blob, size_t n, struct strbuf *out)
{
	return rewrite(blob, n, out, 0);
}
