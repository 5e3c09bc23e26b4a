/*
 * page_data.h - the /data/ page: every open-data download with its size,
 * grouped by dataset, and the licence and attribution they come under.
 */
#ifndef ENGAGE_PAGE_DATA_H
#define ENGAGE_PAGE_DATA_H

#include "base/strbuf.h"
#include "publish/opendata.h"
#include "views/layout.h"

/* Appends the whole page to `out`; links point at /data/NAME. */
void page_data(const struct opendata_set *set, const struct page_ctx *pc, struct strbuf *out);

#endif
