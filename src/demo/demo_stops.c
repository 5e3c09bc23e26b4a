/*
 * demo_stops.c - stop and search records for the demo town, one police.uk
 * stop-and-search file per month.
 *
 * Searches follow drugs and violence hot spots and happen mostly in the
 * evening and at night.  The people searched are deliberately not a mirror
 * of the census: Black, Asian and Mixed residents are searched far more
 * often than their share of the population, so Engage's disproportionality
 * analysis has something to find.  Dates are UTC with "+00:00", as
 * police.uk writes them all year round.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/timeutil.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"

static const struct {
	const char *self, *officer;
	double w;
} ethnicity[] = {
	{ "White - English/Welsh/Scottish/Northern Irish/British", "White", 0.60 },
	{ "White - Any other White background", "White", 0.06 },
	{ "White - Irish", "White", 0.01 },
	{ "White - Gypsy or Irish Traveller", "White", 0.005 },
	{ "Black/African/Caribbean/Black British - African", "Black", 0.05 },
	{ "Black/African/Caribbean/Black British - Caribbean", "Black", 0.03 },
	{ "Black/African/Caribbean/Black British - Any other Black/African/Caribbean background", "Black", 0.02 },
	{ "Asian/Asian British - Bangladeshi", "Asian", 0.03 },
	{ "Asian/Asian British - Pakistani", "Asian", 0.02 },
	{ "Asian/Asian British - Indian", "Asian", 0.01 },
	{ "Asian/Asian British - Any other Asian background", "Asian", 0.015 },
	{ "Mixed/Multiple ethnic groups - White and Black Caribbean", "Black", 0.025 },
	{ "Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background", "Other", 0.01 },
	{ "Other ethnic group - Arab", "Other", 0.02 },
	{ "Other ethnic group - Any other ethnic group", "Other", 0.01 },
	{ "Other ethnic group - Not stated", "", 0.06 },
	{ "", "", 0.015 },
};

static const char *const age_ranges[] = { "under 10", "10-17", "18-24", "25-34", "over 34", "" };
static const double age_w[] = { 0.002, 0.16, 0.33, 0.25, 0.22, 0.04 };
static const char *const genders[] = { "Male", "Female", "Other", "" };
static const double gender_w[] = { 0.86, 0.11, 0.02, 0.01 };
static const char *const outcomes[] = {
	"A no further action disposal", "Arrest", "Community resolution",
	"Khat or Cannabis warning", "Penalty Notice for Disorder",
	"Summons / charged by post", "Caution (simple or conditional)",
};
static const double outcome_w[] = { 0.68, 0.14, 0.08, 0.05, 0.02, 0.02, 0.01 };
static const char *const pace_objects[] = {
	"Stolen goods", "Offensive weapons", "Article for use in theft",
	"Articles for use in criminal damage", "Fireworks", "",
};
static const double pace_w[] = { 0.45, 0.30, 0.12, 0.08, 0.02, 0.03 };
/* Searches by hour of day (UTC). */
static const double hour_w[24] = {
	6, 5, 4, 3, 2, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 8, 9, 9, 8, 7,
};

#define LEG_DRUGS "Misuse of Drugs Act 1971 (section 23)"
#define LEG_PACE "Police and Criminal Evidence Act 1984 (section 1)"
#define LEG_S60 "Criminal Justice and Public Order Act 1994 (section 60)"

struct stop {
	int64_t when;
	int seq;
	struct strbuf row;
};

static int stop_cmp(const void *a, const void *b)
{
	const struct stop *x = a, *y = b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->seq - y->seq;
}

static void make_stop(struct demo_town *t, struct demo_rng *r, int month, int s60_month,
		      struct stop *s)
{
	int y = month / 12, m = month % 12 + 1, days, leg, type, eth, out;
	int64_t day0 = days_from_civil(y, m, 1);
	char when[21];
	const char *object, *legislation;
	struct strbuf *sb = &s->row;

	days = (int)(days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - day0);
	s->when = (day0 + demo_rng_below(r, days)) * 86400 +
		  demo_rng_weighted(r, hour_w, 24) * 3600 + demo_rng_below(r, 60) * 60;
	time_format_utc(s->when, when);	/* "YYYY-MM-DDTHH:MM:SSZ" */
	when[19] = '\0';

	leg = demo_rng_weighted(r, (const double[]){ 0.62, 0.35, s60_month ? 0.25 : 0 }, 3);
	type = demo_rng_weighted(r, (const double[]){ 0.82, 0.03, 0.15 }, 3);
	if (leg == 0) {
		legislation = LEG_DRUGS;
		object = demo_rng_chance(r, 0.98) ? "Controlled drugs" : "";
	} else if (leg == 1) {
		legislation = LEG_PACE;
		object = pace_objects[demo_rng_weighted(r, pace_w, 6)];
	} else {
		legislation = LEG_S60;
		object = "Offensive weapons";
	}
	strbuf_addf(sb, "%s,%s+00:00,", type == 0 ? "Person search" : type == 1 ? "Vehicle search"
						     : "Person and Vehicle search", when);
	if (leg == 2)
		strbuf_addstr(sb, "True,Operation Tarian,");
	else
		strbuf_addstr(sb, demo_rng_chance(r, 0.8) ? "False,," : ",,");
	if (demo_rng_chance(r, 0.06)) {
		strbuf_addstr(sb, ",,");
	} else {
		int p = demo_rng_cumulative(r, t->cum[leg == 0 ? CT_DRUGS : CT_VIOLENCE], t->npoints);

		demo_csv_coord(sb, t->points[p].p.lat);
		strbuf_addch(sb, ',');
		demo_csv_coord(sb, t->points[p].p.lon);
		strbuf_addch(sb, ',');
	}
	if (type == 1) {	/* a vehicle alone has no gender, age or ethnicity */
		strbuf_addstr(sb, ",,,,");
	} else {
		double ew[sizeof(ethnicity) / sizeof(ethnicity[0])];
		const char *officer;

		for (size_t i = 0; i < sizeof(ew) / sizeof(ew[0]); i++)
			ew[i] = ethnicity[i].w;
		eth = demo_rng_weighted(r, ew, (int)(sizeof(ew) / sizeof(ew[0])));
		officer = ethnicity[eth].officer;
		if (demo_rng_chance(r, 0.04))
			officer = "";
		strbuf_addf(sb, "%s,%s,", genders[demo_rng_weighted(r, gender_w, 4)],
			    age_ranges[demo_rng_weighted(r, age_w, 6)]);
		strbuf_addf(sb, "%s,%s,", ethnicity[eth].self, officer);
	}
	out = demo_rng_weighted(r, outcome_w, 7);
	if (out == 3 && leg != 0)
		out = 0;	/* cannabis warnings follow drugs searches only */
	strbuf_addf(sb, "%s,%s,%s,", legislation, object, outcomes[out]);
	if (out == 0)
		strbuf_addstr(sb, "False,");
	else
		strbuf_addstr(sb, demo_rng_chance(r, 0.05) ? "," : demo_rng_chance(r, 0.7) ? "True," : "False,");
	strbuf_addstr(sb, demo_rng_chance(r, 0.02) ? "\n" : demo_rng_chance(r, 0.02) ? "True\n" : "False\n");
}

int demo_stops_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct stop *stops = NULL;
	int rc = 0, n = 0;
	int s60 = t->first_month + demo_rng_below(r, t->opt.months);	/* a weekend of trouble */

	stops = xcalloc(200, sizeof(*stops));
	if (!stops)
		return err_set(e, ERR_NOMEM, "demo: out of memory making searches");
	for (int k = 0; k < t->opt.months; k++) {
		int month = t->first_month + k;
		char ym[8], rel[128];

		n = demo_rng_count(r, 62 + (month % 12 >= 5 && month % 12 <= 7 ? 10 : 0));
		if (n < 40)
			n = 40 + demo_rng_below(r, 5);
		if (n > 90)
			n = 90 - demo_rng_below(r, 5);
		for (int i = 0; i < n; i++) {
			strbuf_init(&stops[i].row, 0);
			stops[i].seq = i;
			make_stop(t, r, month, month == s60, &stops[i]);
		}
		qsort(stops, (size_t)n, sizeof(*stops), stop_cmp);
		demo_month_text(month, ym);
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "Type,Date,Part of a policing operation,Policing operation,Latitude,"
			      "Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,"
			      "Legislation,Object of search,Outcome,Outcome linked to object of search,"
			      "Removal of more than just outer clothing\n");
		for (int i = 0; i < n; i++) {
			strbuf_addstr(&sb, strbuf_str(&stops[i].row));
			strbuf_release(&stops[i].row);
		}
		t->sum->stop_rows += n;
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-%s-stop-and-search.csv", ym, ym, DEMO_FORCE_ID);
		if ((rc = demo_write_file(t, rel, &sb, e)) < 0)
			break;
	}
	xfree(stops);
	strbuf_release(&sb);
	return rc;
}
