/*
 * demo_census.c - census figures for the demo town's LSOAs.
 *
 * Each LSOA's character (student streets, older seafront, family estate,
 * a more diverse harbourside...) sets its age bands, sex split, ethnic
 * groups and household size, with some noise so no two areas match.  The
 * files follow the ONS mid-year estimate layout and the Nomis bulk layout
 * for TS021 (ethnic group) and TS041 (households); every total adds up.
 */
#include <stdio.h>

#include "demo/demo-internal.h"

static const struct {
	int persons;
	double age[DEMO_AGE_BANDS];	/* 0-15 16-29 30-44 45-64 65+ */
	double ethnic[DEMO_ETHNIC];	/* asian black mixed white other */
	double hh_size;
} profile[AREA_COUNT] = {
	[AREA_CENTRE] = { 1500, { 0.12, 0.30, 0.22, 0.21, 0.15 }, { 0.040, 0.015, 0.025, 0.900, 0.020 }, 2.05 },
	[AREA_STUDENT] = { 1850, { 0.06, 0.58, 0.14, 0.12, 0.10 }, { 0.070, 0.030, 0.030, 0.840, 0.030 }, 2.30 },
	[AREA_OLDER] = { 1350, { 0.11, 0.09, 0.13, 0.28, 0.39 }, { 0.006, 0.002, 0.007, 0.980, 0.005 }, 2.00 },
	[AREA_FAMILY] = { 1750, { 0.27, 0.19, 0.22, 0.21, 0.11 }, { 0.012, 0.005, 0.015, 0.960, 0.008 }, 2.55 },
	[AREA_SUBURB] = { 1550, { 0.18, 0.14, 0.18, 0.28, 0.22 }, { 0.012, 0.004, 0.012, 0.965, 0.007 }, 2.30 },
	[AREA_DIVERSE] = { 1700, { 0.22, 0.24, 0.24, 0.19, 0.11 }, { 0.120, 0.050, 0.040, 0.730, 0.060 }, 2.45 },
	[AREA_RETAIL] = { 1300, { 0.19, 0.17, 0.21, 0.26, 0.17 }, { 0.015, 0.006, 0.014, 0.955, 0.010 }, 2.30 },
};

static const double male_share[DEMO_AGE_BANDS] = { 0.512, 0.500, 0.492, 0.490, 0.445 };

int demo_census_build(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	long persons = 0, households = 0;

	for (int i = 0; i < t->nlsoa; i++) {
		struct demo_lsoa *l = &t->lsoas[i];
		struct demo_census *c = &l->census;
		double age[DEMO_AGE_BANDS], eth[DEMO_ETHNIC];
		int band[DEMO_AGE_BANDS];
		int p = (int)(profile[l->area].persons * demo_rng_range(r, 0.88, 1.12) + 0.5);

		if (p < 1200)
			p = 1200 + demo_rng_below(r, 60);
		if (p > 2000)
			p = 2000 - demo_rng_below(r, 60);
		c->persons = p;
		for (int b = 0; b < DEMO_AGE_BANDS; b++)
			age[b] = profile[l->area].age[b] * demo_rng_range(r, 0.88, 1.12);
		demo_split(p, age, DEMO_AGE_BANDS, band);
		for (int b = 0; b < DEMO_AGE_BANDS; b++) {
			double share = male_share[b] + demo_rng_range(r, -0.025, 0.025);

			c->male[b] = (int)(band[b] * share + 0.5);
			c->female[b] = band[b] - c->male[b];
		}
		for (int g = 0; g < DEMO_ETHNIC; g++)
			eth[g] = profile[l->area].ethnic[g] * (g == 3 ? 1.0 : demo_rng_range(r, 0.6, 1.4));
		demo_split(p, eth, DEMO_ETHNIC, c->ethnic);
		c->households = (int)(p / (profile[l->area].hh_size + demo_rng_range(r, -0.07, 0.07)) + 0.5);
		persons += p;
		households += c->households;
	}
	t->sum->persons = persons;
	t->sum->households = households;
	return 0;
}

static void area_columns(struct strbuf *sb, const struct demo_lsoa *l)
{
	strbuf_addf(sb, "%s,%s,W0209%04d,%s %03d,W06000099,%s", l->code, l->name,
		    l->msoa, DEMO_TOWN, l->msoa, DEMO_TOWN);
}

int demo_census_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const bands[DEMO_AGE_BANDS] = { "0-15", "16-29", "30-44", "45-64", "65+" };
	static const char *const who[3] = { "Persons", "Males", "Females" };
	static const char *const eth[DEMO_ETHNIC + 1] = {
		"Ethnic group: Total: All usual residents",
		"Ethnic group: Asian, Asian British or Asian Welsh",
		"Ethnic group: Black, Black British, Black Welsh, Caribbean or African",
		"Ethnic group: Mixed or Multiple ethnic groups",
		"Ethnic group: White",
		"Ethnic group: Other ethnic group",
	};
	int rc;

	strbuf_addstr(&sb, "LSOA21CD,LSOA21NM,MSOA21CD,MSOA21NM,LAD22CD,LAD22NM");
	for (int w = 0; w < 3; w++) {
		strbuf_addf(&sb, ",%s_All-Ages", who[w]);
		for (int b = 0; b < DEMO_AGE_BANDS; b++)
			strbuf_addf(&sb, ",%s_%s", who[w], bands[b]);
	}
	strbuf_addch(&sb, '\n');
	for (int i = 0; i < t->nlsoa; i++) {
		const struct demo_census *c = &t->lsoas[i].census;
		int m = 0, f = 0;

		for (int b = 0; b < DEMO_AGE_BANDS; b++) {
			m += c->male[b];
			f += c->female[b];
		}
		area_columns(&sb, &t->lsoas[i]);
		strbuf_addf(&sb, ",%d", c->persons);
		for (int b = 0; b < DEMO_AGE_BANDS; b++)
			strbuf_addf(&sb, ",%d", c->male[b] + c->female[b]);
		strbuf_addf(&sb, ",%d", m);
		for (int b = 0; b < DEMO_AGE_BANDS; b++)
			strbuf_addf(&sb, ",%d", c->male[b]);
		strbuf_addf(&sb, ",%d", f);
		for (int b = 0; b < DEMO_AGE_BANDS; b++)
			strbuf_addf(&sb, ",%d", c->female[b]);
		strbuf_addch(&sb, '\n');
	}
	if ((rc = demo_write_file(t, "census/mid-2021-population-lsoa.csv", &sb, e)) < 0)
		goto out;

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "date,geography,geography code");
	for (int g = 0; g <= DEMO_ETHNIC; g++) {
		strbuf_addch(&sb, ',');
		demo_csv_field(&sb, eth[g]);
	}
	strbuf_addch(&sb, '\n');
	for (int i = 0; i < t->nlsoa; i++) {
		const struct demo_lsoa *l = &t->lsoas[i];

		strbuf_addf(&sb, "2021,%s,%s,%d", l->name, l->code, l->census.persons);
		for (int g = 0; g < DEMO_ETHNIC; g++)
			strbuf_addf(&sb, ",%d", l->census.ethnic[g]);
		strbuf_addch(&sb, '\n');
	}
	if ((rc = demo_write_file(t, "census/census2021-ts021-ethnic-group-lsoa.csv", &sb, e)) < 0)
		goto out;

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "date,geography,geography code,Number of households: Total: All households\n");
	for (int i = 0; i < t->nlsoa; i++) {
		const struct demo_lsoa *l = &t->lsoas[i];

		strbuf_addf(&sb, "2021,%s,%s,%d\n", l->name, l->code, l->census.households);
	}
	rc = demo_write_file(t, "census/census2021-ts041-households-lsoa.csv", &sb, e);
out:
	strbuf_release(&sb);
	return rc;
}
