/*
 * census.h - population figures per LSOA from the census and mid-year
 * estimate files Engage knows, as (lsoa_code, measure, category, value).
 *
 * Measures and categories (what representativeness compares against):
 *	population	all
 *	age_band	0-15, 16-29, 30-44, 45-64, 65+
 *	sex		male, female
 *	ethnic_group	white, asian, black, mixed, other (2021 census)
 *			white, bame (2011, GLA atlas: only White / BAME)
 *	households	all
 *
 * The layout is told by the header:
 *   CENSUS_ONS_MIDYEAR  LSOA11CD or LSOA21CD first, then Persons_All-Ages,
 *                       Persons_0-15 ... Persons_65+, Males_All-Ages,
 *                       Females_All-Ages (other columns ignored);
 *                       gives population, age_band, sex.
 *   CENSUS_GLA_ATLAS    "Lower Super Output Area" first, with
 *                       "Households;All households;2011",
 *                       "Ethnic Group;White;2011", "Ethnic Group;BAME;2011";
 *                       gives households, ethnic_group (white, bame).
 *   CENSUS_NOMIS_2021   "date,geography,geography code,..." with any of
 *                       "Ethnic group: Total: All usual residents" (population),
 *                       "Ethnic group: White" / "Asian, Asian British or Asian
 *                       Welsh" / "Black, Black British, Black Welsh, Caribbean
 *                       or African" / "Mixed or Multiple ethnic groups" /
 *                       "Other ethnic group", and "Number of households:
 *                       Total: All households"; sub-categories (a further
 *                       ": " part) are ignored, as is a "; measures: Value"
 *                       suffix.
 * Counts are non-negative integers and LSOA codes look like E01234567 or
 * W01234567; anything else stops the read with file, line, column, value.
 *
 * Ownership: the strings in a value live only for the callback.  The
 * callback returns 0, or a negative ERR_* code (with e filled) to stop.
 */
#ifndef ENGAGE_IMPORT_CENSUS_H
#define ENGAGE_IMPORT_CENSUS_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "import/csv.h"

enum census_layout {
	CENSUS_ONS_MIDYEAR,
	CENSUS_GLA_ATLAS,
	CENSUS_NOMIS_2021,
};

struct census_value {
	const char *lsoa_code;
	const char *measure;	/* "population", "age_band", ... (static) */
	const char *category;	/* "all", "0-15", "male", "white", ... (static) */
	int64_t value;
};

typedef int (*census_fn)(void *ctx, const struct census_value *v, struct err *e);

/* Read a whole file (header included).  Returns the number of rows (LSOAs)
 * read, or a negative ERR_* code; *layout (may be NULL) says which layout. */
long census_read(struct csv *c, census_fn fn, void *ctx, enum census_layout *layout,
		 struct err *e);
long census_read_path(const char *path, census_fn fn, void *ctx,
		      enum census_layout *layout, struct err *e);
long census_read_mem(const void *buf, size_t n, const char *name, census_fn fn, void *ctx,
		     enum census_layout *layout, struct err *e);
const char *census_layout_name(enum census_layout layout);

#endif
