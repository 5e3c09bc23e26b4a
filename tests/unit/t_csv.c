/*
 * t_csv.c - the CSV reader on the shapes real files take: BOM and CRLF,
 * quoted commas, doubled quotes and newlines, a missing final newline,
 * line numbers, caps, invalid UTF-8, and records split across read chunks.
 */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "import/csv.h"
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
