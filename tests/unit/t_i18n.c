/*
 * t_i18n.c - the English and Welsh catalogue, the choice of language, and
 * messages with placeholders.
 */
#include "test.h"

#include <string.h>

#include "views/html.h"
#include "views/i18n.h"

/* The placeholders a text uses, as a bit set of {1}..{9}. */
static unsigned placeholders(const char *s)
{
	unsigned bits = 0;

	for (; *s; s++)
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
			bits |= 1u << (s[1] - '1');
	return bits;
}

TEST(i18n_every_message_has_both_languages_with_the_same_placeholders)
{
	for (int id = 0; id < MSG_COUNT; id++) {
		const char *en = msg_text(LANG_EN, (enum msg_id)id);
		const char *cy = msg_text(LANG_CY, (enum msg_id)id);

		if (!en[0] || !cy[0])
			test_fail(__FILE__, __LINE__, "message %d lacks a language", id);
		if (placeholders(en) != placeholders(cy))
			test_fail(__FILE__, __LINE__, "message %d: \"%s\" and \"%s\" use different placeholders", id, en, cy);
	}
}

TEST(i18n_language_from_cookie_codes_and_accept_language)
{
	CHECK(lang_from_code("cy", LANG_EN) == LANG_CY);
	CHECK(lang_from_code("cy-GB", LANG_EN) == LANG_CY);
	CHECK(lang_from_code("en", LANG_CY) == LANG_EN);
	CHECK(lang_from_code("cym", LANG_EN) == LANG_EN);
	CHECK(lang_from_code(NULL, LANG_CY) == LANG_CY);
	CHECK(lang_from_accept("cy-GB,cy;q=0.9,en-GB;q=0.8", LANG_EN) == LANG_CY);
	CHECK(lang_from_accept("en-GB,en;q=0.9,cy;q=0.8", LANG_EN) == LANG_EN);
	CHECK(lang_from_accept("fr-FR, cy;q=0.5", LANG_EN) == LANG_CY);
	CHECK(lang_from_accept("fr-FR, de;q=0.5", LANG_EN) == LANG_EN);
	CHECK(lang_from_accept("en;q=0.2, cy;q=0.7", LANG_EN) == LANG_CY);
	CHECK(lang_from_accept("cy;q=0", LANG_EN) == LANG_EN);
	CHECK(lang_from_accept("", LANG_CY) == LANG_CY);
	CHECK(lang_from_accept(NULL, LANG_EN) == LANG_EN);
}

TEST(i18n_months_in_words)
{
	char out[32];

	month_words(LANG_EN, "2025-07", out);
	CHECK_STR(out, "July 2025");
	month_words(LANG_CY, "2025-07", out);
	CHECK_STR(out, "Gorffennaf 2025");
	month_words(LANG_CY, "2025-13", out);
	CHECK_STR(out, "2025-13");
}

TEST(i18n_placeholders_are_filled_in_each_language_order_and_escaped)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h = { &sb, LANG_CY };

	html_msg_args(&h, M_NB_LEAD, "1,200", "<500>", "3", NULL);
	CHECK_STR(strbuf_str(&sb), "1,200 o drigolion mewn &lt;500&gt; o aelwydydd, ar draws 3 o "
				   "ardaloedd bach (ACEHI).");
	strbuf_reset(&sb);
	h.lang = LANG_EN;
	html_msgv(&h, M_FOOTER_LICENCE, (const char *const[]){ "<a href=\"/l\">OGL</a>" }, 1);
	CHECK(strstr(strbuf_str(&sb), "available under the <a href=\"/l\">OGL</a>, except") != NULL);
	strbuf_reset(&sb);
	html_msg(&h, M_SKIP_LINK);
	CHECK_STR(strbuf_str(&sb), "Skip to main content");
	strbuf_release(&sb);
}
