/*
 * oldpack.h - force-month records in the formats Engage wrote before, made
 * from today's, for the tests that check old records still decode and
 * still match on re-import.
 */
#ifndef ENGAGE_TEST_OLDPACK_H
#define ENGAGE_TEST_OLDPACK_H

#include <stddef.h>

#include "base/strbuf.h"

/* An EMZ4 record (zstd) rewritten as EMZ3 (the same with a zlib stream)
 * into out; 0, or -1 when `blob` is not a whole EMZ4 record. */
int oldpack_emz3_from_emz4(const void *blob, size_t n, struct strbuf *out);

#endif
