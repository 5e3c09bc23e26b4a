/*
 * fuzz_census.c - libFuzzer target for the census readers
 * (import/census.h).  An input starting with byte 0, 1 or 2 gets an ONS
 * mid-year, GLA atlas or Nomis 2021 header put in front; others go in raw.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/census.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const headers[] = {
	"LSOA11CD,LSOA11NM,Persons_All-Ages,Persons_0-15,Persons_16-29,Persons_30-44,"
	"Persons_45-64,Persons_65+,Males_All-Ages,Females_All-Ages",
	"Lower Super Output Area,Households;All households;2011,Ethnic Group;White;2011,"
	"Ethnic Group;BAME;2011",
	"date,geography,geography code,Ethnic group: Total: All usual residents,"
	"Ethnic group: White,Ethnic group: White: Irish,Number of households: Total: All households",
};

static int on_value(void *ctx, const struct census_value *v, struct err *e)
{
	if (strlen(v->lsoa_code) != 9 || v->value < 0)
		__builtin_trap();
	*(int64_t *)ctx += v->value;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t sum = 0;
	struct err e = ERR_INIT;
	long rc;

	if (size > 0 && data[0] <= 2) {
		const char *hdr = headers[data[0]];
		size_t hn = strlen(hdr);
		char *buf = malloc(hn + size);

		if (!buf)
			return 0;
		memcpy(buf, hdr, hn);
		buf[hn] = '\n';
		memcpy(buf + hn + 1, data + 1, size - 1);
		rc = census_read_mem(buf, hn + size, "fuzz.csv", on_value, &sum, NULL, &e);
		free(buf);
	} else {
		rc = census_read_mem(data, size, "fuzz.csv", on_value, &sum, NULL, &e);
	}
	if (rc < 0 && !e.msg[0])
		__builtin_trap();
	return 0;
}
