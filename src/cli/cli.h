/*
 * cli.h - the engage command line: one table of subcommands (commands.c),
 * one file per command (cmd_*.c).
 *
 * The dispatcher reads the command's declared options and the settings
 * (config.h), opens the store when the row asks for it, and only then calls
 * the command, so a command never parses flags or opens files itself.
 *
 * Exit codes (docs/cli.md, `engage --help`):
 */
#ifndef ENGAGE_CLI_H
#define ENGAGE_CLI_H

#include "cli/config.h"

struct store;
struct opendata_options;

enum cli_exit {
	EXIT_OK = 0,		/* success */
	EXIT_FAILED = 1,	/* the command failed: bad data, refused by a rule */
	EXIT_USAGE = 2,		/* unknown command, option or missing argument */
	EXIT_CONFIG = 3,	/* the configuration is unreadable or invalid */
	EXIT_STORE = 4,		/* the database is locked, newer, unreadable or full */
	EXIT_SERVE = 5,		/* could not serve (e.g. the port is in use) */
};

/* What a command row asks the dispatcher to provide. */
enum cli_needs {
	NEEDS_STORE = 1 << 0,		/* open the database read-only */
	NEEDS_STORE_WRITE = 1 << 1,	/* open (and create) the database read-write */
};

#define CLI_MAX_OPTS 24
#define CLI_MAX_ARGS 256

/* A command's own option (beside the settings, which every command takes). */
struct cli_option {
	const char *name;	/* "seed" for --seed */
	const char *arg;	/* "N" if it takes a value, NULL for a switch */
	const char *help;
};

struct cli_command;

struct cli_ctx {
	const struct cli_command *cmd;	/* the row being run */
	struct config cfg;
	struct store *store;
	const char *opt[CLI_MAX_OPTS];	/* values of the row's options, NULL if absent;
					   a switch that is present holds "" */
	const char *args[CLI_MAX_ARGS];	/* positional arguments */
	int nargs;
};

struct cli_command {
	const char *name;		/* "import" */
	const char *usage;		/* "import KIND PATH..." */
	const char *summary;		/* one line for the command list */
	const char *help;		/* the rest of `engage import --help` */
	int needs;			/* enum cli_needs */
	int min_args, max_args;		/* positional arguments allowed */
	struct cli_option opts[CLI_MAX_OPTS];
	int (*run)(struct cli_ctx *ctx);
};

extern const struct cli_command cli_commands[];
extern const int cli_command_count;

int cli_main(int argc, char **argv);

/* The value of the running command's option `name` (NULL when absent;
 * "" for a switch that is present). */
const char *cli_opt(const struct cli_ctx *ctx, const char *name);
/* An option as a whole number in [min, max]; `def` when absent.  A bad value
 * prints "engage: --name "x" is not ..." and returns -1 with *ok = 0. */
int64_t cli_opt_int(const struct cli_ctx *ctx, const char *name, int64_t min, int64_t max,
		    int64_t def, int *ok);
/* "force/neighbourhood" into its parts (buffers of 65 bytes); 0 or -1 with a message. */
int cli_neighbourhood(const char *arg, char force[65], char nbhd[65]);

/* Who is acting, for the audit trail: --by, else "cli:" and the login name. */
const char *cli_actor(const struct cli_ctx *ctx, char *buf, size_t size);
/* An option holding an ISO 8601 time (London time when no offset) into
 * *out; absent leaves *out.  0, or -1 with a message naming the option. */
int cli_opt_time(const struct cli_ctx *ctx, const char *name, int64_t *out);

/* Print a failure the way every command does: "engage: <message>". */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The exit code for a library error code (ERR_BUSY -> EXIT_STORE, ...). */
int cli_exit_for(int err_code);

/* The commands, one per cmd_*.c. */
int cmd_serve(struct cli_ctx *ctx);
int cmd_import(struct cli_ctx *ctx);
int cmd_demo(struct cli_ctx *ctx);
int cmd_init(struct cli_ctx *ctx);
int cmd_status(struct cli_ctx *ctx);
int cmd_check_config(struct cli_ctx *ctx);
int cmd_version(struct cli_ctx *ctx);
int cmd_help(struct cli_ctx *ctx);
int cmd_export(struct cli_ctx *ctx);

/* The open-data options from the settings and the store (cmd_export.c),
 * shared by `export open-data` and `serve` (/data/). */
int cli_opendata_options(struct cli_ctx *ctx, struct opendata_options *o, struct err *e);
int cmd_concern(struct cli_ctx *ctx);
int cmd_activity(struct cli_ctx *ctx);
int cmd_priority(struct cli_ctx *ctx);
int cmd_action(struct cli_ctx *ctx);
int cmd_feedback(struct cli_ctx *ctx);
int cmd_plan(struct cli_ctx *ctx);
int cmd_profile(struct cli_ctx *ctx);
int cmd_todo(struct cli_ctx *ctx);
int cmd_pack(struct cli_ctx *ctx);
int cmd_audit(struct cli_ctx *ctx);
int cmd_person(struct cli_ctx *ctx);
int cmd_retention(struct cli_ctx *ctx);
int cmd_cia(struct cli_ctx *ctx);
int cmd_risk(struct cli_ctx *ctx);
int cmd_sharing(struct cli_ctx *ctx);
int cmd_user(struct cli_ctx *ctx);

/* The auth.* settings as an auth_policy (cmd_user.c; serve will use it too). */
struct auth_policy;
void cli_auth_policy(const struct cli_ctx *ctx, struct auth_policy *p);

#endif
