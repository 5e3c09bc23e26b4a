/*
 * sharing.c - information-sharing agreements and partner data (see
 * sharing.h).
 */
#include "engage/sharing.h"

#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

const char *const sharing_sources[] = { "environmental-health", "trading-standards", "licensing",
					"housing", "park-rangers", "other", NULL };

/* Whether comma-separated `list` holds `slug`. */
static int list_has(const char *list, const char *slug)
{
	size_t n = strlen(slug);

	for (const char *p = list; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == n && !strncmp(p, slug, n))
			return 1;
		p = comma ? comma + 1 : p + len;
	}
	return 0;
}

static int check_categories(const char *field, const char *list, struct err *e)
{
	char slug[64];

	if (!list)
		return err_set(e, ERR_INVALID, "%s: list the concern categories (may be empty)", field);
	for (const char *p = list; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		snprintf(slug, sizeof(slug), "%.*s", (int)(len < 63 ? len : 63), p);
		if (vocab_find(concern_categories, concern_category_count, slug) < 0)
			return err_set(e, ERR_INVALID, "%s: \"%s\" is not a concern category", field, slug);
		p = comma ? comma + 1 : p + len;
	}
	return 0;
}

int sharing_agree(struct store *s, const struct restricted_caller *c,
		  const struct sharing_input *in, int64_t *id, struct err *e)
{
	struct store_value v[ISA_NCOLS];
	int rc;

	if ((rc = restricted_allow(c, PERM_MANAGE_SHARING, in->force_id, NULL, e)) < 0 ||
	    (rc = eng_require_text("partner organisation", in->partner_org, 200, e)) < 0 ||
	    (rc = eng_require_text("title", in->title, 200, e)) < 0 ||
	    (rc = check_categories("may see", in->may_see, e)) < 0 ||
	    (rc = check_categories("may submit", in->may_submit, e)) < 0 ||
	    (rc = eng_require_date("starts", in->starts, e)) < 0 ||
	    (rc = eng_require_date("ends", in->ends, e)) < 0 ||
	    (rc = eng_require_text("signed by", in->signed_by, 200, e)) < 0)
		return rc;
	if (strcmp(in->ends, in->starts) < 0)
		return err_set(e, ERR_INVALID, "ends: the agreement cannot end before it starts");
	v[ISA_FORCE_ID] = SV_TEXT(in->force_id);
	v[ISA_PARTNER_ORG] = SV_TEXT(in->partner_org);
	v[ISA_TITLE] = SV_TEXT(in->title);
	v[ISA_MAY_SEE] = SV_TEXT(in->may_see);
	v[ISA_MAY_SUBMIT] = SV_TEXT(in->may_submit);
	v[ISA_STARTS] = SV_TEXT(in->starts);
	v[ISA_ENDS] = SV_TEXT(in->ends);
	v[ISA_SIGNED_BY] = SV_TEXT(in->signed_by);
	v[ISA_CREATED_AT] = SV_INT(time_now());
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_insert(s, &store_sharing_agreements, v, id, e)) < 0 ||
	    (rc = restricted_audit(s, c, AUDIT_COLLECTION, "sharing_agreement", *id,
				   "information-sharing agreement recorded", NULL, in->partner_org,
				   e)) < 0 || (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		return rc;
	}
	return 0;
}

static int in_force(const struct store_value *v, const char *today)
{
	return strcmp(v[ISA_STARTS].s, today) <= 0 && strcmp(today, v[ISA_ENDS].s) <= 0;
}

struct agreements_json {
	struct json_writer *jw;
	const char *today;
};

static int agreement_row(void *ctx, const struct store_row *r)
{
	struct agreements_json *a = ctx;

	json_object_begin(a->jw);
	json_key_int(a->jw, "id", r->id);
	for (int i = 0; i < ISA_NCOLS; i++) {
		json_key(a->jw, store_sharing_agreements.cols[i].name);
		if (i == ISA_CREATED_AT)
			json_int(a->jw, r->v[i].i);
		else
			json_str(a->jw, r->v[i].s);
	}
	json_key_bool(a->jw, "in_force", in_force(r->v, a->today));
	json_object_end(a->jw);
	return 0;
}

int sharing_list(struct store *s, const struct restricted_caller *c, const char *force_id,
		 const char *today, struct strbuf *out, struct err *e)
{
	/* the team reads every agreement of its force; a partner only those
	 * that bind its own organisation */
	int partner = c->partner_org && *c->partner_org;
	struct store_where w[2] = { { ISA_FORCE_ID, SV_TEXT(force_id) },
				    { ISA_PARTNER_ORG, SV_TEXT(partner ? c->partner_org : NULL) } };
	struct json_writer jw;
	char now[11];
	struct agreements_json a = { &jw, today };
	int rc;

	if (!today) {
		eng_today(now);
		a.today = now;
	}
	if ((rc = restricted_allow(c, PERM_VIEW_INTERNAL, force_id, NULL, e)) < 0)
		return rc;
	json_init(&jw, out);
	json_array_begin(&jw);
	rc = store_row_find(s, &store_sharing_agreements, w, partner ? 2 : 1, agreement_row, &a, e);
	json_array_end(&jw);
	return rc < 0 ? rc : 0;
}

/* The agreements in force of a partner organisation, for `category` seen
 * (col ISA_MAY_SEE) or submitted (ISA_MAY_SUBMIT). */
struct agreement_pick {
	const char *today, *category;
	int col;
	int64_t id;
	char may_see[1024];
};

static int pick_agreement(void *ctx, const struct store_row *r)
{
	struct agreement_pick *p = ctx;

	if (!in_force(r->v, p->today))
		return 0;
	if (p->category && !list_has(r->v[p->col].s, p->category))
		return 0;
	if (!p->id)
		p->id = r->id;
	/* for seeing: the union of every agreement in force */
	size_t used = strlen(p->may_see);

	snprintf(p->may_see + used, sizeof(p->may_see) - used, "%s%s", used ? "," : "",
		 r->v[ISA_MAY_SEE].s);
	return 0;
}

static int find_agreement(struct store *s, const char *force_id, const char *org,
			  struct agreement_pick *p, struct err *e)
{
	struct store_where w[2] = { { ISA_FORCE_ID, SV_TEXT(force_id) },
				    { ISA_PARTNER_ORG, SV_TEXT(org) } };
	char today[11];

	eng_today(today);
	p->today = today;
	return store_row_find(s, &store_sharing_agreements, w, 2, pick_agreement, p, e);
}

static int partner_org_of(const struct restricted_caller *c, struct err *e)
{
	if (!c->partner_org || !*c->partner_org)
		return err_set(e, ERR_DENIED, "only a partner organisation submits or sees shared data "
			       "under an agreement");
	return 0;
}

int sharing_submit(struct store *s, const struct restricted_caller *c,
		   const struct submission_input *in, int64_t *id, int64_t *agreement,
		   struct err *e)
{
	struct agreement_pick p = { .category = in->category, .col = ISA_MAY_SUBMIT };
	struct store_value v[PSUB_NCOLS];
	char purpose[64];
	int known = 0, rc;

	for (int i = 0; sharing_sources[i]; i++)
		known |= in->source && !strcmp(in->source, sharing_sources[i]);
	if ((rc = partner_org_of(c, e)) < 0 ||
	    (rc = restricted_allow(c, PERM_SUBMIT_PARTNER_DATA, in->force_id, in->neighbourhood_id,
				   e)) < 0 ||
	    (rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_text("summary", in->summary, 4000, e)) < 0 ||
	    (rc = eng_optional_text("location", in->location_text, 400, e)) < 0)
		return rc;
	if (!known)
		return err_set(e, ERR_INVALID, "source: \"%s\" is not environmental-health, "
			       "trading-standards, licensing, housing, park-rangers or other",
			       in->source ? in->source : "");
	if (vocab_find(concern_categories, concern_category_count, in->category) < 0)
		return err_set(e, ERR_INVALID, "category: \"%s\" is not a concern category",
			       in->category ? in->category : "");
	if (in->occurred_at <= 0)
		return err_set(e, ERR_INVALID, "occurred at: when it happened is required");
	if ((rc = find_agreement(s, in->force_id, c->partner_org, &p, e)) < 0)
		return rc;
	if (!p.id)
		return err_set(e, ERR_DENIED, "no agreement in force lets %s submit \"%s\"",
			       c->partner_org, in->category ? in->category : "");
	v[PSUB_AGREEMENT_ID] = SV_INT(p.id);
	v[PSUB_FORCE_ID] = SV_TEXT(in->force_id);
	v[PSUB_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[PSUB_SOURCE] = SV_TEXT(in->source);
	v[PSUB_CATEGORY] = SV_TEXT(in->category);
	v[PSUB_OCCURRED_AT] = SV_INT(in->occurred_at);
	v[PSUB_LOCATION_TEXT] = SV_TEXT(in->location_text && *in->location_text ? in->location_text : NULL);
	v[PSUB_SUMMARY] = SV_TEXT(in->summary);
	v[PSUB_SUBMITTED_AT] = SV_INT(time_now());
	v[PSUB_SUBMITTED_BY] = SV_TEXT(c->actor);
	snprintf(purpose, sizeof(purpose), "submitted under agreement %lld", (long long)p.id);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_insert(s, &store_partner_submissions, v, id, e)) < 0 ||
	    (rc = restricted_audit(s, c, AUDIT_COLLECTION, "partner_submission", *id, purpose, NULL,
				   NULL, e)) < 0 || (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		return rc;
	}
	*agreement = p.id;
	return 0;
}

struct submissions_each {
	struct store *s;
	const char *org;	/* a partner's own only; NULL for the team */
	int (*fn)(void *ctx, const struct store_row *r);
	void *ctx;
};

static int agreement_org(void *ctx, const struct store_row *r)
{
	snprintf(ctx, 201, "%s", r->v[ISA_PARTNER_ORG].s);
	return 0;
}

static int submission_row(void *ctx, const struct store_row *r)
{
	struct submissions_each *j = ctx;
	char org[201] = "";
	struct err e = ERR_INIT;

	if (store_row_get(j->s, &store_sharing_agreements, r->v[PSUB_AGREEMENT_ID].i, agreement_org,
			  org, &e) < 0)
		return -1;
	if (j->org && strcmp(org, j->org))
		return 0;
	return j->fn(j->ctx, r);
}

int sharing_submissions_each(struct store *s, const struct restricted_caller *c,
			     const char *force_id, const char *nbhd_id,
			     int (*fn)(void *ctx, const struct store_row *r), void *ctx,
			     struct err *e)
{
	struct store_where w[2] = { { PSUB_FORCE_ID, SV_TEXT(force_id) },
				    { PSUB_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct submissions_each j = { s, c->partner_org && *c->partner_org ? c->partner_org : NULL,
				      fn, ctx };
	int rc;

	if ((rc = restricted_allow(c, j.org ? PERM_SUBMIT_PARTNER_DATA : PERM_VIEW_INTERNAL,
				   force_id, nbhd_id, e)) < 0)
		return rc;
	rc = store_row_find(s, &store_partner_submissions, w, 2, submission_row, &j, e);
	return rc < 0 ? rc : 0;
}

static int submission_json(void *ctx, const struct store_row *r)
{
	restricted_row_json(ctx, &store_partner_submissions, r);
	return 0;
}

int sharing_submissions(struct store *s, const struct restricted_caller *c,
			const char *force_id, const char *nbhd_id, struct strbuf *out,
			struct err *e)
{
	struct json_writer jw;
	size_t start = out->len;
	int rc;

	json_init(&jw, out);
	json_array_begin(&jw);
	rc = sharing_submissions_each(s, c, force_id, nbhd_id, submission_json, &jw, e);
	json_array_end(&jw);
	if (rc < 0)
		strbuf_setlen(out, start);
	return rc;
}

struct shared_concerns {
	const char *may_see;
	int64_t *ids;
	size_t n, cap;
	int (*fn)(void *ctx, const struct shared_concern *sc);
	void *ctx;
};

static int shared_concern_row(void *ctx, const struct store_row *r)
{
	struct shared_concerns *sc = ctx;
	const struct store_value *v = r->v;
	struct shared_concern out = {
		v[CONCERN_REFERENCE].s, v[CONCERN_NEIGHBOURHOOD_ID].s, v[CONCERN_CATEGORY].s,
		v[CONCERN_CHANNEL].s, v[CONCERN_BODY].s,
		v[CONCERN_LOCATION_TEXT].null ? NULL : v[CONCERN_LOCATION_TEXT].s,
		v[CONCERN_STATUS].s, v[CONCERN_RAISED_AT].i,
	};

	if (!list_has(sc->may_see, v[CONCERN_CATEGORY].s))
		return 0;
	if (xgrow(&sc->ids, &sc->cap, sc->n + 1, sizeof(*sc->ids)))
		return -1;
	sc->ids[sc->n++] = r->id;
	return sc->fn(sc->ctx, &out);
}

int sharing_concerns_each(struct store *s, const struct restricted_caller *c,
			  const char *force_id, const char *nbhd_id,
			  int (*fn)(void *ctx, const struct shared_concern *sc), void *ctx,
			  struct err *e)
{
	struct store_where w[2] = { { CONCERN_FORCE_ID, SV_TEXT(force_id) },
				    { CONCERN_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct agreement_pick p = { .col = ISA_MAY_SEE };
	struct shared_concerns sc = { NULL, NULL, 0, 0, fn, ctx };
	char recipient[240], purpose[64];
	int rc;

	if ((rc = partner_org_of(c, e)) < 0 ||
	    (rc = restricted_allow(c, PERM_VIEW_INTERNAL, force_id, nbhd_id, e)) < 0 ||
	    (rc = find_agreement(s, force_id, c->partner_org, &p, e)) < 0)
		return rc;
	if (!p.id)
		return err_set(e, ERR_DENIED, "no agreement in force lets %s see concerns", c->partner_org);
	sc.may_see = p.may_see;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	rc = store_row_find(s, &store_concerns, w, 2, shared_concern_row, &sc, e);
	snprintf(recipient, sizeof(recipient), "partner: %s", c->partner_org);
	snprintf(purpose, sizeof(purpose), "shared under agreement %lld", (long long)p.id);
	for (size_t i = 0; rc >= 0 && i < sc.n; i++)
		rc = restricted_audit(s, c, AUDIT_DISCLOSURE, "concern", sc.ids[i], purpose, recipient,
				      NULL, e);
	if (rc < 0 || (rc = store_commit(s, e)) < 0)
		store_rollback(s);
	xfree(sc.ids);
	return rc < 0 ? rc : 0;
}

static int shared_concern_json(void *ctx, const struct shared_concern *c)
{
	struct json_writer *jw = ctx;

	json_object_begin(jw);
	json_key_str(jw, "reference", c->reference);
	json_key_str(jw, "neighbourhood", c->nbhd_id);
	json_key_str(jw, "category", c->category);
	json_key_str(jw, "channel", c->channel);
	json_key_str(jw, "text", c->text);
	json_key_str(jw, "location", c->location);
	json_key_str(jw, "status", c->status);
	json_key_int(jw, "raised_at", c->raised_at);
	json_object_end(jw);
	return 0;
}

int sharing_concerns(struct store *s, const struct restricted_caller *c, const char *force_id,
		     const char *nbhd_id, struct strbuf *out, struct err *e)
{
	struct json_writer jw;
	size_t start = out->len;
	int rc;

	json_init(&jw, out);
	json_array_begin(&jw);
	rc = sharing_concerns_each(s, c, force_id, nbhd_id, shared_concern_json, &jw, e);
	json_array_end(&jw);
	if (rc < 0)
		strbuf_setlen(out, start);
	return rc;
}
