/*
 * concern_batch.h - many concerns typed in at once (a stack of postcards,
 * a street's door-to-door questionnaires): all of them or none.
 *
 * Each concern goes through concern_raise, with every rule it applies,
 * inside one transaction that holds the whole batch; the first concern the
 * service refuses rolls everything back and is named by its place in the
 * batch, so the person typing can put that one right and send again
 * without making doubles of the others.
 */
#ifndef ENGAGE_CONCERN_BATCH_H
#define ENGAGE_CONCERN_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "engage/concern.h"
#include "store/store.h"

/* Raise in[0..n) in one transaction; out[i] is concern i's result.  On
 * failure nothing is kept, *failed is the index of the concern refused (or
 * n when the commit itself failed) and e says why. */
int concern_raise_batch(struct store *s, const struct concern_input *in, size_t n,
			uint64_t (*random_source)(void *), void *random_ctx,
			struct concern_result *out, size_t *failed, struct err *e);

/* The references of the concerns with ids first..last (at most
 * CONCERN_BATCH_SPAN of them) that `created_by` typed in for this
 * neighbourhood, in id order: what a batch made, for its confirmation
 * (others' concerns in the span are passed over).  fn returns non-zero to
 * stop. */
#define CONCERN_BATCH_SPAN 1000
int concern_batch_references(struct store *s, const char *force_id, const char *nbhd_id,
			     const char *created_by, int64_t first, int64_t last,
			     int (*fn)(void *ctx, const char *reference), void *ctx,
			     struct err *e);

#endif
