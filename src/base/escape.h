/*
 * escape.h - HTML escaping for text and double-quoted attribute values:
 * & < > " ' become entities, NUL bytes are dropped.  The HTML writer
 * (views/html.h) uses it for every page; the police.uk-compatible API uses
 * it for the fields police.uk defines as HTML (a priority's issue and
 * action).
 */
#ifndef ENGAGE_ESCAPE_H
#define ENGAGE_ESCAPE_H

#include <stddef.h>

#include "base/strbuf.h"

void escape_html(struct strbuf *out, const char *s, size_t n);

#endif
