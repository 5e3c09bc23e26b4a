/*
 * t_pii.c - the check on public text: what it holds back, what it lets
 * through, names compared inside the database, and the override that is
 * written to the audit trail.
 */
#include "test.h"

#include <stdio.h>
#include <string.h>

#include "engage/audit.h"
#include "engage/concern.h"
#include "engage/feedback.h"
#include "engage/pii.h"
#include "town.h"

/* The kinds found in `text`, as letters in order: e(mail) p(hone)
 * v(ehicle) a(ddress) n(ame); "" when clean. */
static const char *kinds(struct store *s, const char *text)
{
	static char out[PII_MAX_FINDINGS + 1];
	struct pii_report r;
	struct err e = ERR_INIT;

	out[0] = '\0';
	if (pii_scan(s, text, &r, &e) < 0)
		return "error";
	for (size_t i = 0; i < r.n; i++)
		out[i] = "epvan"[r.f[i].kind];
	out[r.n] = '\0';
	return out;
}

TEST(pii_finds_emails_phones_registrations_and_addresses)
{
	CHECK_STR(kinds(NULL, "Write to sioned.jenkins@example.org.uk please"), "e");
	CHECK_STR(kinds(NULL, "Call 07700 900123 or 01632 960 001"), "pp");
	CHECK_STR(kinds(NULL, "ring +44 7700 900123 any time"), "p");
	CHECK_STR(kinds(NULL, "a silver car, AB12 CDE, and a van ab12cde"), "vv");
	CHECK_STR(kinds(NULL, "an old Escort, reg A123 BCD"), "v");
	CHECK_STR(kinds(NULL, "the house at 12 High Street was visited"), "a");
	CHECK_STR(kinds(NULL, "outside 14a Victoria Road, by the shop"), "a");
	CHECK_STR(kinds(NULL, "graffiti at 3 Heol y Bont again"), "a");
}

TEST(pii_lets_ordinary_public_text_through)
{
	CHECK_STR(kinds(NULL, "Reduce bicycle theft around Victoria Way."), "");
	CHECK_STR(kinds(NULL, "In an emergency call 999. For anything else call 101."), "");
	CHECK_STR(kinds(NULL, "We patrolled 12 times in March 2026 and 3 arrests followed."), "");
	CHECK_STR(kinds(NULL, "Speeds on Stryd Fawr fell from 34 to 26 mph after the sign."), "");
	CHECK_STR(kinds(NULL, "Crime fell by 15% (2025-26), see police.uk"), "");
	CHECK_STR(kinds(NULL, ""), "");
}

TEST(pii_redacts_what_it_finds)
{
	struct pii_report r;
	struct err e = ERR_INIT;
	struct strbuf out = STRBUF_INIT;
	const char text[] = "Ask Bob on 07700 900123 or bob@example.com about 12 High Street.";

	CHECK_INT(pii_scan(NULL, text, &r, &e), 0);
	pii_redact(text, &r, &out);
	CHECK_STR(strbuf_str(&out), "Ask Bob on [removed] or [removed] about [removed].");
	strbuf_release(&out);
}

static int count_disclosures(void *ctx, const struct audit_entry *a)
{
	if (a->op == AUDIT_DISCLOSURE && !strcmp(a->record_kind, "feedback") &&
	    strstr(a->detail, "a telephone number"))
		++*(int *)ctx;
	return 0;
}

TEST(pii_names_of_raisers_are_found_without_reading_them_out)
{
	struct town t;
	struct store *s = town_open(&t, 1, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct concern_input in = {
		.force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "postcard",
		.body = "Bins left out on the lane for weeks", .name = "Gwenllian Prydderch",
		.email = "g.p@example.org", .consent_contact = 1, .created_by = "test",
	};
	struct concern_result r;
	struct pii_report rep;
	const char text[] = "Thanks to GWENLLIAN PRYDDERCH for telling us.";
	struct feedback_input fb = { "concern", 0, "action-taken", NULL,
				     "Council cleared the lane; call 07700 900123 if it happens again",
				     NULL, "user:7", 0 };
	int64_t id;
	int messages, audited = 0;

	if (!s)
		return;
	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), 0);
	CHECK_INT(pii_scan(s, text, &rep, &e), 0);
	CHECK_INT((long)rep.n, 1);
	if (rep.n == 1) {
		CHECK(rep.f[0].kind == PII_NAME);
		CHECK_INT((long)rep.f[0].at, 10);
		CHECK_INT((long)rep.f[0].len, 19);
	}
	CHECK_STR(kinds(s, "Gwenllian said thank you"), "");	/* a first name alone is not enough */
	/* text for another neighbourhood is checked against its own people only,
	 * so the check tells nobody who is in this one's records */
	CHECK_INT(pii_scan_in(s, "glanmor", "GM02", text, &rep, &e), 0);
	CHECK_INT((long)rep.n, 0);
	CHECK_INT(pii_scan_in(s, "glanmor", "GM01", text, &rep, &e), 0);
	CHECK_INT((long)rep.n, 1);

	/* feedback with a phone number is held back, naming the field and where */
	fb.subject_id = r.id;
	CHECK_INT(feedback_give(s, &fb, &id, &messages, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "public text: this text will be public and seems to hold a telephone number (from character 32)");
	CHECK(!strstr(e.msg, "07700"));
	/* published anyway, it is audited as a disclosure to the public */
	fb.publish_anyway = 1;
	CHECK_INT(feedback_give(s, &fb, &id, &messages, &e), 0);
	CHECK_INT(audit_each(s, NULL, count_disclosures, &audited, &e), 0);
	CHECK_INT(audited, 1);
	town_close(&t);
}
