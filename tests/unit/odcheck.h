/*
 * odcheck.h - an independent validator for the open-data files, written
 * from the specifications rather than from publish/:
 *  - a CSV against its CSV-on-the-Web metadata (W3C "Metadata Vocabulary
 *    for Tabular Data"): required members, column names usable in URI
 *    templates, header cells equal to the titles, every row as wide as the
 *    schema, values of each datatype parse, required cells not empty;
 *  - a GeoJSON document against RFC 7946: type members, Feature and
 *    FeatureCollection shape, no "crs", positions of 2 or 3 numbers with
 *    longitude and latitude in range and at most 6 decimals, closed rings of
 *    at least 4 positions, outer rings counter-clockwise, holes clockwise.
 * Each returns 0, or -1 with the first problem in `why`.
 */
#ifndef ENGAGE_ODCHECK_H
#define ENGAGE_ODCHECK_H

#include <stddef.h>

int odcheck_csv(const char *csv, size_t n, const char *metadata_json, char *why, size_t size);
int odcheck_geojson(const char *text, size_t n, char *why, size_t size);
/* Check every file of an exported folder: each NAME.csv against
 * NAME.csv-metadata.json, each .geojson, and each other file as JSON.
 * Prints "ok"/"not ok" per file; returns the number of failures, or -1
 * when the folder cannot be read.  `unit-tests --odcheck DIR` runs it. */
int odcheck_dir(const char *dir);

#endif
