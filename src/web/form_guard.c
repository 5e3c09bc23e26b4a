/*
 * form_guard.c - same-site checks and client keys for public forms (see
 * form_guard.h).
 */
#include "web/form_guard.h"

#include "base/ratelimit.h"

#include <arpa/inet.h>
#include <string.h>
#include <time.h>
#include <strings.h>

int web_same_site(const struct http_request *req)
{
	const char *site = http_header(req, "Sec-Fetch-Site");
	const char *origin = http_header(req, "Origin"), *host = http_header(req, "Host");
	const char *after;

	if (site)
		return !strcmp(site, "same-origin") || !strcmp(site, "none");
	if (!origin)
		return 1;
	after = strstr(origin, "://");
	return host && after && strcmp(origin, "null") && !strcasecmp(after + 3, host);
}

/* The last entry of an X-Forwarded-For list, trimmed, into buf. */
static const char *last_forwarded(const char *xff, char *buf, size_t size)
{
	const char *start = strrchr(xff, ','), *end;
	size_t n;

	start = start ? start + 1 : xff;
	while (*start == ' ' || *start == '\t')
		start++;
	end = start + strlen(start);
	while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	n = (size_t)(end - start);
	if (!n || n >= size)
		return NULL;
	memcpy(buf, start, n);
	buf[n] = '\0';
	return buf;
}

size_t web_client_key(const struct http_request *req, int trust_proxy,
		      unsigned char out[WEB_CLIENT_KEY_MAX])
{
	const char *addr = req->client_address, *xff = http_header(req, "X-Forwarded-For");
	char buf[WEB_CLIENT_KEY_MAX];
	unsigned char v6[16];
	size_t n;

	if (trust_proxy && xff && last_forwarded(xff, buf, sizeof(buf)))
		addr = buf;
	if (!addr || !*addr)
		return 0;
	if (inet_pton(AF_INET, addr, out) == 1)
		return 4;
	if (inet_pton(AF_INET6, addr, v6) == 1) {
		static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

		if (!memcmp(v6, mapped, sizeof(mapped))) {	/* ::ffff:192.0.2.7 */
			memcpy(out, v6 + 12, 4);
			return 4;
		}
		memcpy(out, v6, 8);	/* the /64 */
		return 8;
	}
	n = strlen(addr);	/* not an address: count the text as it is */
	if (n > WEB_CLIENT_KEY_MAX)
		n = WEB_CLIENT_KEY_MAX;
	memcpy(out, addr, n);
	return n;
}

int64_t web_rate_wait(struct ratelimit *rl, const struct http_request *req, int trust_proxy)
{
	unsigned char key[WEB_CLIENT_KEY_MAX];
	struct timespec ts;
	size_t n;

	if (!rl || !(n = web_client_key(req, trust_proxy, key)))
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ratelimit_take(rl, key, n, (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}
