/*
 * police.c - the police.uk category tables (see police.h).
 *
 * The outcome table follows the codes the police.uk API uses; the CSV text
 * of each is the wording in the monthly files (street "Last outcome
 * category" and outcomes "Outcome type" use the same phrases).
 */
#include "model/police.h"

#include <string.h>

const struct crime_category_info crime_categories[CAT_COUNT] = {
	[CAT_ASB] = { "Anti-social behaviour", "anti-social-behaviour" },
	[CAT_BICYCLE_THEFT] = { "Bicycle theft", "bicycle-theft" },
	[CAT_BURGLARY] = { "Burglary", "burglary" },
	[CAT_CRIMINAL_DAMAGE_ARSON] = { "Criminal damage and arson", "criminal-damage-arson" },
	[CAT_DRUGS] = { "Drugs", "drugs" },
	[CAT_OTHER_THEFT] = { "Other theft", "other-theft" },
	[CAT_POSSESSION_OF_WEAPONS] = { "Possession of weapons", "possession-of-weapons" },
	[CAT_PUBLIC_ORDER] = { "Public order", "public-order" },
	[CAT_ROBBERY] = { "Robbery", "robbery" },
	[CAT_SHOPLIFTING] = { "Shoplifting", "shoplifting" },
	[CAT_THEFT_FROM_THE_PERSON] = { "Theft from the person", "theft-from-the-person" },
	[CAT_VEHICLE_CRIME] = { "Vehicle crime", "vehicle-crime" },
	[CAT_VIOLENT_CRIME] = { "Violence and sexual offences", "violent-crime" },
	[CAT_OTHER_CRIME] = { "Other crime", "other-crime" },
};

/* A category is looked up for each of six million rows against a dozen
 * names, and most differ in the first byte: look there before strlen(). */
static int span_eq(const char *s, size_t n, const char *lit)
{
	if (n == 0)
		return lit[0] == '\0';
	return lit[0] == s[0] && strlen(lit) == n && !memcmp(s, lit, n);
}

int crime_category_from_csv(const char *s, size_t n)
{
	for (int i = 0; i < CAT_COUNT; i++)
		if (span_eq(s, n, crime_categories[i].csv_name))
			return i;
	if (span_eq(s, n, "Violent crime"))
		return CAT_VIOLENT_CRIME;
	if (span_eq(s, n, "Public disorder and weapons"))
		return CAT_PUBLIC_ORDER;
	return -1;
}

int crime_category_from_slug(const char *s, size_t n)
{
	for (int i = 0; i < CAT_COUNT; i++)
		if (span_eq(s, n, crime_categories[i].slug))
			return i;
	return -1;
}

/* The CSV wording, the API code and the API display name. */
const struct outcome_info outcome_categories[] = {
	{ "Under investigation", "under-investigation", "Under investigation" },
	{ "Investigation complete; no suspect identified", "no-further-action", "Investigation complete; no suspect identified" },
	{ "Unable to prosecute suspect", "unable-to-prosecute", "Unable to prosecute suspect" },
	{ "Local resolution", "local-resolution", "Local resolution" },
	{ "Offender given a caution", "cautioned", "Offender given a caution" },
	{ "Suspect charged", "charged", "Suspect charged" },
	{ "Awaiting court outcome", "awaiting-court-result", "Awaiting court outcome" },
	{ "Court result unavailable", "court-result-unavailable", "Court result unavailable" },
	{ "Offender sent to prison", "imprisoned", "Offender sent to prison" },
	{ "Offender fined", "fined", "Offender fined" },
	{ "Formal action is not in the public interest", "formal-action-not-in-public-interest", "Formal action is not in the public interest" },
	{ "Further investigation is not in the public interest", "further-investigation-not-in-public-interest", "Further investigation is not in the public interest" },
	{ "Action to be taken by another organisation", "action-taken-by-another-organisation", "Action to be taken by another organisation" },
	{ "Further action is not in the public interest", "further-action-not-in-public-interest", "Further action is not in the public interest" },
	{ "Status update unavailable", "status-update-unavailable", "Status update unavailable" },
	{ "Offender given community sentence", "community-sentence", "Offender given community sentence" },
	{ "Offender given conditional discharge", "conditional-discharge", "Offender given conditional discharge" },
	{ "Offender given suspended prison sentence", "suspended-sentence", "Offender given suspended prison sentence" },
	{ "Offender given absolute discharge", "absolute-discharge", "Offender given absolute discharge" },
	{ "Offender given penalty notice", "penalty-notice-issued", "Offender given penalty notice" },
	{ "Offender deprived of property", "deprived-of-property", "Offender deprived of property" },
	{ "Offender ordered to pay compensation", "compensation", "Offender ordered to pay compensation" },
	{ "Offender otherwise dealt with", "sentenced-in-another-case", "Offender otherwise dealt with" },
	{ "Defendant found not guilty", "not-guilty", "Defendant found not guilty" },
	{ "Defendant sent to Crown Court", "sent-to-crown-court", "Defendant sent to Crown Court" },
	{ "Court case unable to proceed", "court-case-unable-to-proceed", "Court case unable to proceed" },
	{ "Suspect charged as part of another case", "charged-in-another-case", "Suspect charged as part of another case" },
	{ "Offender given a drugs possession warning", "drugs-possession-warning", "Offender given a drugs possession warning" },
	{ "Offender given a penalty notice", "penalty-notice-issued", "Offender given a penalty notice" },
	{ "Awaiting court result", "awaiting-court-result", "Awaiting court outcome" },
};

const int outcome_category_count =
	(int)(sizeof(outcome_categories) / sizeof(outcome_categories[0]));

int outcome_from_csv(const char *s, size_t n)
{
	for (int i = 0; i < outcome_category_count; i++)
		if (span_eq(s, n, outcome_categories[i].csv))
			return i;
	return -1;
}
