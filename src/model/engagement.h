/*
 * engagement.h - the vocabulary and pure rules of the engagement cycle:
 * know, plan, engage and collect, prioritise (PACT), act, feed back.
 *
 * Everything here is data and arithmetic, no I/O: the services in engage/
 * store and load records and call these rules, so the rules are the same
 * for the CLI, the API and the web pages, and each is tested alone.
 *
 * Names are stable slugs (stored, sent in the API) with English and Welsh
 * labels for people.
 */
#ifndef ENGAGE_MODEL_ENGAGEMENT_H
#define ENGAGE_MODEL_ENGAGEMENT_H

#include <stddef.h>
#include <stdint.h>

/* A slug with its labels. */
struct vocab {
	const char *slug;
	const char *en;
	const char *cy;
};

/* Look a slug up in a table; -1 when unknown. */
int vocab_find(const struct vocab *table, int count, const char *slug);

/* Kinds of engagement activity. */
enum activity_kind {
	ACT_BEAT_MEETING, ACT_PACT_MEETING, ACT_SURGERY, ACT_STREET_MEETING,
	ACT_DOOR_TO_DOOR, ACT_EVA, ACT_POSTCARD_DROP, ACT_COMMUNITY_EVENT,
	ACT_IAG_MEETING, ACT_ONLINE_MEETING, ACT_SOCIAL_MEDIA, ACT_KIND_COUNT
};
extern const struct vocab activity_kinds[ACT_KIND_COUNT];

/* How an activity was held. */
enum activity_mode { MODE_IN_PERSON, MODE_ONLINE, MODE_HYBRID, MODE_COUNT };
extern const struct vocab activity_modes[MODE_COUNT];

/* Channels a concern can arrive through. */
enum channel {
	CH_MEETING, CH_SURGERY, CH_STREET, CH_POSTCARD, CH_DOOR_TO_DOOR, CH_EVA,
	CH_ONLINE_FORM, CH_EMAIL, CH_PHONE, CH_SOCIAL_MEDIA, CH_PARTNER_REFERRAL,
	CH_COUNT
};
extern const struct vocab channels[CH_COUNT];

/* Concern categories: the police.uk crime categories (same slugs) and local
 * ones residents raise that police.uk does not count. */
extern const struct vocab concern_categories[];
extern const int concern_category_count;
/* The police.uk crime category (model/police.h) a concern category matches,
 * for the crime trend in its score, or -1 for local-only ones. */
int concern_category_crime(int concern_category);

/* Suggest a category from free text (English or Welsh), or -1 when nothing
 * matches.  Staff confirm it; this only saves typing.  `score` (may be NULL)
 * gets the number of keyword hits behind the suggestion. */
int concern_suggest_category(const char *text, int *score);

/* Reasonable adjustments an activity or plan entry can offer. */
enum adjustment {
	ADJ_BSL = 1 << 0, ADJ_STEP_FREE = 1 << 1, ADJ_EASY_READ = 1 << 2,
	ADJ_WELSH = 1 << 3, ADJ_ONLINE_OPTION = 1 << 4, ADJ_HEARING_LOOP = 1 << 5,
	ADJ_INTERPRETER = 1 << 6,
};
extern const struct vocab adjustments[];
extern const int adjustment_count;
/* "bsl,step-free" -> bits; -1 and *bad set to the first unknown slug's
 * offset when a slug is unknown. */
int adjustments_parse(const char *list, size_t *bad);

/* Self-described demographics use the census categories Engage compares
 * against (so who is heard can be set beside who lives there):
 *   age_band: 0-15, 16-29, 30-44, 45-64, 65+
 *   sex: female, male
 *   ethnic_group: asian, black, mixed, white, other
 * and "prefer-not-to-say" for any of them.  0 when valid; -1 and *why. */
int demographic_valid(const char *measure, const char *category, const char **why);

/* --- priorities (PACT) ----------------------------------------------------- */
enum priority_status {
	PRI_PROPOSED, PRI_AGREED, PRI_IN_PROGRESS, PRI_RESOLVED, PRI_CLOSED, PRI_STATUS_COUNT
};
extern const struct vocab priority_statuses[PRI_STATUS_COUNT];

/* Whether a priority may move from `from` to `to`; when not, *why names the
 * rule ("a priority moves proposed -> agreed -> in progress -> resolved or
 * closed").  Agreeing also needs a source or evidence: priority_can_agree. */
int priority_transition_ok(int from, int to, const char **why);
/* A priority cannot be agreed without a source concern or evidence. */
int priority_can_agree(size_t source_concerns, size_t evidence_items, const char **why);

/* --- feedback: "you said, we did" --------------------------------------------- */
/* Outcomes a concern or priority closes with; every one needs public text. */
extern const struct vocab feedback_outcomes[];
extern const int feedback_outcome_count;
/* Outcomes that mean nothing was done; they need a reason from this list. */
int feedback_outcome_is_no_action(int outcome);
extern const struct vocab no_action_reasons[];
extern const int no_action_reason_count;

/* --- reference numbers -------------------------------------------------------- */
/* A reference a raiser can quote on the phone: "ENG-7K3Q-9XFMT", from 40
 * random bits in Crockford's base 32 (no I, L, O or U; O reads as 0, I and L
 * as 1), with a
 * check character so a mistyped reference is told apart from an unknown
 * one.  `random40` must come from a cryptographic source (the caller's).
 * buf holds at least REF_LEN + 1 bytes. */
#define REF_LEN 14
void reference_format(uint64_t random40, char buf[REF_LEN + 1]);
/* Normalise what a person typed (case, spaces, missing dashes, O for 0...)
 * into buf and check it: 0, or -1 when it cannot be a reference. */
int reference_normalise(const char *typed, char buf[REF_LEN + 1]);
/* The 40 bits a reference was made from (what reference_format() took):
 * 0, or -1 when `typed` cannot be a reference.  Lets a generated history
 * keep its references when it is replayed into the store. */
int reference_parse(const char *typed, uint64_t *random40);

/* --- candidate priorities: a transparent score --------------------------------- */
struct priority_evidence {
	int distinct_people;	/* raisers, anonymous ones counted once per concern */
	int channels;		/* distinct channels it arrived through */
	int groups;		/* distinct community groups / audiences represented */
	int crime_now;		/* matching police.uk count, last 3 months */
	int crime_before;	/* the same, the 3 months before that */
	int harm;		/* 1 low .. 3 high (from the category) */
	int recurring;		/* raised in at least 3 of the last 6 months */
};

/* One line of the breakdown shown beside a candidate. */
struct score_part {
	const char *slug;	/* "people", "channels", ... */
	const char *en;		/* "distinct people raising it" */
	double points;
};

#define SCORE_PARTS 6
struct priority_score {
	double total;
	struct score_part parts[SCORE_PARTS];
};

/* Score a candidate; every point is attributed to one visible part. */
void priority_score(const struct priority_evidence *ev, struct priority_score *out);
/* The harm weight (1-3) of a concern category. */
int concern_category_harm(int concern_category);

#endif
