/*
 * cmd_pack.c - `engage pack`: the meeting pack for a neighbourhood, as
 * text an officer can print or read out.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "engage/pack.h"

#include <stdio.h>

static void print_crime(const struct meeting_pack *p)
{
	char from[8], to[8];

	if (!p->last_month) {
		printf("no police.uk data loaded\n");
		return;
	}
	format_month(p->first_month, from);
	format_month(p->last_month, to);
	printf("\nCrime and ASB, %s to %s (the three months before in brackets):\n", from, to);
	for (int c = 0; c < CAT_COUNT; c++)
		if (p->crime_now[c] || p->crime_before[c])
			printf("  %-32s %5d  (%d)\n", crime_categories[c].csv_name, p->crime_now[c],
			       p->crime_before[c]);
	printf("  %-32s %5d  (%d)\n", "All", p->total_now, p->total_before);
}

int cmd_pack(struct cli_ctx *ctx)
{
	static struct meeting_pack p;	/* large */
	struct readmodel *rm = NULL;
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int rc;

	if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
		return EXIT_USAGE;
	if (readmodel_load(ctx->store, &rm, &e) < 0)
		rm = NULL;
	rc = pack_build(ctx->store, rm, force, nbhd, &p, &e);
	readmodel_free(rm);
	if (rc < 0) {
		cli_error("pack: %s", e.msg);
		return cli_exit_for(rc);
	}
	printf("Meeting pack: %s (%s)\n", p.neighbourhood[0] ? p.neighbourhood : nbhd, p.force);
	print_crime(&p);
	printf("\nCurrent priorities:\n");
	if (!p.npriorities)
		printf("  none agreed yet\n");
	for (int i = 0; i < p.npriorities; i++) {
		const struct pack_priority *pp = &p.priorities[i];

		printf("  %lld. %s [%s, review by %s; raised by %d]\n", (long long)pp->id, pp->text,
		       pp->status, pp->review_date, pp->concerns);
		for (int k = 0; k < pp->nactions; k++)
			printf("     - %s (%s, due %s): %s%s%s%s\n", pp->actions[k].description,
			       pp->actions[k].owner, pp->actions[k].due_date, pp->actions[k].status,
			       pp->actions[k].overdue ? " OVERDUE" : "", pp->actions[k].result[0] ? " - " : "",
			       pp->actions[k].result);
	}
	printf("\nCandidates for new priorities (score and its parts):\n");
	if (!p.ncandidates)
		printf("  none\n");
	for (int i = 0; i < p.ncandidates; i++) {
		const struct pact_candidate *c = &p.candidates[i];

		printf("  %s: %.1f (%d %s, %d %s, %d matching crimes in 3 months)%s\n", c->title,
		       c->score.total, c->evidence.distinct_people,
		       c->evidence.distinct_people == 1 ? "person" : "people", c->evidence.channels,
		       c->evidence.channels == 1 ? "channel" : "channels", c->evidence.crime_now,
		       c->priority_id ? " - already a priority" : "");
	}
	return EXIT_OK;
}
