/*
 * fuzz_policeuk.c - libFuzzer target for the police.uk parsers
 * (import/policeuk.h).  An input starting with byte 0, 1 or 2 gets the
 * street, outcomes or stop-and-search header put in front, so the fuzzer
 * reaches the row checks of all three kinds; other inputs go in as they are.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/policeuk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch(const char *s)
{
	return strlen(s);
}

static int on_street(void *ctx, const struct crime_record *r, struct err *e)
{
	*(size_t *)ctx += touch(r->crime_id) + touch(r->location) + touch(r->lsoa_code) +
			  touch(r->lsoa_name) + touch(r->last_outcome) + touch(r->context) +
			  touch(r->reported_by) + touch(r->falls_within);
	if (r->category < 0 || r->category >= CAT_COUNT)
		__builtin_trap();
	return 0;
}

static int on_outcome(void *ctx, const struct outcome_record *r, struct err *e)
{
	*(size_t *)ctx += touch(r->crime_id) + touch(r->outcome) + touch(r->location);
	return 0;
}

static int on_stop(void *ctx, const struct stop_record *r, struct err *e)
{
	*(size_t *)ctx += touch(r->type) + touch(r->operation_name) + touch(r->gender) +
			  touch(r->age_range) + touch(r->self_defined_ethnicity) +
			  touch(r->officer_defined_ethnicity) + touch(r->legislation) +
			  touch(r->object_of_search) + touch(r->outcome);
	if (r->has_location && (r->lat < -90000000 || r->lat > 90000000))
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t sum = 0;
	struct policeuk_handlers h = { on_street, on_outcome, on_stop, &sum };
	struct err e = ERR_INIT;
	long rc;

	if (size > 0 && data[0] <= 2) {
		const char *hdr = policeuk_header((enum policeuk_kind)data[0]);
		size_t hn = strlen(hdr);
		char *buf = malloc(hn + size);

		if (!buf)
			return 0;
		memcpy(buf, hdr, hn);
		buf[hn] = '\n';
		memcpy(buf + hn + 1, data + 1, size - 1);
		rc = policeuk_read_mem(buf, hn + size, "fuzz.csv", &h, NULL, &e);
		free(buf);
	} else {
		rc = policeuk_read_mem(data, size, "fuzz.csv", &h, NULL, &e);
	}
	if (rc < 0 && !e.msg[0])
		__builtin_trap();
	return 0;
}
