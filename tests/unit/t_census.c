/*
 * t_census.c - the three census layouts (ONS mid-year, GLA atlas, Nomis
 * 2021), the values they yield, and refusals naming file/line/column/value;
 * with shared data, the full London files (4,835 LSOAs each).
 */
#include <stdio.h>
#include <string.h>

#include "import/census.h"
#include "test.h"

struct sums {
	long values;
	int64_t population, age, male, female, white, bame, asian, black, mixed, other, households;
	char first_code[16];
	long bad_codes;
};

static int on_value(void *ctx, const struct census_value *v, struct err *e)
{
	struct sums *s = ctx;
	const char *m = v->measure, *c = v->category;

	if (s->values++ == 0)
		snprintf(s->first_code, sizeof(s->first_code), "%s", v->lsoa_code);
	if (strlen(v->lsoa_code) != 9)
		s->bad_codes++;
	if (!strcmp(m, "population") && !strcmp(c, "all")) s->population += v->value;
	else if (!strcmp(m, "age_band")) s->age += v->value;
	else if (!strcmp(m, "sex") && !strcmp(c, "male")) s->male += v->value;
	else if (!strcmp(m, "sex") && !strcmp(c, "female")) s->female += v->value;
	else if (!strcmp(m, "ethnic_group") && !strcmp(c, "white")) s->white += v->value;
	else if (!strcmp(m, "ethnic_group") && !strcmp(c, "bame")) s->bame += v->value;
	else if (!strcmp(m, "ethnic_group") && !strcmp(c, "asian")) s->asian += v->value;
	else if (!strcmp(m, "ethnic_group") && !strcmp(c, "black")) s->black += v->value;
	else if (!strcmp(m, "ethnic_group") && !strcmp(c, "mixed")) s->mixed += v->value;
	else if (!strcmp(m, "ethnic_group") && !strcmp(c, "other")) s->other += v->value;
	else if (!strcmp(m, "households") && !strcmp(c, "all")) s->households += v->value;
	else return err_set(e, ERR_INTERNAL, "unexpected %s/%s", m, c);
	return 0;
}

TEST(census_ons_midyear_sample)
{
	struct sums s = { 0 };
	struct err e = ERR_INIT;
	enum census_layout lay = CENSUS_NOMIS_2021;

	CHECK_INT(census_read_path(test_data("census-mid2019-sample.csv"), on_value, &s, &lay, &e), 20);
	CHECK_STR(e.msg, "");
	CHECK_INT(lay, CENSUS_ONS_MIDYEAR);
	CHECK_INT(s.values, 20 * 8);
	CHECK_STR(s.first_code, "E01000001");
	/* the age bands and the sexes each add up to the persons total */
	CHECK(s.population > 20000);
	CHECK_INT(s.age, s.population);
	CHECK_INT(s.male + s.female, s.population);

	memset(&s, 0, sizeof(s));
	CHECK_INT(census_read_path(test_data("census-mid-lsoa21.csv"), on_value, &s, &lay, &e), 4);
	CHECK_INT(lay, CENSUS_ONS_MIDYEAR);
	/* E01000001: 1636 persons */
	CHECK(s.population > 1636);
}

TEST(census_gla_atlas_sample)
{
	struct sums s = { 0 };
	struct err e = ERR_INIT;
	enum census_layout lay = CENSUS_NOMIS_2021;

	CHECK_INT(census_read_path(test_data("census-atlas-sample.csv"), on_value, &s, &lay, &e), 20);
	CHECK_STR(e.msg, "");
	CHECK_INT(lay, CENSUS_GLA_ATLAS);
	CHECK_INT(s.values, 60);
	CHECK_STR(s.first_code, "E01000907");
	CHECK(s.white > 0 && s.bame > 0 && s.households > 0);
	CHECK_INT(s.population, 0);
}

TEST(census_nomis_2021_ignores_subcategories)
{
	struct sums s = { 0 };
	struct err e = ERR_INIT;
	enum census_layout lay = CENSUS_ONS_MIDYEAR;

	CHECK_INT(census_read_path(test_data("census-nomis-2021-ethnic.csv"), on_value, &s, &lay, &e), 3);
	CHECK_STR(e.msg, "");
	CHECK_INT(lay, CENSUS_NOMIS_2021);
	CHECK_INT(s.values, 3 * 6);
	CHECK_INT(s.population, 1478 + 1382 + 1600);
	CHECK_INT(s.asian, 181 + 200 + 10);	/* not + Bangladeshi */
	CHECK_INT(s.white, 1094 + 1000 + 1560);
	CHECK_INT(s.black + s.mixed + s.other, 30 + 83 + 90 + 45 + 60 + 77 + 5 + 20 + 5);

	/* households from another Nomis table, with the measures suffix */
	{
		const char *h = "date,geography,geography code,Number of households: Total: All households; measures: Value\n"
				"2021,Camden 001A,E01000907,642\n";

		memset(&s, 0, sizeof(s));
		CHECK_INT(census_read_mem(h, strlen(h), "ts041.csv", on_value, &s, &lay, &e), 1);
		CHECK_INT(s.households, 642);
	}
}

TEST(census_refusals)
{
	struct {
		const char *in, *msg;
	} bad[] = {
		{ "LSOA11CD,Persons_All-Ages\nE01000001,5\n",
		  "m.csv: line 1: ONS mid-year estimates header has no column \"Persons_0-15\"" },
		{ "Area,Value\nE01000001,5\n", "m.csv: line 1: not a census file Engage knows: first column is \"Area\"" },
		{ "date,geography,geography code,Ethnic group: White\n2021,X,E0100001,5\n",
		  "m.csv: line 2: column \"geography code\": \"E0100001\" is not an LSOA code" },
		{ "date,geography,geography code,Ethnic group: White\n2021,X,E02000001,5\n",
		  "m.csv: line 2: column \"geography code\": \"E02000001\" is not an LSOA code" },
		{ "date,geography,geography code,Ethnic group: White\n2021,X,E01000001,-5\n",
		  "m.csv: line 2: column \"Ethnic group: White\": \"-5\" is not a count" },
		{ "date,geography,geography code,Ethnic group: White\n2021,X,E01000001,\n",
		  "m.csv: line 2: column \"Ethnic group: White\": \"\" is not a count" },
		{ "date,geography,geography code,Ethnic group: White: Irish\n2021,X,E01000001,5\n",
		  "has none of the columns Engage reads" },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sums s = { 0 };
		struct err e = ERR_INIT;

		CHECK_INT(census_read_mem(bad[i].in, strlen(bad[i].in), "m.csv", on_value, &s, NULL, &e),
			  ERR_INVALID);
		CHECK_CONTAINS(e.msg, bad[i].msg);
	}
	{
		struct sums s = { 0 };
		struct err e = ERR_INIT;

		CHECK_INT(census_read_path(test_data("census-bad-count.csv"), on_value, &s, NULL, &e),
			  ERR_INVALID);
		CHECK_STR(e.msg, "census-bad-count.csv: line 5: column \"Persons_16-29\": \"2O5\" is not a count (a whole number, 0 or more)");
	}
}

TEST(census_real_london_files)
{
	const char *root = test_shared_data();
	const char *files[] = { "london-mid2019-pop.csv", "london-mid2020-pop.csv",
				"lsoa-atlas-extract-2011-ethnicity-households.csv" };
	size_t i;

	if (!root) {
		test_skip("no shared data (../shared/data)");
		return;
	}
	for (i = 0; i < 3; i++) {
		char path[1024];
		struct sums s = { 0 };
		struct err e = ERR_INIT;

		snprintf(path, sizeof(path), "%s/census/london/%s", root, files[i]);
		CHECK_INT(census_read_path(path, on_value, &s, NULL, &e), 4835);
		CHECK_STR(e.msg, "");
		CHECK_INT(s.bad_codes, 0);
		if (i < 2) {
			/* London had about 8.9-9.0 million people in 2019-2020 */
			CHECK(s.population > 8800000 && s.population < 9100000);
			CHECK_INT(s.age, s.population);
		} else {
			/* 2011 census: 8.17 million usual residents, 3.27 million households */
			CHECK(s.white + s.bame > 8100000 && s.white + s.bame < 8250000);
			CHECK(s.households > 3200000 && s.households < 3350000);
		}
	}
}
