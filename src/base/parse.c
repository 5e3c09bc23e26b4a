/*
 * parse.c - strict bounded parsers (see parse.h).
 */
#include "base/parse.h"

#include <string.h>

int parse_int64(const char *s, size_t n, int64_t *out)
{
	uint64_t v = 0, limit = INT64_MAX;
	size_t i = 0;
	int neg = 0;

	if (n && s[0] == '-') {
		neg = 1;
		limit = (uint64_t)INT64_MAX + 1;
		i = 1;
	}
	if (i == n)
		return -1;
	for (; i < n; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d > 9 || v > (limit - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

int parse_int_range(const char *s, size_t n, int64_t min, int64_t max, int64_t *out)
{
	int64_t v;

	if (parse_int64(s, n, &v) < 0 || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Digits before and after the point, as integer parts; the shared core of
 * parse_double and parse_microdegrees. */
static int parse_decimal(const char *s, size_t n, int *neg, uint64_t *ip,
			 uint64_t *fp, int *fdigits)
{
	size_t i = 0;
	int seen = 0;

	*neg = 0;
	*ip = *fp = 0;
	*fdigits = 0;
	if (n && (s[0] == '-' || s[0] == '+')) {
		*neg = s[0] == '-';
		i = 1;
	}
	for (; i < n && s[i] != '.'; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d > 9 || *ip > 1000000000000ULL)
			return -1;
		*ip = *ip * 10 + d;
		seen = 1;
	}
	if (i < n) {
		i++;	/* the point */
		for (; i < n; i++) {
			unsigned d = (unsigned char)s[i] - '0';
			if (d > 9)
				return -1;
			if (*fdigits < 18) {
				*fp = *fp * 10 + d;
				(*fdigits)++;
			}
			seen = 1;
		}
	}
	return seen ? 0 : -1;
}

int parse_double(const char *s, size_t n, double *out)
{
	uint64_t ip, fp;
	int neg, fd;
	double scale = 1;

	if (parse_decimal(s, n, &neg, &ip, &fp, &fd) < 0)
		return -1;
	for (int i = 0; i < fd; i++)
		scale *= 10;
	*out = ((double)ip + (double)fp / scale) * (neg ? -1 : 1);
	return 0;
}

int parse_microdegrees(const char *s, size_t n, int32_t *out)
{
	uint64_t ip, fp, micro;
	int neg, fd;

	if (parse_decimal(s, n, &neg, &ip, &fp, &fd) < 0 || ip > 180)
		return -1;
	while (fd > 7) {
		fp /= 10;
		fd--;
	}
	if (fd == 7) {
		fp = (fp + 5) / 10;	/* round the seventh decimal */
		fd = 6;
	}
	while (fd < 6) {
		fp *= 10;
		fd++;
	}
	micro = ip * 1000000 + fp;
	*out = neg ? -(int32_t)micro : (int32_t)micro;
	return 0;
}

int parse_month(const char *s, size_t n, int32_t *out)
{
	int64_t y, m;

	if (n != 7 || s[4] != '-' ||
	    parse_int_range(s, 4, 1900, 9999, &y) < 0 ||
	    parse_int_range(s + 5, 2, 1, 12, &m) < 0)
		return -1;
	*out = (int32_t)(y * 12 + m - 1);
	return 0;
}

int parse_police_bool(const char *s, size_t n, int8_t *out)
{
	if (n == 0)
		*out = -1;
	else if (n == 4 && !memcmp(s, "True", 4))
		*out = 1;
	else if (n == 5 && !memcmp(s, "False", 5))
		*out = 0;
	else
		return -1;
	return 0;
}

void format_month(int32_t month, char buf[8])
{
	int y = month / 12, m = month % 12 + 1;

	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '\0';
}
