/*
 * find.h - "find your neighbourhood": from what a resident types (a street,
 * a place, a neighbourhood, an LSOA name or code, or "lat, lng") to the
 * neighbourhoods it names.
 *
 * A finder is built once from the read model and the store's street points
 * (each anonymous map point's "On or near ..." name, placed in its
 * neighbourhood), then searched by any number of threads without locks: it
 * is immutable.  Matching ignores case, accents (Lôn = Lon) and
 * punctuation; a name that equals the query wins over names that merely
 * contain it at the start of a word, so "Mill Lane" finds Mill Lane and
 * not Mill Lane Close, and "Mill" finds both.
 *
 * Postcodes are not searched: the store holds no postcode table yet.
 *
 * Ownership: finder_build() returns a finder the caller frees with
 * finder_free(); labels point into the finder or the read model, which
 * must outlive it.
 */
#ifndef ENGAGE_FIND_H
#define ENGAGE_FIND_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "index/readmodel.h"
#include "store/store.h"

struct finder;

enum find_kind { FIND_NEIGHBOURHOOD, FIND_LSOA, FIND_STREET, FIND_POINT };

struct find_match {
	int32_t nbhd;		/* index into rm->nbhds */
	enum find_kind kind;
	const char *label;	/* the name that matched: "Mill Close", "Porthmawr 001A" */
};

/* Build from `rm` and, when `s` is not NULL, its street points. */
int finder_build(struct store *s, const struct readmodel *rm, struct finder **out,
		 struct err *e);
void finder_free(struct finder *f);

/* Matches for `query` into out (at most max), neighbourhoods first, then
 * small areas, then streets, each in name order.  Returns how many there
 * are in all (may exceed max); 0 for an empty query. */
size_t finder_search(const struct finder *f, const char *query, struct find_match *out,
		     size_t max);

/* The neighbourhood holding a point, or -1 (outside every one held). */
long finder_locate(const struct finder *f, double lat, double lng);

/* Read "52.336, -4.437" (or with a space) as a latitude and longitude in
 * range: 0, or -1 when `s` is not a pair of coordinates. */
int find_parse_coordinates(const char *s, double *lat, double *lng);

/* Fold `s` for matching into out (at most size - 1 bytes): lower case,
 * Latin accents and Welsh circumflexes dropped, every run of other
 * characters one space, no leading or trailing space. */
void find_fold(const char *s, char *out, size_t size);

#endif
