/*
 * engagement.c - reading the engagement history files (see engagement.h).
 * A table per file gives its header and what each column must look like;
 * one loop checks every cell against it and keeps a copy.
 */
#include "import/engagement.h"

#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "base/strbuf.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "import/import-internal.h"

/* What a cell must look like. */
enum shape { SH_TEXT, SH_REQUIRED, SH_WHEN, SH_WHEN_OPT, SH_DATE, SH_DATE_OPT, SH_COUNT_OPT,
	     SH_COORD_OPT, SH_YESNO };

struct column {
	const char *name;
	enum shape shape;
};

static const struct column activity_cols[EA_NCOLS] = {
	{ "key", SH_REQUIRED }, { "force", SH_REQUIRED }, { "neighbourhood", SH_REQUIRED },
	{ "kind", SH_REQUIRED }, { "mode", SH_REQUIRED }, { "title", SH_REQUIRED },
	{ "starts", SH_WHEN }, { "ends", SH_WHEN_OPT }, { "venue", SH_TEXT }, { "address", SH_TEXT },
	{ "latitude", SH_COORD_OPT }, { "longitude", SH_COORD_OPT }, { "accessibility", SH_TEXT },
	{ "online_link", SH_TEXT }, { "adjustments", SH_TEXT }, { "attendance", SH_COUNT_OPT },
	{ "demographics", SH_TEXT }, { "notes", SH_TEXT },
};
static const struct column concern_cols[EC_NCOLS] = {
	{ "reference", SH_REQUIRED }, { "force", SH_REQUIRED }, { "neighbourhood", SH_REQUIRED },
	{ "raised", SH_WHEN }, { "channel", SH_REQUIRED }, { "category", SH_TEXT },
	{ "language", SH_TEXT }, { "text", SH_REQUIRED }, { "location", SH_TEXT },
	{ "latitude", SH_COORD_OPT }, { "longitude", SH_COORD_OPT }, { "activity", SH_TEXT },
	{ "anonymous", SH_YESNO }, { "name", SH_TEXT }, { "email", SH_TEXT }, { "phone", SH_TEXT },
	{ "consent", SH_YESNO },
};
static const struct column priority_cols[EP_NCOLS] = {
	{ "key", SH_REQUIRED }, { "force", SH_REQUIRED }, { "neighbourhood", SH_REQUIRED },
	{ "category", SH_REQUIRED }, { "title", SH_REQUIRED }, { "public_text", SH_REQUIRED },
	{ "evidence_kind", SH_TEXT }, { "evidence", SH_TEXT }, { "meeting", SH_REQUIRED },
	{ "votes_for", SH_COUNT_OPT }, { "votes_against", SH_COUNT_OPT },
	{ "abstentions", SH_COUNT_OPT }, { "review_date", SH_DATE }, { "status", SH_REQUIRED },
};
static const struct column action_cols[EX_NCOLS] = {
	{ "key", SH_REQUIRED }, { "priority", SH_REQUIRED }, { "owner_kind", SH_REQUIRED },
	{ "owner", SH_REQUIRED }, { "partner_org", SH_TEXT }, { "description", SH_REQUIRED },
	{ "created", SH_WHEN }, { "due_date", SH_DATE }, { "status", SH_REQUIRED },
	{ "result", SH_TEXT },
};
static const struct column feedback_cols[EB_NCOLS] = {
	{ "subject_kind", SH_REQUIRED }, { "subject", SH_REQUIRED }, { "given", SH_WHEN },
	{ "outcome", SH_REQUIRED }, { "reason", SH_TEXT }, { "public_text", SH_REQUIRED },
	{ "internal_note", SH_TEXT }, { "given_by", SH_TEXT },
};

static const struct {
	const char *file;
	const struct column *cols;
	size_t ncols;
} files[EF_COUNT] = {
	[EF_ACTIVITIES] = { "activities.csv", activity_cols, EA_NCOLS },
	[EF_CONCERNS] = { "concerns.csv", concern_cols, EC_NCOLS },
	[EF_PRIORITIES] = { "priorities.csv", priority_cols, EP_NCOLS },
	[EF_ACTIONS] = { "actions.csv", action_cols, EX_NCOLS },
	[EF_FEEDBACK] = { "feedback.csv", feedback_cols, EB_NCOLS },
};

const char *engagement_file_name(enum engagement_file f) { return files[f].file; }

/* "YYYY-MM-DDTHH:MM", Europe/London wall time, nothing after. */
static int is_when(const char *s, size_t n, int64_t *out)
{
	return n == 16 && s[10] == 'T' && time_parse_iso(s, n, out) == 0 ? 0 : -1;
}

static int is_date(const char *s, size_t n)
{
	int64_t y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-' || parse_int_range(s, 4, 1900, 2199, &y) < 0 ||
	    parse_int_range(s + 5, 2, 1, 12, &m) < 0 || parse_int_range(s + 8, 2, 1, 31, &d) < 0)
		return -1;
	{
		int yy, mm, dd;

		civil_from_days(days_from_civil((int)y, (int)m, (int)d), &yy, &mm, &dd);
		return yy == y && mm == m && dd == d ? 0 : -1;
	}
}

static int check_cell(struct csv *c, size_t col, enum shape sh, struct err *e)
{
	struct csv_field f = csv_field(c, col);
	char q[80];
	int64_t v;
	double d;

	if (f.len == 0)
		return sh == SH_REQUIRED || sh == SH_WHEN || sh == SH_DATE || sh == SH_YESNO ?
			imp_col_err(c, e, ERR_INVALID, col, "is empty; a value is required") : 0;
	switch (sh) {
	case SH_WHEN:
	case SH_WHEN_OPT:
		if (is_when(f.ptr, f.len, &v) < 0)
			return imp_col_err(c, e, ERR_INVALID, col,
					   "%s is not a London date and time (YYYY-MM-DDTHH:MM)",
					   imp_quote(f.ptr, f.len, q));
		break;
	case SH_DATE:
	case SH_DATE_OPT:
		if (is_date(f.ptr, f.len) < 0)
			return imp_col_err(c, e, ERR_INVALID, col, "%s is not a date (YYYY-MM-DD)",
					   imp_quote(f.ptr, f.len, q));
		break;
	case SH_COUNT_OPT:
		if (parse_int_range(f.ptr, f.len, 0, 100000, &v) < 0)
			return imp_col_err(c, e, ERR_INVALID, col, "%s is not a count (0 to 100000)",
					   imp_quote(f.ptr, f.len, q));
		break;
	case SH_COORD_OPT:
		if (parse_double(f.ptr, f.len, &d) < 0 || d < -180 || d > 180)
			return imp_col_err(c, e, ERR_INVALID, col, "%s is not a coordinate in degrees",
					   imp_quote(f.ptr, f.len, q));
		break;
	case SH_YESNO:
		if (strcmp(f.ptr, "yes") && strcmp(f.ptr, "no"))
			return imp_col_err(c, e, ERR_INVALID, col, "%s is not yes or no",
					   imp_quote(f.ptr, f.len, q));
		break;
	default:
		break;
	}
	return 0;
}

static int read_file(const char *dir, enum engagement_file k, struct engagement_table *t,
		     struct err *e)
{
	const char *want[32];
	char path[4096];
	struct csv *c = NULL;
	size_t cap = 0;
	int rc;

	t->file = files[k].file;
	t->ncols = files[k].ncols;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, files[k].file) >= sizeof(path))
		return err_set(e, ERR_INVALID, "engagement folder path too long: '%.100s...'", dir);
	if ((rc = csv_open_path(path, NULL, &c, e)) < 0)
		return rc;
	for (size_t i = 0; i < t->ncols; i++)
		want[i] = files[k].cols[i].name;
	if ((rc = csv_read_header(c, e)) < 0)
		goto out;
	if (!imp_header_is(c, want, t->ncols)) {
		struct strbuf h = STRBUF_INIT;

		for (size_t i = 0; i < t->ncols; i++)
			strbuf_addf(&h, "%s%s", i ? "," : "", want[i]);
		rc = err_set(e, ERR_INVALID, "%s: line 1: the header is not \"%s\" (docs/engagement-files.md)",
			     t->file, h.failed ? "" : h.buf);
		strbuf_release(&h);
		goto out;
	}
	while ((rc = csv_next(c, e)) > 0) {
		struct engagement_row *row;

		if (csv_nfields(c) != t->ncols) {
			rc = imp_line_err(c, e, ERR_INVALID, "%zu fields, expected %zu", csv_nfields(c),
					  t->ncols);
			goto out;
		}
		for (size_t i = 0; i < t->ncols; i++)
			if ((rc = check_cell(c, i, files[k].cols[i].shape, e)) < 0)
				goto out;
		if (t->nrows == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct engagement_row *nr = xrealloc(t->rows, ncap * sizeof(*nr));

			if (!nr) {
				rc = imp_line_err(c, e, ERR_NOMEM, "out of memory");
				goto out;
			}
			t->rows = nr;
			cap = ncap;
		}
		row = &t->rows[t->nrows];
		row->line = csv_line(c);
		if (!(row->cell = xcalloc(t->ncols, sizeof(char *)))) {
			rc = imp_line_err(c, e, ERR_NOMEM, "out of memory");
			goto out;
		}
		t->nrows++;
		for (size_t i = 0; i < t->ncols; i++) {
			struct csv_field f = csv_field(c, i);

			if (!(row->cell[i] = xmalloc(f.len + 1))) {
				rc = imp_line_err(c, e, ERR_NOMEM, "out of memory");
				goto out;
			}
			memcpy(row->cell[i], f.ptr, f.len + 1);
		}
	}
out:
	csv_free(c);
	return rc < 0 ? rc : 0;
}

int engagement_files_read(const char *dir, struct engagement_files *out, struct err *e)
{
	int rc;

	memset(out, 0, sizeof(*out));
	for (int k = 0; k < EF_COUNT; k++)
		if ((rc = read_file(dir, (enum engagement_file)k, &out->t[k], e)) < 0)
			return rc;
	return 0;
}

void engagement_files_release(struct engagement_files *f)
{
	for (int k = 0; k < EF_COUNT; k++) {
		struct engagement_table *t = &f->t[k];

		for (size_t r = 0; r < t->nrows; r++) {
			for (size_t i = 0; t->rows[r].cell && i < t->ncols; i++)
				xfree(t->rows[r].cell[i]);
			xfree(t->rows[r].cell);
		}
		xfree(t->rows);
		t->rows = NULL;
		t->nrows = 0;
	}
}

int64_t engagement_when(const char *cell)
{
	int64_t t = 0;

	if (!*cell || time_parse_iso(cell, strlen(cell), &t) < 0)
		return 0;
	return t;
}

int engagement_yes(const char *cell)
{
	return !strcmp(cell, "yes");
}

long engagement_count(const char *cell, long empty)
{
	int64_t v;

	if (!*cell || parse_int_range(cell, strlen(cell), 0, 100000, &v) < 0)
		return empty;
	return (long)v;
}
