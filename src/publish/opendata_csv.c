/*
 * opendata_csv.c - the CSV files of the open-data set: police.uk's monthly
 * files re-created from the packed force-months, and the crime counts per
 * neighbourhood, month and category with small counts suppressed.
 */
#include "publish/opendata-internal.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "publish/csvout.h"
#include "publish/suppress.h"

#include <stdio.h>
#include <string.h>

#define POLICEUK_SOURCE "https://data.police.uk/ (street-level crime, outcomes and stop and search)"

/* The first nine columns of street and outcome files. */
#define CRIME_COLUMNS \
	{ "crime_id", "Crime ID", "string", NULL, 0 }, \
	{ "month", "Month", "gYearMonth", NULL, 1 }, \
	{ "reported_by", "Reported by", "string", NULL, 1 }, \
	{ "falls_within", "Falls within", "string", NULL, 1 }, \
	{ "longitude", "Longitude", "decimal", NULL, 0 }, \
	{ "latitude", "Latitude", "decimal", NULL, 0 }, \
	{ "location", "Location", "string", NULL, 0 }, \
	{ "lsoa_code", "LSOA code", "string", NULL, 0 }, \
	{ "lsoa_name", "LSOA name", "string", NULL, 0 }

static const struct od_column street_cols[] = {
	CRIME_COLUMNS,
	{ "crime_type", "Crime type", "string", NULL, 1 },
	{ "last_outcome_category", "Last outcome category", "string", NULL, 0 },
	{ "context", "Context", "string", NULL, 0 },
};

static const struct od_column outcome_cols[] = {
	CRIME_COLUMNS,
	{ "outcome_type", "Outcome type", "string", NULL, 1 },
};

static const struct od_column stop_cols[] = {
	{ "type", "Type", "string", NULL, 1 },
	{ "date", "Date", "dateTime", NULL, 1 },
	{ "part_of_a_policing_operation", "Part of a policing operation", "boolean", "True|False", 0 },
	{ "policing_operation", "Policing operation", "string", NULL, 0 },
	{ "latitude", "Latitude", "decimal", NULL, 0 },
	{ "longitude", "Longitude", "decimal", NULL, 0 },
	{ "gender", "Gender", "string", NULL, 0 },
	{ "age_range", "Age range", "string", NULL, 0 },
	{ "self_defined_ethnicity", "Self-defined ethnicity", "string", NULL, 0 },
	{ "officer_defined_ethnicity", "Officer-defined ethnicity", "string", NULL, 0 },
	{ "legislation", "Legislation", "string", NULL, 0 },
	{ "object_of_search", "Object of search", "string", NULL, 0 },
	{ "outcome", "Outcome", "string", NULL, 0 },
	{ "outcome_linked_to_object_of_search", "Outcome linked to object of search", "boolean",
	  "True|False", 0 },
	{ "removal_of_more_than_just_outer_clothing", "Removal of more than just outer clothing",
	  "boolean", "True|False", 0 },
};

static const struct od_column count_cols[] = {
	{ "force", "force", "string", NULL, 1 },
	{ "neighbourhood", "neighbourhood", "string", NULL, 1 },
	{ "neighbourhood_name", "neighbourhood_name", "string", NULL, 1 },
	{ "month", "month", "gYearMonth", NULL, 1 },
	{ "category", "category", "string", NULL, 1 },
	{ "count", "count", "integer", NULL, 0 },
	{ "suppressed", "suppressed", "boolean", NULL, 1 },
};

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

static void header(struct csvout *c, const struct od_column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csvout_text(c, cols[i].title);
	csvout_end_row(c);
}

static const char *str(const struct monthpack *p, int col, size_t row)
{
	return monthpack_str(p, MP_STR(p, col)[row]);
}

static void point(struct csvout *c, const struct monthpack *p, size_t r, int first, int second)
{
	if (MP_U8(p, 0)[r] & MPF_LOCATED) {
		csvout_micro(c, MP_I32(p, first)[r]);
		csvout_micro(c, MP_I32(p, second)[r]);
	} else {
		csvout_empty(c);
		csvout_empty(c);
	}
}

/* Where the CRIME_COLUMNS are in a pack: crime id, reported by, falls
 * within, longitude, latitude, location, LSOA code, LSOA name. */
enum { AT_ID, AT_BY, AT_WITHIN, AT_LNG, AT_LAT, AT_LOCATION, AT_LSOA, AT_LSOA_NAME, AT_COUNT };
static const int street_at[AT_COUNT] = { SC_CRIME_ID, SC_REPORTED_BY, SC_FALLS_WITHIN, SC_LNG,
					 SC_LAT, SC_LOCATION, SC_REPORTED_LSOA, SC_LSOA_NAME };
static const int outcome_at[AT_COUNT] = { OC_CRIME_ID, OC_REPORTED_BY, OC_FALLS_WITHIN, OC_LNG,
					  OC_LAT, OC_LOCATION, OC_REPORTED_LSOA, OC_LSOA_NAME };

static void crime_cells(struct csvout *c, const struct monthpack *p, size_t r, const char *month,
			const int at[AT_COUNT])
{
	char id[65];

	monthpack_crime_id(p, at[AT_ID], r, id);
	csvout_text(c, id);
	csvout_text(c, month);
	csvout_text(c, str(p, at[AT_BY], r));
	csvout_text(c, str(p, at[AT_WITHIN], r));
	point(c, p, r, at[AT_LNG], at[AT_LAT]);
	csvout_text(c, str(p, at[AT_LOCATION], r));
	csvout_text(c, str(p, at[AT_LSOA], r));
	csvout_text(c, str(p, at[AT_LSOA_NAME], r));
}

static void street_rows(struct csvout *c, const struct monthpack *p, const char *month)
{

	header(c, street_cols, NCOLS(street_cols));
	for (size_t r = 0; r < p->rows; r++) {
		int cat = MP_U8(p, SC_CATEGORY)[r];

		crime_cells(c, p, r, month, street_at);
		csvout_text(c, cat < CAT_COUNT ? crime_categories[cat].csv_name : "");
		csvout_text(c, str(p, SC_OUTCOME, r));
		csvout_text(c, str(p, SC_CONTEXT, r));
		csvout_end_row(c);
	}
}

static void outcome_rows(struct csvout *c, const struct monthpack *p, const char *month)
{
	header(c, outcome_cols, NCOLS(outcome_cols));
	for (size_t r = 0; r < p->rows; r++) {
		crime_cells(c, p, r, month, outcome_at);
		csvout_text(c, str(p, OC_OUTCOME, r));
		csvout_end_row(c);
	}
}

static const char *police_bool(int8_t v)
{
	return v > 0 ? "True" : v == 0 ? "False" : "";
}

static void stop_rows(struct csvout *c, const struct monthpack *p)
{
	char when[21], date[32];

	header(c, stop_cols, NCOLS(stop_cols));
	for (size_t r = 0; r < p->rows; r++) {
		time_format_utc(MP_I64(p, ST_DATETIME)[r], when);
		snprintf(date, sizeof(date), "%.19s+00:00", when);	/* as police.uk writes it */
		csvout_text(c, str(p, ST_TYPE, r));
		csvout_text(c, date);
		csvout_text(c, police_bool(MP_I8(p, ST_PART_OF_OPERATION)[r]));
		csvout_text(c, str(p, ST_OPERATION, r));
		point(c, p, r, ST_LAT, ST_LNG);
		csvout_text(c, str(p, ST_GENDER, r));
		csvout_text(c, str(p, ST_AGE_RANGE, r));
		csvout_text(c, str(p, ST_SELF_ETHNICITY, r));
		csvout_text(c, str(p, ST_OFFICER_ETHNICITY, r));
		csvout_text(c, str(p, ST_LEGISLATION, r));
		csvout_text(c, str(p, ST_OBJECT, r));
		csvout_text(c, str(p, ST_OUTCOME, r));
		csvout_text(c, police_bool(MP_I8(p, ST_OUTCOME_LINKED)[r]));
		csvout_text(c, police_bool(MP_I8(p, ST_REMOVAL)[r]));
		csvout_end_row(c);
	}
}

static const char *const kind_suffix[MONTH_KIND_COUNT] = { "street", "outcomes", "stop-and-search" };
static const char *const kind_title[MONTH_KIND_COUNT] = {
	"Street-level crime", "Outcomes", "Stop and search" };

static int render_month(const struct readmodel *rm, const struct rm_month *m, int kind,
			struct opendata_set *set)
{
	const struct rm_force *force = &rm->forces[m->force];
	const struct monthpack *p = &m->pack[kind];
	char month[8], name[128], title[200], id[96], dtitle[200], desc[400];
	struct opendata_file *f;
	struct csvout c;
	int ds;

	format_month(m->month, month);
	snprintf(id, sizeof(id), "%s-%s", kind_suffix[kind], force->id);
	snprintf(dtitle, sizeof(dtitle), "%s, %s", kind_title[kind], force->name);
	snprintf(desc, sizeof(desc),
		 "police.uk's monthly %s files for %s, one per month, in police.uk's layout; "
		 "locations are police.uk's anonymous map points.", kind_suffix[kind], force->name);
	ds = od_dataset(set, id, dtitle, desc, 0);
	snprintf(name, sizeof(name), "%s-%s-%s.csv", month, force->id, kind_suffix[kind]);
	snprintf(title, sizeof(title), "%s, %s, %s", kind_title[kind], force->name, month);
	if (!(f = od_file(set, ds, OPENDATA_TYPE_CSV, name, title)))
		return ERR_NOMEM;
	csvout_init(&c, &f->body);
	if (kind == MONTH_STREET)
		street_rows(&c, p, month);
	else if (kind == MONTH_OUTCOMES)
		outcome_rows(&c, p, month);
	else
		stop_rows(&c, p);
	if (f->body.failed)
		return f->body.failed;
	snprintf(name, sizeof(name), "%s", f->name);	/* f moves when the set grows */
	return od_csvw(set, ds, name, title, POLICEUK_SOURCE,
		       kind == MONTH_STREET ? street_cols : kind == MONTH_OUTCOMES ? outcome_cols : stop_cols,
		       kind == MONTH_STREET ? NCOLS(street_cols)
		       : kind == MONTH_OUTCOMES ? NCOLS(outcome_cols) : NCOLS(stop_cols));
}

int od_render_policeuk(const struct readmodel *rm, struct opendata_set *set)
{
	for (int kind = 0; kind < MONTH_KIND_COUNT; kind++)
		for (size_t i = 0; i < rm->nmonths; i++)
			if (rm->months[i].has[kind]) {
				int rc = render_month(rm, &rm->months[i], kind, set);
				if (rc)
					return rc;
			}
	return 0;
}

/* Counts of one force: [month][neighbourhood][category] over its street months. */
struct force_counts {
	size_t *months;		/* indices into rm->months */
	size_t nmonths;
	int32_t *cells;
};

static int count_force(const struct readmodel *rm, long force, struct force_counts *fc)
{
	fc->nmonths = 0;
	fc->months = xcalloc(rm->nmonths ? rm->nmonths : 1, sizeof(*fc->months));
	if (!fc->months)
		return ERR_NOMEM;
	for (size_t i = 0; i < rm->nmonths; i++)
		if (rm->months[i].force == force && rm->months[i].has[MONTH_STREET])
			fc->months[fc->nmonths++] = i;
	fc->cells = xcalloc((fc->nmonths ? fc->nmonths : 1) * (rm->nnbhds ? rm->nnbhds : 1),
			    CAT_COUNT * sizeof(*fc->cells));
	if (!fc->cells)
		return ERR_NOMEM;
	for (size_t mi = 0; mi < fc->nmonths; mi++) {
		const struct rm_month *m = &rm->months[fc->months[mi]];
		const struct monthpack *p = &m->pack[MONTH_STREET];

		for (size_t r = 0; r < p->rows; r++) {
			int32_t n = readmodel_row_neighbourhood(rm, m, MONTH_STREET, r);
			int cat = MP_U8(p, SC_CATEGORY)[r];

			if (n < 0 || rm->nbhds[n].force != force || cat >= CAT_COUNT)
				continue;
			fc->cells[(mi * rm->nnbhds + (size_t)n) * CAT_COUNT + (size_t)cat]++;
		}
	}
	return 0;
}

struct count_out {
	struct csvout csv;
	struct json_writer jw;
};

static void count_row(struct count_out *o, const struct readmodel *rm, const struct rm_neighbourhood *nb,
		      const char *month, const char *category, int64_t count, int hidden)
{
	const char *force = rm->forces[nb->force].id;

	csvout_text(&o->csv, force);
	csvout_text(&o->csv, nb->id);
	csvout_text(&o->csv, nb->name);
	csvout_text(&o->csv, month);
	csvout_text(&o->csv, category);
	if (hidden)
		csvout_empty(&o->csv);
	else
		csvout_int(&o->csv, count);
	csvout_text(&o->csv, hidden ? "true" : "false");
	csvout_end_row(&o->csv);

	json_object_begin(&o->jw);
	json_key_str(&o->jw, "force", force);
	json_key_str(&o->jw, "neighbourhood", nb->id);
	json_key_str(&o->jw, "neighbourhood_name", nb->name);
	json_key_str(&o->jw, "month", month);
	json_key_str(&o->jw, "category", category);
	if (hidden)
		json_key_null(&o->jw, "count");
	else
		json_key_int(&o->jw, "count", count);
	json_key_bool(&o->jw, "suppressed", hidden);
	json_object_end(&o->jw);
}

static void force_rows(struct count_out *o, const struct readmodel *rm, long force,
		       const struct force_counts *fc, int64_t min_count)
{
	for (size_t n = 0; n < rm->nnbhds; n++) {
		if (rm->nbhds[n].force != force)
			continue;
		for (size_t mi = 0; mi < fc->nmonths; mi++) {
			const int32_t *cell = &fc->cells[(mi * rm->nnbhds + n) * CAT_COUNT];
			int64_t counts[CAT_COUNT], total = 0;
			unsigned char hide[CAT_COUNT];
			int hide_total;
			char month[8];

			for (int c = 0; c < CAT_COUNT; c++)
				total += counts[c] = cell[c];
			suppress_group(counts, CAT_COUNT, min_count, hide, &hide_total);
			format_month(rm->months[fc->months[mi]].month, month);
			count_row(o, rm, &rm->nbhds[n], month, "all-crime", total, hide_total);
			for (int c = 0; c < CAT_COUNT; c++)
				count_row(o, rm, &rm->nbhds[n], month, crime_categories[c].slug,
					  counts[c], hide[c]);
		}
	}
}

int od_render_counts(const struct readmodel *rm, const struct opendata_options *opt,
		     struct opendata_set *set)
{
	static const char title[] = "Crimes per neighbourhood, month and category";
	static const char source[] =
		"Engage, from police.uk street-level crime placed in neighbourhoods by LSOA";
	struct opendata_file *csv, *json;
	struct strbuf csvbody = STRBUF_INIT, jsonbody = STRBUF_INIT;
	struct count_out o;
	char rule[300];
	int ds, rc = 0;

	ds = od_dataset(set, "crime-counts", title,
			"Street-level crimes and anti-social behaviour each force reported in its own "
			"neighbourhoods, per month and police.uk category, with the total as "
			"\"all-crime\". Counts below the suppression threshold are left empty and "
			"marked suppressed, with one more cell of the row group when needed so no "
			"suppressed count can be found by subtraction.", 0);
	if (ds < 0)
		return ERR_NOMEM;
	if (opt->min_count > 1)
		snprintf(rule, sizeof(rule),
			 "counts from 1 to %lld are suppressed; when a neighbourhood-month has exactly "
			 "one suppressed category, its smallest other non-zero category is suppressed too",
			 (long long)(opt->min_count - 1));
	else
		snprintf(rule, sizeof(rule), "no counts are suppressed");
	csvout_init(&o.csv, &csvbody);
	header(&o.csv, count_cols, NCOLS(count_cols));
	json_init(&o.jw, &jsonbody);
	json_object_begin(&o.jw);
	json_key_str(&o.jw, "title", title);
	od_licence_members(&o.jw, 0);
	json_key_str(&o.jw, "source", source);
	json_key_str(&o.jw, "modified", set->modified);
	json_key_int(&o.jw, "min_count", opt->min_count);
	json_key_str(&o.jw, "suppression", rule);
	json_key(&o.jw, "rows");
	json_array_begin(&o.jw);
	for (size_t f = 0; f < rm->nforces && !rc; f++) {
		struct force_counts fc = { 0 };

		rc = count_force(rm, (long)f, &fc);
		if (!rc)
			force_rows(&o, rm, (long)f, &fc, opt->min_count);
		xfree(fc.months);
		xfree(fc.cells);
	}
	json_array_end(&o.jw);
	json_object_end(&o.jw);
	strbuf_addch(&jsonbody, '\n');
	if (rc || csvbody.failed || jsonbody.failed ||
	    !(csv = od_file(set, ds, OPENDATA_TYPE_CSV, "crime-counts.csv", title))) {
		strbuf_release(&csvbody);
		strbuf_release(&jsonbody);
		return rc ? rc : ERR_NOMEM;
	}
	csv->body = csvbody;
	if (!(json = od_file(set, ds, OPENDATA_TYPE_JSON, "crime-counts.json", title))) {
		strbuf_release(&jsonbody);
		return ERR_NOMEM;
	}
	json->body = jsonbody;
	return od_csvw(set, ds, "crime-counts.csv", title, source, count_cols, NCOLS(count_cols));
}
