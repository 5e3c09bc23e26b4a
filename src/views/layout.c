/*
 * layout.c - the shared page frame (see layout.h).  No inline script or
 * style, so a strict Content-Security-Policy holds.
 */
#include "views/layout.h"

void layout_begin(struct html *h, const char *title)
{
	HTML(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_text(h, title);
	HTML(h, " - Engage</title>\n<link rel=\"stylesheet\" href=\"/assets/engage.css\">\n</head>\n<body>\n"
		"<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
		"<header class=\"site-header\"><a class=\"site-name\" href=\"/\">Engage</a>"
		"<span class=\"site-tagline\">Neighbourhood policing: you said, we did</span></header>\n"
		"<main id=\"main\">\n");
}

void layout_end(struct html *h)
{
	HTML(h, "</main>\n<footer class=\"site-footer\"><p>Crime data: "
		"<a href=\"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\">"
		"Open Government Licence v3.0</a>. Contains public sector information licensed under the "
		"Open Government Licence v3.0. Contains OS data &copy; Crown copyright and database right.</p>"
		"</footer>\n</body>\n</html>\n");
}

void page_not_found(struct strbuf *out, const char *why)
{
	struct html h = { out };

	layout_begin(&h, "Page not found");
	HTML(&h, "<h1>Page not found</h1>\n<p>");
	html_text(&h, why);
	HTML(&h, "</p>\n<p><a href=\"/\">See every neighbourhood</a></p>\n");
	layout_end(&h);
}
