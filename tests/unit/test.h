/*
 * test.h - the unit test harness.
 *
 * A test is a function declared with TEST(name); it registers itself at
 * start-up, so a new test file needs no table.  Checks record a failure
 * with file and line and let the test go on:
 *
 *	TEST(strbuf_grows) {
 *		CHECK_INT(sb.len, 3);
 *		CHECK_STR(strbuf_str(&sb), "abc");
 *	}
 *
 * The runner prints one "ok N - name" / "not ok N - name" line per test and
 * closes with "N passed, N failed".  `unit-tests PATTERN` runs the tests
 * whose name contains PATTERN.  Tests that need files get a fresh directory
 * from test_tmpdir().
 */
#ifndef ENGAGE_TEST_H
#define ENGAGE_TEST_H

#include <stdint.h>
#include <string.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);
void test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A new empty directory for this test, removed after the run. */
const char *test_tmpdir(void);
/* Path of a file under tests/data/ (the suite runs from the repository root). */
const char *test_data(const char *name);
/* The shared real data folder (../shared/data), or NULL when it is absent. */
const char *test_shared_data(void);
/* Mark the current test skipped with a reason. */
void test_skip(const char *why);

#define TEST(name)                                                      \
	static void test_##name(void);                                  \
	__attribute__((constructor)) static void register_##name(void)  \
	{ test_register(#name, test_##name); }                          \
	static void test_##name(void)

#define CHECK(cond) do { if (!(cond)) \
	test_fail(__FILE__, __LINE__, "%s", #cond); } while (0)

#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) test_fail(__FILE__, __LINE__, "%s: got %lld, want %lld", #got, g_, w_); \
	} while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	if (!g_ || !w_ || strcmp(g_, w_)) test_fail(__FILE__, __LINE__, \
		"%s: got \"%s\", want \"%s\"", #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

#define CHECK_CONTAINS(hay, needle) do { const char *h_ = (hay), *n_ = (needle); \
	if (!h_ || !strstr(h_, n_)) test_fail(__FILE__, __LINE__, \
		"%s: \"%.300s\" does not contain \"%s\"", #hay, h_ ? h_ : "(null)", n_); \
	} while (0)

#endif
