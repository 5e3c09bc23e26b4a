/*
 * oldpack.h - force-month records in the formats Engage wrote before, made
 * from today's, for the tests that check old records still decode and
 * still match on re-import.
 */
#ifndef ENGAGE_TEST_OLDPACK_H
#define ENGAGE_TEST_OLDPACK_H

#include <stddef.h>

#include "base/strbuf.h"

/* Today's EMZ4 record (zstd; its packed part EMP4, string ids u16 when
 * they fit) rewritten into out as an EMZ3 record (a zlib stream, the
 * packed part EMP3 with u32 ids, as Engage wrote before EMZ4); 0, or -1
 * when `blob` is not a whole EMZ4 record. */
int oldpack_emz3_from_emz4(const void *blob, size_t n, struct strbuf *out);
/* The same as an EMZ4 record with an EMP3 packed part, as Engage wrote
 * before EMP4. */
int oldpack_emp3_from_emp4(const void *blob, size_t n, struct strbuf *out);

#endif
