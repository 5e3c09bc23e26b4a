/*
 * t_form.c - form bodies as a page handler reads them.
 */
#include "test.h"

#include <string.h>

#include "web/form.h"

TEST(form_fields_are_decoded_and_repeats_kept_in_order)
{
	struct web_form f;
	struct err e = ERR_INIT;
	const char body[] = "name=Si%C3%A2n+Jones&text=Line+one%0D%0ALine+two&row=a&row=b&empty=&flag";

	CHECK_INT(web_form_parse_text(body, strlen(body), &f, &e), 0);
	CHECK_STR(web_form_get(&f, "name"), "Siân Jones");
	CHECK_STR(web_form_get(&f, "text"), "Line one\r\nLine two");
	CHECK_STR(web_form_get_nth(&f, "row", 0), "a");
	CHECK_STR(web_form_get_nth(&f, "row", 1), "b");
	CHECK(web_form_get_nth(&f, "row", 2) == NULL);
	CHECK_STR(web_form_get(&f, "empty"), "");
	CHECK_STR(web_form_get(&f, "flag"), "");
	CHECK(web_form_get(&f, "missing") == NULL);
	web_form_release(&f);
}

TEST(form_refuses_fields_that_are_not_text)
{
	struct web_form f;
	struct err e = ERR_INIT;
	const char nul[] = "name=a%00b", bad_utf8[] = "name=%C3%28", bell[] = "text=%07";

	CHECK_INT(web_form_parse_text(nul, strlen(nul), &f, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "'name'");
	CHECK_INT(web_form_parse_text(bad_utf8, strlen(bad_utf8), &f, &e), ERR_INVALID);
	CHECK_INT(web_form_parse_text(bell, strlen(bell), &f, &e), ERR_INVALID);
	CHECK_INT(web_form_parse_text("", 0, &f, &e), 0);
	CHECK_INT((long)f.n, 0);
}
