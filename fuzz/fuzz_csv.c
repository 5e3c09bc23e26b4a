/*
 * fuzz_csv.c - libFuzzer target for the CSV reader (import/csv.h): any
 * bytes, small caps so the limit paths run too; every field handed out must
 * be NUL-terminated and inside the record.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "import/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_limits lim = { 512, 4096, 64 };
	struct err e = ERR_INIT;
	struct csv *c = csv_open_mem(data, size, "fuzz.csv", size & 1 ? &lim : NULL);
	size_t i, total = 0;
	int rc;

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
