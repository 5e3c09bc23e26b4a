/*
 * httpc.c - the test HTTP client (see httpc.h).
 */
#include "httpc.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/parse.h"

int httpc_connect(int port)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int httpc_send(int fd, const char *data, size_t n)
{
	while (n) {
		ssize_t w = send(fd, data, n, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

void httpc_res_init(struct httpc_res *r)
{
	r->status = 0;
	strbuf_init(&r->head, 0);
	strbuf_init(&r->body, 0);
}

void httpc_res_release(struct httpc_res *r)
{
	strbuf_release(&r->head);
	strbuf_release(&r->body);
}

const char *httpc_header(const struct httpc_res *r, const char *name,
			 char *buf, size_t size)
{
	const char *line = strbuf_str(&r->head);
	size_t nlen = strlen(name);

	while ((line = strstr(line, "\r\n")) != NULL) {
		const char *end;

		line += 2;
		end = strstr(line, "\r\n");
		if (!end)
			break;
		if (!strncasecmp(line, name, nlen) && line[nlen] == ':') {
			const char *v = line + nlen + 1;

			while (*v == ' ')
				v++;
			snprintf(buf, size, "%.*s", (int)(end - v), v);
			return buf;
		}
	}
	return NULL;
}

static long long ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum httpc_result httpc_read(int fd, struct httpc_res *r, int head_only,
			     int timeout_ms)
{
	struct strbuf in = STRBUF_INIT;
	long long deadline = ms_now() + timeout_ms;
	enum httpc_result result = HTTPC_TIMEOUT;
	char buf[4096], value[32];
	int64_t want = -1, st = 0;
	const char *end;

	strbuf_reset(&r->head);
	strbuf_reset(&r->body);
	r->status = 0;
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		long long left = deadline - ms_now();
		ssize_t got;

		/* Is a whole response in? */
		end = in.len ? strstr(in.buf, "\r\n\r\n") : NULL;
		if (end && want < 0) {
			size_t hlen = (size_t)(end - in.buf) + 4;

			strbuf_reset(&r->head);
			strbuf_add(&r->head, in.buf, hlen);
			if (in.len >= 12 && !parse_int64(in.buf + 9, 3, &st))
				r->status = (int)st;
			want = 0;
			if (!head_only && httpc_header(r, "Content-Length", value, sizeof(value)))
				parse_int64(value, strlen(value), &want);
			strbuf_add(&r->body, in.buf + hlen, in.len - hlen);
		}
		if (want >= 0 && (int64_t)r->body.len >= want) {
			result = HTTPC_OK;
			break;
		}
		if (left <= 0)
			break;
		if (poll(&pfd, 1, (int)left) <= 0)
			continue;
		got = recv(fd, buf, sizeof(buf), 0);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			result = HTTPC_CLOSED;
			break;
		}
		if (want >= 0)
			strbuf_add(&r->body, buf, (size_t)got);
		else
			strbuf_add(&in, buf, (size_t)got);
	}
	strbuf_release(&in);
	return result;
}

enum httpc_result httpc_do(int port, const char *raw, struct httpc_res *r)
{
	enum httpc_result res;
	int fd = httpc_connect(port);

	if (fd < 0)
		return HTTPC_ERROR;
	if (httpc_send(fd, raw, strlen(raw)) < 0) {
		close(fd);
		return HTTPC_ERROR;
	}
	res = httpc_read(fd, r, !strncmp(raw, "HEAD ", 5), 5000);
	close(fd);
	return res;
}
