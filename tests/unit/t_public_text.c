/*
 * t_public_text.c - the guard on published text (model/public_text.h):
 * email addresses and UK telephone numbers are found, ordinary words,
 * short numbers, dates and references are not; the services refuse
 * feedback that carries them without quoting what was found; the staff
 * board lists what its pages need.
 */
#include "test.h"
#include "town.h"

#include "base/timeutil.h"
#include "demo/demo.h"
#include "engage/board.h"
#include "engage/feedback.h"
#include "engage/history.h"
#include "engage/pact.h"
#include "import/pipeline.h"
#include "model/public_text.h"

#include <stdio.h>

TEST(public_text_finds_email_addresses)
{
	size_t at = 99;

	CHECK_INT(public_text_check("Write to me at sian.jones@example.org please", &at), PUBLIC_TEXT_EMAIL);
	CHECK_INT(at, 15);
	CHECK_INT(public_text_check("email a@b.co.uk.", NULL), PUBLIC_TEXT_EMAIL);
	CHECK_INT(public_text_check("Meet @ the hall, follow @porthmawrpolice", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("name@localhost", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("a@b.c", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check(NULL, NULL), PUBLIC_TEXT_OK);
}

TEST(public_text_finds_uk_telephone_numbers)
{
	size_t at = 0;

	CHECK_INT(public_text_check("Ring 07700 900123 after six", &at), PUBLIC_TEXT_PHONE);
	CHECK_INT(at, 5);
	CHECK_INT(public_text_check("Call (01970) 123-456", NULL), PUBLIC_TEXT_PHONE);
	CHECK_INT(public_text_check("+44 7700 900123", NULL), PUBLIC_TEXT_PHONE);
	CHECK_INT(public_text_check("+44 (0)29 2018 0000", NULL), PUBLIC_TEXT_PHONE);
	CHECK_INT(public_text_check("0044 1970 123456", NULL), PUBLIC_TEXT_PHONE);
	CHECK_INT(public_text_check("02920180000", NULL), PUBLIC_TEXT_PHONE);
	/* not telephone numbers */
	CHECK_INT(public_text_check("Call 101, or 999 in an emergency", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("Reviewed on 2026-11-20 at 19:00", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("150 bikes marked at 3 events", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("Reference ENG-7K3Q-9XFMT", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("Crime fell from 0123 to 45", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("W01001234567 is an area code", NULL), PUBLIC_TEXT_OK);
	CHECK_INT(public_text_check("a figure of 012345678901234", NULL), PUBLIC_TEXT_OK);
	CHECK_STR(public_text_problem_name(PUBLIC_TEXT_PHONE), "a telephone number");
}


TEST(staff_board_and_feedback_queue)
{
	struct town t;
	struct store *s = town_open(&t, 3, 1) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct feedback_queue q;
	struct board b;
	struct board_meetings m;
	const struct feedback_owed *c = NULL;
	struct feedback_input in = { .subject_kind = "concern", .outcome = "action-taken",
				     .created_by = "user:1" };
	struct priority_input pi = { "glanmor", "GM01", 0, "Parking", "Parking on the pavement.", "other",
				     "user:1", 0 };
	int64_t id, before;

	if (!s)
		return;
	/* the queue: oldest first, only open concerns and current priorities */
	CHECK_INT(feedback_queue_load(s, "glanmor", "GM01", &q, &e), 0);
	CHECK(q.n > 0);
	for (size_t i = 1; i < q.n; i++)
		CHECK(q.v[i - 1].since <= q.v[i].since);
	for (size_t i = 0; i < q.n && !c; i++)
		if (!strcmp(q.v[i].kind, "concern"))
			c = &q.v[i];
	CHECK(c != NULL);
	before = (int64_t)q.n;
	if (c) {
		/* personal data is refused, and the refusal does not quote it */
		in.subject_id = c->id;
		in.public_text = "Ring PC Jones on 07700 900123.";
		CHECK_INT(feedback_give(s, &in, &id, NULL, &e), ERR_INVALID);
		CHECK_CONTAINS(e.msg, "a telephone number");
		CHECK(strstr(e.msg, "07700") == NULL);
		in.public_text = "We spoke to the shop and the bins are now emptied twice a week.";
		CHECK_INT(feedback_give(s, &in, &id, NULL, &e), 0);
	}
	feedback_queue_release(&q);
	CHECK_INT(feedback_queue_load(s, "glanmor", "GM01", &q, &e), 0);
	CHECK_INT((int64_t)q.n, before - 1);
	feedback_queue_release(&q);

	/* a proposal with no concerns behind it carries its evidence */
	CHECK_INT(priority_propose_evidenced(s, &pi, "Three complaints at the surgery.", &id, &e), 0);
	CHECK_INT(board_load(s, "glanmor", "GM01", 0, &b, &e), 0);
	CHECK(board_priority_find(&b, id) != NULL);
	if (board_priority_find(&b, id))
		CHECK_INT(board_priority_find(&b, id)->status, PRI_PROPOSED);
	for (size_t i = 0; i < b.n; i++)
		for (size_t k = 1; k < b.v[i].nactions; k++)
			CHECK(strcmp(b.v[i].actions[k - 1].due_date, b.v[i].actions[k].due_date) <= 0);
	board_release(&b);
	pi.public_text = "Parking: write to parking@example.org";
	CHECK_INT(priority_propose_evidenced(s, &pi, "x", &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "an email address");

	/* meetings: PACT and beat meetings only, newest first */
	CHECK_INT(board_meetings_load(s, "glanmor", "GM01", &m, &e), 0);
	CHECK(m.n > 0);
	for (size_t i = 1; i < m.n; i++)
		CHECK(m.v[i - 1].starts_at >= m.v[i].starts_at);
	for (size_t i = 0; i < m.n; i++)
		CHECK(!strcmp(m.v[i].kind, "pact-meeting") || !strcmp(m.v[i].kind, "beat-meeting"));
	if (m.n)
		CHECK(board_meeting_find(&m, m.v[0].id) == &m.v[0]);
	board_meetings_release(&m);
	town_close(&t);
}
