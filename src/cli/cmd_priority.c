/*
 * cmd_priority.c - `engage priority candidates|propose|evidence|vote|agree|start`:
 * the PACT meeting from the command line.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "engage/pact.h"
#include "index/readmodel.h"

#include <stdio.h>
#include <string.h>

static int candidates(struct cli_ctx *ctx, const char *force, const char *nbhd)
{
	struct pact_candidate c[32];
	struct readmodel *rm = NULL;
	struct err e = ERR_INIT;
	int n;

	if (readmodel_load(ctx->store, &rm, &e) < 0)
		rm = NULL;	/* scores without the crime trend rather than none */
	n = pact_candidates(ctx->store, rm, force, nbhd, c, 32, &e);
	readmodel_free(rm);
	if (n < 0) {
		cli_error("priority: %s", e.msg);
		return cli_exit_for(n);
	}
	if (!n)
		printf("no concerns raised in %s/%s yet\n", force, nbhd);
	for (int i = 0; i < n; i++) {
		printf("%d. group %lld: %s (score %.1f)%s\n", i + 1, (long long)c[i].group_id, c[i].title,
		       c[i].score.total, c[i].priority_id ? " - already a priority" : "");
		for (int k = 0; k < SCORE_PARTS; k++)
			printf("   %5.1f  %s\n", c[i].score.parts[k].points, c[i].score.parts[k].en);
	}
	return EXIT_OK;
}

static int64_t id_arg(struct cli_ctx *ctx)
{
	int64_t id;

	if (ctx->nargs < 2 || parse_int_range(ctx->args[1], strlen(ctx->args[1]), 1, INT64_MAX, &id) < 0) {
		cli_error("priority: %s needs the priority's number", ctx->args[0]);
		return -1;
	}
	return id;
}

int cmd_priority(struct cli_ctx *ctx)
{
	const char *action = ctx->args[0];
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int64_t id = 0, version;
	int ok = 1, rc;

	version = cli_opt_int(ctx, "version", 1, INT64_MAX, 0, &ok);
	if (!ok)
		return EXIT_USAGE;
	if (!strcmp(action, "candidates") || !strcmp(action, "propose")) {
		if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
			return EXIT_USAGE;
		if (!strcmp(action, "candidates"))
			return candidates(ctx, force, nbhd);
		{
			struct priority_input in = { force, nbhd,
				cli_opt_int(ctx, "group", 1, INT64_MAX, 0, &ok), cli_opt(ctx, "title"),
				cli_opt(ctx, "public-text"), cli_opt(ctx, "category"), "command line",
				cli_opt(ctx, "publish-anyway") != NULL };
			if (!ok)
				return EXIT_USAGE;
			rc = priority_propose(ctx->store, &in, &id, &e);
			if (rc == 0)
				printf("priority %lld proposed\n", (long long)id);
		}
	} else if ((id = id_arg(ctx)) < 0) {
		return EXIT_USAGE;
	} else if (!strcmp(action, "evidence")) {
		rc = priority_add_evidence(ctx->store, id, cli_opt(ctx, "kind") ? cli_opt(ctx, "kind") : "note",
					   cli_opt(ctx, "text"), &e);
		if (rc == 0)
			printf("evidence added to priority %lld\n", (long long)id);
	} else if (!strcmp(action, "vote")) {
		int64_t meeting = cli_opt_int(ctx, "meeting", 1, INT64_MAX, 0, &ok);
		int64_t yes = cli_opt_int(ctx, "for", 0, 100000, 0, &ok);
		int64_t no = cli_opt_int(ctx, "against", 0, 100000, 0, &ok);
		int64_t abstain = cli_opt_int(ctx, "abstain", 0, 100000, 0, &ok);

		if (!ok)
			return EXIT_USAGE;
		rc = priority_vote(ctx->store, meeting, id, (int)yes, (int)no, (int)abstain, &e);
		if (rc == 0)
			printf("votes recorded: %lld for, %lld against, %lld abstaining\n", (long long)yes,
			       (long long)no, (long long)abstain);
	} else if (!strcmp(action, "agree")) {
		int64_t meeting = cli_opt_int(ctx, "meeting", 1, INT64_MAX, 0, &ok);

		if (!ok)
			return EXIT_USAGE;
		rc = priority_agree(ctx->store, id, version, meeting, cli_opt(ctx, "review"), &e);
		if (rc == 0)
			printf("priority %lld agreed; review by %s\n", (long long)id, cli_opt(ctx, "review"));
	} else if (!strcmp(action, "start")) {
		rc = priority_start(ctx->store, id, version, &e);
		if (rc == 0)
			printf("priority %lld in progress\n", (long long)id);
	} else {
		cli_error("priority: expected candidates, propose, evidence, vote, agree or start");
		return EXIT_USAGE;
	}
	if (rc < 0) {
		cli_error("priority: %s", e.msg);
		return cli_exit_for(rc);
	}
	return EXIT_OK;
}
