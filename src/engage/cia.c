/*
 * cia.c - community impact assessments (see cia.h).
 */
#include "engage/cia.h"

#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/timeutil.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#define RECORD_KIND "impact_assessment"

const char *const cia_confidence_levels[] = { "high", "medium", "low", "unknown", NULL };

static int require_confidence(const char *v, struct err *e)
{
	for (int i = 0; cia_confidence_levels[i]; i++)
		if (v && !strcmp(v, cia_confidence_levels[i]))
			return 0;
	return err_set(e, ERR_INVALID, "confidence: \"%s\" is not high, medium, low or unknown",
		       v ? v : "");
}

/* The day `days` after today, Europe/London, as YYYY-MM-DD. */
static void day_after(int days, char out[11])
{
	eng_day_of(time_now() + (int64_t)days * 86400, out);
}

static int check(struct store *s, const struct cia_input *in, struct err *e)
{
	int rc;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_text("incident", in->incident, 4000, e)) < 0 ||
	    (rc = eng_require_text("communities", in->communities, 2000, e)) < 0 ||
	    (rc = eng_require_text("information needed", in->information_needed, 2000, e)) < 0 ||
	    (rc = eng_require_text("information from", in->information_from, 1000, e)) < 0 ||
	    (rc = eng_require_text("overseen by", in->overseen_by, 200, e)) < 0 ||
	    (rc = eng_require_date("deadline", in->deadline, e)) < 0 ||
	    (rc = eng_optional_text("vulnerable", in->vulnerable, 4000, e)) < 0 ||
	    (rc = eng_optional_text("cross border", in->cross_border, 1000, e)) < 0 ||
	    (rc = require_confidence(in->confidence, e)) < 0)
		return rc;
	if (in->incident_at <= 0)
		return err_set(e, ERR_INVALID, "incident at: when it happened is required");
	if (in->review_days < 1 || in->review_days > 90)
		return err_set(e, ERR_INVALID, "review days: review at least every 90 days (1 to 90), "
			       "not %d", in->review_days);
	return 0;
}

int cia_add(struct store *s, const struct restricted_caller *c, const struct cia_input *in,
	    int64_t *id, struct err *e)
{
	struct store_value v[CIA_NCOLS];
	char next[11];
	int rc;

	if ((rc = restricted_allow(c, PERM_RECORD_RESTRICTED, in->force_id, in->neighbourhood_id,
				   e)) < 0 ||
	    (rc = check(s, in, e)) < 0)
		return rc;
	day_after(in->review_days, next);
	v[CIA_FORCE_ID] = SV_TEXT(in->force_id);
	v[CIA_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[CIA_INCIDENT] = SV_TEXT(in->incident);
	v[CIA_INCIDENT_AT] = SV_INT(in->incident_at);
	v[CIA_COMMUNITIES] = SV_TEXT(in->communities);
	v[CIA_INFORMATION_NEEDED] = SV_TEXT(in->information_needed);
	v[CIA_INFORMATION_FROM] = SV_TEXT(in->information_from);
	v[CIA_OVERSEEN_BY] = SV_TEXT(in->overseen_by);
	v[CIA_DEADLINE] = SV_TEXT(in->deadline);
	v[CIA_VULNERABLE] = SV_TEXT(in->vulnerable && *in->vulnerable ? in->vulnerable : NULL);
	v[CIA_CONFIDENCE] = SV_TEXT(in->confidence);
	v[CIA_REVIEW_DAYS] = SV_INT(in->review_days);
	v[CIA_NEXT_REVIEW] = SV_TEXT(next);
	v[CIA_CROSS_BORDER] = SV_TEXT(in->cross_border && *in->cross_border ? in->cross_border : NULL);
	v[CIA_STATUS] = SV_TEXT("open");
	v[CIA_CREATED_AT] = SV_INT(time_now());
	v[CIA_CREATED_BY] = SV_TEXT(c->actor);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_insert(s, &store_impact_assessments, v, id, e)) < 0 ||
	    (rc = restricted_audit(s, c, AUDIT_COLLECTION, RECORD_KIND, *id,
				   "community impact assessment after an incident", NULL, NULL, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		return rc;
	}
	return 0;
}

/* Reads assessment `id` and checks the caller may use it for `perm`. */
static int open_assessment(struct store *s, const struct restricted_caller *c, int64_t id,
			   int perm, struct eng_row *r, struct err *e)
{
	int rc = eng_row_get(s, &store_impact_assessments, id, r, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "impact assessment: there is no assessment %lld",
			       (long long)id);
	if (rc < 0)
		return rc;
	rc = restricted_allow(c, perm, r->v[CIA_FORCE_ID].s, r->v[CIA_NEIGHBOURHOOD_ID].s, e);
	if (rc < 0)
		eng_row_release(r);
	return rc;
}

static int overdue(const struct store_value *v, const char *today)
{
	return !strcmp(v[CIA_STATUS].s, "open") && strcmp(v[CIA_NEXT_REVIEW].s, today) < 0;
}

int cia_review_overdue(const struct store_value *a, const char *today)
{
	char now[11];

	if (!today) {
		eng_today(now);
		today = now;
	}
	return overdue(a, today);
}

int cia_may_open(struct store *s, const struct restricted_caller *c, int64_t id, struct err *e)
{
	struct eng_row r;
	int rc = open_assessment(s, c, id, PERM_VIEW_RESTRICTED, &r, e);

	if (rc == 0)
		eng_row_release(&r);
	return rc;
}

int cia_open(struct store *s, const struct restricted_caller *c, int64_t id, const char *purpose,
	     int (*fn)(void *ctx, const struct store_row *a),
	     int (*review_fn)(void *ctx, const struct store_row *r), void *ctx, struct err *e)
{
	struct store_where w = { CIAREV_ASSESSMENT_ID, SV_INT(id) };
	struct eng_row r;
	int rc;

	if ((rc = restricted_require_purpose(purpose, "a community impact assessment", e)) < 0 ||
	    (rc = open_assessment(s, c, id, PERM_VIEW_RESTRICTED, &r, e)) < 0)
		return rc;
	eng_row_release(&r);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_get(s, &store_impact_assessments, id, fn, ctx, e)) < 0 ||
	    (rc = store_row_find(s, &store_impact_reviews, &w, 1, review_fn, ctx, e)) < 0 ||
	    (rc = restricted_audit(s, c, AUDIT_CONSULTATION, RECORD_KIND, id, purpose, NULL, NULL,
				   e)) < 0 || (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		return rc < 0 ? rc : ERR_INTERNAL;
	}
	return 0;
}

struct show_json {
	struct json_writer jw;
	char today[11];
	int overdue, reviews;
};

static int show_assessment(void *ctx, const struct store_row *a)
{
	struct show_json *j = ctx;

	json_key(&j->jw, "assessment");
	restricted_row_json(&j->jw, &store_impact_assessments, a);
	j->overdue = overdue(a->v, j->today);
	json_key(&j->jw, "reviews");
	json_array_begin(&j->jw);
	return 0;
}

static int show_review(void *ctx, const struct store_row *r)
{
	restricted_row_json(&((struct show_json *)ctx)->jw, &store_impact_reviews, r);
	return 0;
}

int cia_show(struct store *s, const struct restricted_caller *c, int64_t id, const char *purpose,
	     struct strbuf *out, struct err *e)
{
	struct show_json j = { 0 };
	size_t start = out->len;
	int rc;

	eng_today(j.today);
	json_init(&j.jw, out);
	json_object_begin(&j.jw);
	if ((rc = cia_open(s, c, id, purpose, show_assessment, show_review, &j, e)) < 0) {
		out->len = start;
		if (out->buf)
			out->buf[start] = '\0';
		return rc;
	}
	json_array_end(&j.jw);
	json_key_bool(&j.jw, "review_overdue", j.overdue);
	json_object_end(&j.jw);
	return 0;
}

int cia_review(struct store *s, const struct restricted_caller *c, int64_t id,
	       const char *confidence, const char *notes, int close, struct err *e)
{
	struct store_value v[CIAREV_NCOLS];
	struct eng_row r;
	char next[11];
	int rc;

	if ((rc = require_confidence(confidence, e)) < 0 ||
	    (rc = eng_require_text("notes", notes, 4000, e)) < 0 ||
	    (rc = open_assessment(s, c, id, PERM_RECORD_RESTRICTED, &r, e)) < 0)
		return rc;
	if (strcmp(r.v[CIA_STATUS].s, "open")) {
		eng_row_release(&r);
		return err_set(e, ERR_INVALID, "impact assessment %lld is closed", (long long)id);
	}
	v[CIAREV_ASSESSMENT_ID] = SV_INT(id);
	v[CIAREV_REVIEWED_AT] = SV_INT(time_now());
	v[CIAREV_REVIEWED_BY] = SV_TEXT(c->actor);
	v[CIAREV_CONFIDENCE] = SV_TEXT(confidence);
	v[CIAREV_NOTES] = SV_TEXT(notes);
	day_after((int)r.v[CIA_REVIEW_DAYS].i, next);
	r.v[CIA_CONFIDENCE] = SV_TEXT(confidence);
	r.v[CIA_NEXT_REVIEW] = SV_TEXT(next);
	r.v[CIA_STATUS] = SV_TEXT(close ? "closed" : "open");
	if ((rc = store_begin(s, e)) < 0)
		goto done;
	if ((rc = store_row_insert(s, &store_impact_reviews, v, NULL, e)) < 0 ||
	    (rc = store_row_update(s, &store_impact_assessments, id, r.version, r.v, e)) < 0 ||
	    (rc = restricted_audit(s, c, AUDIT_ALTERATION, RECORD_KIND, id,
				   close ? "reviewed and closed" : "reviewed", NULL, NULL, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0)
		store_rollback(s);
done:
	eng_row_release(&r);
	return rc;
}

struct each_ctx {
	const struct restricted_caller *c;
	const char *today;
	int overdue_only;
	int (*fn)(void *ctx, const struct cia_summary *a);
	void *ctx;
};

static int each_row(void *ctx, const struct store_row *row)
{
	struct each_ctx *l = ctx;
	const struct store_value *v = row->v;
	struct err ignored = ERR_INIT;
	struct cia_summary a = { row->id, v[CIA_FORCE_ID].s, v[CIA_NEIGHBOURHOOD_ID].s,
				 v[CIA_STATUS].s, v[CIA_CONFIDENCE].s, v[CIA_DEADLINE].s,
				 v[CIA_NEXT_REVIEW].s, v[CIA_OVERSEEN_BY].s, overdue(v, l->today) };

	if ((l->overdue_only && !a.review_overdue) ||
	    restricted_allow(l->c, PERM_VIEW_RESTRICTED, a.force_id, a.nbhd_id, &ignored) < 0)
		return 0;
	return l->fn(l->ctx, &a);
}

int cia_each(struct store *s, const struct restricted_caller *c, const char *force_id,
	     const char *nbhd_id, const char *today, int overdue_only,
	     int (*fn)(void *ctx, const struct cia_summary *a), void *ctx, struct err *e)
{
	struct store_where w[2] = { { CIA_FORCE_ID, SV_TEXT(force_id) },
				    { CIA_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	char now[11];
	struct each_ctx l = { c, today, overdue_only, fn, ctx };
	int rc;

	if ((rc = restricted_allow(c, PERM_VIEW_RESTRICTED, force_id, nbhd_id, e)) < 0)
		return rc;
	if (!today) {
		eng_today(now);
		l.today = now;
	}
	rc = store_row_find(s, &store_impact_assessments, w, nbhd_id ? 2 : 1, each_row, &l, e);
	return rc < 0 ? rc : 0;
}

static int list_json(void *ctx, const struct cia_summary *a)
{
	struct json_writer *jw = ctx;

	json_object_begin(jw);
	json_key_int(jw, "id", a->id);
	json_key_str(jw, "force", a->force_id);
	json_key_str(jw, "neighbourhood", a->nbhd_id);
	json_key_str(jw, "status", a->status);
	json_key_str(jw, "confidence", a->confidence);
	json_key_str(jw, "deadline", a->deadline);
	json_key_str(jw, "next_review", a->next_review);
	json_key_bool(jw, "review_overdue", a->review_overdue);
	json_key_str(jw, "overseen_by", a->overseen_by);
	json_object_end(jw);
	return 0;
}

int cia_list(struct store *s, const struct restricted_caller *c, const char *force_id,
	     const char *nbhd_id, const char *today, int overdue_only, struct strbuf *out,
	     struct err *e)
{
	struct json_writer jw;
	int rc;

	if ((rc = restricted_allow(c, PERM_VIEW_RESTRICTED, force_id, nbhd_id, e)) < 0)
		return rc;
	json_init(&jw, out);
	json_array_begin(&jw);
	rc = cia_each(s, c, force_id, nbhd_id, today, overdue_only, list_json, &jw, e);
	json_array_end(&jw);
	return rc;
}
