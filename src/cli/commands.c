/*
 * commands.c - the table of engage subcommands and the dispatcher.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int cli_main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help")) {
		printf("usage: engage <command> [options]\n");
		return EXIT_OK;
	}
	fprintf(stderr, "engage: unknown command '%s'\n", argv[1]);
	return EXIT_USAGE;
}
