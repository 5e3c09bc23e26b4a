/*
 * cmd_profile.c - `engage profile show|note|contact` and `engage todo`:
 * knowing the community, and what needs doing in it.
 */
#include "cli/cli.h"

#include "engage/profile.h"

#include <stdio.h>
#include <string.h>

static int show(struct cli_ctx *ctx, const char *force, const char *nbhd)
{
	struct profile p;
	struct err e = ERR_INIT;
	const char *measure = "";

	if (profile_load(ctx->store, force, nbhd, &p, &e) < 0) {
		cli_error("profile: %s", e.msg);
		return cli_exit_for(e.code);
	}
	printf("%s/%s: %d LSOAs, %lld residents, %lld households\n", force, nbhd, p.lsoas,
	       (long long)p.population, (long long)p.households);
	for (int i = 0; i < p.nfigures; i++) {
		const struct profile_figure *f = &p.figures[i];

		if (!strcmp(f->category, "all"))
			continue;
		if (strcmp(measure, f->measure))
			printf("%s:\n", f->measure);
		measure = f->measure;
		printf("  %-10s %8lld  %5.1f%%\n", f->category, (long long)f->value,
		       p.population ? 100.0 * (double)f->value / (double)p.population : 0.0);
	}
	printf("%d community groups, %d places, %d profile notes, %d key contacts (restricted)\n",
	       p.groups, p.places, p.notes, p.key_contacts);
	return EXIT_OK;
}

int cmd_profile(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int64_t id;
	int rc;

	if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
		return EXIT_USAGE;
	if (!strcmp(ctx->args[0], "show"))
		return show(ctx, force, nbhd);
	if (!strcmp(ctx->args[0], "note")) {
		rc = profile_note_add(ctx->store, force, nbhd, cli_opt(ctx, "kind"), cli_opt(ctx, "title"),
				      cli_opt(ctx, "text"), &id, &e);
	} else if (!strcmp(ctx->args[0], "contact")) {
		struct key_contact_input in = { force, nbhd, cli_opt(ctx, "name"), cli_opt(ctx, "role"),
						cli_opt(ctx, "organisation"), cli_opt(ctx, "email"),
						cli_opt(ctx, "phone"), cli_opt(ctx, "consent"),
						cli_opt(ctx, "by") ? cli_opt(ctx, "by") : "command line" };
		rc = key_contact_add(ctx->store, &in, &id, &e);
	} else {
		cli_error("profile: expected show, note or contact (engage profile --help)");
		return EXIT_USAGE;
	}
	if (rc < 0) {
		cli_error("profile: %s", e.msg);
		return cli_exit_for(rc);
	}
	printf("%s %lld added\n", ctx->args[0], (long long)id);
	return EXIT_OK;
}

static int print_todo(void *ctx, const struct todo_item *it)
{
	printf("%-10s %-15s %s\n", it->when, todo_kind_names[it->kind], it->what);
	(*(int *)ctx)++;
	return 0;
}

int cmd_todo(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int ok = 1, n = 0;
	int days = (int)cli_opt_int(ctx, "feedback-days", 0, 365, 28, &ok);

	if (!ok || cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
		return EXIT_USAGE;
	if (profile_todo(ctx->store, force, nbhd, days, print_todo, &n, &e) < 0) {
		cli_error("todo: %s", e.msg);
		return cli_exit_for(e.code);
	}
	if (!n)
		printf("nothing overdue or due this week in %s/%s\n", force, nbhd);
	return EXIT_OK;
}
