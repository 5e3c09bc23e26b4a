/*
 * page_neighbourhood.h - one neighbourhood's public page: its team, its
 * area and people, and what police.uk recorded there (latest month by
 * category, and the last twelve months), each figure in a table.
 */
#ifndef ENGAGE_PAGE_NEIGHBOURHOOD_H
#define ENGAGE_PAGE_NEIGHBOURHOOD_H

#include "base/strbuf.h"
#include "engage/record.h"
#include "index/readmodel.h"
#include "views/layout.h"

/* Appends the page of neighbourhood `n` (an index into rm->nbhds). */
void page_neighbourhood(const struct readmodel *rm, size_t n, const struct page_ctx *pc,
			struct strbuf *out);
/* The same with its published record (may be NULL): "you said, we did",
 * the current priorities and what became of the ones that ended. */
void page_neighbourhood_record(const struct readmodel *rm, size_t n, const struct page_ctx *pc,
			       const struct record *rec, struct strbuf *out);

#endif
