/*
 * registry.c - forces.csv, neighbourhoods.csv, teams.csv and places.csv
 * into model/registry.h records (see registry.h).  A table gives each
 * kind's header; one function per kind checks a row and builds its record.
 */
#include "import/registry.h"

#include <string.h>

#include "base/parse.h"
#include "base/xalloc.h"
#include "import/import-internal.h"

static const char *const force_cols[] = { "Force ID", "Name", "Description", "URL", "Telephone" };
static const char *const nbhd_cols[] = { "Force ID", "Neighbourhood ID", "Name", "Description",
					 "LSOA codes" };
static const char *const team_cols[] = { "Force ID", "Neighbourhood ID", "Name", "Rank", "Bio",
					 "Email", "Telephone" };
static const char *const place_cols[] = { "Force ID", "Neighbourhood ID", "Kind", "Type", "Name",
					  "Address", "Latitude", "Longitude", "Description" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *file, *header;
	const char *const *cols;
	size_t ncols;
} kinds[] = {
	[REGISTRY_FORCES] = { "forces.csv", "Force ID,Name,Description,URL,Telephone",
			      force_cols, NELEM(force_cols) },
	[REGISTRY_NEIGHBOURHOODS] = { "neighbourhoods.csv",
				      "Force ID,Neighbourhood ID,Name,Description,LSOA codes",
				      nbhd_cols, NELEM(nbhd_cols) },
	[REGISTRY_TEAMS] = { "teams.csv", "Force ID,Neighbourhood ID,Name,Rank,Bio,Email,Telephone",
			     team_cols, NELEM(team_cols) },
	[REGISTRY_PLACES] = { "places.csv",
			      "Force ID,Neighbourhood ID,Kind,Type,Name,Address,Latitude,Longitude,Description",
			      place_cols, NELEM(place_cols) },
};

const char *registry_header(enum registry_kind kind) { return kinds[kind].header; }
const char *registry_file_name(enum registry_kind kind) { return kinds[kind].file; }

/* Scratch for splitting "LSOA codes", reused across rows of one read. */
struct scratch {
	char *buf;
	size_t cap;
	const char **codes;
	size_t ncap;
};

static const char *fs(struct csv *c, size_t i) { return csv_field(c, i).ptr; }

static int check_id(struct csv *c, size_t col, int optional, struct err *e)
{
	struct csv_field f = csv_field(c, col);
	size_t i;
	char q[80];

	if (f.len == 0) {
		if (optional)
			return 0;
		return imp_col_err(c, e, ERR_INVALID, col, "is empty; an id is required");
	}
	for (i = 0; i < f.len; i++) {
		char ch = f.ptr[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			break;
	}
	if (i < f.len || f.len > REGISTRY_ID_MAX)
		return imp_col_err(c, e, ERR_INVALID, col,
				   "%s is not an id (1 to %d letters, digits, '_' or '-')",
				   imp_quote(f.ptr, f.len, q), REGISTRY_ID_MAX);
	return 0;
}

static int check_required(struct csv *c, size_t col, const char *what, struct err *e)
{
	if (csv_field(c, col).len == 0)
		return imp_col_err(c, e, ERR_INVALID, col, "is empty; %s is required", what);
	return 0;
}

static int row_force(struct csv *c, const struct registry_handlers *h, struct err *e)
{
	struct force_record r;
	struct csv_field u = csv_field(c, 3);
	char q[80];

	if (check_id(c, 0, 0, e) < 0 || check_required(c, 1, "a name", e) < 0)
		return ERR_INVALID;
	if (u.len && strncmp(u.ptr, "https://", 8) && strncmp(u.ptr, "http://", 7))
		return imp_col_err(c, e, ERR_INVALID, 3, "%s is not an http:// or https:// address",
				   imp_quote(u.ptr, u.len, q));
	r.id = fs(c, 0);
	r.name = fs(c, 1);
	r.description = fs(c, 2);
	r.url = fs(c, 3);
	r.telephone = fs(c, 4);
	return h->force(h->ctx, &r, e);
}

static int row_neighbourhood(struct csv *c, const struct registry_handlers *h,
			     struct scratch *s, struct err *e)
{
	struct neighbourhood_record r;
	struct csv_field f = csv_field(c, 4);
	size_t n = 0, i = 0;
	char q[80];

	if (check_id(c, 0, 0, e) < 0 || check_id(c, 1, 0, e) < 0 ||
	    check_required(c, 2, "a name", e) < 0)
		return ERR_INVALID;
	if (f.len + 1 > s->cap) {
		char *nb = xrealloc(s->buf, f.len + 1);

		if (!nb)
			return imp_line_err(c, e, ERR_NOMEM, "out of memory");
		s->buf = nb;
		s->cap = f.len + 1;
	}
	memcpy(s->buf, f.ptr, f.len + 1);
	while (i < f.len) {
		size_t start, end;

		while (i < f.len && s->buf[i] == ' ')
			i++;
		start = i;
		while (i < f.len && s->buf[i] != ';')
			i++;
		end = i;
		while (end > start && s->buf[end - 1] == ' ')
			end--;
		s->buf[end] = '\0';
		i++;	/* past ';' */
		if (end == start)
			continue;
		if (!imp_is_lsoa_code(s->buf + start, end - start))
			return imp_col_err(c, e, ERR_INVALID, 4,
					   "%s is not an LSOA code (E01 or W01 and six digits)",
					   imp_quote(s->buf + start, end - start, q));
		if (n == s->ncap) {
			size_t cap = s->ncap ? 2 * s->ncap : 64;
			const char **nc = xreallocarray(s->codes, cap, sizeof(*nc));

			if (!nc)
				return imp_line_err(c, e, ERR_NOMEM, "out of memory");
			s->codes = nc;
			s->ncap = cap;
		}
		s->codes[n++] = s->buf + start;
	}
	r.force_id = fs(c, 0);
	r.id = fs(c, 1);
	r.name = fs(c, 2);
	r.description = fs(c, 3);
	r.lsoa_codes = s->codes;
	r.nlsoa = n;
	return h->neighbourhood(h->ctx, &r, e);
}

static int row_team(struct csv *c, const struct registry_handlers *h, struct err *e)
{
	struct team_record r;
	struct csv_field m = csv_field(c, 5);
	char q[80];

	if (check_id(c, 0, 0, e) < 0 || check_id(c, 1, 1, e) < 0 ||
	    check_required(c, 2, "a name", e) < 0)
		return ERR_INVALID;
	if (m.len && (!memchr(m.ptr, '@', m.len) || m.ptr[0] == '@' || m.ptr[m.len - 1] == '@'))
		return imp_col_err(c, e, ERR_INVALID, 5, "%s is not an email address",
				   imp_quote(m.ptr, m.len, q));
	r.force_id = fs(c, 0);
	r.neighbourhood_id = fs(c, 1);
	r.name = fs(c, 2);
	r.rank = fs(c, 3);
	r.bio = fs(c, 4);
	r.email = fs(c, 5);
	r.telephone = fs(c, 6);
	return h->team(h->ctx, &r, e);
}

static int check_coord(struct csv *c, size_t col, int32_t limit, const char *what,
		       int32_t *out, struct err *e)
{
	struct csv_field f = csv_field(c, col);
	char q[80];

	if (imp_parse_microdegrees(f.ptr, f.len, out) < 0)
		return imp_col_err(c, e, ERR_INVALID, col, "%s is not a %s (decimal degrees)",
				   imp_quote(f.ptr, f.len, q), what);
	if (*out < -limit * 1000000 || *out > limit * 1000000)
		return imp_col_err(c, e, ERR_INVALID, col, "%s is out of range for a %s (-%d to %d)",
				   imp_quote(f.ptr, f.len, q), what, limit, limit);
	return 0;
}

static int row_place(struct csv *c, const struct registry_handlers *h, struct err *e)
{
	struct place_record r;
	struct csv_field k = csv_field(c, 2), la = csv_field(c, 6), lo = csv_field(c, 7);
	char q[80];

	if (check_id(c, 0, 0, e) < 0 || check_id(c, 1, 0, e) < 0)
		return ERR_INVALID;
	if (!strcmp(k.ptr, "group"))
		r.kind = PLACE_KIND_GROUP;
	else if (!strcmp(k.ptr, "place"))
		r.kind = PLACE_KIND_PLACE;
	else
		return imp_col_err(c, e, ERR_INVALID, 2, "%s is not \"group\" or \"place\"",
				   imp_quote(k.ptr, k.len, q));
	if (check_required(c, 4, "a name", e) < 0)
		return ERR_INVALID;
	r.has_location = 0;
	r.lat = r.lng = 0;
	if (la.len || lo.len) {
		if (!la.len || !lo.len)
			return imp_col_err(c, e, ERR_INVALID, la.len ? 7 : 6,
					   "is empty while the other coordinate is given; give both or neither");
		if (check_coord(c, 6, 90, "latitude", &r.lat, e) < 0 ||
		    check_coord(c, 7, 180, "longitude", &r.lng, e) < 0)
			return ERR_INVALID;
		r.has_location = 1;
	}
	r.force_id = fs(c, 0);
	r.neighbourhood_id = fs(c, 1);
	r.type = fs(c, 3);
	r.name = fs(c, 4);
	r.address = fs(c, 5);
	r.description = fs(c, 8);
	return h->place(h->ctx, &r, e);
}

static int detect(struct csv *c, enum registry_kind *kind, struct err *e)
{
	size_t k;
	const char *h0 = csv_header_name(c, 0);
	char q[80];

	for (k = 0; k < NELEM(kinds); k++)
		if (imp_header_is(c, kinds[k].cols, kinds[k].ncols)) {
			*kind = (enum registry_kind)k;
			return 0;
		}
	return err_set(e, ERR_INVALID,
		       "%s: line %ld: not a registry header (starts %s); expected one of \"%s\" (%s), \"%s\" (%s), \"%s\" (%s), \"%s\" (%s)",
		       csv_name(c), csv_line(c), imp_quote(h0, strlen(h0), q),
		       kinds[0].header, kinds[0].file, kinds[1].header, kinds[1].file,
		       kinds[2].header, kinds[2].file, kinds[3].header, kinds[3].file);
}

long registry_read(struct csv *c, const struct registry_handlers *h,
		   enum registry_kind *kind, struct err *e)
{
	struct scratch s = { NULL, 0, NULL, 0 };
	enum registry_kind k = REGISTRY_FORCES;
	long rows = 0;
	int rc;

	if ((rc = csv_read_header(c, e)) < 0 || (rc = detect(c, &k, e)) < 0)
		return rc;
	if ((k == REGISTRY_FORCES && !h->force) || (k == REGISTRY_NEIGHBOURHOODS && !h->neighbourhood) ||
	    (k == REGISTRY_TEAMS && !h->team) || (k == REGISTRY_PLACES && !h->place))
		return err_set(e, ERR_INVALID, "%s: has the header of %s, which is not expected here",
			       csv_name(c), kinds[k].file);
	if (kind)
		*kind = k;
	while ((rc = csv_next(c, e)) > 0) {
		if (csv_nfields(c) != kinds[k].ncols) {
			rc = imp_line_err(c, e, ERR_INVALID, "%zu fields, expected %zu",
					  csv_nfields(c), kinds[k].ncols);
			break;
		}
		err_clear(e);
		switch (k) {
		case REGISTRY_FORCES: rc = row_force(c, h, e); break;
		case REGISTRY_NEIGHBOURHOODS: rc = row_neighbourhood(c, h, &s, e); break;
		case REGISTRY_TEAMS: rc = row_team(c, h, e); break;
		default: rc = row_place(c, h, e); break;
		}
		if (rc < 0) {
			imp_callback_err(c, e, rc);
			break;
		}
		rows++;
	}
	xfree(s.buf);
	xfree(s.codes);
	return rc < 0 ? rc : rows;
}

long registry_read_path(const char *path, const struct registry_handlers *h,
			enum registry_kind *kind, struct err *e)
{
	struct csv *c;
	long rc;

	if ((rc = csv_open_path(path, NULL, &c, e)) < 0)
		return rc;
	rc = registry_read(c, h, kind, e);
	csv_free(c);
	return rc;
}

long registry_read_mem(const void *buf, size_t n, const char *name,
		       const struct registry_handlers *h, enum registry_kind *kind,
		       struct err *e)
{
	struct csv *c = csv_open_mem(buf, n, name, NULL);
	long rc;

	if (!c)
		return err_set(e, ERR_NOMEM, "%s: out of memory", name);
	rc = registry_read(c, h, kind, e);
	csv_free(c);
	return rc;
}
