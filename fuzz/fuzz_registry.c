/*
 * fuzz_registry.c - libFuzzer target for the registry readers
 * (import/registry.h): forces, neighbourhoods, teams and places files.  A
 * leading selector byte puts a real header in front of the rest, so the row
 * checks run, not only header rejection.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/strbuf.h"
#include "import/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int any_force(void *ctx, const struct force_record *r, struct err *e)
{
	return r->id[0] && r->name[0] ? 0 : (__builtin_trap(), 0);
}

static int any_nbhd(void *ctx, const struct neighbourhood_record *r, struct err *e)
{
	for (size_t i = 0; i < r->nlsoa; i++)
		if (strlen(r->lsoa_codes[i]) != 9)
			__builtin_trap();
	return 0;
}

static int any_team(void *ctx, const struct team_record *r, struct err *e)
{
	return r->name[0] ? 0 : (__builtin_trap(), 0);
}

static int any_place(void *ctx, const struct place_record *r, struct err *e)
{
	return r->kind == PLACE_KIND_GROUP || r->kind == PLACE_KIND_PLACE ? 0 : (__builtin_trap(), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct registry_handlers h = { any_force, any_nbhd, any_team, any_place, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	long n;

	if (size && data[0] < 4) {
		strbuf_addstr(&sb, registry_header((enum registry_kind)data[0]));
		strbuf_addch(&sb, '\n');
		strbuf_add(&sb, data + 1, size - 1);
	} else {
		strbuf_add(&sb, data, size);
	}
	n = registry_read_mem(sb.buf ? sb.buf : "", sb.len, "fuzz.csv", &h, NULL, &e);
	if (n < 0 && !e.msg[0])
		__builtin_trap();
	strbuf_release(&sb);
	return 0;
}
