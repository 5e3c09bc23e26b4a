/*
 * cmd_info.c - `engage check-config` and `engage version`: commands that
 * only report, without touching the database.
 */
#include "cli/cli.h"

#include "store/store.h"

#include <stdio.h>

#ifndef ENGAGE_VERSION
#define ENGAGE_VERSION "0.1.0"
#endif

int cmd_check_config(struct cli_ctx *ctx)
{
	config_print(&ctx->cfg, stdout);
	printf("configuration ok\n");
	return EXIT_OK;
}

int cmd_version(struct cli_ctx *ctx)
{
	printf("engage %s (schema %d)\n", ENGAGE_VERSION, store_schema_latest());
	return EXIT_OK;
}
