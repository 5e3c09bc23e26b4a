/*
 * t_audit.c - the audit trail: entries chain, audit_verify passes on an
 * intact trail and names the first bad entry after an edit, a deletion or
 * a forged insertion made with sqlite3 behind Engage's back; the raiser's
 * details are given only with a purpose, and each look is logged.
 */
#include "test.h"

#include "engage/audit.h"
#include "engage/concern.h"
#include "engage/profile.h"

#include <sqlite3.h>
#include <stdio.h>

static struct store *fresh(char *path, size_t n)
{
	struct store_force f = { "glanmor", "Glanmor Police", NULL, NULL, NULL };
	struct store_neighbourhood nb = { "glanmor", "GM01", "Town Centre", NULL, NULL, 0 };
	struct store *s = NULL;
	struct err e = ERR_INIT;

	snprintf(path, n, "%s/audit.db", test_tmpdir());
	remove(path);
	CHECK_INT(store_open(path, STORE_CREATE, &s, &e), 0);
	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_neighbourhood_put(s, &nb, &e), 0);
	return s;
}

/* Three consultations of records 1, 2, 3 by "u1". */
static void three_entries(struct store *s)
{
	struct err e = ERR_INIT;

	for (int i = 1; i <= 3; i++) {
		struct audit_entry a = { .at = 1700000000 + i, .actor = "u1", .op = AUDIT_CONSULTATION,
					 .record_kind = "concern_contact", .record_id = i,
					 .purpose = "to arrange a visit" };
		int64_t id = 0;

		CHECK_INT(audit_record(s, &a, &id, &e), 0);
		CHECK_INT(id, i);
	}
}

static void sql(const char *path, const char *stmt)
{
	sqlite3 *db;
	char *msg = NULL;

	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, stmt, NULL, NULL, &msg) != SQLITE_OK)
		test_fail(__FILE__, __LINE__, "%s: %s", stmt, msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
}

/* Three entries, then `stmt` run with sqlite3 behind Engage's back (as an
 * attacker with the file would); audit_verify must name entry `want_id`
 * with a reason containing `want_why`. */
static void tamper(const char *stmt, int64_t want_id, const char *want_why)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct audit_verdict v;
	struct err e = ERR_INIT;

	three_entries(s);
	store_close(s);
	sql(path, stmt);
	CHECK_INT(store_open(path, 0, &s, &e), 0);
	CHECK_INT(audit_verify(s, &v, &e), 0);
	store_close(s);
	CHECK_INT(v.first_bad_id, want_id);
	CHECK_CONTAINS(v.reason, want_why);
}

struct seen {
	int n;
	char ops[4][16];
	char prev[3][65], hash[3][65];
};

static int collect(void *ctx, const struct audit_entry *a)
{
	struct seen *c = ctx;

	if (c->n < 3) {
		snprintf(c->ops[c->n], sizeof(c->ops[0]), "%s", audit_op_names[a->op]);
		snprintf(c->prev[c->n], sizeof(c->prev[0]), "%s", a->prev_hash);
		snprintf(c->hash[c->n], sizeof(c->hash[0]), "%s", a->hash);
	}
	c->n++;
	return 0;
}

TEST(audit_entries_chain_and_verify)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct audit_verdict v;
	struct err e = ERR_INIT;
	struct seen c = { 0 };
	struct audit_filter f = { .actor = "u1", .since = 1700000002 };

	CHECK_INT(audit_verify(s, &v, &e), 0);
	CHECK_INT(v.entries, 0);
	CHECK_STR(v.head, "");
	three_entries(s);
	CHECK_INT(audit_each(s, NULL, collect, &c, &e), 0);
	CHECK_INT(c.n, 3);
	CHECK_STR(c.prev[0], "0000000000000000000000000000000000000000000000000000000000000000");
	CHECK_STR(c.prev[1], c.hash[0]);
	CHECK_STR(c.prev[2], c.hash[1]);
	CHECK_INT(strlen(c.hash[2]), 64);
	CHECK_INT(audit_verify(s, &v, &e), 0);
	CHECK_INT(v.first_bad_id, 0);
	CHECK_INT(v.entries, 3);
	CHECK_STR(v.head, c.hash[2]);

	memset(&c, 0, sizeof(c));
	CHECK_INT(audit_each(s, &f, collect, &c, &e), 0);
	CHECK_INT(c.n, 2);
	memset(&c, 0, sizeof(c));
	CHECK_INT(audit_each_for_record(s, "concern_contact", 2, collect, &c, &e), 0);
	CHECK_INT(c.n, 1);
	store_close(s);
}

TEST(audit_refuses_incomplete_entries_and_changes)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct audit_entry a = { .actor = "u1", .op = AUDIT_CONSULTATION, .record_kind = "key_contact",
				 .record_id = 1 };

	CHECK_INT(audit_record(s, &a, NULL, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "purpose");
	a.op = AUDIT_DISCLOSURE;
	a.purpose = "court order";
	CHECK_INT(audit_record(s, &a, NULL, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "recipient");
	a.actor = NULL;
	CHECK_INT(audit_record(s, &a, NULL, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "actor");
	store_close(s);
	/* the schema refuses changes even through SQL */
	{
		sqlite3 *db;

		three_entries((s = fresh(path, sizeof(path))));
		store_close(s);
		CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
		CHECK(sqlite3_exec(db, "UPDATE audit_log SET actor = 'x'", NULL, NULL, NULL) != SQLITE_OK);
		CHECK(sqlite3_exec(db, "DELETE FROM audit_log", NULL, NULL, NULL) != SQLITE_OK);
		sqlite3_close(db);
	}
}

TEST(audit_verify_names_an_edited_entry)
{
	tamper("DROP TRIGGER audit_log_no_update; "
	       "UPDATE audit_log SET purpose = 'nothing to see' WHERE id = 2",
	       2, "hash does not match its contents");
}

TEST(audit_verify_names_the_entry_after_a_deleted_one)
{
	tamper("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2",
	       3, "entry 1 before it");
}

TEST(audit_verify_names_a_forged_entry)
{
	/* a forged entry that claims to follow entry 3, with a made-up hash */
	tamper("INSERT INTO audit_log (at, actor, operation, record_kind, record_id, purpose, "
	       "prev_hash, hash) SELECT 1700000009, 'u1', 'consultation', 'concern_contact', 1, 'x', "
	       "hash, 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' "
	       "FROM audit_log WHERE id = 3",
	       4, "forged");
}

TEST(audit_contact_details_need_a_purpose_and_each_look_is_logged)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct concern_input in = {
		.force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "postcard",
		.body = "Cars speeding past the school", .name = "Gwen Parry",
		.email = "gwen@example.org", .consent_contact = 1, .created_by = "u7",
	};
	struct concern_result r;
	struct concern_contact c;
	struct audit_actor by = { "u9", "neighbourhood officer" };
	struct key_contact_input k = { "glanmor", "GM01", "Rhys Evans", "Chair", NULL, NULL, NULL,
				       "PACT invitations", "u7" };
	struct seen seen = { 0 };
	struct audit_verdict v;
	int64_t kid = 0;

	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), 0);
	CHECK_INT(concern_contact_open(s, r.id, &by, NULL, &c, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "purpose");
	CHECK_STR(c.email, "");
	CHECK_INT(concern_contact_open(s, r.id, &by, "", &c, &e), ERR_INVALID);
	CHECK_STR(c.name, "");
	CHECK_INT(concern_contact_open(s, r.id, NULL, "to arrange a visit", &c, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "actor");
	CHECK_INT(audit_each_for_record(s, "concern_contact", r.id, collect, &seen, &e), 0);
	CHECK_INT(seen.n, 1);	/* the collection only: refused looks read nothing */
	CHECK_STR(seen.ops[0], "collection");

	CHECK_INT(concern_contact_open(s, r.id, &by, "to arrange a visit", &c, &e), 0);
	CHECK_STR(c.name, "Gwen Parry");
	CHECK_STR(c.email, "gwen@example.org");
	CHECK_INT(c.consent_contact, 1);
	memset(&seen, 0, sizeof(seen));
	CHECK_INT(audit_each_for_record(s, "concern_contact", r.id, collect, &seen, &e), 0);
	CHECK_INT(seen.n, 2);
	CHECK_STR(seen.ops[1], "consultation");

	CHECK_INT(concern_contact_open(s, 999, &by, "to arrange a visit", &c, &e), ERR_NOTFOUND);
	CHECK_INT(key_contact_add(s, &k, &kid, &e), 0);
	memset(&seen, 0, sizeof(seen));
	CHECK_INT(audit_each_for_record(s, "key_contact", kid, collect, &seen, &e), 0);
	CHECK_INT(seen.n, 1);
	CHECK_STR(seen.ops[0], "collection");
	CHECK_INT(audit_verify(s, &v, &e), 0);
	CHECK_INT(v.first_bad_id, 0);
	CHECK_INT(v.entries, 3);
	store_close(s);
}

TEST(audit_an_anonymous_concern_collects_nothing)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct concern_input in = {
		.force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "online-form",
		.body = "Litter on the promenade", .anonymous = 1, .created_by = "online form",
	};
	struct concern_result r;
	struct audit_verdict v;

	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), 0);
	CHECK_INT(audit_verify(s, &v, &e), 0);
	CHECK_INT(v.entries, 0);
	store_close(s);
}
