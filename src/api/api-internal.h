/*
 * api-internal.h - what the police.uk API files share: coordinate
 * formatting, the location object, month defaults and area searches.
 */
#ifndef ENGAGE_API_INTERNAL_H
#define ENGAGE_API_INTERNAL_H

#include "api/api.h"
#include "base/json.h"

/* Microdegrees as police.uk writes them: "51.518207", "-0.1", "52.0". */
void api_coord(int32_t micro, char buf[16]);
void api_key_coord(struct json_writer *jw, const char *key, int32_t micro);
/* {"latitude","street":{"id","name"},"longitude"} or null. */
void api_location(struct json_writer *jw, const struct monthpack *p, int kind, size_t row,
		  const char *name);
/* The month asked for, or the latest held when 0. */
int32_t api_month(const struct readmodel *rm, int32_t month);
/* Force index, or ERR_NOTFOUND with a message. */
long api_force_index(const struct readmodel *rm, const char *force, struct err *e);

/* Rows of `kind` in month `month` of every force inside the area, as
 * RM_REFs in force, then file order.  ERR_LIMIT past API_MAX_RESULTS
 * (counting only rows `keep` accepts; keep NULL keeps all). */
struct api_refs {
	uint64_t *v;
	size_t n, cap;
};
int api_area_rows(const struct readmodel *rm, const struct api_area *a, int kind,
		  int32_t month, int (*keep)(const struct monthpack *p, size_t row, void *ctx),
		  void *ctx, struct api_refs *out, struct err *e);
/* Rows of `kind` at one street point (every force), for *-at-location. */
int api_street_rows(const struct readmodel *rm, int32_t street_id, int kind, int32_t month,
		    struct api_refs *out, struct err *e);
/* The street id of the located row nearest lat/lng within a mile in that
 * month (street files), or 0. */
int32_t api_nearest_street(const struct readmodel *rm, int32_t lat, int32_t lng, int32_t month);
void api_refs_release(struct api_refs *r);

/* Write row `row` of month `ref`'s pack of `kind` from its pre-rendered
 * bytes; 0 when the month was not pre-rendered. */
int api_frag(struct json_writer *jw, const struct readmodel *rm, uint64_t ref, int kind);
/* The renderers api_prerender() uses (api_crimes.c, api_stops.c). */
int api_render_crime(void *ctx, const struct readmodel *rm, size_t mi, size_t row,
		     struct strbuf *out);
int api_render_stop(void *ctx, const struct readmodel *rm, size_t mi, size_t row,
		    struct strbuf *out);

#endif
