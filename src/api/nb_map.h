/*
 * nb_map.h - the data a neighbourhood page's map draws, as GeoJSON
 * (RFC 7946): the neighbourhood's boundary, and the crimes and ASB of the
 * latest month at police.uk's anonymous map points, counted per point.
 * Only Engage's own data: the page's map needs no other server.
 *
 *	{"type":"FeatureCollection","month":"2026-10","features":[
 *	  {"type":"Feature","properties":{"kind":"boundary","name":"..."},
 *	   "geometry":{"type":"MultiPolygon",...}},
 *	  {"type":"Feature","properties":{"kind":"crimes","location":"Mill Close",
 *	   "count":3,"categories":{"burglary":2,"anti-social-behaviour":1}},
 *	   "geometry":{"type":"Point","coordinates":[-4.4498,52.3487]}}, ...]}
 */
#ifndef ENGAGE_NB_MAP_H
#define ENGAGE_NB_MAP_H

#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "index/readmodel.h"

/* Appends the map of neighbourhood `n` (an index into rm->nbhds).
 * 0 or ERR_NOMEM. */
int api_neighbourhood_map(const struct readmodel *rm, size_t n, struct strbuf *out,
			  struct err *e);

#endif
