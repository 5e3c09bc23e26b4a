/*
 * t_demo.c - the demo town generator (src/demo): what a user of the demo
 * data would check - same seed same bytes, exact headers, LSOAs that tile
 * the town, crimes inside the LSOA they name, believable crime mix and
 * seasons, census figures that add up.
 */
#include "test.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "base/err.h"
#include "base/xalloc.h"
#include "demo/demo.h"

#define MAXF 32
#define FLEN 512

/* ---- small helpers ----------------------------------------------------- */

static int starts(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = (n + 65536) * 2;
			buf = realloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* One RFC 4180 record from *p into f; returns the field count, -1 at end. */
static int csv_next(const char **p, char f[MAXF][FLEN])
{
	const char *s = *p;
	int nf = 0, len = 0;

	if (!*s)
		return -1;
	for (;;) {
		if (*s == '"') {
			s++;
			while (*s && !(*s == '"' && s[1] != '"')) {
				if (*s == '"')
					s++;
				if (len < FLEN - 1)
					f[nf][len++] = *s;
				s++;
			}
			if (*s == '"')
				s++;
		}
		while (*s && *s != ',' && *s != '\n') {
			if (len < FLEN - 1)
				f[nf][len++] = *s;
			s++;
		}
		f[nf][len] = '\0';
		if (nf < MAXF - 1)
			nf++;
		len = 0;
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\n')
			s++;
		break;
	}
	*p = s;
	return nf;
}

struct ring {
	long long *x, *y;
	int n;	/* closed: point n-1 equals point 0 */
};

static int ring_contains(const struct ring *g, long long px, long long py)
{
	int in = 0;

	for (int i = 0, j = g->n - 2; i < g->n - 1; j = i++) {
		long long ax = g->x[j], ay = g->y[j], bx = g->x[i], by = g->y[i];

		if ((ay > py) != (by > py)) {
			long long dy = by - ay, lhs = (px - ax) * dy, rhs = (py - ay) * (bx - ax);

			if (dy > 0 ? lhs < rhs : lhs > rhs)
				in = !in;
		}
	}
	return in;
}

static double ring_area(const struct ring *g)
{
	long long s = 0;

	for (int i = 0; i + 1 < g->n; i++)
		s += (g->x[i] - g->x[0]) * (g->y[i + 1] - g->y[0]) -
		     (g->x[i + 1] - g->x[0]) * (g->y[i] - g->y[0]);
	return s / 2.0;
}

static long long micro(double v)
{
	return (long long)(v * 1e6 + (v < 0 ? -0.5 : 0.5));
}

/* The town made with seed 1, generated once for the tests that read it. */
static const char *town1(void)
{
	static char dir[512];
	struct demo_options o;
	struct err e = ERR_INIT;

	if (dir[0])
		return dir;
	snprintf(dir, sizeof(dir), "%s/town-seed1", test_tmpdir());
	demo_options_default(&o);
	o.out_dir = dir;
	if (demo_generate(&o, NULL, &e) < 0)
		test_fail(__FILE__, __LINE__, "demo_generate: %s", e.msg);
	return dir;
}

static char *read_rel(const char *dir, const char *rel)
{
	char path[1024];
	char *s;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	s = slurp(path, NULL);
	if (!s)
		test_fail(__FILE__, __LINE__, "cannot read %s", path);
	return s;
}

struct lsoa {
	char code[16], name[40], nbhd[8];
	struct ring ring;
};

static int load_lsoas(const char *dir, struct lsoa **out)
{
	char path[1024];
	json_error_t je;
	json_t *root, *feats;
	struct lsoa *l;
	size_t n;

	snprintf(path, sizeof(path), "%s/boundaries/lsoa.geojson", dir);
	root = json_load_file(path, 0, &je);
	if (!root) {
		test_fail(__FILE__, __LINE__, "lsoa.geojson: %s", je.text);
		return 0;
	}
	feats = json_object_get(root, "features");
	n = json_array_size(feats);
	l = calloc(n + 1, sizeof(*l));
	for (size_t i = 0; i < n; i++) {
		json_t *f = json_array_get(feats, i), *props = json_object_get(f, "properties");
		json_t *geom = json_object_get(f, "geometry");
		json_t *ring = json_array_get(json_object_get(geom, "coordinates"), 0);
		size_t m = json_array_size(ring);

		CHECK_STR(json_string_value(json_object_get(geom, "type")), "Polygon");
		snprintf(l[i].code, sizeof(l[i].code), "%s", json_string_value(json_object_get(props, "LSOA21CD")));
		snprintf(l[i].name, sizeof(l[i].name), "%s", json_string_value(json_object_get(props, "LSOA21NM")));
		l[i].ring.n = (int)m;
		l[i].ring.x = calloc(m + 1, sizeof(long long));
		l[i].ring.y = calloc(m + 1, sizeof(long long));
		for (size_t k = 0; k < m; k++) {
			json_t *c = json_array_get(ring, k);

			l[i].ring.x[k] = micro(json_real_value(json_array_get(c, 0)));
			l[i].ring.y[k] = micro(json_real_value(json_array_get(c, 1)));
		}
	}
	json_decref(root);
	*out = l;
	return (int)n;
}

static void free_lsoas(struct lsoa *l, int n)
{
	for (int i = 0; i < n; i++) {
		free(l[i].ring.x);
		free(l[i].ring.y);
	}
	free(l);
}

static int find_lsoa(struct lsoa *l, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(l[i].code, code))
			return i;
	return -1;
}

/* Every regular file under dir, relative paths, sorted. */
static void list_files(const char *dir, const char *rel, char ***names, int *n)
{
	char path[1024];
	DIR *d;
	struct dirent *de;

	snprintf(path, sizeof(path), "%s%s%s", dir, *rel ? "/" : "", rel);
	if (!(d = opendir(path)))
		return;
	while ((de = readdir(d))) {
		char sub[1024], full[2048];
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", de->d_name);
		snprintf(full, sizeof(full), "%s/%s", dir, sub);
		if (stat(full, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			list_files(dir, sub, names, n);
		} else {
			*names = realloc(*names, (size_t)(*n + 1) * sizeof(char *));
			(*names)[(*n)++] = strdup(sub);
		}
	}
	closedir(d);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- tests ----------------------------------------------------------------- */

TEST(demo_generate_writes_the_town)
{
	struct demo_options o;
	struct demo_summary s;
	struct err e = ERR_INIT;
	char dir[512], **names = NULL;
	int n = 0;

	snprintf(dir, sizeof(dir), "%s/a/b/c", test_tmpdir());	/* parents made too */
	demo_options_default(&o);
	CHECK_INT(o.months, 24);
	CHECK_INT(o.last_month, 2026 * 12 + 9);
	o.out_dir = dir;
	o.months = 3;
	CHECK_INT(demo_generate(&o, &s, &e), 0);
	CHECK(s.lsoas >= 40 && s.lsoas <= 60);
	CHECK(s.neighbourhoods >= 6 && s.neighbourhoods <= 8);
	CHECK_INT(s.months, 3);
	CHECK(s.street_rows >= 3 * 600 && s.street_rows <= 3 * 1200);
	list_files(dir, "", &names, &n);
	CHECK_INT(n, s.files);
	CHECK_INT(n, 3 * 3 + 1 + s.neighbourhoods + 3 + 4 + 1 + 5);	/* + engagement/ */
	free_names(names, n);
	{
		char *readme = read_rel(dir, "README.txt");

		CHECK_CONTAINS(readme, "FICTIONAL");
		CHECK_CONTAINS(readme, "seed 1");
		free(readme);
	}
}

TEST(demo_same_seed_same_bytes_other_seed_other_town)
{
	const char *a = town1();
	char b[512], c[512], **na = NULL, **nb = NULL;
	int n1 = 0, n2 = 0;
	struct demo_options o;
	struct err e = ERR_INIT;

	snprintf(b, sizeof(b), "%s/again", test_tmpdir());
	snprintf(c, sizeof(c), "%s/seed2", test_tmpdir());
	demo_options_default(&o);
	o.out_dir = b;
	CHECK_INT(demo_generate(&o, NULL, &e), 0);
	o.out_dir = c;
	o.seed = 2;
	CHECK_INT(demo_generate(&o, NULL, &e), 0);

	list_files(a, "", &na, &n1);
	list_files(b, "", &nb, &n2);
	CHECK_INT(n1, n2);
	CHECK(n1 >= 24 * 3 + 12);
	qsort(na, (size_t)n1, sizeof(char *), cmp_str);
	qsort(nb, (size_t)n2, sizeof(char *), cmp_str);
	for (int i = 0; i < n1 && i < n2; i++) {
		char pa[1024], pb[1024];
		size_t la, lb;
		char *x, *y;

		CHECK_STR(na[i], nb[i]);
		snprintf(pa, sizeof(pa), "%s/%s", a, na[i]);
		snprintf(pb, sizeof(pb), "%s/%s", b, nb[i]);
		x = slurp(pa, &la);
		y = slurp(pb, &lb);
		if (!x || !y || la != lb || memcmp(x, y, la))
			test_fail(__FILE__, __LINE__, "%s differs between two runs with seed 1", na[i]);
		free(x);
		free(y);
	}
	{
		char *x = read_rel(a, "police-uk/2026-10/2026-10-glanmor-street.csv");
		char *y = read_rel(c, "police-uk/2026-10/2026-10-glanmor-street.csv");

		CHECK(x && y && strcmp(x, y) != 0);
		free(x);
		free(y);
	}
	free_names(na, n1);
	free_names(nb, n2);
}

TEST(demo_lsoas_tile_the_town)
{
	const char *dir = town1();
	struct lsoa *l = NULL;
	int n = load_lsoas(dir, &l), nn = 0, inside = 0;
	struct ring nb[8];
	char nbid[8][8];
	double lsoa_area = 0, nb_area = 0;
	long long minx = 0, maxx = 0, miny = 0, maxy = 0;
	unsigned long long lcg = 12345;
	char f[MAXF][FLEN], *csv = read_rel(dir, "neighbourhoods.csv");
	const char *p = csv;

	CHECK(n >= 40 && n <= 60);
	for (int i = 0; i < n; i++) {
		struct ring *g = &l[i].ring;

		CHECK(g->n >= 5);
		CHECK(g->x[0] == g->x[g->n - 1] && g->y[0] == g->y[g->n - 1]);
		CHECK(ring_area(g) > 0);	/* counter-clockwise */
		CHECK_INT(strncmp(l[i].code, "W0109", 5), 0);
		CHECK_INT(strncmp(l[i].name, "Porthmawr ", 10), 0);
		lsoa_area += ring_area(g);
		for (int k = 0; k < g->n; k++) {
			if ((i == 0 && k == 0) || g->x[k] < minx) minx = g->x[k];
			if ((i == 0 && k == 0) || g->x[k] > maxx) maxx = g->x[k];
			if ((i == 0 && k == 0) || g->y[k] < miny) miny = g->y[k];
			if ((i == 0 && k == 0) || g->y[k] > maxy) maxy = g->y[k];
		}
	}
	/* about 6 km by 5 km round 52.35N 4.45W */
	CHECK(minx > -4500000 && maxx < -4400000 && miny > 52320000 && maxy < 52380000);
	CHECK((maxx - minx) / 1e6 * 68000 > 5500 && (maxy - miny) / 1e6 * 111250 > 4500);

	CHECK_STR((csv_next(&p, f), f[0]), "Force ID");
	while (csv_next(&p, f) >= 5 && nn < 8) {
		char path[1024], *kml, *c;
		int members = 0;

		snprintf(nbid[nn], sizeof(nbid[nn]), "%s", f[1]);
		for (char *code = strtok_r(f[4], ";", &c); code; code = strtok_r(NULL, ";", &c)) {
			int i = find_lsoa(l, n, code);

			CHECK(i >= 0);
			if (i >= 0) {
				CHECK_STR(l[i].nbhd, "");	/* in one neighbourhood only */
				snprintf(l[i].nbhd, sizeof(l[i].nbhd), "%s", f[1]);
			}
			members++;
		}
		CHECK(members >= 2);
		snprintf(path, sizeof(path), "%s/boundaries/neighbourhoods/glanmor/%s.kml", dir, f[1]);
		kml = slurp(path, NULL);
		CHECK(kml != NULL);
		if (!kml)
			break;
		CHECK_CONTAINS(kml, "<kml xmlns=\"http://www.opengis.net/kml/2.2\">");
		c = strstr(kml, "<coordinates>");
		nb[nn].x = calloc(2000, sizeof(long long));
		nb[nn].y = calloc(2000, sizeof(long long));
		nb[nn].n = 0;
		for (c = c ? c + 13 : NULL; c && *c != '<' && nb[nn].n < 2000; ) {
			double x = strtod(c, &c), y = strtod(c + 1, &c);

			strtod(c + 1, &c);
			nb[nn].x[nb[nn].n] = micro(x);
			nb[nn].y[nb[nn].n] = micro(y);
			nb[nn].n++;
			while (*c == ' ')
				c++;
		}
		CHECK(nb[nn].n > 4);
		CHECK(nb[nn].x[0] == nb[nn].x[nb[nn].n - 1]);
		CHECK(ring_area(&nb[nn]) > 0);
		nb_area += ring_area(&nb[nn]);
		free(kml);
		nn++;
	}
	CHECK(nn >= 6 && nn <= 8);
	for (int i = 0; i < n; i++)
		CHECK(l[i].nbhd[0] != '\0');
	/* no gap, no overlap: areas agree and every point is in one LSOA */
	CHECK(lsoa_area > 0);
	if (lsoa_area > 0 && (lsoa_area - nb_area) / lsoa_area > 1e-9)
		test_fail(__FILE__, __LINE__, "LSOA areas %.1f, neighbourhood areas %.1f", lsoa_area, nb_area);
	for (int k = 0; k < 2000; k++) {
		long long x, y;
		int in_l = 0, in_n = 0, which = -1, which_n = -1;

		lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
		x = minx + (long long)((lcg >> 33) % (unsigned long long)(maxx - minx + 1));
		lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
		y = miny + (long long)((lcg >> 33) % (unsigned long long)(maxy - miny + 1));
		for (int i = 0; i < n; i++)
			if (ring_contains(&l[i].ring, x, y)) {
				in_l++;
				which = i;
			}
		for (int i = 0; i < nn; i++)
			if (ring_contains(&nb[i], x, y)) {
				in_n++;
				which_n = i;
			}
		CHECK(in_l <= 1);
		CHECK(in_n <= 1);
		if (in_l != in_n)
			test_fail(__FILE__, __LINE__, "point %lld,%lld in %d LSOAs, %d neighbourhoods", x, y, in_l, in_n);
		if (in_l == 1 && in_n == 1)
			CHECK_STR(l[which].nbhd, nbid[which_n]);
		inside += in_l == 1;
	}
	CHECK(inside > 1500);	/* the town nearly fills its bounding box */
	for (int i = 0; i < nn; i++) {
		free(nb[i].x);
		free(nb[i].y);
	}
	free(csv);
	free_lsoas(l, n);
}

static int is_hex64(const char *s)
{
	int n = 0;

	for (; *s; s++, n++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return n == 64;
}

TEST(demo_street_crime_is_believable_and_located)
{
	const char *dir = town1();
	struct lsoa *l = NULL;
	int n = load_lsoas(dir, &l);
	long total = 0, noloc = 0, type_count[16] = { 0 };
	long asb_jul = 0, asb_jan = 0, shop_dec = 0, shop_all = 0;
	static const char *const types[14] = {
		"Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson",
		"Drugs", "Other theft", "Possession of weapons", "Public order", "Robbery",
		"Shoplifting", "Theft from the person", "Vehicle crime",
		"Violence and sexual offences", "Other crime",
	};

	for (int m = 0; m < 24; m++) {
		int month = 2026 * 12 + 9 - 23 + m, mo = month % 12 + 1, rows = 0;
		char rel[128], ym[8], f[MAXF][FLEN], *csv;
		const char *p;

		snprintf(ym, sizeof(ym), "%04d-%02d", month / 12, mo);
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-glanmor-street.csv", ym, ym);
		csv = read_rel(dir, rel);
		if (!csv)
			continue;
		CHECK(starts(csv, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
			       "LSOA code,LSOA name,Crime type,Last outcome category,Context\n"));
		p = csv;
		csv_next(&p, f);
		while (csv_next(&p, f) >= 0) {
			int t = -1;

			rows++;
			CHECK_STR(f[1], ym);
			CHECK_STR(f[2], "Glanmor Police");
			for (int k = 0; k < 14; k++)
				if (!strcmp(f[9], types[k]))
					t = k;
			CHECK(t >= 0);
			if (t < 0)
				continue;
			type_count[t]++;
			if (t == 0) {
				CHECK_STR(f[0], "");
				CHECK_STR(f[10], "");
				if (mo == 7) asb_jul++;
				if (mo == 1) asb_jan++;
			} else {
				CHECK(is_hex64(f[0]));
				CHECK(f[10][0] != '\0');
			}
			if (t == 9) {
				shop_all++;
				if (mo == 12) shop_dec++;
			}
			if (!strcmp(f[6], "No location")) {
				noloc++;
				CHECK(!f[4][0] && !f[5][0] && !f[7][0] && !f[8][0]);
			} else {
				int i = find_lsoa(l, n, f[7]);

				CHECK(!strncmp(f[6], "On or near ", 11));
				CHECK(i >= 0);
				if (i >= 0) {
					CHECK_STR(f[8], l[i].name);
					if (!ring_contains(&l[i].ring, micro(strtod(f[4], NULL)), micro(strtod(f[5], NULL))))
						test_fail(__FILE__, __LINE__, "%s,%s is not in %s", f[4], f[5], f[7]);
				}
			}
		}
		CHECK(rows >= 600 && rows <= 1200);
		total += rows;
		free(csv);
	}
	CHECK(total > 0);
	if (total > 0) {
		double asb = (double)type_count[0] / total, vio = (double)type_count[12] / total;
		double shop = (double)type_count[9] / total, nl = (double)noloc / total;

		CHECK(asb > 0.22 && asb < 0.38);
		CHECK(vio > 0.22 && vio < 0.36);
		CHECK(shop > 0.03 && shop < 0.12);
		CHECK(nl > 0.003 && nl < 0.025);
		for (int k = 0; k < 14; k++)
			CHECK(type_count[k] > 0);
	}
	CHECK(asb_jul > asb_jan * 1.2);		/* two Julys against two Januaries */
	CHECK(shop_dec * 12 > shop_all * 1.15 / 1);	/* December above a mean month */
	free_lsoas(l, n);
}

TEST(demo_outcomes_follow_their_crimes)
{
	const char *dir = town1();
	char **ids = NULL, **last = NULL, **loc = NULL;
	int nids = 0, cap = 0, later = 0, rows = 0;

	for (int m = 0; m < 24; m++) {
		int month = 2026 * 12 + 9 - 23 + m;
		char rel[128], ym[8], f[MAXF][FLEN], *csv;
		const char *p;

		snprintf(ym, sizeof(ym), "%04d-%02d", month / 12, month % 12 + 1);
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-glanmor-street.csv", ym, ym);
		csv = read_rel(dir, rel);
		p = csv;
		csv_next(&p, f);
		while (p && csv_next(&p, f) >= 0) {
			if (!f[0][0])
				continue;
			if (nids == cap) {
				cap = cap ? 2 * cap : 4096;
				ids = realloc(ids, (size_t)cap * sizeof(char *));
				last = realloc(last, (size_t)cap * sizeof(char *));
				loc = realloc(loc, (size_t)cap * sizeof(char *));
			}
			ids[nids] = strdup(f[0]);
			last[nids] = strdup(f[10]);
			loc[nids] = malloc(FLEN * 2);
			snprintf(loc[nids], FLEN * 2, "%s|%s|%s", f[4], f[5], f[7]);
			nids++;
		}
		free(csv);
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-glanmor-outcomes.csv", ym, ym);
		csv = read_rel(dir, rel);
		CHECK(csv && starts(csv, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
				      "Location,LSOA code,LSOA name,Outcome type\n"));
		p = csv;
		if (p)
			csv_next(&p, f);
		while (p && csv_next(&p, f) >= 0) {
			int found = -1;
			char where[FLEN * 2];

			rows++;
			CHECK_STR(f[1], ym);
			for (int i = nids - 1; i >= 0; i--)	/* same or earlier month */
				if (!strcmp(ids[i], f[0])) {
					found = i;
					break;
				}
			CHECK(found >= 0);
			if (found < 0)
				continue;
			snprintf(where, sizeof(where), "%s|%s|%s", f[4], f[5], f[7]);
			CHECK_STR(where, loc[found]);
			if (!strcmp(f[9], "Suspect charged"))
				CHECK(strcmp(last[found], "Under investigation") != 0);
			else if (strcmp(last[found], "Awaiting court outcome"))
				later += !strcmp(last[found], f[9]);
		}
		free(csv);
	}
	CHECK(rows > 5000);
	CHECK(later > rows / 2);	/* most final events match the street row */
	for (int i = 0; i < nids; i++) {
		free(ids[i]);
		free(last[i]);
		free(loc[i]);
	}
	free(ids);
	free(last);
	free(loc);
}

TEST(demo_stop_and_search_rows)
{
	const char *dir = town1();
	long white = 0, total = 0;

	for (int m = 0; m < 24; m++) {
		int month = 2026 * 12 + 9 - 23 + m, rows = 0;
		char rel[128], ym[8], f[MAXF][FLEN], *csv;
		const char *p;

		snprintf(ym, sizeof(ym), "%04d-%02d", month / 12, month % 12 + 1);
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-glanmor-stop-and-search.csv", ym, ym);
		csv = read_rel(dir, rel);
		if (!csv)
			continue;
		CHECK(starts(csv, "Type,Date,Part of a policing operation,Policing operation,Latitude,"
			       "Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,"
			       "Legislation,Object of search,Outcome,Outcome linked to object of search,"
			       "Removal of more than just outer clothing\n"));
		p = csv;
		csv_next(&p, f);
		while (csv_next(&p, f) == 15) {
			rows++;
			CHECK(!strncmp(f[1], ym, 7));
			CHECK(strlen(f[1]) == 25 && !strcmp(f[1] + 19, "+00:00"));
			CHECK(!strcmp(f[2], "True") || !strcmp(f[2], "False") || !f[2][0]);
			CHECK(!strcmp(f[14], "True") || !strcmp(f[14], "False") || !f[14][0]);
			CHECK(!strcmp(f[9], "White") || !strcmp(f[9], "Black") || !strcmp(f[9], "Asian") ||
			      !strcmp(f[9], "Other") || !strcmp(f[9], "Mixed") || !f[9][0]);
			CHECK(strstr(f[10], "Act 19") != NULL);
			total += f[9][0] != 0;
			white += !strcmp(f[9], "White");
		}
		CHECK(rows >= 40 && rows <= 90);
		free(csv);
	}
	/* searches are not a mirror of a ~95% White town */
	CHECK(total > 0 && white < total * 0.85);
}

TEST(demo_census_adds_up)
{
	const char *dir = town1();
	char f[MAXF][FLEN], *pop = read_rel(dir, "census/mid-2021-population-lsoa.csv");
	char *eth = read_rel(dir, "census/census2021-ts021-ethnic-group-lsoa.csv");
	char *hh = read_rel(dir, "census/census2021-ts041-households-lsoa.csv");
	const char *p = pop, *q = eth, *r = hh;
	double min_white = 1, max_white = 0, min_young = 1, max_young = 0, min_old = 1, max_old = 0;
	int rows = 0;

	if (!pop || !eth || !hh)
		goto out;
	CHECK(starts(pop, "LSOA21CD,LSOA21NM,MSOA21CD,MSOA21NM,LAD22CD,LAD22NM,Persons_All-Ages,"
		       "Persons_0-15,Persons_16-29,Persons_30-44,Persons_45-64,Persons_65+,Males_All-Ages,"));
	CHECK(starts(eth, "date,geography,geography code,Ethnic group: Total: All usual residents,"
		       "\"Ethnic group: Asian, Asian British or Asian Welsh\",\"Ethnic group: Black, Black "
		       "British, Black Welsh, Caribbean or African\",Ethnic group: Mixed or Multiple ethnic "
		       "groups,Ethnic group: White,Ethnic group: Other ethnic group\n"));
	CHECK(starts(hh, "date,geography,geography code,Number of households: Total: All households\n"));
	csv_next(&p, f);
	csv_next(&q, f);
	csv_next(&r, f);
	while (csv_next(&p, f) == 24) {
		long v[18], persons, sum = 0, groups = 0, households;
		char code[16];

		rows++;
		for (int k = 0; k < 18; k++)
			v[k] = strtol(f[6 + k], NULL, 10);
		snprintf(code, sizeof(code), "%s", f[0]);
		CHECK_STR(f[4], "W06000099");
		CHECK_STR(f[5], "Porthmawr");
		persons = v[0];
		CHECK(persons >= 1200 && persons <= 2000);
		for (int b = 1; b <= 5; b++) {
			CHECK_INT(v[b], v[6 + b] + v[12 + b]);
			sum += v[b];
		}
		CHECK_INT(sum, persons);
		CHECK_INT(v[6] + v[12], persons);
		CHECK_INT(v[6], v[7] + v[8] + v[9] + v[10] + v[11]);
		if ((double)v[2] / persons < min_young) min_young = (double)v[2] / persons;
		if ((double)v[2] / persons > max_young) max_young = (double)v[2] / persons;
		if ((double)v[5] / persons < min_old) min_old = (double)v[5] / persons;
		if ((double)v[5] / persons > max_old) max_old = (double)v[5] / persons;

		CHECK(csv_next(&q, f) == 9);
		CHECK_STR(f[0], "2021");
		CHECK_STR(f[2], code);
		CHECK_INT(strtol(f[3], NULL, 10), persons);
		for (int g = 4; g < 9; g++)
			groups += strtol(f[g], NULL, 10);
		CHECK_INT(groups, persons);
		if ((double)strtol(f[7], NULL, 10) / persons < min_white)
			min_white = (double)strtol(f[7], NULL, 10) / persons;
		if ((double)strtol(f[7], NULL, 10) / persons > max_white)
			max_white = (double)strtol(f[7], NULL, 10) / persons;

		CHECK(csv_next(&r, f) == 4);
		CHECK_STR(f[2], code);
		households = strtol(f[3], NULL, 10);
		CHECK(households > 0 && (double)persons / households > 1.8 && (double)persons / households < 2.8);
	}
	CHECK(rows >= 40 && rows <= 60);
	/* real variety: a student area, an older seafront, a more diverse harbourside */
	CHECK(max_young - min_young > 0.25);
	CHECK(max_old - min_old > 0.15);
	CHECK(max_white - min_white > 0.15);
out:
	free(pop);
	free(eth);
	free(hh);
}

TEST(demo_teams_and_places)
{
	const char *dir = town1();
	char f[MAXF][FLEN], *teams = read_rel(dir, "teams.csv"), *places = read_rel(dir, "places.csv");
	char *forces = read_rel(dir, "forces.csv");
	const char *p = teams;
	int sergeants = 0, rows = 0, groups = 0;

	if (!teams || !places || !forces)
		goto out;
	CHECK(starts(forces, "Force ID,Name,Description,URL,Telephone\nglanmor,Glanmor Police,"));
	CHECK_CONTAINS(forces, "https://glanmor.police.example/,101\n");
	CHECK_STR((csv_next(&p, f), f[6]), "Telephone");
	while (csv_next(&p, f) == 7) {
		rows++;
		sergeants += !strcmp(f[3], "Sergeant");
		CHECK(strstr(f[5], "@glanmor.police.example") != NULL);
		CHECK_STR(f[6], "101");
	}
	CHECK(sergeants >= 6 && sergeants <= 8);
	CHECK(rows >= 3 * sergeants && rows <= 5 * sergeants);
	p = places;
	csv_next(&p, f);
	CHECK_STR(f[8], "Description");
	rows = 0;
	while (csv_next(&p, f) == 9) {
		rows++;
		groups += !strcmp(f[2], "group");
		CHECK(!strcmp(f[2], "group") || !strcmp(f[2], "place"));
	}
	CHECK(rows >= 5 * sergeants && rows <= 10 * sergeants);
	CHECK(groups > 5 && groups < rows);
out:
	free(teams);
	free(places);
	free(forces);
}

TEST(demo_rejects_bad_options)
{
	struct demo_options o;
	struct err e = ERR_INIT;
	char file[512], under[600];
	FILE *f;

	demo_options_default(&o);
	CHECK_INT(demo_generate(&o, NULL, &e), ERR_INVALID);
	o.out_dir = test_tmpdir();
	o.months = 0;
	CHECK_INT(demo_generate(&o, NULL, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "months");
	o.months = 1;
	snprintf(file, sizeof(file), "%s/plain-file", test_tmpdir());
	f = fopen(file, "w");
	if (f)
		fclose(f);
	snprintf(under, sizeof(under), "%s/out", file);
	o.out_dir = under;
	CHECK_INT(demo_generate(&o, NULL, &e), ERR_IO);
	CHECK_CONTAINS(e.msg, "cannot create directory");
}
