/*
 * http.h - Engage's own HTTP request and response, and the server that
 * carries them.
 *
 * Everything above this header speaks in these types; only the adapter
 * (http_mhd.c, on libmicrohttpd) knows the server library, so it can be
 * swapped for another (an h2o adapter, say) without touching a handler.
 * http.c holds the adapter-neutral helpers (lookups, responses, JSON errors).
 *
 * Lifetimes.  A struct http_request and every string it points to belong
 * to the server and live until the response has been sent; a handler that
 * keeps anything longer copies it.  A struct http_response is filled by the
 * dispatch function; its owned body (res->body) is freed by the server, a
 * borrowed body (http_response_borrow) is sent without a copy and must
 * outlive the request (a pre-rendered fragment held by a read model).
 *
 * Limits, and what the client sees (verified against libmicrohttpd 0.9.75
 * by tests/unit/t_http.c):
 *  - body over max_body_bytes: 413 with a JSON error.  A declared
 *    Content-Length over the limit is refused before any byte of the body is
 *    read, and the connection is closed after the answer.  A chunked body
 *    that grows past the limit is discarded as it arrives (never buffered)
 *    and answered with 413 once the client stops sending.
 *  - request line and headers over max_header_bytes: 431 with a JSON error,
 *    counted by the adapter.  The connection's memory pool is
 *    2 * max_header_bytes + 16 KiB; a header section too big even for that
 *    is answered by libmicrohttpd itself with 431 and a short HTML body
 *    (a request line too long for the pool gets 414), and the handler,
 *    access log and metrics never see it.
 *  - a client that stalls mid-request for request_timeout_s: libmicrohttpd
 *    cannot send 408.  It closes the connection without a response (the
 *    client reads end-of-file).  When the stall came after the headers (a
 *    slow body) the adapter logs and counts it as status 408 on route
 *    "limits"; a stall inside the headers is invisible above the library.
 *  - max_connections open at once: libmicrohttpd stops accepting, so
 *    further clients wait in the kernel's listen queue (128 deep) and are
 *    served as soon as a connection closes; nothing is refused or reset.
 *    With threads > 1 the cap is split evenly between the threads.
 *  - HEAD: the server sends the headers of the GET answer without its body.
 *
 * Every response carries Content-Type (application/json unless the handler
 * set another) and X-Content-Type-Options: nosniff, added by the server;
 * a handler does not add them again.
 *
 * Access log (opt.access_log): one info line per request through log.h,
 *	http: GET people /api/leics/NC04/people 200 1834 2.4ms
 * method, route name, path WITHOUT the query string, status, body bytes,
 * time from headers received to response sent.  Queries and bodies may hold
 * personal data and are never logged, nor client addresses (req->client_address)
 * or cookies;
 * bytes outside printable ASCII in the path are written as %XX.
 *
 * Errors.  http_server_start() fails with ERR_IO and a message such as
 * "cannot listen on 127.0.0.1:8080: address already in use", ERR_INVALID for
 * options that make no sense, and ERR_NOMEM.
 */
#ifndef ENGAGE_HTTP_H
#define ENGAGE_HTTP_H

#include <stddef.h>

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"

struct metrics;

struct http_options {
	const char *bind_address;	/* numeric IPv4 or IPv6; default "127.0.0.1" */
	int port;			/* 0 = any free port (see http_server_port) */
	size_t max_body_bytes;		/* default 1 MiB */
	size_t max_header_bytes;	/* request line + headers; default 16 KiB */
	int request_timeout_s;		/* idle time allowed mid-request, and for an
					 * idle keep-alive connection; default 30 */
	int max_connections;		/* open connections at once; default 256 */
	int threads;			/* polling threads; default 2 */
	struct metrics *metrics;	/* optional, caller-owned: every request is counted */
	int access_log;			/* one info line per request; default 1 */
};

/* Methods as bits, so a route row can accept several. */
enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,
	HTTP_POST = 1 << 2,
	HTTP_PUT = 1 << 3,
	HTTP_DELETE = 1 << 4,
	HTTP_PATCH = 1 << 5,
	HTTP_OPTIONS = 1 << 6,
};

struct http_kv {
	const char *name;
	const char *value;	/* never NULL: "?flag" has value "" */
};

#define HTTP_MAX_PARAMS 8		/* {param} segments in one pattern */
#define HTTP_MAX_RES_HEADERS 8
#define HTTP_HEADER_NAME_MAX 64
#define HTTP_HEADER_VALUE_MAX 512

struct http_request {
	const char *method;		/* as sent: "GET" */
	unsigned method_bit;		/* an enum http_method, 0 if unknown */
	const char *path;		/* percent-decoded, without the query */
	const struct http_kv *query;	/* decoded query arguments, in order */
	size_t nquery;
	const struct http_kv *headers;	/* names as sent; look up with http_header */
	size_t nheaders;
	const char *body;		/* POST/PUT/PATCH body, NUL-terminated; NULL if none */
	size_t body_len;
	struct http_kv params[HTTP_MAX_PARAMS];	/* {param} values, set by the router */
	size_t nparams;
	/* The peer's numeric address ("192.0.2.7", "2001:db8::1"), or "" when
	 * unknown.  For rate limits only: never logged, never stored. */
	const char *client_address;
};

/* The first query argument called `name`, or NULL. */
const char *http_query(const struct http_request *req, const char *name);
/* The first header called `name` (case-insensitive), or NULL. */
const char *http_header(const struct http_request *req, const char *name);
/* The path parameter `name` as a record id (a whole number from 1), or 0
 * when it is absent or not one. */
int64_t http_param_id(const struct http_request *req, const char *name);
/* The path parameter `name` from the route pattern, or NULL. */
const char *http_param(const struct http_request *req, const char *name);
/* The value of cookie `name` from the Cookie header(s), copied into out
 * (at most size - 1 bytes).  Returns its length, or -1 when the request
 * has no such cookie or its value does not fit or holds bytes a cookie may
 * not (RFC 6265 cookie-octet; one pair of surrounding quotes is removed). */
int http_cookie(const struct http_request *req, const char *name, char *out, size_t size);
/* "GET" -> HTTP_GET; 0 for a method Engage does not serve. */
unsigned http_method_bit(const char *method);

struct http_response {
	int status;			/* 0 until set; 0 after dispatch means 200 */
	const char *content_type;	/* static string; default application/json */
	struct {
		char name[HTTP_HEADER_NAME_MAX];
		char value[HTTP_HEADER_VALUE_MAX];
	} headers[HTTP_MAX_RES_HEADERS];
	int nheaders;
	struct strbuf body;		/* owned body, freed by http_response_release */
	const char *borrowed;		/* if set, sent instead of body, not copied */
	size_t borrowed_len;
	const char *route;		/* static, stable route name for logs and
					 * metrics; the router sets it */
	struct err err;			/* a handler's reason for a 4xx it returns */
};

void http_response_init(struct http_response *res);
void http_response_release(struct http_response *res);

/* Add a response header.  ERR_LIMIT when the small table is full or a part
 * is too long, ERR_INVALID when name or value holds CR, LF or NUL (header
 * injection) or the name is empty. */
int http_response_header(struct http_response *res, const char *name,
			 const char *value);
/* Send `len` bytes at `data` as the body without copying; they must stay
 * valid and unchanged until the server has sent them (longer than the
 * request).  Replaces any owned body. */
void http_response_borrow(struct http_response *res, const char *data, size_t len);

/* Replace the response with a JSON error:
 *	{"error":{"status":404,"code":"not_found","message":"no route for /x"}}
 * `code` NULL means the usual name for the status (http_status_code). */
void http_response_error(struct http_response *res, int status,
			 const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The status that answers an ERR_* code a handler returned: ERR_INVALID
 * 400, ERR_DENIED 403, ERR_NOTFOUND 404, ERR_CONFLICT 409, ERR_LIMIT 413
 * for a request with a body else 503, ERR_BUSY 503, anything else 500. */
int http_status_for_err(int code, const struct http_request *req);
/* A short machine name for a status: 404 -> "not_found". */
const char *http_status_code(int status);

/* The function the server calls once per complete request.  It must set
 * res->status (or leave 0 for 200) and may return a negative ERR_* code;
 * the server then turns an unset status into the matching JSON error.  It
 * runs on a server thread, several at once when threads > 1. */
typedef int (*http_dispatch_fn)(void *app, const struct http_request *req,
				struct http_response *res);

struct http_server;

void http_options_default(struct http_options *opt);

/* Listen and start serving on background threads.  On success *out owns the
 * server until http_server_stop().  SIGINT and SIGTERM are blocked in the
 * server's threads, so only the thread that waits for them sees them. */
int http_server_start(const struct http_options *opt, http_dispatch_fn dispatch,
		      void *app, struct http_server **out, struct err *e);

/* The port actually bound (useful with port 0). */
int http_server_port(const struct http_server *srv);

/* Stop accepting connections, let requests whose headers have arrived
 * finish for up to grace_seconds, then close everything and free srv.  A
 * handler still running at the deadline is waited for (threads are joined),
 * but its client may not get the answer.  During the grace, new connections
 * are accepted and closed at once, and answers carry "Connection: close" so
 * keep-alive clients go away; a proxy in front sees a closed connection, as
 * with any restart. */
void http_server_stop(struct http_server *srv, int grace_seconds);

/* Block SIGINT and SIGTERM in the calling thread, wait for one of them,
 * then http_server_stop(srv, grace_seconds).  Returns the signal number.
 * Call it from the thread that started the server; to close the short
 * window before it runs, the caller may block both signals itself first.  No code runs inside a
 * signal handler: the signals are taken with sigwait().  They stay blocked
 * in the calling thread afterwards, so a second ^C cannot cut short the
 * caller's own clean-up (closing the store). */
int http_serve_until_signal(struct http_server *srv, int grace_seconds);

#endif
