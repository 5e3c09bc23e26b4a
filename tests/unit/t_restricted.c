/*
 * t_restricted.c - the restricted records: community impact assessments,
 * vulnerability and repeat-victim risk, partners' data under agreements;
 * each tried as the roles that may and may not reach it.
 */
#include "test.h"

#include <stdio.h>
#include <string.h>

#include "base/timeutil.h"
#include "engage/cia.h"
#include "engage/concern.h"
#include "engage/risk.h"
#include "engage/sharing.h"
#include "town.h"

static struct user_scope scope(int role, const char *nbhd)
{
	struct user_scope u = { .role = role };

	snprintf(u.force_id, sizeof(u.force_id), "glanmor");
	if (nbhd) {
		u.n = 1;
		snprintf(u.neighbourhoods[0], sizeof(u.neighbourhoods[0]), "%s", nbhd);
	}
	return u;
}

struct op_count {
	enum audit_op op;
	int n;
};

static int count(void *ctx, const struct audit_entry *a)
{
	struct op_count *c = ctx;

	c->n += a->op == c->op;
	return 0;
}

static int entries(struct store *s, const char *kind, int64_t id, enum audit_op op)
{
	struct op_count c = { op, 0 };
	struct err e = ERR_INIT;

	audit_each_for_record(s, kind, id, count, &c, &e);
	return c.n;
}

TEST(restricted_impact_assessments_by_role_and_neighbourhood)
{
	struct town t;
	struct store *s = town_open(&t, 1, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct user_scope officer = scope(ROLE_OFFICER, "GM01"), other = scope(ROLE_OFFICER, "GM02");
	struct user_scope partner = scope(ROLE_PARTNER, NULL), analyst = scope(ROLE_ANALYST, NULL);
	struct restricted_caller pc = { "user:1", &officer, NULL }, oc = { "user:2", &other, NULL };
	struct restricted_caller part = { "user:3", &partner, "Porthmawr Council" };
	struct restricted_caller an = { "user:4", &analyst, NULL };
	struct cia_input in = {
		"glanmor", "GM01", "Fire at the mosque on Stryd Fawr", time_now() - 3600,
		"Muslim community of Porthmawr; nearby businesses", "Cause of fire; community mood",
		"Fire service; mosque committee", "Insp Rhodri Evans", "2026-12-31",
		"Elderly worshippers; children at the madrassa", "low", 7, "Dyfed-Powys (neighbouring)",
	};
	struct strbuf out = STRBUF_INIT;
	int64_t id = 0;

	if (!s)
		return;
	CHECK_INT(cia_add(s, &part, &in, &id, &e), ERR_DENIED);
	CHECK_INT(cia_add(s, &oc, &in, &id, &e), ERR_DENIED);
	CHECK_CONTAINS(e.msg, "neighbourhood you do not work in");
	CHECK_INT(cia_add(s, &pc, &in, &id, &e), 0);
	CHECK_INT(entries(s, "impact_assessment", id, AUDIT_COLLECTION), 1);

	/* opening one asks why, and only those who may */
	CHECK_INT(cia_show(s, &pc, id, "", &out, &e), ERR_INVALID);
	CHECK_INT(cia_show(s, &part, id, "curious", &out, &e), ERR_DENIED);
	CHECK_INT(cia_show(s, &oc, id, "curious", &out, &e), ERR_DENIED);
	CHECK_INT(entries(s, "impact_assessment", id, AUDIT_CONSULTATION), 0);
	CHECK_INT(cia_show(s, &an, id, "tension monitoring", &out, &e), 0);
	CHECK_CONTAINS(strbuf_str(&out), "\"incident\":\"Fire at the mosque on Stryd Fawr\"");
	CHECK_CONTAINS(strbuf_str(&out), "\"review_overdue\":false");
	CHECK_INT(entries(s, "impact_assessment", id, AUDIT_CONSULTATION), 1);
	strbuf_reset(&out);

	/* an analyst reads but does not review; the officer does */
	CHECK_INT(cia_review(s, &an, id, "medium", "Calmer after the open day", 0, &e), ERR_DENIED);
	CHECK_INT(cia_review(s, &pc, id, "medium", "Calmer after the open day", 0, &e), 0);
	CHECK_INT(cia_list(s, &pc, "glanmor", "GM01", "2099-01-01", 1, &out, &e), 0);
	CHECK_CONTAINS(strbuf_str(&out), "\"review_overdue\":true");
	CHECK(!strstr(strbuf_str(&out), "mosque"));	/* lists carry no incident details */
	strbuf_reset(&out);
	CHECK_INT(cia_list(s, &oc, "glanmor", "GM01", "2099-01-01", 0, &out, &e), ERR_DENIED);
	CHECK_INT(cia_review(s, &pc, id, "high", "Closed: no further tension", 1, &e), 0);
	CHECK_INT(cia_list(s, &pc, "glanmor", "GM01", "2099-01-01", 1, &out, &e), 0);
	CHECK_STR(strbuf_str(&out), "[]");
	strbuf_release(&out);
	town_close(&t);
}

TEST(restricted_risk_repeat_victims_and_who_may_see_them)
{
	struct town t;
	struct store *s = town_open(&t, 1, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct user_scope officer = scope(ROLE_OFFICER, "GM01"), analyst = scope(ROLE_ANALYST, NULL);
	struct restricted_caller pc = { "user:1", &officer, NULL }, an = { "user:4", &analyst, NULL };
	struct risk_contact_input in = {
		"glanmor", "GM01", 0, "Megan Hughes", "1948-03-02", "01632 960 123",
		time_now() - 90 * 86400, "Stones thrown at windows", "age,social-isolation,affected-by-asb",
		"medium", "Lives alone",
	};
	struct risk_result r;
	struct strbuf out = STRBUF_INIT;

	if (!s)
		return;
	CHECK_INT(risk_record_contact(s, &an, &in, &r, &e), ERR_DENIED);
	in.factors = "age,not-a-factor";
	CHECK_INT(risk_record_contact(s, &pc, &in, &r, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "\"not-a-factor\" is not a factor");
	in.factors = "age,social-isolation,affected-by-asb";
	CHECK_INT(risk_record_contact(s, &pc, &in, &r, &e), 0);
	CHECK_INT(r.repeat_victim, 0);
	/* a second contact within the year: a repeat victim, derived */
	in.person_id = r.person_id;
	in.contacted_at = 0;
	in.risk_level = "high";
	in.incident = "Door kicked, abuse shouted";
	CHECK_INT(risk_record_contact(s, &pc, &in, &r, &e), 0);
	CHECK_INT(r.repeat_victim, 1);
	CHECK_INT(r.contacts_in_window, 2);
	CHECK_INT(risk_show(s, &an, r.person_id, "review", &out, &e), ERR_DENIED);
	CHECK_INT(risk_show(s, &pc, r.person_id, "visit planning", &out, &e), 0);
	CHECK_CONTAINS(strbuf_str(&out), "\"repeat_victim\":true");
	CHECK_CONTAINS(strbuf_str(&out), "\"risk_level\":\"high\"");
	CHECK_CONTAINS(strbuf_str(&out), "\"name\":\"Megan Hughes\"");
	strbuf_reset(&out);
	CHECK_INT(risk_list(s, &pc, "glanmor", "GM01", &out, &e), 0);
	CHECK(!strstr(strbuf_str(&out), "Megan"));
	CHECK_INT(entries(s, "risk_person", r.person_id, AUDIT_CONSULTATION), 1);
	CHECK_INT(entries(s, "risk_person", r.person_id, AUDIT_ALTERATION), 1);
	strbuf_release(&out);
	town_close(&t);
}

TEST(restricted_partners_see_and_submit_only_what_their_agreement_allows)
{
	struct town t;
	struct store *s = town_open(&t, 1, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct user_scope sgt = scope(ROLE_SERGEANT, NULL), partner = scope(ROLE_PARTNER, NULL);
	struct user_scope officer = scope(ROLE_OFFICER, "GM01");
	struct restricted_caller sc = { "user:1", &sgt, NULL };
	struct restricted_caller council = { "user:3", &partner, "Porthmawr Council" };
	struct restricted_caller housing = { "user:5", &partner, "Tai Porthmawr" };
	struct restricted_caller pc = { "user:6", &officer, NULL };
	struct sharing_input isa = { "glanmor", "Porthmawr Council", "Council ASB protocol",
				     "litter,noise", "litter", "2020-01-01", "2099-12-31",
				     "Ch Insp Davies" };
	struct submission_input sub = { "glanmor", "GM01", "environmental-health", "litter",
					time_now() - 86400, "Lon y Felin", "Mattresses dumped again" };
	struct concern_input litter = { .force_id = "glanmor", .neighbourhood_id = "GM01",
		.channel = "online-form", .category = "litter", .body = "Bins overflowing",
		.name = "Private Person", .email = "private@example.org", .consent_contact = 1,
		.created_by = "online form" };
	struct concern_input burglary = litter;
	struct concern_result r1, r2;
	struct strbuf out = STRBUF_INIT;
	int64_t id, agreement, isa_id;

	if (!s)
		return;
	CHECK_INT(sharing_agree(s, &council, &isa, &isa_id, &e), ERR_DENIED);
	isa.may_see = "litter,not-a-category";
	CHECK_INT(sharing_agree(s, &sc, &isa, &isa_id, &e), ERR_INVALID);
	isa.may_see = "litter,noise";
	CHECK_INT(sharing_agree(s, &sc, &isa, &isa_id, &e), 0);

	/* submissions: only categories the agreement allows, only partners with one */
	CHECK_INT(sharing_submit(s, &council, &sub, &id, &agreement, &e), 0);
	CHECK_INT(agreement, isa_id);
	sub.category = "noise";	/* it may see noise concerns, not submit them */
	CHECK_INT(sharing_submit(s, &council, &sub, &id, &agreement, &e), ERR_DENIED);
	sub.category = "litter";
	CHECK_INT(sharing_submit(s, &housing, &sub, &id, &agreement, &e), ERR_DENIED);
	CHECK_INT(sharing_submissions(s, &pc, "glanmor", "GM01", &out, &e), 0);
	CHECK_CONTAINS(strbuf_str(&out), "Mattresses dumped again");
	strbuf_reset(&out);
	CHECK_INT(sharing_submissions(s, &housing, "glanmor", "GM01", &out, &e), 0);
	CHECK_STR(strbuf_str(&out), "[]");
	strbuf_reset(&out);

	/* concerns: litter yes, burglary no, and never who raised them */
	burglary.category = "burglary";
	burglary.body = "Shed broken into";
	CHECK_INT(concern_raise(s, &litter, NULL, NULL, &r1, &e), 0);
	CHECK_INT(concern_raise(s, &burglary, NULL, NULL, &r2, &e), 0);
	CHECK_INT(sharing_concerns(s, &housing, "glanmor", "GM01", &out, &e), ERR_DENIED);
	CHECK_INT(sharing_concerns(s, &council, "glanmor", "GM01", &out, &e), 0);
	CHECK_CONTAINS(strbuf_str(&out), "Bins overflowing");
	CHECK(!strstr(strbuf_str(&out), "Shed broken into"));
	CHECK(!strstr(strbuf_str(&out), "private@example.org"));
	CHECK(!strstr(strbuf_str(&out), "Private Person"));
	CHECK_INT(entries(s, "concern", r1.id, AUDIT_DISCLOSURE), 1);
	CHECK_INT(entries(s, "concern", r2.id, AUDIT_DISCLOSURE), 0);
	strbuf_release(&out);
	town_close(&t);
}
