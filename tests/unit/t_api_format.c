/*
 * t_api_format.c - how the police.uk API writes numbers: coordinates as
 * police.uk formats them, integers through the JSON writer.  (Apart from
 * t_api.c, which parses answers with jansson, whose names clash with the
 * JSON writer's.)
 */
#include "test.h"

#include "api/api-internal.h"

#include <stdint.h>

TEST(api_coordinates_are_written_as_police_uk_does)
{
	char b[16];
	struct strbuf sb = STRBUF_INIT;
	struct json_writer jw;

	api_coord(51518207, b);
	CHECK_STR(b, "51.518207");
	api_coord(-112422, b);
	CHECK_STR(b, "-0.112422");
	api_coord(-4436990, b);
	CHECK_STR(b, "-4.43699");
	api_coord(51600000, b);
	CHECK_STR(b, "51.6");
	api_coord(52000000, b);
	CHECK_STR(b, "52.0");
	api_coord(-180000000, b);
	CHECK_STR(b, "-180.0");
	json_init(&jw, &sb);
	json_array_begin(&jw);
	json_int(&jw, 0);
	json_int(&jw, -42);
	json_int(&jw, INT64_MIN);
	json_int(&jw, INT64_MAX);
	json_array_end(&jw);
	CHECK_STR(strbuf_str(&sb), "[0,-42,-9223372036854775808,9223372036854775807]");
	strbuf_release(&sb);
}
