/*
 * t_publish.c - the open-data layer: the CSV writer, suppression, snapping
 * onto anonymous map points, and a full export of the demo town checked
 * file by file against CSV on the Web and RFC 7946 (odcheck.h), rendered
 * twice for byte-identical output, and written to folders that fail.
 */
#include "test.h"

#include "odcheck.h"

#include "base/xalloc.h"
#include "demo/demo.h"
#include "import/pipeline.h"
#include "index/readmodel.h"
#include "publish/csvout.h"
#include "publish/opendata.h"
#include "publish/snap.h"
#include "publish/suppress.h"
#include "store/store.h"
#include "views/page_data.h"

#include <dirent.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

/* --- csvout ---------------------------------------------------------------- */

static const char *one_cell(struct strbuf *sb, const char *text)
{
	struct csvout c;

	strbuf_reset(sb);
	csvout_init(&c, sb);
	csvout_text(&c, text);
	return strbuf_str(sb);
}

TEST(csvout_neutralises_formulas_and_quotes)
{
	struct strbuf sb = STRBUF_INIT;
	struct csvout c;

	CHECK_STR(one_cell(&sb, "=1+1"), "'=1+1");
	CHECK_STR(one_cell(&sb, "+44 20 7946 0000"), "'+44 20 7946 0000");
	CHECK_STR(one_cell(&sb, "-2+3"), "'-2+3");
	CHECK_STR(one_cell(&sb, "@SUM(A1)"), "'@SUM(A1)");
	CHECK_STR(one_cell(&sb, "\tx"), "'\tx");
	CHECK_STR(one_cell(&sb, "\rx"), "\"'\rx\"");
	CHECK_STR(one_cell(&sb, "=HYPERLINK(\"http://x\",\"y\")"),
		  "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	CHECK_STR(one_cell(&sb, "On or near Star Yard"), "On or near Star Yard");
	CHECK_STR(one_cell(&sb, "a,b"), "\"a,b\"");
	CHECK_STR(one_cell(&sb, "two\nlines"), "\"two\nlines\"");
	CHECK_STR(one_cell(&sb, "say \"hi\""), "\"say \"\"hi\"\"\"");
	CHECK_STR(one_cell(&sb, "White - Any other White background"),
		  "White - Any other White background");
	strbuf_reset(&sb);
	csvout_init(&c, &sb);
	csvout_micro(&c, -112422);
	csvout_micro(&c, 51515381);
	csvout_micro(&c, -5);
	csvout_int(&c, -3);
	csvout_empty(&c);
	csvout_end_row(&c);
	c.crlf = 1;
	csvout_text(&c, "x");
	csvout_end_row(&c);
	CHECK_STR(strbuf_str(&sb), "-0.112422,51.515381,-0.000005,-3,\nx\r\n");
	strbuf_release(&sb);
}

/* --- suppression ----------------------------------------------------------- */

TEST(suppress_hides_small_counts_and_one_more_in_the_group)
{
	int64_t a[] = { 10, 1, 0, 5, 4 };	/* one small cell: its smallest peer goes too */
	int64_t b[] = { 10, 1, 2, 5 };		/* two small cells: nothing more */
	int64_t c[] = { 1, 1, 0 };		/* total 2: everything */
	int64_t d[] = { 0, 0, 7 };
	unsigned char hide[5];
	int hide_total;

	CHECK(suppress_count(1, 3));
	CHECK(suppress_count(2, 3));
	CHECK(!suppress_count(0, 3));
	CHECK(!suppress_count(3, 3));
	CHECK(!suppress_count(1, 1));
	CHECK_INT(suppress_group(a, 5, 3, hide, &hide_total), 2);
	CHECK(!hide[0] && hide[1] && !hide[2] && !hide[3] && hide[4] && !hide_total);
	CHECK_INT(suppress_group(b, 4, 3, hide, &hide_total), 2);
	CHECK(!hide[0] && hide[1] && hide[2] && !hide[3] && !hide_total);
	CHECK_INT(suppress_group(c, 3, 3, hide, &hide_total), 2);
	CHECK(hide[0] && hide[1] && !hide[2] && hide_total);
	CHECK_INT(suppress_group(d, 3, 3, hide, &hide_total), 0);
	CHECK(!hide_total);
	CHECK_INT(suppress_group(a, 5, 1, hide, &hide_total), 0);
}

/* --- the demo town --------------------------------------------------------- */

struct town {
	char dir[512], db[512];
	struct store *s;
	struct readmodel *rm;
};

static int town_load(struct town *t, int months)
{
	struct demo_options opt;
	struct demo_summary sum;
	struct import_summary isum;
	struct err e = ERR_INIT;
	const char *tmp = test_tmpdir();

	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "%s/town", tmp);
	snprintf(t->db, sizeof(t->db), "%s/engage.db", tmp);
	demo_options_default(&opt);
	opt.out_dir = t->dir;
	opt.months = months;
	if (demo_generate(&opt, &sum, &e) < 0 || store_open(t->db, STORE_CREATE, &t->s, &e) < 0 ||
	    import_town(t->s, t->dir, NULL, &isum, &e) < 0 || readmodel_load(t->s, &t->rm, &e) < 0) {
		test_fail(__FILE__, __LINE__, "%s", e.msg);
		store_close(t->s);
		return -1;
	}
	return 0;
}

static void town_free(struct town *t)
{
	readmodel_free(t->rm);
	store_close(t->s);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && !strcmp(s + n - k, tail);
}

TEST(opendata_demo_town_validates_against_csvw_and_rfc7946)
{
	struct town t;
	struct opendata_options opt;
	struct opendata_set set;
	struct err e = ERR_INIT;
	char why[512], meta[200];
	int csvs = 0, geojsons = 0, listed = 0;
	json_t *cat;
	json_error_t jerr;

	if (town_load(&t, 3) < 0)
		return;
	opendata_options_default(&opt);
	opt.modified = 1790000000;
	CHECK_INT(opendata_render(t.rm, &opt, &set, &e), 0);
	CHECK_STR(set.modified, "2026-09-21");
	for (size_t i = 0; i < set.nfiles; i++) {
		const struct opendata_file *f = &set.files[i];

		CHECK(!strchr(f->name, '/'));
		if (ends_with(f->name, ".csv")) {
			const struct opendata_file *m;

			snprintf(meta, sizeof(meta), "%s-metadata.json", f->name);
			m = opendata_find(&set, meta);
			CHECK(m != NULL);
			if (m && odcheck_csv(f->body.buf, f->body.len, m->body.buf, why, sizeof(why)) < 0)
				test_fail(__FILE__, __LINE__, "%s: %s", f->name, why);
			CHECK_STR(f->media_type, OPENDATA_TYPE_CSV);
			csvs++;
		} else if (ends_with(f->name, ".geojson")) {
			if (odcheck_geojson(f->body.buf, f->body.len, why, sizeof(why)) < 0)
				test_fail(__FILE__, __LINE__, "%s: %s", f->name, why);
			CHECK_CONTAINS(f->body.buf, "Crown copyright");
			geojsons++;
		} else {
			json_t *doc = json_loadb(f->body.buf, f->body.len, 0, &jerr);
			if (!doc)
				test_fail(__FILE__, __LINE__, "%s: %s", f->name, jerr.text);
			json_decref(doc);
		}
	}
	CHECK_INT(csvs, 3 * 3 + 1);
	CHECK_INT(geojsons, (int)t.rm->nnbhds + 1);
	/* The catalogue lists every other file exactly once. */
	cat = json_loads(opendata_find(&set, "catalog.jsonld")->body.buf, 0, &jerr);
	CHECK(cat != NULL);
	CHECK_STR(json_string_value(json_object_get(cat, "@type")), "dcat:Catalog");
	for (size_t d = 0; d < json_array_size(json_object_get(cat, "dcat:dataset")); d++) {
		json_t *ds = json_array_get(json_object_get(cat, "dcat:dataset"), d);
		json_t *dist = json_object_get(ds, "dcat:distribution");

		for (size_t k = 0; k < json_array_size(dist); k++) {
			json_t *one = json_array_get(dist, k);
			const char *url = json_string_value(
				json_object_get(json_object_get(one, "dcat:downloadURL"), "@id"));
			CHECK(url && opendata_find(&set, url));
			CHECK(json_object_get(one, "dcat:mediaType") && json_object_get(one, "dct:license") &&
			      json_object_get(one, "dct:modified"));
			listed++;
		}
	}
	CHECK_INT(listed, (int)set.nfiles - 1);
	json_decref(cat);
	opendata_release(&set);
	town_free(&t);
}

/* Every small cell of the true counts is empty in the published table. */
TEST(opendata_counts_suppress_small_cells)
{
	struct town t;
	struct opendata_options opt;
	struct opendata_set truth, pub;
	struct err e = ERR_INIT;
	json_t *a, *b, *ra, *rb;
	int small = 0;

	if (town_load(&t, 2) < 0)
		return;
	opendata_options_default(&opt);
	opt.min_count = 1;
	CHECK_INT(opendata_render(t.rm, &opt, &truth, &e), 0);
	opt.min_count = 3;
	CHECK_INT(opendata_render(t.rm, &opt, &pub, &e), 0);
	a = json_loads(opendata_find(&truth, "crime-counts.json")->body.buf, 0, NULL);
	b = json_loads(opendata_find(&pub, "crime-counts.json")->body.buf, 0, NULL);
	ra = json_object_get(a, "rows");
	rb = json_object_get(b, "rows");
	CHECK(json_array_size(ra) > 0);
	CHECK_INT(json_array_size(ra), json_array_size(rb));
	for (size_t i = 0; i < json_array_size(ra) && i < json_array_size(rb); i++) {
		json_int_t n = json_integer_value(json_object_get(json_array_get(ra, i), "count"));
		json_t *got = json_object_get(json_array_get(rb, i), "count");

		if (n > 0 && n < 3) {
			small++;
			CHECK(json_is_null(got));
			CHECK(json_is_true(json_object_get(json_array_get(rb, i), "suppressed")));
		} else if (!json_is_null(got)) {
			CHECK_INT(json_integer_value(got), n);
		}
	}
	CHECK(small > 0);	/* the town has small cells to hide */
	CHECK(!strstr(opendata_find(&pub, "crime-counts.csv")->body.buf, ",1,false"));
	CHECK(!strstr(opendata_find(&pub, "crime-counts.csv")->body.buf, ",2,false"));
	CHECK_CONTAINS(opendata_find(&pub, "crime-counts.csv")->body.buf, ",,true\n");
	json_decref(a);
	json_decref(b);
	opendata_release(&truth);
	opendata_release(&pub);
	town_free(&t);
}

static int read_whole(const char *path, struct strbuf *out)
{
	char buf[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	fclose(f);
	return 0;
}

static int count_entries(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (!d)
		return -1;
	while ((de = readdir(d)))
		if (!strncmp(de->d_name, prefix, strlen(prefix)))
			n++;
	closedir(d);
	return n;
}

TEST(opendata_export_is_deterministic_and_all_or_nothing)
{
	struct town t;
	struct opendata_options opt;
	struct opendata_set one, two;
	struct err e = ERR_INIT;
	char dir[600], path[800], parent[600];
	struct rlimit old, small;
	int same = 1;

	if (town_load(&t, 2) < 0)
		return;
	opendata_options_default(&opt);
	CHECK_INT(opendata_render(t.rm, &opt, &one, &e), 0);
	CHECK_INT(opendata_render(t.rm, &opt, &two, &e), 0);
	CHECK_INT(one.nfiles, two.nfiles);
	for (size_t i = 0; i < one.nfiles && i < two.nfiles; i++)
		if (one.files[i].body.len != two.files[i].body.len ||
		    memcmp(one.files[i].body.buf, two.files[i].body.buf, one.files[i].body.len))
			same = 0;
	CHECK(same);

	/* Written, then replaced by a second export: the files are the bytes. */
	snprintf(parent, sizeof(parent), "%s", test_tmpdir());
	snprintf(dir, sizeof(dir), "%s/open", parent);
	CHECK_INT(opendata_write_dir(&one, dir, &e), 0);
	CHECK_INT(opendata_write_dir(&two, dir, &e), 0);
	CHECK_INT(count_entries(dir, ""), (int)one.nfiles + 2);
	for (size_t i = 0; i < one.nfiles; i++) {
		struct strbuf got = STRBUF_INIT;

		snprintf(path, sizeof(path), "%s/%s", dir, one.files[i].name);
		CHECK_INT(read_whole(path, &got), 0);
		if (got.len != one.files[i].body.len ||
		    memcmp(got.buf, one.files[i].body.buf, got.len))
			test_fail(__FILE__, __LINE__, "%s differs on disk", one.files[i].name);
		strbuf_release(&got);
	}
	CHECK_INT(count_entries(parent, "open."), 0);	/* no .tmp- or .old- left */

	/* A folder that is not an export is refused and left alone. */
	snprintf(path, sizeof(path), "%s/mine", parent);
	mkdir(path, 0755);
	snprintf(dir, sizeof(dir), "%s/mine/notes.txt", parent);
	fclose(fopen(dir, "w"));
	CHECK_INT(opendata_write_dir(&one, path, &e), ERR_CONFLICT);
	CHECK_CONTAINS(e.msg, "not an earlier open-data export");
	CHECK_INT(count_entries(path, ""), 3);

	/* Under a file, not a folder: says why, leaves nothing. */
	snprintf(dir, sizeof(dir), "%s/open/catalog.jsonld/sub", parent);
	CHECK_INT(opendata_write_dir(&one, dir, &e), ERR_IO);
	CHECK_CONTAINS(e.msg, "cannot create folder");

	/* The disk fills up halfway through: no partial set anywhere. */
	snprintf(dir, sizeof(dir), "%s/full", parent);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 4096;
	setrlimit(RLIMIT_FSIZE, &small);
	CHECK_INT(opendata_write_dir(&one, dir, &e), ERR_IO);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	CHECK_CONTAINS(e.msg, "cannot write");
	CHECK_INT(count_entries(parent, "full"), 0);
	opendata_release(&one);
	opendata_release(&two);
	town_free(&t);
}

/* --- snapping -------------------------------------------------------------- */

struct pts {
	int32_t *lat, *lng;
	size_t n;
};

/* Every located point of the force's police.uk rows: the map points. */
static void all_points(const struct readmodel *rm, struct pts *p)
{
	static const int la[MONTH_KIND_COUNT] = { SC_LAT, OC_LAT, ST_LAT };
	static const int ln[MONTH_KIND_COUNT] = { SC_LNG, OC_LNG, ST_LNG };
	size_t total = 0;

	for (size_t i = 0; i < rm->nmonths; i++)
		for (int k = 0; k < MONTH_KIND_COUNT; k++)
			total += rm->months[i].pack[k].rows;
	p->lat = xcalloc(total + 1, sizeof(int32_t));
	p->lng = xcalloc(total + 1, sizeof(int32_t));
	p->n = 0;
	for (size_t i = 0; i < rm->nmonths; i++)
		for (int k = 0; k < MONTH_KIND_COUNT; k++) {
			const struct monthpack *mp = &rm->months[i].pack[k];
			for (size_t r = 0; r < mp->rows; r++)
				if (MP_U8(mp, 0)[r] & MPF_LOCATED) {
					p->lat[p->n] = MP_I32(mp, la[k])[r];
					p->lng[p->n++] = MP_I32(mp, ln[k])[r];
				}
		}
}

TEST(snap_moves_a_precise_point_onto_the_nearest_map_point)
{
	struct town t;
	struct snap_index *ix = NULL;
	struct snap_result res;
	struct err e = ERR_INIT;
	struct pts p;
	uint32_t seed = 12345;
	int on_point = 0, fallback = 0;

	if (town_load(&t, 2) < 0)
		return;
	CHECK_INT(snap_index_build(t.rm, 0, &ix, &e), 0);
	all_points(t.rm, &p);
	CHECK(p.n > 0);
	CHECK(snap_index_count(ix) > 0 && snap_index_count(ix) <= p.n);
	for (int i = 0; i < 400; i++) {
		/* A point near a real one, up to ~300 m away in any direction. */
		size_t base;
		int32_t lat, lng;
		double best = 1e18;
		int rc;

		seed = seed * 1103515245u + 12345u;
		base = (seed >> 8) % p.n;
		seed = seed * 1103515245u + 12345u;
		lat = p.lat[base] + (int32_t)((seed >> 8) % 5401) - 2700;
		seed = seed * 1103515245u + 12345u;
		lng = p.lng[base] + (int32_t)((seed >> 8) % 8001) - 4000;
		for (size_t k = 0; k < p.n; k++) {
			double d = snap_distance_m(lat, lng, p.lat[k], p.lng[k]);
			if (d < best)
				best = d;
		}
		rc = snap_point(ix, lat, lng, 150, &res, &e);
		if (best <= 150) {
			int found = 0;

			CHECK_INT(rc, 0);
			CHECK_INT(res.how, SNAP_MAP_POINT);
			CHECK(res.moved_m == best);	/* the nearest, as brute force finds it */
			for (size_t k = 0; k < p.n && !found; k++)
				found = p.lat[k] == res.lat && p.lng[k] == res.lng;
			CHECK(found);
			if (best > 0)
				CHECK(res.lat != lat || res.lng != lng);
			on_point++;
		} else if (rc == 0) {
			CHECK_INT(res.how, SNAP_LSOA_CENTROID);
			CHECK(res.lsoa >= 0);
			CHECK(res.lat != lat || res.lng != lng);
			fallback++;
		} else {
			CHECK_INT(rc, ERR_NOTFOUND);
			CHECK_INT(res.lsoa, -1);
		}
	}
	CHECK(on_point > 50);
	CHECK(fallback > 0);

	/* Nowhere near the force and in no LSOA: it may not be published. */
	CHECK_INT(snap_point(ix, 0, 0, 500, &res, &e), ERR_NOTFOUND);
	CHECK_CONTAINS(e.msg, "no anonymous map point");
	CHECK_INT(snap_point(ix, 95000000, 0, 500, &res, &e), ERR_INVALID);
	snap_index_free(ix);

	/* Given points: the nearest wins, ties go to the lower latitude. */
	{
		int32_t lat[] = { 51000100, 51000000, 50999900, 51000000 };
		int32_t lng[] = { 0, 200, 0, 200 };

		CHECK_INT(snap_index_from_points(NULL, lat, lng, 4, &ix, &e), 0);
		CHECK_INT(snap_index_count(ix), 3);
		CHECK_INT(snap_point(ix, 51000000, 0, 500, &res, &e), 0);
		CHECK_INT(res.lat, 50999900);
		CHECK_INT(res.lng, 0);
		CHECK_INT(snap_point(ix, 51000000, 90, 500, &res, &e), 0);
		CHECK_INT(res.lng, 200);
		CHECK_INT(snap_point(ix, 52000000, 0, 500, &res, &e), ERR_NOTFOUND);
		snap_index_free(ix);
	}
	xfree(p.lat);
	xfree(p.lng);
	town_free(&t);
}

static int csv_check(const char *csv, const char *meta, char why[300])
{
	return odcheck_csv(csv, strlen(csv), meta, why, 300);
}

/* The checker itself: broken files are caught, so a pass means something. */
TEST(odcheck_catches_broken_files)
{
	static const char meta[] =
		"{\"@context\":[\"http://www.w3.org/ns/csvw\",{\"@language\":\"en\"}],\"url\":\"x.csv\","
		"\"dc:title\":\"x\",\"dc:license\":{\"@id\":\"u\"},\"dc:rights\":\"r\",\"dc:source\":\"s\","
		"\"dc:modified\":\"2026-01-01\",\"tableSchema\":{\"columns\":["
		"{\"name\":\"month\",\"titles\":\"Month\",\"datatype\":\"gYearMonth\",\"required\":true},"
		"{\"name\":\"n\",\"titles\":\"N\",\"datatype\":\"integer\",\"required\":false},"
		"{\"name\":\"b\",\"titles\":\"B\",\"datatype\":{\"base\":\"boolean\",\"format\":\"True|False\"},"
		"\"required\":false}]}}";
	static const char ccw[] = "[[0,0],[1,0],[1,1],[0,1],[0,0]]", cw[] = "[[0,0],[0,1],[1,1],[1,0],[0,0]]";
	char why[300], doc[600];

	CHECK_INT(csv_check("Month,N,B\n2026-01,3,True\n2026-02,,\n", meta, why), 0);
	CHECK_INT(csv_check("Month,N,B\n2026-13,3,True\n", meta, why), -1);
	CHECK_INT(csv_check("Month,N,B\n2026-01,3.5,True\n", meta, why), -1);
	CHECK_INT(csv_check("Month,N,B\n2026-01,3,true\n", meta, why), -1);
	CHECK_INT(csv_check("Month,N,B\n,3,True\n", meta, why), -1);
	CHECK_CONTAINS(why, "required");
	CHECK_INT(csv_check("Month,Count,B\n", meta, why), -1);
	CHECK_INT(csv_check("Month,N,B\n2026-01,3\n", meta, why), -1);

	snprintf(doc, sizeof(doc), "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
		 "{\"type\":\"Polygon\",\"coordinates\":[%s]}}", ccw);
	CHECK_INT(odcheck_geojson(doc, strlen(doc), why, sizeof(why)), 0);
	snprintf(doc, sizeof(doc), "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
		 "{\"type\":\"Polygon\",\"coordinates\":[%s]}}", cw);
	CHECK_INT(odcheck_geojson(doc, strlen(doc), why, sizeof(why)), -1);
	CHECK_CONTAINS(why, "counter-clockwise");
	snprintf(doc, sizeof(doc), "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
		 "{\"type\":\"Polygon\",\"coordinates\":[%s,%s]}}", ccw, ccw);
	CHECK_INT(odcheck_geojson(doc, strlen(doc), why, sizeof(why)), -1);
	snprintf(doc, sizeof(doc), "{\"type\":\"FeatureCollection\",\"crs\":{},\"features\":[]}");
	CHECK_INT(odcheck_geojson(doc, strlen(doc), why, sizeof(why)), -1);
	snprintf(doc, sizeof(doc), "{\"type\":\"Feature\",\"properties\":null,\"geometry\":"
		 "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0.1234567],[0,0]]]}}");
	CHECK_INT(odcheck_geojson(doc, strlen(doc), why, sizeof(why)), -1);
	snprintf(doc, sizeof(doc), "{\"type\":\"Feature\",\"properties\":null,\"geometry\":"
		 "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}");
	CHECK_INT(odcheck_geojson(doc, strlen(doc), why, sizeof(why)), -1);
}

/* The /data/ page escapes what it shows and carries the licence. */
TEST(page_data_lists_files_escaped_with_the_licence)
{
	struct opendata_dataset ds = { .id = "x", .title = "Counts <b>", .description = "a & b" };
	struct opendata_file f = { .name = "crime-counts.csv", .title = "<script>",
				   .media_type = OPENDATA_TYPE_CSV, .dataset = 0 };
	struct opendata_set set = { .files = &f, .nfiles = 1, .datasets = &ds, .ndatasets = 1,
				    .modified = "2026-11-01" };
	struct strbuf out = STRBUF_INIT;

	strbuf_init(&f.body, 0);
	strbuf_addstr(&f.body, "force\n");
	struct page_ctx pc = { .lang = LANG_EN, .path = "/data/" };

	page_data(&set, &pc, &out);
	CHECK_CONTAINS(out.buf, "href=\"/data/crime-counts.csv\"");
	CHECK_CONTAINS(out.buf, "Counts &lt;b&gt;");
	CHECK_CONTAINS(out.buf, "&lt;script&gt;");
	CHECK_CONTAINS(out.buf, "6 bytes");
	CHECK_CONTAINS(out.buf, OPENDATA_LICENCE_URL);
	CHECK_CONTAINS(out.buf, OPENDATA_ATTRIBUTION);
	CHECK_CONTAINS(out.buf, "2026-11-01");
	/* no inline script or style: the one script is Engage's own file */
	CHECK(!strstr(out.buf, "<script>") && !strstr(out.buf, "style="));
	CHECK_CONTAINS(out.buf, "<script type=\"module\" src=\"/assets/engage.mjs\"></script>");
	strbuf_release(&out);
	strbuf_release(&f.body);
}
