/*
 * cmd_activity.c - `engage activity add`: record a meeting, surgery,
 * street meeting, door-to-door session or other engagement activity.
 */
#include "cli/cli.h"

#include "base/timeutil.h"
#include "engage/activity.h"
#include "model/engagement.h"

#include <stdio.h>
#include <string.h>

static int parse_when(const char *name, const char *v, int64_t *out)
{
	if (!v)
		return 0;
	if (time_parse_iso(v, strlen(v), out) < 0) {
		cli_error("activity: --%s \"%s\" is not a date and time (2026-11-20T19:00, London time)",
			  name, v);
		return -1;
	}
	return 0;
}

int cmd_activity(struct cli_ctx *ctx)
{
	struct activity_input in = { 0 };
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int64_t id;
	size_t bad;
	int ok = 1;

	if (strcmp(ctx->args[0], "add")) {
		cli_error("activity: expected add (engage activity --help)");
		return EXIT_USAGE;
	}
	if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0 ||
	    parse_when("starts", cli_opt(ctx, "starts"), &in.starts_at) < 0 ||
	    parse_when("ends", cli_opt(ctx, "ends"), &in.ends_at) < 0)
		return EXIT_USAGE;
	in.force_id = force;
	in.neighbourhood_id = nbhd;
	in.kind = cli_opt(ctx, "kind");
	in.mode = cli_opt(ctx, "mode");
	in.title = cli_opt(ctx, "title");
	in.venue = cli_opt(ctx, "venue");
	in.address = cli_opt(ctx, "address");
	in.accessibility = cli_opt(ctx, "accessibility");
	in.online_url = cli_opt(ctx, "online-url");
	in.public_notes = cli_opt(ctx, "notes");
	in.created_by = cli_opt(ctx, "by") ? cli_opt(ctx, "by") : "command line";
	in.attendance = (int)cli_opt_int(ctx, "attendance", 0, 100000, -1, &ok);
	if (!ok)
		return EXIT_USAGE;
	if (cli_opt(ctx, "adjustments") &&
	    (in.adjustments = adjustments_parse(cli_opt(ctx, "adjustments"), &bad)) < 0) {
		cli_error("activity: --adjustments: \"%s\" has an unknown adjustment at character %zu "
			  "(bsl, step-free, easy-read, welsh, online-option, hearing-loop, interpreter)",
			  cli_opt(ctx, "adjustments"), bad + 1);
		return EXIT_USAGE;
	}
	if (activity_add(ctx->store, &in, &id, &e) < 0) {
		cli_error("activity: %s", e.msg);
		return cli_exit_for(e.code);
	}
	printf("activity %lld recorded\n", (long long)id);
	return EXIT_OK;
}
