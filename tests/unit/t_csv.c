/*
 * t_csv.c - the CSV reader on the shapes real files take: BOM and CRLF,
 * quoted commas, doubled quotes and newlines, a missing final newline,
 * line numbers, caps, invalid UTF-8, and records split across read chunks.
 * The whole-record fast path must read every input exactly as the state
 * machine does, whatever the chunk edges.
 */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "import/csv.h"
#include "import/import-internal.h"
#include "test.h"

static int fld_is(const struct csv *c, size_t i, const char *want)
{
	struct csv_field f = csv_field(c, i);

	return f.len == strlen(want) && !memcmp(f.ptr, want, f.len) && f.ptr[f.len] == '\0';
}

TEST(csv_bom_crlf_quotes_from_file)
{
	struct csv *c = NULL;
	struct err e = ERR_INIT;

	CHECK_INT(csv_open_path(test_data("csv-bom-crlf.csv"), NULL, &c, &e), 0);
	if (!c)
		return;
	CHECK_INT(csv_read_header(c, &e), 0);
	CHECK_INT(csv_header_count(c), 3);
	CHECK_STR(csv_header_name(c, 0), "Crime ID");	/* BOM gone */
	CHECK_INT(csv_column(c, "Month"), 1);
	CHECK_INT(csv_column(c, "month"), -1);	/* exact names only */
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_line(c), 2);
	CHECK_INT(csv_nfields(c), 3);
	CHECK(fld_is(c, 0, ""));
	CHECK(fld_is(c, 1, "2019-01"));
	CHECK(fld_is(c, 2, "Smith, \"Jo\""));
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_line(c), 3);
	CHECK(fld_is(c, 2, "two\r\nlines"));
	CHECK_INT(csv_next(c, &e), 0);
	CHECK_INT(csv_next(c, &e), 0);
	csv_free(c);
}

TEST(csv_no_final_newline_and_empty_fields)
{
	const char *s = "a,b,c\n,,\n\"\",x,\n1,2,3";
	struct csv *c = csv_open_mem(s, strlen(s), "mem.csv", NULL);
	struct err e = ERR_INIT;

	CHECK_INT(csv_read_header(c, &e), 0);
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_nfields(c), 3);
	CHECK(fld_is(c, 0, "") && fld_is(c, 1, "") && fld_is(c, 2, ""));
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_nfields(c), 3);
	CHECK(fld_is(c, 1, "x") && fld_is(c, 2, ""));
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_line(c), 4);
	CHECK(fld_is(c, 2, "3"));
	CHECK_INT(csv_next(c, &e), 0);
	csv_free(c);

	c = NULL;
	CHECK_INT(csv_open_path(test_data("csv-no-final-newline.csv"), NULL, &c, &e), 0);
	if (c) {
		CHECK_INT(csv_read_header(c, &e), 0);
		CHECK_INT(csv_next(c, &e), 1);
		CHECK_INT(csv_next(c, &e), 1);
		CHECK(fld_is(c, 0, "3") && fld_is(c, 1, "4"));
		CHECK_INT(csv_next(c, &e), 0);
		csv_free(c);
	}
}

TEST(csv_line_numbers_count_embedded_newlines_and_blank_lines)
{
	const char *s = "h1,h2\n\"a\nb\nc\",1\n\n\r\nx,2\r\ny,\"3\"";
	struct csv *c = csv_open_mem(s, strlen(s), "mem.csv", NULL);
	struct err e = ERR_INIT;

	CHECK_INT(csv_read_header(c, &e), 0);
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_line(c), 2);
	CHECK(fld_is(c, 0, "a\nb\nc"));
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_line(c), 7);	/* lines 5 and 6 are blank */
	CHECK(fld_is(c, 0, "x"));
	CHECK_INT(csv_next(c, &e), 1);	/* lone CR ended line 7 */
	CHECK_INT(csv_line(c), 8);
	CHECK(fld_is(c, 1, "3"));
	CHECK_INT(csv_next(c, &e), 0);
	csv_free(c);
}

TEST(csv_invalid_utf8_names_line_and_column)
{
	struct csv *c = NULL;
	struct err e = ERR_INIT;
	int rc;

	CHECK_INT(csv_open_path(test_data("csv-bad-utf8.csv"), NULL, &c, &e), 0);
	if (!c)
		return;
	CHECK_INT(csv_read_header(c, &e), 0);
	CHECK_INT(csv_next(c, &e), 1);
	CHECK_INT(csv_next(c, &e), 1);	/* "café" in valid UTF-8 is fine */
	CHECK(fld_is(c, 1, "caf\xc3\xa9"));
	rc = csv_next(c, &e);
	CHECK_INT(rc, ERR_INVALID);
	CHECK_STR(e.msg, "csv-bad-utf8.csv: line 4: column \"b\": invalid UTF-8 at byte 4 of the field");
	/* sticky */
	err_clear(&e);
	CHECK_INT(csv_next(c, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "line 4");
	csv_free(c);
}

TEST(csv_malformed_quotes_and_caps)
{
	struct {
		const char *in, *msg;
	} bad[] = {
		{ "a,b\n1,x\"y\n", "mem.csv: line 2: column \"b\": quote inside an unquoted field" },
		{ "a,b\n1,\"x\"y\n", "mem.csv: line 2: column \"b\": unexpected character after a closing quote" },
		{ "a,b\n1,\"x\n\n", "mem.csv: line 2: column \"b\": quoted field is not closed" },
		{ "a,b\n1,\"0123456789abcdef0\"\n", "mem.csv: line 2: column \"b\": field longer than 16 bytes" },
		{ "a,b\n1,2,3,4,5\n", "mem.csv: line 2: more than 4 fields" },
		{ "a,b\n1,x\0y\n", "mem.csv: line 2: column \"b\": NUL byte at byte 2" },
	};
	struct csv_limits lim = { 16, 64, 4 };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t n = strlen(bad[i].in);
		struct csv *c;
		struct err e = ERR_INIT;
		int rc;

		if (i == 5)
			n = 11;	/* the NUL case */
		c = csv_open_mem(bad[i].in, n, "mem.csv", &lim);
		CHECK_INT(csv_read_header(c, &e), 0);
		rc = csv_next(c, &e);
		CHECK(rc < 0);
		CHECK_CONTAINS(e.msg, bad[i].msg);
		csv_free(c);
	}
	{
		struct err e = ERR_INIT;
		struct csv *c = csv_open_mem("", 0, "empty.csv", NULL);

		CHECK_INT(csv_read_header(c, &e), ERR_INVALID);
		CHECK_STR(e.msg, "empty.csv: empty file, expected a header");
		csv_free(c);
	}
}

/* A NUL inside a quoted field, after a line break in it: reported on the
 * NUL's own line, wherever the reads happen to end. */
TEST(csv_nul_after_a_quoted_line_break_names_its_own_line)
{
	static const char in[] = "a,b\n1,\"x\ny\0z\"\n";

	for (size_t chunk = 3; chunk <= 20; chunk++) {
		struct csv *c = csv_open_mem(in, sizeof(in) - 1, "mem.csv", NULL);
		struct err e = ERR_INIT;

		csv_test_tune(c, chunk, 1);
		CHECK_INT(csv_read_header(c, &e), 0);
		CHECK(csv_next(c, &e) < 0);
		CHECK_CONTAINS(e.msg, "mem.csv: line 3: column \"b\": NUL byte at byte 4 of the field");
		csv_free(c);
	}
}

/* Records long enough to straddle the 64 KiB read chunks, through a FILE*,
 * must come out exactly as written. */
TEST(csv_records_across_chunks)
{
	char path[512];
	FILE *fp;
	struct csv *c;
	struct err e = ERR_INIT;
	long i, n = 0, bad = 0;

	snprintf(path, sizeof(path), "%s/big.csv", test_tmpdir());
	fp = fopen(path, "wb");
	if (!fp) {
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs("\xef\xbb\xbfid,text,tail\r\n", fp);
	for (i = 0; i < 20000; i++)
		fprintf(fp, "%ld,\"row %ld, with \"\"quotes\"\"\r\nand a newline\",%s\r\n", i, i,
			i % 3 ? "x" : "");
	fclose(fp);
	fp = fopen(path, "rb");
	c = csv_open_file(fp, "big.csv", NULL);
	CHECK_INT(csv_read_header(c, &e), 0);
	while (csv_next(c, &e) > 0) {
		char want[128];

		snprintf(want, sizeof(want), "row %ld, with \"quotes\"\r\nand a newline", n);
		if (!fld_is(c, 1, want) || csv_line(c) != 2 + 2 * n ||
		    !fld_is(c, 2, n % 3 ? "x" : ""))
			bad++;
		n++;
	}
	CHECK_INT(e.code, 0);
	CHECK_INT(n, 20000);
	CHECK_INT(bad, 0);
	csv_free(c);
	fclose(fp);
}

/* Buffers are reused: once warmed up, reading more records allocates
 * nothing (the hot path of a 6-million-row import). */
TEST(csv_no_allocation_per_record)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv *c;
	struct err e = ERR_INIT;
	long i, n = 0;

	strbuf_addstr(&sb, "a,b,c\n");
	for (i = 0; i < 5000; i++)
		strbuf_addf(&sb, "%ld,\"quoted, %ld\",caf\xc3\xa9\r\n", i, i * 7);
	c = csv_open_mem(sb.buf, sb.len, "mem.csv", NULL);
	CHECK_INT(csv_read_header(c, &e), 0);
	CHECK_INT(csv_next(c, &e), 1);
	xalloc_fail_at(0);	/* resets the count */
	while (csv_next(c, &e) > 0)
		n++;
	CHECK_INT(xalloc_count(), 0);
	CHECK_INT(n, 4999);
	csv_free(c);
	strbuf_release(&sb);
}

/* Everything a reader hands out for an input, in one string: each record's
 * line and fields, then the final code and message. */
static void dump(const char *in, size_t n, const struct csv_limits *lim, size_t chunk,
		 int fast, int file, struct strbuf *out)
{
	FILE *fp = NULL;
	struct csv *c;
	struct err e = ERR_INIT;
	size_t i;
	int rc;

	if (file) {	/* the fast path ends fields in the read buffer */
		fp = tmpfile();
		if (!fp || fwrite(in, 1, n, fp) != n || fseek(fp, 0, SEEK_SET)) {
			strbuf_addstr(out, "cannot write a temporary file\n");
			return;
		}
		c = csv_open_file(fp, "mem.csv", lim);
	} else {
		c = csv_open_mem(in, n, "mem.csv", lim);
	}
	csv_test_tune(c, chunk, fast);
	while ((rc = csv_next(c, &e)) > 0) {
		strbuf_addf(out, "%ld:", csv_line(c));
		for (i = 0; i < csv_nfields(c); i++) {
			struct csv_field f = csv_field(c, i);

			strbuf_addf(out, "[%zu]", f.len);
			strbuf_add(out, f.ptr, f.len);
			strbuf_addstr(out, f.ptr[f.len] ? "<not NUL-terminated>" : "|");
		}
		strbuf_addch(out, '\n');
	}
	strbuf_addf(out, "rc %d %s\n", rc, rc < 0 ? e.msg : "");
	csv_free(c);
	if (fp)
		fclose(fp);
}

/* Each input read whole with the fast path must match the state machine
 * alone, and both must match at every chunk size: records straddling the
 * edge, a CR last in a chunk with its LF first in the next, quotes, NULs,
 * invalid UTF-8 and every limit. */
TEST(csv_fast_path_matches_the_state_machine_at_every_chunk_edge)
{
	static const struct {
		const char *in;
		size_t n;	/* 0: strlen */
	} cases[] = {
		{ "a,b,c\r\n1,22,333\r\n4444,55555,666666\r\n,,\r\n", 0 },
		{ "\xef\xbb\xbf" "a,b\r1,2\r3,4\r\r\n5,6", 0 },
		{ "a,b\n\n\r\n1,2\n\n3,\"x,\"\"y\"\"\r\nz\"\n4,5\n", 0 },
		{ "a,b\n1,x\"y\n2,3\n", 0 },
		{ "a,b\n1,\"x\"y\n", 0 },
		{ "a,b\n1,\"x\n\n", 0 },
		{ "a,b\n1,x\0y\n", 11 },
		{ "a,b\nabcdefghijklmnopqrstuvwxyz,\0\n", 33 },
		{ "a,b\n1,caf\xc3\xa9\n2,caf\xe9\n", 0 },
		{ "a,b\n0123456789abcdef,0123456789abcdefg\n", 0 },
		{ "a,b\n0123456789abcdef,0123456789abcdef,0123456789abcdef,0123456789abcdef,x\n", 0 },
		{ "a,b\n1,2,3,4,5\n1,2,3,4\n", 0 },
		{ "a,b\n1,2,3,4,\n", 0 },
		{ "a,b\n,,,,\n", 0 },
		{ "a\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,\n", 0 },
		{ "a,b\n" "0123456789,0123456789,0123456789,01234567\r\n"
		  "0123456789,0123456789,0123456789,01234567\n", 0 },
		{ "Crime ID,Month,LSOA\n"
		  "2d8e45f6925dc4a159a08764cb5ed9af404e952f8c15989304403d525bdc3ffc,2026-07,E01002114\n"
		  ",2026-07,E01003732\r\n\"quoted\",2026-07,\r\n", 0 },
	};
	struct csv_limits small = { 16, 64, 4 };
	size_t i, chunk;
	int bad = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = cases[i].n ? cases[i].n : strlen(cases[i].in);
		int l;

		for (l = 0; l < 2; l++) {
			const struct csv_limits *lim = l ? &small : NULL;
			struct strbuf want = STRBUF_INIT;

			dump(cases[i].in, n, lim, 0, 0, 0, &want);
			for (chunk = 0; chunk <= n + 1; chunk++) {
				struct strbuf fast = STRBUF_INIT, slow = STRBUF_INIT, file = STRBUF_INIT;

				dump(cases[i].in, n, lim, chunk, 1, 0, &fast);
				dump(cases[i].in, n, lim, chunk, 0, 0, &slow);
				dump(cases[i].in, n, lim, chunk, 1, 1, &file);
				strbuf_add(&fast, file.buf, file.len);
				strbuf_add(&slow, want.buf, want.len);
				if (fast.len != 2 * want.len || memcmp(fast.buf, want.buf, want.len) ||
				    memcmp(fast.buf + want.len, want.buf, want.len) ||
				    slow.len != 2 * want.len || memcmp(slow.buf, want.buf, want.len)) {
					test_fail(__FILE__, __LINE__, "case %zu, limits %d, chunk %zu:\n%s--- fast path, memory then file:\n%s",
						  i, l, chunk, want.buf, fast.buf);
					bad = 1;
				}
				strbuf_release(&fast);
				strbuf_release(&slow);
				strbuf_release(&file);
				if (bad)
					break;
			}
			strbuf_release(&want);
		}
	}
	CHECK_INT(bad, 0);
}

/* Plain unquoted rows through a FILE*, sized so that rows, and a CRLF,
 * straddle the 64 KiB read chunks at many different offsets. */
TEST(csv_unquoted_records_across_chunks)
{
	char path[512];
	FILE *fp;
	struct csv *c;
	struct err e = ERR_INIT;
	long i, n = 0, bad = 0;

	snprintf(path, sizeof(path), "%s/plain.csv", test_tmpdir());
	fp = fopen(path, "wb");
	if (!fp) {
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs("id,text,tail\r\n", fp);
	for (i = 0; i < 30000; i++)
		fprintf(fp, "%ld,row %ld %.*s caf\xc3\xa9,%s\r\n", i, i, (int)(i % 37),
			"du pain et du beurre et du fromage et", i % 3 ? "x" : "");
	fclose(fp);
	fp = fopen(path, "rb");
	c = csv_open_file(fp, "plain.csv", NULL);
	CHECK_INT(csv_read_header(c, &e), 0);
	while (csv_next(c, &e) > 0) {
		char want[128], id[32];

		snprintf(id, sizeof(id), "%ld", n);
		snprintf(want, sizeof(want), "row %ld %.*s caf\xc3\xa9", n, (int)(n % 37),
			 "du pain et du beurre et du fromage et");
		if (csv_nfields(c) != 3 || !fld_is(c, 0, id) || !fld_is(c, 1, want) ||
		    csv_line(c) != 2 + n || !fld_is(c, 2, n % 3 ? "x" : ""))
			bad++;
		n++;
	}
	CHECK_INT(e.code, 0);
	CHECK_INT(n, 30000);
	CHECK_INT(bad, 0);
	csv_free(c);
	fclose(fp);
}
