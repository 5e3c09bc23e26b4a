/*
 * metrics.h - request counters and latency histograms, shown at /metrics in
 * the Prometheus text exposition format.
 *
 *	engage_http_requests_total{route="people",status="200"} 12
 *	engage_http_request_duration_seconds_bucket{route="people",le="0.001"} 9
 *	engage_http_request_duration_seconds_sum{route="people"} 0.004211
 *	engage_http_request_duration_seconds_count{route="people"} 12
 *
 * Recording is lock-free: a route's slot is found by name among at most
 * METRICS_MAX_ROUTES (the first request on a route takes a mutex once to
 * claim it) and counted with relaxed atomic adds, so server threads never
 * wait on each other.  Route names must be static strings (route table
 * rows); names beyond the cap are counted under "other".  Statuses outside
 * 100-599 are counted as 599.
 *
 * Ownership: metrics_new() returns an object the caller frees with
 * metrics_free() after every server using it has stopped.
 */
#ifndef ENGAGE_METRICS_H
#define ENGAGE_METRICS_H

#include <stdint.h>

#include "base/strbuf.h"

#define METRICS_MAX_ROUTES 64

struct metrics;

/* NULL when out of memory. */
struct metrics *metrics_new(void);
void metrics_free(struct metrics *m);

/* Count one answered request. */
void metrics_record(struct metrics *m, const char *route, int status,
		    uint64_t duration_us);

/* Append the whole exposition (HELP, TYPE, samples) to out. */
void metrics_render(struct metrics *m, struct strbuf *out);

/* The bucket bounds in seconds, ascending, without +Inf. */
extern const double metrics_buckets[];
extern const int metrics_nbuckets;

#endif
