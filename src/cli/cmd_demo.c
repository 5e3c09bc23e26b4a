/*
 * cmd_demo.c - `engage demo generate`: write the fictional demo town.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "demo/demo.h"

#include <stdio.h>
#include <string.h>

enum { OPT_SEED, OPT_OUT, OPT_MONTHS };

int cmd_demo(struct cli_ctx *ctx)
{
	struct demo_options opt;
	struct demo_summary sum;
	struct err e = ERR_INIT;
	int64_t v;

	if (strcmp(ctx->args[0], "generate")) {
		cli_error("demo: unknown action '%s' (try: engage demo generate --out DIR)", ctx->args[0]);
		return EXIT_USAGE;
	}
	demo_options_default(&opt);
	if (ctx->opt[OPT_SEED]) {
		if (parse_int_range(ctx->opt[OPT_SEED], strlen(ctx->opt[OPT_SEED]), 0, INT64_MAX, &v) < 0) {
			cli_error("demo: --seed \"%s\" is not a whole number", ctx->opt[OPT_SEED]);
			return EXIT_USAGE;
		}
		opt.seed = (uint64_t)v;
	}
	if (ctx->opt[OPT_MONTHS]) {
		if (parse_int_range(ctx->opt[OPT_MONTHS], strlen(ctx->opt[OPT_MONTHS]), 1, 120, &v) < 0) {
			cli_error("demo: --months \"%s\" is not a number from 1 to 120", ctx->opt[OPT_MONTHS]);
			return EXIT_USAGE;
		}
		opt.months = (int)v;
	}
	if (!ctx->opt[OPT_OUT] || !*ctx->opt[OPT_OUT]) {
		cli_error("demo: --out DIR is required (where to write the town's files)");
		return EXIT_USAGE;
	}
	opt.out_dir = ctx->opt[OPT_OUT];
	if (demo_generate(&opt, &sum, &e) < 0) {
		cli_error("demo: %s", e.msg);
		return EXIT_FAILED;
	}
	printf("wrote the demo town to %s (seed %llu): %d LSOAs, %d neighbourhoods, "
	       "%ld residents, %d months with %ld street crimes, %ld outcomes and "
	       "%ld stop-and-search records, %d team members, %d groups and places; "
	       "a year of engagement: %d activities, %d concerns, %d priorities, %d actions, "
	       "%d feedback\n",
	       opt.out_dir, (unsigned long long)opt.seed, sum.lsoas, sum.neighbourhoods,
	       sum.persons, sum.months, sum.street_rows, sum.outcome_rows, sum.stop_rows,
	       sum.people, sum.places, sum.activities, sum.concerns, sum.priorities, sum.actions,
	       sum.feedback);
	return EXIT_OK;
}
