/*
 * engagement.c - the engagement cycle's vocabulary and pure rules (see
 * engagement.h).
 */
#include "model/engagement.h"

#include "model/police.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

int vocab_find(const struct vocab *table, int count, const char *slug)
{
	for (int i = 0; slug && i < count; i++)
		if (!strcmp(table[i].slug, slug))
			return i;
	return -1;
}

const struct vocab activity_kinds[ACT_KIND_COUNT] = {
	[ACT_BEAT_MEETING] = { "beat-meeting", "Beat meeting", "Cyfarfod bît" },
	[ACT_PACT_MEETING] = { "pact-meeting", "PACT meeting", "Cyfarfod PACT" },
	[ACT_SURGERY] = { "surgery", "Surgery", "Cymhorthfa" },
	[ACT_STREET_MEETING] = { "street-meeting", "Street meeting", "Cyfarfod stryd" },
	[ACT_DOOR_TO_DOOR] = { "door-to-door", "Door-to-door visits", "Ymweliadau o ddrws i ddrws" },
	[ACT_EVA] = { "eva", "Environmental visual audit", "Archwiliad gweledol amgylcheddol" },
	[ACT_POSTCARD_DROP] = { "postcard-drop", "Postcard drop", "Dosbarthu cardiau post" },
	[ACT_COMMUNITY_EVENT] = { "community-event", "Community group event", "Digwyddiad grŵp cymunedol" },
	[ACT_IAG_MEETING] = { "iag-meeting", "Independent advisory group meeting", "Cyfarfod grŵp cynghori annibynnol" },
	[ACT_ONLINE_MEETING] = { "online-meeting", "Online meeting", "Cyfarfod ar-lein" },
	[ACT_SOCIAL_MEDIA] = { "social-media", "Social media session", "Sesiwn cyfryngau cymdeithasol" },
};

const struct vocab activity_modes[MODE_COUNT] = {
	[MODE_IN_PERSON] = { "in-person", "In person", "Wyneb yn wyneb" },
	[MODE_ONLINE] = { "online", "Online", "Ar-lein" },
	[MODE_HYBRID] = { "hybrid", "In person and online", "Wyneb yn wyneb ac ar-lein" },
};

const struct vocab channels[CH_COUNT] = {
	[CH_MEETING] = { "meeting", "Meeting", "Cyfarfod" },
	[CH_SURGERY] = { "surgery", "Surgery", "Cymhorthfa" },
	[CH_STREET] = { "street", "In the street", "Ar y stryd" },
	[CH_POSTCARD] = { "postcard", "Postcard", "Cerdyn post" },
	[CH_DOOR_TO_DOOR] = { "door-to-door", "Door-to-door", "O ddrws i ddrws" },
	[CH_EVA] = { "eva", "Environmental visual audit", "Archwiliad gweledol" },
	[CH_ONLINE_FORM] = { "online-form", "Online form", "Ffurflen ar-lein" },
	[CH_EMAIL] = { "email", "Email", "E-bost" },
	[CH_PHONE] = { "phone", "Phone", "Ffôn" },
	[CH_SOCIAL_MEDIA] = { "social-media", "Social media", "Cyfryngau cymdeithasol" },
	[CH_PARTNER_REFERRAL] = { "partner-referral", "Partner referral", "Atgyfeiriad partner" },
};

/* police.uk's categories first (same slugs as the API), then local ones. */
const struct vocab concern_categories[] = {
	{ "anti-social-behaviour", "Anti-social behaviour", "Ymddygiad gwrthgymdeithasol" },
	{ "bicycle-theft", "Bicycle theft", "Dwyn beiciau" },
	{ "burglary", "Burglary", "Bwrgleriaeth" },
	{ "criminal-damage-arson", "Criminal damage and arson", "Difrod troseddol a llosgi bwriadol" },
	{ "drugs", "Drugs", "Cyffuriau" },
	{ "other-theft", "Other theft", "Dwyn arall" },
	{ "possession-of-weapons", "Possession of weapons", "Meddu ar arfau" },
	{ "public-order", "Public order", "Trefn gyhoeddus" },
	{ "robbery", "Robbery", "Lladrad" },
	{ "shoplifting", "Shoplifting", "Dwyn o siopau" },
	{ "theft-from-the-person", "Theft from the person", "Dwyn oddi ar berson" },
	{ "vehicle-crime", "Vehicle crime", "Troseddau cerbydau" },
	{ "violent-crime", "Violence and sexual offences", "Trais a throseddau rhywiol" },
	{ "other-crime", "Other crime", "Troseddau eraill" },
	{ "speeding", "Speeding and road safety", "Goryrru a diogelwch ffyrdd" },
	{ "parking", "Parking", "Parcio" },
	{ "litter", "Litter and fly-tipping", "Sbwriel a thipio anghyfreithlon" },
	{ "drug-dealing", "Drug dealing", "Gwerthu cyffuriau" },
	{ "youth-asb", "Young people causing nuisance", "Pobl ifanc yn achosi niwsans" },
	{ "noise", "Noise", "Sŵn" },
	{ "dog-fouling", "Dog fouling", "Baw cŵn" },
	{ "street-drinking", "Street drinking", "Yfed ar y stryd" },
	{ "other", "Something else", "Rhywbeth arall" },
};
const int concern_category_count = (int)(sizeof(concern_categories) / sizeof(concern_categories[0]));

/* Local categories and the police.uk category whose trend bears on them. */
static const struct {
	const char *local;
	int crime;
} local_crime[] = {
	{ "drug-dealing", CAT_DRUGS },
	{ "youth-asb", CAT_ASB },
	{ "noise", CAT_ASB },
	{ "street-drinking", CAT_PUBLIC_ORDER },
	{ "litter", CAT_ASB },
};

int concern_category_crime(int cat)
{
	const char *slug;

	if (cat < 0 || cat >= concern_category_count)
		return -1;
	slug = concern_categories[cat].slug;
	for (size_t i = 0; i < sizeof(local_crime) / sizeof(local_crime[0]); i++)
		if (!strcmp(local_crime[i].local, slug))
			return local_crime[i].crime;
	return crime_category_from_slug(slug, strlen(slug));
}

static const struct {
	const char *slug;
	int harm;
} harms[] = {
	{ "violent-crime", 3 }, { "robbery", 3 }, { "possession-of-weapons", 3 },
	{ "burglary", 3 }, { "drug-dealing", 3 },
	{ "criminal-damage-arson", 2 }, { "vehicle-crime", 2 }, { "speeding", 2 },
	{ "theft-from-the-person", 2 }, { "drugs", 2 }, { "public-order", 2 },
	{ "anti-social-behaviour", 2 }, { "youth-asb", 2 },
};

int concern_category_harm(int cat)
{
	if (cat < 0 || cat >= concern_category_count)
		return 1;
	for (size_t i = 0; i < sizeof(harms) / sizeof(harms[0]); i++)
		if (!strcmp(harms[i].slug, concern_categories[cat].slug))
			return harms[i].harm;
	return 1;
}

/* Words (lower case, English and Welsh) that point at a category.  Matched
 * as substrings of the lower-cased text, so "speeding" also hits "speed". */
static const struct {
	const char *slug;
	const char *word;
} keywords[] = {
	{ "speeding", "speed" }, { "speeding", "too fast" }, { "speeding", "racing" },
	{ "speeding", "boy racer" }, { "speeding", "goryrru" }, { "speeding", "rhy gyflym" },
	{ "speeding", "road safety" }, { "speeding", "crossing" },
	{ "parking", "parking" }, { "parking", "parked" }, { "parking", "parcio" },
	{ "parking", "double yellow" }, { "parking", "blocking the drive" },
	{ "litter", "litter" }, { "litter", "rubbish" }, { "litter", "fly-tip" },
	{ "litter", "fly tip" }, { "litter", "sbwriel" }, { "litter", "tipio" },
	{ "drug-dealing", "dealing" }, { "drug-dealing", "dealer" },
	{ "drug-dealing", "delio" }, { "drugs", "cannabis" }, { "drugs", "weed" },
	{ "drugs", "needle" }, { "drugs", "drugs" }, { "drugs", "cyffuriau" },
	{ "youth-asb", "youths" }, { "youth-asb", "teenagers" }, { "youth-asb", "kids" },
	{ "youth-asb", "gang of" }, { "youth-asb", "pobl ifanc" }, { "youth-asb", "bobl ifanc" },
	{ "noise", "noise" }, { "noise", "noisy" }, { "noise", "loud" }, { "noise", "music" },
	{ "noise", "sŵn" }, { "noise", "swnllyd" },
	{ "dog-fouling", "dog mess" }, { "dog-fouling", "dog poo" }, { "dog-fouling", "fouling" },
	{ "dog-fouling", "baw ci" }, { "dog-fouling", "baw cŵn" },
	{ "street-drinking", "street drinking" }, { "street-drinking", "drinking in the" },
	{ "street-drinking", "drunk" }, { "street-drinking", "yfed" }, { "street-drinking", "meddw" },
	{ "anti-social-behaviour", "anti-social" }, { "anti-social-behaviour", "antisocial" },
	{ "anti-social-behaviour", "nuisance" }, { "anti-social-behaviour", "gwrthgymdeithasol" },
	{ "burglary", "burglar" }, { "burglary", "break-in" }, { "burglary", "broke in" },
	{ "burglary", "broken into" }, { "burglary", "bwrgler" }, { "burglary", "torri i mewn" },
	{ "vehicle-crime", "catalytic" }, { "vehicle-crime", "car stolen" },
	{ "vehicle-crime", "stolen car" }, { "vehicle-crime", "car broken" },
	{ "vehicle-crime", "cars being broken" }, { "vehicle-crime", "car window" },
	{ "criminal-damage-arson", "graffiti" }, { "criminal-damage-arson", "vandal" },
	{ "criminal-damage-arson", "smashed" }, { "criminal-damage-arson", "arson" },
	{ "criminal-damage-arson", "set fire" }, { "criminal-damage-arson", "difrod" },
	{ "criminal-damage-arson", "fandal" },
	{ "bicycle-theft", "bike" }, { "bicycle-theft", "bicycle" }, { "bicycle-theft", "beic" },
	{ "shoplifting", "shoplift" }, { "shoplifting", "dwyn o siop" },
	{ "violent-crime", "assault" }, { "violent-crime", "fight" }, { "violent-crime", "attack" },
	{ "violent-crime", "violen" }, { "violent-crime", "trais" }, { "violent-crime", "ymosod" },
	{ "robbery", "mugged" }, { "robbery", "mugging" }, { "robbery", "robbed" },
	{ "robbery", "robbery" },
	{ "possession-of-weapons", "knife" }, { "possession-of-weapons", "knives" },
	{ "possession-of-weapons", "weapon" }, { "possession-of-weapons", "cyllell" },
	{ "public-order", "disorder" }, { "public-order", "rowdy" },
};

int concern_suggest_category(const char *text, int *score)
{
	char lower[2048];
	int hits[64] = { 0 }, best = -1;
	size_t n = 0;

	for (; text && *text && n + 1 < sizeof(lower); text++)
		lower[n++] = (char)tolower((unsigned char)*text);
	lower[n] = '\0';
	for (size_t k = 0; k < sizeof(keywords) / sizeof(keywords[0]); k++) {
		int c = vocab_find(concern_categories, concern_category_count, keywords[k].slug);
		if (c >= 0 && c < 64 && strstr(lower, keywords[k].word))
			hits[c]++;
	}
	for (int c = 0; c < concern_category_count && c < 64; c++)
		if (hits[c] && (best < 0 || hits[c] > hits[best]))
			best = c;
	if (score)
		*score = best >= 0 ? hits[best] : 0;
	return best;
}

const struct vocab adjustments[] = {
	{ "bsl", "British Sign Language interpreter", "Dehonglydd Iaith Arwyddion Prydain" },
	{ "step-free", "Step-free access", "Mynediad heb risiau" },
	{ "easy-read", "Easy-read materials", "Deunyddiau hawdd eu darllen" },
	{ "welsh", "In Welsh or bilingual", "Yn Gymraeg neu'n ddwyieithog" },
	{ "online-option", "Can join online", "Gallwch ymuno ar-lein" },
	{ "hearing-loop", "Hearing loop", "Dolen glyw" },
	{ "interpreter", "Spoken-language interpreter", "Cyfieithydd" },
};
const int adjustment_count = (int)(sizeof(adjustments) / sizeof(adjustments[0]));

int adjustments_parse(const char *list, size_t *bad)
{
	int bits = 0;
	const char *p = list;

	while (p && *p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int found = -1;

		for (int i = 0; len && i < adjustment_count; i++)
			if (strlen(adjustments[i].slug) == len && !strncmp(adjustments[i].slug, p, len))
				found = i;
		if (found < 0) {
			if (bad)
				*bad = (size_t)(p - list);
			return -1;
		}
		bits |= 1 << found;
		p = comma ? comma + 1 : NULL;
	}
	return bits;
}

const struct vocab priority_statuses[PRI_STATUS_COUNT] = {
	[PRI_PROPOSED] = { "proposed", "Proposed", "Wedi'i gynnig" },
	[PRI_AGREED] = { "agreed", "Agreed", "Wedi'i gytuno" },
	[PRI_IN_PROGRESS] = { "in-progress", "In progress", "Ar y gweill" },
	[PRI_RESOLVED] = { "resolved", "Resolved", "Wedi'i ddatrys" },
	[PRI_CLOSED] = { "closed", "Closed", "Wedi'i gau" },
};

int priority_transition_ok(int from, int to, const char **why)
{
	static const char rule[] =
		"a priority moves proposed -> agreed -> in progress -> resolved or closed";
	int ok = (from == PRI_PROPOSED && (to == PRI_AGREED || to == PRI_CLOSED)) ||
		 (from == PRI_AGREED && (to == PRI_IN_PROGRESS || to == PRI_RESOLVED || to == PRI_CLOSED)) ||
		 (from == PRI_IN_PROGRESS && (to == PRI_RESOLVED || to == PRI_CLOSED));

	if (!ok && why)
		*why = rule;
	return ok;
}

int priority_can_agree(size_t sources, size_t evidence, const char **why)
{
	if (sources || evidence)
		return 1;
	if (why)
		*why = "a priority cannot be agreed without a source concern or evidence";
	return 0;
}

const struct vocab feedback_outcomes[] = {
	{ "action-taken", "We took action", "Gwnaethom weithredu" },
	{ "partner-action", "A partner took action", "Gweithredodd partner" },
	{ "became-priority", "It became a neighbourhood priority", "Daeth yn flaenoriaeth leol" },
	{ "ongoing", "Work is ongoing", "Mae'r gwaith yn parhau" },
	{ "no-action", "We did not take action", "Ni wnaethom weithredu" },
};
const int feedback_outcome_count = (int)(sizeof(feedback_outcomes) / sizeof(feedback_outcomes[0]));

int feedback_outcome_is_no_action(int outcome)
{
	return outcome >= 0 && outcome < feedback_outcome_count &&
	       !strcmp(feedback_outcomes[outcome].slug, "no-action");
}

const struct vocab no_action_reasons[] = {
	{ "not-police-matter", "It is not a police matter; we passed it to who can help",
	  "Nid mater i'r heddlu ydyw; fe'i trosglwyddwyd i rywun a all helpu" },
	{ "insufficient-information", "We did not have enough information to act",
	  "Nid oedd gennym ddigon o wybodaeth i weithredu" },
	{ "outside-area", "It is outside this neighbourhood; we passed it on",
	  "Mae y tu allan i'r gymdogaeth hon; fe'i trosglwyddwyd" },
	{ "covered-by-priority", "It is covered by an existing priority",
	  "Mae blaenoriaeth bresennol yn ymdrin ag ef" },
	{ "not-substantiated", "We looked and found no evidence of the problem",
	  "Edrychon ni ond ni chawsom dystiolaeth o'r broblem" },
	{ "resources", "Other priorities agreed with residents came first",
	  "Daeth blaenoriaethau eraill a gytunwyd gyda thrigolion yn gyntaf" },
};
const int no_action_reason_count = (int)(sizeof(no_action_reasons) / sizeof(no_action_reasons[0]));

/* Crockford's base 32. */
static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static int b32_value(char c)
{
	const char *p;

	c = (char)toupper((unsigned char)c);
	if (c == 'O')
		c = '0';
	if (c == 'I' || c == 'L')
		c = '1';
	p = c ? strchr(b32, c) : NULL;
	return p ? (int)(p - b32) : -1;
}

/* A position-weighted sum mod 31 (prime): catches any single wrong
 * character and any swap of two neighbours, except between 0 and Z (whose
 * values differ by 31), which do not look alike. */
static int check_value(const int v[8])
{
	int sum = 0;

	for (int i = 0; i < 8; i++)
		sum += v[i] * (i + 1);
	return sum % 31;
}

void reference_format(uint64_t random40, char buf[REF_LEN + 1])
{
	int v[8];
	char *p = buf;

	for (int i = 7; i >= 0; i--) {
		v[i] = (int)(random40 & 31);
		random40 >>= 5;
	}
	memcpy(p, "ENG-", 4);
	p += 4;
	for (int i = 0; i < 8; i++) {
		*p++ = b32[v[i]];
		if (i == 3)
			*p++ = '-';
	}
	*p++ = b32[check_value(v)];
	*p = '\0';
}

int reference_parse(const char *typed, uint64_t *random40)
{
	int v[9], n = 0;
	const char *s = typed;
	uint64_t bits = 0;

	while (*s && isspace((unsigned char)*s))
		s++;
	if (!strncasecmp(s, "ENG", 3))
		s += 3;
	for (; *s; s++) {
		if (*s == '-' || isspace((unsigned char)*s))
			continue;
		if (n == 9 || (v[n] = b32_value(*s)) < 0)
			return -1;
		n++;
	}
	if (n != 9 || check_value(v) != v[8])
		return -1;
	for (int i = 0; i < 8; i++)
		bits = bits << 5 | (uint64_t)v[i];
	*random40 = bits;
	return 0;
}

int reference_normalise(const char *typed, char buf[REF_LEN + 1])
{
	uint64_t bits;

	if (reference_parse(typed, &bits) < 0)
		return -1;
	reference_format(bits, buf);
	return 0;
}

static double clamp(double v, double hi)
{
	return v < 0 ? 0 : v > hi ? hi : v;
}

void priority_score(const struct priority_evidence *ev, struct priority_score *out)
{
	int rising = ev->crime_now > 0 && ev->crime_now * 5 >= ev->crime_before * 6;	/* +20% */
	struct score_part parts[SCORE_PARTS] = {
		{ "people", "distinct people raising it (1 each, up to 30)",
		  clamp(ev->distinct_people, 30) },
		{ "channels", "channels it came through (2 each, up to 10)",
		  clamp(2.0 * ev->channels, 10) },
		{ "groups", "community groups represented (3 each, up to 15)",
		  clamp(3.0 * ev->groups, 15) },
		{ "crime", "matching police.uk crime in the last 3 months (0.2 each, up to 10; +5 when rising)",
		  clamp(0.2 * ev->crime_now, 10) + (rising ? 5 : 0) },
		{ "harm", "harm of the issue (5 per level, 1 to 3)",
		  5.0 * (ev->harm < 1 ? 1 : ev->harm > 3 ? 3 : ev->harm) },
		{ "recurring", "keeps coming back (10 if raised in 3 of the last 6 months)",
		  ev->recurring ? 10 : 0 },
	};

	out->total = 0;
	for (int i = 0; i < SCORE_PARTS; i++) {
		out->parts[i] = parts[i];
		out->total += parts[i].points;
	}
}

int demographic_valid(const char *measure, const char *category, const char **why)
{
	static const struct {
		const char *measure;
		const char *categories[6];
	} census[] = {
		{ "age_band", { "0-15", "16-29", "30-44", "45-64", "65+", NULL } },
		{ "sex", { "female", "male", NULL } },
		{ "ethnic_group", { "asian", "black", "mixed", "white", "other", NULL } },
	};

	for (size_t i = 0; measure && i < sizeof(census) / sizeof(census[0]); i++) {
		if (strcmp(census[i].measure, measure))
			continue;
		if (category && !strcmp(category, "prefer-not-to-say"))
			return 0;
		for (int k = 0; category && census[i].categories[k]; k++)
			if (!strcmp(census[i].categories[k], category))
				return 0;
		if (why)
			*why = !strcmp(measure, "age_band") ? "age bands are 0-15, 16-29, 30-44, 45-64, 65+ or prefer-not-to-say"
			       : !strcmp(measure, "sex") ? "sex is female, male or prefer-not-to-say"
			       : "ethnic groups are asian, black, mixed, white, other or prefer-not-to-say";
		return -1;
	}
	if (why)
		*why = "the measures are age_band, sex and ethnic_group";
	return -1;
}
