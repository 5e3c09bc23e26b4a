/*
 * auth-internal.h - what the auth module's files share (not a public door):
 * the full user row with its secrets, its load and save, and the token
 * helpers.  See auth.h for the manual.
 */
#ifndef ENGAGE_AUTH_INTERNAL_H
#define ENGAGE_AUTH_INTERNAL_H

#include "auth/auth.h"

#include <sodium.h>

/* A user row as stored, secrets included; never leaves auth/. */
struct auth_user_row {
	struct auth_user u;
	char password_hash[crypto_pwhash_STRBYTES];
	char totp_secret[AUTH_TOTP_SECRET_B32];	/* "" when none */
	int lockouts;
};

/* Load by username (NULL: by id); ERR_NOTFOUND when absent. */
int auth_row_load(struct store *s, const char *username, int64_t id, struct auth_user_row *r,
		  struct err *e);
/* Write every column back with the version read (ERR_CONFLICT when stale). */
int auth_row_save(struct store *s, struct auth_user_row *r, struct err *e);
/* Whether `code` is the TOTP code of the base32 secret at `now`, a step
 * either side (auth_totp.c). */
int auth_totp_matches(const char *secret_b32, const char *code, int64_t now);

/* 32 random bytes as base64url without padding into `out` (44 bytes). */
void auth_random_token(char out[AUTH_TOKEN_LEN + 1]);
/* The hex BLAKE2b-256 of a token, as stored (65 bytes). */
void auth_token_hash(const char *token, char hex[65]);

#endif
