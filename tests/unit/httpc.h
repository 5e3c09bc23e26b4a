/*
 * httpc.h - a tiny HTTP/1.1 client on plain POSIX sockets for the server
 * tests: it sends exactly the bytes a test writes (malformed, oversized,
 * stalled) and reads one response, telling "closed without an answer"
 * apart from "no answer in time".
 */
#ifndef ENGAGE_TEST_HTTPC_H
#define ENGAGE_TEST_HTTPC_H

#include <stddef.h>

#include "base/strbuf.h"

enum httpc_result {
	HTTPC_OK = 0,		/* a whole response was read */
	HTTPC_CLOSED = 1,	/* the server closed (EOF or reset) first */
	HTTPC_TIMEOUT = 2,	/* nothing complete within the time given */
	HTTPC_ERROR = 3,	/* could not connect or send */
};

struct httpc_res {
	int status;
	struct strbuf head;	/* status line and headers */
	struct strbuf body;
};

/* A blocking socket connected to 127.0.0.1:port, or -1. */
int httpc_connect(int port);
/* Send all of data; 0, or -1 if the server has gone (never SIGPIPE). */
int httpc_send(int fd, const char *data, size_t n);
/* Read one response; `head_only` for answers to HEAD. */
enum httpc_result httpc_read(int fd, struct httpc_res *r, int head_only,
			     int timeout_ms);
/* Connect, send `raw`, read the answer (5 s at most), close. */
enum httpc_result httpc_do(int port, const char *raw, struct httpc_res *r);
/* The value of a response header (case-insensitive), copied, or NULL. */
const char *httpc_header(const struct httpc_res *r, const char *name,
			 char *buf, size_t size);
void httpc_res_init(struct httpc_res *r);
void httpc_res_release(struct httpc_res *r);

#endif
