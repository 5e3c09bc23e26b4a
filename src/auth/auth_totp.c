/*
 * auth_totp.c - the TOTP second factor (RFC 6238 over RFC 4226 HOTP):
 * HMAC-SHA1 from nettle (libsodium has no SHA-1), 30-second steps, six
 * digits, one step of clock drift either side.  Secrets are base32.
 */
#include "auth/auth-internal.h"

#include "store/store.h"

#include <nettle/hmac.h>
#include <stdio.h>
#include <string.h>

#define STEP 30
#define KEY_BYTES 20

static const char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static void b32_encode(const unsigned char *in, size_t n, char *out)
{
	size_t bits = 0, o = 0;
	unsigned buf = 0;

	for (size_t i = 0; i < n; i++) {
		buf = (buf << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32_alphabet[(buf >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits)
		out[o++] = b32_alphabet[(buf << (5 - bits)) & 31];
	out[o] = '\0';
}

/* Decodes base32 (upper case, no padding); returns bytes or -1. */
static int b32_decode(const char *in, unsigned char *out, size_t size)
{
	size_t bits = 0, o = 0;
	unsigned buf = 0;

	for (; *in; in++) {
		const char *p = strchr(b32_alphabet, *in);

		if (!p || o >= size)
			return -1;
		buf = (buf << 5) | (unsigned)(p - b32_alphabet);
		bits += 5;
		if (bits >= 8) {
			out[o++] = (unsigned char)(buf >> (bits - 8));
			bits -= 8;
		}
	}
	return (int)o;
}

uint32_t auth_totp_code(const unsigned char *key, size_t key_len, int64_t now, int digits)
{
	struct hmac_sha1_ctx ctx;
	uint8_t msg[8], mac[SHA1_DIGEST_SIZE];
	uint64_t counter = now > 0 ? (uint64_t)now / STEP : 0;
	uint32_t bin, mod = 1;
	int off;

	for (int i = 7; i >= 0; i--, counter >>= 8)
		msg[i] = (uint8_t)(counter & 0xff);
	hmac_sha1_set_key(&ctx, key_len, key);
	hmac_sha1_update(&ctx, sizeof(msg), msg);
	hmac_sha1_digest(&ctx, sizeof(mac), mac);
	off = mac[sizeof(mac) - 1] & 0x0f;
	bin = ((uint32_t)(mac[off] & 0x7f) << 24) | ((uint32_t)mac[off + 1] << 16) |
	      ((uint32_t)mac[off + 2] << 8) | mac[off + 3];
	for (int i = 0; i < digits; i++)
		mod *= 10;
	sodium_memzero(&ctx, sizeof(ctx));
	sodium_memzero(mac, sizeof(mac));
	return bin % mod;
}

int auth_totp_enrol(struct store *s, int64_t user_id, char b32[AUTH_TOTP_SECRET_B32],
		    struct err *e)
{
	struct auth_user_row r;
	unsigned char key[KEY_BYTES];
	int rc;

	if ((rc = auth_row_load(s, NULL, user_id, &r, e)) < 0)
		goto out;
	randombytes_buf(key, sizeof(key));
	b32_encode(key, sizeof(key), r.totp_secret);
	if ((rc = auth_row_save(s, &r, e)) < 0)
		goto out;
	snprintf(b32, AUTH_TOTP_SECRET_B32, "%s", r.totp_secret);
out:
	sodium_memzero(key, sizeof(key));
	sodium_memzero(&r, sizeof(r));
	return rc;
}

int auth_totp_matches(const char *secret_b32, const char *code, int64_t now)
{
	unsigned char key[KEY_BYTES];
	uint32_t want = 0, hit = 0;
	int n;

	if (!code || strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return 0;
	for (int i = 0; i < 6; i++)
		want = want * 10 + (uint32_t)(code[i] - '0');
	n = b32_decode(secret_b32, key, sizeof(key));
	if (!secret_b32[0] || n <= 0)
		return 0;
	for (int64_t d = -1; d <= 1; d++)
		hit |= auth_totp_code(key, (size_t)n, now + d * STEP, 6) == want;
	sodium_memzero(key, sizeof(key));
	return hit != 0;
}

int auth_totp_check(struct store *s, int64_t user_id, const char *code, int64_t now,
		    struct err *e)
{
	struct auth_user_row r;
	int rc;

	if (!code || strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return err_set(e, ERR_DENIED, "the code should be the 6 digits your authenticator shows");
	if ((rc = auth_row_load(s, NULL, user_id, &r, e)) < 0)
		goto out;
	if (!r.totp_secret[0])
		rc = err_set(e, ERR_DENIED, "this account has no second factor set up");
	else if (!auth_totp_matches(r.totp_secret, code, now))
		rc = err_set(e, ERR_DENIED, "wrong or expired code");
out:
	sodium_memzero(&r, sizeof(r));
	return rc;
}
