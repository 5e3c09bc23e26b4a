/*
 * demo.h - the demo town generator: a fictional but believable town,
 * written in the real formats that Engage's importers read.
 *
 * `engage demo generate --seed N --out DIR` calls demo_generate().  It
 * writes Porthmawr, a fictional bilingual coastal town policed by the
 * fictional force "glanmor" (Glanmor Police), placed at sea off west Wales
 * so that it cannot be mistaken for a real place:
 *
 *	DIR/police-uk/YYYY-MM/YYYY-MM-glanmor-street.csv         police.uk street crime
 *	DIR/police-uk/YYYY-MM/YYYY-MM-glanmor-outcomes.csv       outcome events
 *	DIR/police-uk/YYYY-MM/YYYY-MM-glanmor-stop-and-search.csv
 *	DIR/boundaries/lsoa.geojson                             LSOA polygons (RFC 7946)
 *	DIR/boundaries/neighbourhoods/glanmor/GMnn.kml           one per neighbourhood
 *	DIR/census/mid-2021-population-lsoa.csv                 age bands by sex
 *	DIR/census/census2021-ts021-ethnic-group-lsoa.csv       Nomis bulk layout
 *	DIR/census/census2021-ts041-households-lsoa.csv
 *	DIR/forces.csv DIR/neighbourhoods.csv DIR/teams.csv DIR/places.csv
 *	DIR/README.txt
 *	DIR/engagement/activities.csv concerns.csv priorities.csv actions.csv
 *	    feedback.csv                a year of the engagement cycle ending at
 *	                                last_month (docs/engagement-files.md)
 *
 * Guarantees: the same options give byte-identical files (the generator
 * uses its own PRNG and no clock, no libc rand, no hash order); LSOA
 * polygons tile the town exactly (shared edges are identical vertex for
 * vertex, coordinates are whole microdegrees); every located crime lies in
 * the LSOA its row names.
 *
 * The generator runs as a list of stages over one shared town model (see
 * demo-internal.h); each stage draws from its own random stream, so a new
 * stage added later does not change what the earlier ones write.
 */
#ifndef ENGAGE_DEMO_H
#define ENGAGE_DEMO_H

#include <stdint.h>

#include "base/err.h"

struct demo_options {
	uint64_t seed;
	const char *out_dir;	/* created with its parents when missing */
	int months;		/* how many months of police.uk files; default 24 */
	int last_month;		/* newest month as YYYY*12+MM-1; default 2026-10 */
};

/* Counts of what demo_generate() wrote. */
struct demo_summary {
	int lsoas;
	int msoas;
	int neighbourhoods;
	int months;
	int streets;		/* named streets */
	int map_points;		/* anonymous map points crimes snap to */
	long street_rows;	/* rows (not counting headers) over all months */
	long outcome_rows;
	long stop_rows;
	long persons;		/* census population of the town */
	long households;
	int people;		/* neighbourhood team members */
	int places;		/* community groups and places */
	int files;		/* files written */
	/* a year of engagement (DIR/engagement/, docs/engagement-files.md) */
	int activities, concerns, priorities, actions, feedback;
};

/* Seed 1, no output directory, 24 months ending 2026-10. */
void demo_options_default(struct demo_options *opt);

/*
 * Generate the town into opt->out_dir.  Returns 0, or a negative ERR_* code
 * with a message in `e`: ERR_INVALID for bad options, ERR_IO when a
 * directory or file cannot be written ("cannot write 'DIR/x.csv': No space
 * left on device"), ERR_NOMEM.  Files already written stay on failure.
 * `out` may be NULL.
 */
int demo_generate(const struct demo_options *opt, struct demo_summary *out,
		  struct err *e);

#endif
