/*
 * cmd_export.c - `engage export open-data DIR`: render the open-data set
 * from the read model (publish/opendata.h) and write it to a folder, all
 * or nothing; `engage export crime-counts [FILE]`: the table of street
 * crimes per month, LSOA and category (index/crimecounts.h).  Also holds the options `serve` uses for /data/, so the
 * folder and the downloads are the same bytes.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "index/crimecounts.h"
#include "index/readmodel.h"
#include "model/police.h"
#include "publish/csvout.h"
#include "publish/opendata.h"
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int latest_import(void *ctx, const struct store_import *imp)
{
	*(int64_t *)ctx = imp->finished_at ? imp->finished_at : imp->started_at;
	return 0;
}

int cli_opendata_options(struct cli_ctx *ctx, struct opendata_options *o, struct err *e)
{
	opendata_options_default(o);
	o->min_count = config_int(&ctx->cfg, "publish.min_count");
	/* dc:modified is when the data last changed: the latest import, so a
	 * re-export of the same database gives the same bytes. */
	return store_import_each(ctx->store, 1, latest_import, &o->modified, e);
}

/* The counts as CSV, a megabyte at a time, into `fp`.  Rows come in runs
 * of one month and LSOA, so a run's first two cells are written once and
 * copied onto each of its rows, and each category's cell is written once:
 * writing every cell of a national year's 2 million rows was a third of
 * the export's time (docs/PERFORMANCE.md). */
static int write_counts(FILE *fp, const struct crimecounts *t)
{
	static const char *const titles[] = { "month", "lsoa_code", "category", "count", NULL };
	struct strbuf out = STRBUF_INIT, lead = STRBUF_INIT, cats = STRBUF_INIT;
	size_t cat_at[CAT_COUNT + 1];
	struct csvout c;
	int rc = 0;

	for (int k = 0; k < CAT_COUNT; k++) {	/* ",slug" */
		cat_at[k] = cats.len;
		csvout_init(&c, &cats);
		c.ncells = 1;
		csvout_text(&c, crime_categories[k].slug);
	}
	cat_at[CAT_COUNT] = cats.len;
	csvout_init(&c, &out);
	csvout_header(&c, titles);
	for (size_t i = 0; i < t->n && rc == 0; i++) {
		const struct crime_count *k = &t->v[i];

		if (i == 0 || k->month != k[-1].month || k->lsoa != k[-1].lsoa) {	/* "month,lsoa" */
			char month[8];

			format_month(k->month, month);
			strbuf_reset(&lead);
			csvout_init(&c, &lead);
			csvout_text(&c, month);
			csvout_text(&c, crimecounts_lsoa(t, k));
			csvout_init(&c, &out);
		}
		strbuf_add(&out, lead.buf, lead.len);
		strbuf_add(&out, cats.buf + cat_at[k->category],
			   cat_at[k->category + 1] - cat_at[k->category]);
		c.ncells = 3;	/* month, LSOA and category are in */
		csvout_int(&c, k->n);
		csvout_end_row(&c);
		if (out.len >= (1 << 20) || i + 1 == t->n) {
			if (out.failed || lead.failed || cats.failed ||
			    fwrite(out.buf, 1, out.len, fp) != out.len)
				rc = -1;
			strbuf_reset(&out);
		}
	}
	if (rc == 0 && t->n == 0 && fwrite(out.buf, 1, out.len, fp) != out.len)
		rc = -1;
	strbuf_release(&out);
	strbuf_release(&lead);
	strbuf_release(&cats);
	return rc;
}

/* `export crime-counts [FILE]`: street crimes per month, LSOA and category
 * from the counts each import keeps; to FILE whole or not at all (written
 * beside it, then renamed), or to standard output. */
static int export_counts(struct cli_ctx *ctx)
{
	const char *path = ctx->nargs > 1 && strcmp(ctx->args[1], "-") ? ctx->args[1] : NULL;
	struct crimecounts t;
	struct err e = ERR_INIT;
	char tmp[4096];
	size_t counted = 0;
	FILE *fp = stdout;
	int rc;

	if (crimecounts_load(ctx->store, &t, &counted, &e) < 0) {
		cli_error("export: %s", e.msg);
		return cli_exit_for(e.code);
	}
	if (path) {
		snprintf(tmp, sizeof(tmp), "%s.part", path);
		if (!(fp = fopen(tmp, "wx"))) {
			cli_error("export: cannot write '%s': %s", tmp, strerror(errno));
			crimecounts_release(&t);
			return EXIT_FAILED;
		}
	}
	rc = write_counts(fp, &t);
	if (path) {
		if (fclose(fp) != 0)
			rc = -1;
		if (rc == 0 && rename(tmp, path) < 0)
			rc = -1;
		if (rc < 0) {
			cli_error("export: cannot write '%s': %s; nothing was written", path,
				  strerror(errno));
			remove(tmp);
		}
	} else if (fflush(stdout) != 0) {
		rc = -1;
	}
	if (rc == 0)
		fprintf(stderr, "engage: %zu counts (month, LSOA, category) of %lld street crimes%s\n",
			t.n, (long long)t.crimes,
			counted ? "; months imported before counts were kept were counted from their rows" : "");
	crimecounts_release(&t);
	return rc == 0 ? EXIT_OK : EXIT_FAILED;
}

int cmd_export(struct cli_ctx *ctx)
{
	struct opendata_options opt;
	struct opendata_set set = { 0 };
	struct readmodel *rm = NULL;
	struct err e = ERR_INIT;
	const char *dir = ctx->args[1];
	size_t bytes = 0;
	int rc = EXIT_FAILED;

	if (!strcmp(ctx->args[0], "crime-counts"))
		return export_counts(ctx);
	if (strcmp(ctx->args[0], "open-data")) {
		cli_error("export: unknown kind '%s' (expected open-data or crime-counts)", ctx->args[0]);
		return EXIT_USAGE;
	}
	if (ctx->nargs < 2) {
		cli_error("export: open-data needs a folder: engage export open-data DIR");
		return EXIT_USAGE;
	}
	if (cli_opendata_options(ctx, &opt, &e) < 0 || readmodel_load(ctx->store, &rm, &e) < 0 ||
	    opendata_render(rm, &opt, &set, &e) < 0) {
		cli_error("export: %s", e.msg);
		rc = cli_exit_for(e.code);
		goto done;
	}
	if (opendata_write_dir(&set, dir, &e) < 0) {
		cli_error("export: %s; nothing was written", e.msg);
		goto done;
	}
	for (size_t i = 0; i < set.nfiles; i++) {
		printf("%10zu  %s\n", set.files[i].body.len, set.files[i].name);
		bytes += set.files[i].body.len;
	}
	printf("engage: wrote %zu open-data files (%zu bytes) to %s; small counts below %lld "
	       "suppressed\n", set.nfiles, bytes, dir, (long long)opt.min_count);
	rc = EXIT_OK;
done:
	opendata_release(&set);
	readmodel_free(rm);
	return rc;
}
