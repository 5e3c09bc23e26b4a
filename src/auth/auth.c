/*
 * auth.c - accounts and passwords: adding users, the password policy,
 * argon2id hashing, sign-in with throttling and lockout (see auth.h).
 */
#include "auth/auth-internal.h"

#include "store/store.h"
#include "store/tables.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define AUTH_PWHASH_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define AUTH_PWHASH_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

int auth_init(struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "auth: libsodium could not start");
	return 0;
}

static int valid_username(const char *u)
{
	size_t n = u ? strlen(u) : 0;

	if (n == 0 || n > AUTH_USERNAME_MAX || !((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= '0' && u[0] <= '9')))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= '0' && u[i] <= '9') ||
		      u[i] == '.' || u[i] == '_' || u[i] == '-'))
			return 0;
	return 1;
}

static int valid_slug(const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == '/' || s[i] == 0x7f)
			return 0;
	return 1;
}

int auth_password_policy(const char *username, const char *password, struct err *e)
{
	size_t chars = 0, bytes = password ? strlen(password) : 0;

	if (bytes > AUTH_PASSWORD_MAX)
		return err_set(e, ERR_INVALID, "password: longer than %d bytes", AUTH_PASSWORD_MAX);
	for (size_t i = 0; i < bytes; i++)
		if (((unsigned char)password[i] & 0xc0) != 0x80)
			chars++;
	if (chars < AUTH_PASSWORD_MIN)
		return err_set(e, ERR_INVALID,
			       "password: too short (%zu characters); use at least %d, e.g. a few unrelated words",
			       chars, AUTH_PASSWORD_MIN);
	if (username && !strcasecmp(username, password))
		return err_set(e, ERR_INVALID, "password: must not be the username");
	return 0;
}

static void copy(char *dst, size_t size, const struct store_value *v)
{
	snprintf(dst, size, "%s", v->null || !v->s ? "" : v->s);
}

static int grab_user(void *ctx, const struct store_row *row)
{
	struct auth_user_row *r = ctx;
	const struct store_value *v = row->v;

	memset(r, 0, sizeof(*r));
	r->u.id = row->id;
	r->u.version = row->version;
	copy(r->u.username, sizeof(r->u.username), &v[USER_USERNAME]);
	copy(r->u.display_name, sizeof(r->u.display_name), &v[USER_DISPLAY_NAME]);
	r->u.scope.role = role_find(v[USER_ROLE].s);
	copy(r->u.scope.force_id, sizeof(r->u.scope.force_id), &v[USER_FORCE_ID]);
	copy(r->u.partner_org, sizeof(r->u.partner_org), &v[USER_PARTNER_ORG]);
	copy(r->password_hash, sizeof(r->password_hash), &v[USER_PASSWORD_HASH]);
	copy(r->totp_secret, sizeof(r->totp_secret), &v[USER_TOTP_SECRET]);
	r->u.has_totp = r->totp_secret[0] != '\0';
	r->u.failed_attempts = (int)v[USER_FAILED_ATTEMPTS].i;
	r->lockouts = (int)v[USER_LOCKOUTS].i;
	r->u.locked_until = v[USER_LOCKED_UNTIL].null ? 0 : v[USER_LOCKED_UNTIL].i;
	r->u.disabled = v[USER_DISABLED].i != 0;
	r->u.created_at = v[USER_CREATED_AT].i;
	return 1;
}

static int grab_nbhd(void *ctx, const struct store_row *row)
{
	struct user_scope *sc = ctx;

	if (sc->n >= SCOPE_MAX_NEIGHBOURHOODS)
		return 1;
	copy(sc->neighbourhoods[sc->n++], sizeof(sc->neighbourhoods[0]), &row->v[UNBHD_NEIGHBOURHOOD_ID]);
	return 0;
}

int auth_row_load(struct store *s, const char *username, int64_t id, struct auth_user_row *r,
		  struct err *e)
{
	struct store_where w = username ? (struct store_where){ USER_USERNAME, SV_TEXT(username) }
					: (struct store_where){ STORE_ID, SV_INT(id) };
	struct store_where wn = { UNBHD_USER_ID, SV_INT(0) };
	int rc;

	r->u.id = 0;
	rc = store_row_find(s, &store_users, &w, 1, grab_user, r, e);
	if (rc < 0)
		return rc;
	if (rc == 0 || r->u.id == 0)
		return err_set(e, ERR_NOTFOUND, "no such user");
	wn.v = SV_INT(r->u.id);
	rc = store_row_find(s, &store_user_neighbourhoods, &wn, 1, grab_nbhd, &r->u.scope, e);
	return rc < 0 ? rc : 0;
}

int auth_row_save(struct store *s, struct auth_user_row *r, struct err *e)
{
	struct store_value v[USER_NCOLS];
	const struct auth_user *u = &r->u;
	int rc;

	v[USER_USERNAME] = SV_TEXT(u->username);
	v[USER_DISPLAY_NAME] = u->display_name[0] ? SV_TEXT(u->display_name) : SV_NULL;
	v[USER_ROLE] = SV_TEXT(u->scope.role >= 0 ? roles[u->scope.role].slug : "resident");
	v[USER_FORCE_ID] = u->scope.force_id[0] ? SV_TEXT(u->scope.force_id) : SV_NULL;
	v[USER_PARTNER_ORG] = u->partner_org[0] ? SV_TEXT(u->partner_org) : SV_NULL;
	v[USER_PASSWORD_HASH] = SV_TEXT(r->password_hash);
	v[USER_TOTP_SECRET] = r->totp_secret[0] ? SV_TEXT(r->totp_secret) : SV_NULL;
	v[USER_FAILED_ATTEMPTS] = SV_INT(u->failed_attempts);
	v[USER_LOCKOUTS] = SV_INT(r->lockouts);
	v[USER_LOCKED_UNTIL] = u->locked_until ? SV_INT(u->locked_until) : SV_NULL;
	v[USER_DISABLED] = SV_INT(u->disabled);
	v[USER_CREATED_AT] = SV_INT(u->created_at);
	rc = store_row_update(s, &store_users, u->id, u->version, v, e);
	if (rc == 0)
		r->u.version++;
	return rc;
}

static int hash_password(const char *password, char out[crypto_pwhash_STRBYTES], struct err *e)
{
	if (crypto_pwhash_str(out, password, strlen(password), AUTH_PWHASH_OPSLIMIT,
			      AUTH_PWHASH_MEMLIMIT) != 0)
		return err_set(e, ERR_NOMEM, "password: hashing ran out of memory");
	return 0;
}

static int check_scope(int role, const char *force_id, const char *partner_org, struct err *e)
{
	if (role_needs_force(role) && (!force_id || !force_id[0]))
		return err_set(e, ERR_INVALID, "force: the role \"%s\" needs a force", roles[role].slug);
	if (force_id && force_id[0] && !valid_slug(force_id, 64))
		return err_set(e, ERR_INVALID, "force: \"%s\" is not a force id", force_id);
	if (role == ROLE_PARTNER && (!partner_org || !partner_org[0]))
		return err_set(e, ERR_INVALID, "partner-org: the role \"partner\" needs an organisation");
	return 0;
}

int auth_user_add(struct store *s, const struct auth_new_user *nu, const char *password,
		  int64_t now, int64_t *id, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct store_value v[USER_NCOLS];
	int role = role_find(nu->role), rc, began = 0;

	if (!valid_username(nu->username))
		return err_set(e, ERR_INVALID,
			       "username: use 1 to %d of a-z, 0-9, '.', '_', '-', starting with a letter or digit",
			       AUTH_USERNAME_MAX);
	if (role < 0)
		return err_set(e, ERR_INVALID, "role: \"%s\" is not one of %s", nu->role ? nu->role : "",
			       role_list());
	if ((rc = check_scope(role, nu->force_id, nu->partner_org, e)) < 0)
		return rc;
	if (nu->display_name && strlen(nu->display_name) > 128)
		return err_set(e, ERR_INVALID, "name: longer than 128 bytes");
	if (nu->partner_org && strlen(nu->partner_org) > 128)
		return err_set(e, ERR_INVALID, "partner-org: longer than 128 bytes");
	if (nu->n_neighbourhoods > 0 && (!nu->force_id || !nu->force_id[0]))
		return err_set(e, ERR_INVALID, "neighbourhoods: need a force");
	if (nu->n_neighbourhoods > SCOPE_MAX_NEIGHBOURHOODS)
		return err_set(e, ERR_LIMIT, "neighbourhoods: at most %d", SCOPE_MAX_NEIGHBOURHOODS);
	for (int i = 0; i < nu->n_neighbourhoods; i++)
		if (!valid_slug(nu->neighbourhoods[i], 64))
			return err_set(e, ERR_INVALID, "neighbourhoods: \"%s\" is not a neighbourhood id",
				       nu->neighbourhoods[i]);
	if ((rc = auth_password_policy(nu->username, password, e)) < 0 ||
	    (rc = hash_password(password, hash, e)) < 0)
		return rc;

	v[USER_USERNAME] = SV_TEXT(nu->username);
	v[USER_DISPLAY_NAME] = nu->display_name && nu->display_name[0] ? SV_TEXT(nu->display_name) : SV_NULL;
	v[USER_ROLE] = SV_TEXT(roles[role].slug);
	v[USER_FORCE_ID] = nu->force_id && nu->force_id[0] ? SV_TEXT(nu->force_id) : SV_NULL;
	v[USER_PARTNER_ORG] = nu->partner_org && nu->partner_org[0] ? SV_TEXT(nu->partner_org) : SV_NULL;
	v[USER_PASSWORD_HASH] = SV_TEXT(hash);
	v[USER_TOTP_SECRET] = SV_NULL;
	v[USER_FAILED_ATTEMPTS] = SV_INT(0);
	v[USER_LOCKOUTS] = SV_INT(0);
	v[USER_LOCKED_UNTIL] = SV_NULL;
	v[USER_DISABLED] = SV_INT(0);
	v[USER_CREATED_AT] = SV_INT(now);

	if ((rc = store_begin(s, e)) < 0)
		goto out;
	began = 1;
	rc = store_row_insert(s, &store_users, v, id, e);
	if (rc == ERR_CONFLICT)
		err_set(e, ERR_CONFLICT, "username: already taken");
	for (int i = 0; rc == 0 && i < nu->n_neighbourhoods; i++) {
		struct store_value nv[UNBHD_NCOLS] = {
			[UNBHD_USER_ID] = SV_INT(*id),
			[UNBHD_FORCE_ID] = SV_TEXT(nu->force_id),
			[UNBHD_NEIGHBOURHOOD_ID] = SV_TEXT(nu->neighbourhoods[i]),
		};
		int64_t nid;

		rc = store_row_insert(s, &store_user_neighbourhoods, nv, &nid, e);
		if (rc == ERR_CONFLICT)
			err_set(e, ERR_INVALID, "neighbourhoods: \"%s\" is listed twice",
				nu->neighbourhoods[i]);
	}
	if (rc == 0)
		rc = store_commit(s, e);
out:
	if (rc < 0 && began)
		store_rollback(s);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int auth_user_get(struct store *s, const char *username, struct auth_user *out, struct err *e)
{
	struct auth_user_row r;
	int rc = auth_row_load(s, username, 0, &r, e);

	if (rc == 0)
		*out = r.u;
	sodium_memzero(&r, sizeof(r));
	return rc;
}

int auth_user_get_id(struct store *s, int64_t id, struct auth_user *out, struct err *e)
{
	struct auth_user_row r;
	int rc = auth_row_load(s, NULL, id, &r, e);

	if (rc == 0)
		*out = r.u;
	sodium_memzero(&r, sizeof(r));
	return rc;
}

struct each_ctx {
	struct store *s;
	int (*fn)(void *ctx, const struct auth_user *u);
	void *ctx;
	int64_t ids[4096];
	int n;
};

static int collect_id(void *ctx, const struct store_row *row)
{
	struct each_ctx *c = ctx;

	if (c->n >= (int)(sizeof(c->ids) / sizeof(c->ids[0])))
		return 1;
	c->ids[c->n++] = row->id;
	return 0;
}

int auth_user_each(struct store *s, int (*fn)(void *ctx, const struct auth_user *u),
		   void *ctx, struct err *e)
{
	static _Thread_local struct each_ctx c;
	int rc;

	c.s = s, c.fn = fn, c.ctx = ctx, c.n = 0;
	/* Ids first, then each user whole (with its neighbourhoods), so no
	 * query runs inside another's callback. */
	if ((rc = store_row_find(s, &store_users, NULL, 0, collect_id, &c, e)) < 0)
		return rc;
	if (rc > 0)
		return err_set(e, ERR_LIMIT, "users: more than %zu to list",
			       sizeof(c.ids) / sizeof(c.ids[0]));
	for (int i = 0; i < c.n; i++) {
		struct auth_user u;

		if ((rc = auth_user_get_id(s, c.ids[i], &u, e)) < 0)
			return rc;
		if ((rc = fn(ctx, &u)) != 0)
			return rc;
	}
	return 0;
}

int auth_user_set_password(struct store *s, int64_t id, const char *password, struct err *e)
{
	struct auth_user_row r;
	int rc;

	if ((rc = auth_row_load(s, NULL, id, &r, e)) < 0 ||
	    (rc = auth_password_policy(r.u.username, password, e)) < 0 ||
	    (rc = hash_password(password, r.password_hash, e)) < 0)
		goto out;
	r.u.failed_attempts = 0;
	r.lockouts = 0;
	r.u.locked_until = 0;
	rc = auth_row_save(s, &r, e);
out:
	sodium_memzero(&r, sizeof(r));
	return rc;
}

int auth_user_set_role(struct store *s, int64_t id, const char *role_slug, struct err *e)
{
	struct auth_user_row r;
	int role = role_find(role_slug), rc;

	if (role < 0)
		return err_set(e, ERR_INVALID, "role: \"%s\" is not one of %s",
			       role_slug ? role_slug : "", role_list());
	if ((rc = auth_row_load(s, NULL, id, &r, e)) < 0 ||
	    (rc = check_scope(role, r.u.scope.force_id, r.u.partner_org, e)) < 0)
		goto out;
	r.u.scope.role = role;
	rc = auth_row_save(s, &r, e);
out:
	sodium_memzero(&r, sizeof(r));
	return rc;
}

struct ids {
	int64_t id[256];
	int n;
};

static int grab_id(void *ctx, const struct store_row *row)
{
	struct ids *l = ctx;

	if (l->n >= 256)
		return 1;
	l->id[l->n++] = row->id;
	return 0;
}

/* Delete every session and revoke every API token of a user. */
static int end_everything(struct store *s, int64_t user_id, struct err *e)
{
	struct store_where ws = { SESSION_USER_ID, SV_INT(user_id) };
	struct store_where wt[2] = { { APITOKEN_USER_ID, SV_INT(user_id) },
				     { APITOKEN_REVOKED, SV_INT(0) } };
	struct ids l;
	int rc;

	do {
		l.n = 0;
		if ((rc = store_row_find(s, &store_sessions, &ws, 1, grab_id, &l, e)) < 0)
			return rc;
		for (int i = 0; i < l.n; i++)
			if ((rc = store_row_delete(s, &store_sessions, l.id[i], e)) < 0)
				return rc;
	} while (l.n == 256);
	do {
		l.n = 0;
		if ((rc = store_row_find(s, &store_api_tokens, wt, 2, grab_id, &l, e)) < 0)
			return rc;
		for (int i = 0; i < l.n; i++)
			if ((rc = auth_token_revoke(s, l.id[i], e)) < 0)
				return rc;
	} while (l.n == 256);
	return 0;
}

int auth_user_set_disabled(struct store *s, int64_t id, int disabled, struct err *e)
{
	struct auth_user_row r;
	int rc, began = 0;

	if ((rc = store_begin(s, e)) < 0)
		goto out;
	began = 1;
	if ((rc = auth_row_load(s, NULL, id, &r, e)) < 0)
		goto out;
	r.u.disabled = disabled != 0;
	if ((rc = auth_row_save(s, &r, e)) < 0)
		goto out;
	if (disabled && (rc = end_everything(s, id, e)) < 0)
		goto out;
	rc = store_commit(s, e);
out:
	if (rc < 0 && began)
		store_rollback(s);
	sodium_memzero(&r, sizeof(r));
	return rc;
}

static int64_t lockout_length(const struct auth_policy *p, int lockouts)
{
	int64_t t = p->lockout_seconds;

	for (int i = 1; i < lockouts && t < p->lockout_max_seconds; i++)
		t *= 2;
	return t < p->lockout_max_seconds ? t : p->lockout_max_seconds;
}

/* Spend what a real check would, so an unknown or locked account cannot be
 * told apart by the time the answer takes. */
static void spend_a_hash(const char *password)
{
	char scratch[crypto_pwhash_STRBYTES];
	size_t n = strlen(password);

	if (crypto_pwhash_str(scratch, password, n > AUTH_PASSWORD_MAX ? AUTH_PASSWORD_MAX : n,
			      AUTH_PWHASH_OPSLIMIT, AUTH_PWHASH_MEMLIMIT) == 0)
		sodium_memzero(scratch, sizeof(scratch));
}

/* One sign-in check.  `code` NULL checks the password only; otherwise an
 * account with a second factor also needs its code, and a wrong or missing
 * one counts as a wrong password (so the code cannot be guessed at leisure
 * once the password is known) and is answered the same way. */
static int check_once(struct store *s, const struct auth_policy *p, const char *username,
		      const char *password, const char *code, int64_t now, struct auth_user *out,
		      struct err *e)
{
	struct auth_user_row r;
	int rc;

	rc = auth_row_load(s, username, 0, &r, e);
	if (rc == ERR_NOTFOUND) {
		spend_a_hash(password);
		rc = err_set(e, ERR_DENIED, "wrong username or password");
		goto out;
	}
	if (rc < 0)
		goto out;
	if (r.u.locked_until > now) {
		int64_t mins = (r.u.locked_until - now + 59) / 60;

		spend_a_hash(password);
		rc = err_set(e, ERR_DENIED, "this account is locked for %lld more minute%s after too many wrong passwords",
			     (long long)mins, mins == 1 ? "" : "s");
		goto out;
	}
	if (strlen(password) > AUTH_PASSWORD_MAX ||
	    crypto_pwhash_str_verify(r.password_hash, password, strlen(password)) != 0 ||
	    (code && r.u.has_totp && !auth_totp_matches(r.totp_secret, code, now))) {
		if (++r.u.failed_attempts >= p->lockout_after) {
			r.lockouts++;
			r.u.locked_until = now + lockout_length(p, r.lockouts);
			r.u.failed_attempts = 0;
		}
		rc = auth_row_save(s, &r, e);
		if (rc == 0)
			rc = err_set(e, ERR_DENIED, code ? "wrong username, password or code"
						       : "wrong username or password");
		goto out;
	}
	if (r.u.disabled) {
		rc = err_set(e, ERR_DENIED, "this account is disabled; ask an administrator");
		goto out;
	}
	if (r.u.failed_attempts || r.lockouts || r.u.locked_until ||
	    crypto_pwhash_str_needs_rehash(r.password_hash, AUTH_PWHASH_OPSLIMIT, AUTH_PWHASH_MEMLIMIT)) {
		r.u.failed_attempts = 0;
		r.lockouts = 0;
		r.u.locked_until = 0;
		if (crypto_pwhash_str_needs_rehash(r.password_hash, AUTH_PWHASH_OPSLIMIT,
						   AUTH_PWHASH_MEMLIMIT) &&
		    (rc = hash_password(password, r.password_hash, e)) < 0)
			goto out;
		if ((rc = auth_row_save(s, &r, e)) < 0)
			goto out;
	}
	*out = r.u;
	rc = 0;
out:
	sodium_memzero(&r, sizeof(r));
	return rc;
}

int auth_password_check(struct store *s, const struct auth_policy *p, const char *username,
			const char *password, int64_t now, struct auth_user *out, struct err *e)
{
	int rc = ERR_CONFLICT;

	if (!username || !password)
		return err_set(e, ERR_DENIED, "wrong username or password");
	/* Two sign-ins racing on one account: the loser reads again. */
	for (int tries = 0; tries < 3 && rc == ERR_CONFLICT; tries++)
		rc = check_once(s, p, username, password, NULL, now, out, e);
	return rc;
}

int auth_sign_in(struct store *s, const struct auth_policy *p, const char *username,
		 const char *password, const char *code, int64_t now, struct auth_user *out,
		 struct err *e)
{
	int rc = ERR_CONFLICT;

	if (!username || !password)
		return err_set(e, ERR_DENIED, "wrong username, password or code");
	for (int tries = 0; tries < 3 && rc == ERR_CONFLICT; tries++)
		rc = check_once(s, p, username, password, code ? code : "", now, out, e);
	return rc;
}
