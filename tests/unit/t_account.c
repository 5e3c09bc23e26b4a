/*
 * t_account.c - accounts, passwords, lockout, TOTP, sessions, API tokens
 * and CSRF (auth/auth.h), with the clock passed in.
 */
#include "test.h"

#include "auth/auth.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

#define T0 1800000000	/* an arbitrary instant */
#define PW "correct horse battery"

static struct store *fresh(char *path, size_t n)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;

	CHECK_INT(auth_init(&e), 0);
	snprintf(path, n, "%s/a.db", test_tmpdir());
	CHECK_INT(store_open(path, STORE_CREATE, &s, &e), 0);
	return s;
}

static int64_t add(struct store *s, const char *name, const char *role)
{
	const char *nb[] = { "GM01", "GM02" };
	struct auth_new_user nu = { name, "A Person", role, "glanmor",
				    !strcmp(role, "partner") ? "Porthmawr Council" : NULL, nb, 2 };
	struct err e = ERR_INIT;
	int64_t id = 0;

	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), 0);
	if (e.code)
		test_fail(__FILE__, __LINE__, "%s", e.msg);
	return id;
}

TEST(account_password_round_trip_and_wrong_password)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct auth_policy p = AUTH_POLICY_DEFAULT;
	struct auth_user u;
	struct err e = ERR_INIT;
	int64_t id = add(s, "alice", "officer");

	CHECK_INT(auth_password_check(s, &p, "alice", PW, T0, &u, &e), 0);
	CHECK_INT(u.id, id);
	CHECK_INT(u.scope.role, ROLE_OFFICER);
	CHECK_STR(u.scope.force_id, "glanmor");
	CHECK_INT(u.scope.n, 2);
	CHECK(user_can_see_neighbourhood(&u.scope, "glanmor", "GM02"));
	CHECK(!user_can_see_neighbourhood(&u.scope, "glanmor", "GM03"));
	CHECK_INT(auth_password_check(s, &p, "alice", "correct horse batterY", T0, &u, &e), ERR_DENIED);
	CHECK_STR(e.msg, "wrong username or password");
	CHECK_INT(auth_password_check(s, &p, "nobody", PW, T0, &u, &e), ERR_DENIED);
	CHECK_STR(e.msg, "wrong username or password");
	CHECK_INT(auth_user_get(s, "alice", &u, &e), 0);
	CHECK_INT(u.failed_attempts, 1);
	CHECK_INT(auth_password_check(s, &p, "alice", PW, T0, &u, &e), 0);
	CHECK_INT(u.failed_attempts, 0);
	store_close(s);
}

TEST(account_policy_and_add_refusals)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct auth_new_user nu = { "bob", NULL, "chief", "glanmor", NULL, NULL, 0 };
	struct err e = ERR_INIT;
	int64_t id;

	CHECK_INT(auth_password_policy("bob", "short", &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "at least 12");
	CHECK_INT(auth_password_policy("bobbobbobbob", "BOBBOBBOBBOB", &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "must not be the username");
	CHECK_INT(auth_password_policy("bob", "ŵŵŵŵŵŵŵŵŵŵŵ", &e), ERR_INVALID);	/* 11 characters, 22 bytes */
	CHECK_INT(auth_password_policy("bob", "ŵŵŵŵŵŵŵŵŵŵŵŵ", &e), 0);
	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "not one of resident, volunteer, officer");
	nu.role = "officer";
	nu.force_id = NULL;
	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "needs a force");
	nu.role = "partner";
	nu.force_id = "glanmor";
	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "needs an organisation");
	nu.role = "officer";
	nu.username = "Bob Smith";
	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "username:");
	nu.username = "bob";
	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), 0);
	CHECK_INT(auth_user_add(s, &nu, PW, T0, &id, &e), ERR_CONFLICT);
	CHECK_CONTAINS(e.msg, "already taken");
	CHECK_INT(auth_user_set_role(s, id, "partner", &e), ERR_INVALID);
	CHECK_INT(auth_user_set_role(s, id, "sergeant", &e), 0);
	store_close(s);
}

TEST(account_lockout_after_failures_then_unlock_and_doubling)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct auth_policy p = AUTH_POLICY_DEFAULT;
	struct auth_user u;
	struct err e = ERR_INIT;
	int64_t now = T0;

	add(s, "carol", "sergeant");
	for (int i = 0; i < 5; i++)
		CHECK_INT(auth_password_check(s, &p, "carol", "not the password", now++, &u, &e), ERR_DENIED);
	/* Locked: even the right password is refused, for 15 minutes. */
	CHECK_INT(auth_password_check(s, &p, "carol", PW, now, &u, &e), ERR_DENIED);
	CHECK_CONTAINS(e.msg, "locked for 15 more minutes");
	CHECK_INT(auth_user_get(s, "carol", &u, &e), 0);
	CHECK_INT(u.locked_until, T0 + 4 + 15 * 60);
	now = T0 + 4 + 15 * 60;
	CHECK_INT(auth_password_check(s, &p, "carol", PW, now - 1, &u, &e), ERR_DENIED);
	/* Five more failures after the first lockout: 30 minutes. */
	for (int i = 0; i < 5; i++)
		CHECK_INT(auth_password_check(s, &p, "carol", "not the password", now, &u, &e), ERR_DENIED);
	CHECK_INT(auth_user_get(s, "carol", &u, &e), 0);
	CHECK_INT(u.locked_until, now + 30 * 60);
	now += 30 * 60;
	CHECK_INT(auth_password_check(s, &p, "carol", PW, now, &u, &e), 0);
	CHECK_INT(auth_user_get(s, "carol", &u, &e), 0);
	CHECK_INT(u.locked_until, 0);
	CHECK_INT(u.failed_attempts, 0);
	store_close(s);
}

TEST(account_disabled_user_refused_and_reset_clears_lockout)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct auth_policy p = AUTH_POLICY_DEFAULT;
	struct auth_user u;
	struct err e = ERR_INIT;
	char token[AUTH_TOKEN_LEN + 1], api[AUTH_API_TOKEN_LEN + 1];
	struct auth_session ss;
	int64_t id = add(s, "dai", "analyst"), tid;

	for (int i = 0; i < 5; i++)
		auth_password_check(s, &p, "dai", "not the password", T0, &u, &e);
	CHECK_INT(auth_user_set_password(s, id, "dai", &e), ERR_INVALID);
	CHECK_INT(auth_user_set_password(s, id, "a brand new passphrase", &e), 0);
	CHECK_INT(auth_password_check(s, &p, "dai", PW, T0, &u, &e), ERR_DENIED);
	CHECK_INT(auth_password_check(s, &p, "dai", "a brand new passphrase", T0, &u, &e), 0);
	CHECK_INT(auth_session_create(s, &p, id, T0, token, &e), 0);
	CHECK_INT(auth_token_create(s, id, "export", T0, api, &tid, &e), 0);
	CHECK_INT(auth_user_set_disabled(s, id, 1, &e), 0);
	CHECK_INT(auth_password_check(s, &p, "dai", "a brand new passphrase", T0, &u, &e), ERR_DENIED);
	CHECK_CONTAINS(e.msg, "disabled");
	CHECK_INT(auth_session_check(s, &p, token, T0 + 1, &ss, &e), ERR_DENIED);
	CHECK_INT(auth_token_check(s, api, T0 + 1, &u, &e), ERR_DENIED);
	CHECK_INT(auth_user_set_disabled(s, id, 0, &e), 0);
	CHECK_INT(auth_password_check(s, &p, "dai", "a brand new passphrase", T0, &u, &e), 0);
	CHECK_INT(auth_token_check(s, api, T0 + 1, &u, &e), ERR_DENIED);	/* stays revoked */
	store_close(s);
}

TEST(account_totp_rfc6238_vectors)
{
	static const unsigned char key[] = "12345678901234567890";
	static const struct { int64_t t; uint32_t code; } v[] = {
		{ 59, 94287082 }, { 1111111109, 7081804 }, { 1111111111, 14050471 },
		{ 1234567890, 89005924 }, { 2000000000, 69279037 }, { 20000000000LL, 65353130 },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		CHECK_INT(auth_totp_code(key, 20, v[i].t, 8), v[i].code);
		CHECK_INT(auth_totp_code(key, 20, v[i].t, 6), v[i].code % 1000000);
	}
}

static int b32_value(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26;
}

TEST(account_totp_enrol_and_check_with_one_step_of_drift)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct auth_user u;
	char b32[AUTH_TOTP_SECRET_B32], code[8];
	unsigned char key[20];
	int64_t id = add(s, "eira", "officer");
	unsigned buf = 0, bits = 0, n = 0;

	CHECK_INT(auth_totp_check(s, id, "123456", T0, &e), ERR_DENIED);
	CHECK_CONTAINS(e.msg, "no second factor");
	CHECK_INT(auth_totp_enrol(s, id, b32, &e), 0);
	CHECK_INT(strlen(b32), 32);
	CHECK_INT(auth_user_get_id(s, id, &u, &e), 0);
	CHECK(u.has_totp);
	for (const char *p = b32; *p; p++) {
		buf = (buf << 5) | (unsigned)b32_value(*p);
		bits += 5;
		if (bits >= 8) {
			key[n++] = (unsigned char)(buf >> (bits - 8));
			bits -= 8;
		}
	}
	CHECK_INT(n, 20);
	snprintf(code, sizeof(code), "%06u", (unsigned)auth_totp_code(key, 20, T0, 6));
	CHECK_INT(auth_totp_check(s, id, code, T0, &e), 0);
	CHECK_INT(auth_totp_check(s, id, code, T0 + 30, &e), 0);
	CHECK_INT(auth_totp_check(s, id, code, T0 - 30, &e), 0);
	CHECK_INT(auth_totp_check(s, id, code, T0 + 90, &e), ERR_DENIED);
	CHECK_INT(auth_totp_check(s, id, "12345", T0, &e), ERR_DENIED);
	store_close(s);
}

TEST(account_session_idle_and_absolute_timeouts)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct auth_policy p = AUTH_POLICY_DEFAULT;
	struct auth_session ss;
	struct auth_user u;
	struct err e = ERR_INIT;
	char t1[AUTH_TOKEN_LEN + 1], t2[AUTH_TOKEN_LEN + 1];
	int64_t id = add(s, "ffion", "officer"), now;

	CHECK_INT(auth_session_create(s, &p, id, T0, t1, &e), 0);
	CHECK_INT(strlen(t1), AUTH_TOKEN_LEN);
	CHECK_INT(auth_session_from_cookie(s, &p, t1, T0 + 60, &ss, &u, &e), 0);
	CHECK_INT(u.id, id);
	CHECK_INT(ss.last_seen, T0 + 60);
	/* Idle: 30 minutes without use ends it. */
	CHECK_INT(auth_session_check(s, &p, t1, T0 + 60 + 30 * 60, &ss, &e), ERR_DENIED);
	CHECK_CONTAINS(e.msg, "expired");
	CHECK_INT(auth_session_check(s, &p, t1, T0 + 61, &ss, &e), ERR_DENIED);	/* deleted */
	/* Absolute: used every 20 minutes, it still ends 12 hours after sign-in. */
	CHECK_INT(auth_session_create(s, &p, id, T0, t2, &e), 0);
	CHECK(strcmp(t1, t2) != 0);
	for (now = T0 + 20 * 60; now < T0 + 12 * 3600; now += 20 * 60)
		CHECK_INT(auth_session_check(s, &p, t2, now, &ss, &e), 0);
	CHECK_INT(auth_session_check(s, &p, t2, T0 + 12 * 3600, &ss, &e), ERR_DENIED);
	CHECK_INT(auth_session_check(s, &p, "not-a-token", T0, &ss, &e), ERR_DENIED);
	/* Sign-out. */
	CHECK_INT(auth_session_create(s, &p, id, T0, t1, &e), 0);
	CHECK_INT(auth_session_end(s, t1, &e), 0);
	CHECK_INT(auth_session_check(s, &p, t1, T0 + 1, &ss, &e), ERR_DENIED);
	store_close(s);
}

static int file_contains(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 1 << 16, got;
	char *buf = malloc(cap);
	int found = 0;

	while (f && buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *more = realloc(buf, cap *= 2);

			if (!more)
				break;
			buf = more;
		}
	}
	for (size_t i = 0; buf && i + strlen(needle) <= n && !found; i++)
		found = !memcmp(buf + i, needle, strlen(needle));
	free(buf);
	if (f)
		fclose(f);
	return found;
}

TEST(account_tokens_stored_hashed_checked_and_revoked)
{
	char path[512], wal[600];
	struct store *s = fresh(path, sizeof(path));
	struct auth_policy p = AUTH_POLICY_DEFAULT;
	struct auth_user u;
	struct err e = ERR_INIT;
	char api[AUTH_API_TOKEN_LEN + 1], cookie[AUTH_TOKEN_LEN + 1];
	int64_t id = add(s, "gwen", "partner"), tid;

	CHECK_INT(auth_token_create(s, id, "", T0, api, &tid, &e), ERR_INVALID);
	CHECK_INT(auth_token_create(s, id, "nightly export", T0, api, &tid, &e), 0);
	CHECK_INT(strncmp(api, "eng_", 4), 0);
	CHECK_INT(auth_session_create(s, &p, id, T0, cookie, &e), 0);
	CHECK_INT(auth_token_check(s, api, T0 + 5, &u, &e), 0);
	CHECK_INT(u.id, id);
	CHECK_STR(u.partner_org, "Porthmawr Council");
	api[10] ^= 1;
	CHECK_INT(auth_token_check(s, api, T0 + 5, &u, &e), ERR_DENIED);
	api[10] ^= 1;
	store_close(s);
	/* Neither the database nor its write-ahead log holds a token or the password. */
	snprintf(wal, sizeof(wal), "%s-wal", path);
	CHECK(!file_contains(path, api));
	CHECK(!file_contains(path, cookie));
	CHECK(!file_contains(path, PW));
	CHECK(!file_contains(wal, api));
	CHECK(!file_contains(wal, cookie));
	CHECK(file_contains(path, "gwen") || file_contains(wal, "gwen"));	/* the check can see */
	CHECK_INT(store_open(path, 0, &s, &e), 0);
	CHECK_INT(auth_token_check(s, api, T0 + 5, &u, &e), 0);
	CHECK_INT(auth_token_revoke(s, tid, &e), 0);
	CHECK_INT(auth_token_check(s, api, T0 + 6, &u, &e), ERR_DENIED);
	CHECK_INT(auth_token_revoke(s, tid + 100, &e), ERR_NOTFOUND);
	store_close(s);
}

TEST(account_csrf_token_per_session)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct auth_policy p = AUTH_POLICY_DEFAULT;
	struct auth_session a, b;
	struct err e = ERR_INIT;
	char ta[AUTH_TOKEN_LEN + 1], tb[AUTH_TOKEN_LEN + 1], ca[AUTH_CSRF_LEN + 1], cb[AUTH_CSRF_LEN + 1];
	int64_t id = add(s, "huw", "officer");

	CHECK_INT(auth_session_create(s, &p, id, T0, ta, &e), 0);
	CHECK_INT(auth_session_create(s, &p, id, T0, tb, &e), 0);
	CHECK_INT(auth_session_check(s, &p, ta, T0 + 1, &a, &e), 0);
	CHECK_INT(auth_session_check(s, &p, tb, T0 + 1, &b, &e), 0);
	auth_csrf_token(&a, ca);
	auth_csrf_token(&b, cb);
	CHECK_INT(strlen(ca), AUTH_CSRF_LEN);
	CHECK(strcmp(ca, cb) != 0);
	CHECK(auth_csrf_check(&a, ca));
	CHECK(!auth_csrf_check(&a, cb));
	CHECK(!auth_csrf_check(&a, ""));
	CHECK(!auth_csrf_check(&a, NULL));
	ca[0] = ca[0] == 'A' ? 'B' : 'A';
	CHECK(!auth_csrf_check(&a, ca));
	/* The same session read again gives the same token. */
	CHECK_INT(auth_session_check(s, &p, tb, T0 + 2, &a, &e), 0);
	auth_csrf_token(&a, ca);
	CHECK_STR(ca, cb);
	store_close(s);
}
