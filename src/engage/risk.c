/*
 * risk.c - vulnerability and repeat-victim risk assessment (see risk.h).
 */
#include "engage/risk.h"

#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#define RECORD_KIND "risk_person"

const struct risk_factor risk_factors[] = {
	{ "learning-disability", "health", "Learning disability", "Anabledd dysgu" },
	{ "physical-disability-illness", "health", "Physical disability or illness",
	  "Anabledd corfforol neu salwch" },
	{ "mental-health", "health", "Mental health", "Iechyd meddwl" },
	{ "drug-alcohol-misuse", "health", "Drug or alcohol misuse", "Camddefnyddio cyffuriau neu alcohol" },
	{ "gender-identity", "equality", "Gender or gender identity", "Rhywedd neu hunaniaeth o ran rhywedd" },
	{ "sexual-orientation", "equality", "Sexual orientation", "Cyfeiriadedd rhywiol" },
	{ "ethnicity-language", "equality", "Ethnic background, including language",
	  "Cefndir ethnig, gan gynnwys iaith" },
	{ "age", "equality", "Age", "Oedran" },
	{ "disability", "equality", "Disability", "Anabledd" },
	{ "religion-belief", "equality", "Religion or belief", "Crefydd neu gred" },
	{ "deprivation", "economic", "Deprivation", "Amddifadedd" },
	{ "unemployment-education", "economic", "Unemployment or poor education",
	  "Diweithdra neu addysg wael" },
	{ "poor-housing", "economic", "Poor housing", "Tai gwael" },
	{ "social-isolation", "personal", "Social isolation", "Unigrwydd cymdeithasol" },
	{ "poor-social-skills", "personal", "Poor social skills", "Sgiliau cymdeithasol gwael" },
	{ "history-of-offending", "personal", "History of offending", "Hanes o droseddu" },
	{ "self-neglect", "personal", "Self-neglect", "Hunan-esgeulustod" },
	{ "overcrowding", "personal", "Overcrowding", "Gorlenwi" },
	{ "affected-by-asb", "personal", "Affected by anti-social behaviour",
	  "Wedi'i effeithio gan ymddygiad gwrthgymdeithasol" },
	{ "child-protection", "family", "Child protection", "Amddiffyn plant" },
	{ "children-in-need-or-care", "family", "Children in need or in care",
	  "Plant mewn angen neu mewn gofal" },
	{ "domestic-abuse", "family", "Domestic abuse", "Cam-drin domestig" },
	{ "carer-vulnerabilities", "family",
	  "Carers with mental health, drug, alcohol or offending history",
	  "Gofalwyr â hanes iechyd meddwl, cyffuriau, alcohol neu droseddu" },
};
const int risk_factor_count = (int)(sizeof(risk_factors) / sizeof(risk_factors[0]));

static const char *const levels[] = { "standard", "medium", "high", NULL };

/* Every comma-separated slug is a known factor, none twice. */
static int check_factors(const char *list, struct err *e)
{
	const char *p = list ? list : "";

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		int known = 0;

		for (int i = 0; i < risk_factor_count && !known; i++)
			known = strlen(risk_factors[i].slug) == n && !strncmp(risk_factors[i].slug, p, n);
		if (!known)
			return err_set(e, ERR_INVALID, "factors: \"%.*s\" is not a factor (engage help risk "
				       "lists them)", (int)(n > 60 ? 60 : n), p);
		p = comma ? comma + 1 : p + n;
	}
	return 0;
}

static int check(struct store *s, const struct risk_contact_input *in, struct err *e)
{
	int rc, known = 0;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_text("incident", in->incident, 4000, e)) < 0 ||
	    (rc = eng_optional_text("notes", in->notes, 4000, e)) < 0 ||
	    (rc = check_factors(in->factors, e)) < 0)
		return rc;
	for (int i = 0; levels[i]; i++)
		known |= in->risk_level && !strcmp(in->risk_level, levels[i]);
	if (!known)
		return err_set(e, ERR_INVALID, "risk level: \"%s\" is not standard, medium or high",
			       in->risk_level ? in->risk_level : "");
	if (!in->person_id) {
		if ((rc = eng_require_text("name", in->name, 200, e)) < 0 ||
		    (rc = eng_optional_text("contact", in->contact, 400, e)) < 0)
			return rc;
		if (in->date_of_birth && *in->date_of_birth &&
		    (rc = eng_require_date("date of birth", in->date_of_birth, e)) < 0)
			return rc;
	}
	return 0;
}

/* The contacts in the 12 months up to `to`: a person with more than one
 * there is a repeat victim (one rule, for recording, showing and listing). */
struct window {
	int64_t from, to;
	int count;
	int64_t last;
	char level[16];
};

static int count_contact(void *ctx, const struct store_row *r)
{
	struct window *w = ctx;
	int64_t at = r->v[RISKC_CONTACTED_AT].i;

	if (at >= w->from && at <= w->to)
		w->count++;
	if (at >= w->last) {
		w->last = at;
		snprintf(w->level, sizeof(w->level), "%s", r->v[RISKC_RISK_LEVEL].s);
	}
	return 0;
}

/* Contacts of `person` in the 12 months before `at`. */
static int window_of(struct store *s, int64_t person, int64_t at, struct window *w,
		     struct err *e)
{
	struct store_where where = { RISKC_PERSON_ID, SV_INT(person) };

	memset(w, 0, sizeof(*w));
	w->from = at - RISK_REPEAT_WINDOW_DAYS * 86400LL;
	w->to = at;
	return store_row_find(s, &store_risk_contacts, &where, 1, count_contact, w, e);
}

static int open_person(struct store *s, const struct restricted_caller *c, int64_t id,
		       struct eng_row *r, struct err *e)
{
	int rc = eng_row_get(s, &store_risk_people, id, r, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "person: there is no risk record %lld", (long long)id);
	if (rc < 0)
		return rc;
	rc = restricted_allow(c, PERM_RECORD_RESTRICTED, r->v[RISKP_FORCE_ID].s,
			      r->v[RISKP_NEIGHBOURHOOD_ID].s, e);
	if (rc == 0 && c->scope && !role_allows(c->scope->role, PERM_VIEW_PERSONAL))
		rc = err_set(e, ERR_DENIED, "your role may not see personal details");
	if (rc < 0)
		eng_row_release(r);
	return rc;
}

static int add_person(struct store *s, const struct restricted_caller *c,
		      const struct risk_contact_input *in, int64_t *id, struct err *e)
{
	struct store_value v[RISKP_NCOLS];

	v[RISKP_FORCE_ID] = SV_TEXT(in->force_id);
	v[RISKP_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[RISKP_NAME] = SV_TEXT(in->name);
	v[RISKP_DATE_OF_BIRTH] = SV_TEXT(in->date_of_birth && *in->date_of_birth ? in->date_of_birth : NULL);
	v[RISKP_CONTACT] = SV_TEXT(in->contact && *in->contact ? in->contact : NULL);
	v[RISKP_CREATED_AT] = SV_INT(time_now());
	v[RISKP_CREATED_BY] = SV_TEXT(c->actor);
	return store_row_insert(s, &store_risk_people, v, id, e);
}

int risk_record_contact(struct store *s, const struct restricted_caller *c,
			const struct risk_contact_input *in, struct risk_result *out,
			struct err *e)
{
	struct store_value v[RISKC_NCOLS];
	struct window w;
	int64_t person = in->person_id, contact_id = 0, at = in->contacted_at ? in->contacted_at : time_now();
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = restricted_allow(c, PERM_RECORD_RESTRICTED, in->force_id, in->neighbourhood_id,
				   e)) < 0 || (rc = check(s, in, e)) < 0)
		return rc;
	if (c->scope && !role_allows(c->scope->role, PERM_VIEW_PERSONAL))
		return err_set(e, ERR_DENIED, "your role may not record personal details");
	if (person) {	/* a later contact: the person must be in this neighbourhood */
		struct eng_row r;

		if ((rc = open_person(s, c, person, &r, e)) < 0)
			return rc;
		rc = strcmp(r.v[RISKP_FORCE_ID].s, in->force_id) ||
		     strcmp(r.v[RISKP_NEIGHBOURHOOD_ID].s, in->neighbourhood_id);
		eng_row_release(&r);
		if (rc)
			return err_set(e, ERR_INVALID, "person: %lld is recorded in another neighbourhood",
				       (long long)person);
	}
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if (!person && (rc = add_person(s, c, in, &person, e)) < 0)
		goto fail;
	v[RISKC_PERSON_ID] = SV_INT(person);
	v[RISKC_CONTACTED_AT] = SV_INT(at);
	v[RISKC_INCIDENT] = SV_TEXT(in->incident);
	v[RISKC_FACTORS] = SV_TEXT(in->factors ? in->factors : "");
	v[RISKC_RISK_LEVEL] = SV_TEXT(in->risk_level);
	v[RISKC_NOTES] = SV_TEXT(in->notes && *in->notes ? in->notes : NULL);
	v[RISKC_CREATED_BY] = SV_TEXT(c->actor);
	if ((rc = store_row_insert(s, &store_risk_contacts, v, &contact_id, e)) < 0 ||
	    (rc = window_of(s, person, at, &w, e)) < 0 ||
	    (rc = restricted_audit(s, c, in->person_id ? AUDIT_ALTERATION : AUDIT_COLLECTION,
				   RECORD_KIND, person, in->person_id ? "assessed again at a later contact"
				   : "assessed at first contact", NULL, NULL, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0)
		goto fail;
	out->person_id = person;
	out->contacts_in_window = w.count;
	out->repeat_victim = w.count >= 2;
	return 0;
fail:
	store_rollback(s);
	return rc;
}

int risk_show(struct store *s, const struct restricted_caller *c, int64_t person_id,
	      const char *purpose, struct strbuf *out, struct err *e)
{
	struct store_where w = { RISKC_PERSON_ID, SV_INT(person_id) };
	struct json_writer jw;
	struct eng_row r;
	struct window win;
	int rc;

	if ((rc = restricted_require_purpose(purpose, "a person's risk assessment", e)) < 0 ||
	    (rc = open_person(s, c, person_id, &r, e)) < 0)
		return rc;
	eng_row_release(&r);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = window_of(s, person_id, time_now(), &win, e)) < 0)
		goto fail;
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key(&jw, "person");
	if ((rc = restricted_row_get_json(s, &jw, &store_risk_people, person_id, "person", e)) < 0 ||
	    (rc = restricted_rows_json(s, &jw, "contacts", &store_risk_contacts, &w, 1, e)) < 0)
		goto fail;
	json_key_str(&jw, "risk_level", win.level);
	json_key_int(&jw, "contacts_in_last_12_months", win.count);
	json_key_bool(&jw, "repeat_victim", win.count >= 2);
	json_object_end(&jw);
	if ((rc = restricted_audit(s, c, AUDIT_CONSULTATION, RECORD_KIND, person_id, purpose, NULL,
				   NULL, e)) < 0 || (rc = store_commit(s, e)) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return rc;
}

struct people {
	int64_t *ids;
	size_t n, cap;
};

static int add_person_id(void *ctx, const struct store_row *r)
{
	struct people *p = ctx;

	if (xgrow(&p->ids, &p->cap, p->n + 1, sizeof(*p->ids)))
		return -1;
	p->ids[p->n++] = r->id;
	return 0;
}

int risk_list(struct store *s, const struct restricted_caller *c, const char *force_id,
	      const char *nbhd_id, struct strbuf *out, struct err *e)
{
	struct store_where w[2] = { { RISKP_FORCE_ID, SV_TEXT(force_id) },
				    { RISKP_NEIGHBOURHOOD_ID, SV_TEXT(nbhd_id) } };
	struct people p = { 0 };
	struct json_writer jw;
	int64_t now = time_now();
	int rc;

	if ((rc = restricted_allow(c, PERM_RECORD_RESTRICTED, force_id, nbhd_id, e)) < 0)
		return rc;
	if ((rc = store_row_find(s, &store_risk_people, w, 2, add_person_id, &p, e)) < 0)
		goto done;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < p.n && rc >= 0; i++) {
		struct window win;
		char last[21];

		if ((rc = window_of(s, p.ids[i], now, &win, e)) < 0)
			break;
		time_format_utc(win.last, last);
		json_object_begin(&jw);
		json_key_int(&jw, "id", p.ids[i]);
		json_key_str(&jw, "risk_level", win.level);
		json_key_bool(&jw, "repeat_victim", win.count >= 2);
		json_key_int(&jw, "contacts_in_last_12_months", win.count);
		json_key_str(&jw, "last_contact", last);
		json_object_end(&jw);
	}
	json_array_end(&jw);
done:
	xfree(p.ids);
	return rc < 0 ? rc : 0;
}
