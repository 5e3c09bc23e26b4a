/*
 * fuzz_csv.c - libFuzzer target for the CSV reader (import/csv.h): any
 * bytes, small caps so the limit paths run too; every field handed out must
 * be NUL-terminated and inside the record.  The same bytes are read again
 * by the state machine alone (csv_test_tune), whole and in small chunks,
 * and must come out as with the whole-record fast path, from memory and
 * through a FILE* (where it writes into its read buffer).  (Same chunks on
 * both sides: the state machine's line for a NUL after a newline inside
 * quotes depends on where the chunk ends.)
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "import/csv.h"
#include "import/import-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read `data` in `chunk`-byte pieces with and without the fast path, in
 * step; trap on the first difference.  With `file`, the fast side reads
 * through a FILE*, where it ends fields inside its read buffer. */
static void same_both_ways(const uint8_t *data, size_t size, const struct csv_limits *lim,
			   size_t chunk, int file)
{
	struct err e1 = ERR_INIT, e2 = ERR_INIT;
	FILE *fp = file && size ? fmemopen((void *)(uintptr_t)data, size, "rb") : NULL;
	struct csv *a = fp ? csv_open_file(fp, "fuzz.csv", lim)
			   : csv_open_mem(data, size, "fuzz.csv", lim);
	struct csv *b = csv_open_mem(data, size, "fuzz.csv", lim);
	size_t i;
	int r1, r2;

	if (!a || !b)
		goto out;
	csv_test_tune(a, chunk, 1);
	csv_test_tune(b, chunk, 0);
	do {
		r1 = csv_next(a, &e1);
		r2 = csv_next(b, &e2);
		if (r1 != r2 || (r1 < 0 && strcmp(e1.msg, e2.msg)))
			__builtin_trap();
		if (r1 <= 0)
			break;
		if (csv_line(a) != csv_line(b) || csv_nfields(a) != csv_nfields(b))
			__builtin_trap();
		for (i = 0; i < csv_nfields(a); i++) {
			struct csv_field f = csv_field(a, i), g = csv_field(b, i);

			if (f.len != g.len || memcmp(f.ptr, g.ptr, f.len) || f.ptr[f.len])
				__builtin_trap();
		}
	} while (r1 > 0);
out:
	csv_free(a);
	csv_free(b);
	if (fp)
		fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_limits lim = { 512, 4096, 64 };
	struct err e = ERR_INIT;
	struct csv *c = csv_open_mem(data, size, "fuzz.csv", size & 1 ? &lim : NULL);
	size_t i, total = 0;
	int rc;

	same_both_ways(data, size, size & 1 ? &lim : NULL, 0, 0);
	same_both_ways(data, size, size & 1 ? &lim : NULL, size ? 3 + data[0] % 29 : 0, 0);
	same_both_ways(data, size, size & 1 ? &lim : NULL, size ? 3 + data[0] % 29 : 0, 1);
	if (!c)
		return 0;
	if (csv_read_header(c, &e) == 0) {
		(void)csv_column(c, "Month");
		while ((rc = csv_next(c, &e)) > 0) {
			for (i = 0; i < csv_nfields(c); i++) {
				struct csv_field f = csv_field(c, i);

				if (f.ptr[f.len] != '\0' || strlen(f.ptr) > f.len)
					__builtin_trap();
				total += f.len;
			}
			if (csv_line(c) < 1)
				__builtin_trap();
		}
		if (rc < 0 && !e.msg[0])
			__builtin_trap();
	}
	csv_free(c);
	return total == (size_t)-1;
}
