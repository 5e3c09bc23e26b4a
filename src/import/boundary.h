/*
 * boundary.h - boundary files (LSOAs, wards, neighbourhoods) into WGS84
 * multipolygons, through GDAL/OGR: Shapefile, GeoJSON, GeoPackage, KML and
 * whatever else the installed GDAL reads.
 *
 * Any spatial reference is reprojected to WGS84 longitude/latitude (x = lon,
 * y = lat, whatever axis order the CRS declares); a layer without one is
 * taken to be WGS84 already.  Polygons and multipolygons (holes kept, Z
 * dropped) become struct geo_multipolygon; a geometry collection of
 * polygons is accepted too.  Anything else - a point, a line, a feature
 * without geometry or code - stops the read with an error naming the file
 * and the feature:
 *	wards.geojson: feature 3 (code "E05000001"): geometry is a Point, expected a polygon
 * So does a file GDAL cannot open and a file with no features.  GDAL's own
 * messages never reach stderr; they are folded into these errors.
 *
 * Each feature has a code and a name, from the fields the caller names or,
 * when it names none, the first present of (case-insensitive):
 *	code: LSOA21CD LSOA11CD MSOA21CD MSOA11CD LAD22CD WD18CD GSS_CODE code id
 *	name: LSOA21NM LSOA11NM MSOA21NM MSOA11NM LAD22NM WD18NM NAME name Name
 * When no code field exists (KML carries only a Name), the name is the code.
 *
 * Ownership: a feature handed to the callback, and its strings, live only
 * for the call.  The callback may keep the geometry by copying f->geom and
 * then zeroing f->geom (memset): the reader releases whatever is left in it.
 * The callback returns 0, or a negative ERR_* code (with e filled) to stop.
 * Safe to call from several threads (GDAL is initialised once).
 */
#ifndef ENGAGE_IMPORT_BOUNDARY_H
#define ENGAGE_IMPORT_BOUNDARY_H

#include "base/err.h"
#include "geo/geo.h"

struct boundary_options {
	const char *code_field;	/* NULL: detect */
	const char *name_field;	/* NULL: detect */
	const char *layer;	/* NULL: every layer in order */
};

struct boundary_feature {
	long index;		/* 0-based, counted across layers */
	const char *code;
	const char *name;	/* "" when there is no name field */
	const char *code_field;	/* the field the code came from ("LSOA21CD") */
	struct geo_multipolygon geom;	/* WGS84, finished (bbox set) */
};

typedef int (*boundary_fn)(void *ctx, struct boundary_feature *f, struct err *e);

/* Read every feature of `path`; opt may be NULL.  Returns the number of
 * features, or a negative ERR_* code with e filled. */
long boundary_read(const char *path, const struct boundary_options *opt, boundary_fn fn,
		   void *ctx, struct err *e);

#endif
