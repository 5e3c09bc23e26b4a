/*
 * pipeline.h - imports from files into the store: all or nothing.
 *
 * Each function runs in ONE store transaction: every file is parsed and
 * checked, every record placed, and only then is anything committed.  A
 * rejected file leaves the store exactly as it was, and the error names
 * the file, line, column and value (from the parsers in this layer).
 *
 * police.uk data: each file's force and month come from its name
 * (YYYY-MM-<force>-street.csv, -outcomes.csv, -stop-and-search.csv); each
 * located row is placed in its LSOA by point-in-polygon against the LSOA
 * boundaries already in the store (the CSV's own LSOA code is kept but not
 * trusted: disagreements are counted).  A force-month is written whole,
 * replacing any earlier import of it, so re-importing never doubles it.
 * A force seen for the first time is added, named from "Falls within".
 *
 * Progress lines (one per file) go to opt->progress when set; nothing here
 * prints.
 */
#ifndef ENGAGE_IMPORT_PIPELINE_H
#define ENGAGE_IMPORT_PIPELINE_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

struct import_options {
	const char *area_kind;	/* what boundary files hold: "lsoa" (default), "ward" */
	void (*progress)(void *ctx, const char *line);
	void *progress_ctx;
	int threads;		/* police.uk files parsed at once; 0: one per core */
};

struct import_summary {
	long files;
	long rows_read;		/* data rows over every file */
	long placed;		/* located rows that fell inside a known LSOA */
	long no_location;	/* rows without coordinates */
	long outside;		/* located rows outside every known LSOA */
	long disagreements;	/* placed rows whose CSV LSOA code differs */
	long rejected;		/* rows refused (an import stops at the first) */
	long street, outcomes, stops;	/* rows by kind */
	long force_months;	/* (force, month, kind) records written */
	long areas, forces, neighbourhoods, boundaries, people, places, census_values;
};

int import_police_uk(struct store *s, const char *const *paths, size_t npaths,
		     const struct import_options *opt, struct import_summary *sum,
		     struct err *e);
/* LSOA (or ward) boundaries: Shapefile, GeoJSON, GeoPackage, KML. */
int import_boundaries(struct store *s, const char *const *paths, size_t npaths,
		      const struct import_options *opt, struct import_summary *sum,
		      struct err *e);
/* forces.csv, neighbourhoods.csv, teams.csv, places.csv (told apart by header). */
int import_registry(struct store *s, const char *const *paths, size_t npaths,
		    const struct import_options *opt, struct import_summary *sum,
		    struct err *e);
/* Neighbourhood boundaries as police.uk publishes them: DIR/<force>/<id>.kml.
 * A neighbourhood (or force) not yet known is added, named from the KML. */
int import_neighbourhood_boundaries(struct store *s, const char *dir,
				    const struct import_options *opt,
				    struct import_summary *sum, struct err *e);
/* Census tables per LSOA (ONS mid-year, Nomis 2021 bulk, GLA atlas). */
int import_census(struct store *s, const char *const *paths, size_t npaths,
		  const struct import_options *opt, struct import_summary *sum,
		  struct err *e);
/* A whole town folder as `engage demo generate` writes it, in one
 * transaction: forces, LSOA boundaries, census, neighbourhoods and their
 * boundaries, teams, places, then police.uk data. */
int import_town(struct store *s, const char *dir, const struct import_options *opt,
		struct import_summary *sum, struct err *e);

#endif
