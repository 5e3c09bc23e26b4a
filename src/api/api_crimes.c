/*
 * api_crimes.c - street-level crimes and outcomes as police.uk serves them
 * (api.h).
 *
 * A CRIME object is one row of a street force-month: its id is the
 * force-month's first_id + row (stable, see docs/ARCHITECTURE.md), its
 * location the row's anonymous point and street id.  outcome_status is the
 * latest outcome of the crime in the outcomes files Engage holds (category
 * name and month); for a crime with none there, the street file's own
 * "Last outcome category" with the crime's month; null for a row without
 * a crime id (anti-social behaviour).
 */
#include "api/api-internal.h"

#include "base/parse.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <string.h>

static int finish(struct strbuf *out, int rc)
{
	if (rc == 0 && out->failed)
		return ERR_NOMEM;
	return rc;
}

static const char *str_or_empty(const struct monthpack *p, int col, size_t row)
{
	const char *s = monthpack_str(p, MP_STR(p, col)[row]);

	return s ? s : "";
}

/* The API name and code of a CSV outcome text. */
static void outcome_names(const char *csv, const char **code, const char **name)
{
	int i = outcome_from_csv(csv, strlen(csv));

	*code = i >= 0 ? outcome_categories[i].code : "other";
	*name = i >= 0 ? outcome_categories[i].name : csv;
}

static void outcome_status(struct json_writer *jw, const struct readmodel *rm,
			   const struct rm_month *m, size_t row)
{
	const struct monthpack *p = &m->pack[MONTH_STREET];
	uint64_t refs[64];
	size_t n;
	char month[8];
	const char *code, *name, *last;

	if (!(MP_U8(p, SC_FLAGS)[row] & MPF_HAS_ID)) {
		json_null(jw);
		return;
	}
	n = readmodel_crime_outcomes(rm, MP_ID32(p, SC_CRIME_ID)[row], refs, 64);
	if (n) {
		uint64_t ref = refs[(n < 64 ? n : 64) - 1], *all;
		const struct rm_month *om;

		if (n > 64 && (all = xcalloc(n, sizeof(*all)))) {	/* rare: find the newest */
			readmodel_crime_outcomes(rm, MP_ID32(p, SC_CRIME_ID)[row], all, n);
			ref = all[n - 1];
			xfree(all);
		}
		om = &rm->months[RM_REF_MONTH(ref)];

		outcome_names(str_or_empty(&om->pack[MONTH_OUTCOMES], OC_OUTCOME, RM_REF_ROW(ref)),
			      &code, &name);
		format_month(om->month, month);
	} else {
		last = str_or_empty(p, SC_OUTCOME, row);
		if (!*last) {
			json_null(jw);
			return;
		}
		outcome_names(last, &code, &name);
		format_month(m->month, month);
	}
	json_object_begin(jw);
	json_key_str(jw, "category", name);
	json_key_str(jw, "date", month);
	json_object_end(jw);
}

/* One CRIME object; with_status 0 leaves outcome_status out. */
static void crime(struct json_writer *jw, const struct readmodel *rm, uint64_t ref,
		  int with_status)
{
	const struct rm_month *m = &rm->months[RM_REF_MONTH(ref)];
	const struct monthpack *p = &m->pack[MONTH_STREET];
	size_t row = RM_REF_ROW(ref);
	char id[65], month[8];

	json_object_begin(jw);
	json_key_str(jw, "category", crime_categories[MP_U8(p, SC_CATEGORY)[row] % CAT_COUNT].slug);
	json_key_str(jw, "location_type", "Force");
	json_key(jw, "location");
	api_location(jw, p, MONTH_STREET, row, str_or_empty(p, SC_LOCATION, row));
	json_key_str(jw, "context", str_or_empty(p, SC_CONTEXT, row));
	if (with_status) {
		json_key(jw, "outcome_status");
		outcome_status(jw, rm, m, row);
	}
	monthpack_crime_id(p, SC_CRIME_ID, row, id);
	json_key_str(jw, "persistent_id", id);
	json_key_int(jw, "id", m->first_id[MONTH_STREET] ? m->first_id[MONTH_STREET] + (int64_t)row : 0);
	json_key_str(jw, "location_subtype", "");
	format_month(m->month, month);
	json_key_str(jw, "month", month);
	json_object_end(jw);
}

int api_render_crime(void *ctx, const struct readmodel *rm, size_t mi, size_t row,
		     struct strbuf *out)
{
	struct json_writer jw;

	json_init(&jw, out);
	crime(&jw, rm, RM_REF(mi, row), 1);
	return out->failed ? ERR_NOMEM : 0;
}

static void crimes(struct strbuf *out, const struct readmodel *rm, const struct api_refs *r)
{
	struct json_writer jw;

	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < r->n; i++)
		if (!api_frag(&jw, rm, r->v[i], MONTH_STREET))
			crime(&jw, rm, r->v[i], 1);
	json_array_end(&jw);
}

/* -1 for all-crime, a category, or ERR_NOTFOUND. */
static int category_of(const char *slug, struct err *e)
{
	int c;

	if (!slug || !strcmp(slug, "all-crime"))
		return -1;
	c = crime_category_from_slug(slug, strlen(slug));
	if (c < 0)
		return err_set(e, ERR_NOTFOUND, "no crime category '%s' (see crime-categories)", slug);
	return c;
}

static int keep_category(const struct monthpack *p, size_t row, void *ctx)
{
	int want = *(int *)ctx;

	return want < 0 || MP_U8(p, SC_CATEGORY)[row] == want;
}

int api_crimes_street(const struct readmodel *rm, const char *category,
		      const struct api_area *a, int32_t month, struct strbuf *out,
		      struct err *e)
{
	struct api_refs r = { 0 };
	int cat = category_of(category, e), rc;

	if (cat == ERR_NOTFOUND)
		return cat;
	rc = api_area_rows(rm, a, MONTH_STREET, api_month(rm, month), keep_category, &cat, &r, e);
	if (rc == 0)
		crimes(out, rm, &r);
	api_refs_release(&r);
	return finish(out, rc);
}

int api_crimes_at_location(const struct readmodel *rm, int32_t street_id, int32_t lat,
			   int32_t lng, int32_t month, struct strbuf *out, struct err *e)
{
	struct api_refs r = { 0 };
	int rc;

	month = api_month(rm, month);
	if (!street_id)
		street_id = api_nearest_street(rm, lat, lng, month);
	rc = street_id ? api_street_rows(rm, street_id, MONTH_STREET, month, &r, e) : 0;
	if (rc == 0)
		crimes(out, rm, &r);
	api_refs_release(&r);
	return finish(out, rc);
}

int api_crimes_no_location(const struct readmodel *rm, const char *category,
			   const char *force, int32_t month, struct strbuf *out,
			   struct err *e)
{
	long f = api_force_index(rm, force, e);
	int cat = category_of(category, e), rc = 0;
	const struct rm_month *m;
	struct api_refs r = { 0 };

	if (f < 0 || cat == ERR_NOTFOUND)
		return ERR_NOTFOUND;
	m = readmodel_month(rm, f, api_month(rm, month));
	for (size_t row = 0; m && m->has[MONTH_STREET] && row < m->pack[MONTH_STREET].rows; row++) {
		const struct monthpack *p = &m->pack[MONTH_STREET];

		if ((MP_U8(p, SC_FLAGS)[row] & MPF_LOCATED) || !keep_category(p, row, &cat))
			continue;
		if (xgrow(&r.v, &r.cap, r.n + 1, sizeof(*r.v))) {
			rc = err_set(e, ERR_NOMEM, "out of memory");
			break;
		}
		r.v[r.n++] = RM_REF(m - rm->months, row);
	}
	if (rc == 0)
		crimes(out, rm, &r);
	api_refs_release(&r);
	return finish(out, rc);
}

int api_crime_categories(const struct readmodel *rm, struct strbuf *out)
{
	struct json_writer jw;

	json_init(&jw, out);
	json_array_begin(&jw);
	json_object_begin(&jw);
	json_key_str(&jw, "url", "all-crime");
	json_key_str(&jw, "name", "All crime");
	json_object_end(&jw);
	for (int c = 0; c < CAT_COUNT; c++) {
		json_object_begin(&jw);
		json_key_str(&jw, "url", crime_categories[c].slug);
		json_key_str(&jw, "name", crime_categories[c].csv_name);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	return finish(out, 0);
}

int api_crime_last_updated(const struct readmodel *rm, struct strbuf *out)
{
	struct json_writer jw;
	char month[8], date[16];

	format_month(rm->latest_month ? rm->latest_month : rm->first_month, month);
	snprintf(date, sizeof(date), "%s-01", month);
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "date", date);
	json_object_end(&jw);
	return finish(out, 0);
}

int api_crimes_street_dates(const struct readmodel *rm, struct strbuf *out)
{
	struct json_writer jw;
	char month[8];

	json_init(&jw, out);
	json_array_begin(&jw);
	for (int32_t mo = rm->latest_month; rm->latest_month && mo >= rm->first_month; mo--) {
		int any = 0;

		for (size_t f = 0; f < rm->nforces && !any; f++) {
			const struct rm_month *m = readmodel_month(rm, (long)f, mo);
			any = m && m->has[MONTH_STREET];
		}
		if (!any)
			continue;
		format_month(mo, month);
		json_object_begin(&jw);
		json_key_str(&jw, "date", month);
		json_key(&jw, "stop-and-search");
		json_array_begin(&jw);
		for (size_t f = 0; f < rm->nforces; f++) {
			const struct rm_month *m = readmodel_month(rm, (long)f, mo);
			if (m && m->has[MONTH_STOPS])
				json_str(&jw, rm->forces[f].id);
		}
		json_array_end(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	return finish(out, 0);
}

static void outcome_category(struct json_writer *jw, const char *csv)
{
	const char *code, *name;

	outcome_names(csv, &code, &name);
	json_key(jw, "category");
	json_object_begin(jw);
	json_key_str(jw, "code", code);
	json_key_str(jw, "name", name);
	json_object_end(jw);
}

static int hex_id(const char *s, uint8_t out[32])
{
	if (!s || strlen(s) != 64)
		return -1;
	for (int i = 0; i < 64; i++) {
		char c = s[i];
		int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (v < 0)
			return -1;
		out[i / 2] = (uint8_t)(i % 2 ? out[i / 2] | v : v << 4);
	}
	return 0;
}

int api_outcomes_for_crime(const struct readmodel *rm, const char *persistent_id,
			   struct strbuf *out, struct err *e)
{
	uint8_t id[32];
	uint64_t ref, *refs = NULL;
	size_t n;
	struct json_writer jw;
	char month[8];

	if (hex_id(persistent_id, id) < 0)
		return err_set(e, ERR_INVALID, "persistent id '%.80s' is not 64 hexadecimal digits",
			       persistent_id ? persistent_id : "");
	if (!(ref = readmodel_crime_find(rm, id)))
		return err_set(e, ERR_NOTFOUND, "no crime with persistent id '%s'", persistent_id);
	n = readmodel_crime_outcomes(rm, id, NULL, 0);
	if (n && !(refs = xcalloc(n, sizeof(*refs))))
		return err_set(e, ERR_NOMEM, "out of memory");
	n = readmodel_crime_outcomes(rm, id, refs, n);
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key(&jw, "outcomes");	/* police.uk sends outcomes first */
	json_array_begin(&jw);
	for (size_t i = 0; i < n; i++) {
		const struct rm_month *m = &rm->months[RM_REF_MONTH(refs[i])];

		json_object_begin(&jw);
		outcome_category(&jw, str_or_empty(&m->pack[MONTH_OUTCOMES], OC_OUTCOME,
						   RM_REF_ROW(refs[i])));
		format_month(m->month, month);
		json_key_str(&jw, "date", month);
		json_key_null(&jw, "person_id");
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_key(&jw, "crime");
	crime(&jw, rm, ref, 0);
	json_object_end(&jw);
	xfree(refs);
	return finish(out, 0);
}

/* The crime an outcome row belongs to, from its street row when Engage
 * holds it; otherwise what the outcome row itself says (no category). */
static void outcome_crime(struct json_writer *jw, const struct readmodel *rm, uint64_t oref)
{
	const struct rm_month *m = &rm->months[RM_REF_MONTH(oref)];
	const struct monthpack *p = &m->pack[MONTH_OUTCOMES];
	size_t row = RM_REF_ROW(oref);
	uint64_t cref = (MP_U8(p, OC_FLAGS)[row] & MPF_HAS_ID)
		? readmodel_crime_find(rm, MP_ID32(p, OC_CRIME_ID)[row]) : 0;
	char id[65], month[8];

	if (cref) {
		crime(jw, rm, cref, 0);
		return;
	}
	json_object_begin(jw);
	json_key_str(jw, "category", "");
	json_key_str(jw, "location_type", "Force");
	json_key(jw, "location");
	api_location(jw, p, MONTH_OUTCOMES, row, str_or_empty(p, OC_LOCATION, row));
	json_key_str(jw, "context", "");
	monthpack_crime_id(p, OC_CRIME_ID, row, id);
	json_key_str(jw, "persistent_id", id);
	json_key_int(jw, "id", 0);
	json_key_str(jw, "location_subtype", "");
	format_month(m->month, month);
	json_key_str(jw, "month", month);
	json_object_end(jw);
}

int api_outcomes_at_location(const struct readmodel *rm, const struct api_area *a,
			     int32_t street_id, int32_t lat, int32_t lng, int32_t month,
			     struct strbuf *out, struct err *e)
{
	struct api_refs r = { 0 };
	struct json_writer jw;
	char mo[8];
	int rc;

	month = api_month(rm, month);
	if (a) {
		rc = api_area_rows(rm, a, MONTH_OUTCOMES, month, NULL, NULL, &r, e);
	} else {
		if (!street_id)
			street_id = api_nearest_street(rm, lat, lng, month);
		rc = street_id ? api_street_rows(rm, street_id, MONTH_OUTCOMES, month, &r, e) : 0;
	}
	if (rc)
		goto done;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < r.n; i++) {
		const struct rm_month *m = &rm->months[RM_REF_MONTH(r.v[i])];

		json_object_begin(&jw);
		outcome_category(&jw, str_or_empty(&m->pack[MONTH_OUTCOMES], OC_OUTCOME,
						   RM_REF_ROW(r.v[i])));
		format_month(m->month, mo);
		json_key_str(&jw, "date", mo);
		json_key_null(&jw, "person_id");
		json_key(&jw, "crime");
		outcome_crime(&jw, rm, r.v[i]);
		json_object_end(&jw);
	}
	json_array_end(&jw);
done:
	api_refs_release(&r);
	return finish(out, rc);
}
