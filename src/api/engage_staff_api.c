/*
 * engage_staff_api.c - the staff engagement API (see engage_staff_api.h):
 * each call reads its JSON body, calls one service, and answers.
 */
#include "api/engage_staff_api.h"

#include "api/engage_api-internal.h"
#include "base/json.h"
#include "base/timeutil.h"
#include "engage/activity.h"
#include "engage/concern.h"
#include "engage/feedback.h"
#include "engage/pack.h"
#include "engage/pact.h"
#include "engage/plan.h"
#include "engage/profile.h"
#include "base/parse.h"
#include "base/xalloc.h"

#include <string.h>

static int answer_ok(struct strbuf *out)
{
	strbuf_addstr(out, "{\"ok\":true}");
	return 0;
}

/* The version an update names: required over HTTP, so a stale save is 409. */
static int need_version(struct api_body *b, int64_t *version, struct err *e)
{
	int present = 0;
	int rc = api_body_int(b, "version", version, &present, e);

	if (rc == 0 && (!present || *version < 1))
		return err_set(e, ERR_INVALID, "version: is required (the version you read)");
	return rc;
}


int api_staff_activity(struct store *s, const char *actor, const char *body, size_t len,
		       struct strbuf *out, struct err *e)
{
	struct activity_input in = { .attendance = -1, .created_by = actor };
	struct api_body *b;
	int64_t id, n;
	int present, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &in.neighbourhood_id, e)) < 0 ||
	    (rc = api_body_str(b, "kind", &in.kind, e)) < 0 ||
	    (rc = api_body_str(b, "mode", &in.mode, e)) < 0 ||
	    (rc = api_body_str(b, "title", &in.title, e)) < 0 ||
	    (rc = api_body_str(b, "venue", &in.venue, e)) < 0 ||
	    (rc = api_body_str(b, "address", &in.address, e)) < 0 ||
	    (rc = api_body_str(b, "accessibility", &in.accessibility, e)) < 0 ||
	    (rc = api_body_str(b, "online_url", &in.online_url, e)) < 0 ||
	    (rc = api_body_time(b, "starts", &in.starts_at, e)) < 0 ||
	    (rc = api_body_time(b, "ends", &in.ends_at, e)) < 0 ||
	    (rc = api_body_int(b, "attendance", &n, &present, e)) < 0)
		goto done;
	if (present) {
		if (n < 0 || n > 100000) {
			rc = err_set(e, ERR_INVALID, "attendance: %lld is not a head count", (long long)n);
			goto done;
		}
		in.attendance = (int)n;
	}
	if ((rc = activity_add(s, &in, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_staff_propose(struct store *s, const char *actor, const char *body, size_t len,
		      struct strbuf *out, struct err *e)
{
	struct priority_input in = { .created_by = actor };
	struct api_body *b;
	int64_t id;
	int present, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &in.neighbourhood_id, e)) < 0 ||
	    (rc = api_body_int(b, "group", &in.group_id, &present, e)) < 0 ||
	    (rc = api_body_str(b, "title", &in.title, e)) < 0 ||
	    (rc = api_body_str(b, "public_text", &in.public_text, e)) < 0 ||
	    (rc = api_body_str(b, "category", &in.category, e)) < 0 ||
	    (rc = api_body_bool(b, "publish_anyway", &in.publish_anyway, e)) < 0)
		goto done;
	if ((rc = priority_propose(s, &in, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_staff_vote(struct store *s, int64_t priority, const char *body, size_t len,
		   struct strbuf *out, struct err *e)
{
	struct api_body *b;
	int64_t meeting = 0, yes = 0, no = 0, abstain = 0;
	int present, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_int(b, "meeting", &meeting, &present, e)) < 0 ||
	    (rc = api_body_int(b, "for", &yes, &present, e)) < 0 ||
	    (rc = api_body_int(b, "against", &no, &present, e)) < 0 ||
	    (rc = api_body_int(b, "abstain", &abstain, &present, e)) < 0)
		goto done;
	if (yes < 0 || no < 0 || abstain < 0 || yes > 100000 || no > 100000 || abstain > 100000) {
		rc = err_set(e, ERR_INVALID, "votes: counts are whole numbers from 0 to 100,000");
		goto done;
	}
	if ((rc = priority_vote(s, meeting, priority, (int)yes, (int)no, (int)abstain, e)) == 0)
		rc = answer_ok(out);
done:
	api_body_free(b);
	return rc;
}

int api_staff_agree(struct store *s, int64_t priority, const char *body, size_t len,
		    struct strbuf *out, struct err *e)
{
	struct api_body *b;
	const char *review = NULL;
	int64_t meeting = 0, version = 0;
	int present, rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_int(b, "meeting", &meeting, &present, e)) < 0 ||
	    (rc = api_body_str(b, "review_date", &review, e)) < 0 ||
	    (rc = need_version(b, &version, e)) < 0)
		goto done;
	if ((rc = priority_agree(s, priority, version, meeting, review, e)) == 0)
		rc = answer_ok(out);
done:
	api_body_free(b);
	return rc;
}

int api_staff_action(struct store *s, int64_t priority, const char *body, size_t len,
		     struct strbuf *out, struct err *e)
{
	struct action_input in = { .priority_id = priority };
	struct api_body *b;
	int64_t id;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "owner", &in.owner_kind, e)) < 0 ||
	    (rc = api_body_str(b, "owner_name", &in.owner_name, e)) < 0 ||
	    (rc = api_body_str(b, "partner_org", &in.partner_org, e)) < 0 ||
	    (rc = api_body_str(b, "text", &in.description, e)) < 0 ||
	    (rc = api_body_str(b, "due", &in.due_date, e)) < 0)
		goto done;
	if ((rc = action_add(s, &in, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_staff_action_update(struct store *s, int64_t action, const char *body, size_t len,
			    struct strbuf *out, struct err *e)
{
	struct api_body *b;
	const char *status = NULL, *result = NULL;
	int64_t version = 0;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "status", &status, e)) < 0 ||
	    (rc = api_body_str(b, "result", &result, e)) < 0 ||
	    (rc = need_version(b, &version, e)) < 0)
		goto done;
	if ((rc = action_update(s, action, version, status, result, e)) == 0)
		rc = answer_ok(out);
done:
	api_body_free(b);
	return rc;
}

int api_staff_feedback(struct store *s, const char *actor, const char *body, size_t len,
		       struct strbuf *out, struct err *e)
{
	struct feedback_input in = { .created_by = actor };
	struct api_body *b;
	int64_t concern = 0, priority = 0, id = 0;
	int has_concern = 0, has_priority = 0, messages = 0;
	int rc = api_body_parse(body, len, &b, e);
	struct json_writer jw;

	if (rc < 0)
		return rc;
	if ((rc = api_body_int(b, "concern", &concern, &has_concern, e)) < 0 ||
	    (rc = api_body_int(b, "priority", &priority, &has_priority, e)) < 0 ||
	    (rc = api_body_str(b, "outcome", &in.outcome, e)) < 0 ||
	    (rc = api_body_str(b, "reason", &in.reason, e)) < 0 ||
	    (rc = api_body_str(b, "text", &in.public_text, e)) < 0 ||
	    (rc = api_body_str(b, "note", &in.internal_note, e)) < 0 ||
	    (rc = api_body_bool(b, "publish_anyway", &in.publish_anyway, e)) < 0)
		goto done;
	if (has_concern == has_priority) {
		rc = err_set(e, ERR_INVALID, "subject: give \"concern\" or \"priority\" (one of them)");
		goto done;
	}
	in.subject_kind = has_concern ? "concern" : "priority";
	in.subject_id = has_concern ? concern : priority;
	if ((rc = feedback_give(s, &in, &id, &messages, e)) == 0) {
		json_init(&jw, out);
		json_object_begin(&jw);
		json_key_int(&jw, "id", id);
		json_key_int(&jw, "messages_queued", messages);
		json_object_end(&jw);
	}
done:
	api_body_free(b);
	return rc;
}

int api_staff_candidates(struct store *s, const struct readmodel *rm, const char *force,
			 const char *id, struct strbuf *out, struct err *e)
{
	struct pact_candidate c[32];
	struct json_writer jw;
	int n = pact_candidates(s, rm, force, id, c, 32, e);

	if (n < 0)
		return n;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (int i = 0; i < n; i++) {
		json_object_begin(&jw);
		json_key_int(&jw, "group", c[i].group_id);
		json_key_str(&jw, "title", c[i].title);
		json_key_str(&jw, "category", c[i].category);
		json_key(&jw, "score");
		json_double(&jw, c[i].score.total, 1);
		json_key(&jw, "parts");
		json_array_begin(&jw);
		for (int k = 0; k < SCORE_PARTS; k++) {
			json_object_begin(&jw);
			json_key_str(&jw, "part", c[i].score.parts[k].slug);
			json_key_str(&jw, "meaning", c[i].score.parts[k].en);
			json_key(&jw, "points");
			json_double(&jw, c[i].score.parts[k].points, 1);
			json_object_end(&jw);
		}
		json_array_end(&jw);
		json_key(&jw, "priority");
		if (c[i].priority_id)
			json_int(&jw, c[i].priority_id);
		else
			json_null(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	return 0;
}

int api_staff_profile(struct store *s, const char *force, const char *id, struct strbuf *out,
		      struct err *e)
{
	struct profile p;
	struct json_writer jw;
	int rc = profile_load(s, force, id, &p, e);

	if (rc < 0)
		return rc;
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_int(&jw, "lsoas", p.lsoas);
	json_key_int(&jw, "population", p.population);
	json_key_int(&jw, "households", p.households);
	json_key(&jw, "census");
	json_array_begin(&jw);
	for (int i = 0; i < p.nfigures; i++) {
		json_object_begin(&jw);
		json_key_str(&jw, "measure", p.figures[i].measure);
		json_key_str(&jw, "category", p.figures[i].category);
		json_key_int(&jw, "value", p.figures[i].value);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_key_int(&jw, "groups", p.groups);
	json_key_int(&jw, "places", p.places);
	json_key_int(&jw, "notes", p.notes);
	json_key_int(&jw, "key_contacts", p.key_contacts);
	json_object_end(&jw);
	return 0;
}

static int plan_entry_json(void *ctx, const struct plan_entry_view *v)
{
	struct json_writer *jw = ctx;

	json_object_begin(jw);
	json_key_int(jw, "id", v->id);
	json_key_str(jw, "date", v->planned_date);
	json_key_str(jw, "channel", v->channel);
	json_key_str(jw, "audience", v->audience);
	json_key_str(jw, "owner", v->owner);
	json_key_bool(jw, "held", v->activity_id != 0);
	json_key_bool(jw, "overdue", v->overdue);
	json_object_end(jw);
	return 0;
}

static int gap_json(void *ctx, const char *audience, const char *why)
{
	struct json_writer *jw = ctx;

	json_object_begin(jw);
	json_key_str(jw, "audience", audience);
	json_key_str(jw, "why", why);
	json_object_end(jw);
	return 0;
}

int api_staff_plan(struct store *s, const char *force, const char *id, struct strbuf *out,
		   struct err *e)
{
	struct json_writer jw;
	int rc;

	json_init(&jw, out);
	json_object_begin(&jw);
	json_key(&jw, "entries");
	json_array_begin(&jw);
	if ((rc = plan_each(s, force, id, plan_entry_json, &jw, e)) < 0)
		return rc;
	json_array_end(&jw);
	json_key(&jw, "unplanned_audiences");
	json_array_begin(&jw);
	if ((rc = plan_unplanned_audiences(s, force, id, gap_json, &jw, e)) < 0)
		return rc;
	json_array_end(&jw);
	json_object_end(&jw);
	return 0;
}

static int todo_json(void *ctx, const struct todo_item *it)
{
	struct json_writer *jw = ctx;

	json_object_begin(jw);
	json_key_str(jw, "kind", todo_kind_names[it->kind]);
	json_key_int(jw, "id", it->id);
	json_key_str(jw, "when", it->when);
	json_key_str(jw, "what", it->what);
	json_object_end(jw);
	return 0;
}

int api_staff_todo(struct store *s, const char *force, const char *id, struct strbuf *out,
		   struct err *e)
{
	struct json_writer jw;
	int rc;

	json_init(&jw, out);
	json_array_begin(&jw);
	if ((rc = profile_todo(s, force, id, 28, todo_json, &jw, e)) < 0)
		return rc;
	json_array_end(&jw);
	return 0;
}

int api_staff_pack(struct store *s, const struct readmodel *rm, const char *force,
		   const char *id, struct strbuf *out, struct err *e)
{
	struct meeting_pack *pk = xcalloc(1, sizeof(*pk));	/* large */
	struct json_writer jw;
	char month[8];
	int rc;

	if (!pk)
		return err_set(e, ERR_NOMEM, "out of memory building the pack");
	if ((rc = pack_build(s, rm, force, id, pk, e)) < 0) {
		xfree(pk);
		return rc;
	}
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "neighbourhood", pk->neighbourhood);
	json_key(&jw, "crime");
	json_object_begin(&jw);
	if (pk->last_month) {
		format_month(pk->first_month, month);
		json_key_str(&jw, "from", month);
		format_month(pk->last_month, month);
		json_key_str(&jw, "to", month);
	}
	json_key(&jw, "by_category");
	json_array_begin(&jw);
	for (int c = 0; c < CAT_COUNT; c++) {
		if (!pk->crime_now[c] && !pk->crime_before[c])
			continue;
		json_object_begin(&jw);
		json_key_str(&jw, "category", crime_categories[c].slug);
		json_key_int(&jw, "last_3_months", pk->crime_now[c]);
		json_key_int(&jw, "3_months_before", pk->crime_before[c]);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_key_int(&jw, "total", pk->total_now);
	json_key_int(&jw, "total_before", pk->total_before);
	json_object_end(&jw);
	json_key(&jw, "priorities");
	json_array_begin(&jw);
	for (int i = 0; i < pk->npriorities; i++) {
		const struct pack_priority *pp = &pk->priorities[i];

		json_object_begin(&jw);
		json_key_int(&jw, "id", pp->id);
		json_key_str(&jw, "text", pp->text);
		json_key_str(&jw, "status", pp->status);
		json_key_str(&jw, "review_date", pp->review_date);
		json_key_int(&jw, "raised_by", pp->concerns);
		json_key(&jw, "actions");
		json_array_begin(&jw);
		for (int k = 0; k < pp->nactions; k++) {
			json_object_begin(&jw);
			json_key_str(&jw, "owner", pp->actions[k].owner);
			json_key_str(&jw, "text", pp->actions[k].description);
			json_key_str(&jw, "due", pp->actions[k].due_date);
			json_key_str(&jw, "status", pp->actions[k].status);
			json_key_bool(&jw, "overdue", pp->actions[k].overdue);
			json_object_end(&jw);
		}
		json_array_end(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_key_int(&jw, "candidates", pk->ncandidates);
	json_object_end(&jw);
	xfree(pk);
	return 0;
}

int api_staff_plan_add(struct store *s, const char *body, size_t len, struct strbuf *out,
		       struct err *e)
{
	struct plan_input in = { 0 };
	struct api_body *b;
	int64_t id;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &in.force_id, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &in.neighbourhood_id, e)) < 0 ||
	    (rc = api_body_str(b, "audience", &in.audience, e)) < 0 ||
	    (rc = api_body_str(b, "channel", &in.channel, e)) < 0 ||
	    (rc = api_body_str(b, "message", &in.message, e)) < 0 ||
	    (rc = api_body_str(b, "aim", &in.aim, e)) < 0 ||
	    (rc = api_body_str(b, "date", &in.planned_date, e)) < 0 ||
	    (rc = api_body_str(b, "owner", &in.owner, e)) < 0)
		goto done;
	if ((rc = plan_add(s, &in, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_staff_note_add(struct store *s, const char *body, size_t len, struct strbuf *out,
		       struct err *e)
{
	const char *force = NULL, *nbhd = NULL, *kind = NULL, *title = NULL, *text = NULL;
	struct api_body *b;
	int64_t id;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &force, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &nbhd, e)) < 0 ||
	    (rc = api_body_str(b, "kind", &kind, e)) < 0 ||
	    (rc = api_body_str(b, "title", &title, e)) < 0 ||
	    (rc = api_body_str(b, "text", &text, e)) < 0)
		goto done;
	if ((rc = profile_note_add(s, force, nbhd, kind, title, text, &id, e)) == 0)
		rc = api_answer_id(out, id);
done:
	api_body_free(b);
	return rc;
}

int api_staff_concern_category(struct store *s, int64_t concern, const char *body, size_t len,
			       struct strbuf *out, struct err *e)
{
	const char *category = NULL;
	struct api_body *b;
	int64_t version = 0;
	int rc = api_body_parse(body, len, &b, e);

	if (rc < 0)
		return rc;
	if ((rc = api_body_str(b, "category", &category, e)) < 0 ||
	    (rc = need_version(b, &version, e)) < 0)
		goto done;
	if ((rc = concern_set_category(s, concern, version, category, e)) == 0)
		rc = answer_ok(out);
done:
	api_body_free(b);
	return rc;
}
