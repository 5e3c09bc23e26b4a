/*
 * t_policeuk.c - police.uk street, outcomes and stop-and-search files:
 * real samples, the quirks from the data README, broken copies that must be
 * refused with file/line/column/value, and every real City of London file.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "import/policeuk.h"
#include "test.h"

struct tally {
	long rows, asb, no_location, with_location, unknown_outcome;
	long blank_object, bool_true, bool_unknown;
	int32_t first_lat, first_lng, first_month;
	int64_t first_datetime;
	char first_type[64];
	char last_location[64];
	int fail_at;	/* make the callback fail on this row (1-based), 0 never */
};

static int on_street(void *ctx, const struct crime_record *r, struct err *e)
{
	struct tally *t = ctx;

	if (++t->rows == 1) {
		t->first_lat = r->lat;
		t->first_lng = r->lng;
		t->first_month = r->month;
	}
	if (r->category == CAT_ASB) {
		t->asb++;
		if (r->crime_id[0] || r->last_outcome[0])
			t->unknown_outcome += 1000;	/* ASB must have neither */
	}
	if (!r->has_location) {
		t->no_location++;
		if (r->lsoa_code[0])
			t->no_location += 1000;
	} else {
		t->with_location++;
	}
	snprintf(t->last_location, sizeof(t->last_location), "%s", r->location);
	if (t->fail_at && t->rows == t->fail_at)
		return err_set(e, ERR_CONFLICT, "crime already stored");
	return 0;
}

static int on_outcome(void *ctx, const struct outcome_record *r, struct err *e)
{
	struct tally *t = ctx;

	if (++t->rows == 1) {
		t->first_lat = r->lat;
		t->first_lng = r->lng;
	}
	if (outcome_from_csv(r->outcome, strlen(r->outcome)) < 0)
		t->unknown_outcome++;
	if (!r->has_location)
		t->no_location++;
	return 0;
}

static int on_stop(void *ctx, const struct stop_record *r, struct err *e)
{
	struct tally *t = ctx;

	if (++t->rows == 1) {
		t->first_datetime = r->datetime;
		snprintf(t->first_type, sizeof(t->first_type), "%s", r->type);
		t->first_lat = r->lat;
		t->first_lng = r->lng;
	}
	if (!r->object_of_search[0])
		t->blank_object++;
	if (!r->has_location)
		t->no_location++;
	t->bool_true += (r->outcome_linked == 1) + (r->removal_of_clothing == 1);
	t->bool_unknown += r->outcome_linked == -1;
	return 0;
}

static const struct policeuk_handlers all = { on_street, on_outcome, on_stop, NULL };

static long read_file(const char *name, struct tally *t, enum policeuk_kind *k, struct err *e)
{
	struct policeuk_handlers h = all;

	h.ctx = t;
	return policeuk_read_path(test_data(name), &h, k, e);
}

TEST(policeuk_street_sample_with_asb_and_no_location)
{
	struct tally t = { 0 };
	struct err e = ERR_INIT;
	enum policeuk_kind k = POLICEUK_STOPS;

	CHECK_INT(read_file("street-sample.csv", &t, &k, &e), 43);
	CHECK_STR(e.msg, "");
	CHECK_INT(k, POLICEUK_STREET);
	CHECK_INT(t.rows, 43);
	/* first row: ,2019-01,...,-0.112422,51.515381,On or near Star Yard,...ASB */
	CHECK_INT(t.first_lat, 51515381);
	CHECK_INT(t.first_lng, -112422);
	CHECK_INT(t.first_month, 2019 * 12 + 0);
	CHECK_INT(t.asb, 13);
	CHECK_INT(t.no_location, 3);	/* the Met's "No Location" rows */
	CHECK_INT(t.with_location, 40);
	CHECK_INT(t.unknown_outcome, 0);
	CHECK_STR(t.last_location, "No Location");
}

TEST(policeuk_outcomes_sample_keeps_unknown_outcome_text)
{
	struct tally t = { 0 };
	struct err e = ERR_INIT;
	enum policeuk_kind k = POLICEUK_STOPS;
	const char *s =
		"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n"
		"3aa4904ad57204c2ac6b9ad181ff2cadf4be3904e95031c3e75b041ee3aba83c,2023-01,Metropolitan Police Service,"
		"Metropolitan Police Service,,,No location,,,Sent to the moon\n";

	CHECK_INT(read_file("outcomes-sample.csv", &t, &k, &e), 39);
	CHECK_INT(k, POLICEUK_OUTCOMES);
	CHECK_INT(t.no_location, 8);
	CHECK_INT(t.unknown_outcome, 0);

	/* real Met rows near the meridian write longitude as "-7.8e-05" */
	memset(&t, 0, sizeof(t));
	CHECK_INT(read_file("outcomes-exponent.csv", &t, &k, &e), 2);
	CHECK_STR(e.msg, "");
	CHECK_INT(t.first_lng, -78);
	CHECK_INT(t.first_lat, 51538644);

	memset(&t, 0, sizeof(t));
	{
		struct policeuk_handlers h = all;

		h.ctx = &t;
		CHECK_INT(policeuk_read_mem(s, strlen(s), "x-outcomes.csv", &h, &k, &e), 1);
	}
	CHECK_INT(t.unknown_outcome, 1);
}

TEST(policeuk_stop_sample_dates_booleans_blank_object)
{
	struct tally t = { 0 };
	struct err e = ERR_INIT;
	enum policeuk_kind k = POLICEUK_STREET;

	CHECK_INT(read_file("stop-sample.csv", &t, &k, &e), 40);
	CHECK_INT(k, POLICEUK_STOPS);
	/* Person search,2019-01-01T02:48:45+00:00,,,51.514358,-0.083755,... */
	CHECK_STR(t.first_type, "Person search");
	CHECK_INT(t.first_datetime, 1546310925);
	CHECK_INT(t.first_lat, 51514358);	/* Latitude comes first here */
	CHECK_INT(t.first_lng, -83755);
	CHECK_INT(t.blank_object, 3);
	CHECK(t.bool_true >= 1);
	CHECK_INT(t.bool_unknown, 2);
	CHECK(t.no_location > 0);
}

TEST(policeuk_refuses_bad_rows_naming_file_line_column_value)
{
	struct {
		const char *file, *msg;
	} bad[] = {
		{ "street-bad-month.csv",
		  "street-bad-month.csv: line 4: column \"Month\": \"2019-13\" is not a month (YYYY-MM)" },
		{ "street-bad-coordinate.csv",
		  "street-bad-coordinate.csv: line 6: column \"Latitude\": \"95.123456\" is out of range for a latitude (-90 to 90)" },
		{ "street-unknown-type.csv",
		  "street-unknown-type.csv: line 8: column \"Crime type\": \"Antisocial behaviour\" is not a known crime type" },
		{ "street-wrong-header.csv",
		  "street-wrong-header.csv: line 1: not a police.uk header: column 10 is \"Crime Type\", expected \"Crime type\"" },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tally t = { 0 };
		struct err e = ERR_INIT;
		enum policeuk_kind k;

		CHECK_INT(read_file(bad[i].file, &t, &k, &e), ERR_INVALID);
		CHECK_CONTAINS(e.msg, bad[i].msg);
	}
}

TEST(policeuk_row_checks_in_memory)
{
	const char *street_hdr = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
				 "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
	struct {
		const char *row, *msg;
	} bad[] = {
		{ "abc,2019-01,F,F,,,No location,,,Burglary,,\n",
		  "line 2: column \"Crime ID\": \"abc\" is not a crime id" },
		/* 64 characters with one bad digit: in the last 32 (SSE2), first */
		{ "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dg,2019-01,F,F,,,No location,,,Burglary,,\n",
		  "line 2: column \"Crime ID\": \"320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a...\" is not a crime id" },
		{ " 20930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd,2019-01,F,F,,,No location,,,Burglary,,\n",
		  "is not a crime id" },
		{ "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0d\xc3\xa9,2019-01,F,F,,,No location,,,Burglary,,\n",
		  "is not a crime id" },
		{ ",2019-01,F,F,-0.1,,On or near X,,,Anti-social behaviour,,\n",
		  "line 2: column \"Latitude\": empty while \"Longitude\" is \"-0.1\"" },
		{ ",2019-01,F,F,west,51.5,On or near X,,,Anti-social behaviour,,\n",
		  "line 2: column \"Longitude\": \"west\" is not a longitude" },
		{ ",2019-01,F,F,1e-400,51.5,On or near X,,,Anti-social behaviour,,\n",
		  "line 2: column \"Longitude\": \"1e-400\" is not a longitude" },
		{ ",2019-01,F,F,-7.8e-05,5.15e3,On or near X,,,Anti-social behaviour,,\n",
		  "line 2: column \"Latitude\": \"5.15e3\" is not a latitude" },
		{ ",2019-1,F,F,,,No location,,,Anti-social behaviour,,\n",
		  "column \"Month\": \"2019-1\" is not a month" },
		{ ",2019-01,F,F,,,No location,,,Anti-social behaviour,\n",
		  "line 2: 11 fields, expected 12" },
	};
	size_t i;
	char buf[1024];

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tally t = { 0 };
		struct policeuk_handlers h = all;
		struct err e = ERR_INIT;

		h.ctx = &t;
		snprintf(buf, sizeof(buf), "%s%s", street_hdr, bad[i].row);
		CHECK_INT(policeuk_read_mem(buf, strlen(buf), "m.csv", &h, NULL, &e), ERR_INVALID);
		CHECK_CONTAINS(e.msg, bad[i].msg);
		CHECK_INT(t.rows, 0);
	}
	/* the 2010-2013 names are still crime types */
	{
		struct tally t = { 0 };
		struct policeuk_handlers h = all;
		struct err e = ERR_INIT;

		h.ctx = &t;
		snprintf(buf, sizeof(buf), "%s%s", street_hdr,
			 ",2011-05,F,F,-0.1,51.5,On or near X,E01000001,City of London 001A,Violent crime,,\n"
			 ",2012-05,F,F,,,No location,,,Public disorder and weapons,,\n"
			 "320930473D454D613EAD909A28008A91A607C93F8B74339623A4CEC4A252B0DD,2012-05,F,F,,,"
			 "No location,,,Burglary,,\n");	/* upper-case hex is an id too */
		CHECK_INT(policeuk_read_mem(buf, strlen(buf), "old.csv", &h, NULL, &e), 3);
		/* a callback's refusal comes back with the place in front */
		t.fail_at = 2;
		t.rows = 0;
		CHECK_INT(policeuk_read_mem(buf, strlen(buf), "old.csv", &h, NULL, &e), ERR_CONFLICT);
		CHECK_STR(e.msg, "old.csv: line 3: crime already stored");
	}
	/* a kind the caller has no handler for */
	{
		struct policeuk_handlers h = { NULL, on_outcome, NULL, NULL };
		struct err e = ERR_INIT;

		CHECK_INT(policeuk_read_path(test_data("stop-sample.csv"), &h, NULL, &e), ERR_INVALID);
		CHECK_CONTAINS(e.msg, "stop-and-search file");
	}
}

/* Every file of one kind under a folder of month folders; returns rows. */
static long read_all(const char *root, const char *kind, long *files, long *lines, struct err *e)
{
	char dir[1024], path[2048];
	DIR *d;
	struct dirent *de;
	long rows = 0;

	snprintf(dir, sizeof(dir), "%s/police-uk/city-of-london/%s", root, kind);
	d = opendir(dir);
	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		struct tally t = { 0 };
		struct policeuk_handlers h = all;
		FILE *fp;
		long n;
		int ch;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')	/* YYYY-MM folders only */
			continue;
		snprintf(path, sizeof(path), "%s/%s/%s-city-of-london-%s.csv", dir, de->d_name,
			 de->d_name, kind);
		h.ctx = &t;
		n = policeuk_read_path(path, &h, NULL, e);
		if (n < 0)
			break;
		rows += n;
		(*files)++;
		fp = fopen(path, "rb");
		while (fp && (ch = getc(fp)) != EOF)	/* wc -l minus the header */
			*lines += ch == '\n';
		*lines -= 1;
		if (fp)
			fclose(fp);
	}
	closedir(d);
	return rows;
}

TEST(policeuk_every_city_of_london_file)
{
	const char *root = test_shared_data();
	long files = 0, lines = 0, rows;
	struct err e = ERR_INIT;

	if (!root) {
		test_skip("no shared data (../shared/data)");
		return;
	}
	rows = read_all(root, "street", &files, &lines, &e);
	CHECK_STR(e.msg, "");
	CHECK_INT(files, 36);
	CHECK_INT(rows, 24750);
	CHECK_INT(rows, lines);
	files = lines = 0;
	rows = read_all(root, "stop-and-search", &files, &lines, &e);
	CHECK_STR(e.msg, "");
	CHECK_INT(files, 36);
	CHECK_INT(rows, 6855);
	CHECK_INT(rows, lines);
}

/* Every Metropolitan Police file in the shared data: street and outcomes
 * (burglary only) and stop-and-search, each with the kind its name says.
 * The outcomes files hold the exponent-form longitudes.  (24 monthly street
 * and outcomes files, 2023-01 to 2024-12: the data README's "26 files, to
 * 2025-02" overstates what is there.) */
TEST(policeuk_every_metropolitan_file)
{
	const char *root = test_shared_data();
	const char *dirs[] = { "street-burglary-only", "outcomes-burglary-only", "stop-and-search" };
	enum policeuk_kind want[] = { POLICEUK_STREET, POLICEUK_OUTCOMES, POLICEUK_STOPS };
	long want_files[] = { 24, 24, 12 };
	long want_rows[] = { 108789, 44004, 117852 };	/* wc -l minus headers */
	size_t i;

	if (!root) {
		test_skip("no shared data (../shared/data)");
		return;
	}
	for (i = 0; i < 3; i++) {
		char dir[1024], path[2048];
		DIR *d;
		struct dirent *de;
		long files = 0, rows = 0;

		snprintf(dir, sizeof(dir), "%s/police-uk/metropolitan/%s", root, dirs[i]);
		d = opendir(dir);
		CHECK(d != NULL);
		while (d && (de = readdir(d)) != NULL) {
			struct tally t = { 0 };
			struct policeuk_handlers h = all;
			struct err e = ERR_INIT;
			enum policeuk_kind k;
			long n;

			if (!strstr(de->d_name, ".csv"))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			h.ctx = &t;
			n = policeuk_read_path(path, &h, &k, &e);
			CHECK_STR(e.msg, "");
			CHECK_INT(k, want[i]);
			files++;
			rows += n > 0 ? n : 0;
		}
		if (d)
			closedir(d);
		CHECK_INT(files, want_files[i]);
		CHECK_INT(rows, want_rows[i]);
	}
}

/* Every allocation failing in turn: an error (out of memory) or success,
 * never a crash or a leak. */
TEST(policeuk_allocation_failures)
{
	long n, rc = 0;
	int nomem = 0;

	for (n = 1; n < 40; n++) {
		struct tally t = { 0 };
		struct policeuk_handlers h = all;
		struct err e = ERR_INIT;

		h.ctx = &t;
		xalloc_fail_at((unsigned long)n);
		rc = policeuk_read_path(test_data("stop-sample.csv"), &h, NULL, &e);
		xalloc_fail_at(0);
		if (rc == ERR_NOMEM) {
			nomem++;
			CHECK_CONTAINS(e.msg, "out of memory");
		} else if (rc != 40) {
			test_fail(__FILE__, __LINE__, "failing allocation %ld: rc %ld: %s", n, rc, e.msg);
			break;
		}
	}
	CHECK(nomem >= 3);
	CHECK_INT(rc, 40);	/* later allocations than there are: success */
}
