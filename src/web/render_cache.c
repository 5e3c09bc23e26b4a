/*
 * render_cache.c - answers rendered at most once per few seconds (see
 * render_cache.h).
 */
#include "web/render_cache.h"

void render_cache_init(struct render_cache *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pthread_mutex_init(&c[i].lock, NULL);
		strbuf_init(&c[i].body, 0);
		c[i].at = 0;
		c[i].writes = 0;
	}
}

void render_cache_release(struct render_cache *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++) {
		pthread_mutex_destroy(&c[i].lock);
		strbuf_release(&c[i].body);
	}
}

int render_cache_get(struct render_cache *c, int ttl, int64_t now, unsigned long writes,
		     int (*render)(void *ctx, struct strbuf *body, struct err *e), void *ctx,
		     struct strbuf *out, struct err *e)
{
	int rc = 0;

	pthread_mutex_lock(&c->lock);
	if (!c->body.len || now - c->at >= ttl || now < c->at || c->writes != writes) {
		strbuf_reset(&c->body);
		rc = render(ctx, &c->body, e);
		if (rc == 0 && c->body.failed)
			rc = err_set(e, ERR_NOMEM, "out of memory rendering an answer");
		if (rc < 0) {
			strbuf_reset(&c->body);
		} else {
			c->at = now;
			c->writes = writes;
		}
	}
	if (rc == 0)
		strbuf_add(out, c->body.buf, c->body.len);
	pthread_mutex_unlock(&c->lock);
	return rc < 0 ? rc : 0;
}
