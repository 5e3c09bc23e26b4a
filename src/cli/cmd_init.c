/*
 * cmd_init.c - `engage init`: create the database or upgrade its schema.
 * The dispatcher's read-write open does the work; this reports it.
 */
#include "cli/cli.h"

#include "store/store.h"

#include <stdio.h>

int cmd_init(struct cli_ctx *ctx)
{
	printf("database %s ready (schema version %d)\n", config_str(&ctx->cfg, "database"),
	       store_schema_version(ctx->store));
	return EXIT_OK;
}
