/*
 * auth.h - accounts, passwords, second factor, sessions, API tokens, CSRF.
 *
 * The auth layer sits between the store and everything that acts for a
 * person (engage services, api, views, web, cli): it knows who someone is;
 * model/role.h says what their role may do.  It stores through the generic
 * row door (store/tables.h: users, user_neighbourhoods, sessions,
 * api_tokens; migration 004).
 *
 * Secrets at rest:
 *   - passwords: argon2id strings from libsodium crypto_pwhash_str, with
 *     AUTH_PWHASH_OPSLIMIT / AUTH_PWHASH_MEMLIMIT (libsodium's INTERACTIVE:
 *     2 passes over 64 MiB, 0.06 s a hash on one core of the build
 *     machine; MODERATE took 0.43 s and 256 MiB, too much for a sign-in
 *     page served by a couple of threads); a stored hash made with other limits still verifies;
 *   - session and API tokens: 32 random bytes, base64url (no padding) for
 *     the client; the store keeps only the hex BLAKE2b-256 of the token, so
 *     the database (or a copy of it) cannot be used to sign in;
 *   - the TOTP secret is kept as base32 text (an authenticator needs it);
 *     the CSRF secret of a session as hex.
 *
 * Time: every function that depends on the clock takes `now` (UTC seconds),
 * so tests can move time; callers pass time(NULL).
 *
 * Refusals: a sign-in refused for any reason returns ERR_DENIED, with a
 * message fit to show the person ("wrong username or password", "this
 * account is locked for 15 more minutes").  An unknown username costs the
 * same argon2id hash as a known one and gets the same message as a wrong
 * password; "disabled" is only said after the right password.  No message
 * or log line from this module contains a username, a name or a secret.
 *
 * Throttling and lockout (struct auth_policy): each wrong password counts;
 * at `lockout_after` (5) the account locks for `lockout_seconds` (15 min),
 * doubling with each further lockout (30, 60 min ...) up to
 * `lockout_max_seconds` (24 h).  While locked, even the right password is
 * refused.  A successful sign-in or a password reset clears the count.
 *
 * Sessions: auth_session_create makes a new session at every sign-in (the
 * old cookie is never reused: rotation), and returns its token once for the
 * cookie (the web layer sets it Secure, HttpOnly, SameSite=Lax).  A session
 * ends after `session_idle_seconds` without use or `session_max_seconds`
 * after sign-in, whichever comes first.  Checking a session writes its
 * last_seen at most once a minute, so it needs a writable store.
 *
 * Threads: like the store, one struct store per thread; the functions keep
 * no state of their own.  auth_init() must have run once before (it starts
 * libsodium; safe to call again).
 *
 * Errors: 0 or a negative ERR_* (base/err.h) with a message in `e`;
 * ERR_INVALID names the field and why (password policy, bad role),
 * ERR_NOTFOUND for an unknown user id or username in admin functions,
 * ERR_CONFLICT for a username taken, ERR_DENIED as above.
 */
#ifndef ENGAGE_AUTH_H
#define ENGAGE_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "model/role.h"

struct store;

/* 0, or ERR_INTERNAL when libsodium cannot start. */
int auth_init(struct err *e);

/* --- policy: the settings auth.* (docs/config.md) -------------------------- */
struct auth_policy {
	int lockout_after;		/* wrong passwords before a lockout */
	int64_t lockout_seconds;	/* first lockout; doubles each time */
	int64_t lockout_max_seconds;	/* cap on the doubling */
	int64_t session_idle_seconds;	/* a session unused this long ends */
	int64_t session_max_seconds;	/* a session ends this long after sign-in */
};
#define AUTH_POLICY_DEFAULT { 5, 15 * 60, 24 * 3600, 30 * 60, 12 * 3600 }

/* --- users ----------------------------------------------------------------- */
#define AUTH_USERNAME_MAX 64	/* [a-z0-9._-], starting with a letter or digit */
#define AUTH_PASSWORD_MIN 12
#define AUTH_PASSWORD_MAX 1024

/* A user as read from the store: no password hash or TOTP secret here. */
struct auth_user {
	int64_t id;
	int64_t version;
	char username[AUTH_USERNAME_MAX + 1];
	char display_name[129];		/* "" when not given */
	char partner_org[129];		/* "" unless a partner */
	struct user_scope scope;	/* role, force, neighbourhoods (model/role.h) */
	int has_totp;
	int disabled;
	int failed_attempts;
	int64_t locked_until;		/* 0 when not locked */
	int64_t created_at;
};

/* What a new account is.  `role` is a slug from model/role.h; scoped roles
 * need `force_id`, partners also `partner_org`; `neighbourhoods` are ids
 * within that force (count 0: the whole force). */
struct auth_new_user {
	const char *username;
	const char *display_name;	/* may be NULL */
	const char *role;
	const char *force_id;		/* may be NULL for residents, administrators */
	const char *partner_org;	/* may be NULL */
	const char *const *neighbourhoods;
	int n_neighbourhoods;
};

/* Check a password against the policy: at least AUTH_PASSWORD_MIN
 * characters (UTF-8 code points), at most AUTH_PASSWORD_MAX bytes, not the
 * username (in any case).  0 or ERR_INVALID saying which rule failed. */
int auth_password_policy(const char *username, const char *password, struct err *e);

/* Add an account with `password` (policy-checked); sets *id. */
int auth_user_add(struct store *s, const struct auth_new_user *u, const char *password,
		  int64_t now, int64_t *id, struct err *e);
/* Look up by username or id; ERR_NOTFOUND when absent. */
int auth_user_get(struct store *s, const char *username, struct auth_user *out, struct err *e);
int auth_user_get_id(struct store *s, int64_t id, struct auth_user *out, struct err *e);
/* Every user ordered by id; `fn` returns non-zero to stop. */
int auth_user_each(struct store *s, int (*fn)(void *ctx, const struct auth_user *u),
		   void *ctx, struct err *e);
/* Replace the password (policy-checked) and clear failures and lockout. */
int auth_user_set_password(struct store *s, int64_t id, const char *password,
			   struct err *e);
/* Change the role (a slug); refused if the new role needs a force the
 * account does not have. */
int auth_user_set_role(struct store *s, int64_t id, const char *role, struct err *e);
/* Disable (1) or re-enable (0).  Disabling ends every session and revokes
 * every API token of the account. */
int auth_user_set_disabled(struct store *s, int64_t id, int disabled, struct err *e);

/* Sign-in step one: the password.  0 and *out filled when right; otherwise
 * ERR_DENIED (see Refusals above), the failure counted and the lockout
 * applied.  A staff account with TOTP then needs auth_totp_check. */
int auth_password_check(struct store *s, const struct auth_policy *p, const char *username,
			const char *password, int64_t now, struct auth_user *out,
			struct err *e);

/* Sign-in with both factors: the password and, for an account that has a
 * second factor, its 6-digit code.  A wrong or missing code counts towards
 * the lockout like a wrong password, and is answered the same way
 * ("wrong username, password or code"), so it tells nobody the password
 * was right. */
int auth_sign_in(struct store *s, const struct auth_policy *p, const char *username,
		 const char *password, const char *code, int64_t now, struct auth_user *out,
		 struct err *e);

/* --- TOTP second factor (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) -------- */
#define AUTH_TOTP_SECRET_B32 33		/* 20 bytes as base32, with the NUL */

/* The code for `key` at `now` with `digits` (6..8), as a number. */
uint32_t auth_totp_code(const unsigned char *key, size_t key_len, int64_t now, int digits);
/* Give the user a new random secret; writes it as base32 into `b32` for
 * the authenticator app (show it once, e.g. as an otpauth:// QR code). */
int auth_totp_enrol(struct store *s, int64_t user_id, char b32[AUTH_TOTP_SECRET_B32],
		    struct err *e);
/* 0 when `code` (6 digits) is right within one step either side of `now`;
 * ERR_DENIED otherwise or when the user has no secret. */
int auth_totp_check(struct store *s, int64_t user_id, const char *code, int64_t now,
		    struct err *e);

/* --- sessions -------------------------------------------------------------- */
#define AUTH_TOKEN_LEN 43	/* 32 bytes as base64url without padding */
#define AUTH_CSRF_LEN 43

struct auth_session {
	int64_t id;
	int64_t user_id;
	int64_t created_at, last_seen, expires_at;
	unsigned char csrf_secret[32];
};

/* A new session for `user_id` at sign-in (call after every factor has
 * passed).  `token` gets the cookie value, shown to nobody else. */
int auth_session_create(struct store *s, const struct auth_policy *p, int64_t user_id,
			int64_t now, char token[AUTH_TOKEN_LEN + 1], struct err *e);
/* The session behind a token: ERR_DENIED when unknown, idle too long or
 * past its absolute limit (the row is then deleted).  Does not read the
 * user: auth_session_from_cookie does. */
int auth_session_check(struct store *s, const struct auth_policy *p, const char *token,
		       int64_t now, struct auth_session *out, struct err *e);
/* The web layer's door: the session and its user from a cookie value;
 * ERR_DENIED as auth_session_check, or when the user is disabled. */
int auth_session_from_cookie(struct store *s, const struct auth_policy *p,
			     const char *cookie_value, int64_t now, struct auth_session *session,
			     struct auth_user *user, struct err *e);
/* Sign out: delete the session behind `token` (no error if already gone). */
int auth_session_end(struct store *s, const char *token, struct err *e);

/* The CSRF token of a session for its forms: HMAC-SHA-256 of a constant
 * label under the session's secret, base64url. */
void auth_csrf_token(const struct auth_session *session, char out[AUTH_CSRF_LEN + 1]);
/* 1 when `token` is the session's CSRF token (constant-time compare). */
int auth_csrf_check(const struct auth_session *session, const char *token);

/* --- API tokens for machine clients ---------------------------------------- */
#define AUTH_API_TOKEN_LEN (4 + AUTH_TOKEN_LEN)	/* "eng_" + 43 */

/* A new token for `user_id`, labelled (e.g. "nightly export"); `token`
 * gets it, the only time it is seen.  Sets *id. */
int auth_token_create(struct store *s, int64_t user_id, const char *label, int64_t now,
		      char token[AUTH_API_TOKEN_LEN + 1], int64_t *id, struct err *e);
/* The user behind a bearer token: ERR_DENIED when unknown, revoked or the
 * user is disabled.  Records last_used (at most once a minute). */
int auth_token_check(struct store *s, const char *bearer, int64_t now, struct auth_user *user,
		     struct err *e);
/* Revoke token `id`; ERR_NOTFOUND when there is none. */
int auth_token_revoke(struct store *s, int64_t id, struct err *e);

#endif
