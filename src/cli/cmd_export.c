/*
 * cmd_export.c - `engage export open-data DIR`: render the open-data set
 * from the read model (publish/opendata.h) and write it to a folder, all
 * or nothing.  Also holds the options `serve` uses for /data/, so the
 * folder and the downloads are the same bytes.
 */
#include "cli/cli.h"

#include "index/readmodel.h"
#include "publish/opendata.h"
#include "store/store.h"

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

int cmd_export(struct cli_ctx *ctx)
{
	struct opendata_options opt;
	struct opendata_set set = { 0 };
	struct readmodel *rm = NULL;
	struct err e = ERR_INIT;
	const char *dir = ctx->args[1];
	size_t bytes = 0;
	int rc = EXIT_FAILED;

	if (strcmp(ctx->args[0], "open-data")) {
		cli_error("export: unknown kind '%s' (expected open-data)", ctx->args[0]);
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
