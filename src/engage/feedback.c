/*
 * feedback.c - closing concerns and priorities with "you said, we did"
 * (see feedback.h).
 */
#include "engage/feedback.h"
#include "engage/pii.h"
#include "engage/place.h"

#include "base/strbuf.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <string.h>

static int check(const struct feedback_input *in, int *outcome, struct err *e)
{
	int rc;

	if (!in->subject_kind || (strcmp(in->subject_kind, "concern") && strcmp(in->subject_kind, "priority")))
		return err_set(e, ERR_INVALID, "subject: \"%s\" is not concern or priority",
			       in->subject_kind ? in->subject_kind : "");
	if ((*outcome = eng_require_slug(feedback_outcomes, feedback_outcome_count, "outcome",
					 in->outcome, e)) < 0)
		return *outcome;
	if (feedback_outcome_is_no_action(*outcome)) {
		if (!in->reason || !*in->reason)
			return err_set(e, ERR_INVALID,
				       "reason: when nothing was done, say why (one of the set reasons)");
		if ((rc = eng_require_slug(no_action_reasons, no_action_reason_count, "reason",
					   in->reason, e)) < 0)
			return rc;
	} else if (in->reason && *in->reason) {
		return err_set(e, ERR_INVALID, "reason: only for outcome no-action");
	}
	if ((rc = eng_require_text("public text", in->public_text, 2000, e)) < 0 ||
	    (rc = eng_optional_text("internal note", in->internal_note, 4000, e)) < 0)
		return rc;
	return 0;
}

static int insert_feedback(struct store *s, const struct feedback_input *in, const char *kind,
			   int64_t subject, int64_t now, int64_t *id, struct err *e)
{
	struct store_value v[FEEDBACK_NCOLS];

	v[FEEDBACK_SUBJECT_KIND] = SV_TEXT(kind);
	v[FEEDBACK_SUBJECT_ID] = SV_INT(subject);
	v[FEEDBACK_OUTCOME] = SV_TEXT(in->outcome);
	v[FEEDBACK_REASON] = SV_TEXT(in->reason && *in->reason ? in->reason : NULL);
	v[FEEDBACK_PUBLIC_TEXT] = SV_TEXT(in->public_text);
	v[FEEDBACK_INTERNAL_NOTE] = SV_TEXT(in->internal_note && *in->internal_note ? in->internal_note : NULL);
	v[FEEDBACK_CREATED_AT] = SV_INT(now);
	v[FEEDBACK_CREATED_BY] = SV_TEXT(in->created_by ? in->created_by : "unknown");
	return store_row_insert(s, &store_feedback, v, id, e);
}

struct consent_probe {
	int consent;
};

static int read_consent(void *ctx, const struct store_row *r)
{
	((struct consent_probe *)ctx)->consent = r->v[CONTACT_CONSENT_CONTACT].i != 0;
	return 1;
}

/* Queue a message to the raiser when they agreed to be contacted. */
static int queue_message(struct store *s, const struct eng_row *c, const char *public_text,
			 int64_t now, int *queued, struct err *e)
{
	struct store_where w = { CONTACT_CONCERN_ID, SV_INT(c->id) };
	struct consent_probe p = { 0 };
	struct strbuf body = STRBUF_INIT;
	struct store_value v[MESSAGE_NCOLS];
	const char *lang = c->v[CONCERN_LANGUAGE].s;
	int rc = store_row_find(s, &store_concern_contacts, &w, 1, read_consent, &p, e);

	if (rc < 0 || !p.consent)
		return rc < 0 ? rc : 0;
	if (!strcmp(lang, "cy"))
		strbuf_addf(&body, "Diolch am godi pryder %s. Beth wnaethom ni: %s",
			    c->v[CONCERN_REFERENCE].s, public_text);
	else
		strbuf_addf(&body, "Thank you for raising concern %s. What we did: %s",
			    c->v[CONCERN_REFERENCE].s, public_text);
	if (body.failed) {
		strbuf_release(&body);
		return err_set(e, ERR_NOMEM, "out of memory writing a message");
	}
	v[MESSAGE_CONCERN_ID] = SV_INT(c->id);
	v[MESSAGE_LANGUAGE] = SV_TEXT(lang);
	v[MESSAGE_BODY] = SV_TEXT(body.buf);
	v[MESSAGE_STATUS] = SV_TEXT("queued");
	v[MESSAGE_CREATED_AT] = SV_INT(now);
	rc = store_row_insert(s, &store_messages, v, NULL, e);
	strbuf_release(&body);
	if (rc == 0)
		(*queued)++;
	return rc;
}

/* Answer one concern: feedback row, status, message. */
static int answer_concern(struct store *s, const struct feedback_input *in, int64_t concern_id,
			  int64_t now, int64_t *id, int *queued, struct err *e)
{
	struct eng_row c;
	int rc = eng_row_get(s, &store_concerns, concern_id, &c, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "concern: there is no concern %lld", (long long)concern_id);
	if (rc < 0)
		return rc;
	if ((rc = insert_feedback(s, in, "concern", concern_id, now, id, e)) == 0) {
		c.v[CONCERN_STATUS] = SV_TEXT("answered");
		rc = store_row_update(s, &store_concerns, concern_id, c.version, c.v, e);
	}
	if (rc == 0)
		rc = queue_message(s, &c, in->public_text, now, queued, e);
	eng_row_release(&c);
	return rc;
}

struct unanswered {
	int64_t *ids;
	size_t n, cap;
	int failed;
};

static int collect_open(void *ctx, const struct store_row *r)
{
	struct unanswered *u = ctx;

	if (strcmp(r->v[CONCERN_STATUS].s, "open"))
		return 0;
	if (xgrow(&u->ids, &u->cap, u->n + 1, sizeof(*u->ids))) {
		u->failed = 1;
		return 1;
	}
	u->ids[u->n++] = r->id;
	return 0;
}

static int close_priority(struct store *s, const struct feedback_input *in, int outcome,
			  int64_t now, int64_t *id, int *queued, struct err *e)
{
	struct eng_row p;
	struct unanswered *u = NULL;
	int target = feedback_outcome_is_no_action(outcome) ? PRI_CLOSED : PRI_RESOLVED;
	const char *why = NULL;
	int rc = eng_row_get(s, &store_priorities, in->subject_id, &p, e);
	int st;

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "priority: there is no priority %lld", (long long)in->subject_id);
	if (rc < 0)
		return rc;
	st = vocab_find(priority_statuses, PRI_STATUS_COUNT, p.v[PRIORITY_STATUS].s);
	/* a priority closes on what was done or why nothing was: "ongoing" and
	 * "became-priority" are answers for concerns, not endings */
	if (!feedback_outcome_is_no_action(outcome) &&
	    strcmp(feedback_outcomes[outcome].slug, "action-taken") &&
	    strcmp(feedback_outcomes[outcome].slug, "partner-action")) {
		rc = err_set(e, ERR_INVALID,
			     "outcome: a priority is resolved with action-taken or partner-action, or closed with no-action; \"%s\" is for concerns (record progress as an action)",
			     feedback_outcomes[outcome].slug);
		goto done;
	}
	if (st != PRI_AGREED && st != PRI_IN_PROGRESS) {
		rc = err_set(e, ERR_INVALID,
			     "status: only an agreed or in-progress priority is resolved or closed, and this one is %s",
			     p.v[PRIORITY_STATUS].s);
		goto done;
	}
	if (!priority_transition_ok(st, target, &why)) {
		rc = err_set(e, ERR_INVALID, "status: it is %s, and %s", p.v[PRIORITY_STATUS].s, why);
		goto done;
	}
	if ((rc = insert_feedback(s, in, "priority", p.id, now, id, e)) < 0)
		goto done;
	p.v[PRIORITY_STATUS] = SV_TEXT(priority_statuses[target].slug);
	if ((rc = store_row_update(s, &store_priorities, p.id, p.version, p.v, e)) < 0)
		goto done;
	/* the people who raised it hear what became of it */
	if (!p.v[PRIORITY_GROUP_ID].null) {
		struct store_where w = { CONCERN_GROUP_ID, SV_INT(p.v[PRIORITY_GROUP_ID].i) };

		if (!(u = xcalloc(1, sizeof(*u)))) {
			rc = err_set(e, ERR_NOMEM, "out of memory");
			goto done;
		}
		if ((rc = store_row_find(s, &store_concerns, &w, 1, collect_open, u, e)) < 0)
			goto done;
		if (u->failed) {
			rc = err_set(e, ERR_NOMEM, "out of memory answering the group's concerns");
			goto done;
		}
		rc = 0;
		for (size_t i = 0; i < u->n && rc == 0; i++)
			rc = answer_concern(s, in, u->ids[i], now, NULL, queued, e);
	}
done:
	if (u)
		xfree(u->ids);
	xfree(u);
	eng_row_release(&p);
	return rc;
}

int feedback_give(struct store *s, const struct feedback_input *in, int64_t *id, int *messages,
		  struct err *e)
{
	return feedback_give_at(s, in, time_now(), id, messages, e);
}

int feedback_give_at(struct store *s, const struct feedback_input *in, int64_t now, int64_t *id,
		     int *messages, struct err *e)
{
	int64_t fid = 0;
	int outcome = 0, queued = 0, rc;
	struct pii_gate gate = { in->created_by, in->publish_anyway, NULL, NULL, "" };
	struct record_place place;

	if ((rc = check(in, &outcome, e)) < 0 ||
	    (rc = record_place(s, in->subject_kind, in->subject_id, &place, e)) < 0)
		return rc;
	gate.force_id = place.force_id;
	gate.nbhd_id = place.nbhd_id;
	if ((rc = pii_gate_check(s, &gate, "public text", in->public_text, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if (!strcmp(in->subject_kind, "concern"))
		rc = answer_concern(s, in, in->subject_id, now, &fid, &queued, e);
	else
		rc = close_priority(s, in, outcome, now, &fid, &queued, e);
	if (rc == 0)
		rc = pii_gate_audit(s, &gate, "feedback", fid, e);
	if (rc < 0 || (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		return rc;
	}
	if (id)
		*id = fid;
	if (messages)
		*messages = queued;
	return 0;
}
