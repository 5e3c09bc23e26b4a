/*
 * form_guard.h - what a public form (one with no session behind it, such
 * as "raise a concern") does against abuse: refuse forms posted from other
 * sites, and name the client for a rate limit.
 *
 * Cross-site request forgery.  A public form has no session, so a token
 * tied to one cannot be checked, and a signed token that is not tied to a
 * person proves nothing (another site can fetch one and post it).  What a
 * forged post cannot fake is where the browser says it came from, so the
 * check is the one browsers now make possible (Go 1.25's
 * net/http.CrossOriginProtection works the same way):
 *  - Sec-Fetch-Site, sent by every current browser: only "same-origin"
 *    (a form on this site) or "none" (typed, bookmarked) pass;
 *  - without it, Origin: when present it must name this host (the Host
 *    header; a proxy in front must pass Host through, as nginx does with
 *    `proxy_set_header Host $host`), and "null" is refused;
 *  - with neither header the request did not come from a browser on
 *    another site (curl, scripts, very old browsers), so it passes: it can
 *    forge nothing a person could not send themselves, and the rate limit
 *    still applies.
 * Forms should also be answered with a CSP of form-action 'self' (pages.h).
 *
 * Client key.  The rate limit counts per client: an IPv4 address, or the
 * /64 an IPv6 address belongs to (one household or phone usually holds a
 * whole /64).  Behind a proxy every request comes from the proxy, so with
 * `trust_proxy` the last X-Forwarded-For entry (the one the proxy added)
 * is used instead.  The key is only counted (base/ratelimit.h hashes it),
 * never logged or stored.
 */
#ifndef ENGAGE_FORM_GUARD_H
#define ENGAGE_FORM_GUARD_H

#include <stddef.h>
#include <stdint.h>

#include "web/http.h"

/* 1 when a browser on another site did not send `req`, 0 to refuse it. */
int web_same_site(const struct http_request *req);

#define WEB_CLIENT_KEY_MAX 64
/* The client's rate-limit key into out; returns its length in bytes (0
 * when the request carries no address at all). */
size_t web_client_key(const struct http_request *req, int trust_proxy,
		      unsigned char out[WEB_CLIENT_KEY_MAX]);

struct ratelimit;
/* Count one request of this client against `rl`: 0 when it may go on (and
 * is counted), else the milliseconds to wait.  A NULL `rl`, or a request
 * with no address, is never held back. */
int64_t web_rate_wait(struct ratelimit *rl, const struct http_request *req, int trust_proxy);

#endif
