/*
 * fuzz_crimecounts.c - libFuzzer target for decoding the crime counts
 * stored beside each street force-month (index/crimecounts.h).  A damaged
 * or hostile blob must be refused with an error, never read out of bounds.
 * An even first byte hands the rest over as a stored blob; an odd one
 * compresses the rest as the counts' inner layout first, so the fuzzer
 * reaches the parser behind the zstd frame.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "index/crimecounts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int add(void *ctx, const char *lsoa, const uint32_t count[CAT_COUNT])
{
	uint64_t *sum = ctx;

	if (!lsoa || strlen(lsoa) > 255)
		__builtin_trap();
	for (int c = 0; c < CAT_COUNT; c++)
		*sum += count[c];
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = ERR_INIT;
	uint64_t sum = 0;
	unsigned char *blob = NULL;
	size_t n = 0;
	int rc;

	if (size < 1)
		return 0;
	if (data[0] & 1) {
		size_t bound = ZSTD_compressBound(size - 1), z;

		if (!(blob = malloc(4 + bound)))
			return 0;
		memcpy(blob, "ECC1", 4);
		z = ZSTD_compress(blob + 4, bound, data + 1, size - 1, 1);
		if (ZSTD_isError(z)) {
			free(blob);
			return 0;
		}
		n = 4 + z;
	}
	rc = crimecounts_decode(blob ? blob : data + 1, blob ? n : size - 1, add, &sum, &e);
	if (rc < 0 && !e.msg[0])
		__builtin_trap();
	free(blob);
	return 0;
}
