/*
 * concern_batch.c - a batch of concerns in one transaction (see
 * concern_batch.h).
 */
#include "engage/concern_batch.h"

#include <string.h>

#include "engage/engage-internal.h"
#include "store/tables.h"

int concern_raise_batch(struct store *s, const struct concern_input *in, size_t n,
			uint64_t (*random_source)(void *), void *random_ctx,
			struct concern_result *out, size_t *failed, struct err *e)
{
	int rc;

	*failed = 0;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if ((rc = concern_raise(s, &in[i], random_source, random_ctx, &out[i], e)) < 0) {
			*failed = i;
			store_rollback(s);
			return rc;
		}
	}
	if ((rc = store_commit(s, e)) < 0) {
		*failed = n;
		store_rollback(s);
		return rc;
	}
	return 0;
}

int concern_batch_references(struct store *s, const char *force_id, const char *nbhd_id,
			     const char *created_by, int64_t first, int64_t last,
			     int (*fn)(void *ctx, const char *reference), void *ctx,
			     struct err *e)
{
	int rc = 0;

	if (first < 1 || last < first || last - first >= CONCERN_BATCH_SPAN)
		return err_set(e, ERR_INVALID, "concerns: %lld to %lld is not a batch",
			       (long long)first, (long long)last);
	for (int64_t id = first; id <= last && rc == 0; id++) {
		struct eng_row r;

		rc = eng_row_get(s, &store_concerns, id, &r, e);
		if (rc == 0 && !strcmp(r.v[CONCERN_FORCE_ID].s, force_id) &&
		    !strcmp(r.v[CONCERN_NEIGHBOURHOOD_ID].s, nbhd_id) &&
		    !strcmp(r.v[CONCERN_CREATED_BY].s, created_by))
			rc = fn(ctx, r.v[CONCERN_REFERENCE].s);
		else if (rc == ERR_NOTFOUND)
			rc = 0;
		eng_row_release(&r);
	}
	return rc;
}
