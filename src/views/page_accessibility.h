/*
 * page_accessibility.h - the accessibility statement public sector bodies
 * must publish (the Public Sector Bodies (Websites and Mobile Applications)
 * (No. 2) Accessibility Regulations 2018), in the order of GDS's model
 * statement: how accessible the site is, what to do when you cannot use a
 * part, reporting problems, the enforcement procedure, technical
 * information and compliance status, how it was tested, and when the
 * statement was prepared.
 */
#ifndef ENGAGE_PAGE_ACCESSIBILITY_H
#define ENGAGE_PAGE_ACCESSIBILITY_H

#include "base/strbuf.h"
#include "views/layout.h"

/* When the statement was prepared and the site last tested (YYYY-MM-DD);
 * change it whenever the statement is reviewed. */
#define ACCESSIBILITY_PREPARED "2026-12-02"

/* Appends the whole page to `out`. */
void page_accessibility(const struct page_ctx *pc, struct strbuf *out);

#endif
