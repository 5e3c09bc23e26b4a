/*
 * render_cache.h - an answer rendered at most once per `ttl` seconds, and
 * again after any write through this server (web_app.writes), so answers
 * made from Engage's own records (the neighbourhood page, the police.uk
 * events and priorities) do not read the store on every request.  A change
 * made through this server shows at once; one made by another process (the
 * command line) within `ttl`.  Failures are not kept: the next request
 * tries again.
 *
 *	struct render_cache *c = xcalloc(n, sizeof(*c));
 *	render_cache_init(c, n);
 *	rc = render_cache_get(&c[i], 10, time_now(), atomic_load(&wa->writes),
 *			      render_it, &what, &res->body, &res->err);
 *	render_cache_release(c, n);
 */
#ifndef ENGAGE_RENDER_CACHE_H
#define ENGAGE_RENDER_CACHE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"

struct render_cache {
	pthread_mutex_t lock;
	struct strbuf body;
	int64_t at;		/* when rendered */
	unsigned long writes;	/* the server's write count then */
};

void render_cache_init(struct render_cache *c, size_t n);
void render_cache_release(struct render_cache *c, size_t n);

/* Append the answer to `out`, rendering it first with render(ctx, body, e)
 * into an emptied body when there is none, it is `ttl` seconds old, or
 * `writes` has moved since.  0, or render's error (nothing appended). */
int render_cache_get(struct render_cache *c, int ttl, int64_t now, unsigned long writes,
		     int (*render)(void *ctx, struct strbuf *body, struct err *e), void *ctx,
		     struct strbuf *out, struct err *e);

#endif
