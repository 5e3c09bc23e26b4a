/*
 * registry.h - what a force says about itself: the force, its
 * neighbourhoods (each a set of LSOAs), the people in its teams, and the
 * places and groups in each neighbourhood.  These are the records the
 * registry CSV readers (import/registry.h) hand on; the police.uk API
 * serves them as forces/{force}, {force}/neighbourhoods, .../people and
 * the neighbourhood "locations".
 *
 * Pure data.  Strings point into the reader's buffers and live only for the
 * callback; optional text is "" when absent, never NULL.  Coordinates are
 * WGS84 microdegrees, as in model/police.h.
 */
#ifndef ENGAGE_MODEL_REGISTRY_H
#define ENGAGE_MODEL_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

/* Ids (force, neighbourhood) are 1 to 64 of [A-Za-z0-9_-]. */
#define REGISTRY_ID_MAX 64

struct force_record {
	const char *id;		/* "city-of-london" */
	const char *name;	/* required */
	const char *description;	/* may hold HTML, as police.uk's does */
	const char *url;	/* "" or http(s)://... */
	const char *telephone;
};

struct neighbourhood_record {
	const char *force_id;
	const char *id;
	const char *name;	/* required */
	const char *description;
	const char *const *lsoa_codes;	/* nlsoa codes, E01/W01 + 6 digits */
	size_t nlsoa;
};

/* A person on a force's or a neighbourhood's team. */
struct team_record {
	const char *force_id;
	const char *neighbourhood_id;	/* "" for the force-wide team */
	const char *name;	/* required */
	const char *rank;
	const char *bio;
	const char *email;	/* "" or something@somewhere */
	const char *telephone;
};

enum place_kind {
	PLACE_KIND_GROUP,	/* a community group (residents' association, ...) */
	PLACE_KIND_PLACE,	/* a place (station, library, surgery, ...) */
};

struct place_record {
	const char *force_id;
	const char *neighbourhood_id;
	int kind;		/* enum place_kind */
	const char *type;	/* free text: "station", "library", ... */
	const char *name;	/* required */
	const char *address;
	int has_location;
	int32_t lat, lng;	/* microdegrees, when has_location */
	const char *description;
};

#endif
