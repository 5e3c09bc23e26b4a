/*
 * crimecounts.h - street crimes counted per LSOA, month and category.
 *
 * The import counts each street force-month's placed crimes by the LSOA
 * it placed them in and by category, and the store keeps those counts
 * beside the month (store_force_month.counts), so a table of counts for a
 * whole country is read from a few megabytes instead of decoding every
 * crime (docs/PERFORMANCE.md).  Months imported before the counts were
 * kept are counted from their packed rows, with the same result.
 *
 *	struct crimecounts t;
 *	if (crimecounts_load(store, &t, &e) == 0)
 *		for (size_t i = 0; i < t.n; i++)
 *			use(t.v[i].month, crimecounts_lsoa(&t, &t.v[i]), t.v[i].category, t.v[i].n);
 *	crimecounts_release(&t);
 */
#ifndef ENGAGE_CRIMECOUNTS_H
#define ENGAGE_CRIMECOUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "base/strtab.h"
#include "index/monthpack.h"
#include "store/store.h"

/* One force-month's counts, for the store: from a street pack's placed
 * rows (rows outside every LSOA or without a location are not counted). */
int crimecounts_encode(const struct monthpack *street, struct strbuf *out, struct err *e);

/* Each LSOA of an encoded force-month, in byte order of its code, with its
 * count per category (enum crime_category); `fn` returning non-zero stops. */
int crimecounts_decode(const void *data, size_t n,
		       int (*fn)(void *ctx, const char *lsoa, const uint32_t count[CAT_COUNT]),
		       void *ctx, struct err *e);

/* Counts summed over forces: one entry per (month, LSOA, category) with a
 * count above zero, sorted by month, LSOA code, category. */
struct crime_count {
	int32_t month;		/* YYYY*12 + MM-1 */
	uint32_t lsoa;		/* id in crimecounts.lsoas */
	uint8_t category;	/* enum crime_category */
	uint32_t n;
};
struct crimecounts {
	struct strtab lsoas;
	struct crime_count *v;
	size_t n, cap;
	int64_t crimes;		/* the sum of every n */
};

/* Every street month in the store; `months_counted` (may be NULL) says how
 * many had no stored counts and were counted from their rows. */
int crimecounts_load(struct store *s, struct crimecounts *t, size_t *months_counted,
		     struct err *e);
const char *crimecounts_lsoa(const struct crimecounts *t, const struct crime_count *c);
void crimecounts_release(struct crimecounts *t);

#endif
