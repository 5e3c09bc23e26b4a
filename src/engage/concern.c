/*
 * concern.c - raising, grouping and finding concerns (see concern.h).
 */
#include "engage/concern.h"

#include "base/timeutil.h"
#include "engage/audit.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

static uint64_t os_random(void *ctx)
{
	uint64_t v = 0;

	if (getrandom(&v, sizeof(v), 0) != (ssize_t)sizeof(v))
		v = 0;	/* checked by the caller: a zero draw is refused */
	return v;
}

static int check_input(struct store *s, const struct concern_input *in, int *category,
		       int *suggested, struct err *e)
{
	int rc;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_slug(channels, CH_COUNT, "channel", in->channel, e)) < 0 ||
	    (rc = eng_require_text("text", in->body, CONCERN_BODY_MAX, e)) < 0 ||
	    (rc = eng_optional_text("location", in->location_text, 200, e)) < 0)
		return rc;
	if (in->language && strcmp(in->language, "en") && strcmp(in->language, "cy"))
		return err_set(e, ERR_INVALID, "language: \"%s\" is not en or cy", in->language);
	if (in->has_location && (in->lat < 49 || in->lat > 61 || in->lng < -9 || in->lng > 2.5))
		return err_set(e, ERR_INVALID, "location: %.6f,%.6f is not in England or Wales",
			       in->lat, in->lng);
	*suggested = 0;
	if (in->category && *in->category) {
		rc = eng_require_slug(concern_categories, concern_category_count, "category",
				      in->category, e);
		if (rc < 0)
			return rc;
		*category = rc;
	} else {
		*category = concern_suggest_category(in->body, NULL);
		if (*category < 0)
			*category = vocab_find(concern_categories, concern_category_count, "other");
		*suggested = 1;
	}
	if (!in->anonymous) {
		if ((rc = eng_optional_text("name", in->name, 200, e)) < 0 ||
		    (rc = eng_optional_text("email", in->email, 254, e)) < 0 ||
		    (rc = eng_optional_text("phone", in->phone, 40, e)) < 0 ||
		    (rc = eng_optional_text("address", in->address, 400, e)) < 0)
			return rc;
		if (in->email && *in->email && !strchr(in->email, '@'))
			return err_set(e, ERR_INVALID, "email: is not an email address (it needs an @)");
		if (in->consent_contact && !(in->email && *in->email) && !(in->phone && *in->phone) &&
		    !(in->address && *in->address))
			return err_set(e, ERR_INVALID,
				       "consent: they agreed to be contacted, so give an email, phone or address");
	}
	if (in->ndemographics < 0 || in->ndemographics > CONCERN_MAX_DEMOGRAPHICS)
		return err_set(e, ERR_INVALID, "demographics: at most %d", CONCERN_MAX_DEMOGRAPHICS);
	for (int i = 0; i < in->ndemographics; i++) {
		const char *why;
		if (demographic_valid(in->demographics[i].measure, in->demographics[i].category, &why) < 0)
			return err_set(e, ERR_INVALID, "demographics: \"%s\" \"%s\": %s",
				       in->demographics[i].measure ? in->demographics[i].measure : "",
				       in->demographics[i].category ? in->demographics[i].category : "", why);
	}
	if (in->activity_id) {
		struct eng_row a;

		rc = eng_row_get(s, &store_activities, in->activity_id, &a, e);
		eng_row_release(&a);
		if (rc < 0)
			return rc == ERR_NOTFOUND ? err_set(e, ERR_INVALID, "activity: there is no activity %lld",
							    (long long)in->activity_id) : rc;
	}
	return 0;
}

struct group_probe {
	int64_t id;
};

static int first_group(void *ctx, const struct store_row *r)
{
	((struct group_probe *)ctx)->id = r->id;
	return 1;
}

/* The neighbourhood's group for this category, made when missing. */
static int find_or_make_group(struct store *s, const struct concern_input *in, int category,
			      int64_t now, int64_t *group_id, struct err *e)
{
	struct store_where w[3] = {
		{ CGROUP_FORCE_ID, SV_TEXT(in->force_id) },
		{ CGROUP_NEIGHBOURHOOD_ID, SV_TEXT(in->neighbourhood_id) },
		{ CGROUP_CATEGORY, SV_TEXT(concern_categories[category].slug) },
	};
	struct group_probe g = { 0 };
	struct store_value v[CGROUP_NCOLS];
	int rc = store_row_find(s, &store_concern_groups, w, 3, first_group, &g, e);

	if (rc < 0)
		return rc;
	if (g.id) {
		*group_id = g.id;
		return 0;
	}
	v[CGROUP_FORCE_ID] = SV_TEXT(in->force_id);
	v[CGROUP_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[CGROUP_CATEGORY] = SV_TEXT(concern_categories[category].slug);
	v[CGROUP_TITLE] = SV_TEXT(concern_categories[category].en);
	v[CGROUP_CREATED_AT] = SV_INT(now);
	return store_row_insert(s, &store_concern_groups, v, group_id, e);
}

static int insert_concern(struct store *s, const struct concern_input *in, int category,
			  int suggested, const char *reference, int64_t group_id, int64_t now,
			  int64_t *id, struct err *e)
{
	struct store_value v[CONCERN_NCOLS];

	v[CONCERN_REFERENCE] = SV_TEXT(reference);
	v[CONCERN_FORCE_ID] = SV_TEXT(in->force_id);
	v[CONCERN_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[CONCERN_CHANNEL] = SV_TEXT(in->channel);
	v[CONCERN_CATEGORY] = SV_TEXT(concern_categories[category].slug);
	v[CONCERN_CATEGORY_CONFIRMED] = SV_INT(!suggested);
	v[CONCERN_BODY] = SV_TEXT(in->body);
	v[CONCERN_LANGUAGE] = SV_TEXT(in->language ? in->language : "en");
	v[CONCERN_LAT] = in->has_location ? SV_REAL(in->lat) : SV_NULL;
	v[CONCERN_LNG] = in->has_location ? SV_REAL(in->lng) : SV_NULL;
	v[CONCERN_LOCATION_TEXT] = SV_TEXT(in->location_text && *in->location_text ? in->location_text : NULL);
	v[CONCERN_ANONYMOUS] = SV_INT(in->anonymous ? 1 : 0);
	v[CONCERN_ACTIVITY_ID] = in->activity_id ? SV_INT(in->activity_id) : SV_NULL;
	v[CONCERN_GROUP_ID] = SV_INT(group_id);
	v[CONCERN_STATUS] = SV_TEXT("open");
	v[CONCERN_RAISED_AT] = SV_INT(in->raised_at ? in->raised_at : now);
	v[CONCERN_CREATED_AT] = SV_INT(now);
	v[CONCERN_CREATED_BY] = SV_TEXT(in->created_by ? in->created_by : "unknown");
	return store_row_insert(s, &store_concerns, v, id, e);
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* The collection of a raiser's details, logged in the raise's transaction. */
static int audit_collection(struct store *s, const struct concern_input *in, int64_t id,
			    int64_t now, struct err *e)
{
	struct audit_entry a = {
		.at = now,
		.actor = in->created_by ? in->created_by : "unknown",
		.op = AUDIT_COLLECTION,
		.record_kind = "concern_contact",
		.record_id = id,
		.purpose = in->consent_contact ? "raised a concern; consented to be contacted about it"
					       : "raised a concern",
		.detail = in->consent_contact ? "with consent to contact" : "no consent to contact",
	};

	return audit_record(s, &a, NULL, e);
}

static int insert_personal(struct store *s, const struct concern_input *in, int64_t id,
			   int64_t now, struct err *e)
{
	struct store_value v[CONTACT_NCOLS];
	int rc;

	if (!in->anonymous && (or_null(in->name) || or_null(in->email) || or_null(in->phone) ||
			       or_null(in->address))) {
		v[CONTACT_CONCERN_ID] = SV_INT(id);
		v[CONTACT_NAME] = SV_TEXT(or_null(in->name));
		v[CONTACT_EMAIL] = SV_TEXT(or_null(in->email));
		v[CONTACT_PHONE] = SV_TEXT(or_null(in->phone));
		v[CONTACT_ADDRESS] = SV_TEXT(or_null(in->address));
		v[CONTACT_CONSENT_CONTACT] = SV_INT(in->consent_contact ? 1 : 0);
		v[CONTACT_CONSENT_PURPOSE] = SV_TEXT(in->consent_contact ?
			(or_null(in->consent_purpose) ? in->consent_purpose :
			 "to be told what happened about this concern") : NULL);
		v[CONTACT_CONSENT_AT] = in->consent_contact ? SV_INT(now) : SV_NULL;
		if ((rc = store_row_insert(s, &store_concern_contacts, v, NULL, e)) < 0 ||
		    (rc = audit_collection(s, in, id, now, e)) < 0)
			return rc;
	}
	for (int i = 0; i < in->ndemographics; i++) {
		struct store_value d[CDEM_NCOLS] = {
			[CDEM_CONCERN_ID] = SV_INT(id),
			[CDEM_MEASURE] = SV_TEXT(in->demographics[i].measure),
			[CDEM_CATEGORY] = SV_TEXT(in->demographics[i].category),
		};
		if ((rc = store_row_insert(s, &store_concern_demographics, d, NULL, e)) < 0)
			return err_prefix(e, "demographics %d", i + 1);
	}
	return 0;
}

int concern_raise(struct store *s, const struct concern_input *in,
		  uint64_t (*random_source)(void *), void *random_ctx,
		  struct concern_result *out, struct err *e)
{
	return concern_raise_at(s, in, random_source, random_ctx, time_now(), out, e);
}

int concern_raise_at(struct store *s, const struct concern_input *in,
		     uint64_t (*random_source)(void *), void *random_ctx, int64_t now,
		     struct concern_result *out, struct err *e)
{
	int64_t group_id = 0, id = 0;
	int category = 0, suggested = 0, rc, tries;
	char reference[REF_LEN + 1];

	memset(out, 0, sizeof(*out));
	if ((rc = check_input(s, in, &category, &suggested, e)) < 0)
		return rc;
	if (!random_source)
		random_source = os_random;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = find_or_make_group(s, in, category, now, &group_id, e)) < 0)
		goto fail;
	/* 40 random bits: a clash is rare; try again rather than fail */
	for (tries = 0; tries < 5; tries++) {
		uint64_t r = random_source(random_ctx) & ((1ULL << 40) - 1);

		if (!r) {
			rc = err_set(e, ERR_INTERNAL, "no random numbers for a reference");
			goto fail;
		}
		reference_format(r, reference);
		rc = insert_concern(s, in, category, suggested, reference, group_id, now, &id, e);
		if (rc != ERR_CONFLICT)
			break;
	}
	if (rc < 0 || (rc = insert_personal(s, in, id, now, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0)
		goto fail;
	out->id = id;
	memcpy(out->reference, reference, sizeof(reference));
	snprintf(out->category, sizeof(out->category), "%s", concern_categories[category].slug);
	out->category_suggested = suggested;
	out->group_id = group_id;
	return 0;
fail:
	store_rollback(s);
	return rc;
}

int concern_regroup(struct store *s, int64_t concern_id, int64_t version, int64_t group_id,
		    struct err *e)
{
	struct eng_row c, g;
	int rc;

	if ((rc = eng_row_get(s, &store_concerns, concern_id, &c, e)) < 0)
		return rc;
	if ((rc = eng_row_get(s, &store_concern_groups, group_id, &g, e)) < 0)
		goto done;
	if (strcmp(c.v[CONCERN_FORCE_ID].s, g.v[CGROUP_FORCE_ID].s) ||
	    strcmp(c.v[CONCERN_NEIGHBOURHOOD_ID].s, g.v[CGROUP_NEIGHBOURHOOD_ID].s)) {
		rc = err_set(e, ERR_INVALID, "group: %lld belongs to another neighbourhood",
			     (long long)group_id);
		goto done;
	}
	c.v[CONCERN_GROUP_ID] = SV_INT(group_id);
	rc = store_row_update(s, &store_concerns, concern_id, version ? version : c.version, c.v, e);
done:
	eng_row_release(&c);
	eng_row_release(&g);
	return rc;
}

int concern_set_category(struct store *s, int64_t concern_id, int64_t version,
			 const char *category, struct err *e)
{
	struct eng_row c;
	int rc = eng_require_slug(concern_categories, concern_category_count, "category", category, e);

	if (rc < 0)
		return rc;
	if ((rc = eng_row_get(s, &store_concerns, concern_id, &c, e)) < 0)
		return rc;
	c.v[CONCERN_CATEGORY] = SV_TEXT(category);
	c.v[CONCERN_CATEGORY_CONFIRMED] = SV_INT(1);
	rc = store_row_update(s, &store_concerns, concern_id, version ? version : c.version, c.v, e);
	eng_row_release(&c);
	return rc;
}

/* --- the public view ------------------------------------------------------ */

struct group_tally {
	int people;
	unsigned channels;	/* a bit per channel */
};

static int tally_concern(void *ctx, const struct store_row *r)
{
	struct group_tally *t = ctx;
	int ch = vocab_find(channels, CH_COUNT, r->v[CONCERN_CHANNEL].s);

	t->people++;
	if (ch >= 0)
		t->channels |= 1u << ch;
	return 0;
}

int concern_group_counts(struct store *s, int64_t group_id, int *people, int *nchannels,
			 struct err *e)
{
	struct store_where w = { CONCERN_GROUP_ID, SV_INT(group_id) };
	struct group_tally t = { 0, 0 };
	int rc = store_row_find(s, &store_concerns, &w, 1, tally_concern, &t, e);

	if (rc < 0)
		return rc;
	*people = t.people;
	*nchannels = __builtin_popcount(t.channels);
	return 0;
}

static int latest_priority(void *ctx, const struct store_row *r)
{
	struct concern_public *p = ctx;

	p->priority_id = r->id;	/* rows come in id order: the last is the newest */
	snprintf(p->priority_status, sizeof(p->priority_status), "%s", r->v[PRIORITY_STATUS].s);
	snprintf(p->priority_title, sizeof(p->priority_title), "%s", r->v[PRIORITY_PUBLIC_TEXT].s);
	return 0;
}

static int latest_feedback(void *ctx, const struct store_row *r)
{
	struct concern_public *p = ctx;

	snprintf(p->feedback_outcome, sizeof(p->feedback_outcome), "%s", r->v[FEEDBACK_OUTCOME].s);
	snprintf(p->feedback_reason, sizeof(p->feedback_reason), "%s",
		 r->v[FEEDBACK_REASON].s ? r->v[FEEDBACK_REASON].s : "");
	snprintf(p->feedback_text, sizeof(p->feedback_text), "%s", r->v[FEEDBACK_PUBLIC_TEXT].s);
	p->feedback_at = r->v[FEEDBACK_CREATED_AT].i;
	return 0;
}

static int public_fields(void *ctx, const struct store_row *r)
{
	struct concern_public *p = ctx;

	p->id = r->id;
	snprintf(p->reference, sizeof(p->reference), "%s", r->v[CONCERN_REFERENCE].s);
	snprintf(p->force_id, sizeof(p->force_id), "%s", r->v[CONCERN_FORCE_ID].s);
	snprintf(p->neighbourhood_id, sizeof(p->neighbourhood_id), "%s", r->v[CONCERN_NEIGHBOURHOOD_ID].s);
	snprintf(p->category, sizeof(p->category), "%s", r->v[CONCERN_CATEGORY].s);
	snprintf(p->channel, sizeof(p->channel), "%s", r->v[CONCERN_CHANNEL].s);
	snprintf(p->status, sizeof(p->status), "%s", r->v[CONCERN_STATUS].s);
	p->raised_at = r->v[CONCERN_RAISED_AT].i;
	p->group_id = r->v[CONCERN_GROUP_ID].null ? 0 : r->v[CONCERN_GROUP_ID].i;
	return 1;
}

int concern_find_public(struct store *s, const char *typed, struct concern_public *out,
			struct err *e)
{
	char ref[REF_LEN + 1];
	struct store_where w = { CONCERN_REFERENCE, SV_TEXT(ref) };
	int64_t id, group;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!typed || reference_normalise(typed, ref) < 0)
		return err_set(e, ERR_INVALID,
			       "reference: \"%s\" is not a reference (they look like ENG-7K3Q-9XFMT); check it and try again",
			       typed ? typed : "");
	if ((rc = store_row_find(s, &store_concerns, &w, 1, public_fields, out, e)) < 0)
		return rc;
	/* An unknown reference makes the same lookups as a known one, on ids no
	 * row has, so the answer's timing does not tell which references exist. */
	id = out->id ? out->id : -1;
	group = out->id ? out->group_id : -1;
	if (group) {
		struct store_where pw = { PRIORITY_GROUP_ID, SV_INT(group) };

		if ((rc = concern_group_counts(s, group, &out->group_people,
					       &out->group_channels, e)) < 0 ||
		    (rc = store_row_find(s, &store_priorities, &pw, 1, latest_priority, out, e)) < 0)
			return rc;
	}
	{
		struct store_where fw[2] = {
			{ FEEDBACK_SUBJECT_KIND, SV_TEXT("concern") },
			{ FEEDBACK_SUBJECT_ID, SV_INT(id) },
		};
		rc = store_row_find(s, &store_feedback, fw, 2, latest_feedback, out, e);
	}
	if (rc == 0 && !out->id) {
		memset(out, 0, sizeof(*out));
		return err_set(e, ERR_NOTFOUND, "reference: no concern %s on this Engage", ref);
	}
	return rc < 0 ? rc : 0;
}

/* --- the raiser's details: restricted ------------------------------------------ */

static void copy_text(char *dst, size_t n, const struct store_value *v)
{
	snprintf(dst, n, "%s", v->null || !v->s ? "" : v->s);
}

static int contact_fields(void *ctx, const struct store_row *r)
{
	struct concern_contact *out = ctx;
	const struct store_value *v = r->v;

	copy_text(out->name, sizeof(out->name), &v[CONTACT_NAME]);
	copy_text(out->email, sizeof(out->email), &v[CONTACT_EMAIL]);
	copy_text(out->phone, sizeof(out->phone), &v[CONTACT_PHONE]);
	copy_text(out->address, sizeof(out->address), &v[CONTACT_ADDRESS]);
	out->consent_contact = (int)v[CONTACT_CONSENT_CONTACT].i;
	copy_text(out->consent_purpose, sizeof(out->consent_purpose), &v[CONTACT_CONSENT_PURPOSE]);
	out->consent_at = v[CONTACT_CONSENT_AT].null ? 0 : v[CONTACT_CONSENT_AT].i;
	out->concern_id = v[CONTACT_CONCERN_ID].i;
	return 1;
}

int concern_contact_open(struct store *s, int64_t concern_id, const struct audit_actor *by,
			 const char *purpose, struct concern_contact *out, struct err *e)
{
	struct store_where w = { CONTACT_CONCERN_ID, SV_INT(concern_id) };
	struct concern_contact got;
	struct audit_entry a = {
		.actor = by ? by->id : NULL,
		.actor_role = by ? by->role : NULL,
		.op = AUDIT_CONSULTATION,
		.record_kind = "concern_contact",
		.record_id = concern_id,
		.purpose = purpose,
	};
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&got, 0, sizeof(got));
	if (!purpose || !*purpose)
		return err_set(e, ERR_INVALID, "purpose: say why you need the contact details of "
			       "concern %lld; every look is logged with its reason", (long long)concern_id);
	if (!by || !by->id || !*by->id)
		return err_set(e, ERR_INVALID, "actor: say who is looking at the contact details of "
			       "concern %lld", (long long)concern_id);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_find(s, &store_concern_contacts, &w, 1, contact_fields, &got, e)) < 0)
		goto fail;
	if (!got.concern_id) {
		rc = err_set(e, ERR_NOTFOUND, "concern %lld: no contact details are held "
			     "(anonymous, or no such concern)", (long long)concern_id);
		goto fail;
	}
	if ((rc = audit_record(s, &a, NULL, e)) < 0 || (rc = store_commit(s, e)) < 0)
		goto fail;
	*out = got;
	return 0;
fail:
	store_rollback(s);
	return rc;
}
