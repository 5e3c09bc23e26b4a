/*
 * t_pipeline.c - the demo town through the real importers into a real
 * SQLite file, the read model built from it, and the pages rendered from
 * that: counts are checked against the CSV files independently.
 */
#include "test.h"

#include "base/parse.h"
#include "base/xalloc.h"
#include "demo/demo.h"
#include "import/csv.h"
#include "import/pipeline.h"
#include "index/crimecounts.h"
#include "index/readmodel.h"
#include "oldpack.h"
#include "store/store.h"
#include "views/page_home.h"
#include "views/page_neighbourhood.h"

#include <glob.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct town {
	char dir[512], db[512];
	struct demo_summary demo;
	struct store *s;
};

static int make_town(struct town *t, int months)
{
	struct demo_options opt;
	struct err e = ERR_INIT;
	const char *tmp = test_tmpdir();

	snprintf(t->dir, sizeof(t->dir), "%s/town", tmp);
	snprintf(t->db, sizeof(t->db), "%s/engage.db", tmp);
	demo_options_default(&opt);
	opt.out_dir = t->dir;
	opt.months = months;
	if (demo_generate(&opt, &t->demo, &e) < 0 || store_open(t->db, STORE_CREATE, &t->s, &e) < 0) {
		test_fail(__FILE__, __LINE__, "%s", e.msg);
		return -1;
	}
	return 0;
}

static int count_month(void *ctx, const struct store_force_month *m)
{
	long *n = ctx;

	n[0]++;
	n[1] += m->rows;
	return 0;
}

TEST(pipeline_imports_the_demo_town_whole)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	long months[2] = { 0, 0 };

	if (make_town(&t, 3) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	CHECK_STR(e.msg, "");
	CHECK_INT(sum.areas, t.demo.lsoas);
	CHECK_INT(sum.neighbourhoods, t.demo.neighbourhoods);
	CHECK_INT(sum.boundaries, t.demo.neighbourhoods);
	CHECK_INT(sum.people, t.demo.people);
	CHECK_INT(sum.places, t.demo.places);
	CHECK_INT(sum.street, t.demo.street_rows);
	CHECK_INT(sum.outcomes, t.demo.outcome_rows);
	CHECK_INT(sum.stops, t.demo.stop_rows);
	CHECK_INT(sum.placed + sum.no_location + sum.outside, sum.rows_read);
	CHECK_INT(sum.outside, 0);		/* the town's LSOAs tile it */
	CHECK_INT(sum.disagreements, 0);	/* the demo names the true LSOA */
	CHECK(sum.no_location > 0);		/* and has police.uk's quirk */
	CHECK_INT(store_force_month_each(t.s, NULL, count_month, months, &e), 0);
	CHECK_INT(months[0], 3 * 3);
	CHECK_INT(months[1], sum.rows_read);
	store_close(t.s);
}

TEST(pipeline_reimport_replaces_and_never_doubles)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	long before[2] = { 0, 0 }, after[2] = { 0, 0 };
	char path[600];
	const char *paths[1] = { path };

	if (make_town(&t, 2) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	CHECK_INT(store_force_month_each(t.s, NULL, count_month, before, &e), 0);
	snprintf(path, sizeof(path), "%s/police-uk", t.dir);
	CHECK_INT(import_police_uk(t.s, paths, 1, NULL, &sum, &e), 0);
	CHECK_INT(sum.force_months, 6);
	CHECK_INT(store_force_month_each(t.s, NULL, count_month, after, &e), 0);
	CHECK_INT(after[0], before[0]);
	CHECK_INT(after[1], before[1]);
	store_close(t.s);
}

/* The street force-months as stored: first ids, and each record rewritten
 * in the older EMZ3 format (as a database from before EMZ4 holds them). */
struct held {
	long n;
	char force[8][64];
	int32_t month[8];
	int64_t rows[8], first_id[8], import_id[8];
	struct strbuf old[8];
};

static int hold_street_month(void *ctx, const struct store_force_month *m)
{
	struct held *h = ctx;

	if (m->kind != MONTH_STREET || h->n == 8)
		return 0;
	snprintf(h->force[h->n], sizeof(h->force[0]), "%s", m->force_id);
	h->month[h->n] = m->month;
	h->rows[h->n] = m->rows;
	h->first_id[h->n] = m->first_id;
	h->import_id[h->n] = m->import_id;
	CHECK_INT(oldpack_emz3_from_emz4(m->data, m->data_len, &h->old[h->n]), 0);
	h->n++;
	return 0;
}

/* A month stored in an older pack format and re-imported unchanged keeps
 * its crime ids: the same file gives the same ids across the upgrade. */
TEST(pipeline_reimport_over_an_older_format_keeps_crime_ids)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	struct held before = { 0 }, after = { 0 };
	char path[600];
	const char *paths[1] = { path };

	if (make_town(&t, 2) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	CHECK_INT(store_force_month_each(t.s, NULL, hold_street_month, &before, &e), 0);
	CHECK_INT(before.n, 2);
	for (long i = 0; i < before.n; i++) {
		struct store_force_month m = { before.force[i], before.month[i], MONTH_STREET,
					       before.rows[i], before.old[i].buf, before.old[i].len,
					       before.import_id[i], before.first_id[i], NULL, 0 };

		CHECK_INT(store_force_month_put(t.s, &m, &e), 0);
	}
	snprintf(path, sizeof(path), "%s/police-uk", t.dir);
	CHECK_INT(import_police_uk(t.s, paths, 1, NULL, &sum, &e), 0);
	CHECK_INT(store_force_month_each(t.s, NULL, hold_street_month, &after, &e), 0);
	CHECK_INT(after.n, 2);
	for (long i = 0; i < before.n && i < after.n; i++) {
		CHECK(before.first_id[i] > 0);
		CHECK_INT(after.first_id[i], before.first_id[i]);
	}
	for (long i = 0; i < 8; i++) {
		strbuf_release(&before.old[i]);
		strbuf_release(&after.old[i]);
	}
	store_close(t.s);
}

/* Rewrite line `line` of a file, replacing its Month field. */
static void break_month(const char *path, int line)
{
	char buf[1 << 16], tmp[700];
	FILE *in = fopen(path, "r"), *out;
	int n = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	out = fopen(tmp, "w");
	while (fgets(buf, sizeof(buf), in)) {
		char *month;
		if (++n == line && (month = strstr(buf, ",2026-")))
			memcpy(month + 1, "2026-13", 7);
		fputs(buf, out);
	}
	fclose(in);
	fclose(out);
	rename(tmp, path);
}

TEST(pipeline_rejected_file_leaves_the_store_as_it_was)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	long before[2] = { 0, 0 }, after[2] = { 0, 0 };
	char path[600], bad[700];
	const char *paths[1] = { path };

	if (make_town(&t, 2) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	CHECK_INT(store_force_month_each(t.s, NULL, count_month, before, &e), 0);
	snprintf(bad, sizeof(bad), "%s/police-uk/2026-10/2026-10-glanmor-street.csv", t.dir);
	break_month(bad, 300);
	snprintf(path, sizeof(path), "%s/police-uk", t.dir);
	CHECK(import_police_uk(t.s, paths, 1, NULL, &sum, &e) < 0);
	CHECK_CONTAINS(e.msg, "2026-10-glanmor-street.csv");
	CHECK_CONTAINS(e.msg, "line 300");
	CHECK_CONTAINS(e.msg, "Month");
	CHECK_CONTAINS(e.msg, "2026-13");
	CHECK_INT(store_force_month_each(t.s, NULL, count_month, after, &e), 0);
	CHECK_INT(after[0], before[0]);
	CHECK_INT(after[1], before[1]);
	store_close(t.s);
}

/* Street rows of one CSV per neighbourhood, by the LSOA code in the row
 * and the LSOA lists in neighbourhoods.csv: an independent count. */
static long csv_count_for(const struct town *t, const char *street_csv, const char *nbhd)
{
	char path[700], lsoas[4096] = "";
	struct csv *c;
	struct err e = ERR_INIT;
	long n = 0;

	snprintf(path, sizeof(path), "%s/neighbourhoods.csv", t->dir);
	if (csv_open_path(path, NULL, &c, &e) < 0 || csv_read_header(c, &e) < 0)
		return -1;
	while (csv_next(c, &e) == 1)
		if (!strcmp(csv_field(c, 1).ptr, nbhd))
			snprintf(lsoas, sizeof(lsoas), "%s", csv_field(c, 4).ptr);
	csv_free(c);
	if (csv_open_path(street_csv, NULL, &c, &e) < 0 || csv_read_header(c, &e) < 0)
		return -1;
	while (csv_next(c, &e) == 1) {
		struct csv_field f = csv_field(c, 7);
		if (f.len && strstr(lsoas, f.ptr))
			n++;
	}
	csv_free(c);
	return n;
}

TEST(pipeline_pages_show_counts_that_match_the_files)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	struct readmodel *rm = NULL;
	struct strbuf home = STRBUF_INIT, page = STRBUF_INIT;
	char street[700], want[64];
	int64_t population = 0;
	long n;

	if (make_town(&t, 2) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	CHECK_INT(readmodel_load(t.s, &rm, &e), 0);
	if (!rm)
		return;
	CHECK_INT(rm->nnbhds, t.demo.neighbourhoods);
	CHECK_INT(rm->nlsoas, t.demo.lsoas);
	for (size_t i = 0; i < rm->nnbhds; i++)
		population += rm->nbhds[i].population;
	CHECK_INT(population, t.demo.persons);
	/* every LSOA's own centre lies in it */
	for (size_t i = 0; i < rm->nlsoas; i++)
		CHECK_INT(readmodel_locate(rm, geo_centroid(&rm->lsoa_shapes[i])), (long)i);
	struct page_ctx pc = { .lang = LANG_EN, .path = "/" };

	page_home(rm, &pc, &home);
	for (size_t i = 0; i < rm->nnbhds; i++)
		CHECK_CONTAINS(strbuf_str(&home), rm->nbhds[i].name);
	n = readmodel_neighbourhood(rm, "glanmor", "GM01");
	CHECK(n >= 0);
	if (n >= 0) {
		struct nb_tallies *tallies = nb_tallies_build(rm);
		struct nb_page in = { .rm = rm, .n = (size_t)n, .tallies = tallies };

		page_neighbourhood(&in, &pc, &page);
		nb_tallies_free(tallies);
		snprintf(street, sizeof(street), "%s/police-uk/2026-10/2026-10-glanmor-street.csv", t.dir);
		snprintf(want, sizeof(want), "All types</th><td class=\"govuk-table__cell "
			 "govuk-table__cell--numeric\">%ld<",
			 csv_count_for(&t, street, "GM01"));
		CHECK_CONTAINS(strbuf_str(&page), want);
		CHECK_CONTAINS(strbuf_str(&page), rm->nbhds[n].team[0].name);
	}
	strbuf_release(&home);
	strbuf_release(&page);
	readmodel_free(rm);
	store_close(t.s);
}

/* --- crime counts kept by the import (index/crimecounts.h) ---------------- */

/* "YYYY-MM,LSOA,slug" for every located street row of the town's CSVs, by
 * the row's own month, LSOA code and crime type: an independent count (the
 * demo town's codes agree with its polygons). */
static size_t csv_count_keys(const struct town *t, char ***out)
{
	char **keys = NULL, pattern[600];
	size_t n = 0, cap = 0;
	glob_t g;

	snprintf(pattern, sizeof(pattern), "%s/police-uk/*/*-street.csv", t->dir);
	if (glob(pattern, 0, NULL, &g) != 0)
		return 0;
	for (size_t f = 0; f < g.gl_pathc; f++) {
		struct csv *c;
		struct err e = ERR_INIT;

		if (csv_open_path(g.gl_pathv[f], NULL, &c, &e) < 0 || csv_read_header(c, &e) < 0)
			break;
		while (csv_next(c, &e) == 1) {
			struct csv_field type = csv_field(c, 9);
			int cat = crime_category_from_csv(type.ptr, type.len);
			char key[128];

			if (!csv_field(c, 4).len || cat < 0)
				continue;
			snprintf(key, sizeof(key), "%s,%s,%s", csv_field(c, 1).ptr, csv_field(c, 7).ptr,
				 crime_categories[cat].slug);
			if (xgrow(&keys, &cap, n + 1, sizeof(*keys)) == 0)
				keys[n++] = xstrdup(key);
		}
		csv_free(c);
	}
	globfree(&g);
	*out = keys;
	return n;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The counts as "YYYY-MM,LSOA,slug" repeated count times, sorted, against
 * the CSV's keys sorted: the same multiset.  (The table is ordered by
 * category number, not by slug, so both are sorted here alike.) */
static void check_counts_equal_rows(const struct crimecounts *cc, char **keys, size_t nkeys)
{
	char **got = NULL;
	size_t ngot = 0, cap = 0;
	int same = 1, ordered = 1;

	CHECK_INT(cc->crimes, (long)nkeys);
	for (size_t i = 0; i < cc->n; i++) {
		const struct crime_count *a = &cc->v[i], *b = i ? &cc->v[i - 1] : NULL;
		char month[8], key[128];

		if (b && (a->month < b->month ||
			  (a->month == b->month && strcmp(crimecounts_lsoa(cc, a), crimecounts_lsoa(cc, b)) < 0)))
			ordered = 0;
		same &= a->n > 0;
		format_month(a->month, month);
		snprintf(key, sizeof(key), "%s,%s,%s", month, crimecounts_lsoa(cc, a),
			 crime_categories[a->category].slug);
		for (uint32_t k = 0; k < a->n; k++)
			if (xgrow(&got, &cap, ngot + 1, sizeof(*got)) == 0)
				got[ngot++] = xstrdup(key);
	}
	CHECK(ordered);		/* by month, then LSOA code */
	qsort(keys, nkeys, sizeof(*keys), by_str);
	qsort(got, ngot, sizeof(*got), by_str);
	CHECK_INT(ngot, (long)nkeys);
	for (size_t i = 0; i < ngot && i < nkeys && same; i++)
		same = !strcmp(got[i], keys[i]);
	CHECK(same);
	for (size_t i = 0; i < ngot; i++)
		xfree(got[i]);
	xfree(got);
}

static void set_counts_sql(const char *db, const char *sql)
{
	sqlite3 *h;

	CHECK_INT(sqlite3_open(db, &h), SQLITE_OK);
	CHECK_INT(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

TEST(pipeline_keeps_crime_counts_that_match_the_files)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	struct crimecounts cc;
	char **keys = NULL;
	size_t nkeys, counted = 99;

	if (make_town(&t, 3) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	nkeys = csv_count_keys(&t, &keys);
	CHECK(nkeys > 1000);
	CHECK_INT(crimecounts_load(t.s, &cc, &counted, &e), 0);
	CHECK_INT(counted, 0);		/* every month's counts were kept */
	check_counts_equal_rows(&cc, keys, nkeys);
	crimecounts_release(&cc);

	/* a database imported before counts were kept: counted from the rows,
	 * the same table */
	set_counts_sql(t.db, "UPDATE force_months SET counts = NULL WHERE month % 2 = 0");
	CHECK_INT(crimecounts_load(t.s, &cc, &counted, &e), 0);
	CHECK(counted > 0);
	check_counts_equal_rows(&cc, keys, nkeys);
	crimecounts_release(&cc);

	/* damaged counts are refused, not misread */
	set_counts_sql(t.db, "UPDATE force_months SET counts = x'454343310000000000' WHERE kind = 0");
	CHECK(crimecounts_load(t.s, &cc, NULL, &e) < 0);
	CHECK_CONTAINS(e.msg, "crime counts are damaged");
	for (size_t i = 0; i < nkeys; i++)
		xfree(keys[i]);
	xfree(keys);
	store_close(t.s);
}

/* --- placing rows at street points met before --------------------------- */

struct placed_check {
	long rows, again;	/* rows compared; of them, at a point met before */
	long wrong;		/* placed in another LSOA than the one the file names */
	uint8_t *seen;		/* street ids met so far */
	size_t nseen;
};

/* A stored force-month decoded into p; a failure fails the test. */
static int decode_month(const struct store_force_month *m, struct monthpack *p)
{
	struct err e = ERR_INIT;

	if (monthpack_decode(m->data, m->data_len, m->kind, m->month, p, &e) < 0) {
		CHECK_STR(e.msg, "");
		return -1;
	}
	return 0;
}

static int check_placed_month(void *ctx, const struct store_force_month *m)
{
	struct placed_check *c = ctx;
	int placed = m->kind == MONTH_STREET ? SC_LSOA : OC_LSOA;
	int reported = m->kind == MONTH_STREET ? SC_REPORTED_LSOA : OC_REPORTED_LSOA;
	struct monthpack p;

	if (m->kind == MONTH_STOPS)
		return 0;	/* stop and search names no LSOA of its own */
	if (decode_month(m, &p) < 0)
		return 1;
	for (size_t r = 0; r < p.rows; r++) {
		int32_t street = MP_I32(&p, monthpack_street_col(m->kind))[r];

		if (!(MP_U8(&p, 0)[r] & MPF_PLACED) || street <= 0 || (size_t)street >= c->nseen)
			continue;
		c->rows++;
		c->again += c->seen[street];
		c->seen[street] = 1;
		if (strcmp(monthpack_str(&p, MP_STR(&p, placed)[r]),
			   monthpack_str(&p, MP_STR(&p, reported)[r])))
			c->wrong++;
	}
	monthpack_release(&p);
	return 0;
}

/* Rows are placed once per street point, the point keeping its LSOA: every
 * later row there, in the same import or the next, must land in the LSOA
 * its file names (the demo town names the true one). */
TEST(pipeline_places_rows_at_known_points_in_their_own_lsoa)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	char path[600];
	const char *paths[1] = { path };

	if (make_town(&t, 12) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	snprintf(path, sizeof(path), "%s/police-uk", t.dir);
	for (int pass = 0; pass < 2; pass++) {	/* then again, the points loaded */
		struct placed_check c = { 0, 0, 0, NULL, 1000000 };

		if (pass == 1)
			CHECK_INT(import_police_uk(t.s, paths, 1, NULL, &sum, &e), 0);
		CHECK_INT(sum.disagreements, 0);
		c.seen = xcalloc(c.nseen, 1);
		CHECK_INT(store_force_month_each(t.s, NULL, check_placed_month, &c, &e), 0);
		CHECK(c.rows > 10000);
		CHECK(c.again > c.rows / 2);
		CHECK_INT(c.wrong, 0);
		xfree(c.seen);
	}
	store_close(t.s);
}

/* --- stop and search at street points ------------------------------------- */

struct point_id {
	int32_t lat, lng, id;
};

struct stop_check {
	int phase;		/* 0: gather the street crimes' points, 1: check stops */
	struct point_id *v;	/* sorted by place, then id, in phase 1 */
	size_t n, cap;
	long stops, at_street, same;
};

static int by_place(const void *a, const void *b)
{
	const struct point_id *x = a, *y = b;

	if (x->lat != y->lat)
		return x->lat < y->lat ? -1 : 1;
	if (x->lng != y->lng)
		return x->lng < y->lng ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The lowest street id at (lat, lng), or 0 for none. */
static int32_t first_at(const struct stop_check *c, int32_t lat, int32_t lng)
{
	struct point_id key = { lat, lng, INT32_MIN };
	size_t lo = 0, hi = c->n;

	while (lo < hi) {	/* the first entry not before key */
		size_t mid = lo + (hi - lo) / 2;

		if (by_place(&c->v[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->v[lo].lat == lat && c->v[lo].lng == lng ? c->v[lo].id : 0;
}

static int check_stop_month(void *ctx, const struct store_force_month *m)
{
	struct stop_check *c = ctx;
	struct monthpack p;
	int lat = c->phase == 0 ? SC_LAT : ST_LAT, lng = c->phase == 0 ? SC_LNG : ST_LNG;

	if (m->kind != (c->phase == 0 ? MONTH_STREET : MONTH_STOPS))
		return 0;
	if (decode_month(m, &p) < 0)
		return 1;
	for (size_t r = 0; r < p.rows; r++) {
		int32_t la = MP_I32(&p, lat)[r], ln = MP_I32(&p, lng)[r];
		int32_t id = MP_I32(&p, monthpack_street_col(m->kind))[r], first;

		if (!(MP_U8(&p, 0)[r] & MPF_LOCATED))
			continue;
		if (c->phase == 0) {
			if (c->n == c->cap) {
				c->cap = c->cap ? 2 * c->cap : 4096;
				c->v = xreallocarray(c->v, c->cap, sizeof(*c->v));
			}
			c->v[c->n++] = (struct point_id){ la, ln, id };
			continue;
		}
		c->stops++;
		if ((first = first_at(c, la, ln)) != 0) {
			c->at_street++;
			c->same += id == first;
		}
	}
	monthpack_release(&p);
	return 0;
}

/* A stop-and-search row names no place, so it takes the first street
 * point already known at its coordinates: the same id as the street
 * crimes there, never a new point of its own. */
TEST(pipeline_stops_take_the_street_point_at_their_coordinates)
{
	struct town t;
	struct import_summary sum;
	struct err e = ERR_INIT;
	struct stop_check c = { 0 };

	if (make_town(&t, 3) < 0)
		return;
	CHECK_INT(import_town(t.s, t.dir, NULL, &sum, &e), 0);
	CHECK_INT(store_force_month_each(t.s, NULL, check_stop_month, &c, &e), 0);
	qsort(c.v, c.n, sizeof(*c.v), by_place);
	c.phase = 1;
	CHECK_INT(store_force_month_each(t.s, NULL, check_stop_month, &c, &e), 0);
	CHECK(c.stops > 100);
	CHECK(c.at_street > c.stops / 2);
	CHECK_INT(c.same, c.at_street);
	xfree(c.v);
	store_close(t.s);
}

/* --- the same records whatever the thread count ----------------------------- */

/* Every row of `sql` on database `db`, as text, into `out`. */
static void dump_query(const char *db, const char *sql, struct strbuf *out)
{
	sqlite3 *h;
	sqlite3_stmt *st;

	CHECK_INT(sqlite3_open(db, &h), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const unsigned char *v = sqlite3_column_text(st, c);

			strbuf_addstr(out, v ? (const char *)v : "NULL");
			strbuf_addch(out, c + 1 < sqlite3_column_count(st) ? '|' : '\n');
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Files are parsed on several threads and admitted in file order, and
 * force-months are written as their window finishes: the stored bytes
 * (packed months, crime ids, counts, street points) must be what one
 * thread gives, whatever the window size. */
TEST(pipeline_threads_store_the_same_bytes)
{
	static const char *const queries[] = {
		"SELECT force_id, month, kind, rows, hex(data), first_id, hex(counts) FROM force_months "
		"ORDER BY force_id, month, kind",
		"SELECT id, lat, lng, name FROM street_points ORDER BY id",
		"SELECT name, next_id FROM id_sequences ORDER BY name",
	};
	struct town t;
	struct strbuf got[2] = { STRBUF_INIT, STRBUF_INIT };
	int threads[2] = { 1, 3 };

	if (make_town(&t, 12) < 0)
		return;
	store_close(t.s);
	for (int k = 0; k < 2; k++) {
		struct import_options opt = { .threads = threads[k] };
		struct import_summary sum;
		struct err e = ERR_INIT;
		struct store *s = NULL;
		char db[600];

		snprintf(db, sizeof(db), "%s/threads-%d.db", test_tmpdir(), threads[k]);
		CHECK_INT(store_open(db, STORE_CREATE, &s, &e), 0);
		if (!s)
			return;
		CHECK_INT(import_town(s, t.dir, &opt, &sum, &e), 0);
		CHECK(sum.force_months >= 36);	/* several windows at either count */
		store_close(s);
		for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++)
			dump_query(db, queries[q], &got[k]);
	}
	CHECK(got[0].len > 100000);
	CHECK_INT(got[0].len, got[1].len);
	CHECK(got[0].len == got[1].len && !memcmp(got[0].buf, got[1].buf, got[0].len));
	strbuf_release(&got[0]);
	strbuf_release(&got[1]);
}
