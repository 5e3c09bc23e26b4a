/*
 * t_base.c - buffers, JSON writer, parsers, time, UTF-8 and hex (src/base).
 */
#include "test.h"

#include "base/bgsync.h"
#include "base/err.h"
#include "base/hex.h"
#include "base/json.h"
#include "base/parallel.h"
#include "base/parse.h"
#include "base/strbuf.h"
#include "base/timeutil.h"
#include "base/utf8.h"
#include "base/xalloc.h"

#include <stdio.h>

TEST(strbuf_appends_and_formats)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "abc");
	strbuf_addch(&sb, '-');
	strbuf_addf(&sb, "%d/%s", 42, "x");
	CHECK_STR(strbuf_str(&sb), "abc-42/x");
	CHECK_INT(sb.len, 8);
	CHECK_INT(sb.failed, 0);
	strbuf_release(&sb);
	CHECK_INT(sb.len, 0);
}

TEST(strbuf_cap_is_sticky)
{
	struct strbuf sb;

	strbuf_init(&sb, 5);
	strbuf_addstr(&sb, "1234");
	strbuf_addstr(&sb, "56");
	CHECK_INT(sb.failed, ERR_LIMIT);
	CHECK_STR(strbuf_str(&sb), "1234");
	strbuf_addstr(&sb, "7");	/* still refused after the failure */
	CHECK_STR(strbuf_str(&sb), "1234");
	strbuf_addf(&sb, "%s", "long formatted text");
	CHECK_STR(strbuf_str(&sb), "1234");
	strbuf_release(&sb);
}

TEST(strbuf_reports_allocation_failure)
{
	struct strbuf sb = STRBUF_INIT;

	xalloc_fail_at(1);
	strbuf_addstr(&sb, "hello");
	xalloc_fail_at(0);
	CHECK_INT(sb.failed, ERR_NOMEM);
	CHECK_STR(strbuf_str(&sb), "");
	strbuf_release(&sb);
}

TEST(json_writer_nests_and_escapes)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_writer jw;

	json_init(&jw, &sb);
	json_object_begin(&jw);
	json_key_str(&jw, "name", "Caf\xc3\xa9 \"<b>\"\n");
	json_key(&jw, "list");
	json_array_begin(&jw);
	json_int(&jw, 1);
	json_str(&jw, NULL);
	json_bool(&jw, 1);
	json_array_end(&jw);
	json_key_int(&jw, "n", -7);
	json_object_end(&jw);
	CHECK_STR(strbuf_str(&sb),
		  "{\"name\":\"Caf\xc3\xa9 \\\"\\u003cb\\u003e\\\"\\n\",\"list\":[1,null,true],\"n\":-7}");
	strbuf_release(&sb);
}

TEST(json_writer_replaces_invalid_utf8)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_writer jw;

	json_init(&jw, &sb);
	json_str(&jw, "a\xff" "b");
	CHECK_STR(strbuf_str(&sb), "\"a\xef\xbf\xbd" "b\"");
	strbuf_release(&sb);
}

TEST(parse_numbers_whole_span_only)
{
	int64_t v;
	double d;
	int32_t micro;

	CHECK_INT(parse_int64("123", 3, &v), 0);
	CHECK_INT(v, 123);
	CHECK_INT(parse_int64("-9223372036854775808", 20, &v), 0);
	CHECK_INT(parse_int64("9223372036854775808", 19, &v), -1);
	CHECK_INT(parse_int64("12a", 3, &v), -1);
	CHECK_INT(parse_int64("", 0, &v), -1);
	CHECK_INT(parse_int64(" 1", 2, &v), -1);
	CHECK_INT(parse_double("-0.112422", 9, &d), 0);
	CHECK(d < -0.112421 && d > -0.112423);
	CHECK_INT(parse_double("1e5", 3, &d), -1);
	CHECK_INT(parse_microdegrees("51.515381", 9, &micro), 0);
	CHECK_INT(micro, 51515381);
	CHECK_INT(parse_microdegrees("-0.1", 4, &micro), 0);
	CHECK_INT(micro, -100000);
	CHECK_INT(parse_microdegrees("-", 1, &micro), -1);
}

TEST(parse_month_round_trips)
{
	int32_t m;
	char buf[8];

	CHECK_INT(parse_month("2019-01", 7, &m), 0);
	format_month(m, buf);
	CHECK_STR(buf, "2019-01");
	CHECK_INT(parse_month("2019-13", 7, &m), -1);
	CHECK_INT(parse_month("201901", 6, &m), -1);
}

TEST(police_booleans)
{
	int8_t b;

	CHECK_INT(parse_police_bool("True", 4, &b), 0);
	CHECK_INT(b, 1);
	CHECK_INT(parse_police_bool("False", 5, &b), 0);
	CHECK_INT(b, 0);
	CHECK_INT(parse_police_bool("", 0, &b), 0);
	CHECK_INT(b, -1);
	CHECK_INT(parse_police_bool("true", 4, &b), -1);
}

TEST(london_time_follows_summer_time)
{
	char buf[21];
	int64_t t;

	/* 2026 BST: 29 March 01:00 UTC to 25 October 01:00 UTC. */
	CHECK_INT(london_offset(days_from_civil(2026, 3, 29) * 86400 + 3599), 0);
	CHECK_INT(london_offset(days_from_civil(2026, 3, 29) * 86400 + 3600), 3600);
	CHECK_INT(london_offset(days_from_civil(2026, 10, 25) * 86400 + 3599), 3600);
	CHECK_INT(london_offset(days_from_civil(2026, 10, 25) * 86400 + 3600), 0);
	CHECK_INT(time_parse_iso("2026-07-01T19:00", 16, &t), 0);	/* London wall time */
	time_format_utc(t, buf);
	CHECK_STR(buf, "2026-07-01T18:00:00Z");
	time_format_london(t, buf);
	CHECK_STR(buf, "2026-07-01T19:00:00");
	CHECK_INT(time_parse_iso("2024-06-30T23:04:00+00:00", 25, &t), 0);
	time_format_utc(t, buf);
	CHECK_STR(buf, "2024-06-30T23:04:00Z");
	CHECK_INT(time_parse_iso("2024-06-30", 10, &t), -1);
}

TEST(utf8_rejects_overlong_and_surrogates)
{
	CHECK_INT(utf8_check("Llanfair\xc5\xb5", 10), 10);	/* ŵ */
	CHECK_INT(utf8_check("\xc0\xaf", 2), 0);
	CHECK_INT(utf8_check("a\xed\xa0\x80", 4), 1);
	CHECK_INT(utf8_check("ab\xe2\x82", 4), 2);
}

TEST(err_prefix_adds_context)
{
	struct err e = ERR_INIT;

	err_set(&e, ERR_INVALID, "line %d: bad month \"%s\"", 4, "2019-13");
	err_prefix(&e, "street.csv");
	CHECK_STR(e.msg, "street.csv: line 4: bad month \"2019-13\"");
	CHECK_INT(e.code, ERR_INVALID);
}

static void square_into(void *ctx, size_t i)
{
	((long *)ctx)[i] = (long)(i * i);
}

/* Every index exactly once, whatever the thread count (more threads than
 * tasks, one thread, none to do). */
TEST(parallel_for_runs_every_task_once)
{
	long out[100];

	CHECK(parallel_threads(0) >= 1);
	CHECK_INT(parallel_threads(3), 3);
	CHECK_INT(parallel_threads(1000), PARALLEL_MAX_THREADS);
	for (int threads = 1; threads <= 40; threads += 13) {
		long sum = 0;

		memset(out, -1, sizeof(out));
		parallel_for(100, threads, square_into, out);
		for (size_t i = 0; i < 100; i++)
			sum += out[i] == (long)(i * i);
		CHECK_INT(sum, 100);
	}
	parallel_for(0, 4, square_into, out);
	parallel_for(3, 8, square_into, out);
	CHECK_INT(out[2], 4);
}

/* Every byte value at every position of a 32-digit block (SSE2), an
 * eight-digit group (SWAR) and the two-digit tail, against the obvious
 * answer. */
TEST(hex_decode_takes_every_hex_digit_and_nothing_else)
{
	const char *id = "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0DD";
	uint8_t out[32];
	int pos, v, bad = 0;

	CHECK_INT(hex_decode(id, 64, out), 0);
	CHECK_INT(out[0], 0x32);
	CHECK_INT(out[4], 0x3d);
	CHECK_INT(out[31], 0xdd);
	CHECK_INT(hex_decode("abc", 3, out), -1);
	CHECK_INT(hex_decode("", 0, out), 0);
	for (pos = 0; pos < 42; pos++)
		for (v = 0; v < 256; v++) {
			char s[42];
			int want = (v >= '0' && v <= '9') || (v >= 'a' && v <= 'f') ||
				   (v >= 'A' && v <= 'F');
			int rc;

			memcpy(s, "0123456789abcdefABCDEF0123456789abcdef0123", 42);
			s[pos] = (char)v;
			rc = hex_decode(s, 42, out);
			if (rc != (want ? 0 : -1))
				bad++;
			else if (want) {
				int i;

				for (i = 0; i < 42; i++) {
					int ch = (unsigned char)s[i];
					int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
					int got = i % 2 ? out[i / 2] & 15 : out[i / 2] >> 4;

					bad += got != d;
				}
			}
		}
	CHECK_INT(bad, 0);
}

/* The background syncer: requests while a sync runs are merged, stop waits
 * for the sync under way and leaves the struct ready for another run, a
 * stop with nothing asked is nothing, and a bad descriptor harms nothing. */
TEST(bgsync_syncs_beside_the_writer_and_stops_cleanly)
{
	char path[600], buf[4096];
	struct bgsync b;
	FILE *fp;
	long size;

	snprintf(path, sizeof(path), "%s/bgsync.dat", test_tmpdir());
	fp = fopen(path, "w+");
	CHECK(fp != NULL);
	if (!fp)
		return;
	bgsync_init(&b);
	bgsync_stop(&b);	/* nothing started */
	CHECK_INT(b.started, 0);
	memset(buf, 'x', sizeof(buf));
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 256; i++) {
			CHECK_INT(fwrite(buf, 1, sizeof(buf), fp), sizeof(buf));
			fflush(fp);
			bgsync_request(&b, fileno(fp));
		}
		CHECK_INT(b.started, 1);
		bgsync_stop(&b);
		CHECK_INT(b.started, 0);
		CHECK_INT(b.fd, -1);
	}
	bgsync_request(&b, -1);	/* EBADF, ignored */
	bgsync_stop(&b);
	size = ftell(fp);
	CHECK_INT(size, 2L * 256 * (long)sizeof(buf));
	fclose(fp);
	remove(path);
}
