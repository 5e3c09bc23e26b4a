/*
 * engage_api.c - the public engagement API (see engage_api.h): answers,
 * written with base/json.h.  Request bodies are read in engage_api_body.c.
 */
#include "api/engage_api.h"

#include "api/engage_api-internal.h"

#include "base/escape.h"
#include "base/json.h"
#include "base/timeutil.h"
#include "engage/concern.h"
#include "engage/record.h"
#include "model/engagement.h"

#include <string.h>

static int raise_and_answer(struct store *s, struct concern_input *in, struct strbuf *out,
			    struct err *e)
{
	struct concern_result r;
	struct json_writer jw;
	int rc, people = 0, nch = 0;

	if ((rc = concern_raise(s, in, NULL, NULL, &r, e)) < 0 ||
	    (rc = concern_group_counts(s, r.group_id, &people, &nch, e)) < 0)
		return rc;
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "reference", r.reference);
	json_key_str(&jw, "category", r.category);
	json_key_bool(&jw, "category_suggested", r.category_suggested);
	json_key_int(&jw, "raised_by", people);
	json_key_int(&jw, "channels", nch);
	json_object_end(&jw);
	return 0;
}

int api_concern_raise(struct store *s, const char *body, size_t len, struct strbuf *out,
		      struct err *e)
{
	struct concern_input in;
	void *hold = NULL;
	int rc = api_parse_concern(body, len, &in, &hold, e);

	if (rc == 0)
		rc = raise_and_answer(s, &in, out, e);
	api_parse_release(hold);
	return rc;
}

int api_staff_concern_raise(struct store *s, const char *actor, const char *body, size_t len,
			    struct strbuf *out, struct err *e)
{
	struct concern_input in;
	void *hold = NULL;
	int rc = api_parse_staff_concern(body, len, actor, &in, &hold, e);

	if (rc == 0)
		rc = raise_and_answer(s, &in, out, e);
	api_parse_release(hold);
	return rc;
}

static void key_time(struct json_writer *jw, const char *name, int64_t t)
{
	char buf[21];

	if (!t) {
		json_key_null(jw, name);
		return;
	}
	time_format_utc(t, buf);
	json_key_str(jw, name, buf);
}

int api_concern_public(struct store *s, const char *reference, struct strbuf *out, struct err *e)
{
	struct concern_public p;
	struct json_writer jw;
	int rc = concern_find_public(s, reference, &p, e);

	if (rc < 0)
		return rc;
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "reference", p.reference);
	json_key_str(&jw, "force", p.force_id);
	json_key_str(&jw, "neighbourhood", p.neighbourhood_id);
	json_key_str(&jw, "category", p.category);
	json_key_str(&jw, "channel", p.channel);
	json_key_str(&jw, "status", p.status);
	key_time(&jw, "raised_at", p.raised_at);
	json_key_int(&jw, "raised_by", p.group_people);
	json_key_int(&jw, "channels", p.group_channels);
	json_key(&jw, "priority");
	if (p.priority_id) {
		json_object_begin(&jw);
		json_key_int(&jw, "id", p.priority_id);
		json_key_str(&jw, "status", p.priority_status);
		json_key_str(&jw, "text", p.priority_title);
		json_object_end(&jw);
	} else {
		json_null(&jw);
	}
	json_key(&jw, "feedback");
	if (p.feedback_outcome[0]) {
		json_object_begin(&jw);
		json_key_str(&jw, "outcome", p.feedback_outcome);
		json_key_str(&jw, "reason", p.feedback_reason[0] ? p.feedback_reason : NULL);
		json_key_str(&jw, "text", p.feedback_text);
		key_time(&jw, "given_at", p.feedback_at);
		json_object_end(&jw);
	} else {
		json_null(&jw);
	}
	json_object_end(&jw);
	return 0;
}

int api_neighbourhood_record(struct store *s, const char *force, const char *id,
			     struct strbuf *out, struct err *e)
{
	struct record r;
	struct json_writer jw;
	int rc = record_load(s, force, id, 0, &r, e);

	if (rc < 0)
		return rc;
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "force", force);
	json_key_str(&jw, "neighbourhood", id);
	json_key(&jw, "activities");
	json_array_begin(&jw);
	for (size_t i = 0; i < r.nactivities; i++) {
		const struct record_activity *a = &r.activities[i];

		json_object_begin(&jw);
		json_key_str(&jw, "kind", a->kind);
		json_key_str(&jw, "mode", a->mode);
		json_key_str(&jw, "title", a->title);
		json_key_str(&jw, "venue", a->venue);
		key_time(&jw, "starts_at", a->starts_at);
		key_time(&jw, "ends_at", a->ends_at);
		json_key(&jw, "attendance");
		if (a->attendance >= 0)
			json_int(&jw, a->attendance);
		else
			json_null(&jw);
		json_key(&jw, "adjustments");
		json_array_begin(&jw);
		for (int k = 0; k < adjustment_count; k++)
			if (a->adjustments & (1 << k))
				json_str(&jw, adjustments[k].slug);
		json_array_end(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_key(&jw, "raised");
	json_object_begin(&jw);
	json_key_int(&jw, "total", r.raised_total);
	json_key(&jw, "by_category");
	json_object_begin(&jw);
	for (int c = 0; c < concern_category_count && c < 64; c++)
		if (r.raised_by_category[c])
			json_key_int(&jw, concern_categories[c].slug, r.raised_by_category[c]);
	json_object_end(&jw);
	json_key(&jw, "by_channel");
	json_object_begin(&jw);
	for (int c = 0; c < CH_COUNT; c++)
		if (r.raised_by_channel[c])
			json_key_int(&jw, channels[c].slug, r.raised_by_channel[c]);
	json_object_end(&jw);
	json_object_end(&jw);
	json_key(&jw, "priorities");
	json_array_begin(&jw);
	for (size_t i = 0; i < r.npriorities; i++) {
		const struct record_priority *p = &r.priorities[i];

		json_object_begin(&jw);
		json_key_int(&jw, "id", p->id);
		json_key_str(&jw, "text", p->public_text);
		json_key_str(&jw, "category", p->category);
		json_key_str(&jw, "status", p->status);
		key_time(&jw, "agreed_at", p->agreed_at);
		json_key_str(&jw, "review_date", p->review_date[0] ? p->review_date : NULL);
		json_key_int(&jw, "raised_by", p->concerns);
		json_key(&jw, "we_did");
		if (p->feedback_text) {
			json_object_begin(&jw);
			json_key_str(&jw, "outcome", p->feedback_outcome);
			json_key_str(&jw, "text", p->feedback_text);
			key_time(&jw, "given_at", p->feedback_at);
			json_object_end(&jw);
		} else {
			json_null(&jw);
		}
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_object_end(&jw);
	record_release(&r);
	return out->failed ? err_set(e, ERR_NOMEM, "out of memory writing the record") : 0;
}

/* police.uk writes local times without a zone: "2011-11-02T10:00:00". */
static void key_london(struct json_writer *jw, const char *name, int64_t t)
{
	char buf[20];

	if (!t) {
		json_key_null(jw, name);
		return;
	}
	time_format_london(t, buf);
	json_key_str(jw, name, buf);
}

/* A text field police.uk defines as HTML: escaped, in one paragraph. */
static void key_html(struct json_writer *jw, const char *name, const char *text)
{
	struct strbuf html = STRBUF_INIT;

	if (!text) {
		json_key_null(jw, name);
		return;
	}
	strbuf_addstr(&html, "<p>");
	escape_html(&html, text, strlen(text));
	strbuf_addstr(&html, "</p>");
	json_key_str(jw, name, strbuf_str(&html));
	strbuf_release(&html);
}

int api_police_priorities(struct store *s, const char *force, const char *id,
			  struct strbuf *out, struct err *e)
{
	struct record r;
	struct json_writer jw;
	int rc = record_load(s, force, id, 0, &r, e);

	if (rc < 0)
		return rc;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < r.npriorities; i++) {
		const struct record_priority *p = &r.priorities[i];

		if (!p->agreed_at)	/* proposed ones were never agreed in public */
			continue;
		/* police.uk's own order */
		json_object_begin(&jw);
		key_html(&jw, "action", p->feedback_text);
		key_london(&jw, "issue-date", p->agreed_at);
		key_london(&jw, "action-date", p->feedback_text ? p->feedback_at : 0);
		key_html(&jw, "issue", p->public_text);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	record_release(&r);
	return out->failed ? err_set(e, ERR_NOMEM, "out of memory") : 0;
}

int api_police_events(struct store *s, const char *force, const char *id, struct strbuf *out,
		      struct err *e)
{
	struct record r;
	struct json_writer jw;
	int64_t today = time_now() / 86400 * 86400;
	int rc = record_load(s, force, id, today, &r, e);

	if (rc < 0)
		return rc;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t k = r.nactivities; k-- > 0;) {	/* the record is newest first */
		const struct record_activity *a = &r.activities[k];
		int kind = vocab_find(activity_kinds, ACT_KIND_COUNT, a->kind);

		json_object_begin(&jw);
		json_key(&jw, "contact_details");
		json_object_begin(&jw);
		json_object_end(&jw);
		json_key_str(&jw, "description", a->accessibility);
		json_key_str(&jw, "title", a->title);
		json_key_str(&jw, "address", a->venue ? a->venue : a->online_url);
		json_key_str(&jw, "type", kind >= 0 ? activity_kinds[kind].en : a->kind);
		key_london(&jw, "start_date", a->starts_at);
		key_london(&jw, "end_date", a->ends_at);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	record_release(&r);
	return out->failed ? err_set(e, ERR_NOMEM, "out of memory") : 0;
}
