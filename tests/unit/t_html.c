/*
 * t_html.c - the HTML writer escapes per context.
 */
#include "test.h"

#include "views/html.h"

TEST(html_escapes_text_and_attributes)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h = { &sb, LANG_EN };

	HTML(&h, "<p title=\"");
	html_attr(&h, "\"><script>alert(1)</script>");
	HTML(&h, "\">");
	html_text(&h, "Fish & Chips <b>'now'</b>");
	HTML(&h, "</p>");
	CHECK_STR(strbuf_str(&sb),
		  "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
		  "Fish &amp; Chips &lt;b&gt;&#39;now&#39;&lt;/b&gt;</p>");
	strbuf_release(&sb);
}

TEST(html_url_args_are_percent_encoded)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h = { &sb, LANG_EN };

	html_url_arg(&h, "Penrhyn & Tŷ Gwyn/\"x\"");
	CHECK_STR(strbuf_str(&sb), "Penrhyn%20%26%20T%C5%B7%20Gwyn%2F%22x%22");
	strbuf_release(&sb);
}

TEST(html_counts_have_thousands_separators)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h = { &sb, LANG_EN };

	html_count(&h, 1234567);
	HTML(&h, " ");
	html_count(&h, 999);
	HTML(&h, " ");
	html_count(&h, -12000);
	CHECK_STR(strbuf_str(&sb), "1,234,567 999 -12,000");
	strbuf_release(&sb);
}
