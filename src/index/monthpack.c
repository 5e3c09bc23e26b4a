/*
 * monthpack.c - packed columns for a police.uk force-month (see
 * monthpack.h).
 *
 * Packed form, before compression:  "EMP4", kind u8, ncols u8, rows u32,
 * nstrings u32, the strings (u32 length + bytes each), then each column's
 * array in column order, little-endian, less the crime-id columns, which
 * follow the compressed stream raw (see monthpack_encode).  A string
 * column is u16 ids (0xffff for none) when the pack holds fewer than
 * 0xffff strings, as a file's always does, else u32: two bytes less per
 * string column and row for zstd to read, a tenth of a national import's
 * time less (docs/PERFORMANCE.md).  "EMP3" is the same with u32 ids always.
 *
 * Written as "EMZ4": that packed form compressed with zstd at level 1.
 * Older records still decode: "EMZ3" (the same with a zlib stream),
 * "EMP2" (everything zlib'd, crime ids too, prefixed with its uncompressed
 * length) and "EMP1" (the same without the street-id column each kind now
 * ends with: street id 0 on every row until the month is re-imported).
 *
 * zstd rather than zlib: on a national year (6 M street rows) deflate at
 * its fastest level was a fifth of the import's CPU time and inflate a
 * large part of loading the read model; zstd level 1 does the same work
 * several times faster for a smaller blob (docs/PERFORMANCE.md).
 */
#include "index/monthpack.h"

#include "base/hex.h"
#include "base/le.h"
#include "base/xalloc.h"

#include <string.h>
#include <zlib.h>
#include <zstd.h>

static const enum mp_type street_types[SC_COUNT] = {
	[SC_FLAGS] = MPT_U8, [SC_CATEGORY] = MPT_U8, [SC_LAT] = MPT_I32, [SC_LNG] = MPT_I32,
	[SC_LSOA] = MPT_STR, [SC_REPORTED_LSOA] = MPT_STR, [SC_LSOA_NAME] = MPT_STR,
	[SC_LOCATION] = MPT_STR, [SC_OUTCOME] = MPT_STR, [SC_CONTEXT] = MPT_STR,
	[SC_REPORTED_BY] = MPT_STR, [SC_FALLS_WITHIN] = MPT_STR, [SC_CRIME_ID] = MPT_ID32, [SC_STREET] = MPT_I32,
};
static const enum mp_type outcome_types[OC_COUNT] = {
	[OC_FLAGS] = MPT_U8, [OC_LAT] = MPT_I32, [OC_LNG] = MPT_I32, [OC_LSOA] = MPT_STR,
	[OC_REPORTED_LSOA] = MPT_STR, [OC_LSOA_NAME] = MPT_STR, [OC_LOCATION] = MPT_STR,
	[OC_OUTCOME] = MPT_STR, [OC_REPORTED_BY] = MPT_STR, [OC_FALLS_WITHIN] = MPT_STR,
	[OC_CRIME_ID] = MPT_ID32, [OC_STREET] = MPT_I32,
};
static const enum mp_type stop_types[ST_COUNT] = {
	[ST_FLAGS] = MPT_U8, [ST_DATETIME] = MPT_I64, [ST_LAT] = MPT_I32, [ST_LNG] = MPT_I32,
	[ST_LSOA] = MPT_STR, [ST_TYPE] = MPT_STR, [ST_PART_OF_OPERATION] = MPT_I8,
	[ST_OPERATION] = MPT_STR, [ST_GENDER] = MPT_STR, [ST_AGE_RANGE] = MPT_STR,
	[ST_SELF_ETHNICITY] = MPT_STR, [ST_OFFICER_ETHNICITY] = MPT_STR,
	[ST_LEGISLATION] = MPT_STR, [ST_OBJECT] = MPT_STR, [ST_OUTCOME] = MPT_STR,
	[ST_OUTCOME_LINKED] = MPT_I8, [ST_REMOVAL] = MPT_I8, [ST_STREET] = MPT_I32,
};

static size_t type_size(enum mp_type t)
{
	switch (t) {
	case MPT_U8: case MPT_I8: return 1;
	case MPT_I32: case MPT_STR: return 4;
	case MPT_I64: return 8;
	case MPT_ID32: return 32;
	}
	return 0;
}

void monthpack_init(struct monthpack *p, int kind, int32_t month)
{
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->month = month;
	for (int c = 0; c < MP_MAX_COLS; c++)
		p->last[c] = STRTAB_NONE;
	switch (kind) {
	case MONTH_STREET: p->types = street_types; p->ncols = SC_COUNT; break;
	case MONTH_OUTCOMES: p->types = outcome_types; p->ncols = OC_COUNT; break;
	default: p->types = stop_types; p->ncols = ST_COUNT; break;
	}
}

void monthpack_release(struct monthpack *p)
{
	for (int c = 0; c < p->ncols; c++)
		xfree(p->col[c]);
	strtab_release(&p->strings);
	monthpack_init(p, p->kind, p->month);
}

const char *monthpack_str(const struct monthpack *p, uint32_t id)
{
	return strtab_get(&p->strings, id);
}

size_t monthpack_type_size(enum mp_type t)
{
	return type_size(t);
}

uint32_t monthpack_intern(struct monthpack *p, const char *s)
{
	return strtab_intern(&p->strings, s, strlen(s));
}

int monthpack_same(const struct monthpack *a, const struct monthpack *b)
{
	if (a->kind != b->kind || a->rows != b->rows || a->ncols != b->ncols)
		return 0;
	for (int c = 0; c < a->ncols; c++) {
		const uint32_t *x = MP_STR(a, c), *y = MP_STR(b, c);

		if (a->types[c] != MPT_STR) {
			if (a->rows && memcmp(a->col[c], b->col[c], a->rows * type_size(a->types[c])))
				return 0;
			continue;
		}
		for (size_t r = 0; r < a->rows; r++)
			if ((x[r] == STRTAB_NONE) != (y[r] == STRTAB_NONE) ||
			    strcmp(monthpack_str(a, x[r]), monthpack_str(b, y[r])))
				return 0;
	}
	return 1;
}

int monthpack_street_col(int kind)
{
	return kind == MONTH_STREET ? SC_STREET : kind == MONTH_OUTCOMES ? OC_STREET : ST_STREET;
}

void monthpack_set_street(struct monthpack *p, size_t row, int32_t street_id)
{
	MP_I32(p, monthpack_street_col(p->kind))[row] = street_id;
}

static int reserve(struct monthpack *p, size_t rows)
{
	size_t cap;

	if (rows <= p->cap)
		return 0;
	cap = p->cap ? p->cap * 2 : 256;
	while (cap < rows)
		cap *= 2;
	for (int c = 0; c < p->ncols; c++) {
		void *a = xreallocarray(p->col[c], cap, type_size(p->types[c]));
		if (!a)
			return ERR_NOMEM;
		p->col[c] = a;
	}
	p->cap = cap;
	return 0;
}

/* Intern a field of column c; NULL means "none" and takes no string slot.
 * Columns repeat their last value often (the force names on every row of
 * a file, an empty context), which a compare finds before a hash would. */
static uint32_t intern(struct monthpack *p, int c, const char *s, int *failed)
{
	uint32_t id;

	if (!s)
		return STRTAB_NONE;
	if (p->last[c] != STRTAB_NONE && !strcmp(strtab_get(&p->strings, p->last[c]), s))
		return p->last[c];
	id = strtab_intern(&p->strings, s, strlen(s));
	if (id == STRTAB_NONE)
		*failed = 1;
	p->last[c] = id;
	return id;
}

/* Intern field s of column c, which is often the very string `like` just
 * interned as `like_id` (police.uk's own LSOA code is nearly always the
 * one the point was placed in): the same string has the same id, so a
 * compare finds it without hashing it again. */
static uint32_t intern_like(struct monthpack *p, int c, const char *s, const char *like,
			    uint32_t like_id, int *failed)
{
	if (s && like && like_id != STRTAB_NONE && !strcmp(s, like)) {
		p->last[c] = like_id;
		return like_id;
	}
	return intern(p, c, s, failed);
}

/* 64 hex characters -> 32 bytes; returns 0, or -1 (no id, or not hex),
 * leaving zeros. */
static int id_to_bytes(const char *hex, uint8_t out[32])
{
	if (!hex || strnlen(hex, 65) != 64 || hex_decode(hex, 64, out) < 0) {
		memset(out, 0, 32);
		return -1;
	}
	return 0;
}

void monthpack_crime_id(const struct monthpack *p, int col, size_t row, char buf[65])
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *b = MP_ID32(p, col)[row];

	if (!(MP_U8(p, 0)[row] & MPF_HAS_ID)) {	/* column 0 is FLAGS for every kind */
		buf[0] = '\0';
		return;
	}
	for (int i = 0; i < 32; i++) {
		buf[2 * i] = hex[b[i] >> 4];
		buf[2 * i + 1] = hex[b[i] & 15];
	}
	buf[64] = '\0';
}

static uint8_t location_flags(int has_location, const char *placed)
{
	return (uint8_t)((has_location ? MPF_LOCATED : 0) | (placed ? MPF_PLACED : 0));
}

int monthpack_add_crime(struct monthpack *p, const struct crime_record *r, const char *placed)
{
	size_t i = p->rows;
	int failed = 0;
	uint8_t flags = location_flags(r->has_location, placed);

	if (reserve(p, i + 1))
		return ERR_NOMEM;
	if (id_to_bytes(r->crime_id, MP_ID32(p, SC_CRIME_ID)[i]) == 0)
		flags |= MPF_HAS_ID;
	MP_U8(p, SC_FLAGS)[i] = flags;
	MP_U8(p, SC_CATEGORY)[i] = (uint8_t)r->category;
	MP_I32(p, SC_LAT)[i] = r->has_location ? r->lat : 0;
	MP_I32(p, SC_LNG)[i] = r->has_location ? r->lng : 0;
	MP_STR(p, SC_LSOA)[i] = intern(p, SC_LSOA, placed, &failed);
	MP_STR(p, SC_REPORTED_LSOA)[i] = intern_like(p, SC_REPORTED_LSOA, r->lsoa_code, placed,
						       MP_STR(p, SC_LSOA)[i], &failed);
	MP_STR(p, SC_LSOA_NAME)[i] = intern(p, SC_LSOA_NAME, r->lsoa_name, &failed);
	MP_STR(p, SC_LOCATION)[i] = intern(p, SC_LOCATION, r->location, &failed);
	MP_STR(p, SC_OUTCOME)[i] = intern(p, SC_OUTCOME, r->last_outcome, &failed);
	MP_STR(p, SC_CONTEXT)[i] = intern(p, SC_CONTEXT, r->context, &failed);
	MP_STR(p, SC_REPORTED_BY)[i] = intern(p, SC_REPORTED_BY, r->reported_by, &failed);
	MP_STR(p, SC_FALLS_WITHIN)[i] = intern(p, SC_FALLS_WITHIN, r->falls_within, &failed);
	MP_I32(p, SC_STREET)[i] = 0;
	if (failed)
		return ERR_NOMEM;
	p->rows++;
	return 0;
}

int monthpack_add_outcome(struct monthpack *p, const struct outcome_record *r, const char *placed)
{
	size_t i = p->rows;
	int failed = 0;
	uint8_t flags = location_flags(r->has_location, placed);

	if (reserve(p, i + 1))
		return ERR_NOMEM;
	if (id_to_bytes(r->crime_id, MP_ID32(p, OC_CRIME_ID)[i]) == 0)
		flags |= MPF_HAS_ID;
	MP_U8(p, OC_FLAGS)[i] = flags;
	MP_I32(p, OC_LAT)[i] = r->has_location ? r->lat : 0;
	MP_I32(p, OC_LNG)[i] = r->has_location ? r->lng : 0;
	MP_STR(p, OC_LSOA)[i] = intern(p, OC_LSOA, placed, &failed);
	MP_STR(p, OC_REPORTED_LSOA)[i] = intern_like(p, OC_REPORTED_LSOA, r->lsoa_code, placed,
						       MP_STR(p, OC_LSOA)[i], &failed);
	MP_STR(p, OC_LSOA_NAME)[i] = intern(p, OC_LSOA_NAME, r->lsoa_name, &failed);
	MP_STR(p, OC_LOCATION)[i] = intern(p, OC_LOCATION, r->location, &failed);
	MP_STR(p, OC_OUTCOME)[i] = intern(p, OC_OUTCOME, r->outcome, &failed);
	MP_STR(p, OC_REPORTED_BY)[i] = intern(p, OC_REPORTED_BY, r->reported_by, &failed);
	MP_STR(p, OC_FALLS_WITHIN)[i] = intern(p, OC_FALLS_WITHIN, r->falls_within, &failed);
	MP_I32(p, OC_STREET)[i] = 0;
	if (failed)
		return ERR_NOMEM;
	p->rows++;
	return 0;
}

int monthpack_add_stop(struct monthpack *p, const struct stop_record *r, const char *placed)
{
	size_t i = p->rows;
	int failed = 0;

	if (reserve(p, i + 1))
		return ERR_NOMEM;
	MP_U8(p, ST_FLAGS)[i] = location_flags(r->has_location, placed);
	MP_I64(p, ST_DATETIME)[i] = r->datetime;
	MP_I32(p, ST_LAT)[i] = r->has_location ? r->lat : 0;
	MP_I32(p, ST_LNG)[i] = r->has_location ? r->lng : 0;
	MP_STR(p, ST_LSOA)[i] = intern(p, ST_LSOA, placed, &failed);
	MP_STR(p, ST_TYPE)[i] = intern(p, ST_TYPE, r->type, &failed);
	MP_I8(p, ST_PART_OF_OPERATION)[i] = r->part_of_operation;
	MP_STR(p, ST_OPERATION)[i] = intern(p, ST_OPERATION, r->operation_name, &failed);
	MP_STR(p, ST_GENDER)[i] = intern(p, ST_GENDER, r->gender, &failed);
	MP_STR(p, ST_AGE_RANGE)[i] = intern(p, ST_AGE_RANGE, r->age_range, &failed);
	MP_STR(p, ST_SELF_ETHNICITY)[i] = intern(p, ST_SELF_ETHNICITY, r->self_defined_ethnicity, &failed);
	MP_STR(p, ST_OFFICER_ETHNICITY)[i] = intern(p, ST_OFFICER_ETHNICITY, r->officer_defined_ethnicity, &failed);
	MP_STR(p, ST_LEGISLATION)[i] = intern(p, ST_LEGISLATION, r->legislation, &failed);
	MP_STR(p, ST_OBJECT)[i] = intern(p, ST_OBJECT, r->object_of_search, &failed);
	MP_STR(p, ST_OUTCOME)[i] = intern(p, ST_OUTCOME, r->outcome, &failed);
	MP_I8(p, ST_OUTCOME_LINKED)[i] = r->outcome_linked;
	MP_I8(p, ST_REMOVAL)[i] = r->removal_of_clothing;
	MP_I32(p, ST_STREET)[i] = 0;
	if (failed)
		return ERR_NOMEM;
	p->rows++;
	return 0;
}

/* Columns are written in host order; Engage runs on little-endian machines
 * (x86-64, arm64), and decode refuses a blob from any other.
 *
 * The blob ("EMZ4"): "EMZ4", u64 length of the packed part, u64 length of
 * its zstd frame (with zstd's own checksum), u32 CRC-32 of the raw tail,
 * the frame, then every ID32 column raw (the CRC keeps damage to them from
 * being misread, as the frame's checksum does for the rest).  Crime ids
 * are random: no compression shrinks them, and compressing them took most
 * of a national import's zlib time (docs/PERFORMANCE.md).  "EMZ3" is the
 * same with a zlib stream for the frame. */
static int is_raw_column(enum mp_type t)
{
	return t == MPT_ID32;
}

/* Bytes per row of column c as packed: string ids narrow or not (EMP4). */
static size_t packed_size(const struct monthpack *p, int c, int narrow)
{
	return narrow && p->types[c] == MPT_STR ? 2 : type_size(p->types[c]);
}

#define NARROW_NONE 0xffffu

static int narrow_ids(uint32_t nstrings)
{
	return nstrings < NARROW_NONE;
}

int monthpack_encode(const struct monthpack *p, struct strbuf *out, struct err *e)
{
	struct strbuf raw = STRBUF_INIT;
	ZSTD_CCtx *cctx = NULL;
	size_t zlen, bound;
	uint64_t rawlen, zlen64;
	size_t at;
	int rc = 0;

	strbuf_add(&raw, "EMP4", 4);
	strbuf_addch(&raw, (char)p->kind);
	strbuf_addch(&raw, (char)p->ncols);
	le32_add(&raw, (uint32_t)p->rows);
	le32_add(&raw, p->strings.count);
	for (uint32_t i = 0; i < p->strings.count; i++) {
		const char *s = strtab_get(&p->strings, i);
		size_t n = strlen(s);
		le32_add(&raw, (uint32_t)n);
		strbuf_add(&raw, s, n);
	}
	for (int c = 0; c < p->ncols; c++) {
		if (!p->rows || is_raw_column(p->types[c]))
			continue;
		if (p->types[c] == MPT_STR && narrow_ids(p->strings.count)) {
			if (strbuf_grow(&raw, p->rows * 2))
				break;	/* raw.failed, reported below */
			for (size_t r = 0; r < p->rows; r++) {
				uint16_t id = (uint16_t)(MP_STR(p, c)[r] == STRTAB_NONE ? NARROW_NONE :
							 MP_STR(p, c)[r]);

				memcpy(raw.buf + raw.len + 2 * r, &id, 2);
			}
			raw.len += p->rows * 2;
		} else {
			strbuf_add(&raw, p->col[c], p->rows * type_size(p->types[c]));
		}
	}
	if (raw.failed) {
		rc = err_set(e, ERR_NOMEM, "out of memory packing a force-month");
		goto done;
	}
	rawlen = raw.len;
	bound = ZSTD_compressBound(raw.len);
	if (strbuf_grow(out, 24 + bound) || !(cctx = ZSTD_createCCtx())) {
		rc = err_set(e, ERR_NOMEM, "out of memory packing a force-month");
		goto done;
	}
	at = out->len;
	memcpy(out->buf + at, "EMZ4", 4);
	memcpy(out->buf + at + 4, &rawlen, 8);
	if (ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 1)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1)) ||
	    ZSTD_isError(zlen = ZSTD_compress2(cctx, out->buf + at + 24, bound, raw.buf, raw.len))) {
		rc = err_set(e, ERR_INTERNAL, "cannot compress a force-month");
		goto done;
	}
	zlen64 = zlen;
	memcpy(out->buf + at + 12, &zlen64, 8);
	out->len += 24 + zlen;
	out->buf[out->len] = '\0';
	{
		uLong crc = crc32(0L, Z_NULL, 0);
		uint32_t crc32v;

		for (int c = 0; c < p->ncols; c++)
			if (p->rows && is_raw_column(p->types[c])) {
				size_t bytes = p->rows * type_size(p->types[c]);
				strbuf_add(out, p->col[c], bytes);
				crc = crc32(crc, (const Bytef *)p->col[c], (uInt)bytes);
			}
		crc32v = (uint32_t)crc;
		if (!out->failed)
			memcpy(out->buf + at + 20, &crc32v, 4);
	}
	if (out->failed)
		rc = err_set(e, ERR_NOMEM, "out of memory packing a force-month");
done:
	ZSTD_freeCCtx(cctx);
	strbuf_release(&raw);
	return rc;
}

int monthpack_decode(const void *data, size_t n, int kind, int32_t month,
		     struct monthpack *p, struct err *e)
{
	const unsigned char *b, *in = data, *tail = NULL;
	unsigned char *raw = NULL;
	uint64_t rawlen, zlen;
	size_t at, rows, tail_len = 0;
	uint32_t nstr;
	int ncols;	/* columns in the blob: one fewer in an EMP1 record */
	int narrow;	/* EMP4 with few strings: u16 string ids */
	int zstd = n >= 24 && !memcmp(in, "EMZ4", 4);
	int emz = zstd || (n >= 24 && !memcmp(in, "EMZ3", 4));
	int rc = 0;

	monthpack_init(p, kind, month);
	if (n < 8)
		return err_set(e, ERR_INVALID, "force-month record is truncated");
	if (emz) {
		uint32_t want_crc;

		memcpy(&rawlen, in + 4, 8);
		memcpy(&zlen, in + 12, 8);
		memcpy(&want_crc, in + 20, 4);
		if (zlen > n - 24)
			return err_set(e, ERR_INVALID, "force-month record is truncated");
		tail = in + 24 + zlen;
		tail_len = n - 24 - (size_t)zlen;
		if ((uint32_t)crc32(crc32(0L, Z_NULL, 0), tail, (uInt)tail_len) != want_crc)
			return err_set(e, ERR_INVALID, "force-month record is corrupt (crime ids)");
		in += 24;
	} else {	/* EMP1 or EMP2: u64 length, then everything compressed */
		memcpy(&rawlen, in, 8);
		zlen = n - 8;
		in += 8;
	}
	/* deflate expands at most about 1032:1, so a larger claim is a lie
	 * and must not decide how much memory we allocate; zstd's blocks
	 * expand at most 32768:1, and a frame says its own size, which must
	 * agree */
	if (rawlen < 14 ||
	    (zstd ? rawlen > zlen * 32768 + 64 ||
		    ZSTD_getFrameContentSize(in, (size_t)zlen) != rawlen :
		    rawlen > zlen * 1032 + 64))
		return err_set(e, ERR_INVALID, "force-month record has a bad length");
	raw = xmalloc((size_t)rawlen);
	if (!raw)
		return err_set(e, ERR_NOMEM, "out of memory reading a force-month");
	if (zstd) {
		size_t z = ZSTD_decompress(raw, (size_t)rawlen, in, (size_t)zlen);

		if (ZSTD_isError(z) || z != rawlen) {
			rc = err_set(e, ERR_INVALID, "force-month record is corrupt");
			goto done;
		}
	} else {
		uLongf got = (uLongf)rawlen;

		if (uncompress(raw, &got, (const Bytef *)in, (uLong)zlen) != Z_OK || got != rawlen) {
			rc = err_set(e, ERR_INVALID, "force-month record is corrupt");
			goto done;
		}
	}
	b = raw;
	ncols = !memcmp(b, "EMP1", 4) ? p->ncols - 1 : p->ncols;
	if ((emz ? memcmp(b, "EMP3", 4) && memcmp(b, "EMP4", 4) :
		   memcmp(b, "EMP1", 4) && memcmp(b, "EMP2", 4)) ||
	    b[4] != kind || b[5] != ncols) {
		rc = err_set(e, ERR_INVALID, "force-month record has the wrong format");
		goto done;
	}
	rows = le32_get(b + 6);
	nstr = le32_get(b + 10);
	narrow = !memcmp(b, "EMP4", 4) && narrow_ids(nstr);
	at = 14;
	for (uint32_t i = 0; i < nstr; i++) {
		uint32_t len;
		if (at + 4 > rawlen || (len = le32_get(b + at)) > rawlen - at - 4) {
			rc = err_set(e, ERR_INVALID, "force-month record is corrupt (strings)");
			goto done;
		}
		if (strtab_intern(&p->strings, (const char *)b + at + 4, len) != i) {
			rc = err_set(e, ERR_INVALID, "force-month record is corrupt (string %u)", i);
			goto done;
		}
		at += 4 + len;
	}
	{
		size_t row_bytes = 0, tail_row_bytes = 0;
		for (int c = 0; c < ncols; c++) {
			if (emz && is_raw_column(p->types[c]))
				tail_row_bytes += type_size(p->types[c]);
			else
				row_bytes += packed_size(p, c, narrow);
		}
		if ((row_bytes && rows > (rawlen - at) / row_bytes) ||
		    (emz && rows * tail_row_bytes != tail_len)) {
			rc = err_set(e, ERR_INVALID, "force-month record is corrupt (row count)");
			goto done;
		}
	}
	if (rows && reserve(p, rows)) {
		rc = err_set(e, ERR_NOMEM, "out of memory reading a force-month");
		goto done;
	}
	for (int c = 0; c < ncols; c++) {
		size_t bytes = rows * packed_size(p, c, narrow);

		if (emz && is_raw_column(p->types[c])) {
			if (bytes)
				memcpy(p->col[c], tail, bytes);
			tail += bytes;
			continue;
		}
		if (bytes > rawlen - at) {
			rc = err_set(e, ERR_INVALID, "force-month record is corrupt (columns)");
			goto done;
		}
		if (narrow && p->types[c] == MPT_STR) {
			for (size_t r = 0; r < rows; r++) {
				uint16_t id;

				memcpy(&id, b + at + 2 * r, 2);
				MP_STR(p, c)[r] = id == NARROW_NONE ? STRTAB_NONE : id;
			}
		} else if (bytes) {
			memcpy(p->col[c], b + at, bytes);
		}
		at += bytes;
	}
	if (ncols < p->ncols && rows)	/* EMP1: no street ids yet */
		memset(p->col[p->ncols - 1], 0, rows * type_size(p->types[p->ncols - 1]));
	p->rows = rows;
done:
	xfree(raw);
	if (rc)
		monthpack_release(p);
	return rc;
}
