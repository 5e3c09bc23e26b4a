/*
 * t_privacy.c - subject access, erasure that leaves nothing in the
 * database files, and the retention rules.
 */
#define _GNU_SOURCE	/* memmem */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/timeutil.h"
#include "engage/audit.h"
#include "engage/concern.h"
#include "engage/feedback.h"
#include "engage/privacy.h"
#include "town.h"

#define MARKER "Zqx7Marker"

static const struct audit_actor dpo = { "user:99", "administrator" };

static struct concern_result raise_marked(struct store *s, const char *email, const char *phone)
{
	struct err e = ERR_INIT;
	struct concern_result r = { 0 };
	struct concern_input in = {
		.force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "online-form",
		.body = "Someone keeps parking across my drive, says " MARKER " every time",
		.location_text = "outside " MARKER " Cottage", .has_location = 1,
		.lat = 52.41, .lng = -4.08, .name = "Sian " MARKER, .email = email, .phone = phone,
		.consent_contact = 1, .consent_purpose = "to hear what was done",
		.created_by = "online form",
		.demographics = { { "age_band", "65+" } }, .ndemographics = 1,
	};

	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), 0);
	return r;
}

/* Whether `needle` is anywhere in the file (a missing file holds nothing). */
static int file_holds(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	int found;

	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	found = memmem(buf, (size_t)n, needle, strlen(needle)) != NULL;
	free(buf);
	return found;
}

static int database_holds(const struct town *t, const char *needle)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char path[700];
	int any = 0;

	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s%s", t->db, suffixes[i]);
		any |= file_holds(path, needle) != 0;
	}
	return any;
}

static int count_op(void *ctx, const struct audit_entry *a)
{
	int *counts = ctx;

	counts[a->op]++;
	if (a->detail && strstr(a->detail, MARKER))
		counts[AUDIT_OP_COUNT]++;	/* personal data in the audit: never */
	return 0;
}

TEST(privacy_subject_access_then_erasure_leaves_no_trace_in_the_files)
{
	struct town t;
	struct store *s = town_open(&t, 1, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct strbuf out = STRBUF_INIT;
	struct concern_result r, other;
	struct person_query by_email = { "SIAN.marked@Example.org", NULL, NULL };
	struct person_query by_phone = { NULL, "+44 7700 900 456", NULL };
	struct feedback_input fb = { "concern", 0, "action-taken", NULL,
				     "We spoke to the driver and it has stopped.", NULL, "user:7", 0 };
	struct audit_verdict v;
	int n = 0, counts[AUDIT_OP_COUNT + 1] = { 0 }, messages;
	int64_t id;

	if (!s)
		return;
	r = raise_marked(s, "sian.marked@example.org", "07700 900456");
	other = raise_marked(s, "someone.else@example.org", "07700 900999");
	/* feedback rewrites the concern row and queues a message: more copies */
	fb.subject_id = r.id;
	CHECK_INT(feedback_give(s, &fb, &id, &messages, &e), 0);
	CHECK_INT(messages, 1);

	/* subject access: by e-mail in another case; everything, audited */
	CHECK_INT(privacy_subject_access(s, &by_email, &dpo, "", &out, &n, &e), ERR_INVALID);
	CHECK_INT(privacy_subject_access(s, &by_email, &dpo, "SAR 2026-114", &out, &n, &e), 0);
	CHECK_INT(n, 1);
	CHECK_CONTAINS(strbuf_str(&out), "Someone keeps parking across my drive");
	CHECK_CONTAINS(strbuf_str(&out), "\"email\":\"sian.marked@example.org\"");
	CHECK_CONTAINS(strbuf_str(&out), "\"measure\":\"age_band\"");
	CHECK_CONTAINS(strbuf_str(&out), "We spoke to the driver");
	CHECK_CONTAINS(strbuf_str(&out), "\"operation\":\"collection\"");
	CHECK(!strstr(strbuf_str(&out), "someone.else"));
	strbuf_release(&out);

	/* erasure by phone number typed differently */
	CHECK(database_holds(&t, MARKER));
	CHECK_INT(privacy_erase(s, &by_phone, &dpo, "", &n, &e), ERR_INVALID);
	CHECK_INT(privacy_erase(s, &by_phone, &dpo, "erasure request 2026-07", &n, &e), 0);
	CHECK_INT(n, 1);

	/* the other person's concern still holds the marker; erase it too by
	 * reference, then the marker is nowhere in the database's files */
	CHECK(database_holds(&t, MARKER));
	CHECK_INT(privacy_erase(s, &(struct person_query){ NULL, NULL, other.reference }, &dpo,
				"erasure request 2026-08", &n, &e), 0);
	CHECK_INT(n, 1);
	CHECK(!database_holds(&t, MARKER));
	CHECK(!database_holds(&t, "sian.marked@example.org"));
	CHECK(!database_holds(&t, "900456"));

	/* an anonymous concern is found by its reference too: its text may be
	 * about the person who quotes it */
	{
		struct concern_input anon = { .force_id = "glanmor", .neighbourhood_id = "GM01",
			.channel = "online-form", .body = "My neighbour at the end keeps shouting",
			.anonymous = 1, .created_by = "online form" };
		struct concern_result ar;

		CHECK_INT(concern_raise(s, &anon, NULL, NULL, &ar, &e), 0);
		CHECK_INT(privacy_subject_access(s, &(struct person_query){ NULL, NULL, ar.reference },
						 &dpo, "SAR 2026-115", &out, &n, &e), 0);
		CHECK_INT(n, 1);
		CHECK_CONTAINS(strbuf_str(&out), "keeps shouting");
		strbuf_release(&out);
	}

	/* the concern stays as an anonymous count; the audit keeps the erasure */
	CHECK_INT(privacy_subject_access(s, &by_email, &dpo, "again", &out, &n, &e), 0);
	CHECK_INT(n, 0);
	strbuf_release(&out);
	CHECK_INT(audit_each(s, NULL, count_op, counts, &e), 0);
	CHECK_INT(counts[AUDIT_ERASURE], 2);
	CHECK_INT(counts[AUDIT_DISCLOSURE], 2);
	CHECK_INT(counts[AUDIT_OP_COUNT], 0);
	CHECK_INT(audit_verify(s, &v, &e), 0);
	CHECK_INT(v.first_bad_id, 0);
	town_close(&t);
}

TEST(privacy_retention_erases_old_contacts_and_messages_only)
{
	struct town t;
	struct store *s = town_open(&t, 1, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct retention_rules rules = { 12, 6 };
	struct retention_result res;
	struct concern_result r;
	struct feedback_input fb = { "concern", 0, "action-taken", NULL, "Sorted.", NULL, "user:7", 0 };
	int64_t id, now = time_now();
	int messages;

	if (!s)
		return;
	r = raise_marked(s, "old@example.org", "07700 900111");
	raise_marked(s, "open@example.org", "07700 900222");	/* still open: kept */
	fb.subject_id = r.id;
	CHECK_INT(feedback_give(s, &fb, &id, &messages, &e), 0);

	/* today nothing is due */
	CHECK_INT(privacy_retention_run(s, &rules, now, 0, &dpo, &res, &e), 0);
	CHECK_INT(res.contacts, 0);
	/* thirteen months on: the answered concern's contact and its message go */
	CHECK_INT(privacy_retention_run(s, &rules, now + 13 * 30 * 86400LL, 1, &dpo, &res, &e), 0);
	CHECK_INT(res.contacts, 1);
	CHECK(res.messages >= 1);
	CHECK(database_holds(&t, "old@example.org"));	/* a dry run changes nothing */
	CHECK_INT(privacy_retention_run(s, &rules, now + 13 * 30 * 86400LL, 0, &dpo, &res, &e), 0);
	CHECK_INT(res.contacts, 1);
	CHECK(!database_holds(&t, "old@example.org"));
	CHECK(database_holds(&t, "open@example.org"));
	town_close(&t);
}
