/*
 * t_metrics.c - request counters and latency histograms render as the
 * Prometheus text format a scraper expects (src/web/metrics.c).
 */
#include "test.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "web/metrics.h"

TEST(metrics_counts_by_route_and_status)
{
	struct metrics *m = metrics_new();
	struct strbuf out = STRBUF_INIT;

	CHECK(m != NULL);
	metrics_record(m, "people", 200, 300);		/* 0.3 ms */
	metrics_record(m, "people", 200, 800);		/* 0.8 ms */
	metrics_record(m, "people", 404, 3000000);	/* 3 s: only +Inf */
	metrics_record(m, "healthz", 200, 1000);	/* exactly 1 ms: le="0.001" */
	metrics_render(m, &out);

	CHECK_CONTAINS(strbuf_str(&out), "# HELP engage_http_requests_total ");
	CHECK_CONTAINS(strbuf_str(&out), "# TYPE engage_http_requests_total counter\n");
	CHECK_CONTAINS(strbuf_str(&out), "# TYPE engage_http_request_duration_seconds histogram\n");
	CHECK_CONTAINS(strbuf_str(&out), "\nengage_http_requests_total{route=\"people\",status=\"200\"} 2\n");
	CHECK_CONTAINS(strbuf_str(&out), "\nengage_http_requests_total{route=\"people\",status=\"404\"} 1\n");
	CHECK_CONTAINS(strbuf_str(&out), "\nengage_http_requests_total{route=\"healthz\",status=\"200\"} 1\n");
	CHECK(!strstr(strbuf_str(&out), "status=\"500\""));

	/* Buckets are cumulative. */
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_bucket{route=\"people\",le=\"0.0005\"} 1\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_bucket{route=\"people\",le=\"0.001\"} 2\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_bucket{route=\"people\",le=\"2.5\"} 2\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_bucket{route=\"people\",le=\"+Inf\"} 3\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_sum{route=\"people\"} 3.001100\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_count{route=\"people\"} 3\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_bucket{route=\"healthz\",le=\"0.0005\"} 0\n");
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_request_duration_seconds_bucket{route=\"healthz\",le=\"0.001\"} 1\n");
	CHECK_INT(out.failed, 0);
	strbuf_release(&out);
	metrics_free(m);
}

TEST(metrics_every_line_is_well_formed)
{
	struct metrics *m = metrics_new();
	struct strbuf out = STRBUF_INIT;
	const char *line;
	int samples = 0;

	metrics_record(m, "a", 200, 10);
	metrics_record(m, "b", 700, 10);	/* odd status lands on 599 */
	metrics_render(m, &out);
	CHECK_CONTAINS(strbuf_str(&out), "{route=\"b\",status=\"599\"} 1\n");
	for (line = strbuf_str(&out); *line; line = strchr(line, '\n') + 1) {
		if (line[0] == '#') {
			CHECK(!strncmp(line, "# HELP ", 7) || !strncmp(line, "# TYPE ", 7));
		} else {
			CHECK(!strncmp(line, "engage_http_", 12));
			CHECK(strchr(line, '}') && strchr(line, '}')[1] == ' ');
			samples++;
		}
		if (!strchr(line, '\n'))
			break;
	}
	/* 2 counters + 2 routes x (13 buckets + sum + count) */
	CHECK_INT(samples, 2 + 2 * 15);
	CHECK(out.len && out.buf[out.len - 1] == '\n');
	strbuf_release(&out);
	metrics_free(m);
}

static struct metrics *shared;
static const char *const names[] = { "r0", "r1", "r2", "r3" };

static void *hammer(void *arg)
{
	const char *name = arg;

	for (int i = 0; i < 10000; i++)
		metrics_record(shared, name, 200 + (i & 1), (uint64_t)i);
	return NULL;
}

TEST(metrics_threads_lose_no_counts)
{
	pthread_t t[8];
	struct strbuf out = STRBUF_INIT;

	shared = metrics_new();
	for (int i = 0; i < 8; i++)
		pthread_create(&t[i], NULL, hammer, (void *)names[i % 4]);
	for (int i = 0; i < 8; i++)
		pthread_join(t[i], NULL);
	metrics_render(shared, &out);
	for (int i = 0; i < 4; i++) {
		char want[128];

		snprintf(want, sizeof(want),
			 "engage_http_request_duration_seconds_count{route=\"%s\"} 20000\n", names[i]);
		CHECK_CONTAINS(strbuf_str(&out), want);
		snprintf(want, sizeof(want),
			 "engage_http_requests_total{route=\"%s\",status=\"201\"} 10000\n", names[i]);
		CHECK_CONTAINS(strbuf_str(&out), want);
	}
	strbuf_release(&out);
	metrics_free(shared);
}

TEST(metrics_past_the_cap_go_to_other)
{
	struct metrics *m = metrics_new();
	struct strbuf out = STRBUF_INIT;
	static char names_buf[METRICS_MAX_ROUTES + 2][16];

	for (int i = 0; i < METRICS_MAX_ROUTES + 2; i++) {
		snprintf(names_buf[i], sizeof(names_buf[i]), "r%d", i);
		metrics_record(m, names_buf[i], 200, 1);
	}
	metrics_render(m, &out);
	CHECK_CONTAINS(strbuf_str(&out), "{route=\"r63\",status=\"200\"} 1\n");
	CHECK(!strstr(strbuf_str(&out), "route=\"r64\""));
	CHECK_CONTAINS(strbuf_str(&out), "{route=\"other\",status=\"200\"} 2\n");
	strbuf_release(&out);
	metrics_free(m);
}
