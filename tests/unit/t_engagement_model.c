/*
 * t_engagement_model.c - the engagement cycle's pure rules: category
 * suggestion, the priority state machine, references, the score.
 */
#include "test.h"

#include "model/engagement.h"
#include "model/police.h"

#include <stdio.h>

static const char *suggested(const char *text)
{
	int c = concern_suggest_category(text, NULL);

	return c < 0 ? "(none)" : concern_categories[c].slug;
}

TEST(engagement_suggests_categories_in_english_and_welsh)
{
	CHECK_STR(suggested("Cars SPEEDING down Heol y Coleg every morning"), "speeding");
	CHECK_STR(suggested("Mae pobl yn goryrru ar y ffordd fawr"), "speeding");
	CHECK_STR(suggested("Fly-tipping behind the shops again, rubbish everywhere"), "litter");
	CHECK_STR(suggested("Sŵn uchel o'r parc bob nos"), "noise");
	CHECK_STR(suggested("Someone is dealing from the flat, dealers on bikes"), "drug-dealing");
	CHECK_STR(suggested("I would like more visible policing please"), "(none)");
	CHECK_STR(suggested(""), "(none)");
}

TEST(engagement_categories_link_to_police_uk_trends)
{
	int speeding = vocab_find(concern_categories, concern_category_count, "speeding");
	int burglary = vocab_find(concern_categories, concern_category_count, "burglary");
	int dealing = vocab_find(concern_categories, concern_category_count, "drug-dealing");

	CHECK_INT(concern_category_crime(burglary), CAT_BURGLARY);
	CHECK_INT(concern_category_crime(dealing), CAT_DRUGS);
	CHECK_INT(concern_category_crime(speeding), -1);	/* police.uk does not count it */
	CHECK_INT(concern_category_harm(burglary), 3);
	CHECK_INT(concern_category_harm(vocab_find(concern_categories, concern_category_count, "litter")), 1);
}

TEST(engagement_priority_moves_only_forward)
{
	const char *why = NULL;

	CHECK(priority_transition_ok(PRI_PROPOSED, PRI_AGREED, &why));
	CHECK(priority_transition_ok(PRI_AGREED, PRI_IN_PROGRESS, &why));
	CHECK(priority_transition_ok(PRI_IN_PROGRESS, PRI_RESOLVED, &why));
	CHECK(priority_transition_ok(PRI_IN_PROGRESS, PRI_CLOSED, &why));
	CHECK(!priority_transition_ok(PRI_PROPOSED, PRI_RESOLVED, &why));
	CHECK_CONTAINS(why, "proposed -> agreed");
	CHECK(!priority_transition_ok(PRI_RESOLVED, PRI_IN_PROGRESS, &why));
	CHECK(!priority_can_agree(0, 0, &why));
	CHECK_CONTAINS(why, "without a source concern or evidence");
	CHECK(priority_can_agree(1, 0, &why));
	CHECK(priority_can_agree(0, 2, &why));
}

TEST(engagement_references_survive_how_people_type_them)
{
	char ref[REF_LEN + 1], back[REF_LEN + 1], typed[32];

	reference_format(0x12345abcdeULL, ref);
	CHECK_INT(strlen(ref), REF_LEN);
	CHECK(!strncmp(ref, "ENG-", 4));
	CHECK_INT(reference_normalise(ref, back), 0);
	CHECK_STR(back, ref);
	/* lower case, spaces, no dashes, no prefix */
	snprintf(typed, sizeof(typed), " eng %c%c%c%c %c%c%c%c%c ", ref[4] | 32, ref[5] | 32, ref[6],
		 ref[7], ref[9], ref[10], ref[11], ref[12], ref[13]);
	CHECK_INT(reference_normalise(typed, back), 0);
	CHECK_STR(back, ref);
	/* every single-character change of a non-zero, non-Z character is caught */
	for (int pos = 4; pos < REF_LEN; pos++) {
		if (ref[pos] == '-')
			continue;
		memcpy(typed, ref, REF_LEN + 1);
		typed[pos] = ref[pos] == 'A' ? 'B' : 'A';
		CHECK_INT(reference_normalise(typed, back), -1);
	}
	CHECK_INT(reference_normalise("ENG-1234", back), -1);
	CHECK_INT(reference_normalise("not a reference", back), -1);
}

TEST(engagement_score_is_the_sum_of_its_visible_parts)
{
	struct priority_evidence ev = { .distinct_people = 23, .channels = 4, .groups = 2,
					.crime_now = 30, .crime_before = 20, .harm = 2, .recurring = 1 };
	struct priority_score s;
	double sum = 0;

	priority_score(&ev, &s);
	for (int i = 0; i < SCORE_PARTS; i++)
		sum += s.parts[i].points;
	CHECK(s.total == sum);
	CHECK_STR(s.parts[0].slug, "people");
	CHECK(s.parts[0].points == 23);
	CHECK(s.parts[1].points == 8);
	CHECK(s.parts[3].points == 6 + 5);	/* 30 * 0.2, and rising by 50% */
	CHECK(s.total == 23 + 8 + 6 + 11 + 10 + 10);
	ev.distinct_people = 500;	/* capped: a loud street cannot drown the rest */
	priority_score(&ev, &s);
	CHECK(s.parts[0].points == 30);
}

TEST(engagement_adjustments_parse_and_name_the_bad_one)
{
	size_t bad = 0;

	CHECK_INT(adjustments_parse("bsl,step-free,welsh", &bad), ADJ_BSL | ADJ_STEP_FREE | ADJ_WELSH);
	CHECK_INT(adjustments_parse("", &bad), 0);
	CHECK_INT(adjustments_parse("bsl,ramp", &bad), -1);
	CHECK_INT(bad, 4);
}

TEST(engagement_demographics_use_census_categories)
{
	const char *why = NULL;

	CHECK_INT(demographic_valid("age_band", "65+", &why), 0);
	CHECK_INT(demographic_valid("ethnic_group", "prefer-not-to-say", &why), 0);
	CHECK_INT(demographic_valid("age_band", "70-79", &why), -1);
	CHECK_CONTAINS(why, "0-15, 16-29");
	CHECK_INT(demographic_valid("religion", "none", &why), -1);
	CHECK_CONTAINS(why, "age_band, sex and ethnic_group");
}
