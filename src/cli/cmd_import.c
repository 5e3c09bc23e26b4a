/*
 * cmd_import.c - `engage import KIND PATH...`: load files through the
 * importers, in one transaction, and say what happened.
 */
#include "cli/cli.h"

#include "engage/history.h"
#include "model/engagement.h"
#include "import/pipeline.h"

#include <stdio.h>
#include <string.h>

enum { OPT_KIND, OPT_QUIET };

static void print_progress(void *ctx, const char *line)
{
	fprintf(stderr, "  %s\n", line);
}

static void print_summary(const char *kind, const struct import_summary *s)
{
	printf("imported %s: %ld files", kind, s->files);
	if (s->forces)
		printf(", %ld forces", s->forces);
	if (s->areas)
		printf(", %ld boundaries", s->areas);
	if (s->census_values)
		printf(", %ld census figures", s->census_values);
	if (s->neighbourhoods)
		printf(", %ld neighbourhoods", s->neighbourhoods);
	if (s->boundaries)
		printf(", %ld neighbourhood boundaries", s->boundaries);
	if (s->people)
		printf(", %ld team members", s->people);
	if (s->places)
		printf(", %ld groups and places", s->places);
	printf("\n");
	if (s->rows_read)
		printf("police.uk rows: %ld read (%ld street, %ld outcomes, %ld stop-and-search) "
		       "in %ld force-months; %ld placed in an LSOA, %ld without location, "
		       "%ld outside every known LSOA, %ld where police.uk's LSOA disagrees, %ld rejected\n",
		       s->rows_read, s->street, s->outcomes, s->stops, s->force_months, s->placed,
		       s->no_location, s->outside, s->disagreements, s->rejected);
	if (s->outside && !s->placed)
		printf("note: no row fell inside a known LSOA; import LSOA boundaries first "
		       "(engage import boundaries FILE), then import these files again\n");
}

static void print_history(const struct history_summary *h)
{
	if (!h->activities && !h->concerns && !h->priorities)
		return;
	printf("engagement: %ld activities, %ld concerns (%ld answered, %ld messages queued), "
	       "%ld priorities (%ld agreed, %ld in progress, %ld resolved, %ld closed), "
	       "%ld actions, %ld feedback\n",
	       h->activities, h->concerns, h->concerns_answered, h->messages, h->priorities,
	       h->by_status[PRI_AGREED], h->by_status[PRI_IN_PROGRESS], h->by_status[PRI_RESOLVED],
	       h->by_status[PRI_CLOSED], h->actions, h->feedback);
}

int cmd_import(struct cli_ctx *ctx)
{
	struct import_options opt = { .area_kind = ctx->opt[OPT_KIND] ? ctx->opt[OPT_KIND] : "lsoa" };
	struct import_summary sum;
	struct history_summary hist;
	struct err e = ERR_INIT;
	const char *kind = ctx->args[0];
	const char *const *paths = ctx->args + 1;
	size_t n = (size_t)ctx->nargs - 1;
	int rc;

	opt.threads = (int)config_int(&ctx->cfg, "import.threads");
	if (!ctx->opt[OPT_QUIET])
		opt.progress = print_progress;
	if (strcmp(opt.area_kind, "lsoa") && strcmp(opt.area_kind, "ward") && strcmp(opt.area_kind, "msoa")) {
		cli_error("import: --kind \"%s\" is not lsoa, ward or msoa", opt.area_kind);
		return EXIT_USAGE;
	}
	memset(&sum, 0, sizeof(sum));
	memset(&hist, 0, sizeof(hist));
	if (!strcmp(kind, "town") && n == 1)
		rc = history_import_town(ctx->store, paths[0], &opt, &sum, &hist, &e);
	else if (!strcmp(kind, "engagement") && n == 1)
		rc = history_import(ctx->store, paths[0], &hist, &e);
	else if (!strcmp(kind, "police-uk"))
		rc = import_police_uk(ctx->store, paths, n, &opt, &sum, &e);
	else if (!strcmp(kind, "boundaries"))
		rc = import_boundaries(ctx->store, paths, n, &opt, &sum, &e);
	else if (!strcmp(kind, "registry"))
		rc = import_registry(ctx->store, paths, n, &opt, &sum, &e);
	else if (!strcmp(kind, "neighbourhood-boundaries") && n == 1)
		rc = import_neighbourhood_boundaries(ctx->store, paths[0], &opt, &sum, &e);
	else if (!strcmp(kind, "census"))
		rc = import_census(ctx->store, paths, n, &opt, &sum, &e);
	else {
		cli_error("import: unknown kind '%s' or wrong number of paths (engage import --help)", kind);
		return EXIT_USAGE;
	}
	if (rc < 0) {
		cli_error("import %s: %s", kind, e.msg);
		cli_error("nothing was imported; the database is as it was");
		return cli_exit_for(e.code);
	}
	if (strcmp(kind, "engagement"))
		print_summary(kind, &sum);
	print_history(&hist);
	return EXIT_OK;
}
