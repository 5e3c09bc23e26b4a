/*
 * t_api.c - the police.uk-compatible API (src/api/) over a real store: the
 * demo town through the real importers, and the real City of London files
 * when ../shared/data is present.  Answers are parsed back as JSON and
 * checked against the CSV files read independently (a brute-force count
 * with the haversine distance).
 */
#include "test.h"
#include "town.h"

#include "api/api.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "demo/demo.h"
#include "import/pipeline.h"
#include "import/policeuk.h"
#include "index/readmodel.h"
#include "api/engage_api.h"
#include "store/store.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static json_t *parse(const struct strbuf *sb)
{
	json_error_t je;
	json_t *j = json_loadb(sb->buf ? sb->buf : "", sb->len, 0, &je);

	if (!j)
		test_fail(__FILE__, __LINE__, "not JSON: %s: %.200s", je.text, strbuf_str(sb));
	return j;
}

/* --- brute force over a street CSV --------------------------------------- */

struct brute {
	int32_t lat, lng;
	int category;		/* -1 all */
	double radius;
	long within, near_edge, no_location;
	int32_t first_lat, first_lng;
	long rows;
};

static double haversine(int32_t lat1, int32_t lng1, int32_t lat2, int32_t lng2)
{
	double k = M_PI / 180e6, p1 = lat1 * k, p2 = lat2 * k;
	double a = sin((p2 - p1) / 2) * sin((p2 - p1) / 2) +
		   cos(p1) * cos(p2) * sin((lng2 - lng1) * k / 2) * sin((lng2 - lng1) * k / 2);

	return 2 * 6371008.8 * asin(sqrt(a));
}

static int brute_row(void *ctx, const struct crime_record *r, struct err *e)
{
	struct brute *b = ctx;
	double d;

	if (!b->rows++ && r->has_location) {
		b->first_lat = r->lat;
		b->first_lng = r->lng;
	}
	if (!r->has_location) {
		b->no_location += b->category < 0 || r->category == b->category;
		return 0;
	}
	if (b->category >= 0 && r->category != b->category)
		return 0;
	d = haversine(b->lat, b->lng, r->lat, r->lng);
	if (fabs(d - b->radius) < 2)
		b->near_edge++;
	else if (d < b->radius)
		b->within++;
	return 0;
}

static void brute(const char *path, struct brute *b)
{
	struct policeuk_handlers h = { brute_row, NULL, NULL, b };
	enum policeuk_kind kind;
	struct err e = ERR_INIT;

	b->within = b->near_edge = b->no_location = b->rows = 0;
	if (policeuk_read_path(path, &h, &kind, &e) < 0)
		test_fail(__FILE__, __LINE__, "%s", e.msg);
}

/* Every crime within the radius, and only those: the answer's size is the
 * brute-force count, give or take rows within 2 m of the edge. */
static void check_point_query(const struct readmodel *rm, const char *csv, const char *slug,
			      struct brute *b, int32_t month)
{
	struct api_area a;
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	json_t *j;

	b->radius = API_RADIUS_M;
	brute(csv, b);
	api_area_point(&a, b->lat, b->lng);
	CHECK_INT(api_crimes_street(rm, slug, &a, month, &sb, &e), 0);
	j = parse(&sb);
	if (j) {
		long n = (long)json_array_size(j);
		size_t i;
		json_t *c;

		CHECK(b->within > 0);
		if (n < b->within || n > b->within + b->near_edge)
			test_fail(__FILE__, __LINE__, "%s at %d,%d: %ld crimes, brute force %ld (+%ld at the edge)",
				  slug, b->lat, b->lng, n, b->within, b->near_edge);
		json_array_foreach(j, i, c) {
			json_t *loc = json_object_get(c, "location");
			const char *la = json_string_value(json_object_get(loc, "latitude"));
			const char *lo = json_string_value(json_object_get(loc, "longitude"));
			int32_t y, x;

			CHECK(la && lo);
			if (!la || !lo || parse_microdegrees(la, strlen(la), &y) ||
			    parse_microdegrees(lo, strlen(lo), &x))
				break;
			if (haversine(b->lat, b->lng, y, x) > API_RADIUS_M + 2)
				test_fail(__FILE__, __LINE__, "crime at %s,%s is outside the mile", la, lo);
			CHECK(json_is_integer(json_object_get(c, "id")));
			CHECK(json_is_integer(json_object_get(json_object_get(loc, "street"), "id")));
			if (strcmp(slug, "all-crime"))
				CHECK_STR(json_string_value(json_object_get(c, "category")), slug);
		}
	}
	json_decref(j);
	strbuf_release(&sb);
	api_area_release(&a);
}

static void latest_csv(const struct town *t, const struct readmodel *rm, const char *kind,
		       char *path, size_t size)
{
	char m[8];

	format_month(rm->latest_month, m);
	snprintf(path, size, "%s/police-uk/%s/%s-glanmor-%s.csv", t->dir, m, m, kind);
}

TEST(api_crimes_street_a_mile_around_a_point_all_and_only)
{
	struct town t;
	struct brute b = { .category = -1 };
	char csv[1024];

	if (town_open(&t, 3, 0) < 0)
		return;
	latest_csv(&t, t.rm, "street", csv, sizeof(csv));
	brute(csv, &b);			/* to learn the first row's point */
	b.lat = b.first_lat;
	b.lng = b.first_lng;
	check_point_query(t.rm, csv, "all-crime", &b, 0);	/* date defaults to latest */
	b.category = CAT_BURGLARY;
	check_point_query(t.rm, csv, "burglary", &b, t.rm->latest_month);
	b.category = CAT_ASB;
	check_point_query(t.rm, csv, "anti-social-behaviour", &b, 0);
	town_close(&t);
}

TEST(api_date_defaults_to_the_latest_month_and_poly_closes_itself)
{
	struct town t;
	struct api_area open_poly, closed_poly;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
	struct err e = ERR_INIT;
	const char *ring = "52.30,-4.50:52.40,-4.50:52.40,-4.40:52.30,-4.40";
	char closed[256];
	json_t *j;

	if (town_open(&t, 3, 0) < 0)
		return;
	snprintf(closed, sizeof(closed), "%s:52.30,-4.50", ring);
	CHECK_INT(api_area_poly(&open_poly, ring, &e), 0);
	CHECK_INT(api_area_poly(&closed_poly, closed, &e), 0);
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &open_poly, 0, &a, &e), 0);
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &closed_poly, t.rm->latest_month, &b, &e), 0);
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &open_poly, t.rm->latest_month - 1, &c, &e), 0);
	CHECK_STR(strbuf_str(&a), strbuf_str(&b));
	CHECK(strcmp(strbuf_str(&a), strbuf_str(&c)));
	j = parse(&a);
	CHECK(json_array_size(j) > 100);
	{
		char m[8];
		format_month(t.rm->latest_month, m);
		CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "month")), m);
	}
	json_decref(j);
	strbuf_reset(&a);
	CHECK_INT(api_crimes_street_dates(t.rm, &a), 0);
	j = parse(&a);
	CHECK_INT(json_array_size(j), 3);
	json_decref(j);
	api_area_release(&open_poly);
	api_area_release(&closed_poly);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&c);
	town_close(&t);
}

TEST(api_errors_name_what_was_wrong)
{
	struct town t;
	struct api_area a;
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;

	if (town_open(&t, 1, 0) < 0)
		return;
	CHECK_INT(api_force(t.rm, "atlantis", &sb, &e), ERR_NOTFOUND);
	CHECK_CONTAINS(e.msg, "atlantis");
	CHECK_INT(api_neighbourhood(t.rm, "glanmor", "NOPE", &sb, &e), ERR_NOTFOUND);
	CHECK_INT(api_neighbourhood_people(t.rm, "atlantis", "GM01", &sb, &e), ERR_NOTFOUND);
	CHECK_INT(api_police_events(t.s, "glanmor", "NOPE", &sb, &e), ERR_NOTFOUND);
	CHECK_INT(api_crimes_no_location(t.rm, "all-crime", "atlantis", 0, &sb, &e), ERR_NOTFOUND);
	CHECK_INT(api_stops_force(t.rm, "atlantis", 0, &sb, &e), ERR_NOTFOUND);
	api_area_point(&a, 52336031, -4436990);
	CHECK_INT(api_crimes_street(t.rm, "bike-theft", &a, 0, &sb, &e), ERR_NOTFOUND);
	CHECK_CONTAINS(e.msg, "bike-theft");
	CHECK_INT(api_area_poly(&a, "52.3,-4.5:52.4", &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "point 2 '52.4'");
	CHECK_INT(api_area_poly(&a, "52.3,-4.5:52.4,-4.5", &e), ERR_INVALID);
	CHECK_INT(api_area_poly(&a, "52.3,-4.5:x,y:52.4,-4.4", &e), ERR_INVALID);
	CHECK_INT(api_area_poly(&a, "", &e), ERR_INVALID);
	CHECK_INT(api_outcomes_for_crime(t.rm, "zz", &sb, &e), ERR_INVALID);
	CHECK_INT(api_outcomes_for_crime(t.rm, "0000000000000000000000000000000000000000000000000000000000000000",
					 &sb, &e), ERR_NOTFOUND);
	CHECK_INT(api_locate_neighbourhood(t.rm, 10000000, 10000000, &sb, &e), ERR_NOTFOUND);
	strbuf_release(&sb);
	town_close(&t);
}

/* One JSON document of the given type, parsed back. */
static json_t *call_ok(struct strbuf *sb, int rc)
{
	CHECK_INT(rc, 0);
	return parse(sb);
}

TEST(api_forces_neighbourhoods_and_locate)
{
	struct town t;
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	json_t *j, *n;
	const char *id;

	if (town_open(&t, 1, 0) < 0)
		return;
	j = call_ok(&sb, api_forces(t.rm, &sb));
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "id")), "glanmor");
	json_decref(j);
	strbuf_reset(&sb);
	j = call_ok(&sb, api_neighbourhoods(t.rm, "glanmor", &sb, &e));
	CHECK_INT(json_array_size(j), t.rm->nnbhds);
	id = json_string_value(json_object_get(json_array_get(j, 0), "id"));
	strbuf_reset(&sb);
	n = call_ok(&sb, api_neighbourhood(t.rm, "glanmor", id, &sb, &e));
	CHECK(json_is_string(json_object_get(n, "population")));
	CHECK(json_is_string(json_object_get(json_object_get(n, "centre"), "latitude")));
	{
		const char *la = json_string_value(json_object_get(json_object_get(n, "centre"), "latitude"));
		const char *lo = json_string_value(json_object_get(json_object_get(n, "centre"), "longitude"));
		struct strbuf loc = STRBUF_INIT;
		int32_t y = 0, x = 0;
		json_t *l;

		parse_microdegrees(la, strlen(la), &y);
		parse_microdegrees(lo, strlen(lo), &x);
		l = call_ok(&loc, api_locate_neighbourhood(t.rm, y, x, &loc, &e));
		CHECK_STR(json_string_value(json_object_get(l, "force")), "glanmor");
		CHECK(json_is_string(json_object_get(l, "neighbourhood")));
		json_decref(l);
		strbuf_release(&loc);
	}
	strbuf_reset(&sb);
	{
		json_t *b = call_ok(&sb, api_neighbourhood_boundary(t.rm, "glanmor", id, &sb, &e));
		CHECK(json_array_size(b) > 3);
		CHECK(json_is_string(json_object_get(json_array_get(b, 0), "latitude")));
		json_decref(b);
	}
	strbuf_reset(&sb);
	{
		json_t *p = call_ok(&sb, api_neighbourhood_people(t.rm, "glanmor", id, &sb, &e));
		CHECK(json_array_size(p) > 0);
		CHECK(json_is_string(json_object_get(json_array_get(p, 0), "name")));
		json_decref(p);
	}
	strbuf_reset(&sb);
	{
		/* no engagement records yet: none agreed (t_engage.sh fills them) */
		json_t *p = call_ok(&sb, api_police_priorities(t.s, "glanmor", id, &sb, &e));
		CHECK_INT(json_array_size(p), 0);
		json_decref(p);
	}
	json_decref(n);
	json_decref(j);
	strbuf_release(&sb);
	town_close(&t);
}

/* Ids survive a re-import and a restart (a fresh read model). */
TEST(api_street_and_crime_ids_are_stable)
{
	struct town t;
	struct api_area a;
	struct strbuf one = STRBUF_INIT, two = STRBUF_INIT, at = STRBUF_INIT;
	struct import_summary is;
	struct err e = ERR_INIT;
	json_t *j, *c;
	int64_t street;

	if (town_open(&t, 2, 0) < 0)
		return;
	CHECK_INT(api_area_poly(&a, "52.30,-4.50:52.40,-4.50:52.40,-4.40:52.30,-4.40", &e), 0);
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &a, 0, &one, &e), 0);
	readmodel_free(t.rm);
	t.rm = NULL;
	CHECK_INT(import_town(t.s, t.dir, NULL, &is, &e), 0);
	CHECK_INT(readmodel_load(t.s, &t.rm, &e), 0);
	if (!t.rm)
		return;
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &a, 0, &two, &e), 0);
	CHECK_STR(strbuf_str(&one), strbuf_str(&two));
	/* crimes-at-location by the street id of the first crime */
	j = parse(&one);
	c = json_array_get(j, 0);
	street = json_integer_value(json_object_get(json_object_get(json_object_get(c, "location"), "street"), "id"));
	CHECK(street > 0);
	CHECK_INT(api_crimes_at_location(t.rm, (int32_t)street, 0, 0, 0, &at, &e), 0);
	{
		json_t *k = parse(&at), *x;
		size_t i;
		int found = 0;

		CHECK(json_array_size(k) >= 1);
		json_array_foreach(k, i, x) {
			CHECK_INT(json_integer_value(json_object_get(json_object_get(json_object_get(x, "location"), "street"), "id")), street);
			found |= json_integer_value(json_object_get(x, "id")) ==
				 json_integer_value(json_object_get(c, "id"));
		}
		CHECK(found);
		json_decref(k);
	}
	json_decref(j);
	api_area_release(&a);
	strbuf_release(&one);
	strbuf_release(&two);
	strbuf_release(&at);
	town_close(&t);
}

TEST(api_outcomes_and_stops)
{
	struct town t;
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	json_t *j, *x;
	size_t i;
	const char *pid = NULL;

	if (town_open(&t, 3, 0) < 0)
		return;
	j = call_ok(&sb, api_crimes_no_location(t.rm, "all-crime", "glanmor", 0, &sb, &e));
	json_array_foreach(j, i, x)
		CHECK(json_is_null(json_object_get(x, "location")));
	json_decref(j);
	/* a crime from the first month has had time for outcomes */
	for (size_t mi = 0; mi < t.rm->nmonths && !pid; mi++) {
		const struct monthpack *p = &t.rm->months[mi].pack[MONTH_STREET];
		static char id[65];
		uint64_t refs[4];

		for (size_t r = 0; r < p->rows && !pid; r++) {
			if (!(MP_U8(p, SC_FLAGS)[r] & MPF_HAS_ID) ||
			    readmodel_crime_outcomes(t.rm, MP_ID32(p, SC_CRIME_ID)[r], refs, 4) < 2)
				continue;
			monthpack_crime_id(p, SC_CRIME_ID, r, id);
			pid = id;
		}
	}
	CHECK(pid != NULL);
	strbuf_reset(&sb);
	if (pid) {
		j = call_ok(&sb, api_outcomes_for_crime(t.rm, pid, &sb, &e));
		CHECK_STR(json_string_value(json_object_get(json_object_get(j, "crime"), "persistent_id")), pid);
		CHECK(!json_object_get(json_object_get(j, "crime"), "outcome_status"));
		CHECK(json_array_size(json_object_get(j, "outcomes")) >= 2);
		x = json_array_get(json_object_get(j, "outcomes"), 0);
		CHECK(json_is_string(json_object_get(json_object_get(x, "category"), "code")));
		CHECK(json_is_null(json_object_get(x, "person_id")));
		json_decref(j);
	}
	strbuf_reset(&sb);
	j = call_ok(&sb, api_stops_force(t.rm, "glanmor", 0, &sb, &e));
	CHECK(json_array_size(j) > 10);
	json_array_foreach(j, i, x) {
		CHECK(json_is_boolean(json_object_get(x, "involved_person")));
		CHECK(json_is_string(json_object_get(x, "datetime")));
		CHECK(json_is_object(json_object_get(x, "outcome_object")));
	}
	json_decref(j);
	strbuf_release(&sb);
	town_close(&t);
}

/* Over 10,000 crimes in an area is ERR_LIMIT (503 over HTTP). */
TEST(api_more_than_10000_results_is_err_limit)
{
	char dir[512], path[600], db[600];
	struct store *s = NULL;
	struct readmodel *rm = NULL;
	struct import_summary is;
	struct err e = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	struct api_area a;
	const char *paths[1];
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/2024-01", test_tmpdir());
	snprintf(path, sizeof(path), "%s/2024-01-testshire-street.csv", dir);
	snprintf(db, sizeof(db), "%s/big.db", test_tmpdir());
	CHECK_INT(mkdir(dir, 0700), 0);
	f = fopen(path, "w");
	if (!f)
		return;
	fputs("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n", f);
	for (int i = 0; i < API_MAX_RESULTS + 1; i++)
		fprintf(f, ",2024-01,Testshire Police,Testshire Police,-0.1%04d,51.5,On or near Long Lane,,,Anti-social behaviour,,\n", i % 100);
	fclose(f);
	paths[0] = path;
	CHECK_INT(store_open(db, STORE_CREATE, &s, &e), 0);
	CHECK_INT(import_police_uk(s, paths, 1, NULL, &is, &e), 0);
	CHECK_INT(readmodel_load(s, &rm, &e), 0);
	if (rm) {
		api_area_point(&a, 51500000, -100000);
		CHECK_INT(api_crimes_street(rm, "all-crime", &a, 0, &sb, &e), ERR_LIMIT);
		CHECK_CONTAINS(e.msg, "more than 10000");
		strbuf_reset(&sb);
		CHECK_INT(api_crimes_street(rm, "burglary", &a, 0, &sb, &e), 0);
		CHECK_STR(strbuf_str(&sb), "[]");
	}
	readmodel_free(rm);
	store_close(s);
	strbuf_release(&sb);
}

/* The real City of London files: a point query against brute force. */
TEST(api_real_city_of_london_street_month)
{
	const char *root = test_shared_data();
	char path[1024], db[600];
	struct store *s = NULL;
	struct readmodel *rm = NULL;
	struct import_summary is;
	struct err e = ERR_INIT;
	struct brute b = { .category = -1 };
	const char *paths[1];

	if (!root) {
		test_skip("no shared data (../shared/data)");
		return;
	}
	snprintf(path, sizeof(path), "%s/police-uk/city-of-london/street/2018-06/2018-06-city-of-london-street.csv", root);
	snprintf(db, sizeof(db), "%s/city.db", test_tmpdir());
	paths[0] = path;
	CHECK_INT(store_open(db, STORE_CREATE, &s, &e), 0);
	CHECK_INT(import_police_uk(s, paths, 1, NULL, &is, &e), 0);
	CHECK_STR(e.msg, "");
	CHECK_INT(readmodel_load(s, &rm, &e), 0);
	if (rm) {
		struct strbuf sb = STRBUF_INIT;
		json_t *j;

		brute(path, &b);
		b.lat = b.first_lat;
		b.lng = b.first_lng;
		check_point_query(rm, path, "all-crime", &b, 0);
		b.category = CAT_THEFT_FROM_THE_PERSON;
		check_point_query(rm, path, "theft-from-the-person", &b, 0);
		b.category = -1;
		brute(path, &b);
		j = call_ok(&sb, api_crimes_no_location(rm, "all-crime", "city-of-london", 0, &sb, &e));
		CHECK_INT(json_array_size(j), b.no_location);
		json_decref(j);
		strbuf_release(&sb);
	}
	readmodel_free(rm);
	store_close(s);
}

/* Answers from pre-rendered rows are byte for byte the per-request ones. */
TEST(api_prerendered_rows_answer_the_same)
{
	struct town t;
	struct api_area a;
	struct strbuf c1 = STRBUF_INIT, c2 = STRBUF_INIT, s1 = STRBUF_INIT, s2 = STRBUF_INIT;
	struct err e = ERR_INIT;

	if (town_open(&t, 2, 0) < 0)
		return;
	CHECK_INT(api_area_poly(&a, "52.30,-4.50:52.40,-4.50:52.40,-4.40:52.30,-4.40", &e), 0);
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &a, 0, &c1, &e), 0);
	CHECK_INT(api_stops_street(t.rm, &a, 0, &s1, &e), 0);
	CHECK_INT(api_prerender(t.rm, 1, &e), 0);
	CHECK(t.rm->months[t.rm->nmonths - 1].frags[MONTH_STREET].bytes != NULL);
	CHECK(t.rm->months[0].frags[MONTH_STREET].bytes == NULL);
	CHECK_INT(api_crimes_street(t.rm, "all-crime", &a, 0, &c2, &e), 0);
	CHECK_INT(api_stops_street(t.rm, &a, 0, &s2, &e), 0);
	CHECK(c1.len > 1000);
	CHECK_STR(strbuf_str(&c1), strbuf_str(&c2));
	CHECK_STR(strbuf_str(&s1), strbuf_str(&s2));
	api_area_release(&a);
	strbuf_release(&c1);
	strbuf_release(&c2);
	strbuf_release(&s1);
	strbuf_release(&s2);
	town_close(&t);
}
