/*
 * t_bulk.c - a batch of postcards from the bulk entry form: rows read in
 * order, empty rows skipped, each problem naming its row and field, the
 * batch's channel, language and activity checked; and concern_raise_batch
 * keeping all of a batch or none of it.
 */
#include "test.h"

#include <stdio.h>
#include <string.h>

#include "engage/concern_batch.h"
#include "model/engagement.h"
#include "store/store.h"
#include "store/tables.h"
#include "web/bulk.h"

static const struct concern_input base = {
	.force_id = "glanmor", .neighbourhood_id = "GM01", .created_by = "user:7",
};

/* Parse `body` and read it as a batch (the form is kept in *f). */
static size_t read_body(const char *body, struct web_form *f, const struct record_activity *acts,
			size_t nacts, struct bulk_batch *b)
{
	struct err e = ERR_INIT;

	CHECK_INT(web_form_parse_text(body, strlen(body), f, &e), 0);
	return bulk_read(f, &base, acts, nacts, b);
}

static struct bulk_batch batch;

TEST(bulk_rows_are_read_in_order_and_empty_ones_skipped)
{
	struct web_form f;
	const char body[] =
		"csrf=x&channel=door-to-door&language=cy&activity="
		"&text-1=Ceir+yn+goryrru&category-1=&where-1=Stryd+Fawr&age-1=65%2B&sex-1=female&ethnic-1="
		"&text-2=+&category-2=&where-2=&age-2=&sex-2=&ethnic-2="
		"&text-3=Dog+mess&category-3=dog-fouling&where-3=&age-3=&sex-3=&ethnic-3=white";

	CHECK_INT(read_body(body, &f, NULL, 0, &batch), 0);
	CHECK_INT(batch.n, 2);
	CHECK_INT(batch.row_of[0], 1);
	CHECK_INT(batch.row_of[1], 3);
	CHECK_INT(batch.last_row, 3);
	CHECK_STR(batch.in[0].channel, "door-to-door");
	CHECK_STR(batch.in[0].language, "cy");
	CHECK_STR(batch.in[0].force_id, "glanmor");
	CHECK_STR(batch.in[0].created_by, "user:7");
	CHECK_STR(batch.in[0].body, "Ceir yn goryrru");
	CHECK(batch.in[0].category == NULL);		/* suggested from the words */
	CHECK_STR(batch.in[0].location_text, "Stryd Fawr");
	CHECK_INT(batch.in[0].activity_id, 0);
	CHECK_INT(batch.in[0].ndemographics, 2);
	CHECK_STR(batch.in[0].demographics[0].measure, "age_band");
	CHECK_STR(batch.in[0].demographics[0].category, "65+");
	CHECK_STR(batch.in[0].demographics[1].measure, "sex");
	CHECK_STR(batch.in[1].category, "dog-fouling");
	CHECK(batch.in[1].location_text == NULL);
	CHECK_INT(batch.in[1].ndemographics, 1);
	CHECK_STR(batch.in[1].demographics[0].category, "white");
	web_form_release(&f);
}

TEST(bulk_problems_name_the_row_and_the_field)
{
	struct web_form f;
	const char body[] =
		"channel=fax&language=fr&activity=12"
		"&text-1=Noise&category-1=aliens&where-1=&age-1=&sex-1=&ethnic-1="
		"&text-2=&category-2=&where-2=Heol+y+Bont&age-2=&sex-2=&ethnic-2="
		"&text-3=Litter&category-3=&where-3=&age-3=12-20&sex-3=other&ethnic-3=martian";

	CHECK_INT(read_body(body, &f, NULL, 0, &batch), 8);
	CHECK_STR(batch.errors[0].field_id, "channel");
	CHECK_INT(batch.errors[0].message, M_PC_ERR_CHANNEL);
	CHECK(batch.args[0] == NULL);
	CHECK_STR(batch.errors[1].field_id, "language");
	CHECK_STR(batch.errors[2].field_id, "activity");	/* not one of this neighbourhood's */
	CHECK_STR(batch.errors[3].field_id, "category-1");
	CHECK_INT(batch.errors[3].message, M_PC_ERR_CATEGORY);
	CHECK_STR(batch.args[3], "1");
	CHECK_STR(batch.errors[4].field_id, "text-2");
	CHECK_INT(batch.errors[4].message, M_PC_ERR_TEXT);
	CHECK_STR(batch.args[4], "2");
	CHECK_STR(batch.errors[5].field_id, "age-3");
	CHECK_INT(batch.errors[5].message, M_PC_ERR_AGE);
	CHECK_STR(batch.errors[6].field_id, "sex-3");
	CHECK_STR(batch.errors[7].field_id, "ethnic-3");
	CHECK_STR(batch.args[7], "3");
	CHECK_INT(batch.n, 0);		/* no row with a problem goes forward */
	web_form_release(&f);
}

TEST(bulk_needs_a_row_and_refuses_long_text)
{
	struct web_form f;
	struct strbuf body = STRBUF_INIT;
	const char empty[] = "channel=postcard&language=en&activity=&text-1=&category-1=&where-1=&age-1=&sex-1=&ethnic-1=";

	CHECK_INT(read_body(empty, &f, NULL, 0, &batch), 1);
	CHECK_STR(batch.errors[0].field_id, "text-1");
	CHECK_INT(batch.errors[0].message, M_PC_ERR_NONE);
	web_form_release(&f);

	strbuf_addstr(&body, "channel=postcard&language=en&text-1=");
	for (int i = 0; i <= CONCERN_BODY_MAX; i++)
		strbuf_addch(&body, 'a');
	strbuf_addstr(&body, "&where-1=");
	for (int i = 0; i <= 200; i++)
		strbuf_addch(&body, 'b');
	CHECK_INT(read_body(body.buf, &f, NULL, 0, &batch), 2);
	CHECK_INT(batch.errors[0].message, M_PC_ERR_TEXT_LONG);
	CHECK_INT(batch.errors[1].message, M_PC_ERR_WHERE);
	web_form_release(&f);
	strbuf_release(&body);
}

TEST(bulk_takes_at_most_a_hundred_rows)
{
	struct web_form f;
	struct strbuf body = STRBUF_INIT;

	strbuf_addstr(&body, "channel=postcard&language=en");
	for (int i = 1; i <= POSTCARD_MAX_ROWS + 1; i++) {
		char row[64];

		snprintf(row, sizeof(row), "&text-%d=card+%d", i, i);
		strbuf_addstr(&body, row);
	}
	CHECK_INT(read_body(body.buf, &f, NULL, 0, &batch), 1);
	CHECK_INT(batch.errors[0].message, M_PC_ERR_TOO_MANY);
	CHECK_INT(batch.n, POSTCARD_MAX_ROWS);
	web_form_release(&f);
	strbuf_release(&body);
}

TEST(bulk_activity_comes_from_the_neighbourhoods_list)
{
	struct web_form f;
	struct record_activity acts[2] = { { .id = 41, .starts_at = 1700000000 },
					   { .id = 42, .starts_at = 1700003600 } };
	const char body[] = "channel=street&language=en&activity=42&text-1=Speeding";

	CHECK_INT(read_body(body, &f, acts, 2, &batch), 0);
	CHECK_INT(batch.in[0].activity_id, 42);
	CHECK_INT(batch.in[0].raised_at, 1700003600);	/* when they said it */
	web_form_release(&f);
}

TEST(bulk_demographic_choices_are_the_census_categories)
{
	for (int m = 0; m < ENTRY_DEMOG_MEASURES; m++)
		for (int c = 0; c < entry_demogs[m].n; c++)
			CHECK(demographic_valid(entry_demogs[m].measure, entry_demogs[m].cat[c].slug, NULL) == 0);
}

static uint64_t counter_random(void *ctx)
{
	return ++*(uint64_t *)ctx * 0x9e3779b97fULL;
}

static int count_ref(void *ctx, const char *reference)
{
	(void)reference;
	++*(int *)ctx;
	return 0;
}

static int count_row(void *ctx, const struct store_row *r)
{
	(void)r;
	++*(int *)ctx;
	return 0;
}

TEST(concern_batch_is_all_or_nothing)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;
	char db[600];
	uint64_t seed = 0;
	struct concern_input in[3] = {
		{ .force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "postcard",
		  .body = "Speeding on Stryd Fawr", .created_by = "user:7" },
		{ .force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "postcard",
		  .body = "Dog mess", .created_by = "user:7" },
		{ .force_id = "glanmor", .neighbourhood_id = "GM01", .channel = "postcard",
		  .body = "   ", .created_by = "user:7" },		/* refused: blank */
	};
	struct concern_result out[3];
	size_t failed = 99;
	int rows = 0, refs = 0;

	snprintf(db, sizeof(db), "%s/b.db", test_tmpdir());
	CHECK_INT(store_open(db, STORE_CREATE, &s, &e), 0);
	CHECK_INT(store_force_put(s, &(struct store_force){ "glanmor", "Glanmor Police", NULL, NULL, NULL }, &e), 0);
	CHECK_INT(store_neighbourhood_put(s, &(struct store_neighbourhood){ "glanmor", "GM01", "Town Centre",
									    NULL, NULL, 0 }, &e), 0);
	CHECK(concern_raise_batch(s, in, 3, counter_random, &seed, out, &failed, &e) < 0);
	CHECK_INT(failed, 2);
	CHECK_CONTAINS(e.msg, "text");
	CHECK_INT(store_row_find(s, &store_concerns, NULL, 0, count_row, &rows, &e), 0);
	CHECK_INT(rows, 0);			/* the first two were undone */

	CHECK_INT(concern_raise_batch(s, in, 2, counter_random, &seed, out, &failed, &e), 0);
	CHECK_INT(store_row_find(s, &store_concerns, NULL, 0, count_row, &rows, &e), 0);
	CHECK_INT(rows, 2);
	CHECK(out[1].id == out[0].id + 1);
	CHECK_INT(concern_batch_references(s, "glanmor", "GM01", "user:7", out[0].id, out[1].id,
					   count_ref, &refs, &e), 0);
	CHECK_INT(refs, 2);
	refs = 0;
	CHECK_INT(concern_batch_references(s, "glanmor", "GM01", "user:8", out[0].id, out[1].id,
					   count_ref, &refs, &e), 0);
	CHECK_INT(refs, 0);			/* only what this person typed */
	CHECK(concern_batch_references(s, "glanmor", "GM01", "user:7", 1, 5000, count_ref, &refs, &e) < 0);
	store_close(s);
}
