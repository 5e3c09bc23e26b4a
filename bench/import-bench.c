/*
 * import-bench.c - how fast the import parsers and the point placer are:
 * CSV rows/s and police.uk rows/s over a file, and geo_index_locate calls/s
 * over the London LSOAs.  Deterministic (fixed seed) with a checksum, so two
 * builds compare on the same work.
 *
 *	cc -O2 -Isrc bench/import-bench.c build/rel/libengage.a $(pkg-config --libs gdal) -lm -lpthread
 *	./a.out street.csv london-2011-lsoa-gen20.shp
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "geo/geo.h"
#include "import/boundary.h"
#include "import/csv.h"
#include "import/policeuk.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int on_street(void *ctx, const struct crime_record *r, struct err *e)
{
	*(long *)ctx += r->lat + r->category;
	return 0;
}

/* Real crime locations, for placing. */
static struct geo_point *crimes;
static size_t ncrimes, crimes_cap;

static int keep_crime(void *ctx, const struct crime_record *r, struct err *e)
{
	if (!r->has_location)
		return 0;
	if (ncrimes == crimes_cap) {
		crimes_cap = crimes_cap ? 2 * crimes_cap : 65536;
		crimes = xreallocarray(crimes, crimes_cap, sizeof(*crimes));
	}
	crimes[ncrimes].x = r->lng / 1e6;
	crimes[ncrimes].y = r->lat / 1e6;
	ncrimes++;
	return 0;
}

struct polys {
	struct geo_multipolygon *mp;
	size_t n, cap;
};

static int keep(void *ctx, struct boundary_feature *f, struct err *e)
{
	struct polys *p = ctx;

	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 1024;
		p->mp = xreallocarray(p->mp, p->cap, sizeof(*p->mp));
	}
	p->mp[p->n++] = f->geom;
	memset(&f->geom, 0, sizeof(f->geom));
	return 0;
}

int main(int argc, char **argv)
{
	struct err e = ERR_INIT;
	double t0, t1;
	long rows = 0, sum = 0;
	size_t bytes = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: import-bench STREET.csv BOUNDARIES.shp\n");
		return 2;
	}
	{
		struct csv *c;
		int rc;

		t0 = now();
		if (csv_open_path(argv[1], NULL, &c, &e) < 0)
			goto fail;
		while ((rc = csv_next(c, &e)) > 0) {
			rows++;
			bytes += csv_field(c, 0).len;
		}
		csv_free(c);
		if (rc < 0)
			goto fail;
		t1 = now();
		printf("csv: %ld rows in %.3f s = %.2f M rows/s (checksum %zu)\n", rows, t1 - t0,
		       rows / (t1 - t0) / 1e6, bytes);
	}
	{
		struct policeuk_handlers h = { on_street, NULL, NULL, &sum };

		t0 = now();
		rows = policeuk_read_path(argv[1], &h, NULL, &e);
		if (rows < 0)
			goto fail;
		t1 = now();
		printf("policeuk street: %ld rows in %.3f s = %.2f M rows/s (checksum %ld)\n", rows,
		       t1 - t0, rows / (t1 - t0) / 1e6, sum);
	}
	{
		struct polys p = { NULL, 0, 0 };
		struct geo_index *ix;
		const long N = 6000000;
		unsigned long long s = 88172645463325252ULL;
		long i, hits = 0, csum = 0;
		double w, h;

		t0 = now();
		if (boundary_read(argv[2], NULL, keep, &p, &e) < 0)
			goto fail;
		t1 = now();
		printf("boundaries: %zu features in %.3f s\n", p.n, t1 - t0);
		t0 = now();
		ix = geo_index_build(p.mp, p.n);
		t1 = now();
		printf("index build: %.3f s\n", t1 - t0);
		w = 0.85; h = 0.42;	/* around London: -0.52..0.33, 51.28..51.70 */
		t0 = now();
		for (i = 0; i < N; i++) {
			struct geo_point pt;
			long at;

			s ^= s << 13; s ^= s >> 7; s ^= s << 17;
			pt.x = -0.52 + w * (double)(s & 0xffffff) / 16777216.0;
			pt.y = 51.28 + h * (double)((s >> 24) & 0xffffff) / 16777216.0;
			at = geo_index_locate(ix, pt);
			hits += at >= 0;
			csum += at;
		}
		t1 = now();
		printf("locate: %ld points (%ld inside) in %.3f s = %.2f M/s (checksum %ld)\n", N, hits,
		       t1 - t0, N / (t1 - t0) / 1e6, csum);
		{
			struct policeuk_handlers kh = { keep_crime, NULL, NULL, NULL };

			if (policeuk_read_path(argv[1], &kh, NULL, &e) < 0)
				goto fail;
		}
		hits = csum = 0;
		t0 = now();
		for (i = 0; i < N && ncrimes; i++) {
			long at = geo_index_locate(ix, crimes[(size_t)i % ncrimes]);

			hits += at >= 0;
			csum += at;
		}
		t1 = now();
		printf("locate crimes: %ld real crime points (%ld placed) in %.3f s = %.2f M/s (checksum %ld)\n",
		       N, hits, t1 - t0, N / (t1 - t0) / 1e6, csum);
		xfree(crimes);
		geo_index_free(ix);
		for (i = 0; i < (long)p.n; i++)
			geo_multipolygon_release(&p.mp[i]);
		xfree(p.mp);
	}
	return 0;
fail:
	fprintf(stderr, "import-bench: %s\n", e.msg);
	return 1;
}
