/*
 * auth_session.c - sessions behind cookies, API tokens for machine clients,
 * and CSRF tokens (see auth.h).  Only hashes of tokens are stored.
 */
#include "auth/auth-internal.h"

#include "store/store.h"
#include "store/tables.h"

#include <stdio.h>
#include <string.h>

#define TOUCH_EVERY 60		/* seconds between writes of last_seen / last_used */
#define API_PREFIX "eng_"

void auth_random_token(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

void auth_token_hash(const char *token, char hex[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

/* --- sessions --------------------------------------------------------------- */

struct session_got {
	struct auth_session *out;
	char csrf_hex[65];
	int found;
};

static int grab_session(void *ctx, const struct store_row *row)
{
	struct session_got *g = ctx;
	const struct store_value *v = row->v;

	g->found = 1;
	g->out->id = row->id;
	g->out->user_id = v[SESSION_USER_ID].i;
	g->out->created_at = v[SESSION_CREATED_AT].i;
	g->out->last_seen = v[SESSION_LAST_SEEN].i;
	g->out->expires_at = v[SESSION_EXPIRES_AT].i;
	snprintf(g->csrf_hex, sizeof(g->csrf_hex), "%s", v[SESSION_CSRF_SECRET].s ? v[SESSION_CSRF_SECRET].s : "");
	return 1;
}

static void session_values(const struct auth_session *ss, const char *token_hash,
			   const char *csrf_hex, struct store_value v[SESSION_NCOLS])
{
	v[SESSION_TOKEN_HASH] = SV_TEXT(token_hash);
	v[SESSION_USER_ID] = SV_INT(ss->user_id);
	v[SESSION_CREATED_AT] = SV_INT(ss->created_at);
	v[SESSION_LAST_SEEN] = SV_INT(ss->last_seen);
	v[SESSION_EXPIRES_AT] = SV_INT(ss->expires_at);
	v[SESSION_CSRF_SECRET] = SV_TEXT(csrf_hex);
}

int auth_session_create(struct store *s, const struct auth_policy *p, int64_t user_id,
			int64_t now, char token[AUTH_TOKEN_LEN + 1], struct err *e)
{
	struct auth_session ss = { 0 };
	struct store_value v[SESSION_NCOLS];
	char hash[65], csrf_hex[65];
	int rc;

	ss.user_id = user_id;
	ss.created_at = ss.last_seen = now;
	ss.expires_at = now + p->session_max_seconds;
	randombytes_buf(ss.csrf_secret, sizeof(ss.csrf_secret));
	sodium_bin2hex(csrf_hex, sizeof(csrf_hex), ss.csrf_secret, sizeof(ss.csrf_secret));
	auth_random_token(token);
	auth_token_hash(token, hash);
	session_values(&ss, hash, csrf_hex, v);
	rc = store_row_insert(s, &store_sessions, v, &ss.id, e);
	sodium_memzero(&ss, sizeof(ss));
	sodium_memzero(csrf_hex, sizeof(csrf_hex));
	if (rc < 0)
		sodium_memzero(token, AUTH_TOKEN_LEN + 1);
	return rc;
}

int auth_session_check(struct store *s, const struct auth_policy *p, const char *token,
		       int64_t now, struct auth_session *out, struct err *e)
{
	struct session_got g = { out, { 0 }, 0 };
	struct store_where w = { SESSION_TOKEN_HASH, SV_NULL };
	char hash[65];
	int rc;

	if (!token || strlen(token) != AUTH_TOKEN_LEN)
		return err_set(e, ERR_DENIED, "not signed in");
	auth_token_hash(token, hash);
	w.v = SV_TEXT(hash);
	if ((rc = store_row_find(s, &store_sessions, &w, 1, grab_session, &g, e)) < 0)
		goto out;
	if (!g.found) {
		rc = err_set(e, ERR_DENIED, "not signed in");
		goto out;
	}
	if (now >= out->expires_at || now - out->last_seen >= p->session_idle_seconds ||
	    now >= out->created_at + p->session_max_seconds) {
		if ((rc = store_row_delete(s, &store_sessions, out->id, e)) < 0)
			goto out;
		rc = err_set(e, ERR_DENIED, "the session has expired; sign in again");
		goto out;
	}
	if (sodium_hex2bin(out->csrf_secret, sizeof(out->csrf_secret), g.csrf_hex,
			   strlen(g.csrf_hex), NULL, NULL, NULL) != 0) {
		rc = err_set(e, ERR_INTERNAL, "sessions: row %lld has a malformed secret",
			     (long long)out->id);
		goto out;
	}
	if (now - out->last_seen >= TOUCH_EVERY) {
		struct store_value v[SESSION_NCOLS];

		out->last_seen = now;
		session_values(out, hash, g.csrf_hex, v);
		if ((rc = store_row_update(s, &store_sessions, out->id, 0, v, e)) < 0)
			goto out;
	}
	rc = 0;
out:
	sodium_memzero(g.csrf_hex, sizeof(g.csrf_hex));
	if (rc < 0)
		sodium_memzero(out, sizeof(*out));
	return rc;
}

int auth_session_from_cookie(struct store *s, const struct auth_policy *p,
			     const char *cookie_value, int64_t now, struct auth_session *session,
			     struct auth_user *user, struct err *e)
{
	int rc;

	if ((rc = auth_session_check(s, p, cookie_value, now, session, e)) < 0)
		return rc;
	rc = auth_user_get_id(s, session->user_id, user, e);
	if (rc == ERR_NOTFOUND || (rc == 0 && user->disabled))
		rc = err_set(e, ERR_DENIED, "not signed in");
	if (rc < 0)
		sodium_memzero(session, sizeof(*session));
	return rc;
}

int auth_session_end(struct store *s, const char *token, struct err *e)
{
	struct auth_session ss;
	struct session_got g = { &ss, { 0 }, 0 };
	struct store_where w = { SESSION_TOKEN_HASH, SV_NULL };
	char hash[65];
	int rc;

	if (!token)
		return 0;
	auth_token_hash(token, hash);
	w.v = SV_TEXT(hash);
	rc = store_row_find(s, &store_sessions, &w, 1, grab_session, &g, e);
	if (rc >= 0 && g.found)
		rc = store_row_delete(s, &store_sessions, ss.id, e);
	sodium_memzero(&g, sizeof(g));
	sodium_memzero(&ss, sizeof(ss));
	return rc < 0 ? rc : 0;
}

/* --- CSRF -------------------------------------------------------------------- */

void auth_csrf_token(const struct auth_session *session, char out[AUTH_CSRF_LEN + 1])
{
	static const char label[] = "engage csrf v1";
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	crypto_auth_hmacsha256(mac, (const unsigned char *)label, sizeof(label) - 1,
			       session->csrf_secret);
	sodium_bin2base64(out, AUTH_CSRF_LEN + 1, mac, sizeof(mac),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int auth_csrf_check(const struct auth_session *session, const char *token)
{
	char want[AUTH_CSRF_LEN + 1];
	int same;

	if (!session || !token || strlen(token) != AUTH_CSRF_LEN)
		return 0;
	auth_csrf_token(session, want);
	same = sodium_memcmp(want, token, AUTH_CSRF_LEN) == 0;
	sodium_memzero(want, sizeof(want));
	return same;
}

/* --- API tokens ------------------------------------------------------------- */

int auth_token_create(struct store *s, int64_t user_id, const char *label, int64_t now,
		      char token[AUTH_API_TOKEN_LEN + 1], int64_t *id, struct err *e)
{
	struct store_value v[APITOKEN_NCOLS];
	char hash[65];
	int rc;

	if (!label || !label[0] || strlen(label) > 128)
		return err_set(e, ERR_INVALID, "label: say what the token is for, in 1 to 128 bytes");
	memcpy(token, API_PREFIX, sizeof(API_PREFIX) - 1);
	auth_random_token(token + sizeof(API_PREFIX) - 1);
	auth_token_hash(token, hash);
	v[APITOKEN_USER_ID] = SV_INT(user_id);
	v[APITOKEN_TOKEN_HASH] = SV_TEXT(hash);
	v[APITOKEN_LABEL] = SV_TEXT(label);
	v[APITOKEN_CREATED_AT] = SV_INT(now);
	v[APITOKEN_LAST_USED] = SV_NULL;
	v[APITOKEN_REVOKED] = SV_INT(0);
	if ((rc = store_row_insert(s, &store_api_tokens, v, id, e)) < 0)
		sodium_memzero(token, AUTH_API_TOKEN_LEN + 1);
	return rc;
}

struct token_got {
	int found;
	int64_t id, user_id, created_at, last_used;
	int revoked;
	char hash[65];
	char label[129];
};

static int grab_token(void *ctx, const struct store_row *row)
{
	struct token_got *g = ctx;
	const struct store_value *v = row->v;

	g->found = 1;
	g->id = row->id;
	g->user_id = v[APITOKEN_USER_ID].i;
	g->created_at = v[APITOKEN_CREATED_AT].i;
	g->last_used = v[APITOKEN_LAST_USED].null ? 0 : v[APITOKEN_LAST_USED].i;
	g->revoked = v[APITOKEN_REVOKED].i != 0;
	snprintf(g->hash, sizeof(g->hash), "%s", v[APITOKEN_TOKEN_HASH].s ? v[APITOKEN_TOKEN_HASH].s : "");
	snprintf(g->label, sizeof(g->label), "%s", v[APITOKEN_LABEL].s ? v[APITOKEN_LABEL].s : "");
	return 1;
}

static int token_save(struct store *s, const struct token_got *g, struct err *e)
{
	struct store_value v[APITOKEN_NCOLS];

	v[APITOKEN_USER_ID] = SV_INT(g->user_id);
	v[APITOKEN_TOKEN_HASH] = SV_TEXT(g->hash);
	v[APITOKEN_LABEL] = SV_TEXT(g->label);
	v[APITOKEN_CREATED_AT] = SV_INT(g->created_at);
	v[APITOKEN_LAST_USED] = g->last_used ? SV_INT(g->last_used) : SV_NULL;
	v[APITOKEN_REVOKED] = SV_INT(g->revoked);
	return store_row_update(s, &store_api_tokens, g->id, 0, v, e);
}

int auth_token_check(struct store *s, const char *bearer, int64_t now, struct auth_user *user,
		     struct err *e)
{
	struct token_got g = { 0 };
	struct store_where w = { APITOKEN_TOKEN_HASH, SV_NULL };
	char hash[65];
	int rc;

	if (!bearer || strlen(bearer) != AUTH_API_TOKEN_LEN)
		return err_set(e, ERR_DENIED, "unknown or revoked API token");
	auth_token_hash(bearer, hash);
	w.v = SV_TEXT(hash);
	if ((rc = store_row_find(s, &store_api_tokens, &w, 1, grab_token, &g, e)) < 0)
		return rc;
	if (!g.found || g.revoked)
		return err_set(e, ERR_DENIED, "unknown or revoked API token");
	rc = auth_user_get_id(s, g.user_id, user, e);
	if (rc == ERR_NOTFOUND || (rc == 0 && user->disabled))
		return err_set(e, ERR_DENIED, "unknown or revoked API token");
	if (rc < 0)
		return rc;
	if (now - g.last_used >= TOUCH_EVERY) {
		g.last_used = now;
		if ((rc = token_save(s, &g, e)) < 0)
			return rc;
	}
	return 0;
}

int auth_token_revoke(struct store *s, int64_t id, struct err *e)
{
	struct token_got g = { 0 };
	struct store_where w = { STORE_ID, SV_INT(id) };
	int rc;

	if ((rc = store_row_find(s, &store_api_tokens, &w, 1, grab_token, &g, e)) < 0)
		return rc;
	if (!g.found)
		return err_set(e, ERR_NOTFOUND, "API token %lld: no such token", (long long)id);
	g.revoked = 1;
	return token_save(s, &g, e);
}
