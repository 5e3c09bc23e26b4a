/*
 * census.c - census and mid-year estimate CSVs into (lsoa, measure,
 * category, value) (see census.h).  Each layout is a table of the columns
 * it needs; the header is matched against it once, then every row is read
 * through the same column map.
 */
#include "import/census.h"

#include <string.h>

#include "base/parse.h"
#include "import/import-internal.h"

struct colspec {
	const char *name;
	const char *measure, *category;
	int required;
};

static const struct colspec ons_cols[] = {
	{ "Persons_All-Ages", "population", "all", 1 },
	{ "Persons_0-15", "age_band", "0-15", 1 },
	{ "Persons_16-29", "age_band", "16-29", 1 },
	{ "Persons_30-44", "age_band", "30-44", 1 },
	{ "Persons_45-64", "age_band", "45-64", 1 },
	{ "Persons_65+", "age_band", "65+", 1 },
	{ "Males_All-Ages", "sex", "male", 1 },
	{ "Females_All-Ages", "sex", "female", 1 },
	{ NULL, NULL, NULL, 0 },
};

static const struct colspec gla_cols[] = {
	{ "Households;All households;2011", "households", "all", 1 },
	{ "Ethnic Group;White;2011", "ethnic_group", "white", 1 },
	{ "Ethnic Group;BAME;2011", "ethnic_group", "bame", 1 },
	{ NULL, NULL, NULL, 0 },
};

static const struct colspec nomis_cols[] = {
	{ "Ethnic group: Total: All usual residents", "population", "all", 0 },
	{ "Ethnic group: White", "ethnic_group", "white", 0 },
	{ "Ethnic group: Asian, Asian British or Asian Welsh", "ethnic_group", "asian", 0 },
	{ "Ethnic group: Black, Black British, Black Welsh, Caribbean or African",
	  "ethnic_group", "black", 0 },
	{ "Ethnic group: Mixed or Multiple ethnic groups", "ethnic_group", "mixed", 0 },
	{ "Ethnic group: Other ethnic group", "ethnic_group", "other", 0 },
	{ "Number of households: Total: All households", "households", "all", 0 },
	{ NULL, NULL, NULL, 0 },
};

#define CENSUS_MAX_COLS 16

struct colmap {
	size_t code_col;
	size_t n;
	size_t col[CENSUS_MAX_COLS];
	const struct colspec *spec[CENSUS_MAX_COLS];
};

const char *census_layout_name(enum census_layout layout)
{
	switch (layout) {
	case CENSUS_ONS_MIDYEAR: return "ONS mid-year estimates";
	case CENSUS_GLA_ATLAS: return "GLA LSOA atlas";
	default: return "Nomis 2021 census";
	}
}

/* Header name without Nomis's "; measures: Value" suffix equals want. */
static int name_is(const char *h, const char *want)
{
	static const char suffix[] = "; measures: Value";
	size_t n = strlen(want);

	return !strncmp(h, want, n) && (h[n] == '\0' || !strcmp(h + n, suffix));
}

static int map_columns(struct csv *c, const struct colspec *spec, struct colmap *m,
		       enum census_layout layout, struct err *e)
{
	size_t i, k, nh = csv_header_count(c);

	m->n = 0;
	for (k = 0; spec[k].name; k++) {
		for (i = 0; i < nh; i++)
			if (name_is(csv_header_name(c, i), spec[k].name))
				break;
		if (i == nh) {
			if (spec[k].required)
				return imp_line_err(c, e, ERR_INVALID,
						    "%s header has no column \"%s\"",
						    census_layout_name(layout), spec[k].name);
			continue;
		}
		m->col[m->n] = i;
		m->spec[m->n] = &spec[k];
		m->n++;
	}
	if (m->n == 0)
		return imp_line_err(c, e, ERR_INVALID,
				    "%s header has none of the columns Engage reads (e.g. \"%s\")",
				    census_layout_name(layout), spec[0].name);
	return 0;
}

static int detect(struct csv *c, struct colmap *m, enum census_layout *layout, struct err *e)
{
	size_t nh = csv_header_count(c);
	const char *h0 = csv_header_name(c, 0);
	char q[80];

	if (!strcmp(h0, "LSOA11CD") || !strcmp(h0, "LSOA21CD")) {
		*layout = CENSUS_ONS_MIDYEAR;
		m->code_col = 0;
		return map_columns(c, ons_cols, m, *layout, e);
	}
	if (!strcmp(h0, "Lower Super Output Area")) {
		*layout = CENSUS_GLA_ATLAS;
		m->code_col = 0;
		return map_columns(c, gla_cols, m, *layout, e);
	}
	if (nh >= 3 && !strcmp(h0, "date") && !strcmp(csv_header_name(c, 1), "geography") &&
	    !strcmp(csv_header_name(c, 2), "geography code")) {
		*layout = CENSUS_NOMIS_2021;
		m->code_col = 2;
		return map_columns(c, nomis_cols, m, *layout, e);
	}
	return imp_line_err(c, e, ERR_INVALID,
			    "not a census file Engage knows: first column is %s; expected \"LSOA11CD\" or \"LSOA21CD\" (ONS mid-year), \"Lower Super Output Area\" (GLA atlas) or \"date,geography,geography code\" (Nomis 2021)",
			    imp_quote(h0, strlen(h0), q));
}

long census_read(struct csv *c, census_fn fn, void *ctx, enum census_layout *layout,
		 struct err *e)
{
	struct colmap m;
	enum census_layout lay = CENSUS_ONS_MIDYEAR;
	long rows = 0;
	size_t k;
	int rc;
	char q[80];

	if ((rc = csv_read_header(c, e)) < 0 || (rc = detect(c, &m, &lay, e)) < 0)
		return rc;
	if (layout)
		*layout = lay;
	while ((rc = csv_next(c, e)) > 0) {
		struct csv_field code;
		struct census_value v;

		if (csv_nfields(c) != csv_header_count(c))
			return imp_line_err(c, e, ERR_INVALID, "%zu fields, expected %zu",
					    csv_nfields(c), csv_header_count(c));
		code = csv_field(c, m.code_col);
		if (!imp_is_lsoa_code(code.ptr, code.len))
			return imp_col_err(c, e, ERR_INVALID, m.code_col,
					   "%s is not an LSOA code (E01 or W01 and six digits)",
					   imp_quote(code.ptr, code.len, q));
		v.lsoa_code = code.ptr;
		for (k = 0; k < m.n; k++) {
			struct csv_field f = csv_field(c, m.col[k]);

			if (parse_int_range(f.ptr, f.len, 0, INT64_C(1000000000), &v.value) < 0)
				return imp_col_err(c, e, ERR_INVALID, m.col[k],
						   "%s is not a count (a whole number, 0 or more)",
						   imp_quote(f.ptr, f.len, q));
			v.measure = m.spec[k]->measure;
			v.category = m.spec[k]->category;
			err_clear(e);
			if ((rc = fn(ctx, &v, e)) < 0)
				return imp_callback_err(c, e, rc);
		}
		rows++;
	}
	return rc < 0 ? rc : rows;
}

long census_read_path(const char *path, census_fn fn, void *ctx,
		      enum census_layout *layout, struct err *e)
{
	struct csv *c;
	long rc;

	if ((rc = csv_open_path(path, NULL, &c, e)) < 0)
		return rc;
	rc = census_read(c, fn, ctx, layout, e);
	csv_free(c);
	return rc;
}

long census_read_mem(const void *buf, size_t n, const char *name, census_fn fn, void *ctx,
		     enum census_layout *layout, struct err *e)
{
	struct csv *c = csv_open_mem(buf, n, name, NULL);
	long rc;

	if (!c)
		return err_set(e, ERR_NOMEM, "%s: out of memory", name);
	rc = census_read(c, fn, ctx, layout, e);
	csv_free(c);
	return rc;
}
