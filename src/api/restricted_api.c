/*
 * restricted_api.c - JSON bodies for the restricted records (see
 * restricted_api.h).  Reads (show, list) need no body: the web layer calls
 * the services directly.
 */
#include "api/restricted_api.h"

#include <stdio.h>

#include "api/engage_api-internal.h"
#include "engage/cia.h"
#include "engage/risk.h"
#include "engage/sharing.h"

int api_cia_add(struct store *s, const struct restricted_caller *c, const char *body, size_t len,
		struct strbuf *out, struct err *e)
{
	struct cia_input in = { 0 };
	struct api_body *b;
	int64_t days = 7, id;
	int present = 0, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &in.neighbourhood_id, e)) < 0 ||
	    (rc = api_body_str(b, "incident", &in.incident, e)) < 0 ||
	    (rc = api_body_time(b, "incident_at", &in.incident_at, e)) < 0 ||
	    (rc = api_body_str(b, "communities", &in.communities, e)) < 0 ||
	    (rc = api_body_str(b, "information_needed", &in.information_needed, e)) < 0 ||
	    (rc = api_body_str(b, "information_from", &in.information_from, e)) < 0 ||
	    (rc = api_body_str(b, "overseen_by", &in.overseen_by, e)) < 0 ||
	    (rc = api_body_str(b, "deadline", &in.deadline, e)) < 0 ||
	    (rc = api_body_str(b, "vulnerable", &in.vulnerable, e)) < 0 ||
	    (rc = api_body_str(b, "confidence", &in.confidence, e)) < 0 ||
	    (rc = api_body_int(b, "review_days", &days, &present, e)) < 0 ||
	    (rc = api_body_str(b, "cross_border", &in.cross_border, e)) < 0)
		goto done;
	in.review_days = days < 0 || days > 1000 ? 0 : (int)days;
	if ((rc = cia_add(s, c, &in, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_cia_review(struct store *s, const struct restricted_caller *c, int64_t id,
		   const char *body, size_t len, struct strbuf *out, struct err *e)
{
	const char *confidence = NULL, *notes = NULL;
	struct api_body *b;
	int close = 0, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "confidence", &confidence, e)) == 0 &&
	    (rc = api_body_str(b, "notes", &notes, e)) == 0 &&
	    (rc = api_body_bool(b, "close", &close, e)) == 0 &&
	    (rc = cia_review(s, c, id, confidence, notes, close, e)) == 0)
		rc = api_answer_id(out, id);
	api_body_free(b);
	return rc;
}

int api_risk_contact(struct store *s, const struct restricted_caller *c, const char *body,
		     size_t len, struct strbuf *out, struct err *e)
{
	struct risk_contact_input in = { 0 };
	struct risk_result r;
	struct api_body *b;
	int present = 0, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &in.neighbourhood_id, e)) < 0 ||
	    (rc = api_body_int(b, "person", &in.person_id, &present, e)) < 0 ||
	    (rc = api_body_str(b, "name", &in.name, e)) < 0 ||
	    (rc = api_body_str(b, "date_of_birth", &in.date_of_birth, e)) < 0 ||
	    (rc = api_body_str(b, "contact", &in.contact, e)) < 0 ||
	    (rc = api_body_time(b, "at", &in.contacted_at, e)) < 0 ||
	    (rc = api_body_str(b, "incident", &in.incident, e)) < 0 ||
	    (rc = api_body_str(b, "factors", &in.factors, e)) < 0 ||
	    (rc = api_body_str(b, "level", &in.risk_level, e)) < 0 ||
	    (rc = api_body_str(b, "notes", &in.notes, e)) < 0)
		goto done;
	if ((rc = risk_record_contact(s, c, &in, &r, e)) == 0)
		strbuf_addf(out, "{\"person\":%lld,\"contacts_in_last_12_months\":%d,\"repeat_victim\":%s}",
			    (long long)r.person_id, r.contacts_in_window, r.repeat_victim ? "true" : "false");
done:
	api_body_free(b);
	return rc;
}

int api_sharing_agree(struct store *s, const struct restricted_caller *c, const char *body,
		      size_t len, struct strbuf *out, struct err *e)
{
	struct sharing_input in = { 0 };
	struct api_body *b;
	int64_t id;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "partner_org", &in.partner_org, e)) < 0 ||
	    (rc = api_body_str(b, "title", &in.title, e)) < 0 ||
	    (rc = api_body_str(b, "may_see", &in.may_see, e)) < 0 ||
	    (rc = api_body_str(b, "may_submit", &in.may_submit, e)) < 0 ||
	    (rc = api_body_str(b, "starts", &in.starts, e)) < 0 ||
	    (rc = api_body_str(b, "ends", &in.ends, e)) < 0 ||
	    (rc = api_body_str(b, "signed_by", &in.signed_by, e)) < 0)
		goto done;
	if ((rc = sharing_agree(s, c, &in, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_sharing_submit(struct store *s, const struct restricted_caller *c, const char *body,
		       size_t len, struct strbuf *out, struct err *e)
{
	struct submission_input in = { 0 };
	struct api_body *b;
	int64_t id, agreement;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &in.neighbourhood_id, e)) < 0 ||
	    (rc = api_body_str(b, "source", &in.source, e)) < 0 ||
	    (rc = api_body_str(b, "category", &in.category, e)) < 0 ||
	    (rc = api_body_time(b, "at", &in.occurred_at, e)) < 0 ||
	    (rc = api_body_str(b, "location", &in.location_text, e)) < 0 ||
	    (rc = api_body_str(b, "summary", &in.summary, e)) < 0)
		goto done;
	if ((rc = sharing_submit(s, c, &in, &id, &agreement, e)) == 0)
		strbuf_addf(out, "{\"id\":%lld,\"agreement\":%lld}", (long long)id, (long long)agreement);
done:
	api_body_free(b);
	return rc;
}
