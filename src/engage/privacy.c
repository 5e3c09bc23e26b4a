/*
 * privacy.c - subject access, erasure and retention (see privacy.h).
 */
#include "engage/privacy.h"

#include <string.h>

#include "base/json.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/engage-internal.h"
#include "engage/restricted.h"
#include "store/tables.h"

#define ERASED_TEXT "[erased]"
#define SECONDS_PER_MONTH (30 * 86400LL)

/* --- finding a person ------------------------------------------------------ */

struct id_list {
	int64_t *ids;
	size_t n, cap;
	int failed;
};

static int add_id(void *ctx, int64_t id)
{
	struct id_list *l = ctx;

	if (l->n && l->ids[l->n - 1] == id)
		return 0;
	if (xgrow(&l->ids, &l->cap, l->n + 1, sizeof(*l->ids))) {
		l->failed = 1;
		return 1;
	}
	l->ids[l->n++] = id;
	return 0;
}

static int add_row_id(void *ctx, const struct store_row *r)
{
	return add_id(ctx, r->id);
}

/* "07700 900-123" -> "07700900123"; "+44 7700 900123" and "0044 7700
 * 900123" -> "07700900123". */
static void phone_digits(const char *in, char *out, size_t size)
{
	size_t n = 0;

	if (!in)
		in = "";
	while (*in == ' ')
		in++;
	if (!strncmp(in, "+44", 3) || !strncmp(in, "0044", 4)) {
		in += in[0] == '+' ? 3 : 4;
		if (n + 1 < size)
			out[n++] = '0';
	}
	for (; *in && n + 1 < size; in++)
		if (*in >= '0' && *in <= '9')
			out[n++] = *in;
	out[n] = '\0';
}

static int find_person(struct store *s, const struct person_query *q, struct id_list *l,
		       struct err *e)
{
	char digits[32];
	int rc;

	phone_digits(q->phone, digits, sizeof(digits));
	if ((!q->email || !*q->email) && !digits[0] && (!q->reference || !*q->reference))
		return err_set(e, ERR_INVALID, "person: give the e-mail address, the phone number "
			       "or a concern reference they quote");
	if (q->phone && *q->phone && strlen(digits) < 6)
		return err_set(e, ERR_INVALID, "phone: a phone number has more digits than that");
	rc = store_person_concerns(s, q->email, digits, q->reference, add_id, l, e);
	if (rc == 0 && l->failed)
		rc = err_set(e, ERR_NOMEM, "out of memory finding the person's concerns");
	return rc;
}

/* The ids of `t`'s rows whose column `col` is `value`. */
static int rows_where(struct store *s, const struct store_table *t, int col, int64_t value,
		      struct id_list *l, struct err *e)
{
	struct store_where w = { col, SV_INT(value) };
	int rc = store_row_find(s, t, &w, 1, add_row_id, l, e);

	if (rc == 0 && l->failed)
		rc = err_set(e, ERR_NOMEM, "out of memory");
	return rc < 0 ? rc : 0;
}

/* --- subject access -------------------------------------------------------- */

static int write_rows(struct store *s, struct json_writer *jw, const char *key,
		      const struct store_table *t, int col, int64_t value, struct err *e)
{
	struct store_where w = { col, SV_INT(value) };

	return restricted_rows_json(s, jw, key, t, &w, 1, e);
}

static int write_audit_entry(void *ctx, const struct audit_entry *a)
{
	struct json_writer *jw = ctx;
	char at[21];

	time_format_utc(a->at, at);
	json_object_begin(jw);
	json_key_str(jw, "at", at);
	json_key_str(jw, "actor", a->actor);
	json_key_str(jw, "operation", audit_op_names[a->op]);
	json_key_str(jw, "purpose", a->purpose);
	json_key_str(jw, "recipient", a->recipient);
	json_object_end(jw);
	return 0;
}

static int write_concern(struct store *s, struct json_writer *jw, int64_t id, struct err *e)
{
	struct store_where feedback[2] = { { FEEDBACK_SUBJECT_KIND, SV_TEXT("concern") },
					   { FEEDBACK_SUBJECT_ID, SV_INT(id) } };
	int rc;

	json_object_begin(jw);
	json_key(jw, "concern");
	if ((rc = restricted_row_get_json(s, jw, &store_concerns, id, "concern", e)) < 0)
		return rc;
	if ((rc = write_rows(s, jw, "contact", &store_concern_contacts, CONTACT_CONCERN_ID, id, e)) < 0 ||
	    (rc = write_rows(s, jw, "demographics", &store_concern_demographics, CDEM_CONCERN_ID, id, e)) < 0 ||
	    (rc = write_rows(s, jw, "messages", &store_messages, MESSAGE_CONCERN_ID, id, e)) < 0)
		return rc;
	if ((rc = restricted_rows_json(s, jw, "feedback", &store_feedback, feedback, 2, e)) < 0)
		return rc;
	json_key(jw, "audit");
	json_array_begin(jw);
	rc = audit_each_for_record(s, "concern_contact", id, write_audit_entry, jw, e);
	json_array_end(jw);
	json_object_end(jw);
	return rc < 0 ? rc : 0;
}

static int require_who_and_why(const struct audit_actor *by, const char *why, const char *field,
			       struct err *e)
{
	if (!by || !by->id || !*by->id)
		return err_set(e, ERR_INVALID, "actor: say who is acting; it is recorded");
	if (!why || !*why)
		return err_set(e, ERR_INVALID, "%s: say why; it is recorded", field);
	return 0;
}

int privacy_subject_access(struct store *s, const struct person_query *q,
			   const struct audit_actor *by, const char *purpose,
			   struct strbuf *out, int *nconcerns, struct err *e)
{
	struct id_list l = { 0 };
	struct json_writer jw;
	char now[21];
	int rc;

	*nconcerns = 0;
	if ((rc = require_who_and_why(by, purpose, "purpose", e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = find_person(s, q, &l, e)) < 0)
		goto fail;
	time_format_utc(time_now(), now);
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "generated_at", now);
	json_key_str(&jw, "about", "everything Engage holds about the person who raised these "
		     "concerns: the concerns, contact details and consent, demographics they chose "
		     "to give, messages to them, feedback, and who has looked at their details");
	json_key(&jw, "concerns");
	json_array_begin(&jw);
	for (size_t i = 0; i < l.n && rc == 0; i++)
		rc = write_concern(s, &jw, l.ids[i], e);
	json_array_end(&jw);
	json_object_end(&jw);
	strbuf_addch(out, '\n');
	for (size_t i = 0; i < l.n && rc == 0; i++)
		rc = audit_record(s, &(struct audit_entry){
			.actor = by->id, .actor_role = by->role, .op = AUDIT_DISCLOSURE,
			.record_kind = "concern_contact", .record_id = l.ids[i], .purpose = purpose,
			.recipient = "the data subject (subject access)" }, NULL, e);
	if (rc < 0 || (rc = store_commit(s, e)) < 0)
		goto fail;
	*nconcerns = (int)l.n;
	xfree(l.ids);
	return 0;
fail:
	store_rollback(s);
	xfree(l.ids);
	return rc;
}

/* --- erasure ------------------------------------------------------------------ */

static int delete_rows(struct store *s, const struct store_table *t, int col, int64_t value,
		       int *deleted, struct err *e)
{
	struct id_list l = { 0 };
	int rc = rows_where(s, t, col, value, &l, e);

	for (size_t i = 0; rc == 0 && i < l.n; i++)
		rc = store_row_delete(s, t, l.ids[i], e);
	if (rc == 0 && deleted)
		*deleted += (int)l.n;
	xfree(l.ids);
	return rc;
}

/* The concern's own text and location become "[erased]" and nothing. */
static int blank_concern(struct store *s, int64_t id, struct err *e)
{
	struct eng_row c;
	int rc = eng_row_get(s, &store_concerns, id, &c, e);

	if (rc < 0)
		return rc;
	c.v[CONCERN_BODY] = SV_TEXT(ERASED_TEXT);
	c.v[CONCERN_LOCATION_TEXT] = SV_NULL;
	c.v[CONCERN_LAT] = SV_NULL;
	c.v[CONCERN_LNG] = SV_NULL;
	rc = store_row_update(s, &store_concerns, id, c.version, c.v, e);
	eng_row_release(&c);
	return rc;
}

static int erase_concern(struct store *s, int64_t id, const struct audit_actor *by,
			 const char *reason, struct err *e)
{
	int rc;

	if ((rc = delete_rows(s, &store_concern_contacts, CONTACT_CONCERN_ID, id, NULL, e)) < 0 ||
	    (rc = delete_rows(s, &store_concern_demographics, CDEM_CONCERN_ID, id, NULL, e)) < 0 ||
	    (rc = delete_rows(s, &store_messages, MESSAGE_CONCERN_ID, id, NULL, e)) < 0 ||
	    (rc = blank_concern(s, id, e)) < 0)
		return rc;
	return audit_record(s, &(struct audit_entry){
		.actor = by->id, .actor_role = by->role, .op = AUDIT_ERASURE,
		.record_kind = "concern_contact", .record_id = id, .purpose = reason,
		.detail = "contact details, concern text and location, demographics, messages" },
		NULL, e);
}

/* Runs `body` in a transaction whose freed bytes are overwritten, then
 * empties the write-ahead log. */
static int purging(struct store *s, int (*body)(struct store *, void *, struct err *), void *ctx,
		   struct err *e)
{
	int rc;

	if ((rc = store_purge_begin(s, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		goto end;
	if ((rc = body(s, ctx, e)) < 0 || (rc = store_commit(s, e)) < 0) {
		store_rollback(s);
		goto end;
	}
	rc = 0;
end:
	if (store_purge_end(s, rc < 0 ? &(struct err)ERR_INIT : e) < 0 && rc == 0)
		rc = e->code;
	return rc;
}

struct erase_job {
	const struct person_query *q;
	const struct audit_actor *by;
	const char *reason;
	int n;
};

static int erase_body(struct store *s, void *ctx, struct err *e)
{
	struct erase_job *j = ctx;
	struct id_list l = { 0 };
	int rc = find_person(s, j->q, &l, e);

	for (size_t i = 0; rc == 0 && i < l.n; i++)
		rc = erase_concern(s, l.ids[i], j->by, j->reason, e);
	j->n = (int)l.n;
	xfree(l.ids);
	return rc;
}

int privacy_erase(struct store *s, const struct person_query *q, const struct audit_actor *by,
		  const char *reason, int *nconcerns, struct err *e)
{
	struct erase_job j = { q, by, reason, 0 };
	int rc;

	*nconcerns = 0;
	if ((rc = require_who_and_why(by, reason, "reason", e)) < 0)
		return rc;
	rc = purging(s, erase_body, &j, e);
	if (rc == 0)
		*nconcerns = j.n;
	return rc;
}

/* --- retention ------------------------------------------------------------------ */

struct retention_job {
	const struct retention_rules *rules;
	int64_t now;
	int dry_run;
	const struct audit_actor *by;
	struct retention_result *out;
};

/* The newest feedback on concern `id`, or 0. */
struct newest {
	int64_t at;
};

static int newest_feedback(void *ctx, const struct store_row *r)
{
	struct newest *n = ctx;

	if (r->v[FEEDBACK_CREATED_AT].i > n->at)
		n->at = r->v[FEEDBACK_CREATED_AT].i;
	return 0;
}

/* Whether concern `id` was answered or closed before `cutoff`. */
static int closed_before(struct store *s, int64_t id, int64_t cutoff, int *yes, struct err *e)
{
	struct store_where w[2] = { { FEEDBACK_SUBJECT_KIND, SV_TEXT("concern") },
				    { FEEDBACK_SUBJECT_ID, SV_INT(id) } };
	struct newest n = { 0 };
	struct eng_row c;
	int rc = eng_row_get(s, &store_concerns, id, &c, e);

	*yes = 0;
	if (rc < 0)
		return rc;
	if (!strcmp(c.v[CONCERN_STATUS].s, "answered") || !strcmp(c.v[CONCERN_STATUS].s, "closed")) {
		rc = store_row_find(s, &store_feedback, w, 2, newest_feedback, &n, e);
		*yes = rc >= 0 && n.at && n.at < cutoff;
	}
	eng_row_release(&c);
	return rc < 0 ? rc : 0;
}

static int contact_concern(void *ctx, const struct store_row *r)
{
	return add_id(ctx, r->v[CONTACT_CONCERN_ID].i);
}

struct old_messages {
	struct id_list l;
	int64_t cutoff;
};

static int old_message(void *ctx, const struct store_row *r)
{
	struct old_messages *m = ctx;

	return r->v[MESSAGE_CREATED_AT].i < m->cutoff ? add_id(&m->l, r->id) : 0;
}

static int retention_body(struct store *s, void *ctx, struct err *e)
{
	struct retention_job *j = ctx;
	struct id_list contacts = { 0 };
	struct old_messages msgs = { { 0 }, 0 };
	int64_t contact_cutoff = j->now - j->rules->contact_months * SECONDS_PER_MONTH;
	int rc;

	msgs.cutoff = j->now - j->rules->message_months * SECONDS_PER_MONTH;
	rc = store_row_find(s, &store_concern_contacts, NULL, 0, contact_concern, &contacts, e);
	for (size_t i = 0; rc >= 0 && i < contacts.n; i++) {
		int due;

		if ((rc = closed_before(s, contacts.ids[i], contact_cutoff, &due, e)) < 0 || !due)
			continue;
		j->out->contacts++;
		if (!j->dry_run &&
		    ((rc = delete_rows(s, &store_concern_contacts, CONTACT_CONCERN_ID,
				       contacts.ids[i], NULL, e)) < 0 ||
		     (rc = audit_record(s, &(struct audit_entry){
			     .actor = j->by->id, .actor_role = j->by->role, .op = AUDIT_ERASURE,
			     .record_kind = "concern_contact", .record_id = contacts.ids[i],
			     .purpose = "retention: contact details kept no longer than the rule allows",
			     .detail = "contact details" }, NULL, e)) < 0))
			break;
	}
	if (rc >= 0)
		rc = store_row_find(s, &store_messages, NULL, 0, old_message, &msgs, e);
	for (size_t i = 0; rc >= 0 && i < msgs.l.n; i++) {
		j->out->messages++;
		if (!j->dry_run)
			rc = store_row_delete(s, &store_messages, msgs.l.ids[i], e);
	}
	if (rc >= 0 && (contacts.failed || msgs.l.failed))
		rc = err_set(e, ERR_NOMEM, "out of memory applying the retention rules");
	xfree(contacts.ids);
	xfree(msgs.l.ids);
	return rc < 0 ? rc : 0;
}

int privacy_retention_run(struct store *s, const struct retention_rules *rules, int64_t now,
			  int dry_run, const struct audit_actor *by,
			  struct retention_result *out, struct err *e)
{
	struct retention_job j = { rules, now, dry_run, by, out };
	int rc;

	memset(out, 0, sizeof(*out));
	if (!by || !by->id || !*by->id)
		return err_set(e, ERR_INVALID, "actor: say who runs the retention job");
	if (dry_run) {
		if ((rc = store_begin(s, e)) < 0)
			return rc;
		rc = retention_body(s, &j, e);
		store_rollback(s);
		return rc;
	}
	return purging(s, retention_body, &j, e);
}
