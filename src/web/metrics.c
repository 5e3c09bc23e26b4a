/*
 * metrics.c - per-route request counters and latency histograms (see
 * metrics.h), atomics on the hot path and one mutex to claim a new slot.
 */
#include "web/metrics.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "base/xalloc.h"

const double metrics_buckets[] = {
	0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
};
#define NBUCKETS ((int)(sizeof(metrics_buckets) / sizeof(metrics_buckets[0])))
const int metrics_nbuckets = NBUCKETS;

/* Bucket bounds in microseconds, so recording compares integers. */
static const uint64_t bucket_us[NBUCKETS] = {
	500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000,
	1000000, 2500000,
};

#define STATUS_MIN 100
#define STATUS_MAX 599
#define NSTATUS (STATUS_MAX - STATUS_MIN + 1)

struct route_metrics {
	const char *name;
	_Atomic uint64_t by_status[NSTATUS];
	_Atomic uint64_t buckets[NBUCKETS + 1];	/* not cumulative; last is +Inf */
	_Atomic uint64_t sum_us;
	_Atomic uint64_t count;
};

struct metrics {
	pthread_mutex_t lock;		/* only to claim a slot */
	_Atomic int nroutes;
	struct route_metrics routes[METRICS_MAX_ROUTES + 1];	/* last is "other" */
};

struct metrics *metrics_new(void)
{
	struct metrics *m = xcalloc(1, sizeof(*m));

	if (!m)
		return NULL;
	pthread_mutex_init(&m->lock, NULL);
	m->routes[METRICS_MAX_ROUTES].name = "other";
	return m;
}

void metrics_free(struct metrics *m)
{
	if (!m)
		return;
	pthread_mutex_destroy(&m->lock);
	xfree(m);
}

static struct route_metrics *find(struct metrics *m, int n, const char *route)
{
	for (int i = 0; i < n; i++)
		if (m->routes[i].name == route || !strcmp(m->routes[i].name, route))
			return &m->routes[i];
	return NULL;
}

static struct route_metrics *slot_for(struct metrics *m, const char *route)
{
	struct route_metrics *rm;
	int n = atomic_load_explicit(&m->nroutes, memory_order_acquire);

	rm = find(m, n, route);
	if (rm)
		return rm;
	pthread_mutex_lock(&m->lock);
	n = atomic_load_explicit(&m->nroutes, memory_order_relaxed);
	rm = find(m, n, route);
	if (!rm && n < METRICS_MAX_ROUTES) {
		rm = &m->routes[n];
		rm->name = route;
		atomic_store_explicit(&m->nroutes, n + 1, memory_order_release);
	}
	pthread_mutex_unlock(&m->lock);
	return rm ? rm : &m->routes[METRICS_MAX_ROUTES];
}

void metrics_record(struct metrics *m, const char *route, int status,
		    uint64_t duration_us)
{
	struct route_metrics *rm;
	int b = 0;

	if (!m)
		return;
	rm = slot_for(m, route ? route : "other");
	if (status < STATUS_MIN || status > STATUS_MAX)
		status = STATUS_MAX;
	while (b < NBUCKETS && duration_us > bucket_us[b])
		b++;
	atomic_fetch_add_explicit(&rm->by_status[status - STATUS_MIN], 1,
				  memory_order_relaxed);
	atomic_fetch_add_explicit(&rm->buckets[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&rm->sum_us, duration_us, memory_order_relaxed);
	atomic_fetch_add_explicit(&rm->count, 1, memory_order_relaxed);
}

static uint64_t load(_Atomic uint64_t *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

void metrics_render(struct metrics *m, struct strbuf *out)
{
	int n = atomic_load_explicit(&m->nroutes, memory_order_acquire);
	int order[METRICS_MAX_ROUTES + 1], norder = 0;

	/* Slots in use, "other" last if it saw anything. */
	for (int i = 0; i < n; i++)
		order[norder++] = i;
	if (load(&m->routes[METRICS_MAX_ROUTES].count))
		order[norder++] = METRICS_MAX_ROUTES;

	strbuf_addstr(out,
		"# HELP engage_http_requests_total HTTP requests answered, by route and status.\n"
		"# TYPE engage_http_requests_total counter\n");
	for (int k = 0; k < norder; k++) {
		struct route_metrics *rm = &m->routes[order[k]];

		for (int s = 0; s < NSTATUS; s++) {
			uint64_t c = load(&rm->by_status[s]);

			if (c)
				strbuf_addf(out, "engage_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
					    rm->name, s + STATUS_MIN, (unsigned long long)c);
		}
	}

	strbuf_addstr(out,
		"# HELP engage_http_request_duration_seconds Time from a request's headers to its answer.\n"
		"# TYPE engage_http_request_duration_seconds histogram\n");
	for (int k = 0; k < norder; k++) {
		struct route_metrics *rm = &m->routes[order[k]];
		uint64_t cum = 0, sum = load(&rm->sum_us);

		for (int b = 0; b < NBUCKETS; b++) {
			cum += load(&rm->buckets[b]);
			strbuf_addf(out, "engage_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
				    rm->name, metrics_buckets[b], (unsigned long long)cum);
		}
		cum += load(&rm->buckets[NBUCKETS]);
		strbuf_addf(out, "engage_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
			    rm->name, (unsigned long long)cum);
		strbuf_addf(out, "engage_http_request_duration_seconds_sum{route=\"%s\"} %llu.%06llu\n",
			    rm->name, (unsigned long long)(sum / 1000000),
			    (unsigned long long)(sum % 1000000));
		/* _count from the buckets, so it always equals the +Inf bucket. */
		strbuf_addf(out, "engage_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
			    rm->name, (unsigned long long)cum);
	}
}
