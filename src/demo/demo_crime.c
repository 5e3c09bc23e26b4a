/*
 * demo_crime.c - two years of street crime and its outcomes for the demo
 * town, written as police.uk street and outcomes files.
 *
 * Each crime type has a share of the total (anti-social behaviour and
 * violence about 30% each), a season (more ASB and violence in summer,
 * shoplifting peaks in December, burglary in the dark months) and places
 * it gathers: the night-time economy round Stryd Fawr, the retail park,
 * the Penrhyn estate, the campus.  Every crime is snapped to a map point
 * and named by the LSOA that holds it; about 1% have no location.  Crimes
 * other than ASB get an outcome history: events land in later months'
 * outcome files, and the street row shows the last one known by the
 * newest month, as police.uk does.
 */
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "demo/demo-internal.h"

static const double share[DEMO_CRIME_TYPES] = {
	0.300, 0.012, 0.040, 0.075, 0.028, 0.055, 0.009, 0.070, 0.008, 0.070,
	0.012, 0.045, 0.290, 0.016,
};

/* Monthly factors, January to December. */
static const double season[DEMO_CRIME_TYPES][12] = {
	[CT_ASB] = { 0.80, 0.82, 0.92, 1.00, 1.10, 1.20, 1.28, 1.22, 1.05, 1.05, 0.85, 0.78 },
	[CT_BICYCLE] = { 0.70, 0.70, 0.85, 1.00, 1.20, 1.30, 1.35, 1.30, 1.20, 1.00, 0.80, 0.60 },
	[CT_BURGLARY] = { 1.15, 1.05, 0.95, 0.90, 0.88, 0.85, 0.88, 0.90, 0.95, 1.05, 1.15, 1.20 },
	[CT_DAMAGE] = { 0.95, 0.92, 0.98, 1.00, 1.03, 1.04, 1.06, 1.04, 1.00, 1.10, 1.04, 0.95 },
	[CT_DRUGS] = { 1.00, 1.00, 1.00, 1.00, 1.00, 1.05, 1.10, 1.10, 1.00, 0.95, 0.95, 0.95 },
	[CT_OTHER_THEFT] = { 0.90, 0.90, 0.95, 1.00, 1.05, 1.10, 1.15, 1.15, 1.00, 0.95, 0.95, 1.00 },
	[CT_WEAPONS] = { 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00 },
	[CT_PUBLIC_ORDER] = { 0.92, 0.90, 0.96, 0.99, 1.05, 1.10, 1.12, 1.08, 1.00, 0.98, 0.95, 1.05 },
	[CT_ROBBERY] = { 1.05, 1.00, 0.95, 0.95, 0.95, 0.95, 1.00, 1.00, 1.00, 1.05, 1.05, 1.10 },
	[CT_SHOPLIFTING] = { 0.95, 0.92, 0.95, 0.95, 0.97, 0.96, 0.97, 0.97, 0.98, 1.02, 1.12, 1.38 },
	[CT_THEFT_PERSON] = { 0.95, 0.90, 0.95, 1.00, 1.05, 1.10, 1.15, 1.15, 1.00, 0.95, 1.00, 1.10 },
	[CT_VEHICLE] = { 1.05, 1.00, 0.95, 0.95, 0.95, 0.95, 1.00, 1.00, 1.00, 1.05, 1.05, 1.05 },
	[CT_VIOLENCE] = { 0.92, 0.90, 0.96, 0.99, 1.05, 1.08, 1.12, 1.08, 1.00, 0.98, 0.95, 1.04 },
	[CT_OTHER] = { 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00 },
};

/* How much of each crime type an area of each kind has. */
static const double area_mult[AREA_COUNT][DEMO_CRIME_TYPES] = {
	[AREA_CENTRE] = { 2.0, 1.5, 0.8, 1.3, 1.8, 2.2, 1.8, 2.5, 2.0, 3.0, 3.0, 1.0, 2.2, 1.5 },
	[AREA_STUDENT] = { 1.0, 2.5, 1.6, 0.9, 1.2, 1.3, 0.8, 1.0, 1.0, 0.4, 1.2, 1.0, 1.0, 1.0 },
	[AREA_OLDER] = { 0.6, 0.5, 0.8, 0.6, 0.4, 0.7, 0.4, 0.6, 0.3, 0.3, 0.4, 0.8, 0.6, 0.8 },
	[AREA_FAMILY] = { 1.6, 0.8, 1.2, 1.6, 1.3, 0.8, 1.2, 1.1, 1.0, 0.5, 0.5, 1.2, 1.3, 1.2 },
	[AREA_SUBURB] = { 0.7, 0.8, 1.0, 0.8, 0.5, 0.8, 0.5, 0.6, 0.4, 0.3, 0.4, 1.0, 0.7, 0.8 },
	[AREA_DIVERSE] = { 1.3, 1.0, 1.1, 1.2, 1.6, 1.0, 1.4, 1.2, 1.3, 0.8, 1.0, 1.2, 1.2, 1.1 },
	[AREA_RETAIL] = { 0.9, 1.0, 0.7, 1.0, 0.6, 1.5, 0.6, 0.8, 0.8, 1.5, 1.0, 2.0, 0.8, 1.0 },
};

/* Hot spots: weight times (1 + amp * k(d)), k falling off over sigma metres. */
static const struct {
	int hot, type;
	double amp, sigma;
} hot_plan[] = {
	{ HOT_NTE, CT_VIOLENCE, 4, 300 }, { HOT_NTE, CT_PUBLIC_ORDER, 4, 300 },
	{ HOT_NTE, CT_THEFT_PERSON, 8, 300 }, { HOT_NTE, CT_DRUGS, 3, 300 },
	{ HOT_NTE, CT_ROBBERY, 3, 300 }, { HOT_NTE, CT_ASB, 2, 300 },
	{ HOT_NTE, CT_OTHER_THEFT, 3, 300 }, { HOT_NTE, CT_WEAPONS, 2, 300 },
	{ HOT_RETAIL, CT_SHOPLIFTING, 25, 250 }, { HOT_RETAIL, CT_VEHICLE, 3, 250 },
	{ HOT_ESTATE, CT_ASB, 5, 400 }, { HOT_ESTATE, CT_DAMAGE, 3, 400 },
	{ HOT_ESTATE, CT_DRUGS, 2, 400 }, { HOT_ESTATE, CT_BURGLARY, 1, 400 },
	{ HOT_CAMPUS, CT_BICYCLE, 6, 350 }, { HOT_CAMPUS, CT_BURGLARY, 1.5, 350 },
	{ HOT_HARBOUR, CT_DRUGS, 3, 300 },
};

static const struct {
	int place, type;
	double mult;
} place_plan[] = {
	{ PLACE_SUPERMARKET, CT_SHOPLIFTING, 40 }, { PLACE_SHOPPING, CT_SHOPLIFTING, 40 },
	{ PLACE_PARKING, CT_VEHICLE, 6 }, { PLACE_NIGHTCLUB, CT_VIOLENCE, 3 },
	{ PLACE_NIGHTCLUB, CT_PUBLIC_ORDER, 3 }, { PLACE_PETROL, CT_OTHER_THEFT, 4 },
	{ PLACE_SPORTS, CT_ASB, 3 }, { PLACE_EDUCATION, CT_BICYCLE, 4 },
	{ PLACE_BUS, CT_ASB, 2 }, { PLACE_HOSPITAL, CT_VIOLENCE, 2 },
};

/* Outcome events (the outcomes file's "Outcome type"). */
enum {
	OC_NO_SUSPECT, OC_UNABLE, OC_FURTHER_NPI, OC_FORMAL_NPI, OC_OTHER_ORG, OC_CAUTION,
	OC_LOCAL, OC_DRUGS_WARNING, OC_PND, OC_CHARGED, OC_STATUS_UNAVAILABLE, OC_FIRST_COUNT,
	/* court results, after OC_CHARGED */
	OC_PRISON = OC_FIRST_COUNT, OC_SUSPENDED, OC_FINED, OC_COMMUNITY, OC_DISCHARGE,
	OC_NOT_GUILTY, OC_UNABLE_TO_PROCEED, OC_OTHERWISE, OC_COURT_UNAVAILABLE, OC_COUNT
};

static const char *const oc_text[OC_COUNT] = {
	"Investigation complete; no suspect identified", "Unable to prosecute suspect",
	"Further investigation is not in the public interest",
	"Formal action is not in the public interest",
	"Action to be taken by another organisation", "Offender given a caution",
	"Local resolution", "Offender given a drugs possession warning",
	"Offender given penalty notice", "Suspect charged", "Status update unavailable",
	"Offender sent to prison", "Offender given suspended prison sentence",
	"Offender fined", "Offender given community sentence",
	"Offender given conditional discharge", "Defendant found not guilty",
	"Court case unable to proceed", "Offender otherwise dealt with",
	"Court result unavailable",
};

/* First outcome by crime type, in OC_ order up to OC_STATUS_UNAVAILABLE. */
static const double first_outcome[DEMO_CRIME_TYPES][OC_FIRST_COUNT] = {
	[CT_BICYCLE] = { 0.80, 0.06, 0.02, 0, 0.01, 0.01, 0.01, 0, 0, 0.03, 0.06 },
	[CT_BURGLARY] = { 0.72, 0.10, 0.01, 0, 0.01, 0.01, 0.01, 0, 0, 0.08, 0.06 },
	[CT_DAMAGE] = { 0.62, 0.14, 0.02, 0.01, 0.01, 0.03, 0.06, 0, 0, 0.06, 0.05 },
	[CT_DRUGS] = { 0.03, 0.05, 0.01, 0.03, 0.01, 0.08, 0.12, 0.40, 0, 0.24, 0.03 },
	[CT_OTHER_THEFT] = { 0.76, 0.08, 0.02, 0, 0.01, 0.01, 0.02, 0, 0, 0.05, 0.05 },
	[CT_WEAPONS] = { 0.05, 0.15, 0.01, 0.02, 0.02, 0.08, 0.03, 0, 0, 0.60, 0.04 },
	[CT_PUBLIC_ORDER] = { 0.25, 0.38, 0.03, 0.02, 0.02, 0.06, 0.06, 0, 0.03, 0.10, 0.05 },
	[CT_ROBBERY] = { 0.55, 0.20, 0.01, 0, 0.01, 0.01, 0.01, 0, 0, 0.17, 0.04 },
	[CT_SHOPLIFTING] = { 0.45, 0.10, 0.02, 0.01, 0.01, 0.06, 0.07, 0, 0.02, 0.22, 0.04 },
	[CT_THEFT_PERSON] = { 0.80, 0.07, 0.02, 0, 0.01, 0.01, 0.01, 0, 0, 0.03, 0.05 },
	[CT_VEHICLE] = { 0.80, 0.06, 0.02, 0, 0.01, 0.01, 0.01, 0, 0, 0.04, 0.05 },
	[CT_VIOLENCE] = { 0.15, 0.52, 0.03, 0.02, 0.03, 0.04, 0.04, 0, 0, 0.12, 0.05 },
	[CT_OTHER] = { 0.35, 0.30, 0.03, 0.02, 0.05, 0.04, 0.03, 0, 0, 0.13, 0.05 },
};

static const double court_result[OC_COUNT - OC_FIRST_COUNT] = {
	0.14, 0.10, 0.18, 0.14, 0.08, 0.07, 0.06, 0.05, 0.18,
};

static const double delay_fast[3] = { 0.6, 0.3, 0.1 };
static const double delay_slow[6] = { 0.30, 0.25, 0.18, 0.12, 0.08, 0.07 };

static double kernel(double d, double sigma)
{
	double q = 1 + (d / sigma) * (d / sigma);

	return 1 / (q * q);
}

static int build_weights(struct demo_town *t)
{
	for (int c = 0; c < DEMO_CRIME_TYPES; c++) {
		double sum = 0;

		t->cum[c] = xcalloc((size_t)t->npoints, sizeof(double));
		if (!t->cum[c])
			return -1;
		for (int i = 0; i < t->npoints; i++) {
			const struct demo_point *p = &t->points[i];
			int area = t->lsoas[p->lsoa].area;
			double w = area_mult[area][c];

			if (c == CT_SHOPLIFTING && !p->place && area != AREA_CENTRE)
				w *= 0.15;	/* few shops on residential streets */
			for (size_t k = 0; k < sizeof(hot_plan) / sizeof(hot_plan[0]); k++)
				if (hot_plan[k].type == c)
					w *= 1 + hot_plan[k].amp *
						kernel(demo_dist_m(p->p, t->hot[hot_plan[k].hot]), hot_plan[k].sigma);
			for (size_t k = 0; k < sizeof(place_plan) / sizeof(place_plan[0]); k++)
				if (place_plan[k].type == c && place_plan[k].place == p->place)
					w *= place_plan[k].mult;
			sum += w;
			t->cum[c][i] = sum;
		}
	}
	return 0;
}

/* Decide a crime's outcome events and its "Last outcome category". */
static void decide_outcome(struct demo_town *t, struct demo_rng *r, struct demo_crime *c)
{
	int first, m;

	c->nevents = 0;
	if (c->type == CT_ASB) {
		c->last = "";
		return;
	}
	first = demo_rng_weighted(r, first_outcome[c->type], OC_FIRST_COUNT);
	if (first == OC_STATUS_UNAVAILABLE) {
		c->last = oc_text[OC_STATUS_UNAVAILABLE];
		return;
	}
	m = c->month + (first == OC_NO_SUSPECT ? demo_rng_weighted(r, delay_fast, 3)
					       : demo_rng_weighted(r, delay_slow, 6));
	if (m > t->opt.last_month) {
		c->last = "Under investigation";
		return;
	}
	c->ev_month[0] = m;
	c->ev_code[0] = first;
	c->nevents = 1;
	c->last = oc_text[first];
	if (first != OC_CHARGED)
		return;
	c->last = "Awaiting court outcome";
	m += 2 + demo_rng_below(r, 8);
	{
		int res = OC_FIRST_COUNT + demo_rng_weighted(r, court_result, OC_COUNT - OC_FIRST_COUNT);

		if (m > t->opt.last_month)
			return;
		c->ev_month[1] = m;
		c->ev_code[1] = res;
		c->nevents = 2;
		c->last = oc_text[res];
	}
}

int demo_crime_build(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	double base = 860 * demo_rng_range(r, 0.9, 1.1);
	double trend = demo_rng_range(r, -0.08, 0.08);	/* over the whole period */
	int cap = 0, *types = NULL, rc = 0;

	if (build_weights(t) < 0)
		goto nomem;
	for (int k = 0; k < t->opt.months; k++) {
		int month = t->first_month + k, mo = month % 12, n = 0;
		double tf = 1 + trend * ((k + 0.5) / t->opt.months - 0.5);

		for (int c = 0; c < DEMO_CRIME_TYPES; c++) {
			int count = demo_rng_count(r, base * share[c] * season[c][mo] * tf);

			if (n + count > cap) {
				int nc = (n + count) * 2;
				int *nt = xreallocarray(types, (size_t)nc, sizeof(int));

				if (!nt)
					goto nomem;
				types = nt;
				cap = nc;
			}
			for (int q = 0; q < count; q++)
				types[n++] = c;
		}
		for (int i = n - 1; i > 0; i--) {	/* shuffle, as police.uk rows are */
			int j = demo_rng_below(r, i + 1), x = types[i];

			types[i] = types[j];
			types[j] = x;
		}
		{
			struct demo_crime *nc = xreallocarray(t->crimes, (size_t)t->ncrimes + n,
							      sizeof(*nc));

			if (!nc)
				goto nomem;
			t->crimes = nc;
		}
		for (int i = 0; i < n; i++) {
			struct demo_crime *c = &t->crimes[t->ncrimes++];

			memset(c, 0, sizeof(*c));
			c->month = month;
			c->type = types[i];
			if (c->type != CT_ASB)
				demo_rng_hex64(r, c->id);
			c->point = demo_rng_chance(r, 0.01) ? -1
				 : demo_rng_cumulative(r, t->cum[c->type], t->npoints);
			decide_outcome(t, r, c);
		}
	}
	goto out;
nomem:
	rc = err_set(e, ERR_NOMEM, "demo: out of memory making crimes");
out:
	xfree(types);
	return rc;
}

/* Longitude..LSOA name: the location columns both files share. */
static void location_columns(struct strbuf *sb, const struct demo_town *t, int point)
{
	const struct demo_point *p;
	const struct demo_lsoa *l;

	if (point < 0) {
		strbuf_addstr(sb, ",,No location,,");
		return;
	}
	p = &t->points[point];
	l = &t->lsoas[p->lsoa];
	demo_csv_coord(sb, p->p.lon);
	strbuf_addch(sb, ',');
	demo_csv_coord(sb, p->p.lat);
	strbuf_addstr(sb, ",On or near ");
	demo_csv_field(sb, p->name);	/* names hold no comma; quoted if one ever does */
	strbuf_addf(sb, ",%s,%s", l->code, l->name);
}

int demo_crime_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = 0;

	for (int k = 0; k < t->opt.months; k++) {
		int month = t->first_month + k;
		char ym[8], rel[128];

		demo_month_text(month, ym);
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
			      "Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
		for (int i = 0; i < t->ncrimes; i++) {
			const struct demo_crime *c = &t->crimes[i];

			if (c->month != month)
				continue;
			strbuf_addf(&sb, "%s,%s," DEMO_FORCE_NAME "," DEMO_FORCE_NAME ",", c->id, ym);
			location_columns(&sb, t, c->point);
			strbuf_addf(&sb, ",%s,", demo_crime_type_names[c->type]);
			demo_csv_field(&sb, c->last);
			strbuf_addstr(&sb, ",\n");
			t->sum->street_rows++;
		}
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-%s-street.csv", ym, ym, DEMO_FORCE_ID);
		if ((rc = demo_write_file(t, rel, &sb, e)) < 0)
			goto out;

		strbuf_reset(&sb);
		strbuf_addstr(&sb, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
			      "Location,LSOA code,LSOA name,Outcome type\n");
		for (int i = 0; i < t->ncrimes; i++) {
			const struct demo_crime *c = &t->crimes[i];

			if (c->month > month)
				break;	/* crimes are in month order */
			for (int v = 0; v < c->nevents; v++) {
				if (c->ev_month[v] != month)
					continue;
				strbuf_addf(&sb, "%s,%s," DEMO_FORCE_NAME "," DEMO_FORCE_NAME ",", c->id, ym);
				location_columns(&sb, t, c->point);
				strbuf_addch(&sb, ',');
				demo_csv_field(&sb, oc_text[c->ev_code[v]]);
				strbuf_addch(&sb, '\n');
				t->sum->outcome_rows++;
			}
		}
		snprintf(rel, sizeof(rel), "police-uk/%s/%s-%s-outcomes.csv", ym, ym, DEMO_FORCE_ID);
		if ((rc = demo_write_file(t, rel, &sb, e)) < 0)
			goto out;
	}
out:
	strbuf_release(&sb);
	return rc;
}
