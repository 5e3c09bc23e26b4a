/*
 * policeuk.c - police.uk street, outcomes and stop-and-search files into
 * model/police.h records (see policeuk.h).  One function per kind turns a
 * CSV row into a record; shared helpers check the fields every kind has.
 */
#include "import/policeuk.h"

#include <string.h>

#include "base/hex.h"
#include "base/parse.h"
#include "base/timeutil.h"
#include "import/import-internal.h"

static const char *const street_cols[] = {
	"Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
	"Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
};
static const char *const outcome_cols[] = {
	"Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
	"Location", "LSOA code", "LSOA name", "Outcome type",
};
static const char *const stop_cols[] = {
	"Type", "Date", "Part of a policing operation", "Policing operation", "Latitude",
	"Longitude", "Gender", "Age range", "Self-defined ethnicity", "Officer-defined ethnicity",
	"Legislation", "Object of search", "Outcome", "Outcome linked to object of search",
	"Removal of more than just outer clothing",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	const char *header;
	const char *const *cols;
	size_t ncols;
} kinds[] = {
	[POLICEUK_STREET] = { "street",
		"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
		street_cols, NELEM(street_cols) },
	[POLICEUK_OUTCOMES] = { "outcomes",
		"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type",
		outcome_cols, NELEM(outcome_cols) },
	[POLICEUK_STOPS] = { "stop-and-search",
		"Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing",
		stop_cols, NELEM(stop_cols) },
};

const char *policeuk_header(enum policeuk_kind kind) { return kinds[kind].header; }
const char *policeuk_kind_name(enum policeuk_kind kind) { return kinds[kind].name; }

/* The row's fields are fetched once per row (csv_fields()) and passed
 * down: the count was checked against the header, and a call per field
 * into csv.c was a measurable share of reading six million rows. */
static const char *fs(const struct csv_field *f, size_t i) { return f[i].ptr; }

static int check_month(struct csv *c, const struct csv_field *row, size_t col, int32_t *out,
		       struct err *e)
{
	struct csv_field f = row[col];
	char q[80];

	if (parse_month(f.ptr, f.len, out) < 0)
		return imp_col_err(c, e, ERR_INVALID, col, "%s is not a month (YYYY-MM)",
				   imp_quote(f.ptr, f.len, q));
	return 0;
}

/* The id is decoded again when packed; decoding here into a scratch buffer
 * is the cheapest check (eight digits at a time). */
static int check_crime_id(struct csv *c, const struct csv_field *row, size_t col, struct err *e)
{
	struct csv_field f = row[col];
	uint8_t bytes[32];
	char q[80];

	if (f.len == 0 || (f.len == 64 && hex_decode(f.ptr, 64, bytes) == 0))
		return 0;
	return imp_col_err(c, e, ERR_INVALID, col, "%s is not a crime id (64 hex digits, or empty)",
			   imp_quote(f.ptr, f.len, q));
}

static int check_coord(struct csv *c, const struct csv_field *row, size_t col, int32_t limit,
		       const char *what, int32_t *out, struct err *e)
{
	struct csv_field f = row[col];
	char q[80];

	if (imp_parse_microdegrees(f.ptr, f.len, out) < 0)
		return imp_col_err(c, e, ERR_INVALID, col, "%s is not a %s (decimal degrees)",
				   imp_quote(f.ptr, f.len, q), what);
	if (*out < -limit * 1000000 || *out > limit * 1000000)
		return imp_col_err(c, e, ERR_INVALID, col, "%s is out of range for a %s (-%d to %d)",
				   imp_quote(f.ptr, f.len, q), what, limit, limit);
	return 0;
}

/* Both coordinates or neither. */
static int check_location(struct csv *c, const struct csv_field *row, size_t lat_col,
			  size_t lng_col, int *has, int32_t *lat, int32_t *lng, struct err *e)
{
	struct csv_field la = row[lat_col], lo = row[lng_col];
	char q[80];

	*has = 0;
	*lat = *lng = 0;
	if (la.len == 0 && lo.len == 0)
		return 0;
	if (la.len == 0 || lo.len == 0) {
		size_t empty = la.len == 0 ? lat_col : lng_col, full = la.len == 0 ? lng_col : lat_col;
		struct csv_field f = row[full];

		return imp_col_err(c, e, ERR_INVALID, empty,
				   "empty while \"%s\" is %s; give both coordinates or neither",
				   csv_header_name(c, full), imp_quote(f.ptr, f.len, q));
	}
	if (check_coord(c, row, lat_col, 90, "latitude", lat, e) < 0 ||
	    check_coord(c, row, lng_col, 180, "longitude", lng, e) < 0)
		return ERR_INVALID;
	*has = 1;
	return 0;
}

static int check_bool(struct csv *c, const struct csv_field *row, size_t col, int8_t *out,
		      struct err *e)
{
	struct csv_field f = row[col];
	char q[80];

	if (parse_police_bool(f.ptr, f.len, out) < 0)
		return imp_col_err(c, e, ERR_INVALID, col, "%s is not True, False or empty",
				   imp_quote(f.ptr, f.len, q));
	return 0;
}

static int row_street(struct csv *c, const struct csv_field *row,
		      const struct policeuk_handlers *h, struct err *e)
{
	struct crime_record r;
	struct csv_field f;
	char q[80];

	if (check_crime_id(c, row, 0, e) < 0 || check_month(c, row, 1, &r.month, e) < 0 ||
	    check_location(c, row, 5, 4, &r.has_location, &r.lat, &r.lng, e) < 0)
		return ERR_INVALID;
	f = row[9];
	r.category = crime_category_from_csv(f.ptr, f.len);
	if (r.category < 0)
		return imp_col_err(c, e, ERR_INVALID, 9, "%s is not a known crime type",
				   imp_quote(f.ptr, f.len, q));
	r.crime_id = fs(row, 0);
	r.reported_by = fs(row, 2);
	r.falls_within = fs(row, 3);
	r.location = fs(row, 6);
	r.lsoa_code = fs(row, 7);
	r.lsoa_name = fs(row, 8);
	r.last_outcome = fs(row, 10);
	r.context = fs(row, 11);
	return h->street(h->ctx, &r, e);
}

static int row_outcome(struct csv *c, const struct csv_field *row,
		       const struct policeuk_handlers *h, struct err *e)
{
	struct outcome_record r;

	if (check_crime_id(c, row, 0, e) < 0 || check_month(c, row, 1, &r.month, e) < 0 ||
	    check_location(c, row, 5, 4, &r.has_location, &r.lat, &r.lng, e) < 0)
		return ERR_INVALID;
	r.crime_id = fs(row, 0);
	r.reported_by = fs(row, 2);
	r.falls_within = fs(row, 3);
	r.location = fs(row, 6);
	r.lsoa_code = fs(row, 7);
	r.lsoa_name = fs(row, 8);
	r.outcome = fs(row, 9);
	return h->outcome(h->ctx, &r, e);
}

static int row_stop(struct csv *c, const struct csv_field *row,
		    const struct policeuk_handlers *h, struct err *e)
{
	struct stop_record r;
	struct csv_field f = row[0];
	char q[80];

	if (f.len == 0)
		return imp_col_err(c, e, ERR_INVALID, 0, "is empty; expected the kind of search");
	f = row[1];
	if (time_parse_iso(f.ptr, f.len, &r.datetime) < 0)
		return imp_col_err(c, e, ERR_INVALID, 1,
				   "%s is not an ISO 8601 date and time (2024-06-30T23:04:00+00:00)",
				   imp_quote(f.ptr, f.len, q));
	if (check_bool(c, row, 2, &r.part_of_operation, e) < 0 ||
	    check_location(c, row, 4, 5, &r.has_location, &r.lat, &r.lng, e) < 0 ||
	    check_bool(c, row, 13, &r.outcome_linked, e) < 0 ||
	    check_bool(c, row, 14, &r.removal_of_clothing, e) < 0)
		return ERR_INVALID;
	r.type = fs(row, 0);
	r.operation_name = fs(row, 3);
	r.gender = fs(row, 6);
	r.age_range = fs(row, 7);
	r.self_defined_ethnicity = fs(row, 8);
	r.officer_defined_ethnicity = fs(row, 9);
	r.legislation = fs(row, 10);
	r.object_of_search = fs(row, 11);
	r.outcome = fs(row, 12);
	return h->stop(h->ctx, &r, e);
}

/* Which kind the header is, or an error naming the closest kind's first
 * difference and its header. */
static int detect(struct csv *c, enum policeuk_kind *kind, struct err *e)
{
	size_t k, i, n = csv_header_count(c);
	enum policeuk_kind best;
	char q[80];
	const char *h0 = csv_header_name(c, 0);

	for (k = 0; k < NELEM(kinds); k++)
		if (imp_header_is(c, kinds[k].cols, kinds[k].ncols)) {
			*kind = (enum policeuk_kind)k;
			return 0;
		}
	if (!strcmp(h0, "Type") || n == NELEM(stop_cols))
		best = POLICEUK_STOPS;
	else if (n == NELEM(outcome_cols))
		best = POLICEUK_OUTCOMES;
	else
		best = POLICEUK_STREET;
	for (i = 0; i < n && i < kinds[best].ncols; i++)
		if (strcmp(csv_header_name(c, i), kinds[best].cols[i]))
			break;
	if (i < n && i < kinds[best].ncols) {
		const char *got = csv_header_name(c, i);

		return err_set(e, ERR_INVALID,
			       "%s: line %ld: not a police.uk header: column %zu is %s, expected \"%s\" (a %s file starts \"%s\")",
			       csv_name(c), csv_line(c), i + 1, imp_quote(got, strlen(got), q),
			       kinds[best].cols[i], kinds[best].name, kinds[best].header);
	}
	return err_set(e, ERR_INVALID,
		       "%s: line %ld: not a police.uk header: %zu columns, expected %zu (a %s file starts \"%s\")",
		       csv_name(c), csv_line(c), n, kinds[best].ncols, kinds[best].name,
		       kinds[best].header);
}

long policeuk_read(struct csv *c, const struct policeuk_handlers *h,
		   enum policeuk_kind *kind, struct err *e)
{
	enum policeuk_kind k = POLICEUK_STREET;
	const struct csv_field *f;
	long rows = 0;
	int rc;

	if ((rc = csv_read_header(c, e)) < 0 || (rc = detect(c, &k, e)) < 0)
		return rc;
	if ((k == POLICEUK_STREET && !h->street) || (k == POLICEUK_OUTCOMES && !h->outcome) ||
	    (k == POLICEUK_STOPS && !h->stop))
		return err_set(e, ERR_INVALID, "%s: is a police.uk %s file, which is not expected here",
			       csv_name(c), kinds[k].name);
	if (kind)
		*kind = k;
	while ((rc = csv_next(c, e)) > 0) {
		if (csv_nfields(c) != kinds[k].ncols)
			return imp_line_err(c, e, ERR_INVALID, "%zu fields, expected %zu",
					    csv_nfields(c), kinds[k].ncols);
		err_clear(e);
		f = csv_fields(c);
		rc = k == POLICEUK_STREET ? row_street(c, f, h, e) :
		     k == POLICEUK_OUTCOMES ? row_outcome(c, f, h, e) : row_stop(c, f, h, e);
		if (rc < 0)	/* our own messages already say where; a callback's do not */
			return imp_callback_err(c, e, rc);
		rows++;
	}
	return rc < 0 ? rc : rows;
}

long policeuk_read_path(const char *path, const struct policeuk_handlers *h,
			enum policeuk_kind *kind, struct err *e)
{
	struct csv *c;
	long rc;

	if ((rc = csv_open_path(path, NULL, &c, e)) < 0)
		return rc;
	rc = policeuk_read(c, h, kind, e);
	csv_free(c);
	return rc;
}

long policeuk_read_mem(const void *buf, size_t n, const char *name,
		       const struct policeuk_handlers *h, enum policeuk_kind *kind,
		       struct err *e)
{
	struct csv *c = csv_open_mem(buf, n, name, NULL);
	long rc;

	if (!c)
		return err_set(e, ERR_NOMEM, "%s: out of memory", name);
	rc = policeuk_read(c, h, kind, e);
	csv_free(c);
	return rc;
}
