/*
 * api_stops.c - stop and search as police.uk serves it (api.h).
 *
 * A STOP object is one row of a stop-and-search force-month.  Texts the
 * file leaves empty are null, as police.uk writes them; involved_person is
 * true unless the search was of a vehicle only; outcome_object carries
 * police.uk's "bu-" codes for the outcomes it names, else "bu-" and the
 * outcome written in lower case with hyphens.
 */
#include "api/api-internal.h"

#include "base/timeutil.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const struct {
	const char *csv, *id;
} stop_outcomes[] = {
	{ "A no further action disposal", "bu-no-further-action" },
	{ "Nothing found - no further action", "bu-no-further-action" },
	{ "Arrest", "bu-arrest" },
	{ "Suspect arrested", "bu-arrest" },
	{ "Caution (simple or conditional)", "bu-caution" },
	{ "Community resolution", "bu-community-resolution" },
	{ "Khat or Cannabis warning", "bu-khat-or-cannabis-warning" },
	{ "Penalty Notice for Disorder", "bu-penalty-notice" },
	{ "Summons / charged by post", "bu-summons" },
};

static void outcome_id(const char *csv, char *buf, size_t size)
{
	size_t n;

	for (size_t i = 0; i < sizeof(stop_outcomes) / sizeof(stop_outcomes[0]); i++)
		if (!strcmp(csv, stop_outcomes[i].csv)) {
			snprintf(buf, size, "%s", stop_outcomes[i].id);
			return;
		}
	n = (size_t)snprintf(buf, size, "bu-");
	for (const char *s = csv; *s && n + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c))
			buf[n++] = (char)tolower(c);
		else if (n && buf[n - 1] != '-')
			buf[n++] = '-';
	}
	while (n > 3 && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
}

static void key_text(struct json_writer *jw, const char *key, const struct monthpack *p,
		     int col, size_t row)
{
	const char *s = monthpack_str(p, MP_STR(p, col)[row]);

	json_key_str(jw, key, s && *s ? s : NULL);
}

static void key_tristate(struct json_writer *jw, const char *key, int8_t v)
{
	if (v < 0)
		json_key_null(jw, key);
	else
		json_key_bool(jw, key, v);
}

/* Stop-and-search files name no street: take the name a crime or outcome
 * at the same street point carries, or "". */
static const char *street_name(const struct readmodel *rm, const struct monthpack *p,
			       size_t row)
{
	int kind;
	uint64_t ref = readmodel_street_find(rm, MP_I32(p, ST_STREET)[row], &kind);
	const struct monthpack *q;
	const char *s;

	if (!ref || kind == MONTH_STOPS)
		return "";
	q = &rm->months[RM_REF_MONTH(ref)].pack[kind];
	s = monthpack_str(q, MP_STR(q, kind == MONTH_STREET ? SC_LOCATION : OC_LOCATION)[RM_REF_ROW(ref)]);
	return s ? s : "";
}

static void stop(struct json_writer *jw, const struct readmodel *rm, uint64_t ref)
{
	const struct monthpack *p = &rm->months[RM_REF_MONTH(ref)].pack[MONTH_STOPS];
	size_t row = RM_REF_ROW(ref);
	const char *type = monthpack_str(p, MP_STR(p, ST_TYPE)[row]);
	const char *outcome = monthpack_str(p, MP_STR(p, ST_OUTCOME)[row]);
	char when[21], id[96];

	json_object_begin(jw);
	key_text(jw, "age_range", p, ST_AGE_RANGE, row);
	key_text(jw, "outcome", p, ST_OUTCOME, row);
	json_key_bool(jw, "involved_person", !type || strcmp(type, "Vehicle search"));
	key_text(jw, "self_defined_ethnicity", p, ST_SELF_ETHNICITY, row);
	key_text(jw, "gender", p, ST_GENDER, row);
	key_text(jw, "legislation", p, ST_LEGISLATION, row);
	key_tristate(jw, "outcome_linked_to_object_of_search", MP_I8(p, ST_OUTCOME_LINKED)[row]);
	time_format_utc(MP_I64(p, ST_DATETIME)[row], when);
	when[19] = '\0';	/* "2024-06-30T23:04:00Z" -> police.uk's "+00:00" */
	{
		char iso[32];
		snprintf(iso, sizeof(iso), "%s+00:00", when);
		json_key_str(jw, "datetime", iso);
	}
	key_tristate(jw, "removal_of_more_than_outer_clothing", MP_I8(p, ST_REMOVAL)[row]);
	json_key(jw, "outcome_object");
	json_object_begin(jw);
	outcome_id(outcome ? outcome : "", id, sizeof(id));
	json_key_str(jw, "id", outcome && *outcome ? id : "");
	json_key_str(jw, "name", outcome ? outcome : "");
	json_object_end(jw);
	json_key(jw, "location");
	api_location(jw, p, MONTH_STOPS, row, street_name(rm, p, row));
	key_tristate(jw, "operation", MP_I8(p, ST_PART_OF_OPERATION)[row]);
	key_text(jw, "officer_defined_ethnicity", p, ST_OFFICER_ETHNICITY, row);
	key_text(jw, "type", p, ST_TYPE, row);
	key_text(jw, "operation_name", p, ST_OPERATION, row);
	key_text(jw, "object_of_search", p, ST_OBJECT, row);
	json_object_end(jw);
}

int api_render_stop(void *ctx, const struct readmodel *rm, size_t mi, size_t row,
		    struct strbuf *out)
{
	struct json_writer jw;

	json_init(&jw, out);
	stop(&jw, rm, RM_REF(mi, row));
	return out->failed ? ERR_NOMEM : 0;
}

static int render(const struct readmodel *rm, const struct api_refs *r, struct strbuf *out,
		  int rc)
{
	struct json_writer jw;

	if (rc == 0) {
		json_init(&jw, out);
		json_array_begin(&jw);
		for (size_t i = 0; i < r->n; i++)
			if (!api_frag(&jw, rm, r->v[i], MONTH_STOPS))
				stop(&jw, rm, r->v[i]);
		json_array_end(&jw);
		if (out->failed)
			rc = ERR_NOMEM;
	}
	return rc;
}

int api_stops_street(const struct readmodel *rm, const struct api_area *a, int32_t month,
		     struct strbuf *out, struct err *e)
{
	struct api_refs r = { 0 };
	int rc = api_area_rows(rm, a, MONTH_STOPS, api_month(rm, month), NULL, NULL, &r, e);

	rc = render(rm, &r, out, rc);
	api_refs_release(&r);
	return rc;
}

int api_stops_at_location(const struct readmodel *rm, int32_t street_id, int32_t month,
			  struct strbuf *out, struct err *e)
{
	struct api_refs r = { 0 };
	int rc = api_street_rows(rm, street_id, MONTH_STOPS, api_month(rm, month), &r, e);

	rc = render(rm, &r, out, rc);
	api_refs_release(&r);
	return rc;
}

/* Every row of a force's month (located == -1), or only those with
 * (1) or without (0) a location. */
static int force_rows(const struct readmodel *rm, const char *force, int32_t month,
		      int located, struct strbuf *out, struct err *e)
{
	long f = api_force_index(rm, force, e);
	const struct rm_month *m;
	struct api_refs r = { 0 };
	int rc = 0;

	if (f < 0)
		return ERR_NOTFOUND;
	m = readmodel_month(rm, f, api_month(rm, month));
	for (size_t row = 0; m && m->has[MONTH_STOPS] && row < m->pack[MONTH_STOPS].rows; row++) {
		int has = !!(MP_U8(&m->pack[MONTH_STOPS], ST_FLAGS)[row] & MPF_LOCATED);

		if (located >= 0 && has != located)
			continue;
		if (xgrow(&r.v, &r.cap, r.n + 1, sizeof(*r.v))) {
			rc = err_set(e, ERR_NOMEM, "out of memory");
			break;
		}
		r.v[r.n++] = RM_REF(m - rm->months, row);
	}
	rc = render(rm, &r, out, rc);
	api_refs_release(&r);
	return rc;
}

int api_stops_no_location(const struct readmodel *rm, const char *force, int32_t month,
			  struct strbuf *out, struct err *e)
{
	return force_rows(rm, force, month, 0, out, e);
}

int api_stops_force(const struct readmodel *rm, const char *force, int32_t month,
		    struct strbuf *out, struct err *e)
{
	return force_rows(rm, force, month, -1, out, e);
}
