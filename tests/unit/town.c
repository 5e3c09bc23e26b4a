/*
 * town.c - the demo town for unit tests (see town.h).
 */
#include "town.h"

#include <stdio.h>

#include "demo/demo.h"
#include "engage/history.h"
#include "import/pipeline.h"
#include "test.h"

static char db[600];

const char *test_town_db(void)
{
	return db;
}

static struct store *make_town(int months, int with_history)
{
	struct demo_options opt;
	struct import_summary sum;
	struct history_summary hist;
	struct err e = ERR_INIT;
	struct store *s = NULL;
	const char *tmp = test_tmpdir();
	char dir[600];

	snprintf(dir, sizeof(dir), "%s/town", tmp);
	snprintf(db, sizeof(db), "%s/e.db", tmp);
	demo_options_default(&opt);
	opt.out_dir = dir;
	opt.months = months;
	if (demo_generate(&opt, NULL, &e) < 0 || store_open(db, STORE_CREATE, &s, &e) < 0 ||
	    (with_history ? history_import_town(s, dir, NULL, &sum, &hist, &e)
			  : import_town(s, dir, NULL, &sum, &e)) < 0) {
		test_fail(__FILE__, __LINE__, "%s", e.msg);
		store_close(s);
		return NULL;
	}
	return s;
}

struct store *test_town(int months)
{
	return make_town(months, 0);
}

struct store *test_town_with_history(int months)
{
	return make_town(months, 1);
}
