/*
 * town.h - a unit-test fixture: the demo town generated into the test's
 * temporary folder, imported through the real importers into a fresh
 * store, and its read model loaded.
 */
#ifndef ENGAGE_TEST_TOWN_H
#define ENGAGE_TEST_TOWN_H

#include "index/readmodel.h"
#include "store/store.h"

struct town {
	char dir[512], db[512];
	struct store *s;
	struct readmodel *rm;
};

/* `months` of police.uk data; `history` also replays the year of
 * engagement (meetings, concerns, priorities, feedback).  0, or -1 after
 * recording a test failure. */
int town_open(struct town *t, int months, int history);
void town_close(struct town *t);

#endif
