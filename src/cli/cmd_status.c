/*
 * cmd_status.c - `engage status`: what the database holds, at a glance.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

struct tally {
	long forces, neighbourhoods, census, months[MONTH_KIND_COUNT];
	int32_t first, last;
};

static int tally_force(void *ctx, const struct store_force *f)
{
	((struct tally *)ctx)->forces++;
	printf("force %s: %s\n", f->id, f->name);
	return 0;
}

static int tally_nbhd(void *ctx, const struct store_neighbourhood *n)
{
	((struct tally *)ctx)->neighbourhoods++;
	return 0;
}

static int tally_census(void *ctx, const struct store_census *c)
{
	((struct tally *)ctx)->census++;
	return 0;
}

static int tally_month(void *ctx, const struct store_force_month *m)
{
	struct tally *t = ctx;

	t->months[m->kind] += m->rows;
	if (!t->first || m->month < t->first)
		t->first = m->month;
	if (m->month > t->last)
		t->last = m->month;
	return 0;
}

static int print_import(void *ctx, const struct store_import *imp)
{
	char when[21];

	time_format_utc(imp->finished_at, when);
	printf("  %s %-14s %8lld rows  %s\n", when, imp->kind, (long long)imp->rows_read, imp->source);
	return 0;
}

int cmd_status(struct cli_ctx *ctx)
{
	struct tally t;
	struct err e = ERR_INIT;
	char first[8], last[8];
	long lsoas = 0;

	memset(&t, 0, sizeof(t));
	printf("database %s (%s, schema version %d)\n", config_str(&ctx->cfg, "database"),
	       store_backend(ctx->store), store_schema_version(ctx->store));
	if (store_force_each(ctx->store, tally_force, &t, &e) < 0 ||
	    store_neighbourhood_each(ctx->store, NULL, tally_nbhd, &t, &e) < 0 ||
	    store_area_count(ctx->store, "lsoa", &lsoas, &e) < 0 ||
	    store_census_each(ctx->store, NULL, tally_census, &t, &e) < 0 ||
	    store_force_month_each(ctx->store, NULL, tally_month, &t, &e) < 0) {
		cli_error("%s", e.msg);
		return cli_exit_for(e.code);
	}
	printf("%ld forces, %ld neighbourhoods, %ld LSOAs, %ld census figures\n",
	       t.forces, t.neighbourhoods, lsoas, t.census);
	if (t.last) {
		format_month(t.first, first);
		format_month(t.last, last);
		printf("police.uk data %s to %s: %ld street, %ld outcome and %ld stop-and-search rows\n",
		       first, last, t.months[MONTH_STREET], t.months[MONTH_OUTCOMES], t.months[MONTH_STOPS]);
	} else {
		printf("no police.uk data yet (engage import police-uk PATH)\n");
	}
	printf("latest imports:\n");
	if (store_import_each(ctx->store, 10, print_import, NULL, &e) < 0) {
		cli_error("%s", e.msg);
		return cli_exit_for(e.code);
	}
	return EXIT_OK;
}
