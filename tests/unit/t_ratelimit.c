/*
 * t_ratelimit.c - the per-client limit on the public concern form: GCRA's
 * burst and steady rate, keys kept apart, a full table forgetting rather
 * than refusing, and how a client is named (IPv4, an IPv6 /64,
 * X-Forwarded-For only behind a trusted proxy) and told apart from a form
 * posted by another site.
 */
#include "test.h"

#include "base/ratelimit.h"
#include "web/form_guard.h"

#include <stdio.h>
#include <string.h>

#define MIN 60000

TEST(ratelimit_five_per_ten_minutes)
{
	struct ratelimit *rl = ratelimit_new(5, 10 * MIN, 64);
	int64_t t = 1000000;

	CHECK(rl != NULL);
	for (int i = 0; i < 5; i++)
		CHECK_INT(ratelimit_take(rl, "a", 1, t), 0);
	CHECK_INT(ratelimit_take(rl, "a", 1, t), 2 * MIN);	/* one more every 2 minutes */
	CHECK_INT(ratelimit_take(rl, "a", 1, t + MIN), MIN);	/* a refusal is not counted */
	CHECK_INT(ratelimit_take(rl, "b", 1, t), 0);		/* another client */
	CHECK_INT(ratelimit_take(rl, "a", 1, t + 2 * MIN), 0);
	CHECK(ratelimit_take(rl, "a", 1, t + 2 * MIN) > 0);
	/* quiet for the whole window: the full burst again */
	for (int i = 0; i < 5; i++)
		CHECK_INT(ratelimit_take(rl, "a", 1, t + 30 * MIN), 0);
	CHECK(ratelimit_take(rl, "a", 1, t + 30 * MIN) > 0);
	ratelimit_free(rl);
	CHECK(ratelimit_new(0, MIN, 8) == NULL);
}

TEST(ratelimit_full_table_forgets_rather_than_refuses)
{
	struct ratelimit *rl = ratelimit_new(1, 10 * MIN, 8);
	char key[16];

	/* far more clients than slots: each one's first request passes */
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "client%d", i);
		CHECK_INT(ratelimit_take(rl, key, strlen(key), 5000), 0);
	}
	ratelimit_free(rl);
}

static struct http_request request(const char *addr, const struct http_kv *headers, size_t n)
{
	struct http_request r;

	memset(&r, 0, sizeof(r));
	r.method = "POST";
	r.method_bit = HTTP_POST;
	r.path = "/concerns/new";
	r.headers = headers;
	r.nheaders = n;
	r.client_address = addr;
	return r;
}

TEST(ratelimit_client_keys)
{
	unsigned char a[WEB_CLIENT_KEY_MAX], b[WEB_CLIENT_KEY_MAX];
	struct http_kv xff[] = { { "X-Forwarded-For", "203.0.113.9, 198.51.100.4" } };
	struct http_request r1 = request("2001:db8:1:2:aaaa::1", NULL, 0);
	struct http_request r2 = request("2001:db8:1:2:bbbb::2", NULL, 0);
	struct http_request r3 = request("2001:db8:1:3::1", NULL, 0);
	struct http_request v4 = request("192.0.2.7", NULL, 0);
	struct http_request mapped = request("::ffff:192.0.2.7", NULL, 0);
	struct http_request proxied = request("127.0.0.1", xff, 1);
	size_t n;

	/* one /64 is one client */
	CHECK_INT(web_client_key(&r1, 0, a), 8);
	CHECK_INT(web_client_key(&r2, 0, b), 8);
	CHECK(!memcmp(a, b, 8));
	web_client_key(&r3, 0, b);
	CHECK(memcmp(a, b, 8));
	/* IPv4, also when seen through an IPv6 socket */
	CHECK_INT(web_client_key(&v4, 0, a), 4);
	CHECK_INT(web_client_key(&mapped, 0, b), 4);
	CHECK(!memcmp(a, b, 4));
	/* X-Forwarded-For: its last entry, and only behind a trusted proxy */
	n = web_client_key(&proxied, 0, a);
	CHECK_INT(n, 4);
	CHECK(!memcmp(a, "\x7f\x00\x00\x01", 4));
	n = web_client_key(&proxied, 1, a);
	CHECK_INT(n, 4);
	CHECK(!memcmp(a, "\xc6\x33\x64\x04", 4));	/* 198.51.100.4 */
}

TEST(form_guard_refuses_posts_from_other_sites)
{
	struct http_kv same[] = { { "Sec-Fetch-Site", "same-origin" }, { "Origin", "http://a.example" } };
	struct http_kv cross[] = { { "Sec-Fetch-Site", "cross-site" }, { "Origin", "http://a.example" } };
	struct http_kv sibling[] = { { "Sec-Fetch-Site", "same-site" } };
	struct http_kv typed[] = { { "Sec-Fetch-Site", "none" } };
	struct http_kv origin_ok[] = { { "Host", "engage.example:8080" },
				       { "Origin", "https://engage.example:8080" } };
	struct http_kv origin_bad[] = { { "Host", "engage.example" },
					{ "Origin", "https://evil.example" } };
	struct http_kv origin_null[] = { { "Host", "engage.example" }, { "Origin", "null" } };
	struct http_kv neither[] = { { "Host", "engage.example" } };
	struct http_request r;

	r = request("", same, 2);
	CHECK(web_same_site(&r));
	r = request("", cross, 2);
	CHECK(!web_same_site(&r));
	r = request("", sibling, 1);
	CHECK(!web_same_site(&r));	/* another subdomain is another site's form */
	r = request("", typed, 1);
	CHECK(web_same_site(&r));
	r = request("", origin_ok, 2);
	CHECK(web_same_site(&r));
	r = request("", origin_bad, 2);
	CHECK(!web_same_site(&r));
	r = request("", origin_null, 2);
	CHECK(!web_same_site(&r));
	r = request("", neither, 1);
	CHECK(web_same_site(&r));	/* curl, a script: nothing forged */
}
