/*
 * t_http.c - the real server (src/web/http_mhd.c on libmicrohttpd) on an
 * ephemeral loopback port, spoken to over real sockets: answers, JSON
 * errors, the limits (413, 431, stalled clients, connection cap), /healthz,
 * /metrics, the access log, graceful stop, signals and "port in use".
 */
#include "test.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"
#include "httpc.h"
#include "web/http.h"
#include "web/metrics.h"
#include "web/router.h"
#include "web/routes.h"

static atomic_int slow_entered;
static const char borrowed_text[] = "a pre-rendered fragment that outlives the request";

static int h_hello(void *app, const struct http_request *req, struct http_response *res)
{
	const char *name = http_query(req, "name");

	res->content_type = "text/plain; charset=utf-8";
	strbuf_addf(&res->body, "hello %s", name ? name : "world");
	return 0;
}

static int h_echo(void *app, const struct http_request *req, struct http_response *res)
{
	strbuf_addf(&res->body, "{\"length\":%zu}", req->body_len);
	return 0;
}

static int h_slow(void *app, const struct http_request *req, struct http_response *res)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };

	atomic_store(&slow_entered, 1);
	nanosleep(&ts, NULL);
	strbuf_addstr(&res->body, "{\"slow\":true}");
	return 0;
}

static int h_borrowed(void *app, const struct http_request *req, struct http_response *res)
{
	res->content_type = "text/plain";
	http_response_borrow(res, borrowed_text, sizeof(borrowed_text) - 1);
	return 0;
}

static struct route all_routes[256];
static size_t nall;

static const struct route test_routes[] = {
	{ .methods = HTTP_GET, .pattern = "/t/hello", .handler = h_hello,
	  .name = "hello", .query = { Q_SLUG("name") } },
	{ .methods = HTTP_POST | HTTP_PUT, .pattern = "/t/echo", .handler = h_echo, .name = "echo" },
	{ .methods = HTTP_GET, .pattern = "/t/slow", .handler = h_slow, .name = "slow" },
	{ .methods = HTTP_GET, .pattern = "/t/borrowed", .handler = h_borrowed, .name = "borrowed" },
};

static int test_dispatch(void *app, const struct http_request *req,
			 struct http_response *res)
{
	return router_dispatch(all_routes, nall, app, req, res);
}

struct fixture {
	struct http_server *srv;
	struct metrics *metrics;
	struct web_app wa;
	int port;
};

/* The real /healthz and /metrics rows plus the test rows above. */
static void build_table(void)
{
	nall = 0;
	for (size_t i = 0; i < web_nroutes; i++)
		all_routes[nall++] = web_routes[i];
	for (size_t i = 0; i < sizeof(test_routes) / sizeof(test_routes[0]); i++)
		all_routes[nall++] = test_routes[i];
}

static int start(struct fixture *f, struct http_options *opt)
{
	struct err e = ERR_INIT;
	struct http_options def;

	build_table();
	memset(f, 0, sizeof(*f));
	if (!opt) {
		http_options_default(&def);
		opt = &def;
	}
	opt->bind_address = "127.0.0.1";
	opt->port = 0;
	opt->access_log = opt->access_log == 2;	/* on only when a test asks */
	f->metrics = metrics_new();
	opt->metrics = f->metrics;
	f->wa.metrics = f->metrics;
	f->wa.version = "test";
	if (http_server_start(opt, test_dispatch, &f->wa, &f->srv, &e) < 0) {
		test_fail(__FILE__, __LINE__, "server did not start: %s", e.msg);
		metrics_free(f->metrics);
		return -1;
	}
	f->port = http_server_port(f->srv);
	return 0;
}

static void stop(struct fixture *f)
{
	http_server_stop(f->srv, 2);
	metrics_free(f->metrics);
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static long long ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

TEST(http_serves_200_and_json_404)
{
	struct fixture f;
	struct httpc_res r;
	char v[128];

	if (start(&f, NULL) < 0)
		return;
	CHECK(f.port > 0);
	httpc_res_init(&r);
	CHECK_INT(httpc_do(f.port, "GET /t/hello?name=leics&email=x@y.z HTTP/1.1\r\nHost: t\r\n\r\n", &r),
		  HTTPC_OK);
	CHECK_INT(r.status, 200);
	CHECK_STR(strbuf_str(&r.body), "hello leics");
	CHECK_STR(httpc_header(&r, "Content-Type", v, sizeof(v)), "text/plain; charset=utf-8");

	CHECK_INT(httpc_do(f.port, "GET /nope HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 404);
	CHECK_STR(httpc_header(&r, "Content-Type", v, sizeof(v)), "application/json");
	CHECK_STR(strbuf_str(&r.body),
		  "{\"error\":{\"status\":404,\"code\":\"not_found\",\"message\":\"no route for /nope\"}}\n");

	CHECK_INT(httpc_do(f.port, "GET /t/hello?name=a%20b HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 400);
	CHECK_CONTAINS(strbuf_str(&r.body), "invalid parameter 'name': 'a b'");

	CHECK_INT(httpc_do(f.port, "DELETE /t/hello HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 405);
	CHECK_STR(httpc_header(&r, "Allow", v, sizeof(v)), "GET, HEAD");

	CHECK_INT(httpc_do(f.port, "GET /t/borrowed HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 200);
	CHECK_STR(strbuf_str(&r.body), borrowed_text);

	/* HEAD: the GET answer's headers, no body. */
	CHECK_INT(httpc_do(f.port, "HEAD /t/hello HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 200);
	CHECK_STR(httpc_header(&r, "Content-Length", v, sizeof(v)), "11");
	CHECK_INT(r.body.len, 0);

	/* Two requests on one keep-alive connection. */
	{
		int fd = httpc_connect(f.port);
		const char *req = "GET /t/hello HTTP/1.1\r\nHost: t\r\n\r\n";

		CHECK_INT(httpc_send(fd, req, strlen(req)), 0);
		CHECK_INT(httpc_read(fd, &r, 0, 3000), HTTPC_OK);
		CHECK_INT(httpc_send(fd, req, strlen(req)), 0);
		CHECK_INT(httpc_read(fd, &r, 0, 3000), HTTPC_OK);
		CHECK_STR(strbuf_str(&r.body), "hello world");
		close(fd);
	}
	httpc_res_release(&r);
	stop(&f);
}

TEST(http_post_body_and_413)
{
	struct fixture f;
	struct http_options opt;
	struct httpc_res r;
	char req[512], body[2048];
	int fd;

	http_options_default(&opt);
	opt.max_body_bytes = 1024;
	if (start(&f, &opt) < 0)
		return;
	httpc_res_init(&r);
	memset(body, 'x', sizeof(body));

	/* Within the limit the handler sees the whole body. */
	fd = httpc_connect(f.port);
	snprintf(req, sizeof(req), "POST /t/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1024\r\n\r\n");
	CHECK_INT(httpc_send(fd, req, strlen(req)), 0);
	CHECK_INT(httpc_send(fd, body, 1024), 0);
	CHECK_INT(httpc_read(fd, &r, 0, 3000), HTTPC_OK);
	CHECK_INT(r.status, 200);
	CHECK_STR(strbuf_str(&r.body), "{\"length\":1024}");
	close(fd);

	/* A declared length over the limit: 413 before the body is read. */
	fd = httpc_connect(f.port);
	snprintf(req, sizeof(req), "POST /t/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 50000000\r\n\r\n");
	CHECK_INT(httpc_send(fd, req, strlen(req)), 0);
	CHECK_INT(httpc_read(fd, &r, 0, 3000), HTTPC_OK);
	CHECK_INT(r.status, 413);
	CHECK_CONTAINS(strbuf_str(&r.body),
		       "{\"error\":{\"status\":413,\"code\":\"body_too_large\",\"message\":\"request body too large (the limit is 1024 bytes)\"}}");
	/* ...and the connection is closed after it. */
	CHECK_INT(httpc_read(fd, &r, 0, 2000), HTTPC_CLOSED);
	close(fd);

	/* Same, with part of the body already on its way. */
	fd = httpc_connect(f.port);
	snprintf(req, sizeof(req), "POST /t/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2048\r\n\r\n");
	CHECK_INT(httpc_send(fd, req, strlen(req)), 0);
	httpc_send(fd, body, 512);
	CHECK_INT(httpc_read(fd, &r, 0, 3000), HTTPC_OK);
	CHECK_INT(r.status, 413);
	close(fd);

	/* A chunked body that grows past the limit. */
	fd = httpc_connect(f.port);
	snprintf(req, sizeof(req), "POST /t/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
	CHECK_INT(httpc_send(fd, req, strlen(req)), 0);
	for (int i = 0; i < 3; i++) {
		CHECK_INT(httpc_send(fd, "400\r\n", 5), 0);
		CHECK_INT(httpc_send(fd, body, 1024), 0);
		CHECK_INT(httpc_send(fd, "\r\n", 2), 0);
	}
	CHECK_INT(httpc_send(fd, "0\r\n\r\n", 5), 0);
	CHECK_INT(httpc_read(fd, &r, 0, 3000), HTTPC_OK);
	CHECK_INT(r.status, 413);
	CHECK_CONTAINS(strbuf_str(&r.body), "\"code\":\"body_too_large\"");
	close(fd);

	httpc_res_release(&r);
	stop(&f);
}

TEST(http_431_for_large_headers)
{
	struct fixture f;
	struct http_options opt;
	struct httpc_res r;
	struct strbuf req = STRBUF_INIT;
	char filler[40001], v[64];

	http_options_default(&opt);
	opt.max_header_bytes = 2048;
	if (start(&f, &opt) < 0)
		return;
	httpc_res_init(&r);

	/* Over the limit but within the connection's pool: Engage's JSON 431. */
	memset(filler, 'a', 3000);
	filler[3000] = '\0';
	strbuf_addf(&req, "GET /t/hello HTTP/1.1\r\nHost: t\r\nX-Filler: %s\r\n\r\n", filler);
	CHECK_INT(httpc_do(f.port, strbuf_str(&req), &r), HTTPC_OK);
	CHECK_INT(r.status, 431);
	CHECK_STR(httpc_header(&r, "Content-Type", v, sizeof(v)), "application/json");
	CHECK_CONTAINS(strbuf_str(&r.body), "\"code\":\"headers_too_large\"");

	/* Far over: libmicrohttpd answers 431 itself (not JSON). */
	memset(filler, 'a', 40000);
	filler[40000] = '\0';
	strbuf_reset(&req);
	strbuf_addf(&req, "GET /t/hello HTTP/1.1\r\nHost: t\r\nX-Filler: %s\r\n\r\n", filler);
	CHECK_INT(httpc_do(f.port, strbuf_str(&req), &r), HTTPC_OK);
	CHECK_INT(r.status, 431);

	CHECK_CONTAINS(strbuf_str(&r.body), "Request too big");

	/* A long query counts too; far too long a request line gets 414. */
	memset(filler, 'a', 3000);
	filler[3000] = '\0';
	strbuf_reset(&req);
	strbuf_addf(&req, "GET /t/hello?q=%s HTTP/1.1\r\nHost: t\r\n\r\n", filler);
	CHECK_INT(httpc_do(f.port, strbuf_str(&req), &r), HTTPC_OK);
	CHECK_INT(r.status, 431);
	CHECK_CONTAINS(strbuf_str(&r.body), "\"code\":\"headers_too_large\"");
	memset(filler, 'a', 40000);
	filler[40000] = '\0';
	strbuf_reset(&req);
	strbuf_addf(&req, "GET /t/hello?q=%s HTTP/1.1\r\nHost: t\r\n\r\n", filler);
	CHECK_INT(httpc_do(f.port, strbuf_str(&req), &r), HTTPC_OK);
	CHECK_INT(r.status, 414);

	/* The server is still fine. */
	CHECK_INT(httpc_do(f.port, "GET /t/hello HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 200);
	strbuf_release(&req);
	httpc_res_release(&r);
	stop(&f);
}

TEST(http_stalled_client_is_closed)
{
	struct fixture f;
	struct http_options opt;
	struct httpc_res r;
	struct strbuf out = STRBUF_INIT;
	const char *part = "GET /t/hello HTTP/1.1\r\nHost: t\r\n";
	const char *body_part = "POST /t/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n0123456789";
	long long t0;
	int fd, fd2;

	http_options_default(&opt);
	opt.request_timeout_s = 1;
	if (start(&f, &opt) < 0)
		return;
	httpc_res_init(&r);

	/* Stalled inside the headers and inside the body, at the same time. */
	fd = httpc_connect(f.port);
	fd2 = httpc_connect(f.port);
	CHECK_INT(httpc_send(fd, part, strlen(part)), 0);
	CHECK_INT(httpc_send(fd2, body_part, strlen(body_part)), 0);
	t0 = ms_now();
	/* libmicrohttpd 0.9.75 sends no 408: it closes the connection. */
	CHECK_INT(httpc_read(fd, &r, 0, 4000), HTTPC_CLOSED);
	CHECK_INT(r.status, 0);
	CHECK_INT(httpc_read(fd2, &r, 0, 4000), HTTPC_CLOSED);
	CHECK_INT(r.status, 0);
	CHECK(ms_now() - t0 >= 800);
	CHECK(ms_now() - t0 < 3500);
	close(fd);
	close(fd2);

	/* The stall after the headers is logged and counted as 408. */
	for (int i = 0; i < 100; i++) {
		strbuf_reset(&out);
		metrics_render(f.metrics, &out);
		if (strstr(strbuf_str(&out), "status=\"408\""))
			break;
		sleep_ms(10);
	}
	CHECK_CONTAINS(strbuf_str(&out), "engage_http_requests_total{route=\"limits\",status=\"408\"} 1\n");
	strbuf_release(&out);
	httpc_res_release(&r);
	stop(&f);
}

TEST(http_connection_cap)
{
	struct fixture f;
	struct http_options opt;
	struct httpc_res r;
	const char *req = "GET /t/hello HTTP/1.1\r\nHost: t\r\n\r\n";
	int held[2], extra;

	http_options_default(&opt);
	opt.max_connections = 2;
	opt.threads = 1;
	if (start(&f, &opt) < 0)
		return;
	httpc_res_init(&r);
	held[0] = httpc_connect(f.port);
	held[1] = httpc_connect(f.port);
	sleep_ms(100);	/* let the server accept both */

	/*
	 * At the cap libmicrohttpd 0.9.75 stops accepting: a third client
	 * connects (the kernel queues it) but is not served...
	 */
	extra = httpc_connect(f.port);
	CHECK(extra >= 0);
	CHECK_INT(httpc_send(extra, req, strlen(req)), 0);
	CHECK_INT(httpc_read(extra, &r, 0, 500), HTTPC_TIMEOUT);
	CHECK_INT(r.status, 0);

	/* ...while the two held connections are. */
	for (int i = 0; i < 2; i++) {
		CHECK_INT(httpc_send(held[i], req, strlen(req)), 0);
		CHECK_INT(httpc_read(held[i], &r, 0, 2000), HTTPC_OK);
		CHECK_INT(r.status, 200);
	}

	/* When one closes, the queued client is taken and answered. */
	close(held[0]);
	CHECK_INT(httpc_read(extra, &r, 0, 2000), HTTPC_OK);
	CHECK_INT(r.status, 200);
	close(extra);
	close(held[1]);
	httpc_res_release(&r);
	stop(&f);
}

static int failing_health(void *ctx, struct json_writer *jw, struct err *e)
{
	json_key_bool(jw, "store", 0);
	return err_set(e, ERR_IO, "store unreachable");
}

static int good_health(void *ctx, struct json_writer *jw, struct err *e)
{
	json_key_bool(jw, "store", 1);
	return 0;
}

TEST(http_healthz_and_metrics)
{
	struct fixture f;
	struct httpc_res r;
	char v[128];
	int found = 0;

	if (start(&f, NULL) < 0)
		return;
	httpc_res_init(&r);
	CHECK_INT(httpc_do(f.port, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 200);
	CHECK_STR(strbuf_str(&r.body), "{\"status\":\"ok\",\"version\":\"test\",\"checks\":{}}\n");

	f.wa.health = good_health;
	CHECK_INT(httpc_do(f.port, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 200);
	CHECK_CONTAINS(strbuf_str(&r.body), "\"checks\":{\"store\":true}");

	f.wa.health = failing_health;
	CHECK_INT(httpc_do(f.port, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 503);
	CHECK_STR(strbuf_str(&r.body),
		  "{\"status\":\"unavailable\",\"version\":\"test\",\"reason\":\"store unreachable\",\"checks\":{\"store\":false}}\n");
	f.wa.health = NULL;

	for (int i = 0; i < 3; i++)
		httpc_do(f.port, "GET /t/hello HTTP/1.1\r\nHost: t\r\n\r\n", &r);
	httpc_do(f.port, "GET /missing HTTP/1.1\r\nHost: t\r\n\r\n", &r);

	/* Completion is counted just after the answer is sent: allow a moment. */
	for (int i = 0; i < 50 && !found; i++) {
		CHECK_INT(httpc_do(f.port, "GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
		found = strstr(strbuf_str(&r.body), "{route=\"hello\",status=\"200\"} 3\n") &&
			strstr(strbuf_str(&r.body), "{route=\"unmatched\",status=\"404\"} 1\n");
		if (!found)
			sleep_ms(10);
	}
	CHECK_INT(r.status, 200);
	CHECK_STR(httpc_header(&r, "Content-Type", v, sizeof(v)),
		  "text/plain; version=0.0.4; charset=utf-8");
	CHECK_CONTAINS(strbuf_str(&r.body), "engage_http_requests_total{route=\"hello\",status=\"200\"} 3\n");
	CHECK_CONTAINS(strbuf_str(&r.body), "engage_http_requests_total{route=\"healthz\",status=\"200\"} 2\n");
	CHECK_CONTAINS(strbuf_str(&r.body), "engage_http_requests_total{route=\"healthz\",status=\"503\"} 1\n");
	CHECK_CONTAINS(strbuf_str(&r.body), "engage_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n");
	CHECK_CONTAINS(strbuf_str(&r.body), "engage_http_request_duration_seconds_count{route=\"hello\"} 3\n");
	CHECK_CONTAINS(strbuf_str(&r.body), "engage_http_request_duration_seconds_bucket{route=\"hello\",le=\"+Inf\"} 3\n");
	httpc_res_release(&r);
	stop(&f);
}

TEST(http_access_log_has_no_personal_data)
{
	struct fixture f;
	struct http_options opt;
	struct httpc_res r;
	char path[400], line[1024];
	FILE *log;
	int seen_hello = 0, seen_404 = 0;

	snprintf(path, sizeof(path), "%s/access.log", test_tmpdir());
	CHECK_INT(log_open(path), 0);
	log_set_level(LOG_INFO);	/* access lines are info */
	http_options_default(&opt);
	opt.access_log = 2;
	if (start(&f, &opt) < 0) {
		log_close();
		log_set_level(LOG_WARN);
		return;
	}
	httpc_res_init(&r);
	httpc_do(f.port, "GET /t/hello?name=jane-smith HTTP/1.1\r\nHost: t\r\n"
		 "Cookie: session=secret\r\n\r\n", &r);
	httpc_do(f.port, "GET /no/such%0Athing?email=jane@example.org HTTP/1.1\r\nHost: t\r\n\r\n", &r);
	httpc_res_release(&r);
	stop(&f);	/* every request has completed and been logged */
	log_close();
	log_set_level(LOG_WARN);

	log = fopen(path, "r");
	CHECK(log != NULL);
	while (log && fgets(line, sizeof(line), log)) {
		CHECK(!strstr(line, "jane"));
		CHECK(!strstr(line, "secret"));
		CHECK(!strstr(line, "127.0.0.1"));
		if (strstr(line, " info  http: GET hello /t/hello 200 16 "))
			seen_hello = 1;
		if (strstr(line, "http: GET unmatched /no/such%0Athing 404 "))
			seen_404 = 1;
	}
	if (log)
		fclose(log);
	CHECK(seen_hello);
	CHECK(seen_404);
}

struct slow_call {
	int port;
	enum httpc_result result;
	int status;
	char body[64];
};

static void *call_slow(void *arg)
{
	struct slow_call *c = arg;
	struct httpc_res r;

	httpc_res_init(&r);
	c->result = httpc_do(c->port, "GET /t/slow HTTP/1.1\r\nHost: t\r\n\r\n", &r);
	c->status = r.status;
	snprintf(c->body, sizeof(c->body), "%s", strbuf_str(&r.body));
	httpc_res_release(&r);
	return NULL;
}

struct stop_call {
	struct http_server *srv;
	long long took_ms;
};

static void *call_stop(void *arg)
{
	struct stop_call *c = arg;
	long long t0 = ms_now();

	http_server_stop(c->srv, 5);
	c->took_ms = ms_now() - t0;
	return NULL;
}

TEST(http_graceful_stop_finishes_in_flight)
{
	struct fixture f;
	struct slow_call c = { 0 };
	struct stop_call sc = { 0 };
	struct httpc_res r;
	pthread_t t, ts;
	int fd;

	if (start(&f, NULL) < 0)
		return;
	httpc_res_init(&r);
	atomic_store(&slow_entered, 0);
	c.port = f.port;
	pthread_create(&t, NULL, call_slow, &c);
	for (int i = 0; i < 200 && !atomic_load(&slow_entered); i++)
		sleep_ms(5);
	CHECK(atomic_load(&slow_entered));

	/* Stop while the handler sleeps... */
	sc.srv = f.srv;
	pthread_create(&ts, NULL, call_stop, &sc);
	sleep_ms(50);

	/* ...a newcomer is turned away... */
	fd = httpc_connect(f.port);
	if (fd >= 0) {
		const char *req = "GET /t/hello HTTP/1.1\r\nHost: t\r\n\r\n";

		httpc_send(fd, req, strlen(req));
		CHECK_INT(httpc_read(fd, &r, 0, 2000), HTTPC_CLOSED);
		close(fd);
	}

	/* ...and the request in flight still gets its answer. */
	pthread_join(t, NULL);
	pthread_join(ts, NULL);
	CHECK_INT(c.result, HTTPC_OK);
	CHECK_INT(c.status, 200);
	CHECK_STR(c.body, "{\"slow\":true}");
	CHECK(sc.took_ms >= 150);
	CHECK(sc.took_ms < 2000);
	/* Nobody listens any more. */
	CHECK_INT(httpc_connect(f.port), -1);
	httpc_res_release(&r);
	metrics_free(f.metrics);
}

struct serve_call {
	struct http_server *srv;
	int sig;
};

static void *serve(void *arg)
{
	struct serve_call *c = arg;

	c->sig = http_serve_until_signal(c->srv, 2);
	return NULL;
}

TEST(http_serve_until_signal_stops_on_sigterm)
{
	struct fixture f;
	struct serve_call c;
	struct httpc_res r;
	enum log_level level;
	sigset_t set, old;
	pthread_t t;

	if (start(&f, NULL) < 0)
		return;
	httpc_res_init(&r);
	c.srv = f.srv;
	c.sig = 0;
	level = log_get_level();
	log_set_level(LOG_WARN);	/* keep "SIGTERM received" out of the test output */
	/* The thread is born with SIGTERM blocked (inherited), so the signal
	 * waits for its sigwait however late it is scheduled. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	pthread_create(&t, NULL, serve, &c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	CHECK_INT(httpc_do(f.port, "GET /t/hello HTTP/1.1\r\nHost: t\r\n\r\n", &r), HTTPC_OK);
	CHECK_INT(r.status, 200);
	pthread_kill(t, SIGTERM);
	pthread_join(t, NULL);
	log_set_level(level);
	CHECK_INT(c.sig, SIGTERM);
	CHECK_INT(httpc_connect(f.port), -1);
	httpc_res_release(&r);
	metrics_free(f.metrics);
}

TEST(http_port_in_use_is_a_clear_error)
{
	struct fixture f;
	struct http_options opt;
	struct http_server *second = NULL;
	struct err e = ERR_INIT;
	char want[128];

	if (start(&f, NULL) < 0)
		return;
	http_options_default(&opt);
	opt.port = f.port;
	opt.access_log = 0;
	CHECK_INT(http_server_start(&opt, test_dispatch, &f.wa, &second, &e), ERR_IO);
	CHECK(second == NULL);
	snprintf(want, sizeof(want), "cannot listen on 127.0.0.1:%d: address already in use", f.port);
	CHECK_STR(e.msg, want);

	opt.bind_address = "127.0.0.300";
	CHECK_INT(http_server_start(&opt, test_dispatch, &f.wa, &second, &e), ERR_IO);
	CHECK_CONTAINS(e.msg, "cannot listen on 127.0.0.300:");
	CHECK_CONTAINS(e.msg, "not a numeric IPv4 or IPv6 address");

	opt.bind_address = "127.0.0.1";
	opt.max_connections = 0;
	CHECK_INT(http_server_start(&opt, test_dispatch, &f.wa, &second, &e), ERR_INVALID);
	opt.max_connections = 16;

	opt.bind_address = "192.0.2.1";	/* not an address of this machine */
	opt.port = 0;
	CHECK_INT(http_server_start(&opt, test_dispatch, &f.wa, &second, &e), ERR_IO);
	CHECK_CONTAINS(e.msg, "cannot assign requested address");
	stop(&f);
}

TEST(http_cookie_finds_a_value_among_several_and_refuses_bad_bytes)
{
	struct http_kv headers[] = {
		{ "Accept", "*/*" },
		{ "cookie", "a=1; engage_lang=cy;  engage_session=\"abc\"" },
		{ "Cookie", "bad=x y; other=2" },
	};
	struct http_request req = { .headers = headers, .nheaders = 3 };
	char out[8];

	CHECK_INT(http_cookie(&req, "engage_lang", out, sizeof(out)), 2);
	CHECK_STR(out, "cy");
	CHECK_INT(http_cookie(&req, "engage_session", out, sizeof(out)), 3);
	CHECK_STR(out, "abc");
	CHECK_INT(http_cookie(&req, "other", out, sizeof(out)), 1);
	CHECK_INT(http_cookie(&req, "bad", out, sizeof(out)), -1);
	CHECK_INT(http_cookie(&req, "lang", out, sizeof(out)), -1);
	CHECK_INT(http_cookie(&req, "a", out, 1), -1);
}
