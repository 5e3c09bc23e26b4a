/*
 * town.c - the demo-town fixture (see town.h).
 */
#include "town.h"

#include "test.h"

#include "demo/demo.h"
#include "engage/history.h"
#include "import/pipeline.h"

#include <stdio.h>
#include <string.h>

int town_open(struct town *t, int months, int history)
{
	struct demo_options opt;
	struct demo_summary sum;
	struct import_summary is;
	struct history_summary hs;
	struct err e = ERR_INIT;
	int rc;

	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "%s/town", test_tmpdir());
	snprintf(t->db, sizeof(t->db), "%s/engage.db", test_tmpdir());
	demo_options_default(&opt);
	opt.out_dir = t->dir;
	opt.months = months;
	rc = demo_generate(&opt, &sum, &e);
	if (rc == 0)
		rc = store_open(t->db, STORE_CREATE, &t->s, &e);
	if (rc == 0)
		rc = history ? history_import_town(t->s, t->dir, NULL, &is, &hs, &e)
			     : import_town(t->s, t->dir, NULL, &is, &e);
	if (rc == 0)
		rc = readmodel_load(t->s, &t->rm, &e);
	if (rc < 0) {
		test_fail(__FILE__, __LINE__, "%s", e.msg);
		return -1;
	}
	return 0;
}

void town_close(struct town *t)
{
	readmodel_free(t->rm);
	store_close(t->s);
}
