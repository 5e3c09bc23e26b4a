/*
 * assets.h - the static files Engage serves itself (stylesheet, scripts,
 * fonts, images), held in memory.
 *
 * Engage makes no request to another host: every asset a page uses is
 * served from here under /assets/.  The folder is read once at start-up
 * (a few hundred KB); each file is answered from memory with a strong ETag,
 * so a browser revalidates cheaply.  Text files are also held gzipped
 * (compressed once at load), for clients that accept it: govuk-frontend's
 * stylesheet is 140 KB as it is and about 20 KB gzipped.  Only plain file names of known types
 * are served; nothing outside the folder can be named.
 *
 * Ownership: web_assets_load() returns a set the caller frees with
 * web_assets_free(); web_asset_find() pointers live as long as the set.
 */
#ifndef ENGAGE_ASSETS_H
#define ENGAGE_ASSETS_H

#include <stddef.h>

#include "base/err.h"

struct web_asset {
	char *name;		/* "engage.css" */
	char *data;
	size_t len;
	const char *content_type;
	char etag[24];		/* "\"<16 hex>\"" */
	char *gz;		/* the same bytes gzipped, or NULL when that does not pay */
	size_t gz_len;
	char gz_etag[28];	/* etag with "-gz" inside the quotes */
};

struct web_assets {
	struct web_asset *files;
	size_t count;
};

/* Load every regular file of a known type directly in `dir`.  A missing
 * folder is an error naming it. */
int web_assets_load(const char *dir, struct web_assets **out, struct err *e);
void web_assets_free(struct web_assets *a);
const struct web_asset *web_asset_find(const struct web_assets *a, const char *name);

#endif
