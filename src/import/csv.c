/*
 * csv.c - the streaming RFC 4180 reader (see csv.h).
 *
 * One resumable state machine runs over an input chunk (a 64 KiB read
 * buffer, or the caller's memory in one piece).  Field bytes are copied
 * into one reused record buffer, each followed by a NUL, so a field that
 * straddles two chunks needs no special case and callers get C strings.
 * Unquoted runs are scanned with a byte-class table and quoted runs with
 * memchr; UTF-8 is checked once per record, with an ASCII fast path.
 *
 * Most records (every police.uk row) lie whole in the chunk and have no
 * quote: next_fast() finds their commas and line end 16 bytes at a time
 * and turns the commas into the NULs that end the fields, in the read
 * buffer itself (a FILE*) or in one memcpy of the record (memory, which
 * is the caller's).  Whatever it is not sure of, it leaves untouched to the
 * state machine, so every error and its message come from one place.
 */
#include "import/csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"
#include "base/xalloc.h"
#include "import/import-internal.h"

#define CSV_CHUNK 65536

enum { S_START, S_UNQUOTED, S_QUOTED, S_QUOTE_SEEN };

struct csv {
	char *name;
	FILE *fp;
	int own_fp;
	unsigned char *chunk;	/* read buffer (FILE* mode) */
	const unsigned char *p, *end;
	const unsigned char *mem_end;	/* memory mode: end of the caller's buffer */
	size_t chunk_size;	/* bytes per read; tests make it small */
	int no_fast;		/* tests: the state machine only */
	int more;		/* more input may follow the current chunk */
	int bom_checked;
	int pending_cr;		/* a CR ended a line: skip one LF next */
	long line;		/* physical line at the cursor */
	long rec_line;

	char *rec;
	size_t rec_len, rec_cap, field_start;
	size_t *off;		/* start of each field in rec */
	struct csv_field *fields;
	size_t nfields, fields_cap;

	struct csv_limits lim;
	int failed;
	char failed_msg[ERR_MSG_MAX];

	char **hdr;
	size_t nhdr;
};

/* Bytes that end an unquoted run (NUL is refused there). */
static const unsigned char special[256] = {
	[','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1, ['\0'] = 1,
};

static struct csv *csv_new(const char *name, const struct csv_limits *lim)
{
	static const struct csv_limits def = CSV_LIMITS_DEFAULT;
	struct csv *c = xcalloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->name = xstrdup(name ? name : "input");
	if (!c->name) {
		xfree(c);
		return NULL;
	}
	c->lim = lim ? *lim : def;
	c->chunk_size = CSV_CHUNK;
	c->line = 1;
	c->rec_line = 1;
	return c;
}

struct csv *csv_open_file(FILE *fp, const char *name, const struct csv_limits *lim)
{
	struct csv *c = csv_new(name, lim);

	if (!c)
		return NULL;
	c->chunk = xmalloc(CSV_CHUNK);
	if (!c->chunk) {
		csv_free(c);
		return NULL;
	}
	c->fp = fp;
	c->more = 1;
	c->p = c->end = c->chunk;
	return c;
}

struct csv *csv_open_mem(const void *buf, size_t len, const char *name,
			 const struct csv_limits *lim)
{
	struct csv *c = csv_new(name, lim);

	if (!c)
		return NULL;
	c->p = buf;
	c->end = c->mem_end = c->p + len;
	c->more = 0;
	return c;
}

void csv_test_tune(struct csv *c, size_t chunk, int fast)
{
	if (chunk == 0 || chunk > CSV_CHUNK)
		chunk = CSV_CHUNK;
	if (chunk < 3)	/* the BOM is looked for in the first chunk */
		chunk = 3;
	c->chunk_size = chunk;
	c->no_fast = !fast;
	if (!c->fp && (size_t)(c->end - c->p) > chunk) {	/* memory: hand it out in pieces */
		c->end = c->p + chunk;
		c->more = 1;
	}
}

int csv_open_path(const char *path, const struct csv_limits *lim, struct csv **out,
		  struct err *e)
{
	const char *base = strrchr(path, '/');
	FILE *fp;

	*out = NULL;
	fp = fopen(path, "rb");
	if (!fp)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			       "cannot open \"%s\": %s", path, strerror(errno));
	*out = csv_open_file(fp, base ? base + 1 : path, lim);
	if (!*out) {
		fclose(fp);
		return err_set(e, ERR_NOMEM, "out of memory opening \"%s\"", path);
	}
	(*out)->own_fp = 1;
	return 0;
}

void csv_free(struct csv *c)
{
	size_t i;

	if (!c)
		return;
	if (c->own_fp && c->fp)
		fclose(c->fp);
	for (i = 0; i < c->nhdr; i++)
		xfree(c->hdr[i]);
	xfree(c->hdr);
	xfree(c->chunk);
	xfree(c->rec);
	xfree(c->off);
	xfree(c->fields);
	xfree(c->name);
	xfree(c);
}

size_t csv_nfields(const struct csv *c) { return c->nfields; }
const struct csv_field *csv_fields(const struct csv *c) { return c->fields; }
long csv_line(const struct csv *c) { return c->rec_line; }
const char *csv_name(const struct csv *c) { return c->name; }
size_t csv_header_count(const struct csv *c) { return c->nhdr; }

struct csv_field csv_field(const struct csv *c, size_t i)
{
	struct csv_field none = { "", 0 };

	return i < c->nfields ? c->fields[i] : none;
}

const char *csv_header_name(const struct csv *c, size_t i)
{
	return i < c->nhdr ? c->hdr[i] : NULL;
}

long csv_column(const struct csv *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nhdr; i++)
		if (!strcmp(c->hdr[i], name))
			return (long)i;
	return -1;
}

/* "column "Month"" when the header names it, else "column 3". */
static const char *col_desc(const struct csv *c, size_t i, char *buf, size_t n)
{
	if (i < c->nhdr)
		snprintf(buf, n, "column \"%.80s\"", c->hdr[i]);
	else
		snprintf(buf, n, "column %zu", i + 1);
	return buf;
}

/* Record an error and make it sticky. */
static int fail(struct csv *c, struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail(struct csv *c, struct err *e, int code, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->failed = code;
	snprintf(c->failed_msg, sizeof(c->failed_msg), "%s: %s", c->name, msg);
	return err_set(e, code, "%s", c->failed_msg);
}

/* 1 when bytes are ready, 0 at the end, <0 on a read error. */
static int refill(struct csv *c, struct err *e)
{
	size_t n;

	if (!c->more)
		return 0;
	if (!c->fp) {	/* memory split by csv_test_tune() */
		c->p = c->end;
		c->end = (size_t)(c->mem_end - c->p) > c->chunk_size ? c->p + c->chunk_size
								     : c->mem_end;
		c->more = c->end < c->mem_end;
		return 1;
	}
	n = fread(c->chunk, 1, c->chunk_size, c->fp);
	if (n == 0) {
		c->more = 0;
		if (ferror(c->fp))
			return fail(c, e, ERR_IO, "line %ld: read error", c->line);
		return 0;
	}
	c->p = c->chunk;
	c->end = c->chunk + n;
	return 1;
}

static int rec_grow(struct csv *c, size_t want, struct err *e)
{
	size_t cap;
	char *nb;

	cap = c->rec_cap ? c->rec_cap : 1024;
	while (cap < want)
		cap *= 2;
	nb = xrealloc(c->rec, cap);
	if (!nb)
		return fail(c, e, ERR_NOMEM, "line %ld: out of memory for a record", c->rec_line);
	c->rec = nb;
	c->rec_cap = cap;
	return 0;
}

static inline int rec_reserve(struct csv *c, size_t extra, struct err *e)
{
	size_t want = c->rec_len + extra + 1;

	return want <= c->rec_cap ? 0 : rec_grow(c, want, e);
}

static inline int rec_add(struct csv *c, const unsigned char *s, size_t n, struct err *e)
{
	char cd[128];

	if (n == 0)
		return 0;
	if (c->rec_len + n - c->field_start > c->lim.max_field)
		return fail(c, e, ERR_LIMIT, "line %ld: %s: field longer than %zu bytes",
			    c->rec_line, col_desc(c, c->nfields, cd, sizeof(cd)), c->lim.max_field);
	if (c->rec_len + n > c->lim.max_record)
		return fail(c, e, ERR_LIMIT, "line %ld: record longer than %zu bytes",
			    c->rec_line, c->lim.max_record);
	if (rec_reserve(c, n, e) < 0)
		return ERR_NOMEM;
	memcpy(c->rec + c->rec_len, s, n);
	c->rec_len += n;
	return 0;
}

static int fields_grow(struct csv *c, struct err *e)
{
	size_t cap = c->fields_cap ? c->fields_cap * 2 : 32;
	size_t *no = xreallocarray(c->off, cap, sizeof(*no));
	struct csv_field *nf;

	if (!no)
		return fail(c, e, ERR_NOMEM, "line %ld: out of memory", c->rec_line);
	c->off = no;
	nf = xreallocarray(c->fields, cap, sizeof(*nf));
	if (!nf)
		return fail(c, e, ERR_NOMEM, "line %ld: out of memory", c->rec_line);
	c->fields = nf;
	c->fields_cap = cap;
	return 0;
}

static inline int end_field(struct csv *c, struct err *e)
{
	if (c->nfields >= c->lim.max_fields)
		return fail(c, e, ERR_LIMIT, "line %ld: more than %zu fields", c->rec_line,
			    c->lim.max_fields);
	if (c->nfields == c->fields_cap && fields_grow(c, e) < 0)
		return ERR_NOMEM;
	if (rec_reserve(c, 0, e) < 0)
		return ERR_NOMEM;
	c->off[c->nfields] = c->field_start;
	c->fields[c->nfields].len = c->rec_len - c->field_start;
	c->nfields++;
	c->rec[c->rec_len++] = '\0';
	c->field_start = c->rec_len;
	return 0;
}

/* Any byte >= 0x80 in [s, s+n)?  Eight at a time. */
static int has_high_bit(const unsigned char *s, size_t n)
{
	uint64_t acc = 0, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= w;
	}
	for (; i < n; i++)
		acc |= s[i];
	return (acc & UINT64_C(0x8080808080808080)) != 0;
}

/* Point the spans into the record at base (rec, or the chunk for the fast
 * path); when the record has any non-ASCII byte, check each field is
 * UTF-8.  (NUL bytes were refused while scanning.) */
static int finish_record(struct csv *c, const char *base, struct err *e)
{
	size_t i;
	int check = has_high_bit((const unsigned char *)base, c->rec_len);

	for (i = 0; i < c->nfields; i++) {
		const char *s = base + c->off[i];
		size_t n = c->fields[i].len, bad;

		c->fields[i].ptr = s;
		if (!check || (bad = utf8_check(s, n)) >= n)
			continue;
		{
			char cd[128];
			long line = c->rec_line;
			const char *q;

			for (q = base; q < s + bad; q++)
				line += *q == '\n';
			return fail(c, e, ERR_INVALID, "line %ld: %s: invalid UTF-8 at byte %zu of the field",
				    line, col_desc(c, i, cd, sizeof(cd)), bad + 1);
		}
	}
	return 1;
}

static int nul_byte(struct csv *c, struct err *e, size_t at_in_field)
{
	char cd[128];

	return fail(c, e, ERR_INVALID, "line %ld: %s: NUL byte at byte %zu of the field", c->line,
		    col_desc(c, c->nfields, cd, sizeof(cd)), at_in_field + 1);
}

/* Field `nf` of a fast record spans [start, stop) of it: note it, or 0 when
 * a limit is reached (the state machine will say which). */
static inline int fast_field(struct csv *c, size_t nf, size_t start, size_t stop, struct err *e)
{
	if (nf >= c->lim.max_fields || stop - start > c->lim.max_field)
		return 0;
	if (nf == c->fields_cap && fields_grow(c, e) < 0)
		return ERR_NOMEM;
	c->off[nf] = start;
	c->fields[nf].len = stop - start;
	return 1;
}

/*
 * Read a record that lies whole in the chunk with no quote or NUL and
 * within every limit: 1 when done, 0 having consumed nothing when the
 * record is anything else, <0 on allocation failure.  The cursor is at a
 * record's first byte (BOM and a CR's LF already dealt with).
 */
static int next_fast(struct csv *c, struct err *e)
{
	const unsigned char *s = c->p, *q = s, *end = c->end;
	size_t nf = 0, start = 0, len, i;
	char *base;
	unsigned high = 0;
	int rc, cr;

	if (*s == '\n' || *s == '\r')	/* a blank line */
		return 0;
	c->rec_line = c->line;
#if defined(__SSE2__)
	/* Per 16 bytes, one bit mask per class: commas, line ends, and the
	 * bytes that send the record to the state machine. */
	while (end - q >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
		unsigned comma = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
		unsigned eol = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
				     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
		unsigned odd = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
				     _mm_cmpeq_epi8(v, _mm_setzero_si128())));
		unsigned hb = (unsigned)_mm_movemask_epi8(v);
		unsigned upto = 0xffff;	/* the bytes of this record in the block */

		if (eol)
			upto = (1u << __builtin_ctz(eol)) - 1;
		if (odd & upto)
			return 0;
		high |= (hb & upto) ? 0x80u : 0u;
		for (comma &= upto; comma; comma &= comma - 1) {
			size_t at = (size_t)(q - s) + (size_t)__builtin_ctz(comma);

			if ((rc = fast_field(c, nf++, start, at, e)) <= 0)
				return rc;
			start = at + 1;
		}
		if (eol) {
			q += __builtin_ctz(eol);
			goto found;
		}
		q += 16;
	}
#endif
	for (; q < end; q++) {
		if (!special[*q]) {
			high |= *q;
			continue;
		}
		if (*q == '\n' || *q == '\r')
			goto found;
		if (*q != ',')
			return 0;
		if ((rc = fast_field(c, nf++, start, (size_t)(q - s), e)) <= 0)
			return rc;
		start = (size_t)(q - s) + 1;
	}
	return 0;	/* no line end in this chunk */
found:
	len = (size_t)(q - s);
	if (len > c->lim.max_record || (rc = fast_field(c, nf++, start, len, e)) == 0)
		return 0;
	if (rc < 0)
		return rc;
	cr = *q == '\r';	/* before the NUL goes there */
	if (c->fp) {	/* the chunk is ours: end the fields in place */
		base = (char *)c->chunk + (s - c->chunk);
	} else {
		c->rec_len = 0;
		if (rec_reserve(c, len, e) < 0)
			return ERR_NOMEM;
		memcpy(c->rec, s, len);
		base = c->rec;
	}
	c->rec_len = len + 1;
	c->nfields = nf;
	for (i = 0; i < nf; i++) {
		c->fields[i].ptr = base + c->off[i];
		base[c->off[i] + c->fields[i].len] = '\0';	/* the comma, or the line end */
	}
	c->p = q + 1;
	c->line++;
	if (cr) {
		if (c->p < end && *c->p == '\n')
			c->p++;
		else
			c->pending_cr = 1;
	}
	if (high & 0x80)
		return finish_record(c, base, e);
	return 1;
}

int csv_next(struct csv *c, struct err *e)
{
	int st = S_START, any = 0, rc;
	long qline = 0;
	char cd[128];

	if (c->failed)
		return err_set(e, c->failed, "%s", c->failed_msg);
	if (c->pending_cr && c->p < c->end) {	/* as the loop below would */
		c->pending_cr = 0;
		if (*c->p == '\n')
			c->p++;
	}
	if (c->p < c->end && c->bom_checked && !c->pending_cr && !c->no_fast &&
	    (rc = next_fast(c, e)) != 0)
		return rc;
	c->rec_len = 0;
	c->nfields = 0;
	c->field_start = 0;
	for (;;) {
		const unsigned char *q;
		unsigned char ch;

		if (c->p == c->end) {
			rc = refill(c, e);
			if (rc < 0)
				return rc;
			if (rc == 0) {
				if (st == S_QUOTED)
					return fail(c, e, ERR_INVALID,
						    "line %ld: %s: quoted field is not closed at the end of the file",
						    qline, col_desc(c, c->nfields, cd, sizeof(cd)));
				if (!any)
					return 0;
				if ((rc = end_field(c, e)) < 0)
					return rc;
				return finish_record(c, c->rec, e);
			}
		}
		if (!c->bom_checked) {
			c->bom_checked = 1;
			if (c->end - c->p >= 3 && c->p[0] == 0xef && c->p[1] == 0xbb && c->p[2] == 0xbf) {
				c->p += 3;
				continue;
			}
		}
		if (c->pending_cr) {
			c->pending_cr = 0;
			if (*c->p == '\n') {
				c->p++;
				continue;
			}
		}
		switch (st) {
		case S_START:
			ch = *c->p;
			if (!any) {
				if (ch == '\n' || ch == '\r') {	/* a blank line */
					c->p++;
					c->line++;
					c->pending_cr = ch == '\r';
					continue;
				}
				any = 1;
				c->rec_line = c->line;
			}
			if (ch == '"') {
				c->p++;
				qline = c->line;
				st = S_QUOTED;
			} else {
				st = S_UNQUOTED;
			}
			continue;
		case S_UNQUOTED:
			q = c->p;
			while (q < c->end && !special[*q])
				q++;
			if ((rc = rec_add(c, c->p, (size_t)(q - c->p), e)) < 0)
				return rc;
			c->p = q;
			if (q == c->end)
				continue;
			ch = *c->p++;
			break;
		case S_QUOTED:
			q = memchr(c->p, '"', (size_t)(c->end - c->p));
			{
				const unsigned char *stop = q ? q : c->end, *nl = c->p;
				const unsigned char *z = memchr(c->p, 0, (size_t)(stop - c->p));
				const unsigned char *upto = z ? z : stop;

				/* lines before a NUL first, so its line does not depend
				 * on where a read ended */
				while ((nl = memchr(nl, '\n', (size_t)(upto - nl))) != NULL) {
					c->line++;
					nl++;
				}
				if (z)
					return nul_byte(c, e, c->rec_len - c->field_start +
							      (size_t)(z - c->p));
				if ((rc = rec_add(c, c->p, (size_t)(stop - c->p), e)) < 0)
					return rc;
				c->p = stop;
			}
			if (q) {
				c->p++;
				st = S_QUOTE_SEEN;
			}
			continue;
		default:	/* S_QUOTE_SEEN */
			ch = *c->p++;
			if (ch == '"') {
				if ((rc = rec_add(c, &ch, 1, e)) < 0)
					return rc;
				st = S_QUOTED;
				continue;
			}
			if (ch != ',' && ch != '\n' && ch != '\r')
				return fail(c, e, ERR_INVALID,
					    "line %ld: %s: unexpected character after a closing quote",
					    c->line, col_desc(c, c->nfields, cd, sizeof(cd)));
			break;
		}
		/* ch ends the field: ',', '\n', '\r', a stray quote or a NUL */
		if (ch == '\0')
			return nul_byte(c, e, c->rec_len - c->field_start);
		if (ch == '"')
			return fail(c, e, ERR_INVALID,
				    "line %ld: %s: quote inside an unquoted field (quote the whole field and double the quote)",
				    c->line, col_desc(c, c->nfields, cd, sizeof(cd)));
		if ((rc = end_field(c, e)) < 0)
			return rc;
		if (ch == ',') {
			st = S_START;
			continue;
		}
		c->line++;
		c->pending_cr = ch == '\r';
		return finish_record(c, c->rec, e);
	}
}

int csv_read_header(struct csv *c, struct err *e)
{
	size_t i;
	int rc = csv_next(c, e);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return fail(c, e, ERR_INVALID, "empty file, expected a header");
	for (i = 0; i < c->nhdr; i++)
		xfree(c->hdr[i]);
	xfree(c->hdr);
	c->nhdr = 0;
	c->hdr = xcalloc(c->nfields, sizeof(*c->hdr));
	if (!c->hdr)
		return fail(c, e, ERR_NOMEM, "out of memory for the header");
	for (i = 0; i < c->nfields; i++) {
		c->hdr[i] = xstrndup(c->fields[i].ptr, c->fields[i].len);
		if (!c->hdr[i])
			return fail(c, e, ERR_NOMEM, "out of memory for the header");
		c->nhdr = i + 1;
	}
	return 0;
}
