/*
 * opendata-internal.h - what the files of the open-data set share: adding
 * a file or a dataset to the set, and CSV-on-the-Web metadata.
 */
#ifndef ENGAGE_OPENDATA_INTERNAL_H
#define ENGAGE_OPENDATA_INTERNAL_H

#include "base/json.h"
#include "publish/opendata.h"

/* One column of a published CSV, for its CSVW metadata. */
struct od_column {
	const char *name;	/* CSVW name: a URI-template variable ("crime_id") */
	const char *title;	/* the header cell ("Crime ID") */
	const char *datatype;	/* XSD name: string, integer, decimal, gYearMonth, ... */
	const char *format;	/* for boolean: "True|False"; NULL for none */
	int required;
};

/* Find or add a dataset; returns its index, or -1 when out of memory. */
int od_dataset(struct opendata_set *set, const char *id, const char *title,
	       const char *description, int boundaries);
/* Add an empty file; returns it (valid until the next od_file), or NULL
 * when out of memory. */
struct opendata_file *od_file(struct opendata_set *set, int dataset, const char *media_type,
			      const char *name, const char *title);
/* Add NAME.csv-metadata.json describing the CSV file called `csv_name`. */
int od_csvw(struct opendata_set *set, int dataset, const char *csv_name, const char *title,
	    const char *source, const struct od_column *cols, size_t ncols);
/* The licence members every document carries, for a JSON object. */
void od_licence_members(struct json_writer *jw, int boundaries);

/* The parts of the set, one file each. */
int od_render_policeuk(const struct readmodel *rm, struct opendata_set *set);
int od_render_counts(const struct readmodel *rm, const struct opendata_options *opt,
		     struct opendata_set *set);
int od_render_geojson(const struct readmodel *rm, struct opendata_set *set);
int od_render_catalog(const struct opendata_options *opt, struct opendata_set *set);

#endif
