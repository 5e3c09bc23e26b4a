/*
 * odcheck.c - CSVW and RFC 7946 validation for the open-data tests (see
 * odcheck.h).  Uses jansson for JSON and its own RFC 4180 reader, so it
 * shares no code with what it checks.
 */
#include "odcheck.h"

#include <dirent.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *why, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

/* --- CSV ------------------------------------------------------------------ */

#define MAX_CELLS 64
#define MAX_CELL 4096

struct row {
	char cell[MAX_CELLS][MAX_CELL];
	int n;
};

/* Read one record at *pos; returns 1, 0 at the end, -1 on a syntax error. */
static int read_row(const char *s, size_t n, size_t *pos, struct row *r)
{
	size_t i = *pos, k = 0;
	int quoted = 0;

	if (i >= n)
		return 0;
	r->n = 0;
	for (;;) {
		char ch;

		if (r->n >= MAX_CELLS || k >= MAX_CELL - 1)
			return -1;
		if (i >= n) {
			if (quoted)
				return -1;
			break;
		}
		ch = s[i++];
		if (quoted) {
			if (ch == '"') {
				if (i < n && s[i] == '"') {
					r->cell[r->n][k++] = '"';
					i++;
				} else {
					quoted = 0;
				}
			} else {
				r->cell[r->n][k++] = ch;
			}
		} else if (ch == '"' && k == 0) {
			quoted = 1;
		} else if (ch == '"') {
			return -1;	/* a quote inside an unquoted field */
		} else if (ch == ',') {
			r->cell[r->n++][k] = '\0';
			k = 0;
		} else if (ch == '\n' || (ch == '\r' && i < n && s[i] == '\n')) {
			if (ch == '\r')
				i++;
			break;
		} else {
			r->cell[r->n][k++] = ch;
		}
	}
	r->cell[r->n++][k] = '\0';
	*pos = i;
	return 1;
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int is_integer(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return *s && digits(s, (int)strlen(s));
}

static int is_decimal(const char *s)
{
	const char *dot;

	if (*s == '-' || *s == '+')
		s++;
	dot = strchr(s, '.');
	if (!dot)
		return is_integer(s);
	return dot > s && digits(s, (int)(dot - s)) && dot[1] && digits(dot + 1, (int)strlen(dot + 1));
}

static int is_gyearmonth(const char *s)
{
	int mm;

	if (strlen(s) != 7 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2))
		return 0;
	mm = (s[5] - '0') * 10 + (s[6] - '0');
	return mm >= 1 && mm <= 12;
}

static int is_datetime(const char *s)
{
	size_t n = strlen(s);

	if (n < 19 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
	    !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' ||
	    !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
		return 0;
	s += 19;
	return !*s || !strcmp(s, "Z") ||
	       (strlen(s) == 6 && (s[0] == '+' || s[0] == '-') && digits(s + 1, 2) && s[3] == ':' &&
		digits(s + 4, 2));
}

static int is_boolean(const char *s, const char *format)
{
	if (format) {
		const char *bar = strchr(format, '|');
		size_t t = bar ? (size_t)(bar - format) : 0;

		return bar && ((strlen(s) == t && !strncmp(s, format, t)) || !strcmp(s, bar + 1));
	}
	return !strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "1") || !strcmp(s, "0");
}

static int valid_value(const char *type, const char *format, const char *v)
{
	if (!strcmp(type, "string"))
		return 1;
	if (!strcmp(type, "integer"))
		return is_integer(v);
	if (!strcmp(type, "decimal"))
		return is_decimal(v);
	if (!strcmp(type, "gYearMonth"))
		return is_gyearmonth(v);
	if (!strcmp(type, "dateTime"))
		return is_datetime(v);
	if (!strcmp(type, "boolean"))
		return is_boolean(v, format);
	return 0;
}

/* URI template varname: (ALPHA / DIGIT / "_" / pct-encoded) with ".", and
 * CSVW reserves a leading "_". */
static int valid_name(const char *s)
{
	if (!*s || *s == '_' || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

struct col {
	const char *name, *title, *type, *format;
	int required;
};

static int read_columns(json_t *meta, struct col *cols, int *ncols, char *why, size_t size)
{
	json_t *ctx = json_object_get(meta, "@context"), *schema, *columns, *c;
	const char *ctx0 = json_is_array(ctx) ? json_string_value(json_array_get(ctx, 0))
					     : json_string_value(ctx);
	size_t i;

	if (!ctx0 || strcmp(ctx0, "http://www.w3.org/ns/csvw"))
		return fail(why, size, "metadata: @context is not http://www.w3.org/ns/csvw");
	for (const char *const *k = (const char *const[]){ "url", "dc:title", "dc:license",
							   "dc:source", "dc:modified", "dc:rights",
							   NULL }; *k; k++)
		if (!json_object_get(meta, *k))
			return fail(why, size, "metadata: no \"%s\"", *k);
	schema = json_object_get(meta, "tableSchema");
	columns = json_object_get(schema, "columns");
	if (!json_is_array(columns) || !json_array_size(columns) ||
	    json_array_size(columns) > MAX_CELLS)
		return fail(why, size, "metadata: tableSchema.columns missing or empty");
	json_array_foreach(columns, i, c) {
		json_t *dt = json_object_get(c, "datatype");
		struct col *col = &cols[i];

		col->name = json_string_value(json_object_get(c, "name"));
		col->title = json_string_value(json_object_get(c, "titles"));
		col->format = NULL;
		if (json_is_object(dt)) {
			col->type = json_string_value(json_object_get(dt, "base"));
			col->format = json_string_value(json_object_get(dt, "format"));
		} else {
			col->type = json_string_value(dt);
		}
		if (!json_is_boolean(json_object_get(c, "required")))
			return fail(why, size, "metadata: column %zu has no boolean \"required\"", i + 1);
		col->required = json_is_true(json_object_get(c, "required"));
		if (!col->name || !valid_name(col->name))
			return fail(why, size, "metadata: column %zu: bad name \"%s\"", i + 1,
				    col->name ? col->name : "");
		if (!col->title || !col->type)
			return fail(why, size, "metadata: column %s lacks titles or datatype", col->name);
		if (strcmp(col->type, "string") && strcmp(col->type, "integer") &&
		    strcmp(col->type, "decimal") && strcmp(col->type, "gYearMonth") &&
		    strcmp(col->type, "dateTime") && strcmp(col->type, "boolean"))
			return fail(why, size, "metadata: column %s: unknown datatype %s", col->name,
				    col->type);
	}
	*ncols = (int)json_array_size(columns);
	return 0;
}

int odcheck_csv(const char *csv, size_t n, const char *metadata_json, char *why, size_t size)
{
	json_error_t jerr;
	json_t *meta = json_loads(metadata_json, 0, &jerr);
	struct col cols[MAX_CELLS];
	struct row *r = malloc(sizeof(*r));
	size_t pos = 0;
	int ncols = 0, rc = -1, line = 1, got;

	if (!meta) {
		fail(why, size, "metadata is not JSON: %s (line %d)", jerr.text, jerr.line);
		goto done;
	}
	if (read_columns(meta, cols, &ncols, why, size) < 0)
		goto done;
	if (read_row(csv, n, &pos, r) != 1) {
		fail(why, size, "no header row");
		goto done;
	}
	if (r->n != ncols) {
		fail(why, size, "header has %d cells, metadata %d columns", r->n, ncols);
		goto done;
	}
	for (int c = 0; c < ncols; c++)
		if (strcmp(r->cell[c], cols[c].title)) {
			fail(why, size, "header cell %d is \"%s\", metadata title \"%s\"", c + 1,
			     r->cell[c], cols[c].title);
			goto done;
		}
	while ((got = read_row(csv, n, &pos, r)) == 1) {
		line++;
		if (r->n != ncols) {
			fail(why, size, "line %d: %d cells, want %d", line, r->n, ncols);
			goto done;
		}
		for (int c = 0; c < ncols; c++) {
			const char *v = r->cell[c];

			if (!*v) {
				if (cols[c].required) {
					fail(why, size, "line %d: required column %s is empty", line,
					     cols[c].name);
					goto done;
				}
				continue;
			}
			if (!valid_value(cols[c].type, cols[c].format, v)) {
				fail(why, size, "line %d: column %s: \"%s\" is not a %s", line,
				     cols[c].name, v, cols[c].type);
				goto done;
			}
		}
	}
	if (got < 0) {
		fail(why, size, "line %d: not RFC 4180 CSV", line + 1);
		goto done;
	}
	rc = 0;
done:
	free(r);
	json_decref(meta);
	return rc;
}

/* --- GeoJSON --------------------------------------------------------------- */

static int position_ok(json_t *p, char *why, size_t size)
{
	double x, y;

	if (!json_is_array(p) || json_array_size(p) < 2 || json_array_size(p) > 3 ||
	    !json_is_number(json_array_get(p, 0)) || !json_is_number(json_array_get(p, 1)))
		return fail(why, size, "a position is not [lon, lat]");
	x = json_number_value(json_array_get(p, 0));
	y = json_number_value(json_array_get(p, 1));
	if (x < -180 || x > 180 || y < -90 || y > 90)
		return fail(why, size, "position %f,%f out of range", x, y);
	return 0;
}

static int ring_ok(json_t *ring, int outer, char *why, size_t size)
{
	size_t n = json_array_size(ring), i;
	double area = 0;
	json_t *p;

	if (!json_is_array(ring) || n < 4)
		return fail(why, size, "a ring has %zu positions, fewer than 4", n);
	json_array_foreach(ring, i, p)
		if (position_ok(p, why, size) < 0)
			return -1;
	if (!json_equal(json_array_get(ring, 0), json_array_get(ring, n - 1)))
		return fail(why, size, "a ring is not closed");
	for (i = 0; i + 1 < n; i++) {
		json_t *a = json_array_get(ring, i), *b = json_array_get(ring, i + 1);
		area += json_number_value(json_array_get(a, 0)) * json_number_value(json_array_get(b, 1)) -
			json_number_value(json_array_get(b, 0)) * json_number_value(json_array_get(a, 1));
	}
	if (outer && area <= 0)
		return fail(why, size, "an outer ring is not counter-clockwise");
	if (!outer && area >= 0)
		return fail(why, size, "a hole is not clockwise");
	return 0;
}

static int polygon_ok(json_t *poly, char *why, size_t size)
{
	size_t i;
	json_t *ring;

	if (!json_is_array(poly) || !json_array_size(poly))
		return fail(why, size, "a polygon has no rings");
	json_array_foreach(poly, i, ring)
		if (ring_ok(ring, i == 0, why, size) < 0)
			return -1;
	return 0;
}

static int geometry_ok(json_t *g, char *why, size_t size)
{
	const char *type = json_string_value(json_object_get(g, "type"));
	json_t *coords = json_object_get(g, "coordinates"), *poly;
	size_t i;

	if (json_is_null(g))
		return 0;
	if (!type)
		return fail(why, size, "a geometry has no type");
	if (json_object_get(g, "crs"))
		return fail(why, size, "a geometry has a crs member");
	if (!strcmp(type, "Polygon"))
		return polygon_ok(coords, why, size);
	if (!strcmp(type, "MultiPolygon")) {
		if (!json_is_array(coords))
			return fail(why, size, "MultiPolygon coordinates are not an array");
		json_array_foreach(coords, i, poly)
			if (polygon_ok(poly, why, size) < 0)
				return -1;
		return 0;
	}
	if (!strcmp(type, "Point"))
		return position_ok(coords, why, size);
	return fail(why, size, "geometry type \"%s\" is not checked here", type);
}

static int feature_ok(json_t *f, char *why, size_t size)
{
	json_t *props = json_object_get(f, "properties");
	const char *type = json_string_value(json_object_get(f, "type"));

	if (!type || strcmp(type, "Feature"))
		return fail(why, size, "not a Feature");
	if (json_object_get(f, "crs"))
		return fail(why, size, "a Feature has a crs member");
	if (!props || !(json_is_object(props) || json_is_null(props)))
		return fail(why, size, "a Feature lacks properties");
	if (!json_object_get(f, "geometry"))
		return fail(why, size, "a Feature lacks geometry");
	return geometry_ok(json_object_get(f, "geometry"), why, size);
}

/* No number in the text (outside strings) has more than 6 decimals. */
static int decimals_ok(const char *s, size_t n, char *why, size_t size)
{
	int in_str = 0;

	for (size_t i = 0; i < n; i++) {
		if (in_str) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				in_str = 0;
		} else if (s[i] == '"') {
			in_str = 1;
		} else if (s[i] == '.') {
			size_t k = i + 1;
			while (k < n && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k - i - 1 > 6)
				return fail(why, size, "a coordinate has %zu decimals", k - i - 1);
		}
	}
	return 0;
}

int odcheck_geojson(const char *text, size_t n, char *why, size_t size)
{
	json_error_t jerr;
	json_t *doc = json_loadb(text, n, 0, &jerr), *f;
	const char *type;
	int rc = -1;
	size_t i;

	if (!doc)
		return fail(why, size, "not JSON: %s (line %d)", jerr.text, jerr.line);
	type = json_string_value(json_object_get(doc, "type"));
	if (json_object_get(doc, "crs")) {
		fail(why, size, "the document has a crs member");
	} else if (type && !strcmp(type, "FeatureCollection")) {
		json_t *features = json_object_get(doc, "features");

		if (!json_is_array(features)) {
			fail(why, size, "features is not an array");
			goto done;
		}
		json_array_foreach(features, i, f)
			if (feature_ok(f, why, size) < 0)
				goto done;
		rc = decimals_ok(text, n, why, size);
	} else if (type && !strcmp(type, "Feature")) {
		if (feature_ok(doc, why, size) == 0)
			rc = decimals_ok(text, n, why, size);
	} else {
		fail(why, size, "top-level type \"%s\" is not a Feature or FeatureCollection",
		     type ? type : "");
	}
done:
	json_decref(doc);
	return rc;
}

/* --- a whole folder -------------------------------------------------------- */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long len;

	*n = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)len + 1)) && fread(buf, 1, (size_t)len, f) == (size_t)len) {
		buf[len] = '\0';
		*n = (size_t)len;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int has_suffix(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && !strcmp(s + n - k, tail);
}

static int check_one(const char *dir, const char *name, char *why, size_t size)
{
	char path[4200], meta_path[4300];
	size_t n, mn;
	char *text, *meta = NULL;
	int rc = -1;
	json_error_t jerr;
	json_t *doc;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(text = slurp(path, &n)))
		return fail(why, size, "cannot read");
	if (has_suffix(name, ".csv")) {
		snprintf(meta_path, sizeof(meta_path), "%s-metadata.json", path);
		if ((meta = slurp(meta_path, &mn)))
			rc = odcheck_csv(text, n, meta, why, size);
		else
			fail(why, size, "no %s-metadata.json", name);
	} else if (has_suffix(name, ".geojson")) {
		rc = odcheck_geojson(text, n, why, size);
	} else if ((doc = json_loadb(text, n, 0, &jerr))) {
		json_decref(doc);
		rc = 0;
	} else {
		fail(why, size, "not JSON: %s", jerr.text);
	}
	free(meta);
	free(text);
	return rc;
}

int odcheck_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char why[512];
	int failed = 0, n = 0;

	if (!d) {
		printf("not ok - cannot read folder %s\n", dir);
		return -1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		n++;
		if (check_one(dir, de->d_name, why, sizeof(why)) < 0) {
			printf("not ok - %s: %s\n", de->d_name, why);
			failed++;
		}
	}
	closedir(d);
	printf("odcheck: %d files, %d invalid\n", n, failed);
	return failed;
}
