/*
 * import-util.c - error wording and small checks the import parsers share
 * (see import-internal.h).
 */
#include "import/import-internal.h"

#include "base/parse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int vcol_err(struct csv *c, struct err *e, int code, long col, const char *fmt,
		    va_list ap)
{
	char msg[ERR_MSG_MAX], where[128];
	const char *h = col >= 0 ? csv_header_name(c, (size_t)col) : NULL;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (col < 0)
		where[0] = '\0';
	else if (h)
		snprintf(where, sizeof(where), "column \"%.80s\": ", h);
	else
		snprintf(where, sizeof(where), "column %ld: ", col + 1);
	return err_set(e, code, "%s: line %ld: %s%s", csv_name(c), csv_line(c), where, msg);
}

int imp_col_err(struct csv *c, struct err *e, int code, size_t col, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vcol_err(c, e, code, (long)col, fmt, ap);
	va_end(ap);
	return rc;
}

int imp_line_err(struct csv *c, struct err *e, int code, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vcol_err(c, e, code, -1, fmt, ap);
	va_end(ap);
	return rc;
}

const char *imp_quote(const char *s, size_t n, char buf[80])
{
	size_t i, o = 0, lim = n > 60 ? 57 : n;

	if (n > 60)	/* back off to a UTF-8 sequence start */
		while (lim > 0 && ((unsigned char)s[lim] & 0xc0) == 0x80)
			lim--;
	buf[o++] = '"';
	for (i = 0; i < lim; i++)
		buf[o++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	if (lim < n) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

const char *imp_basename(const char *path)
{
	const char *b = strrchr(path, '/');

	return b ? b + 1 : path;
}

int imp_is_lsoa_code(const char *s, size_t n)
{
	size_t i;

	if (n != 9 || (s[0] != 'E' && s[0] != 'W') || s[1] != '0' || s[2] != '1')
		return 0;
	for (i = 3; i < 9; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int imp_header_is(const struct csv *c, const char *const *want, size_t n)
{
	size_t i;

	if (csv_header_count(c) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(csv_header_name(c, i), want[i]))
			return 0;
	return 1;
}

/* The plain form first: nearly every coordinate is one, and a string with
 * an 'e' in it is not, so only a refused one is searched for an exponent. */
int imp_parse_microdegrees(const char *s, size_t n, int32_t *out)
{
	const char *e;
	double m, v;
	int64_t x;

	if (parse_microdegrees(s, n, out) == 0)
		return 0;
	e = memchr(s, 'e', n);
	if (!e)
		e = memchr(s, 'E', n);
	if (!e)
		return -1;
	/* mantissa "[-]d[.ddd]", exponent "[-+]dd" within +-20 */
	if (parse_double(s, (size_t)(e - s), &m) < 0)
		return -1;
	e++;
	if (e < s + n && *e == '+')
		e++;
	if (parse_int_range(e, (size_t)(s + n - e), -20, 20, &x) < 0)
		return -1;
	v = m * pow(10.0, (double)x) * 1e6;
	if (!(fabs(v) <= 180e6))
		return -1;
	*out = (int32_t)lround(v);
	return 0;
}

int imp_callback_err(struct csv *c, struct err *e, int rc)
{
	const char *name = csv_name(c);

	if (!e)
		return rc;
	if (!e->msg[0])
		err_set(e, rc, "%s: line %ld: rejected by the importer", name, csv_line(c));
	else if (strncmp(e->msg, name, strlen(name)))
		err_prefix(e, "%s: line %ld", name, csv_line(c));
	return rc;
}
