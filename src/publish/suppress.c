/*
 * suppress.c - primary and complementary small-count suppression (see
 * suppress.h for the rule).
 */
#include "publish/suppress.h"

int suppress_count(int64_t count, int64_t min_count)
{
	return count > 0 && count < min_count;
}

size_t suppress_group(const int64_t *counts, size_t n, int64_t min_count,
		      unsigned char *hide, int *hide_total)
{
	int64_t total = 0;
	size_t hidden = 0, pick = n;

	for (size_t i = 0; i < n; i++) {
		total += counts[i];
		hide[i] = (unsigned char)suppress_count(counts[i], min_count);
		hidden += hide[i];
	}
	*hide_total = suppress_count(total, min_count);
	if (*hide_total) {
		for (size_t i = 0; i < n; i++)
			if (counts[i] > 0 && !hide[i]) {
				hide[i] = 1;
				hidden++;
			}
		return hidden;
	}
	if (hidden != 1)
		return hidden;
	for (size_t i = 0; i < n; i++)
		if (counts[i] > 0 && !hide[i] && (pick == n || counts[i] < counts[pick]))
			pick = i;
	if (pick < n) {
		hide[pick] = 1;
		hidden++;
	}
	return hidden;
}
