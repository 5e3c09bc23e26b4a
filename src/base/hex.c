/*
 * hex.c - hex decoding (see hex.h).  Sixteen digits at a time with SSE2
 * where there is SSE2 (every x86-64), else eight with 64-bit arithmetic
 * (SWAR), rather than a table look-up per digit: a crime id is checked on
 * import and converted again when packed, six million times a year.
 */
#include "base/hex.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* Little-endian load whatever the host: a single load on x86 and ARM. */
static inline uint64_t load_le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	       (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

#if defined(__SSE2__)
/* Nibble values of 16 digits, each in its byte; *bad gets a bit for each
 * byte that is not a digit.  Signed compares: bytes of 0x80 and up are
 * negative and fall outside both ranges. */
static inline __m128i nibbles16(const unsigned char *s, unsigned *bad)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i y = _mm_or_si128(v, _mm_set1_epi8(0x20));	/* letters to lower case */
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
				      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(y, _mm_set1_epi8('a' - 1)),
				       _mm_cmplt_epi8(y, _mm_set1_epi8('f' + 1)));

	*bad |= (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, letter)) ^ 0xffffu;
	/* '0'-'9' are 0x30-0x39, 'a'-'f' 0x61-0x66, 'A'-'F' 0x41-0x46 */
	return _mm_add_epi8(_mm_and_si128(v, _mm_set1_epi8(0x0f)),
			    _mm_and_si128(letter, _mm_set1_epi8(9)));
}

/* 32 digits -> 16 bytes: in each 16-bit lane the first digit is the low
 * byte; (low << 4 | high) lands in the low byte, and packing the lanes
 * keeps the low bytes. */
static inline unsigned hex32(const unsigned char *s, uint8_t *out)
{
	unsigned bad = 0;
	__m128i a = nibbles16(s, &bad), b = nibbles16(s + 16, &bad);
	__m128i lo = _mm_set1_epi16(0xff);

	a = _mm_and_si128(_mm_or_si128(_mm_slli_epi16(a, 4), _mm_srli_epi16(a, 8)), lo);
	b = _mm_and_si128(_mm_or_si128(_mm_slli_epi16(b, 4), _mm_srli_epi16(b, 8)), lo);
	_mm_storeu_si128((__m128i *)(void *)out, _mm_packus_epi16(a, b));
	return bad;
}
#endif

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
#if defined(__SSE2__)
	for (; n >= 32; n -= 32, p += 32, out += 16)
		bad |= hex32(p, out) ? -1 : 0;
#endif
	for (; n >= 8; n -= 8, p += 8, out += 4)
		bad |= hex8(p, out);
	for (; n; n -= 2, p += 2) {
		int hi = hex_value(p[0]), lo = hex_value(p[1]);

		bad |= (hi | lo) < 0 ? -1 : 0;
		*out++ = (uint8_t)((hi & 15) << 4 | (lo & 15));
	}
	return bad ? -1 : 0;
}
