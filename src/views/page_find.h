/*
 * page_find.h - "find your neighbourhood" (/find): a search form that works
 * with JavaScript off, a "use my location" button where JavaScript and the
 * browser's geolocation run, and the neighbourhoods a search matched.
 * A single match never reaches this page: the web handler redirects to
 * the neighbourhood.
 */
#ifndef ENGAGE_PAGE_FIND_H
#define ENGAGE_PAGE_FIND_H

#include <stddef.h>

#include "base/strbuf.h"
#include "engage/find.h"
#include "index/readmodel.h"
#include "views/layout.h"

struct find_page {
	const struct readmodel *rm;
	const char *query;		/* what was typed; NULL for a fresh form */
	int empty;			/* the form was sent with nothing typed */
	int outside;			/* coordinates outside every neighbourhood */
	const struct find_match *matches;	/* shown, in order */
	size_t nmatches;
	size_t total;			/* matches in all (more than shown: ask for more) */
};

void page_find(const struct find_page *in, const struct page_ctx *pc, struct strbuf *out);

#endif
