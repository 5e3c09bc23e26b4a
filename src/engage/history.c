/*
 * history.c - replaying engagement history through the services, in the
 * order it happened (see history.h).
 */
#include "engage/history.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "engage/activity.h"
#include "engage/concern.h"
#include "engage/engage-internal.h"
#include "engage/feedback.h"
#include "engage/pact.h"
#include "import/engagement.h"
#include "store/tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CREATED_BY "engagement history import"

/* One thing that happened: a row of a file at an instant. */
struct event {
	int64_t at;
	int file;		/* enum engagement_file: also the order at the same instant */
	size_t row;
};

struct replay {
	struct store *s;
	struct engagement_files f;
	int64_t *ids[EF_COUNT];	/* the store id each row became (0 before) */
	struct history_summary *sum;
};

static const char *cell(const struct replay *r, int file, size_t row, int col)
{
	return r->f.t[file].rows[row].cell[col];
}

/* The row of `file` whose column `col` is `key`, or -1. */
static long find_key(const struct replay *r, int file, int col, const char *key)
{
	for (size_t i = 0; i < r->f.t[file].nrows; i++)
		if (!strcmp(r->f.t[file].rows[i].cell[col], key))
			return (long)i;
	return -1;
}

/* The store id of the row keyed `key`, replayed already; else ERR_INVALID. */
static int id_of(const struct replay *r, int file, int col, const char *what, const char *key,
		 int64_t *id, struct err *e)
{
	long row = find_key(r, file, col, key);

	if (row < 0)
		return err_set(e, ERR_INVALID, "%s: \"%s\" is not in %s", what, key,
			       engagement_file_name(file));
	if (!r->ids[file][row])
		return err_set(e, ERR_INVALID, "%s: \"%s\" (%s line %ld) comes later than this row",
			       what, key, engagement_file_name(file), r->f.t[file].rows[row].line);
	*id = r->ids[file][row];
	return 0;
}

static const char *or_null(const char *s)
{
	return *s ? s : NULL;
}

/* "age_band:16-29=3;sex:female=5" into in->demographics; the strings
 * point into `scratch`, which must outlive the call to activity_add. */
static int parse_demographics(const char *list, char scratch[][2][48], struct activity_input *in,
			      struct err *e)
{
	const char *p = list;
	int64_t count;

	in->ndemographics = 0;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *colon = memchr(p, ':', len), *eq = memchr(p, '=', len);
		int k = in->ndemographics;

		if (!colon || !eq || eq < colon || k >= ACTIVITY_MAX_DEMOGRAPHICS ||
		    colon - p >= 48 || eq - colon > 48 ||
		    parse_int_range(eq + 1, (size_t)(p + len - eq - 1), 0, 100000, &count) < 0)
			return err_set(e, ERR_INVALID, "demographics: \"%.*s\" is not measure:category=count",
				       (int)len, p);
		snprintf(scratch[k][0], 48, "%.*s", (int)(colon - p), p);
		snprintf(scratch[k][1], 48, "%.*s", (int)(eq - colon - 1), colon + 1);
		in->demographics[k].measure = scratch[k][0];
		in->demographics[k].category = scratch[k][1];
		in->demographics[k].count = (int)count;
		in->ndemographics++;
		p = end ? end + 1 : p + len;
	}
	return 0;
}

static int coords(const char *lat, const char *lng, int *has, double *y, double *x)
{
	*has = *lat && *lng && parse_double(lat, strlen(lat), y) == 0 &&
	       parse_double(lng, strlen(lng), x) == 0;
	return 0;
}

static int replay_activity(struct replay *r, size_t i, int64_t at, struct err *e)
{
	struct activity_input in = { 0 };
	char scratch[ACTIVITY_MAX_DEMOGRAPHICS][2][48], adj[256];
	size_t bad = 0;
	int rc;

#define A(col) cell(r, EF_ACTIVITIES, i, col)
	in.force_id = A(EA_FORCE);
	in.neighbourhood_id = A(EA_NBHD);
	in.kind = A(EA_KIND);
	in.mode = A(EA_MODE);
	in.title = A(EA_TITLE);
	in.starts_at = at;
	in.ends_at = engagement_when(A(EA_ENDS));
	in.venue = or_null(A(EA_VENUE));
	in.address = or_null(A(EA_ADDRESS));
	coords(A(EA_LAT), A(EA_LNG), &in.has_location, &in.lat, &in.lng);
	in.accessibility = or_null(A(EA_ACCESSIBILITY));
	in.online_url = or_null(A(EA_ONLINE_LINK));
	snprintf(adj, sizeof(adj), "%s", A(EA_ADJUSTMENTS));
	for (char *c = adj; *c; c++)
		if (*c == ';')
			*c = ',';
	if ((in.adjustments = adjustments_parse(adj, &bad)) < 0)
		return err_set(e, ERR_INVALID, "adjustments: \"%s\" is not an adjustment (bsl, step-free, ...)",
			       adj + bad);
	in.attendance = (int)engagement_count(A(EA_ATTENDANCE), -1);
	in.public_notes = or_null(A(EA_NOTES));
	in.created_by = CREATED_BY;
	if ((rc = parse_demographics(A(EA_DEMOGRAPHICS), scratch, &in, e)) < 0)
		return rc;
#undef A
	if ((rc = activity_add_at(r->s, &in, at, &r->ids[EF_ACTIVITIES][i], e)) == 0)
		r->sum->activities++;
	return rc;
}

/* The random source of a replayed concern: the bits of its own reference. */
static uint64_t given_bits(void *ctx)
{
	return *(uint64_t *)ctx;
}

static int replay_concern(struct replay *r, size_t i, int64_t at, struct err *e)
{
	struct concern_input in = { 0 };
	struct concern_result out;
	uint64_t bits;
	int rc;

#define C(col) cell(r, EF_CONCERNS, i, col)
	if (reference_parse(C(EC_REFERENCE), &bits) < 0 || !bits)
		return err_set(e, ERR_INVALID, "reference: \"%s\" is not a reference (ENG-XXXX-XXXXC)",
			       C(EC_REFERENCE));
	if (*C(EC_ACTIVITY) &&
	    (rc = id_of(r, EF_ACTIVITIES, EA_KEY, "activity", C(EC_ACTIVITY), &in.activity_id, e)) < 0)
		return rc;
	in.force_id = C(EC_FORCE);
	in.neighbourhood_id = C(EC_NBHD);
	in.channel = C(EC_CHANNEL);
	in.category = or_null(C(EC_CATEGORY));
	in.body = C(EC_TEXT);
	in.language = or_null(C(EC_LANGUAGE));
	coords(C(EC_LAT), C(EC_LNG), &in.has_location, &in.lat, &in.lng);
	in.location_text = or_null(C(EC_LOCATION));
	in.anonymous = engagement_yes(C(EC_ANONYMOUS));
	in.name = or_null(C(EC_NAME));
	in.email = or_null(C(EC_EMAIL));
	in.phone = or_null(C(EC_PHONE));
	in.consent_contact = engagement_yes(C(EC_CONSENT));
	in.raised_at = at;
	in.created_by = CREATED_BY;
#undef C
	if ((rc = concern_raise_at(r->s, &in, given_bits, &bits, at, &out, e)) == ERR_CONFLICT)
		return err_set(e, ERR_CONFLICT, "reference: %s is already in the database (imported before?)",
			       cell(r, EF_CONCERNS, i, EC_REFERENCE));
	if (rc < 0)
		return rc;
	r->ids[EF_CONCERNS][i] = out.id;
	r->sum->concerns++;
	return 0;
}

static int first_group(void *ctx, const struct store_row *row)
{
	*(int64_t *)ctx = row->id;
	return 1;
}

/* Proposed, evidenced, voted on and agreed at the end of its meeting. */
static int replay_priority(struct replay *r, size_t i, int64_t at, struct err *e)
{
	struct priority_input in = { 0 };
	int64_t meeting = 0, id = 0;
	const char *status;
	int rc;

#define P(col) cell(r, EF_PRIORITIES, i, col)
	struct store_where w[3] = { { CGROUP_FORCE_ID, SV_TEXT(P(EP_FORCE)) },
				    { CGROUP_NEIGHBOURHOOD_ID, SV_TEXT(P(EP_NBHD)) },
				    { CGROUP_CATEGORY, SV_TEXT(P(EP_CATEGORY)) } };

	status = P(EP_STATUS);
	if (vocab_find(priority_statuses, PRI_STATUS_COUNT, status) < PRI_AGREED)
		return err_set(e, ERR_INVALID, "status: \"%s\" is not agreed, in-progress, resolved or closed",
			       status);
	if ((rc = id_of(r, EF_ACTIVITIES, EA_KEY, "meeting", P(EP_MEETING), &meeting, e)) < 0 ||
	    (rc = store_row_find(r->s, &store_concern_groups, w, 3, first_group, &in.group_id, e)) < 0)
		return rc;
	in.force_id = P(EP_FORCE);
	in.neighbourhood_id = P(EP_NBHD);
	in.title = P(EP_TITLE);
	in.public_text = P(EP_PUBLIC_TEXT);
	in.category = P(EP_CATEGORY);
	if ((rc = priority_propose_at(r->s, &in, at, &id, e)) < 0)
		return rc;
	if (*P(EP_EVIDENCE) &&
	    (rc = priority_add_evidence_at(r->s, id, *P(EP_EVIDENCE_KIND) ? P(EP_EVIDENCE_KIND) : "note",
					   P(EP_EVIDENCE), at, e)) < 0)
		return rc;
	if (*P(EP_VOTES_FOR) &&
	    (rc = priority_vote_at(r->s, meeting, id, (int)engagement_count(P(EP_VOTES_FOR), 0),
				   (int)engagement_count(P(EP_VOTES_AGAINST), 0),
				   (int)engagement_count(P(EP_ABSTENTIONS), 0), at, e)) < 0)
		return rc;
	if ((rc = priority_agree_at(r->s, id, 0, meeting, P(EP_REVIEW_DATE), at, e)) < 0)
		return rc;
	if (strcmp(status, "agreed") && (rc = priority_start(r->s, id, 0, e)) < 0)
		return rc;
#undef P
	r->ids[EF_PRIORITIES][i] = id;
	r->sum->priorities++;
	return 0;
}

static int replay_action(struct replay *r, size_t i, int64_t at, struct err *e)
{
	struct action_input in = { 0 };
	int64_t id = 0;
	int rc;

#define X(col) cell(r, EF_ACTIONS, i, col)
	if ((rc = id_of(r, EF_PRIORITIES, EP_KEY, "priority", X(EX_PRIORITY), &in.priority_id, e)) < 0)
		return rc;
	in.owner_kind = X(EX_OWNER_KIND);
	in.owner_name = X(EX_OWNER);
	in.partner_org = or_null(X(EX_PARTNER_ORG));
	in.description = X(EX_DESCRIPTION);
	in.due_date = X(EX_DUE_DATE);
	if ((rc = action_add_at(r->s, &in, at, &id, e)) < 0)
		return rc;
	if (strcmp(X(EX_STATUS), "open") && (rc = action_update(r->s, id, 0, X(EX_STATUS), X(EX_RESULT), e)) < 0)
		return rc;
#undef X
	r->ids[EF_ACTIONS][i] = id;
	r->sum->actions++;
	return 0;
}

static int replay_feedback(struct replay *r, size_t i, int64_t at, struct err *e)
{
	struct feedback_input in = { 0 };
	int messages = 0, rc;
	char ref[REF_LEN + 1];

#define B(col) cell(r, EF_FEEDBACK, i, col)
	in.subject_kind = B(EB_SUBJECT_KIND);
	if (!strcmp(in.subject_kind, "concern")) {
		if (reference_normalise(B(EB_SUBJECT), ref) < 0)
			return err_set(e, ERR_INVALID, "subject: \"%s\" is not a reference", B(EB_SUBJECT));
		rc = id_of(r, EF_CONCERNS, EC_REFERENCE, "subject", ref, &in.subject_id, e);
	} else if (!strcmp(in.subject_kind, "priority")) {
		rc = id_of(r, EF_PRIORITIES, EP_KEY, "subject", B(EB_SUBJECT), &in.subject_id, e);
	} else {
		return err_set(e, ERR_INVALID, "subject kind: \"%s\" is not concern or priority", in.subject_kind);
	}
	if (rc < 0)
		return rc;
	in.outcome = B(EB_OUTCOME);
	in.reason = or_null(B(EB_REASON));
	in.public_text = B(EB_PUBLIC_TEXT);
	in.internal_note = or_null(B(EB_INTERNAL_NOTE));
	in.created_by = *B(EB_GIVEN_BY) ? B(EB_GIVEN_BY) : CREATED_BY;
#undef B
	if ((rc = feedback_give_at(r->s, &in, at, &r->ids[EF_FEEDBACK][i], &messages, e)) < 0)
		return rc;
	r->sum->feedback++;
	r->sum->messages += messages;
	return 0;
}

/* When each row happened. */
static int64_t event_time(const struct replay *r, int file, size_t i)
{
	switch (file) {
	case EF_ACTIVITIES: return engagement_when(cell(r, file, i, EA_STARTS));
	case EF_CONCERNS: return engagement_when(cell(r, file, i, EC_RAISED));
	case EF_PRIORITIES: {
		/* agreed as its meeting closes, after what was raised there */
		long m = find_key(r, EF_ACTIVITIES, EA_KEY, cell(r, file, i, EP_MEETING));
		int64_t ends;

		if (m < 0)
			return 0;	/* reported when replayed */
		ends = engagement_when(cell(r, EF_ACTIVITIES, (size_t)m, EA_ENDS));
		return ends ? ends : engagement_when(cell(r, EF_ACTIVITIES, (size_t)m, EA_STARTS)) + 7200;
	}
	case EF_ACTIONS: return engagement_when(cell(r, file, i, EX_CREATED));
	default: return engagement_when(cell(r, file, i, EB_GIVEN));
	}
}

static int by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

struct status_probe {
	char status[24];
};

static int read_status(void *ctx, const struct store_row *row)
{
	snprintf(((struct status_probe *)ctx)->status, 24, "%s", row->v[PRIORITY_STATUS].s);
	return 0;
}

/* Every priority ends where its file says: resolved and closed ones only
 * through feedback. */
static int check_statuses(struct replay *r, struct err *e)
{
	const struct engagement_table *t = &r->f.t[EF_PRIORITIES];

	for (size_t i = 0; i < t->nrows; i++) {
		struct status_probe p = { "" };
		int rc = store_row_get(r->s, &store_priorities, r->ids[EF_PRIORITIES][i], read_status, &p, e);
		int st;

		if (rc < 0)
			return rc;
		if (strcmp(p.status, t->rows[i].cell[EP_STATUS]))
			return err_set(e, ERR_INVALID,
				       "%s: line %ld: status: the file says %s, but after its actions and "
				       "feedback it is %s (only feedback resolves or closes a priority)",
				       t->file, t->rows[i].line, t->rows[i].cell[EP_STATUS], p.status);
		if ((st = vocab_find(priority_statuses, PRI_STATUS_COUNT, p.status)) >= 0 && st < 8)
			r->sum->by_status[st]++;
	}
	return 0;
}

static int count_answered(void *ctx, const struct store_row *row)
{
	(*(long *)ctx)++;
	return 0;
}

static int replay_all(struct replay *r, struct event *ev, size_t n, struct err *e)
{
	static int (*const fn[EF_COUNT])(struct replay *, size_t, int64_t, struct err *) = {
		replay_activity, replay_concern, replay_priority, replay_action, replay_feedback,
	};
	int rc;

	for (size_t k = 0; k < n; k++) {
		const struct engagement_table *t = &r->f.t[ev[k].file];

		if ((rc = fn[ev[k].file](r, ev[k].row, ev[k].at, e)) < 0)
			return err_prefix(e, "%s: line %ld", t->file, t->rows[ev[k].row].line);
	}
	if ((rc = check_statuses(r, e)) < 0)
		return rc;
	{
		struct store_where w = { CONCERN_STATUS, SV_TEXT("answered") };

		return store_row_find(r->s, &store_concerns, &w, 1, count_answered,
				      &r->sum->concerns_answered, e);
	}
}

int history_import(struct store *s, const char *dir, struct history_summary *sum, struct err *e)
{
	struct replay r;
	struct event *ev = NULL;
	struct store_import imp = { 0 };
	size_t n = 0, total = 0;
	int rc, began = 0;

	memset(&r, 0, sizeof(r));
	memset(sum, 0, sizeof(*sum));
	r.s = s;
	r.sum = sum;
	imp.started_at = time_now();
	if ((rc = engagement_files_read(dir, &r.f, e)) < 0)
		goto out;
	for (int f = 0; f < EF_COUNT; f++)
		total += r.f.t[f].nrows;
	ev = xcalloc(total ? total : 1, sizeof(*ev));
	for (int f = 0; ev && f < EF_COUNT; f++)
		if (!(r.ids[f] = xcalloc(r.f.t[f].nrows ? r.f.t[f].nrows : 1, sizeof(int64_t)))) {
			xfree(ev);
			ev = NULL;
		}
	if (!ev) {
		rc = err_set(e, ERR_NOMEM, "out of memory replaying the engagement history");
		goto out;
	}
	for (int f = 0; f < EF_COUNT; f++)
		for (size_t i = 0; i < r.f.t[f].nrows; i++)
			ev[n++] = (struct event){ event_time(&r, f, i), f, i };
	qsort(ev, n, sizeof(*ev), by_time);
	if ((rc = store_begin(s, e)) < 0)
		goto out;
	began = 1;
	if ((rc = replay_all(&r, ev, n, e)) < 0)
		goto out;
	imp.finished_at = time_now();
	imp.kind = "engagement";
	imp.source = dir;
	imp.rows_read = (int64_t)total;
	if ((rc = store_import_add(s, &imp, e)) < 0 || (rc = store_commit(s, e)) < 0)
		goto out;
	began = 0;
out:
	if (began)
		store_rollback(s);
	for (int f = 0; f < EF_COUNT; f++)
		xfree(r.ids[f]);
	xfree(ev);
	engagement_files_release(&r.f);
	return rc;
}

int history_import_town(struct store *s, const char *dir, const struct import_options *opt,
			struct import_summary *isum, struct history_summary *hsum, struct err *e)
{
	char sub[4096];
	struct stat st;
	int rc;

	memset(hsum, 0, sizeof(*hsum));
	if ((size_t)snprintf(sub, sizeof(sub), "%s/engagement", dir) >= sizeof(sub))
		return err_set(e, ERR_INVALID, "town folder path too long: '%.100s...'", dir);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = import_town(s, dir, opt, isum, e)) < 0)
		goto fail;
	if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (opt && opt->progress)
			opt->progress(opt->progress_ctx, "engagement/ (a year of the engagement cycle)");
		if ((rc = history_import(s, sub, hsum, e)) < 0) {
			err_prefix(e, "engagement");
			goto fail;
		}
	}
	if ((rc = store_commit(s, e)) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return rc;
}
