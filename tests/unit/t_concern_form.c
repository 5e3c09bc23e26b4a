/*
 * t_concern_form.c - the public concern form: each mistake is caught, its
 * message names the field and says what to do, limits agree with the
 * messages, the route accepts every field, and a good form becomes the
 * concern the JSON API would record (channel online-form, the page's
 * language).  Also the pages: errors linked from the summary, typed values
 * kept and escaped.
 */
#include "test.h"

#include "views/concern_form.h"
#include "views/page_concern.h"
#include "web/routes.h"

#include <stdio.h>
#include <string.h>

static void fill(struct concern_form *f, const char *const *pairs)
{
	concern_form_init(f);
	for (; pairs[0]; pairs += 2)
		for (int i = 0; i < CF_COUNT; i++)
			if (!strcmp(concern_form_names[i], pairs[0]))
				CHECK_INT(concern_form_set(f, (enum cf_field)i, pairs[1]), 0);
}

#define GOOD "neighbourhood", "glanmor/GM01", "category", "speeding", \
	"text", "Cars speeding past the school", "contact", "anonymous"

TEST(concern_form_good_anonymous_becomes_an_online_form_concern)
{
	struct concern_form f;
	struct concern_input in;

	fill(&f, (const char *const[]){ GOOD, "where", "  Stryd Fawr  ", "age_band", "65+",
					"sex", "prefer-not-to-say", NULL });
	CHECK_INT(concern_form_check(&f, NULL), 0);
	concern_form_input(&f, LANG_CY, &in);
	CHECK_STR(in.force_id, "glanmor");
	CHECK_STR(in.neighbourhood_id, "GM01");
	CHECK_STR(in.channel, "online-form");
	CHECK_STR(in.language, "cy");
	CHECK_STR(in.category, "speeding");
	CHECK_STR(in.location_text, "Stryd Fawr");
	CHECK(in.anonymous);
	CHECK(!in.name && !in.email && !in.consent_contact);
	CHECK_INT(in.ndemographics, 2);
	CHECK_STR(in.demographics[0].measure, "age_band");
	CHECK_STR(in.demographics[1].category, "prefer-not-to-say");
	concern_form_release(&f);
}

TEST(concern_form_contact_with_consent_and_unsure_category)
{
	struct concern_form f;
	struct concern_input in;

	fill(&f, (const char *const[]){ "neighbourhood", "glanmor/GM01", "category", "unsure",
					"text", "Noise late at night", "contact", "contact",
					"name", "Gwen Parry", "phone", "01632 960 001", "consent", "yes",
					NULL });
	CHECK_INT(concern_form_check(&f, NULL), 0);
	concern_form_input(&f, LANG_EN, &in);
	CHECK(in.category == NULL);	/* suggested from the text */
	CHECK(!in.anonymous);
	CHECK(in.consent_contact);
	CHECK_STR(in.phone, "01632 960 001");
	CHECK(in.consent_purpose && strstr(in.consent_purpose, "about this concern"));
	concern_form_release(&f);
}

#define NOISE "neighbourhood", "glanmor/GM01", "category", "noise", "text", "x"
#define ANON NOISE, "contact", "anonymous"
#define NAMED NOISE, "contact", "contact"

/* A mistake, the field it is reported on, the message, and words of the
 * English message that name the field. */
static const struct {
	const char *const pairs[16];
	enum cf_field field;
	enum msg_id msg;
	const char *names;
} mistakes[] = {
	{ { "category", "speeding", "text", "x", "contact", "anonymous" },
	  CF_NEIGHBOURHOOD, M_CF_ERR_NEIGHBOURHOOD, "neighbourhood" },
	{ { "neighbourhood", "glanmor", "category", "speeding", "text", "x", "contact", "anonymous" },
	  CF_NEIGHBOURHOOD, M_CF_ERR_NEIGHBOURHOOD, "neighbourhood" },
	{ { "neighbourhood", "glanmor/GM01", "category", "fax", "text", "x", "contact", "anonymous" },
	  CF_CATEGORY, M_CF_ERR_CATEGORY, "what your concern is about" },
	{ { "neighbourhood", "glanmor/GM01", "category", "noise", "text", " \r\n ", "contact", "anonymous" },
	  CF_TEXT, M_CF_ERR_TEXT_MISSING, "what is happening" },
	{ { NOISE },
	  CF_CONTACT, M_CF_ERR_CONTACT, "anonymous or give your contact details" },
	{ { NAMED, "consent", "yes" },
	  CF_EMAIL, M_CF_ERR_REACH, "email address or a phone number" },
	{ { NAMED, "email", "gwen.example.org", "consent", "yes" },
	  CF_EMAIL, M_CF_ERR_EMAIL, "email address" },
	{ { NAMED, "phone", "101", "consent", "yes" },
	  CF_PHONE, M_CF_ERR_PHONE, "phone number" },
	{ { NAMED, "email", "a@example.org" },
	  CF_CONSENT, M_CF_ERR_CONSENT, "tick the box" },
	{ { ANON, "age_band", "12" },
	  CF_AGE, M_CF_ERR_AGE, "your age" },
	{ { ANON, "sex", "x" },
	  CF_SEX, M_CF_ERR_SEX, "your sex" },
	{ { ANON, "ethnic_group", "x" },
	  CF_ETHNIC, M_CF_ERR_ETHNIC, "your ethnic group" },
};

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

TEST(concern_form_each_mistake_is_named_beside_its_field)
{
	for (size_t k = 0; k < sizeof(mistakes) / sizeof(mistakes[0]); k++) {
		struct concern_form f;

		fill(&f, mistakes[k].pairs);
		CHECK_INT(concern_form_check(&f, NULL), 1);
		if (f.error[mistakes[k].field] != mistakes[k].msg)
			test_fail(__FILE__, __LINE__, "mistake %zu: field %s has message %d, want %d", k,
				  concern_form_names[mistakes[k].field], (int)f.error[mistakes[k].field],
				  (int)mistakes[k].msg);
		if (!contains_ci(msg_text(LANG_EN, mistakes[k].msg), mistakes[k].names))
			test_fail(__FILE__, __LINE__, "\"%s\" does not name the field (%s)",
				  msg_text(LANG_EN, mistakes[k].msg), mistakes[k].names);
		concern_form_release(&f);
	}
}

TEST(concern_form_limits_agree_with_their_messages)
{
	static char text[CF_TEXT_MAX * 2 + 8];
	struct concern_form f;
	char where[CF_WHERE_MAX * 2 + 8];

	CHECK_CONTAINS(msg_text(LANG_EN, M_CF_ERR_TEXT_LONG), "1,000");
	CHECK_CONTAINS(msg_text(LANG_CY, M_CF_ERR_TEXT_LONG), "1,000");
	CHECK_CONTAINS(msg_text(LANG_EN, M_CF_ERR_WHERE_LONG), "100 characters");
	CHECK_CONTAINS(msg_text(LANG_EN, M_CF_ERR_NAME_LONG), "100 characters");
	CHECK_INT(CF_TEXT_MAX, 1000);
	CHECK_INT(CF_WHERE_MAX, 100);
	CHECK_INT(CF_NAME_MAX, 100);

	/* 1,000 characters with CR LF line ends pass; one more does not */
	memset(text, 'a', CF_TEXT_MAX + 1);
	memcpy(text + 10, "\r\n", 2);
	text[CF_TEXT_MAX + 1] = '\0';
	CHECK_INT(concern_form_chars(text), CF_TEXT_MAX);
	fill(&f, (const char *const[]){ GOOD, NULL });
	concern_form_set(&f, CF_TEXT, text);
	CHECK_INT(concern_form_check(&f, NULL), 0);
	text[CF_TEXT_MAX + 1] = 'b';
	text[CF_TEXT_MAX + 2] = '\0';
	concern_form_set(&f, CF_TEXT, text);
	CHECK_INT(concern_form_check(&f, NULL), 1);
	CHECK_INT(f.error[CF_TEXT], M_CF_ERR_TEXT_LONG);

	/* 100 Welsh characters of two bytes each fit "where" */
	for (int i = 0; i < CF_WHERE_MAX; i++)
		memcpy(where + 2 * i, "\xc5\xb5", 2);	/* ŵ */
	where[2 * CF_WHERE_MAX] = '\0';
	concern_form_set(&f, CF_TEXT, "x");
	concern_form_set(&f, CF_WHERE, where);
	CHECK_INT(concern_form_check(&f, NULL), 0);
	memcpy(where + 2 * CF_WHERE_MAX, "x", 2);
	concern_form_set(&f, CF_WHERE, where);
	CHECK_INT(concern_form_check(&f, NULL), 1);
	CHECK_INT(f.error[CF_WHERE], M_CF_ERR_WHERE_LONG);
	concern_form_release(&f);
}

TEST(concern_form_route_declares_every_field)
{
	const struct route *raise = NULL;

	for (size_t r = 0; r < web_nroutes; r++)
		if (!strcmp(web_routes[r].name, "concern-raise"))
			raise = &web_routes[r];
	CHECK(raise != NULL);
	for (int i = 0; raise && i < CF_COUNT; i++) {
		int found = 0;

		for (int q = 0; q < ROUTE_MAX_QUERY && raise->query[q].name; q++)
			found |= !strcmp(raise->query[q].name, concern_form_names[i]);
		if (!found)
			test_fail(__FILE__, __LINE__, "concern-raise does not declare \"%s\"",
				  concern_form_names[i]);
	}
}

TEST(concern_form_page_links_errors_and_keeps_values_escaped)
{
	struct concern_form f;
	struct page_ctx pc = { .lang = LANG_CY, .path = "/concerns/new", .nav = NAV_CONCERN };
	struct strbuf out = STRBUF_INIT;
	const char *html;

	fill(&f, (const char *const[]){ "neighbourhood", "glanmor/GM01",
					"text", "<script>alert(1)</script> & \"quotes\"",
					"contact", "contact", "email", "\"><b>x", NULL });
	CHECK_INT(concern_form_check(&f, NULL), 3);	/* category, email, consent */
	page_concern_form(NULL, &f, CF_NO_ERROR, NULL, &pc, &out);
	html = strbuf_str(&out);
	CHECK_CONTAINS(html, "<title>Gwall: Codi pryder - Engage</title>");
	CHECK_CONTAINS(html, "<a href=\"#category\">");
	CHECK_CONTAINS(html, "<a href=\"#email\">");
	CHECK_CONTAINS(html, "<a href=\"#consent\">");
	CHECK_CONTAINS(html, "id=\"email-error\"");
	CHECK_CONTAINS(html, "aria-describedby=\"email-error\"");
	CHECK_CONTAINS(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</textarea>");
	CHECK_CONTAINS(html, "value=\"&quot;&gt;&lt;b&gt;x\"");
	CHECK(!strstr(html, "<script>alert"));
	/* the contact questions show, as "contact" was chosen */
	CHECK(!strstr(html, "govuk-radios__conditional--hidden"));
	strbuf_release(&out);
	concern_form_release(&f);
}

TEST(concern_form_limit_message_keeps_the_form)
{
	struct concern_form f;
	struct page_ctx pc = { .lang = LANG_EN, .path = "/concerns/new", .nav = NAV_CONCERN };
	struct strbuf out = STRBUF_INIT;

	fill(&f, (const char *const[]){ GOOD, NULL });
	CHECK_INT(concern_form_check(&f, NULL), 0);
	page_concern_form(NULL, &f, M_CF_ERR_LIMIT, "7", &pc, &out);
	CHECK_CONTAINS(strbuf_str(&out), "please wait 7 minutes");
	CHECK_CONTAINS(strbuf_str(&out), "Cars speeding past the school</textarea>");
	strbuf_release(&out);
	concern_form_release(&f);
}
