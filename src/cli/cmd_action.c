/*
 * cmd_action.c - `engage action add|update`: who does what about a
 * priority, by when, and what came of it.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "engage/pact.h"

#include <stdio.h>
#include <string.h>

int cmd_action(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	int64_t id = 0;
	int ok = 1, rc;

	if (!strcmp(ctx->args[0], "add") && ctx->nargs == 1) {
		struct action_input in = {
			cli_opt_int(ctx, "priority", 1, INT64_MAX, 0, &ok), cli_opt(ctx, "owner"),
			cli_opt(ctx, "owner-name"), cli_opt(ctx, "partner-org"), cli_opt(ctx, "text"),
			cli_opt(ctx, "due"),
		};
		if (!ok)
			return EXIT_USAGE;
		if ((rc = action_add(ctx->store, &in, &id, &e)) == 0)
			printf("action %lld added\n", (long long)id);
	} else if (!strcmp(ctx->args[0], "update") && ctx->nargs == 2 &&
		   parse_int_range(ctx->args[1], strlen(ctx->args[1]), 1, INT64_MAX, &id) == 0) {
		int64_t version = cli_opt_int(ctx, "version", 1, INT64_MAX, 0, &ok);

		if (!ok)
			return EXIT_USAGE;
		if ((rc = action_update(ctx->store, id, version, cli_opt(ctx, "status"),
					cli_opt(ctx, "result"), &e)) == 0)
			printf("action %lld is %s\n", (long long)id, cli_opt(ctx, "status"));
	} else {
		cli_error("action: expected add or update ID (engage action --help)");
		return EXIT_USAGE;
	}
	if (rc < 0) {
		cli_error("action: %s", e.msg);
		return cli_exit_for(rc);
	}
	return EXIT_OK;
}
