/*
 * t_engage_cycle.c - one concern's journey through the services, on a real
 * store holding the demo town: a postcard typed in by an officer, grouped
 * with others, a PACT vote, an action by a partner, feedback, and the
 * public view the raiser finds with their reference.  The rules that
 * refuse are tested on the way.
 */
#include "test.h"
#include "town.h"

#include "base/timeutil.h"
#include "demo/demo.h"
#include "engage/activity.h"
#include "engage/concern.h"
#include "engage/feedback.h"
#include "engage/pact.h"
#include "import/pipeline.h"
#include "index/readmodel.h"
#include "store/tables.h"

#include <stdio.h>

static uint64_t fixed_random(void *ctx)
{
	return ++*(uint64_t *)ctx * 0x9e3779b97fULL;
}

static int64_t pact_meeting(struct store *s, const char *kind)
{
	struct activity_input a = {
		.force_id = "glanmor", .neighbourhood_id = "GM01", .kind = kind,
		.title = "Town Centre PACT meeting", .starts_at = time_now() - 3600,
		.venue = "Canolfan Gymunedol", .address = "Stryd Fawr, Porthmawr",
		.accessibility = "Step-free entrance; hearing loop", .adjustments = ADJ_STEP_FREE | ADJ_HEARING_LOOP,
		.attendance = 18, .created_by = "PC Sioned Jenkins",
		.demographics = { { "age_band", "65+", 7 }, { "sex", "female", 10 } },
		.ndemographics = 2,
	};
	struct err e = ERR_INIT;
	int64_t id = 0;

	CHECK_INT(activity_add(s, &a, &id, &e), 0);
	CHECK_STR(e.msg, "");
	return id;
}

static int grab_version(void *ctx, const struct store_row *r)
{
	*(int64_t *)ctx = r->version;
	return 0;
}

static int64_t version_of(struct store *s, const struct store_table *t, int64_t id)
{
	struct err e = ERR_INIT;
	int64_t version = 0;

	CHECK_INT(store_row_get(s, t, id, grab_version, &version, &e), 0);
	return version;
}

static int count_rows(void *ctx, const struct store_row *r)
{
	(*(int *)ctx)++;
	return 0;
}

static void future_date(char buf[11], int days)
{
	int y, m, d;

	civil_from_days(time_now() / 86400 + days, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

TEST(engage_cycle_postcard_to_you_said_we_did)
{
	struct town t;
	struct store *s = town_open(&t, 6, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	uint64_t seq = 0;
	struct concern_input postcard = {
		.force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "postcard",
		.body = "Cars speeding down Stryd Fawr outside the school every morning",
		.location_text = "Stryd Fawr by the primary school",
		.name = "Gwen Parry", .email = "gwen.parry@example.org", .consent_contact = 1,
		.created_by = "PC Sioned Jenkins",
	};
	struct concern_input other = {
		.force_id = "glanmor", .neighbourhood_id = "GM01",
		.body = "Boy racers on the high street at night, far too fast", .anonymous = 1,
		.created_by = "online form",
	};
	struct concern_result card, r2, r3;
	struct concern_public pub;
	struct pact_candidate cand[16];
	struct priority_input pi = { "glanmor", "GM01", 0, "Speeding on Stryd Fawr",
				     "Speeding on Stryd Fawr near the school", NULL, "Sgt Ffion Mensah", 0 };
	struct action_input act = { 0, "partner", "Road safety officer", "Porthmawr County Council",
				    "Speed survey and a vehicle-activated sign", "" };
	struct feedback_input fb = { "priority", 0, "partner-action", NULL,
				     "The council surveyed speeds and put up a flashing sign; speeds fell.",
				     "Sign cost met from the road safety budget", "Sgt Ffion Mensah", 0 };
	char review[11], due[11];
	int64_t meeting, priority, bare, action;
	int n, people = 0, nch = 0, messages = 0, rows = 0;

	if (!s)
		return;
	meeting = pact_meeting(s, "pact-meeting");

	/* an officer types in a paper postcard; the category is suggested */
	CHECK_INT(concern_raise(s, &postcard, fixed_random, &seq, &card, &e), 0);
	CHECK_STR(card.category, "speeding");
	CHECK(card.category_suggested);
	CHECK_INT(strlen(card.reference), REF_LEN);
	/* two more people, through two other channels, about the same thing */
	other.channel = "online-form";
	CHECK_INT(concern_raise(s, &other, fixed_random, &seq, &r2, &e), 0);
	other.channel = "meeting";
	other.activity_id = meeting;
	CHECK_INT(concern_raise(s, &other, fixed_random, &seq, &r3, &e), 0);
	CHECK_INT(r2.group_id, card.group_id);
	CHECK_INT(r3.group_id, card.group_id);
	CHECK_INT(concern_group_counts(s, card.group_id, &people, &nch, &e), 0);
	CHECK_INT(people, 3);
	CHECK_INT(nch, 3);

	/* the PACT meeting sees it as a candidate, with its score's reasons */
	n = pact_candidates(s, NULL, "glanmor", "GM01", cand, 16, &e);
	CHECK_INT(n, 1);
	CHECK_INT(cand[0].group_id, card.group_id);
	CHECK_INT(cand[0].evidence.distinct_people, 3);
	CHECK_INT(cand[0].evidence.channels, 3);
	CHECK(cand[0].score.total > 0);

	/* a priority with no source and no evidence cannot be agreed */
	future_date(review, 90);
	CHECK_INT(priority_propose(s, &pi, &bare, &e), 0);
	CHECK_INT(priority_agree(s, bare, version_of(s, &store_priorities, bare), meeting, review, &e),
		  ERR_INVALID);
	CHECK_CONTAINS(e.msg, "without a source concern or evidence");

	/* from the group, voted on and agreed */
	pi.group_id = card.group_id;
	CHECK_INT(priority_propose(s, &pi, &priority, &e), 0);
	CHECK_INT(priority_vote(s, meeting, priority, 15, 2, 1, &e), 0);
	CHECK_INT(priority_agree(s, priority, version_of(s, &store_priorities, priority), meeting,
				 "2001-01-01", &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "in the past");
	CHECK_INT(priority_agree(s, priority, version_of(s, &store_priorities, priority), meeting,
				 review, &e), 0);
	/* a stale save is refused, not silently applied */
	CHECK_INT(priority_start(s, priority, 1, &e), ERR_CONFLICT);
	CHECK_INT(priority_start(s, priority, version_of(s, &store_priorities, priority), &e), 0);

	/* a partner acts */
	future_date(due, 30);
	act.priority_id = priority;
	act.due_date = due;
	CHECK_INT(action_add(s, &act, &action, &e), 0);
	CHECK_INT(action_update(s, action, version_of(s, &store_actions, action), "done", NULL, &e),
		  ERR_INVALID);
	CHECK_CONTAINS(e.msg, "say what was done");
	CHECK_INT(action_update(s, action, version_of(s, &store_actions, action), "done",
				"Sign installed on 3 March; average speed down from 34 to 26 mph", &e), 0);

	/* before feedback the raiser sees the priority, not yet an answer */
	CHECK_INT(concern_find_public(s, card.reference, &pub, &e), 0);
	CHECK_STR(pub.status, "open");
	CHECK_STR(pub.priority_status, "in-progress");
	CHECK_INT(pub.group_people, 3);

	/* closing needs a reason when nothing was done, and public text always */
	fb.subject_id = priority;
	fb.outcome = "no-action";
	CHECK_INT(feedback_give(s, &fb, NULL, NULL, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "say why");
	fb.outcome = "partner-action";
	CHECK_INT(feedback_give(s, &fb, NULL, &messages, &e), 0);
	CHECK_INT(messages, 1);	/* only the postcard's author consented */

	/* the raiser types their reference as people do, and finds the answer */
	{
		char typed[40];
		snprintf(typed, sizeof(typed), " %c%c%c%c%c %s", card.reference[4] | 32, card.reference[5] | 32,
			 card.reference[6], card.reference[7], ' ', card.reference + 9);
		CHECK_INT(concern_find_public(s, typed, &pub, &e), 0);
	}
	CHECK_STR(pub.reference, card.reference);
	CHECK_STR(pub.status, "answered");
	CHECK_STR(pub.priority_status, "resolved");
	CHECK_STR(pub.feedback_outcome, "partner-action");
	CHECK_CONTAINS(pub.feedback_text, "flashing sign");
	CHECK(!strstr(pub.feedback_text, "budget"));	/* the internal note stays inside */
	{
		struct store_where w = { MESSAGE_CONCERN_ID, SV_INT(card.id) };
		CHECK_INT(store_row_find(s, &store_messages, &w, 1, count_rows, &rows, &e), 0);
		CHECK_INT(rows, 1);
	}
	/* a resolved priority does not move again */
	CHECK_INT(priority_start(s, priority, version_of(s, &store_priorities, priority), &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "proposed -> agreed");
	CHECK_INT(concern_find_public(s, "ENG-0000-00000", &pub, &e) < 0, 1);
	town_close(&t);
}

TEST(engage_validation_names_the_field)
{
	struct town t;
	struct store *s = town_open(&t, 6, 0) == 0 ? t.s : NULL;
	struct err e = ERR_INIT;
	struct concern_result r;
	struct concern_input in = { .force_id = "glanmor", .neighbourhood_id = "GM01",
				    .channel = "fax", .body = "Litter", .anonymous = 1 };
	struct activity_input a = { .force_id = "glanmor", .neighbourhood_id = "GM01",
				    .kind = "street-meeting", .mode = "online", .title = "Chat",
				    .starts_at = time_now(), .attendance = -1 };
	int64_t id;

	if (!s)
		return;
	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "channel: \"fax\" is not one of meeting");
	in.channel = "phone";
	in.neighbourhood_id = "GM99";
	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), ERR_NOTFOUND);
	CHECK_CONTAINS(e.msg, "glanmor/GM99");
	in.neighbourhood_id = "GM01";
	in.body = "   ";
	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "text: is required");
	in.body = "Noise";
	in.anonymous = 0;
	in.consent_contact = 1;
	CHECK_INT(concern_raise(s, &in, NULL, NULL, &r, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "give an email, phone or address");
	CHECK_INT(activity_add(s, &a, &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "online link");
	a.mode = "in-person";
	CHECK_INT(activity_add(s, &a, &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "venue");
	town_close(&t);
}
