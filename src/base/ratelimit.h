/*
 * ratelimit.h - how often one client may do something ("5 concerns per 10
 * minutes from one address"), in a fixed amount of memory.
 *
 * The rule is GCRA, the generic cell rate algorithm (ATM networks; also
 * redis-cell): with `limit` per `window`, the emission interval is
 * T = window / limit and each key keeps one number, its theoretical arrival
 * time (TAT).  A request at time t is allowed when max(TAT, t) - t is at
 * most window - T, and then TAT becomes max(TAT, t) + T.  So a burst of
 * `limit` passes at once, then one more every T: no fixed windows whose
 * edges let twice the limit through.
 *
 * Keys are not kept, only a 64-bit hash keyed with a random secret drawn at
 * creation, so the table holds no client address in clear and a client
 * cannot choose keys that collide.  The table has a fixed number of slots;
 * each key may sit in one of RATELIMIT_PROBE slots from its hash.  When all
 * are busy the entry nearest to expiry is dropped: under a flood of distinct
 * keys the limiter forgets rather than refuses, so it never locks out a
 * client it has not counted.
 *
 * Thread-safe: one mutex around each take.  Times are milliseconds on any
 * steady clock the caller picks (tests pass their own).
 */
#ifndef ENGAGE_RATELIMIT_H
#define ENGAGE_RATELIMIT_H

#include <stddef.h>
#include <stdint.h>

#define RATELIMIT_PROBE 8

struct ratelimit;

/* A limiter of `limit` (>= 1) per `window_ms` (>= 1) with room for `slots`
 * keys (rounded up to a power of two, at least RATELIMIT_PROBE).  Returns
 * NULL when out of memory or the numbers make no sense; free with
 * ratelimit_free(). */
struct ratelimit *ratelimit_new(int limit, int64_t window_ms, size_t slots);
void ratelimit_free(struct ratelimit *rl);

/* Count one request for `key` (len bytes) at `now_ms`.  Returns 0 when it
 * is allowed (and counted), otherwise the milliseconds to wait before the
 * next one would be allowed (nothing is counted). */
int64_t ratelimit_take(struct ratelimit *rl, const void *key, size_t len, int64_t now_ms);

#endif
