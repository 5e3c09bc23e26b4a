/*
 * town.h - the demo town in a fresh database, for unit tests that need
 * real neighbourhoods, people and history to act on.
 */
#ifndef ENGAGE_TEST_TOWN_H
#define ENGAGE_TEST_TOWN_H

#include "store/store.h"

/* Generate the demo town (seed 1, `months` of data) in this test's
 * temporary folder and import it into a new database there.  NULL, with
 * the test failed, when any step fails. */
struct store *test_town(int months);
/* The same with the town's year of engagement history replayed into it. */
struct store *test_town_with_history(int months);
/* The path of the database the last test_town() made. */
const char *test_town_db(void);

#endif
