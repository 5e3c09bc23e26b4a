/*
 * page_home.h - the front page: which forces and neighbourhoods this Engage
 * holds, with each neighbourhood's size, people and latest month's crime.
 */
#ifndef ENGAGE_PAGE_HOME_H
#define ENGAGE_PAGE_HOME_H

#include "base/strbuf.h"
#include "index/readmodel.h"
#include "views/layout.h"

/* Appends the whole page to `out`. */
void page_home(const struct readmodel *rm, const struct page_ctx *pc, struct strbuf *out);

#endif
