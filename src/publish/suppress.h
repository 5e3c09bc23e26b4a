/*
 * suppress.h - small-count suppression for published tables.
 *
 * A count of people or incidents small enough to point at a person must not
 * leave Engage.  The rule (docs/open-data.md):
 *
 *  1. Primary: a count c with 0 < c < min_count (the `publish.min_count`
 *     setting, default 3) is suppressed.  Zero is published: it says that
 *     nothing happened, which reveals nobody.
 *  2. Complementary: a group of cells is published together with its total
 *     (one neighbourhood-month: its categories and "all-crime").  If the
 *     total is itself below min_count, every non-zero cell and the total are
 *     suppressed.  Otherwise, if exactly one cell of the group is suppressed,
 *     the total minus the others would give it back, so the smallest other
 *     non-zero cell is suppressed too (the first in the group's order on a
 *     tie).  Two or more suppressed cells cannot be separated by subtraction.
 *
 * A suppressed cell is written empty, with a `suppressed` column saying
 * true, in the CSV, and as "count": null, "suppressed": true in JSON.
 * min_count <= 1 turns suppression off.
 */
#ifndef ENGAGE_SUPPRESS_H
#define ENGAGE_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

/* 1 when a single count is below the threshold (rule 1). */
int suppress_count(int64_t count, int64_t min_count);

/* Apply rules 1 and 2 to a group of n counts whose sum is the published
 * total.  Sets hide[i] to 1 for every suppressed cell and *hide_total when
 * the total is suppressed.  Returns the number of cells hidden. */
size_t suppress_group(const int64_t *counts, size_t n, int64_t min_count,
		      unsigned char *hide, int *hide_total);

#endif
