/*
 * api.h - the police.uk-compatible JSON API, with no HTTP in it.
 *
 * Each function reads only the in-memory read model (readmodel.h; hot
 * paths never touch SQL), takes plain values the web layer has already
 * checked for form (months as YYYY*12 + MM-1, coordinates in
 * microdegrees), and appends one JSON document to `out` through the JSON
 * writer, in police.uk's field order and types: latitude and longitude as
 * strings ("51.518207"), street and crime ids as numbers, months as
 * "YYYY-MM".  docs/openapi.json describes every answer; a test checks the
 * live answers against it.
 *
 * Months: 0 means "the latest month Engage holds" (police.uk's default).
 *
 * Errors: 0, or a negative code with a message in `e` a client can act on:
 *	ERR_NOTFOUND  unknown force, neighbourhood, crime or category (404)
 *	ERR_INVALID   a malformed polygon or persistent id (400)
 *	ERR_LIMIT     more than API_MAX_RESULTS rows in the area (503)
 *	ERR_NOMEM     out of memory (`out` may hold part of an answer)
 * On error `out` holds nothing the caller should send.
 */
#ifndef ENGAGE_API_H
#define ENGAGE_API_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "geo/geo.h"
#include "index/readmodel.h"

#define API_MAX_RESULTS 10000
#define API_RADIUS_M 1609.344	/* a point query covers one mile */
#define API_MAX_POLY_POINTS 2000

/* Where a street-level query looks: a point (one-mile radius) or a polygon. */
struct api_area {
	int is_poly;
	int32_t lat, lng;		/* the point, microdegrees */
	struct geo_multipolygon poly;	/* owned; api_area_release() */
};

/* "lat,lng:lat,lng:..." (at least 3 points, closed automatically).
 * ERR_INVALID names the point that is wrong. */
int api_area_poly(struct api_area *a, const char *text, struct err *e);
void api_area_point(struct api_area *a, int32_t lat, int32_t lng);
void api_area_release(struct api_area *a);

/* Render the CRIME and STOP objects of the newest `months` months once, so
 * answers copy them (readmodel_prerender); older months are rendered per
 * request.  Call after readmodel_load(), before serving.  0 or ERR_NOMEM. */
int api_prerender(struct readmodel *rm, int months, struct err *e);

/* Forces and neighbourhoods (api_forces.c). */
int api_forces(const struct readmodel *rm, struct strbuf *out);
int api_force(const struct readmodel *rm, const char *force, struct strbuf *out, struct err *e);
int api_force_people(const struct readmodel *rm, const char *force, struct strbuf *out,
		     struct err *e);
int api_neighbourhoods(const struct readmodel *rm, const char *force, struct strbuf *out,
		       struct err *e);
int api_neighbourhood(const struct readmodel *rm, const char *force, const char *id,
		      struct strbuf *out, struct err *e);
int api_neighbourhood_boundary(const struct readmodel *rm, const char *force, const char *id,
			       struct strbuf *out, struct err *e);
int api_neighbourhood_people(const struct readmodel *rm, const char *force, const char *id,
			     struct strbuf *out, struct err *e);
int api_locate_neighbourhood(const struct readmodel *rm, int32_t lat, int32_t lng,
			     struct strbuf *out, struct err *e);

/* Crimes and outcomes (api_crimes.c).  `category` is a slug or "all-crime". */
int api_crimes_street(const struct readmodel *rm, const char *category,
		      const struct api_area *a, int32_t month, struct strbuf *out,
		      struct err *e);
/* By street id, or (street_id 0) at the snap point nearest lat/lng. */
int api_crimes_at_location(const struct readmodel *rm, int32_t street_id, int32_t lat,
			   int32_t lng, int32_t month, struct strbuf *out, struct err *e);
int api_crimes_no_location(const struct readmodel *rm, const char *category,
			   const char *force, int32_t month, struct strbuf *out,
			   struct err *e);
int api_crime_categories(const struct readmodel *rm, struct strbuf *out);
int api_crime_last_updated(const struct readmodel *rm, struct strbuf *out);
int api_crimes_street_dates(const struct readmodel *rm, struct strbuf *out);
int api_outcomes_for_crime(const struct readmodel *rm, const char *persistent_id,
			   struct strbuf *out, struct err *e);
/* `a` NULL: at street_id (or the snap point nearest lat/lng). */
int api_outcomes_at_location(const struct readmodel *rm, const struct api_area *a,
			     int32_t street_id, int32_t lat, int32_t lng, int32_t month,
			     struct strbuf *out, struct err *e);

/* Stop and search (api_stops.c). */
int api_stops_street(const struct readmodel *rm, const struct api_area *a, int32_t month,
		     struct strbuf *out, struct err *e);
int api_stops_at_location(const struct readmodel *rm, int32_t street_id, int32_t month,
			  struct strbuf *out, struct err *e);
int api_stops_no_location(const struct readmodel *rm, const char *force, int32_t month,
			  struct strbuf *out, struct err *e);
int api_stops_force(const struct readmodel *rm, const char *force, int32_t month,
		    struct strbuf *out, struct err *e);

#endif
