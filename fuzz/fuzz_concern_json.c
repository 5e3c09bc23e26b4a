/*
 * fuzz_concern_json.c - libFuzzer target for the public concern form's
 * JSON body (POST /api/v1/concerns, api/engage_api-internal.h): anything a
 * stranger sends must be read or refused with a message, never crash, and
 * what is read must be what the service expects (strings or NULL, counts
 * in range).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "api/engage_api-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct concern_input in;
	struct err e = ERR_INIT;
	void *hold = NULL;

	if (api_parse_concern((const char *)data, size, &in, &hold, &e) == 0) {
		if (strcmp(in.channel, "online-form") || in.ndemographics < 0 ||
		    in.ndemographics > CONCERN_MAX_DEMOGRAPHICS)
			__builtin_trap();
		for (int i = 0; i < in.ndemographics; i++)
			if (!in.demographics[i].measure || !in.demographics[i].category)
				__builtin_trap();
		if (in.body)
			(void)strlen(in.body);
	} else if (!e.msg[0]) {
		__builtin_trap();
	}
	api_parse_release(hold);
	return 0;
}
