/*
 * t_history.c - the demo town's year of engagement: the generated files are
 * the same bytes for the same seed and look like a real year (every
 * channel, some Welsh, PACT meetings and agreed priorities everywhere,
 * partners' actions, a closure with no action and its reason); replaying
 * them through the services gives a published record with "we did" text;
 * a broken row rolls back the whole town import.
 */
#include "test.h"

#include "demo/demo.h"
#include "engage/activity.h"
#include "engage/engage-internal.h"
#include "engage/history.h"
#include "engage/pact.h"
#include "engage/record.h"
#include "import/engagement.h"
#include "model/engagement.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void generate(const char *dir, uint64_t seed)
{
	struct demo_options o;
	struct err e = ERR_INIT;

	demo_options_default(&o);
	o.seed = seed;
	o.months = 3;
	o.out_dir = dir;
	CHECK_INT(demo_generate(&o, NULL, &e), 0);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* "GM03" -> 2 */
static int nbhd_index(const char *id)
{
	return (int)engagement_count(id + 2, 0) - 1;
}

TEST(history_demo_files_are_deterministic)
{
	static const char *const names[] = { "activities", "concerns", "priorities", "actions", "feedback" };
	char a[600], b[600], c[600];

	snprintf(a, sizeof(a), "%s/hist-a", test_tmpdir());
	snprintf(b, sizeof(b), "%s/hist-b", test_tmpdir());
	snprintf(c, sizeof(c), "%s/hist-c", test_tmpdir());
	generate(a, 1);
	generate(b, 1);
	generate(c, 2);
	for (int i = 0; i < 5; i++) {
		char pa[700], pb[700], pc[700];
		size_t la = 0, lb = 0, lc = 0;
		char *x, *y, *z;

		snprintf(pa, sizeof(pa), "%s/engagement/%s.csv", a, names[i]);
		snprintf(pb, sizeof(pb), "%s/engagement/%s.csv", b, names[i]);
		snprintf(pc, sizeof(pc), "%s/engagement/%s.csv", c, names[i]);
		x = slurp(pa, &la);
		y = slurp(pb, &lb);
		z = slurp(pc, &lc);
		CHECK(x && y && z);
		CHECK(la > 100);
		CHECK(la == lb && !memcmp(x, y, la));
		CHECK(la != lc || memcmp(x, z, la));	/* another seed, another year */
		free(x);
		free(y);
		free(z);
	}
}

TEST(history_demo_year_is_believable)
{
	struct engagement_files f;
	struct err e = ERR_INIT;
	char dir[600], sub[700];
	int used[CH_COUNT] = { 0 }, welsh = 0, pact[8] = { 0 }, agreed[8] = { 0 };
	int partners = 0, council = 0, housing = 0, fire = 0, youth = 0, no_action = 0;
	const struct engagement_table *t;

	snprintf(dir, sizeof(dir), "%s/hist-believe", test_tmpdir());
	generate(dir, 1);
	snprintf(sub, sizeof(sub), "%s/engagement", dir);
	CHECK_INT(engagement_files_read(sub, &f, &e), 0);

	t = &f.t[EF_ACTIVITIES];
	for (size_t i = 0; i < t->nrows; i++) {
		char **c = t->rows[i].cell;
		long att = engagement_count(c[EA_ATTENDANCE], -1);
		int n = nbhd_index(c[EA_NBHD]);

		CHECK(n >= 0 && n < 8);
		if (!strcmp(c[EA_KIND], "pact-meeting")) {
			pact[n]++;
			CHECK(att >= 8 && att <= 30);
		}
		if (!strcmp(c[EA_KIND], "street-meeting"))
			CHECK(att >= 5 && att <= 15);
		CHECK(strncmp(c[EA_STARTS], "2025-11", 7) >= 0 && strncmp(c[EA_STARTS], "2026-10", 7) <= 0);
	}
	t = &f.t[EF_CONCERNS];
	CHECK(t->nrows >= 300);
	for (size_t i = 0; i < t->nrows; i++) {
		char **c = t->rows[i].cell;
		int ch = vocab_find(channels, CH_COUNT, c[EC_CHANNEL]);

		CHECK(ch >= 0);
		if (ch >= 0)
			used[ch]++;
		welsh += !strcmp(c[EC_LANGUAGE], "cy");
		if (*c[EC_EMAIL])
			CHECK(strstr(c[EC_EMAIL], "@example.org") != NULL);
		if (*c[EC_PHONE])
			CHECK(!strncmp(c[EC_PHONE], "01632 960", 9));
	}
	for (int ch = 0; ch < CH_COUNT; ch++)
		CHECK(used[ch] > 0);
	CHECK(welsh * 100 >= (int)t->nrows * 10 && welsh * 100 <= (int)t->nrows * 20);
	t = &f.t[EF_PRIORITIES];
	for (size_t i = 0; i < t->nrows; i++)
		agreed[nbhd_index(t->rows[i].cell[EP_NBHD])]++;
	for (int n = 0; n < 7; n++) {
		CHECK(pact[n] >= 6);
		CHECK(agreed[n] >= 2 && agreed[n] <= 4);
	}
	t = &f.t[EF_ACTIONS];
	for (size_t i = 0; i < t->nrows; i++) {
		const char *org = t->rows[i].cell[EX_PARTNER_ORG];

		partners += !strcmp(t->rows[i].cell[EX_OWNER_KIND], "partner");
		council += strstr(org, "Council") != NULL;
		housing += strstr(org, "Housing Association") != NULL;
		fire += strstr(org, "Fire and Rescue") != NULL;
		youth += strstr(org, "Youth Service") != NULL;
	}
	CHECK(partners > 5 && council > 0 && housing + fire + youth > 0);
	t = &f.t[EF_FEEDBACK];
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(t->rows[i].cell[EB_OUTCOME], "no-action")) {
			no_action++;
			CHECK(*t->rows[i].cell[EB_REASON]);
		}
	CHECK(no_action >= 1);
	engagement_files_release(&f);
}

static struct store *fresh_store(const char *name)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;
	char db[600];

	snprintf(db, sizeof(db), "%s/%s.db", test_tmpdir(), name);
	remove(db);
	CHECK_INT(store_open(db, STORE_CREATE, &s, &e), 0);
	return s;
}

TEST(history_import_town_publishes_a_record)
{
	struct store *s = fresh_store("hist-import");
	struct import_summary isum;
	struct history_summary h;
	struct record rec;
	struct err e = ERR_INIT;
	char dir[600];
	int resolved_with_text = 0, activities = 0;

	snprintf(dir, sizeof(dir), "%s/hist-import", test_tmpdir());
	generate(dir, 1);
	CHECK_INT(history_import_town(s, dir, NULL, &isum, &h, &e), 0);
	CHECK(isum.neighbourhoods == 7);
	CHECK(h.activities > 100 && h.concerns >= 300 && h.priorities >= 14 && h.actions > 20);
	CHECK(h.by_status[PRI_RESOLVED] > 0 && h.by_status[PRI_IN_PROGRESS] > 0);
	CHECK_INT(h.by_status[PRI_CLOSED], 1);
	CHECK(h.concerns_answered > 0 && h.feedback > 0);
	for (int n = 1; n <= 7; n++) {
		char id[8];

		snprintf(id, sizeof(id), "GM%02d", n);
		CHECK_INT(record_load(s, "glanmor", id, 0, &rec, &e), 0);
		activities += rec.nactivities > 0;
		CHECK(rec.npriorities >= 2);
		for (size_t i = 0; i < rec.npriorities; i++)
			if (!strcmp(rec.priorities[i].status, "resolved") && rec.priorities[i].feedback_text &&
			    *rec.priorities[i].feedback_text) {
				resolved_with_text++;
				CHECK(rec.priorities[i].agreed_at > 0 && rec.priorities[i].agreed_at < rec.priorities[i].feedback_at);
			}
		CHECK(rec.raised_total > 20);
		record_release(&rec);
	}
	CHECK_INT(activities, 7);
	CHECK(resolved_with_text >= 7);
	store_close(s);
}

static int count_rows(void *ctx, const struct store_force *f)
{
	(*(int *)ctx)++;
	return 0;
}

TEST(history_broken_row_rolls_back_the_whole_town)
{
	struct store *s = fresh_store("hist-broken");
	struct import_summary isum;
	struct history_summary h;
	struct err e = ERR_INIT;
	char dir[600], path[700];
	int forces = 0;

	snprintf(dir, sizeof(dir), "%s/hist-broken", test_tmpdir());
	generate(dir, 1);
	/* the last feedback row names a priority nobody agreed */
	snprintf(path, sizeof(path), "%s/engagement/feedback.csv", dir);
	{
		FILE *f = fopen(path, "ab");

		CHECK(f != NULL);
		fputs("priority,GM09-P9,2026-10-20T10:00,action-taken,,We did it.,,Sgt\n", f);
		fclose(f);
	}
	CHECK(history_import_town(s, dir, NULL, &isum, &h, &e) < 0);
	CHECK_CONTAINS(e.msg, "feedback.csv: line ");
	CHECK_CONTAINS(e.msg, "\"GM09-P9\" is not in priorities.csv");
	CHECK_INT(store_force_each(s, count_rows, &forces, &e), 0);
	CHECK_INT(forces, 0);	/* the town's own files were rolled back too */
	store_close(s);
}

TEST(history_entry_points_check_dates_against_the_row_not_today)
{
	struct store *s = fresh_store("hist-dates");
	struct import_summary isum;
	struct history_summary h;
	struct err e = ERR_INIT;
	struct priority_input in = { "glanmor", "GM01", 0, "Old speeding", "Speeding, as it was.",
				     "speeding", "test", 0 };
	struct activity_input meet = { 0 };
	int64_t at = 1767265200;	/* 2026-01-01T11:00Z */
	int64_t pid = 0, mid = 0;
	char dir[600];

	snprintf(dir, sizeof(dir), "%s/hist-dates", test_tmpdir());
	generate(dir, 1);
	CHECK_INT(import_town(s, dir, NULL, &isum, &e), 0);
	(void)h;
	meet.force_id = "glanmor";
	meet.neighbourhood_id = "GM01";
	meet.kind = "pact-meeting";
	meet.title = "PACT";
	meet.starts_at = at - 3600;
	meet.venue = "Hall";
	meet.attendance = 10;
	CHECK_INT(activity_add_at(s, &meet, at, &mid, &e), 0);
	CHECK_INT(priority_propose_at(s, &in, at, &pid, &e), 0);
	CHECK_INT(priority_add_evidence_at(s, pid, "crime-trend", "up", at, &e), 0);
	/* a review before the day it was agreed is refused, as ever */
	CHECK_INT(priority_agree_at(s, pid, 0, mid, "2025-12-31", at, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "in the past");
	/* a review after that day is history, though it is before today */
	CHECK_INT(priority_agree_at(s, pid, 0, mid, "2026-04-01", at, &e), 0);
	/* the public door still refuses a past review date */
	{
		int64_t p2 = 0;

		CHECK_INT(priority_propose(s, &in, &p2, &e), 0);
		CHECK_INT(priority_add_evidence(s, p2, "crime-trend", "up", &e), 0);
		CHECK_INT(priority_agree(s, p2, 0, mid, "2026-04-01", &e), ERR_INVALID);
	}
	store_close(s);
}
