/*
 * cmd_plan.c - `engage plan add|list`: the rolling 12-month engagement
 * plan, with overdue entries and unplanned audiences shown in the list.
 */
#include "cli/cli.h"

#include "engage/plan.h"
#include "model/engagement.h"

#include <stdio.h>
#include <string.h>

static int print_entry(void *ctx, const struct plan_entry_view *v)
{
	printf("%s  %-16s %-40s %s%s\n", v->planned_date, v->channel, v->audience, v->owner,
	       v->overdue ? "  OVERDUE: nothing held" : v->activity_id ? "  (held)" : "");
	return 0;
}

static int print_gap(void *ctx, const char *audience, const char *why)
{
	printf("  nothing planned for %s (%s)\n", audience, why);
	(*(int *)ctx)++;
	return 0;
}

int cmd_plan(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int64_t id;
	size_t bad;
	int gaps = 0, rc;

	if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
		return EXIT_USAGE;
	if (!strcmp(ctx->args[0], "add")) {
		struct plan_input in = { force, nbhd, cli_opt(ctx, "audience"), cli_opt(ctx, "channel"),
					 cli_opt(ctx, "message"), cli_opt(ctx, "aim"), cli_opt(ctx, "date"),
					 cli_opt(ctx, "owner"), 0 };

		if (cli_opt(ctx, "adjustments") &&
		    (in.adjustments = adjustments_parse(cli_opt(ctx, "adjustments"), &bad)) < 0) {
			cli_error("plan: --adjustments has an unknown adjustment at character %zu", bad + 1);
			return EXIT_USAGE;
		}
		if ((rc = plan_add(ctx->store, &in, &id, &e)) == 0)
			printf("plan entry %lld added\n", (long long)id);
	} else if (!strcmp(ctx->args[0], "list")) {
		if ((rc = plan_each(ctx->store, force, nbhd, print_entry, NULL, &e)) == 0) {
			printf("audiences with nothing planned in the next 12 months:\n");
			rc = plan_unplanned_audiences(ctx->store, force, nbhd, print_gap, &gaps, &e);
			if (rc == 0 && !gaps)
				printf("  none\n");
		}
	} else {
		cli_error("plan: expected add or list (engage plan --help)");
		return EXIT_USAGE;
	}
	if (rc < 0) {
		cli_error("plan: %s", e.msg);
		return cli_exit_for(rc);
	}
	return EXIT_OK;
}
