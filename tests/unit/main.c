/*
 * main.c - runs the registered unit tests (see test.h).
 */
#include "test.h"

#include "odcheck.h"

#include "base/log.h"
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

struct test_entry {
	const char *name;
	test_fn fn;
};

static struct test_entry tests[1024];
static int ntests, current_failed, current_skipped;
static char tmpdir_path[320], tmp_root[256], data_path[512], skip_reason[256];
static int tmp_seq;

void test_register(const char *name, test_fn fn)
{
	if (ntests < (int)(sizeof(tests) / sizeof(tests[0])))
		tests[ntests++] = (struct test_entry){ name, fn };
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	current_failed = 1;
}

void test_skip(const char *why)
{
	current_skipped = 1;
	snprintf(skip_reason, sizeof(skip_reason), "%s", why);
}

const char *test_tmpdir(void)
{
	snprintf(tmpdir_path, sizeof(tmpdir_path), "%s/t%d", tmp_root, ++tmp_seq);
	mkdir(tmpdir_path, 0700);
	return tmpdir_path;
}

const char *test_data(const char *name)
{
	snprintf(data_path, sizeof(data_path), "tests/data/%s", name);
	return data_path;
}

const char *test_shared_data(void)
{
	struct stat st;
	const char *env = getenv("ENGAGE_SHARED_DATA");
	const char *path = env ? env : "../shared/data";

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? path : NULL;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0, skipped = 0, n = 0;
	char cmd[320];

	if (argc == 3 && !strcmp(argv[1], "--odcheck"))	/* for tests/e2e/t_export.sh */
		return odcheck_dir(argv[2]) ? 1 : 0;
	snprintf(tmp_root, sizeof(tmp_root), "/tmp/engage-unit-%d", (int)getpid());
	mkdir(tmp_root, 0700);
	setvbuf(stdout, NULL, _IOLBF, 0);
	log_set_level(LOG_WARN);	/* tests check results, not chatter */
	for (int i = 0; i < ntests; i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1]))
			continue;
		current_failed = current_skipped = 0;
		xalloc_fail_at(0);
		tests[i].fn();
		xalloc_fail_at(0);
		n++;
		if (current_skipped && !current_failed) {
			printf("ok %d - %s # SKIP %s\n", n, tests[i].name, skip_reason);
			skipped++;
		} else if (current_failed) {
			printf("not ok %d - %s\n", n, tests[i].name);
			failed++;
		} else {
			printf("ok %d - %s\n", n, tests[i].name);
			passed++;
		}
	}
	printf("1..%d\n", n);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp_root);
	printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
