/*
 * cli.h - the engage command line: one table of subcommands (commands.c).
 *
 * Exit codes (documented in docs/cli.md and engage --help):
 *   0 success, 1 the command failed (bad data, refused by a rule),
 *   2 usage error (unknown command or flag), 3 configuration error,
 *   4 storage error (locked, newer schema, disk full), 5 could not serve
 *   (port in use).
 */
#ifndef ENGAGE_CLI_H
#define ENGAGE_CLI_H

enum cli_exit {
	EXIT_OK = 0,
	EXIT_FAILED = 1,
	EXIT_USAGE = 2,
	EXIT_CONFIG = 3,
	EXIT_STORE = 4,
	EXIT_SERVE = 5,
};

int cli_main(int argc, char **argv);

#endif
