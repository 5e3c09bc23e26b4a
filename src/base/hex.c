/*
 * hex.c - hex decoding (see hex.h).  Eight digits are checked and turned
 * into four bytes with 64-bit arithmetic (SWAR) rather than eight table
 * look-ups: the byte-range tests add a bias so that the top bit of each
 * byte says "in range" without a carry into its neighbour.
 */
#include "base/hex.h"

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* Little-endian load whatever the host: a single load on x86 and ARM. */
static inline uint64_t load_le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	       (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* Eight digits -> four bytes; -1 if any is not a hex digit. */
static inline int hex8(const unsigned char *s, uint8_t *out)
{
	uint64_t w = load_le64(s), y = w | 0x20 * ONES;	/* letters to lower case */
	/* Bytes below 0x80 plus at most 0x50 cannot carry; a byte of 0x80 or
	 * more fails the first test whatever its neighbours got. */
	uint64_t digit = (w + (0x80 - '0') * ONES) & ~(w + (0x7f - '9') * ONES);
	uint64_t letter = (y + (0x80 - 'a') * ONES) & ~(y + (0x7f - 'f') * ONES);
	uint64_t nib, t;

	if ((w & HIGH) || ((digit | letter) & HIGH) != HIGH)
		return -1;
	/* '0'-'9' are 0x30-0x39 and 'a'-'f'/'A'-'F' 0x61-0x66/0x41-0x46. */
	nib = (w & 0x0f * ONES) + ((letter & HIGH) >> 7) * 9;
	/* Pairs of nibbles (first digit in the lower byte) into bytes, then
	 * the four bytes together. */
	t = (nib & UINT64_C(0x00ff00ff00ff00ff)) << 4 | (nib >> 8 & UINT64_C(0x00ff00ff00ff00ff));
	t = (t | t >> 8) & UINT64_C(0x0000ffff0000ffff);
	t = (t | t >> 16) & UINT64_C(0xffffffff);
	out[0] = (uint8_t)t;
	out[1] = (uint8_t)(t >> 8);
	out[2] = (uint8_t)(t >> 16);
	out[3] = (uint8_t)(t >> 24);
	return 0;
}

static int hex_value(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch |= 0x20;
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

int hex_decode(const char *s, size_t n, uint8_t *out)
{
	const unsigned char *p = (const unsigned char *)s;
	int bad = 0;

	if (n % 2)
		return -1;
	for (; n >= 8; n -= 8, p += 8, out += 4)
		bad |= hex8(p, out);
	for (; n; n -= 2, p += 2) {
		int hi = hex_value(p[0]), lo = hex_value(p[1]);

		bad |= (hi | lo) < 0 ? -1 : 0;
		*out++ = (uint8_t)((hi & 15) << 4 | (lo & 15));
	}
	return bad ? -1 : 0;
}
