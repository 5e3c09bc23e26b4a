/*
 * main.c - the engage binary: hands argv to the command table.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * glibc's allocator, tuned for the commands that move a whole country's
 * police.uk data: heap memory on transparent huge pages (hugetlb=1), and
 * freed memory kept for the next file instead of handed back to the kernel
 * and faulted in again (the mmap and trim thresholds).  On the national
 * benchmark the import went from 4.95 s to 4.15 s (page faults 75,000 ->
 * 15,000, fewer TLB misses placing points) for 20 MB more at its peak;
 * docs/PERFORMANCE.md.  glibc reads these settings only when a process
 * starts, so the command runs itself again once with them in its
 * environment.  `engage serve` is left as it is: it keeps its memory for
 * as long as it runs, and huge pages would add a sixth to it.  A
 * GLIBC_TUNABLES already set, even empty, is the user's and is left alone.
 */
#define ENGAGE_TUNABLES "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=268435456:" \
			"glibc.malloc.trim_threshold=1073741824"

static void tune_allocator(int argc, char **argv)
{
#ifdef __GLIBC__
	if (argc < 2 || getenv("GLIBC_TUNABLES") ||
	    (strcmp(argv[1], "import") && strcmp(argv[1], "export")))
		return;
	if (setenv("GLIBC_TUNABLES", ENGAGE_TUNABLES, 1) == 0)
		execv("/proc/self/exe", argv);
	unsetenv("GLIBC_TUNABLES");	/* not run again: go on as we are */
#else
	(void)argc;
	(void)argv;
#endif
}

int main(int argc, char **argv)
{
	tune_allocator(argc, argv);
	return cli_main(argc, argv);
}
