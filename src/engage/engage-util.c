/*
 * engage-util.c - shared checks for the engagement services (see
 * engage-internal.h).
 */
#include "engage/engage-internal.h"

#include "base/parse.h"
#include "base/strbuf.h"
#include "base/timeutil.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "model/public_text.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct nbhd_probe {
	const char *id;
	int found;
};

static int probe_nbhd(void *ctx, const struct store_neighbourhood *n)
{
	struct nbhd_probe *p = ctx;

	if (!strcmp(n->id, p->id)) {
		p->found = 1;
		return 1;
	}
	return 0;
}

int eng_require_neighbourhood(struct store *s, const char *force_id, const char *id,
			      struct err *e)
{
	struct nbhd_probe p = { id, 0 };
	int rc;

	if (!force_id || !*force_id || !id || !*id)
		return err_set(e, ERR_INVALID, "neighbourhood: give the force and the neighbourhood id (e.g. glanmor/GM01)");
	rc = store_neighbourhood_each(s, force_id, probe_nbhd, &p, e);
	if (rc < 0)
		return rc;
	if (!p.found)
		return err_set(e, ERR_NOTFOUND, "neighbourhood: \"%s/%s\" is not on this Engage", force_id, id);
	return 0;
}

int eng_require_slug(const struct vocab *table, int count, const char *field, const char *slug,
		     struct err *e)
{
	struct strbuf list = STRBUF_INIT;
	int i = vocab_find(table, count, slug);

	if (i >= 0)
		return i;
	for (int k = 0; k < count && k < 12; k++)
		strbuf_addf(&list, "%s%s", k ? ", " : "", table[k].slug);
	if (count > 12)
		strbuf_addstr(&list, ", ...");
	err_set(e, ERR_INVALID, "%s: \"%s\" is not one of %s", field, slug ? slug : "", strbuf_str(&list));
	strbuf_release(&list);
	return ERR_INVALID;
}

int eng_optional_text(const char *field, const char *s, size_t max, struct err *e)
{
	size_t n;

	if (!s || !*s)
		return 0;
	n = strlen(s);
	if (n > max)
		return err_set(e, ERR_INVALID, "%s: %zu characters is too long (at most %zu)", field, n, max);
	if (utf8_check(s, n) != n)
		return err_set(e, ERR_INVALID, "%s: is not valid UTF-8 text", field);
	return 0;
}

int eng_require_text(const char *field, const char *s, size_t max, struct err *e)
{
	const char *p = s;

	while (p && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (!p || !*p)
		return err_set(e, ERR_INVALID, "%s: is required", field);
	return eng_optional_text(field, s, max, e);
}

int eng_require_public_text(const char *field, const char *s, size_t max, struct err *e)
{
	enum public_text_problem found;
	int rc = eng_require_text(field, s, max, e);

	if (rc < 0 || (found = public_text_check(s, NULL)) == PUBLIC_TEXT_OK)
		return rc;
	return err_set(e, ERR_INVALID,
		       "%s: it holds what looks like %s; what is published must not carry personal data",
		       field, public_text_problem_name(found));
}

int eng_require_date(const char *field, const char *s, struct err *e)
{
	int64_t y, m, d;
	int yy, mm, dd;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    parse_int_range(s, 4, 1900, 9999, &y) < 0 || parse_int_range(s + 5, 2, 1, 12, &m) < 0 ||
	    parse_int_range(s + 8, 2, 1, 31, &d) < 0)
		return err_set(e, ERR_INVALID, "%s: \"%s\" is not a date (YYYY-MM-DD)", field, s ? s : "");
	civil_from_days(days_from_civil((int)y, (int)m, (int)d), &yy, &mm, &dd);
	if (yy != y || mm != m || dd != d)
		return err_set(e, ERR_INVALID, "%s: \"%s\" is not a real date", field, s);
	return 0;
}

int eng_contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return n == 0;
}

void eng_today(char buf[11])
{
	eng_day_of(time_now(), buf);
}

void eng_day_of(int64_t t, char buf[11])
{
	int y, m, d;

	t += london_offset(t);
	civil_from_days(t / 86400, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

int eng_row_copy(void *ctx, const struct store_row *r)
{
	struct eng_row *out = ctx;

	out->found = 1;
	out->id = r->id;
	out->version = r->version;
	for (int i = 0; i < out->ncols && i < 40; i++) {
		out->v[i] = r->v[i];
		out->owned[i] = NULL;
		if (r->v[i].s) {
			out->owned[i] = xstrdup(r->v[i].s);
			out->v[i].s = out->owned[i];
		}
	}
	return 1;	/* one row is all we want */
}

void eng_row_release(struct eng_row *r)
{
	for (int i = 0; i < r->ncols && i < 40; i++) {
		xfree(r->owned[i]);
		r->owned[i] = NULL;
	}
	r->found = 0;
}

int eng_row_get(struct store *s, const struct store_table *t, int64_t id, struct eng_row *r,
		struct err *e)
{
	int rc;

	memset(r, 0, sizeof(*r));
	r->ncols = t->ncols;
	rc = store_row_get(s, t, id, eng_row_copy, r, e);
	return rc < 0 ? rc : 0;
}
