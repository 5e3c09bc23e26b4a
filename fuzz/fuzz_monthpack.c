/*
 * fuzz_monthpack.c - libFuzzer target for decoding stored force-months
 * (index/monthpack.h).  A damaged or hostile blob in a database must be
 * refused with an error, never read out of bounds.  The first byte picks
 * the kind; the rest is the blob.
 */
#include <stddef.h>
#include <stdint.h>

#include "index/monthpack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct monthpack p;
	struct err e = ERR_INIT;
	int kind;

	if (size < 1)
		return 0;
	kind = data[0] % MONTH_KIND_COUNT;
	if (monthpack_decode(data + 1, size - 1, kind, 2019 * 12, &p, &e) == 0) {
		/* every string id in a column reads as some string */
		for (size_t r = 0; r < p.rows; r++)
			for (int c = 0; c < p.ncols; c++)
				if (p.types[c] == MPT_STR)
					(void)monthpack_str(&p, MP_STR(&p, c)[r]);
		monthpack_release(&p);
	} else if (!e.msg[0]) {
		__builtin_trap();
	}
	return 0;
}
