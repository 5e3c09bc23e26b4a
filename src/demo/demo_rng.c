/*
 * demo_rng.c - the demo generator's own random numbers.
 *
 * Same seed, same bytes: libc rand() differs between systems and libm
 * functions may differ in the last bit, so the generator uses xoshiro256**
 * seeded with splitmix64, and only + - * / and sqrt (exact under IEEE 754)
 * in anything that decides an output.  Each stage gets a stream named after
 * it, so adding a stage never shifts the numbers another stage draws.
 */
#include <math.h>

#include "demo/demo-internal.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void demo_rng_init(struct demo_rng *r, uint64_t seed, const char *stream)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a of the stream name */
	uint64_t x;

	for (const unsigned char *p = (const unsigned char *)stream; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	x = seed ^ h;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t demo_rng_next(struct demo_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

double demo_rng_unit(struct demo_rng *r)
{
	return (double)(demo_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int demo_rng_below(struct demo_rng *r, int n)
{
	return (int)((demo_rng_next(r) >> 33) % (uint64_t)n);
}

double demo_rng_range(struct demo_rng *r, double lo, double hi)
{
	return lo + (hi - lo) * demo_rng_unit(r);
}

int demo_rng_chance(struct demo_rng *r, double p)
{
	return demo_rng_unit(r) < p;
}

double demo_rng_normal(struct demo_rng *r)
{
	double s = 0;

	for (int i = 0; i < 12; i++)
		s += demo_rng_unit(r);
	return s - 6.0;
}

int demo_rng_count(struct demo_rng *r, double mean)
{
	double v;

	if (mean <= 0)
		return 0;
	v = mean + sqrt(mean) * demo_rng_normal(r);
	return v < 0 ? 0 : (int)(v + 0.5);
}

int demo_rng_weighted(struct demo_rng *r, const double *w, int n)
{
	double sum = 0, x;

	for (int i = 0; i < n; i++)
		sum += w[i];
	x = demo_rng_unit(r) * sum;
	for (int i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	for (int i = n - 1; i > 0; i--)	/* rounding left x at the end */
		if (w[i] > 0)
			return i;
	return 0;
}

int demo_rng_cumulative(struct demo_rng *r, const double *cum, int n)
{
	double x = demo_rng_unit(r) * cum[n - 1];
	int lo = 0, hi = n - 1;

	while (lo < hi) {	/* first index with cum > x */
		int mid = lo + (hi - lo) / 2;

		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

void demo_rng_hex64(struct demo_rng *r, char out[65])
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 0; i < 4; i++) {
		uint64_t v = demo_rng_next(r);

		for (int j = 0; j < 16; j++)
			out[i * 16 + j] = hex[(v >> (60 - 4 * j)) & 15];
	}
	out[64] = '\0';
}

void demo_split(int total, const double *w, int n, int *out)
{
	double sum = 0;
	int given = 0;

	for (int i = 0; i < n; i++)
		sum += w[i];
	for (int i = 0; i < n; i++) {
		out[i] = sum > 0 ? (int)(total * (w[i] / sum)) : 0;
		given += out[i];
	}
	while (given < total) {	/* largest remainder first, lowest index on ties */
		int best = 0;
		double bestr = -1;

		for (int i = 0; i < n; i++) {
			double rem = sum > 0 ? total * (w[i] / sum) - out[i] : 1;

			if (rem > bestr) {
				bestr = rem;
				best = i;
			}
		}
		out[best]++;
		given++;
	}
}
