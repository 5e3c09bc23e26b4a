/*
 * registry.h - the four small CSV files a force provides about itself
 * (the demo town generator writes them too), into model/registry.h records:
 *
 *	forces.csv          Force ID,Name,Description,URL,Telephone
 *	neighbourhoods.csv  Force ID,Neighbourhood ID,Name,Description,LSOA codes
 *	teams.csv           Force ID,Neighbourhood ID,Name,Rank,Bio,Email,Telephone
 *	places.csv          Force ID,Neighbourhood ID,Kind,Type,Name,Address,Latitude,Longitude,Description
 *
 * The file is told by its header, which must match exactly.  Rules: ids are
 * 1-64 of [A-Za-z0-9_-] (a team's Neighbourhood ID may be empty: the
 * force-wide team); Name is required everywhere; LSOA codes are separated
 * by ';' (spaces around them allowed, empty items ignored) and each must
 * look like E01234567 or W01234567; Kind is "group" or "place"; Latitude and
 * Longitude come both or neither; URL is empty or http(s)://; Email is
 * empty or holds an '@'.  The first bad row stops the read:
 *	teams.csv: line 3: column "Name": is empty; a name is required
 *
 * Ownership: records live only for the callback (copy what you keep).  The
 * callback returns 0 or a negative ERR_* code (e filled) to stop.
 */
#ifndef ENGAGE_IMPORT_REGISTRY_H
#define ENGAGE_IMPORT_REGISTRY_H

#include <stddef.h>

#include "base/err.h"
#include "import/csv.h"
#include "model/registry.h"

enum registry_kind {
	REGISTRY_FORCES,
	REGISTRY_NEIGHBOURHOODS,
	REGISTRY_TEAMS,
	REGISTRY_PLACES,
};

struct registry_handlers {
	int (*force)(void *ctx, const struct force_record *r, struct err *e);
	int (*neighbourhood)(void *ctx, const struct neighbourhood_record *r, struct err *e);
	int (*team)(void *ctx, const struct team_record *r, struct err *e);
	int (*place)(void *ctx, const struct place_record *r, struct err *e);
	void *ctx;
};

/* Read a whole file; a kind whose handler is NULL is refused.  Returns the
 * number of records (>= 0) and sets *kind (may be NULL), or a negative
 * ERR_* code. */
long registry_read(struct csv *c, const struct registry_handlers *h,
		   enum registry_kind *kind, struct err *e);
long registry_read_path(const char *path, const struct registry_handlers *h,
			enum registry_kind *kind, struct err *e);
long registry_read_mem(const void *buf, size_t n, const char *name,
		       const struct registry_handlers *h, enum registry_kind *kind,
		       struct err *e);
/* The header of a kind, comma-separated, and its usual file name. */
const char *registry_header(enum registry_kind kind);
const char *registry_file_name(enum registry_kind kind);

#endif
