/*
 * national-gen.c - a national-scale police.uk data set for bench/national.sh:
 * LSOA-like polygons tiling a region the size of England and Wales, and a
 * year of street crime in police.uk's street CSV layout, one file per
 * force-month as police.uk publishes them.
 *
 *	national-gen --out DIR [--lsoas 35000] [--rows 6000000] [--months 12] [--unique-points]
 *	             [--forces 43] [--seed 1]
 *
 * Writes
 *	DIR/lsoa.geojson                                  RFC 7946, LSOA21CD/LSOA21NM
 *	DIR/police-uk/YYYY-MM/YYYY-MM-FORCE-street.csv    months ending 2026-10
 * and prints the counts and an FNV-1a checksum of every byte written, so
 * two runs can be seen to be the same work.
 *
 * The polygons: a grid of quadrilaterals whose shared corners are jittered
 * (so shared edges are identical vertex for vertex, coordinates whole
 * microdegrees), one cell in 100 with a square hole, and the hole itself
 * an LSOA of its own (an enclave), so the polygons tile the region exactly.
 * Forces are the Voronoi cells of random seeds over the grid.  Crimes fall
 * on LSOAs by a skewed weight (log-normal times a few urban peaks), inside
 * their polygon with a margin from every edge; about 1% have no location.
 * Deterministic: own PRNG, no clock, no libc rand.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* xoshiro256** seeded by splitmix64 */
static uint64_t rs[4];
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t rnd(void)
{
	uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;

	rs[2] ^= rs[0]; rs[3] ^= rs[1]; rs[1] ^= rs[2]; rs[0] ^= rs[3];
	rs[2] ^= t; rs[3] = rotl(rs[3], 45);
	return r;
}
static void seed(uint64_t s)
{
	for (int i = 0; i < 4; i++) {
		uint64_t z = (s += 0x9e3779b97f4a7c15ULL);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		rs[i] = z ^ (z >> 31);
	}
}
static double unif(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

/* police.uk snaps every crime to one of about 750,000 anonymous map points
 * (about 21 per LSOA), so by default each LSOA has a fixed pool of
 * POINTS_PER_LSOA points, each on its own street, and a row takes one of
 * them.  --unique-points gives every row a point of its own instead: the
 * worst case for anything keyed by point (docs/PERFORMANCE.md). */
#define POINTS_PER_LSOA 21
static int unique_points;
static uint64_t saved_rs[4];

/* Draw map point k of LSOA i from a stream of its own, so the same point
 * comes out every time it is chosen; restore the main stream after. */
static void point_stream_begin(long i, int k, long seedv)
{
	memcpy(saved_rs, rs, sizeof(rs));
	seed((uint64_t)seedv * 0x100000001b3ULL ^ ((uint64_t)i * POINTS_PER_LSOA + (uint64_t)k + 1));
}

static void point_stream_end(void)
{
	memcpy(rs, saved_rs, sizeof(rs));
}
static double gauss(void)
{
	double u = unif() + 1e-12, v = unif();

	return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* Checksummed output */
static uint64_t fnv = 1469598103934665603ULL;
static uint64_t bytes_out;
static void out(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fnv = (fnv ^ (unsigned char)s[i]) * 1099511628211ULL;
	bytes_out += n;
	if (fwrite(s, 1, n, f) != n) {
		perror("national-gen: write");
		exit(1);
	}
}

static const char *const forces[] = {
	"metropolitan", "west-midlands", "greater-manchester", "west-yorkshire", "thames-valley",
	"kent", "hampshire", "merseyside", "lancashire", "south-yorkshire", "essex", "northumbria",
	"avon-and-somerset", "sussex", "devon-and-cornwall", "south-wales", "nottinghamshire",
	"west-mercia", "leicestershire", "humberside", "hertfordshire", "staffordshire",
	"cheshire", "derbyshire", "surrey", "cambridgeshire", "cleveland", "norfolk",
	"bedfordshire", "durham", "lincolnshire", "gwent", "northamptonshire", "suffolk",
	"north-yorkshire", "gloucestershire", "north-wales", "warwickshire", "wiltshire",
	"dorset", "dyfed-powys", "cumbria", "city-of-london",
};
#define NFORCES_MAX ((int)(sizeof(forces) / sizeof(forces[0])))

static const char *const categories[] = {
	"Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson",
	"Drugs", "Other theft", "Possession of weapons", "Public order", "Robbery",
	"Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences",
	"Other crime",
};
static const double cat_share[] = { 0.30, 0.012, 0.040, 0.075, 0.028, 0.055, 0.009, 0.070,
				     0.008, 0.070, 0.012, 0.045, 0.290, 0.016 };
static const char *const outcomes[] = {
	"Investigation complete; no suspect identified", "Unable to prosecute suspect",
	"Under investigation", "Status update unavailable", "Awaiting court outcome",
	"Local resolution", "Offender given a caution", "Court result unavailable",
	"Further investigation is not in the public interest",
	"Action to be taken by another organisation",
};
static const double out_share[] = { 0.45, 0.25, 0.10, 0.05, 0.04, 0.03, 0.02, 0.03, 0.02, 0.01 };
static const char *const streets[] = {
	"High Street", "Station Road", "Church Lane", "Mill Lane", "Park Road", "Victoria Road",
	"Green Lane", "Manor Road", "Kings Road", "Queens Road", "New Road", "School Lane",
	"The Crescent", "Chapel Street", "Market Place", "North Street", "London Road",
	"Parking Area", "Supermarket", "Petrol Station", "Shopping Area", "Sports/Recreation Area",
	"Nightclub", "Further/Higher Educational Building", "Hospital", "Bus/Coach Station",
	"Police Station", "Conference/Exhibition Centre", "Theatre/Concert Hall", "Pedestrian Subway",
	"Alexandra Road", "Albert Road", "Windsor Road", "York Road", "Springfield Road",
	"West Street", "Bridge Street", "Castle Street", "Orchard Close", "Meadow View",
};
#define NSTREETS ((int)(sizeof(streets) / sizeof(streets[0])))

struct lsoa {
	int32_t x[4], y[4];	/* corners, microdegrees: (x0,y0) (x1,y0) (x1,y1) (x0,y1) */
	int hole;		/* index of the enclave filling this cell's hole, or -1 */
	int host;		/* for an enclave: the cell around it, else -1 */
	int32_t hx0, hy0, hx1, hy1;	/* the hole (or the enclave) square */
	int force;
	double w;
};

static int sample(const double *cdf, int n, double u)
{
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (cdf[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static char *put_int(char *p, long v)
{
	char tmp[24];
	int n = 0;

	if (v < 0) {
		*p++ = '-';
		v = -v;
	}
	do
		tmp[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static char *put_micro(char *p, int32_t v)	/* -1.234567 */
{
	long a = v < 0 ? -(long)v : v;

	if (v < 0)
		*p++ = '-';
	p = put_int(p, a / 1000000);
	*p++ = '.';
	for (long d = 100000; d; d /= 10)
		*p++ = (char)('0' + a / d % 10);
	return p;
}

static char *put_str(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return p + n;
}

static void mkdirs(const char *path)
{
	char tmp[4096];

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *q = tmp + 1; *q; q++)
		if (*q == '/') {
			*q = 0;
			mkdir(tmp, 0755);
			*q = '/';
		}
	if (mkdir(tmp, 0755) < 0 && errno != EEXIST) {
		fprintf(stderr, "national-gen: cannot create '%s': %s\n", path, strerror(errno));
		exit(1);
	}
}

static void lsoa_name(char *buf, size_t n, int i)
{
	snprintf(buf, n, "Lad%03d %03d%c", i / 120, i % 120 / 4 + 1, 'A' + i % 4);
}

static void ring(FILE *f, const int32_t *xs, const int32_t *ys, int n)
{
	char buf[128], *p;

	out(f, "[", 1);
	for (int i = 0; i <= n; i++) {
		p = buf;
		if (i)
			*p++ = ',';
		*p++ = '[';
		p = put_micro(p, xs[i % n]);
		*p++ = ',';
		p = put_micro(p, ys[i % n]);
		*p++ = ']';
		out(f, buf, (size_t)(p - buf));
	}
	out(f, "]", 1);
}

int main(int argc, char **argv)
{
	const char *dir = NULL;
	long nl = 35000, rows = 6000000, seedv = 1;
	int months = 12, nforces = 43, last = 2026 * 12 + 9;	/* 2026-10 */
	/* the region: about England and Wales */
	const double lon0 = -5.6, lon1 = 1.7, lat0 = 50.0, lat1 = 55.8;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--unique-points")) {
			unique_points = 1;
			continue;
		}
		if (!v)
			goto usage;
		if (!strcmp(a, "--out"))
			dir = v;
		else if (!strcmp(a, "--lsoas"))
			nl = strtol(v, NULL, 10);
		else if (!strcmp(a, "--rows"))
			rows = strtol(v, NULL, 10);
		else if (!strcmp(a, "--months"))
			months = (int)strtol(v, NULL, 10);
		else if (!strcmp(a, "--forces"))
			nforces = (int)strtol(v, NULL, 10);
		else if (!strcmp(a, "--seed"))
			seedv = strtol(v, NULL, 10);
		else
			goto usage;
		i++;
	}
	if (!dir || nl < 4 || rows < 1 || months < 1 || months > 120 || nforces < 1 ||
	    nforces > NFORCES_MAX)
		goto usage;
	seed((uint64_t)seedv);

	/* --- polygons ------------------------------------------------------ */
	long nh = nl / 100, ncell = nl - nh;
	double wkm = (lon1 - lon0) * 67.0, hkm = (lat1 - lat0) * 111.0;
	int cols = (int)ceil(sqrt((double)ncell * wkm / hkm));
	int rowsg = (int)((ncell + cols - 1) / cols);
	double cw = (lon1 - lon0) / cols, ch = (lat1 - lat0) / rowsg;
	int32_t *vx = malloc(sizeof(int32_t) * (size_t)(cols + 1) * (size_t)(rowsg + 1));
	int32_t *vy = malloc(sizeof(int32_t) * (size_t)(cols + 1) * (size_t)(rowsg + 1));
	struct lsoa *L = calloc((size_t)nl, sizeof(*L));
	double fx[NFORCES_MAX], fy[NFORCES_MAX];

	if (!vx || !vy || !L)
		return 1;
	for (int r = 0; r <= rowsg; r++)
		for (int c = 0; c <= cols; c++) {
			size_t k = (size_t)r * (size_t)(cols + 1) + (size_t)c;

			vx[k] = (int32_t)lround((lon0 + cw * (c + 0.3 * (unif() - 0.5))) * 1e6);
			vy[k] = (int32_t)lround((lat0 + ch * (r + 0.3 * (unif() - 0.5))) * 1e6);
		}
	for (int f = 0; f < nforces; f++) {
		fx[f] = unif() * cols;
		fy[f] = unif() * rowsg;
	}
	{
		/* urban peaks: weight multipliers around a few centres */
		double px[12], py[12], pa[12], ps[12];
		long next_hole = 0;

		for (int k = 0; k < 12; k++) {
			px[k] = unif() * cols;
			py[k] = unif() * rowsg;
			pa[k] = 2 + 10 * unif();
			ps[k] = 3 + 8 * unif();
		}
		for (long i = 0; i < ncell; i++) {
			int c = (int)(i % cols), r = (int)(i / cols);
			size_t k0 = (size_t)r * (size_t)(cols + 1) + (size_t)c, k1 = k0 + (size_t)cols + 1;
			struct lsoa *l = &L[i];
			double best = 1e300, m = 1;

			l->x[0] = vx[k0]; l->y[0] = vy[k0];
			l->x[1] = vx[k0 + 1]; l->y[1] = vy[k0 + 1];
			l->x[2] = vx[k1 + 1]; l->y[2] = vy[k1 + 1];
			l->x[3] = vx[k1]; l->y[3] = vy[k1];
			l->hole = l->host = -1;
			for (int f = 0; f < nforces; f++) {
				double d = (fx[f] - c) * (fx[f] - c) + (fy[f] - r) * (fy[f] - r);

				if (d < best) {
					best = d;
					l->force = f;
				}
			}
			for (int k = 0; k < 12; k++) {
				double d2 = ((px[k] - c) * (px[k] - c) + (py[k] - r) * (py[k] - r)) / (ps[k] * ps[k]);

				m += pa[k] * exp(-d2);
			}
			l->w = exp(0.8 * gauss()) * m;
			if (nh && (i * nh) / ncell != ((i + 1) * nh) / ncell) {	/* nh, evenly spread */
				long e = ncell + next_hole++;
				double cx = (l->x[0] + l->x[1] + l->x[2] + l->x[3]) / 4.0;
				double cy = (l->y[0] + l->y[1] + l->y[2] + l->y[3]) / 4.0;

				l->hole = (int)e;
				l->hx0 = (int32_t)lround(cx - 0.1 * cw * 1e6);
				l->hx1 = (int32_t)lround(cx + 0.1 * cw * 1e6);
				l->hy0 = (int32_t)lround(cy - 0.1 * ch * 1e6);
				l->hy1 = (int32_t)lround(cy + 0.1 * ch * 1e6);
				L[e] = *l;
				L[e].hole = -1;
				L[e].host = (int)i;
				L[e].w = l->w * 0.5;
			}
		}
	}

	char path[4096];
	FILE *f;

	mkdirs(dir);
	snprintf(path, sizeof(path), "%s/lsoa.geojson", dir);
	if (!(f = fopen(path, "w"))) {
		fprintf(stderr, "national-gen: cannot write '%s': %s\n", path, strerror(errno));
		return 1;
	}
	{
		static const char head[] = "{\"type\":\"FeatureCollection\",\"features\":[\n";
		char buf[256];

		out(f, head, sizeof(head) - 1);
		for (long i = 0; i < nl; i++) {
			struct lsoa *l = &L[i];
			char name[64];
			int n;

			lsoa_name(name, sizeof(name), (int)i);
			n = snprintf(buf, sizeof(buf),
				     "%s{\"type\":\"Feature\",\"properties\":{\"LSOA21CD\":\"E01%06ld\",\"LSOA21NM\":\"%s\"},"
				     "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[",
				     i ? ",\n" : "", i + 1, name);
			out(f, buf, (size_t)n);
			if (l->host >= 0) {
				int32_t xs[4] = { l->hx0, l->hx1, l->hx1, l->hx0 };
				int32_t ys[4] = { l->hy0, l->hy0, l->hy1, l->hy1 };

				ring(f, xs, ys, 4);
			} else {
				ring(f, l->x, l->y, 4);
				if (l->hole >= 0) {	/* clockwise */
					int32_t xs[4] = { l->hx0, l->hx0, l->hx1, l->hx1 };
					int32_t ys[4] = { l->hy0, l->hy1, l->hy1, l->hy0 };

					out(f, ",", 1);
					ring(f, xs, ys, 4);
				}
			}
			out(f, "]}}", 3);
		}
		out(f, "\n]}\n", 4);
	}
	if (fclose(f)) {
		perror("national-gen: lsoa.geojson");
		return 1;
	}

	/* --- crimes -------------------------------------------------------- */
	double *cdf = malloc(sizeof(double) * (size_t)nl), acc = 0, cat_cdf[14], out_cdf[10];
	double season[120], stot = 0;
	long total = 0, noloc = 0, files = 0;
	static const char header[] =
		"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

	for (long i = 0; i < nl; i++)
		cdf[i] = acc += L[i].w;
	for (long i = 0; i < nl; i++)
		cdf[i] /= acc;
	acc = 0;
	for (int i = 0; i < 14; i++)
		cat_cdf[i] = acc += cat_share[i];
	for (int i = 0; i < 14; i++)
		cat_cdf[i] /= acc;
	acc = 0;
	for (int i = 0; i < 10; i++)
		out_cdf[i] = acc += out_share[i];
	for (int i = 0; i < 10; i++)
		out_cdf[i] /= acc;
	for (int m = 0; m < months; m++) {
		int mon = (last - months + 1 + m) % 12;

		season[m] = 1 + 0.12 * sin(6.283185307179586 * (mon - 3) / 12.0);
		stot += season[m];
	}
	for (int m = 0; m < months; m++) {
		int ym = last - months + 1 + m, yy = ym / 12, mo = ym % 12 + 1;
		long nrows = (long)llround((double)rows * season[m] / stot);
		FILE *ff[NFORCES_MAX];
		char fname[NFORCES_MAX][64];
		char mdir[4096], mstr[8];

		if (m == months - 1)
			nrows = rows - total;
		snprintf(mstr, sizeof(mstr), "%04d-%02d", yy, mo);
		snprintf(mdir, sizeof(mdir), "%s/police-uk/%s", dir, mstr);
		mkdirs(mdir);
		for (int k = 0; k < nforces; k++) {
			const char *id = forces[k];
			char *p = fname[k];

			/* "Falls within": the id in title case, "X Police" */
			for (int j = 0; id[j] && p < fname[k] + 40; j++)
				*p++ = id[j] == '-' ? ' ' : (j == 0 || id[j - 1] == '-') ? (char)(id[j] - 32) : id[j];
			memcpy(p, " Police", 8);
			snprintf(path, sizeof(path), "%s/%s-%s-street.csv", mdir, mstr, id);
			if (!(ff[k] = fopen(path, "w"))) {
				fprintf(stderr, "national-gen: cannot write '%s': %s\n", path, strerror(errno));
				return 1;
			}
			setvbuf(ff[k], NULL, _IOFBF, 1 << 16);
			out(ff[k], header, sizeof(header) - 1);
			files++;
		}
		for (long n = 0; n < nrows; n++) {
			int i = sample(cdf, (int)nl, unif());
			struct lsoa *l = &L[i];
			int cat = sample(cat_cdf, 14, unif());
			int located = unif() >= 0.01;
			char buf[512], *p = buf;
			int32_t x = 0, y = 0;

			if (cat != 0) {
				static const char hex[] = "0123456789abcdef";

				for (int q = 0; q < 4; q++) {
					uint64_t v = rnd();

					for (int b = 0; b < 16; b++, v >>= 4)
						*p++ = hex[v & 15];
				}
			}
			*p++ = ',';
			p = put_str(p, mstr);
			*p++ = ',';
			p = put_str(p, fname[l->force]);
			*p++ = ',';
			p = put_str(p, fname[l->force]);
			*p++ = ',';
			if (located) {
				int k = unique_points ? 0 : (int)(rnd() % POINTS_PER_LSOA);

				if (!unique_points)
					point_stream_begin(i, k, seedv);
				if (l->host >= 0) {
					double u = 0.03 + 0.94 * unif(), v = 0.03 + 0.94 * unif();

					x = (int32_t)lround(l->hx0 + u * (l->hx1 - l->hx0));
					y = (int32_t)lround(l->hy0 + v * (l->hy1 - l->hy0));
				} else {
					for (;;) {	/* bilinear in the (convex) quad, off its edges */
						double u = 0.03 + 0.94 * unif(), v = 0.03 + 0.94 * unif();
						double ax = l->x[0] + u * (l->x[1] - l->x[0]), ay = l->y[0] + u * (l->y[1] - l->y[0]);
						double bx = l->x[3] + u * (l->x[2] - l->x[3]), by = l->y[3] + u * (l->y[2] - l->y[3]);
						double mx = 0.01 * cw * 1e6, my = 0.01 * ch * 1e6;

						x = (int32_t)lround(ax + v * (bx - ax));
						y = (int32_t)lround(ay + v * (by - ay));
						if (l->hole < 0 || x < l->hx0 - mx || x > l->hx1 + mx || y < l->hy0 - my ||
						    y > l->hy1 + my)
							break;
					}
				}
				if (!unique_points)
					point_stream_end();
				p = put_micro(p, x);
				*p++ = ',';
				p = put_micro(p, y);
				*p++ = ',';
				p = put_str(p, "On or near ");
				p = put_str(p, streets[(i * 7 + (unique_points ? (int)(rnd() % 5) : k)) % NSTREETS]);
				p = put_str(p, ",E01");
				for (long d = 100000; d; d /= 10)
					*p++ = (char)('0' + (i + 1) / d % 10);
				*p++ = ',';
				lsoa_name(p, 64, i);
				p += strlen(p);
			} else {
				noloc++;
				p = put_str(p, ",,No Location,,");
			}
			*p++ = ',';
			p = put_str(p, categories[cat]);
			*p++ = ',';
			if (cat != 0) {
				const char *o = outcomes[sample(out_cdf, 10, unif())];

				if (strchr(o, ',')) {
					*p++ = '"';
					p = put_str(p, o);
					*p++ = '"';
				} else {
					p = put_str(p, o);
				}
			}
			*p++ = ',';
			*p++ = '\n';
			out(ff[l->force], buf, (size_t)(p - buf));
		}
		total += nrows;
		for (int k = 0; k < nforces; k++)
			if (fclose(ff[k])) {
				perror("national-gen: close");
				return 1;
			}
	}
	printf("national-gen: seed %ld, %ld LSOAs (%ld with a hole, grid %dx%d), %d forces, %d months, "
	       "%ld files, %ld street rows (%ld without location), %llu bytes, checksum %016llx\n",
	       seedv, nl, nl - ncell, cols, rowsg, nforces, months, files, total, noloc,
	       (unsigned long long)bytes_out, (unsigned long long)fnv);
	free(cdf);
	free(vx);
	free(vy);
	free(L);
	return 0;
usage:
	fprintf(stderr, "usage: national-gen --out DIR [--lsoas N] [--rows N] [--months N] [--unique-points] "
			"[--forces N<=43] [--seed N]\n");
	return 2;
}
