/*
 * national-agg.c - the monthly aggregation half of bench/national.sh: open
 * the store, load the read model (readmodel_load: every packed force-month
 * decoded, every row's LSOA resolved), then count street crimes by
 * LSOA x month x category, as the PostGIS and GeoPandas runs do with
 * GROUP BY.  Prints the times, the resident memory of the loaded model per
 * crime, and the same result summary the other two print (groups, placed
 * rows, sum of squared counts), so the three can be seen to agree.
 *
 *	national-agg DATABASE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "index/readmodel.h"
#include "store/store.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* VmRSS or VmHWM of this process, bytes. */
static long proc_kb(const char *key)
{
	char line[256];
	long v = -1;
	size_t n = strlen(key);
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, n) && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return v * 1024;
}

int main(int argc, char **argv)
{
	struct err e = ERR_INIT;
	struct store *s;
	struct readmodel *rm;
	double t0, t1, t2, t3;
	long rss0, rss1, crimes = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: national-agg DATABASE\n");
		return 2;
	}
	rss0 = proc_kb("VmRSS");
	t0 = now();
	if (store_open(argv[1], STORE_READONLY, &s, &e) < 0 || readmodel_load(s, &rm, &e) < 0) {
		fprintf(stderr, "national-agg: %s\n", e.msg);
		return 1;
	}
	t1 = now();
	rss1 = proc_kb("VmRSS");
	for (size_t i = 0; i < rm->nmonths; i++)
		if (rm->months[i].has[MONTH_STREET])
			crimes += (long)rm->months[i].pack[MONTH_STREET].rows;

	/* LSOA x month x category */
	{
		int32_t m0 = rm->first_month, span = rm->latest_month - rm->first_month + 1;
		size_t cells = rm->nlsoas * (size_t)span * CAT_COUNT;
		uint32_t *count = xcalloc(cells ? cells : 1, sizeof(*count));
		long groups = 0, placed = 0;
		unsigned long long sq = 0;

		t2 = now();
		if (!count)
			return 1;
		for (size_t i = 0; i < rm->nmonths; i++) {
			const struct rm_month *m = &rm->months[i];
			const struct monthpack *p = &m->pack[MONTH_STREET];
			const uint8_t *flags, *cat;
			const uint32_t *lsoa;
			const int32_t *lsoa_of = m->lsoa_of[MONTH_STREET];
			size_t base;

			if (!m->has[MONTH_STREET])
				continue;
			flags = MP_U8(p, SC_FLAGS);
			cat = MP_U8(p, SC_CATEGORY);
			lsoa = MP_STR(p, SC_LSOA);
			base = (size_t)(m->month - m0) * CAT_COUNT;
			for (size_t r = 0; r < p->rows; r++) {
				int32_t l;

				if (!(flags[r] & MPF_PLACED) || lsoa[r] == STRTAB_NONE)
					continue;
				l = lsoa_of[lsoa[r]];
				if (l < 0)
					continue;
				count[(size_t)l * (size_t)span * CAT_COUNT + base + cat[r]]++;
			}
		}
		for (size_t c = 0; c < cells; c++)
			if (count[c]) {
				groups++;
				placed += count[c];
				sq += (unsigned long long)count[c] * count[c];
			}
		t3 = now();
		xfree(count);
		printf("engage: read model loaded in %.3f s (%zu LSOAs, %zu force-months, %ld street crimes); "
		       "aggregated in %.3f s\n",
		       t1 - t0, rm->nlsoas, rm->nmonths, crimes, t3 - t2);
		printf("engage: result: %ld groups (lsoa, month, category), %ld placed rows, sum of squares %llu\n",
		       groups, placed, sq);
		printf("engage: resident memory after load %ld bytes (%ld before), %.1f bytes per crime "
		       "(%.1f counting only the growth)\n",
		       rss1, rss0, crimes ? (double)rss1 / (double)crimes : 0.0,
		       crimes ? (double)(rss1 - rss0) / (double)crimes : 0.0);
		printf("engage-load-s %.3f\nengage-agg-s %.3f\nengage-rss-bytes %ld\nengage-crimes %ld\n",
		       t1 - t0, t3 - t2, rss1, crimes);
	}
	readmodel_free(rm);
	store_close(s);
	return 0;
}
