/*
 * crimecounts.c - street crimes per LSOA, month and category (see
 * crimecounts.h).
 *
 * The stored form ("ECC1"): "ECC1", then a zstd frame (level 1, with its
 * checksum) of: u32 number of LSOAs, and for each, in byte order of its
 * code: u8 code length, the code, u8 number of categories, then per
 * category ascending u8 category and u32 count (little-endian).  A
 * force-month of a busy force is a few thousand entries: tens of
 * kilobytes before compression, against megabytes for its rows.
 */
#include "index/crimecounts.h"

#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "base/le.h"
#include "base/xalloc.h"
#include "model/police.h"

/* --- one force-month --------------------------------------------------------- */

struct lsoa_cells {
	const char *code;
	uint32_t n[CAT_COUNT];
};

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct lsoa_cells *)a)->code, ((const struct lsoa_cells *)b)->code);
}

/* The pack's placed LSOAs with their counts, sorted by code.  The pack's
 * string ids map to cells through `cell_of` (one slot per string). */
static int count_pack(const struct monthpack *p, struct lsoa_cells **out, size_t *nout)
{
	const uint8_t *flags = MP_U8(p, SC_FLAGS), *cat = MP_U8(p, SC_CATEGORY);
	const uint32_t *lsoa = MP_STR(p, SC_LSOA);
	uint32_t *cell_of = xcalloc(p->strings.count ? p->strings.count : 1, sizeof(*cell_of));
	struct lsoa_cells *v = NULL;
	size_t n = 0, cap = 0;

	if (!cell_of)
		return ERR_NOMEM;
	for (size_t r = 0; r < p->rows; r++) {
		uint32_t s = lsoa[r];

		if (!(flags[r] & MPF_PLACED) || s >= p->strings.count || cat[r] >= CAT_COUNT)
			continue;
		if (!cell_of[s]) {
			if (xgrow(&v, &cap, n + 1, sizeof(*v))) {
				xfree(v);
				xfree(cell_of);
				return ERR_NOMEM;
			}
			memset(&v[n], 0, sizeof(v[n]));
			v[n].code = monthpack_str(p, s);
			cell_of[s] = (uint32_t)++n;
		}
		v[cell_of[s] - 1].n[cat[r]]++;
	}
	xfree(cell_of);
	if (n)
		qsort(v, n, sizeof(*v), by_code);
	*out = v;
	*nout = n;
	return 0;
}

int crimecounts_encode(const struct monthpack *p, struct strbuf *out, struct err *e)
{
	struct lsoa_cells *v = NULL;
	struct strbuf raw;
	char *zbuf = NULL;
	size_t n = 0, bound, z;
	int rc = 0;

	strbuf_reset(out);
	if (p->kind != MONTH_STREET)
		return err_set(e, ERR_INTERNAL, "crime counts are kept for street months only");
	if (count_pack(p, &v, &n) < 0)
		return err_set(e, ERR_NOMEM, "out of memory counting crimes");
	strbuf_init(&raw, 0);
	le32_add(&raw, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(v[i].code);
		unsigned char ncat = 0;

		len = len > 255 ? 255 : len;	/* LSOA codes are 9 characters */
		strbuf_addch(&raw, (char)len);
		strbuf_add(&raw, v[i].code, len);
		for (int c = 0; c < CAT_COUNT; c++)
			ncat += v[i].n[c] > 0;
		strbuf_addch(&raw, (char)ncat);
		for (int c = 0; c < CAT_COUNT; c++)
			if (v[i].n[c]) {
				strbuf_addch(&raw, (char)c);
				le32_add(&raw, v[i].n[c]);
			}
	}
	xfree(v);
	bound = ZSTD_compressBound(raw.len);
	if (raw.failed || !(zbuf = xmalloc(bound))) {
		rc = err_set(e, ERR_NOMEM, "out of memory encoding crime counts");
	} else if (ZSTD_isError(z = ZSTD_compress(zbuf, bound, raw.buf, raw.len, 1))) {
		rc = err_set(e, ERR_INTERNAL, "compressing crime counts: %s", ZSTD_getErrorName(z));
	} else {
		strbuf_add(out, "ECC1", 4);
		strbuf_add(out, zbuf, z);
		if (out->failed)
			rc = err_set(e, ERR_NOMEM, "out of memory encoding crime counts");
	}
	xfree(zbuf);
	strbuf_release(&raw);
	return rc;
}

int crimecounts_decode(const void *data, size_t n,
		       int (*fn)(void *ctx, const char *lsoa, const uint32_t count[CAT_COUNT]),
		       void *ctx, struct err *e)
{
	const unsigned char *in = data, *b;
	unsigned long long rawlen;
	unsigned char *raw;
	size_t at = 4, len;
	uint32_t nlsoa;
	int rc = 0;

	if (n < 8 || memcmp(in, "ECC1", 4))
		return err_set(e, ERR_INVALID, "stored crime counts are not in a known format");
	rawlen = ZSTD_getFrameContentSize(in + 4, n - 4);
	if (rawlen == ZSTD_CONTENTSIZE_ERROR || rawlen == ZSTD_CONTENTSIZE_UNKNOWN ||
	    rawlen < 4 || rawlen > (1ull << 31))
		return err_set(e, ERR_INVALID, "stored crime counts are damaged");
	if (!(raw = xmalloc((size_t)rawlen)))
		return err_set(e, ERR_NOMEM, "out of memory reading crime counts");
	len = ZSTD_decompress(raw, (size_t)rawlen, in + 4, n - 4);
	if (ZSTD_isError(len) || len != rawlen) {
		xfree(raw);
		return err_set(e, ERR_INVALID, "stored crime counts are damaged");
	}
	b = raw;
	nlsoa = le32_get(b);
	for (uint32_t i = 0; i < nlsoa && rc == 0; i++) {
		uint32_t count[CAT_COUNT] = { 0 };
		char code[256];
		size_t clen, ncat;

		if (at + 1 > len || at + 2 + (clen = b[at]) > len) {
			rc = err_set(e, ERR_INVALID, "stored crime counts are damaged");
			break;
		}
		memcpy(code, b + at + 1, clen);
		code[clen] = '\0';
		at += 1 + clen;
		ncat = b[at++];
		if (at + ncat * 5 > len) {
			rc = err_set(e, ERR_INVALID, "stored crime counts are damaged");
			break;
		}
		for (size_t c = 0; c < ncat && rc == 0; c++, at += 5)
			if (b[at] >= CAT_COUNT)
				rc = err_set(e, ERR_INVALID, "stored crime counts are damaged");
			else
				count[b[at]] = le32_get(b + at + 1);
		if (rc == 0 && fn(ctx, code, count))
			rc = 1;
	}
	if (rc == 0 && at != len)
		rc = err_set(e, ERR_INVALID, "stored crime counts are damaged");
	xfree(raw);
	return rc;
}

/* --- every month in the store ------------------------------------------------ */

struct load_ctx {
	struct store *s;
	struct crimecounts *t;
	int32_t month;
	size_t counted;
	struct err *e;
};

static int add_counts(void *ctx, const char *lsoa, const uint32_t count[CAT_COUNT])
{
	struct load_ctx *l = ctx;
	struct crimecounts *t = l->t;
	uint32_t id = strtab_intern(&t->lsoas, lsoa, strlen(lsoa));

	if (id == STRTAB_NONE || xgrow(&t->v, &t->cap, t->n + CAT_COUNT, sizeof(*t->v)))
		return err_set(l->e, ERR_NOMEM, "out of memory counting crimes");
	for (int c = 0; c < CAT_COUNT; c++)
		if (count[c]) {
			t->v[t->n++] = (struct crime_count){ l->month, id, (uint8_t)c, count[c] };
			t->crimes += count[c];
		}
	return 0;
}

/* A month stored before its counts were: count its rows. */
static int count_rows(void *ctx, const struct store_force_month *m)
{
	struct load_ctx *l = ctx;
	struct monthpack p;
	struct strbuf enc;
	int rc;

	if (monthpack_decode(m->data, m->data_len, m->kind, m->month, &p, l->e) < 0)
		return l->e->code;
	strbuf_init(&enc, 0);
	rc = crimecounts_encode(&p, &enc, l->e);
	monthpack_release(&p);
	if (rc == 0)
		rc = crimecounts_decode(enc.buf, enc.len, add_counts, l, l->e);
	strbuf_release(&enc);
	return rc;
}

static int month_counts(void *ctx, const struct store_force_month *m)
{
	struct load_ctx *l = ctx;

	l->month = m->month;
	if (m->counts)
		return crimecounts_decode(m->counts, m->counts_len, add_counts, l, l->e) != 0;
	l->counted++;
	return store_force_month_get(l->s, m->force_id, m->month, MONTH_STREET, count_rows, l,
				     l->e) != 0;
}

struct coded {
	const char *code;
	uint32_t id;
};

static int by_coded(const void *a, const void *b)
{
	return strcmp(((const struct coded *)a)->code, ((const struct coded *)b)->code);
}

/* Order by (month, code, category) and add up what several forces counted
 * for the same LSOA (crimes near a force boundary): entries go into one
 * bucket per month, and each month is summed in a dense LSOA x category
 * table walked in code order.  A sort of the national year's 2 million
 * entries took longer than everything else here together. */
static int sort_and_merge(struct crimecounts *t)
{
	size_t nl = t->lsoas.count, nm, out = 0;
	struct coded *order = xcalloc(nl ? nl : 1, sizeof(*order));
	uint32_t *rank = xcalloc(nl ? nl : 1, sizeof(*rank)), *cells = NULL;
	struct crime_count *bucketed = NULL;
	size_t *start = NULL;
	int32_t lo = INT32_MAX, hi = INT32_MIN;
	int rc = 0;

	for (size_t i = 0; i < t->n; i++) {
		lo = t->v[i].month < lo ? t->v[i].month : lo;
		hi = t->v[i].month > hi ? t->v[i].month : hi;
	}
	nm = t->n ? (size_t)(hi - lo) + 1 : 0;
	if (!order || !rank || !(start = xcalloc(nm + 2, sizeof(*start))) ||
	    !(bucketed = xcalloc(t->n ? t->n : 1, sizeof(*bucketed))) ||
	    !(cells = xcalloc((nl ? nl : 1) * CAT_COUNT, sizeof(*cells)))) {
		rc = ERR_NOMEM;
		goto done;
	}
	for (uint32_t i = 0; i < nl; i++)
		order[i] = (struct coded){ strtab_get(&t->lsoas, i), i };
	qsort(order, nl, sizeof(*order), by_coded);
	for (uint32_t i = 0; i < nl; i++)
		rank[order[i].id] = i;
	for (size_t i = 0; i < t->n; i++)
		start[(size_t)(t->v[i].month - lo) + 2]++;
	for (size_t m = 2; m < nm + 2; m++)
		start[m] += start[m - 1];
	for (size_t i = 0; i < t->n; i++)	/* start[m + 1] fills month m */
		bucketed[start[(size_t)(t->v[i].month - lo) + 1]++] = t->v[i];
	for (size_t m = 0; m < nm; m++) {
		for (size_t i = start[m]; i < start[m + 1]; i++)
			cells[(size_t)rank[bucketed[i].lsoa] * CAT_COUNT + bucketed[i].category] +=
				bucketed[i].n;
		for (size_t r = 0; r < nl; r++)
			for (int c = 0; c < CAT_COUNT; c++) {
				uint32_t *cell = &cells[r * CAT_COUNT + (size_t)c];

				if (*cell) {
					t->v[out++] = (struct crime_count){ lo + (int32_t)m, order[r].id,
									    (uint8_t)c, *cell };
					*cell = 0;
				}
			}
	}
	t->n = out;
done:
	xfree(order);
	xfree(rank);
	xfree(start);
	xfree(bucketed);
	xfree(cells);
	return rc;
}

int crimecounts_load(struct store *s, struct crimecounts *t, size_t *months_counted,
		     struct err *e)
{
	struct load_ctx l = { s, t, 0, 0, e };
	int rc;

	memset(t, 0, sizeof(*t));
	/* the callbacks stop the walk with non-zero, the reason in `e` */
	if (store_crime_counts_each(s, month_counts, &l, e) != 0)
		rc = e->code ? e->code : ERR_INTERNAL;
	else if (sort_and_merge(t) < 0)
		rc = err_set(e, ERR_NOMEM, "out of memory sorting crime counts");
	else
		rc = 0;
	if (rc)
		crimecounts_release(t);
	if (months_counted)
		*months_counted = l.counted;
	return rc;
}

const char *crimecounts_lsoa(const struct crimecounts *t, const struct crime_count *c)
{
	return strtab_get(&t->lsoas, c->lsoa);
}

void crimecounts_release(struct crimecounts *t)
{
	strtab_release(&t->lsoas);
	xfree(t->v);
	memset(t, 0, sizeof(*t));
}
