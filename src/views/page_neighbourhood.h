/*
 * page_neighbourhood.h - one neighbourhood's public page: its next meetings
 * (each with an .ics download, and a calendar feed), its priorities with
 * their progress and "you said, we did", a crime map and a 12-month trend
 * by type (each drawn by JavaScript beside a table of the same figures),
 * stop and search in the latest month, its team, and how to get involved.
 *
 * The police.uk figures come from the read model, counted once for every
 * neighbourhood by nb_tallies_build() (the read model is immutable while
 * serving); Engage's own records come from the store as a struct record
 * (engage/record.h) the caller loads.  Nothing here holds personal data:
 * the record is the published one.
 */
#ifndef ENGAGE_PAGE_NEIGHBOURHOOD_H
#define ENGAGE_PAGE_NEIGHBOURHOOD_H

#include "base/strbuf.h"
#include "engage/record.h"
#include "index/readmodel.h"
#include "views/layout.h"

/* Counts per neighbourhood: the last 12 months by type, and the latest
 * month's stop and search.  One pass over the read model; NULL when out of
 * memory.  Free with nb_tallies_free(). */
struct nb_tallies;
struct nb_tallies *nb_tallies_build(const struct readmodel *rm);
void nb_tallies_free(struct nb_tallies *t);

struct nb_page {
	const struct readmodel *rm;
	size_t n;				/* index into rm->nbhds */
	const struct nb_tallies *tallies;	/* from nb_tallies_build() */
	const struct record *rec;	/* record_load() since today; NULL without a store */
	int64_t now;			/* UTC seconds: which meetings are still to come */
};

/* Appends the whole page. */
void page_neighbourhood(const struct nb_page *in, const struct page_ctx *pc, struct strbuf *out);

/* Whether residents can come to an activity of this kind (a meeting, a
 * surgery, an event), so it is listed and put in the calendar. */
int nb_activity_public(const struct record_activity *a);

#endif
