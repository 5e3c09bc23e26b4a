/*
 * http_mhd.c - the HTTP server on libmicrohttpd: the only file that knows
 * <microhttpd.h>, so the server library can be swapped (see http.h).
 *
 * It owns the listening socket (so "address already in use" is reported
 * with the real reason), turns each libmicrohttpd request into a struct
 * http_request, enforces the body and header limits, calls the dispatch
 * function, sends its struct http_response, and at completion writes the
 * access log line and the metrics.
 */
#include "web/http.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "base/log.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/metrics.h"
#include "web/router.h"

#define LOG_PATH_MAX 256

struct http_server {
	struct MHD_Daemon *daemon;
	int listen_fd;
	int port;
	http_dispatch_fn dispatch;
	void *app;
	struct http_options opt;
	atomic_int in_flight;		/* requests whose headers have arrived */
	atomic_int stopping;		/* refuse new connections, close idle ones */
};

/* One request, from its headers to its completion. */
struct req_ctx {
	struct http_server *srv;
	uint64_t start_us;
	struct strbuf body;
	int body_too_large;
	int answered;			/* a response is queued */
	int status;
	size_t bytes;
	const char *route;
	struct http_kv *kv;		/* query then headers, one allocation */
	size_t nquery, nheaders, alloc;
	int collecting_headers;
	int out_of_memory;
	char method[16];
	char path[LOG_PATH_MAX];	/* escaped for the log */
	char client[64];		/* numeric peer address, never logged */
};

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Copy s into out for a log line: bytes outside printable ASCII, spaces
 * and quotes become %XX, and long paths are cut with "...". */
static void log_escape(const char *s, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	for (; *s && o + 3 + 4 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '%') {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		} else {
			out[o++] = (char)c;
		}
	}
	if (*s) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind,
				  const char *key, const char *value)
{
	struct req_ctx *ctx = cls;
	size_t n = ctx->nquery + ctx->nheaders;

	if (!key)
		return MHD_YES;
	if (n == ctx->alloc) {
		size_t want = ctx->alloc ? ctx->alloc * 2 : 16;
		struct http_kv *kv = xreallocarray(ctx->kv, want, sizeof(*kv));

		if (!kv) {
			ctx->out_of_memory = 1;
			return MHD_NO;
		}
		ctx->kv = kv;
		ctx->alloc = want;
	}
	ctx->kv[n] = (struct http_kv){ key, value ? value : "" };
	if (ctx->collecting_headers)
		ctx->nheaders++;
	else
		ctx->nquery++;
	return MHD_YES;
}

static void free_body(void *p)
{
	xfree(p);
}

/* Hand res to libmicrohttpd.  Returns MHD_NO only if nothing could be sent
 * (libmicrohttpd then closes the connection). */
static enum MHD_Result send_response(struct MHD_Connection *conn,
				     struct req_ctx *ctx, struct http_response *res)
{
	struct MHD_Response *r;
	enum MHD_Result ok;
	size_t len;

	if (res->body.failed && !res->borrowed) {
		strbuf_release(&res->body);
		http_response_error(res, 500, NULL, "internal error");
	}
	if (res->borrowed) {
		len = res->borrowed_len;
		r = MHD_create_response_from_buffer(len, (void *)res->borrowed,
						    MHD_RESPMEM_PERSISTENT);
	} else if (res->body.len) {
		char *p = strbuf_detach(&res->body, &len);

		r = MHD_create_response_from_buffer_with_free_callback(len, p, free_body);
		if (!r)
			xfree(p);
	} else {
		len = 0;
		r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	}
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
				res->content_type ? res->content_type : "application/json");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	for (int i = 0; i < res->nheaders; i++)
		MHD_add_response_header(r, res->headers[i].name, res->headers[i].value);
	if (atomic_load(&ctx->srv->stopping))
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	ok = MHD_queue_response(conn, (unsigned int)res->status, r);
	MHD_destroy_response(r);
	if (ok == MHD_YES) {
		ctx->answered = 1;
		ctx->status = res->status;
		ctx->bytes = strcmp(ctx->method, "HEAD") ? len : 0;
		ctx->route = res->route ? res->route : ROUTE_UNMATCHED;
	}
	return ok;
}

/* Answer from the adapter itself (limits): a JSON error naming the limit
 * when there is one (limit > 0). */
static enum MHD_Result send_error(struct MHD_Connection *conn, struct req_ctx *ctx,
				  int status, const char *message, size_t limit)
{
	struct http_response res;
	enum MHD_Result ok;

	http_response_init(&res);
	if (limit)
		http_response_error(&res, status, NULL, "%s (the limit is %zu bytes)",
				    message, limit);
	else
		http_response_error(&res, status, NULL, "%s", message);
	res.route = ROUTE_LIMITS;
	ok = send_response(conn, ctx, &res);
	http_response_release(&res);
	return ok;
}

static size_t header_section_size(struct req_ctx *ctx, const char *url,
				  const char *method, const char *version)
{
	size_t n = strlen(method) + strlen(url) + strlen(version) + 4;

	for (size_t i = 0; i < ctx->nquery; i++)
		n += strlen(ctx->kv[i].name) + strlen(ctx->kv[i].value) + 2;
	for (size_t i = ctx->nquery; i < ctx->nquery + ctx->nheaders; i++)
		n += strlen(ctx->kv[i].name) + strlen(ctx->kv[i].value) + 4;
	return n + 2;
}

/* The peer's numeric address into ctx->client ("" when unknown). */
static void client_address(struct MHD_Connection *conn, struct req_ctx *ctx)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;
	socklen_t len = sa && sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
						       : sizeof(struct sockaddr_in);

	ctx->client[0] = '\0';
	if (!sa || (sa->sa_family != AF_INET && sa->sa_family != AF_INET6) ||
	    getnameinfo(sa, len, ctx->client, sizeof(ctx->client), NULL, 0, NI_NUMERICHOST))
		ctx->client[0] = '\0';
}

/* First call: the headers have arrived. */
static enum MHD_Result begin_request(struct http_server *srv,
				     struct MHD_Connection *conn, const char *url,
				     const char *method, const char *version,
				     void **con_cls)
{
	struct req_ctx *ctx = xcalloc(1, sizeof(*ctx));
	const char *cl;
	int64_t length;

	if (!ctx)
		return MHD_NO;
	ctx->srv = srv;
	ctx->start_us = now_us();
	ctx->route = ROUTE_UNMATCHED;
	strbuf_init(&ctx->body, 0);
	log_escape(method, ctx->method, sizeof(ctx->method));
	log_escape(url, ctx->path, sizeof(ctx->path));
	client_address(conn, ctx);
	*con_cls = ctx;
	atomic_fetch_add(&srv->in_flight, 1);

	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_kv, ctx);
	ctx->collecting_headers = 1;
	MHD_get_connection_values(conn, MHD_HEADER_KIND, collect_kv, ctx);

	if (ctx->out_of_memory)
		return send_error(conn, ctx, 503, "out of memory reading the request", 0);
	if (header_section_size(ctx, url, method, version) > srv->opt.max_header_bytes)
		return send_error(conn, ctx, 431, "request line and headers too large",
				  srv->opt.max_header_bytes);
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
					 MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl && parse_int64(cl, strlen(cl), &length) == 0 &&
	    (uint64_t)length > srv->opt.max_body_bytes)
		return send_error(conn, ctx, 413, "request body too large",
				  srv->opt.max_body_bytes);
	return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct http_server *srv = cls;
	struct req_ctx *ctx = *con_cls;
	struct http_request req;
	struct http_response res;
	enum MHD_Result ok;
	int rc;

	if (!ctx)
		return begin_request(srv, conn, url, method, version, con_cls);
	if (ctx->answered) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		/* Past the limit the rest is read and dropped, never kept. */
		if (!ctx->body_too_large &&
		    ctx->body.len + *upload_data_size > srv->opt.max_body_bytes) {
			ctx->body_too_large = 1;
			strbuf_release(&ctx->body);
		}
		if (!ctx->body_too_large)
			strbuf_add(&ctx->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (ctx->body_too_large)
		return send_error(conn, ctx, 413, "request body too large",
				  srv->opt.max_body_bytes);

	memset(&req, 0, sizeof(req));
	req.method = method;
	req.method_bit = http_method_bit(method);
	req.path = url;
	req.query = ctx->kv;
	req.nquery = ctx->nquery;
	req.headers = ctx->kv ? ctx->kv + ctx->nquery : NULL;
	req.nheaders = ctx->nheaders;
	req.body = ctx->body.len ? ctx->body.buf : NULL;
	req.body_len = ctx->body.len;
	req.client_address = ctx->client;

	http_response_init(&res);
	if (ctx->body.failed) {
		http_response_error(&res, 503, NULL, "out of memory");
	} else {
		rc = srv->dispatch(srv->app, &req, &res);
		if (!res.status && rc < 0)
			http_response_error(&res, http_status_for_err(rc, &req), NULL,
					    "%s", rc == ERR_NOTFOUND ? "not found" :
					    "the request could not be answered");
		else if (!res.status)
			res.status = 200;
	}
	ok = send_response(conn, ctx, &res);
	http_response_release(&res);
	return ok;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct req_ctx *ctx = *con_cls;
	uint64_t us;
	const char *note = "";

	if (!ctx)
		return;
	*con_cls = NULL;
	us = now_us() - ctx->start_us;
	if (!ctx->answered && toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED) {
		ctx->status = 408;
		ctx->route = ROUTE_LIMITS;
		ctx->answered = 1;
		note = " (client stalled; connection closed)";
	} else if (ctx->answered && toe != MHD_REQUEST_TERMINATED_COMPLETED_OK) {
		note = " (connection lost while sending)";
	}
	if (ctx->answered) {
		metrics_record(srv->opt.metrics, ctx->route, ctx->status, us);
		if (srv->opt.access_log)
			log_info("http: %s %s %s %d %zu %.1fms%s", ctx->method, ctx->route,
				 ctx->path, ctx->status, ctx->bytes, (double)us / 1000.0,
				 note);
	} else if (srv->opt.access_log) {
		log_info("http: %s - %s aborted by the client %.1fms", ctx->method,
			 ctx->path, (double)us / 1000.0);
	}
	strbuf_release(&ctx->body);
	xfree(ctx->kv);
	xfree(ctx);
	atomic_fetch_sub(&srv->in_flight, 1);
}

/*
 * Once stopping, new connections are accepted and closed at once.  This is
 * how "stop accepting" is done rather than MHD_quiesce_daemon(): in
 * libmicrohttpd 0.9.75 quiescing an epoll daemon that runs its own threads
 * races the polling thread's own removal of the listening socket from the
 * epoll set, and the loser calls MHD_PANIC ("Failed to remove listen FD
 * from epoll set") and aborts the process.  t_http.c hit it under load.
 */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr,
				 socklen_t addrlen)
{
	struct http_server *srv = cls;

	return atomic_load(&srv->stopping) ? MHD_NO : MHD_YES;
}

__attribute__((format(printf, 2, 0)))
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[512];
	size_t n;

	vsnprintf(line, sizeof(line), fmt, ap);
	n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	log_debug("http: libmicrohttpd: %s", line);
}

static void describe_errno(int errnum, char *out, size_t size)
{
	if (strerror_r(errnum, out, size) != 0)
		snprintf(out, size, "error %d", errnum);
	if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
}

/* Bind and listen; 0 and *fd_out, or ERR_IO with the reason. */
static int open_listener(const char *address, int port, int *fd_out, struct err *e)
{
	struct addrinfo hints, *ai = NULL;
	char service[16], reason[128];
	const char *open_br = strchr(address, ':') ? "[" : "";
	const char *close_br = *open_br ? "]" : "";
	int fd = -1, one = 1, rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
	snprintf(service, sizeof(service), "%d", port);
	rc = getaddrinfo(address, service, &hints, &ai);
	if (rc != 0)
		return err_set(e, ERR_IO,
			       "cannot listen on %s%s%s:%d: '%s' is not a numeric IPv4 or IPv6 address",
			       open_br, address, close_br, port, address);
	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 128) < 0 ||
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
		describe_errno(errno, reason, sizeof(reason));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return err_set(e, ERR_IO, "cannot listen on %s%s%s:%d: %s", open_br,
			       address, close_br, port, reason);
	}
	freeaddrinfo(ai);
	*fd_out = fd;
	return 0;
}

static int bound_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

int http_server_start(const struct http_options *opt, http_dispatch_fn dispatch,
		      void *app, struct http_server **out, struct err *e)
{
	struct http_server *srv;
	/* epoll on internal threads (a pool when threads > 1); ITC to wake
	 * them for the stop; turbo (optimistic reads and writes, fewer
	 * shutdown() calls) is safe here: t_http.c checks that an early 413
	 * still reaches a client that is in the middle of sending its body. */
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			     MHD_USE_ITC | MHD_USE_TURBO | MHD_USE_ERROR_LOG;
	sigset_t block, old;
	size_t pool;
	int rc;

	*out = NULL;
	if (opt->port < 0 || opt->port > 65535 || opt->max_body_bytes == 0 ||
	    opt->max_header_bytes < 1024 || opt->request_timeout_s < 1 ||
	    opt->max_connections < 1 || opt->threads < 1 || opt->threads > 256 || !dispatch)
		return err_set(e, ERR_INVALID,
			       "http options out of range (port 0-65535, header limit at least 1024 bytes, timeout, connections and threads at least 1)");
	srv = xcalloc(1, sizeof(*srv));
	if (!srv)
		return err_set(e, ERR_NOMEM, "out of memory starting the http server");
	srv->opt = *opt;
	if (!srv->opt.bind_address)
		srv->opt.bind_address = "127.0.0.1";
	srv->dispatch = dispatch;
	srv->app = app;
	atomic_init(&srv->in_flight, 0);
	atomic_init(&srv->stopping, 0);
	rc = open_listener(srv->opt.bind_address, opt->port, &srv->listen_fd, e);
	if (rc < 0) {
		xfree(srv);
		return rc;
	}
	srv->port = bound_port(srv->listen_fd);
	pool = 2 * opt->max_header_bytes + 16 * 1024;

	/* The server's threads inherit this mask: they never take SIGINT or
	 * SIGTERM, so those reach the thread in http_serve_until_signal. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	srv->daemon = MHD_start_daemon(flags, 0, on_accept, srv, on_request, srv,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
		MHD_OPTION_LISTEN_SOCKET, (MHD_socket)srv->listen_fd,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)opt->max_connections,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)opt->request_timeout_s,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, pool,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		opt->threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
		(unsigned int)opt->threads,
		MHD_OPTION_END);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!srv->daemon) {
		close(srv->listen_fd);
		xfree(srv);
		return err_set(e, ERR_IO,
			       "cannot start the http server on %s:%d (libmicrohttpd refused; run with log level debug for its reason)",
			       opt->bind_address ? opt->bind_address : "127.0.0.1",
			       opt->port);
	}
	*out = srv;
	return 0;
}

int http_server_port(const struct http_server *srv)
{
	return srv->port;
}

void http_server_stop(struct http_server *srv, int grace_seconds)
{
	uint64_t deadline;
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	if (!srv)
		return;
	atomic_store(&srv->stopping, 1);	/* see on_accept() */
	deadline = now_us() + (uint64_t)(grace_seconds > 0 ? grace_seconds : 0) * 1000000u;
	while (atomic_load(&srv->in_flight) > 0 && now_us() < deadline)
		nanosleep(&tick, NULL);
	if (atomic_load(&srv->in_flight) > 0)
		log_warn("http: %d requests still running after %d s; closing them",
			 atomic_load(&srv->in_flight), grace_seconds);
	/* Closes the listening socket and every connection, joins the threads. */
	MHD_stop_daemon(srv->daemon);
	xfree(srv);
}

int http_serve_until_signal(struct http_server *srv, int grace_seconds)
{
	sigset_t set;
	int sig = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	while (sigwait(&set, &sig) != 0)
		;
	log_info("http: %s received; finishing requests (up to %d s)",
		 sig == SIGINT ? "SIGINT" : "SIGTERM", grace_seconds);
	http_server_stop(srv, grace_seconds);
	log_info("http: stopped");
	return sig;
}
