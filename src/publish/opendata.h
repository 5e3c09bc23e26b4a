/*
 * opendata.h - the open-data set: every file Engage publishes, rendered
 * from the read model, and written to a folder in one step.
 *
 * publish/ is the single door for public output.  Every public render of
 * data (the `engage export open-data` folder, the /data/ downloads, and the
 * later API and engagement exports) goes through this layer, which drops
 * personal fields, snaps any location that did not arrive anonymised onto an
 * anonymous map point (snap.h), and suppresses small counts (suppress.h).
 * The police.uk force-months in the read model hold no personal data and
 * their locations are police.uk's anonymous points already, so they are
 * re-created as police.uk published them.
 *
 * The set (file names are stable; see docs/open-data.md):
 *   YYYY-MM-FORCE-street.csv, YYYY-MM-FORCE-outcomes.csv,
 *   YYYY-MM-FORCE-stop-and-search.csv
 *	police.uk's monthly files, exact police.uk header and layout, one per
 *	force, month and kind held;
 *   neighbourhoods.geojson		every neighbourhood, one FeatureCollection
 *   neighbourhood-FORCE-ID.geojson	one Feature per neighbourhood
 *   crime-counts.csv, crime-counts.json
 *	crimes per neighbourhood x month x category (plus "all-crime"),
 *	small counts suppressed;
 *   NAME.csv-metadata.json		CSV on the Web metadata for each NAME.csv
 *   catalog.jsonld			a DCAT catalogue of all the above
 * Everything is under the Open Government Licence v3.0.  Rendering is
 * deterministic: the same read model and options give the same bytes.
 *
 * Ownership: opendata_render() fills a set the caller frees with
 * opendata_release(); it does not keep the read model.
 */
#ifndef ENGAGE_OPENDATA_H
#define ENGAGE_OPENDATA_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "index/readmodel.h"

#define OPENDATA_LICENCE_URL \
	"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
#define OPENDATA_LICENCE_NAME "Open Government Licence v3.0"
#define OPENDATA_ATTRIBUTION \
	"Contains public sector information licensed under the Open Government Licence v3.0."
#define OPENDATA_OS_ATTRIBUTION "Contains OS data \xc2\xa9 Crown copyright and database right."

/* Content types, as /data/ serves them. */
#define OPENDATA_TYPE_CSV "text/csv; charset=utf-8"
#define OPENDATA_TYPE_CSVM "application/csvm+json"
#define OPENDATA_TYPE_GEOJSON "application/geo+json"
#define OPENDATA_TYPE_JSONLD "application/ld+json"
#define OPENDATA_TYPE_JSON "application/json"

struct opendata_options {
	int64_t min_count;	/* publish.min_count: counts below are suppressed */
	int64_t modified;	/* UTC seconds the data last changed (dc:modified);
				   0: the first day after the latest month held */
	const char *publisher;	/* shown in the catalogue; NULL: "Engage" */
};

void opendata_options_default(struct opendata_options *o);

struct opendata_file {
	char name[128];		/* "2026-01-glanmor-street.csv": no '/' */
	char title[200];
	const char *media_type;	/* OPENDATA_TYPE_* */
	int dataset;		/* index into the set's datasets */
	struct strbuf body;
};

struct opendata_dataset {
	char id[96];		/* "street-glanmor" */
	char title[200];
	char description[400];
	int boundaries;		/* holds OS boundary data (extra attribution) */
};

struct opendata_set {
	struct opendata_file *files;	/* in catalogue order */
	size_t nfiles, cap;
	struct opendata_dataset *datasets;
	size_t ndatasets, dcap;
	char modified[11];		/* "YYYY-MM-DD" */
};

/* Render the whole set from `rm`.  ERR_NOMEM on allocation failure; the
 * set is then empty. */
int opendata_render(const struct readmodel *rm, const struct opendata_options *opt,
		    struct opendata_set *set, struct err *e);
void opendata_release(struct opendata_set *set);
/* A file of the set by name, or NULL. */
const struct opendata_file *opendata_find(const struct opendata_set *set, const char *name);

/* Write `"geometry": {...}`, neighbourhood `nb`'s boundary as an RFC 7946
 * MultiPolygon (rounded to six decimals, right-hand winding), or null when
 * it has none; the key is written too.  0 or ERR_NOMEM. */
struct json_writer;
int opendata_boundary_write(struct json_writer *jw, const struct rm_neighbourhood *nb);

/*
 * Write the set into folder `dir`, all or nothing: the files go into a new
 * sibling folder `DIR.tmp-PID` which is then renamed to `dir`, so a failed
 * export never leaves a partial set.  `dir` may be missing, an empty folder,
 * or an earlier export (it holds catalog.jsonld), which is replaced; any
 * other existing folder or file is refused with ERR_CONFLICT.  Errors name
 * the path and the reason (ERR_IO).
 */
int opendata_write_dir(const struct opendata_set *set, const char *dir, struct err *e);

#endif
