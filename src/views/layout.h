/*
 * layout.h - the frame every page shares: doctype, language, title, the
 * header with Engage's name, the main landmark, and the footer with the
 * Open Government Licence attribution.
 */
#ifndef ENGAGE_LAYOUT_H
#define ENGAGE_LAYOUT_H

#include "views/html.h"

/* Opens the page up to the start of <main>; `title` is plain text. */
void layout_begin(struct html *h, const char *title);
/* Closes <main>, writes the footer and ends the document. */
void layout_end(struct html *h);
/* A whole "page not found" page with a one-line explanation. */
void page_not_found(struct strbuf *out, const char *why);

#endif
