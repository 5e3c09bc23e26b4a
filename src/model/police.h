/*
 * police.h - the police.uk vocabulary and record shapes, as pure data.
 *
 * The crime categories (CSV name <-> API slug) and outcome categories (CSV
 * text <-> API code) are tables here so every layer names them the same way.
 * Records are what the police.uk CSV parsers hand to their callers: string
 * fields point into the parser's buffers and live only for the callback.
 * Coordinates are WGS84 in millionths of a degree (the precision police.uk
 * publishes), so they compare and hash exactly.
 */
#ifndef ENGAGE_MODEL_POLICE_H
#define ENGAGE_MODEL_POLICE_H

#include <stddef.h>
#include <stdint.h>

enum crime_category {
	CAT_ASB,
	CAT_BICYCLE_THEFT,
	CAT_BURGLARY,
	CAT_CRIMINAL_DAMAGE_ARSON,
	CAT_DRUGS,
	CAT_OTHER_THEFT,
	CAT_POSSESSION_OF_WEAPONS,
	CAT_PUBLIC_ORDER,
	CAT_ROBBERY,
	CAT_SHOPLIFTING,
	CAT_THEFT_FROM_THE_PERSON,
	CAT_VEHICLE_CRIME,
	CAT_VIOLENT_CRIME,
	CAT_OTHER_CRIME,
	CAT_COUNT
};

struct crime_category_info {
	const char *csv_name;	/* "Violence and sexual offences" */
	const char *slug;	/* "violent-crime" */
};

extern const struct crime_category_info crime_categories[CAT_COUNT];

/* CSV "Crime type" -> category, or -1.  Also accepts the 2010-2013 names
 * police.uk later merged ("Violent crime", "Public disorder and weapons"). */
int crime_category_from_csv(const char *s, size_t n);
/* API slug -> category, or -1 ("all-crime" is not a category: -1). */
int crime_category_from_slug(const char *s, size_t n);

/* Outcome codes as the API names them; the CSV text maps onto these. */
struct outcome_info {
	const char *csv;	/* "Under investigation" as in the monthly files */
	const char *code;	/* "under-investigation" */
	const char *name;	/* "Under investigation" (the API's display name) */
};
extern const struct outcome_info outcome_categories[];
extern const int outcome_category_count;
/* CSV outcome text -> index into outcome_categories, or -1 if unknown. */
int outcome_from_csv(const char *s, size_t n);

/* A row of a street file. */
struct crime_record {
	const char *crime_id;	/* 64 hex, or "" (ASB) */
	int32_t month;		/* YYYY*12 + MM-1 (base/parse.h) */
	const char *reported_by;
	const char *falls_within;
	int has_location;
	int32_t lat, lng;	/* microdegrees, valid when has_location */
	const char *location;	/* "On or near Star Yard" or "No location" */
	const char *lsoa_code;	/* as police.uk assigned it; may be "" */
	const char *lsoa_name;
	int category;		/* enum crime_category */
	const char *last_outcome;	/* CSV text, "" for none */
	const char *context;
};

/* A row of an outcomes file. */
struct outcome_record {
	const char *crime_id;
	int32_t month;
	const char *reported_by;
	const char *falls_within;
	int has_location;
	int32_t lat, lng;
	const char *location;
	const char *lsoa_code;
	const char *lsoa_name;
	const char *outcome;	/* CSV text */
};

/* A row of a stop-and-search file. */
struct stop_record {
	const char *type;	/* "Person search", ... */
	int64_t datetime;	/* UTC seconds */
	int8_t part_of_operation;	/* 1, 0, -1 unknown */
	const char *operation_name;
	int has_location;
	int32_t lat, lng;
	const char *gender;
	const char *age_range;
	const char *self_defined_ethnicity;
	const char *officer_defined_ethnicity;
	const char *legislation;
	const char *object_of_search;
	const char *outcome;
	int8_t outcome_linked;	/* 1, 0, -1 */
	int8_t removal_of_clothing;	/* 1, 0, -1 */
};

#endif
