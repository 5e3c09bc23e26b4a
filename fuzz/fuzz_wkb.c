/*
 * fuzz_wkb.c - libFuzzer target for geo_wkb_decode (geo/geo.h): garbage
 * must be refused with a message; whatever decodes must encode back to a
 * form that decodes to the same rings, and survive the geometry functions.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "geo/geo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct geo_multipolygon mp, again;
	struct err e = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	struct geo_index *ix;
	struct geo_point p;
	size_t i;

	if (geo_wkb_decode(data, size, &mp, &e) < 0) {
		if (!e.msg[0] || mp.npolys || mp.polys)
			__builtin_trap();
		return 0;
	}
	if (geo_wkb_encode(&mp, &sb) < 0 || geo_wkb_decode(sb.buf, sb.len, &again, &e) < 0)
		__builtin_trap();
	if (again.npolys != mp.npolys)
		__builtin_trap();
	for (i = 0; i < mp.npolys; i++)
		if (again.polys[i].nrings != mp.polys[i].nrings)
			__builtin_trap();
	p = geo_centroid(&mp);
	(void)geo_contains(&mp, p);
	(void)geo_area_deg2(&mp);
	(void)geo_area_m2(&mp);
	ix = geo_index_build(&mp, 1);
	if (ix) {
		long at = geo_index_locate(ix, p);

		if (at != (geo_contains(&mp, p) ? 0 : -1))
			__builtin_trap();
		geo_index_free(ix);
	}
	geo_multipolygon_release(&again);
	geo_multipolygon_release(&mp);
	strbuf_release(&sb);
	return 0;
}
