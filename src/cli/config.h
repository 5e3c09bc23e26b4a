/*
 * config.h - Engage's settings: one table, three sources.
 *
 * Every setting is a row in config_keys[] (config.c): its name, type,
 * bounds, default and help.  Values come from, in rising precedence:
 *   1. a config file (--config FILE or ENGAGE_CONFIG): lines `name = value`,
 *      `#` comments, blank lines;
 *   2. environment variables: ENGAGE_ + the name upper-cased with '.' as
 *      '_' (http.port -> ENGAGE_HTTP_PORT);
 *   3. command-line flags: --name=value or --name value (--http.port 8080),
 *      plus a short alias where the table gives one (--port 8080).
 * A bad value is refused with where it came from: the file and line, the
 * variable, or the flag, with the key and the value.
 *
 * docs/config.md and `engage help config` are generated from the table; a
 * test checks they agree.
 */
#ifndef ENGAGE_CONFIG_H
#define ENGAGE_CONFIG_H

#include <stdint.h>
#include <stdio.h>

#include "base/err.h"

enum config_type { CFG_STRING, CFG_INT, CFG_BOOL, CFG_ENUM };

struct config_key {
	const char *name;	/* "http.port" */
	const char *alias;	/* "port" for --port, or NULL */
	enum config_type type;
	int64_t min, max;	/* for CFG_INT */
	const char *choices;	/* for CFG_ENUM: "debug|info|warn|error" */
	const char *def;	/* default, as text */
	const char *help;
};

extern const struct config_key config_keys[];
extern const int config_key_count;

/* Where a value came from, for check-config and messages. */
enum config_source { SRC_DEFAULT, SRC_FILE, SRC_ENV, SRC_FLAG };

struct config_value {
	char *text;
	int64_t num;		/* CFG_INT, CFG_BOOL (0/1) */
	enum config_source source;
	char origin[300];	/* "engage.conf:4", "ENGAGE_HTTP_PORT", "--port" */
};

struct config {
	struct config_value v[64];
	char file[256];		/* the config file read, or "" */
};

/* Defaults, then the file named by `file` (NULL: ENGAGE_CONFIG if set). */
int config_load(struct config *c, const char *file, struct err *e);
/* Apply ENGAGE_* variables from the environment. */
int config_load_env(struct config *c, struct err *e);
/* Apply one setting from a flag ("--port", "8080"); `flag` names it for errors. */
int config_set_flag(struct config *c, const char *name, const char *value, struct err *e);
/* Look up a key by name or alias; -1 when unknown. */
int config_find(const char *name_or_alias);
void config_release(struct config *c);

const char *config_str(const struct config *c, const char *name);
int64_t config_int(const struct config *c, const char *name);

/* Print every setting with its value and origin (engage check-config). */
void config_print(const struct config *c, FILE *out);
/* The reference table as Markdown (docs/config.md). */
void config_print_reference(FILE *out);

#endif
