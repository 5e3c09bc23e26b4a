/*
 * layout.c - the shared page frame (see layout.h).
 */
#include "views/layout.h"

#include <string.h>

#define OGL_URL "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

static const struct {
	enum nav_item item;
	const char *href;
	enum msg_id label;
} nav_items[] = {
	{ NAV_NEIGHBOURHOODS, "/", M_NAV_NEIGHBOURHOODS },
	{ NAV_FIND, "/find", M_NAV_FIND },
	{ NAV_CONCERN, "/concerns/new", M_NAV_CONCERN },
	{ NAV_TRACK, "/concerns/track", M_NAV_TRACK },
	{ NAV_DATA, "/data/", M_NAV_DATA },
	{ NAV_STAFF, "/staff", M_NAV_STAFF },
};

void layout_language_href(struct html *h, enum lang to, const char *back)
{
	HTML(h, "/language/");
	html_text(h, lang_code(to));
	HTML(h, "?back=");
	html_url_arg(h, back && back[0] == '/' ? back : "/");
}

static void language_switch(struct html *h, const struct page_ctx *pc)
{
	enum lang other = pc->lang == LANG_CY ? LANG_EN : LANG_CY;

	HTML(h, "<nav class=\"govuk-language-navigation engage-language\" aria-label=\"");
	html_msg(h, M_LANG_SWITCH_LABEL);
	HTML(h, "\">\n<ul class=\"govuk-language-navigation__list\">\n"
		"<li class=\"govuk-language-navigation__list-item\">"
		"<span class=\"govuk-language-navigation__text\" aria-current=\"true\">");
	html_msg(h, M_LANG_THIS_NAME);
	HTML(h, "</span></li>\n<li class=\"govuk-language-navigation__list-item\">"
		"<a class=\"govuk-language-navigation__link\" rel=\"alternate\" href=\"");
	layout_language_href(h, other, pc->path);
	HTML(h, "\" lang=\"");
	html_text(h, lang_code(other));
	HTML(h, "\" hreflang=\"");
	html_text(h, lang_code(other));
	HTML(h, "\">");
	html_msg(h, M_LANG_OTHER_NAME);
	HTML(h, "</a></li>\n</ul>\n</nav>\n");
}

static void service_navigation(struct html *h, const struct page_ctx *pc)
{
	HTML(h, "<section aria-label=\"");
	html_msg(h, M_SERVICE_NAME);
	HTML(h, "\" class=\"govuk-service-navigation\" data-module=\"govuk-service-navigation\">\n"
		"<div class=\"govuk-width-container\">\n<div class=\"govuk-service-navigation__container\">\n"
		"<nav aria-label=\"");
	html_msg(h, M_NAV_LABEL);
	HTML(h, "\" class=\"govuk-service-navigation__wrapper\">\n"
		"<button type=\"button\" class=\"govuk-service-navigation__toggle "
		"govuk-js-service-navigation-toggle\" aria-controls=\"navigation\" hidden>");
	html_msg(h, M_NAV_LABEL);
	HTML(h, "</button>\n<ul class=\"govuk-service-navigation__list\" id=\"navigation\">\n");
	for (size_t i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		int current = nav_items[i].item == pc->nav;

		if (current)
			HTML(h, "<li class=\"govuk-service-navigation__item "
				"govuk-service-navigation__item--active\">");
		else
			HTML(h, "<li class=\"govuk-service-navigation__item\">");
		HTML(h, "<a class=\"govuk-service-navigation__link\" href=\"");
		html_attr(h, nav_items[i].href);
		HTML(h, "\"");
		if (current)
			HTML(h, " aria-current=\"page\"><strong "
				"class=\"govuk-service-navigation__active-fallback\">");
		else
			HTML(h, ">");
		html_msg(h, nav_items[i].label);
		if (current)
			HTML(h, "</strong>");
		HTML(h, "</a></li>\n");
	}
	HTML(h, "</ul>\n</nav>\n</div>\n</div>\n</section>\n");
}

static void staff_bar(struct html *h, const struct page_ctx *pc)
{
	if (!pc->staff_name)
		return;
	HTML(h, "<div class=\"govuk-width-container engage-staff-bar\"><p class=\"govuk-body-s\">");
	html_msg_args(h, M_STAFF_SIGNED_IN_AS, pc->staff_name, NULL);
	HTML(h, "</p><form method=\"post\" action=\"/staff/sign-out\">"
		"<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(h, pc->csrf);
	HTML(h, "\"><button type=\"submit\" class=\"govuk-button govuk-button--secondary "
		"engage-button--small\" data-module=\"govuk-button\">");
	html_msg(h, M_STAFF_SIGN_OUT);
	HTML(h, "</button></form></div>\n");
}

void layout_begin(struct html *h, const struct page_ctx *pc, const char *title)
{
	h->lang = pc->lang;
	HTML(h, "<!DOCTYPE html>\n<html lang=\"");
	html_text(h, lang_code(pc->lang));
	HTML(h, "\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_text(h, title);
	HTML(h, " - ");
	html_msg(h, M_TITLE_SUFFIX);
	HTML(h, "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, "
		"viewport-fit=cover\">\n<meta name=\"theme-color\" content=\"#0b4f6c\">\n"
		"<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
		"<link rel=\"stylesheet\" href=\"/assets/govuk.css\">\n"
		"<link rel=\"stylesheet\" href=\"/assets/engage.css\">\n"
		"<script type=\"module\" src=\"/assets/engage.mjs\"></script>\n"
		"</head>\n<body class=\"govuk-template__body\">\n<a href=\"#main-content\" "
		"class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">");
	html_msg(h, M_SKIP_LINK);
	HTML(h, "</a>\n<header class=\"govuk-template__header\">\n"
		"<div class=\"govuk-generic-header engage-header\">\n"
		"<div class=\"govuk-generic-header__container govuk-width-container\">\n"
		"<div class=\"govuk-generic-header__logo\"><a href=\"/\" "
		"class=\"govuk-generic-header__homepage-link engage-header__name\">");
	html_msg(h, M_SERVICE_NAME);
	HTML(h, "<span class=\"engage-header__tagline\">");
	html_msg(h, M_SERVICE_TAGLINE);
	HTML(h, "</span></a></div>\n");
	language_switch(h, pc);
	HTML(h, "</div>\n</div>\n");
	service_navigation(h, pc);
	HTML(h, "</header>\n");
	staff_bar(h, pc);
	HTML(h, "<div class=\"govuk-width-container\">\n<div class=\"govuk-phase-banner\">"
		"<p class=\"govuk-phase-banner__content\"><strong class=\"govuk-tag "
		"govuk-phase-banner__content__tag\">");
	html_msg(h, M_PHASE_TAG);
	HTML(h, "</strong><span class=\"govuk-phase-banner__text\">");
	html_msg(h, M_PHASE_TEXT);
	HTML(h, "</span></p></div>\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
}

void layout_end(struct html *h, const struct page_ctx *pc)
{
	static const char licence_link[] =
		"<a class=\"govuk-footer__link\" rel=\"license\" href=\"" OGL_URL "\">";
	struct strbuf link = STRBUF_INIT;
	struct html lh = { &link, pc->lang };

	strbuf_addstr(&link, licence_link);
	html_msg(&lh, M_FOOTER_LICENCE_LINK);
	strbuf_addstr(&link, "</a>");
	HTML(h, "</main>\n</div>\n<footer class=\"govuk-footer\">\n<div class=\"govuk-width-container\">\n"
		"<div class=\"govuk-footer__meta\">\n<div class=\"govuk-footer__meta-item "
		"govuk-footer__meta-item--grow\">\n<h2 class=\"govuk-visually-hidden\">");
	html_msg(h, M_FOOTER_LINKS);
	HTML(h, "</h2>\n<ul class=\"govuk-footer__inline-list\">\n"
		"<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" "
		"href=\"/accessibility\">");
	html_msg(h, M_FOOTER_ACCESSIBILITY);
	HTML(h, "</a></li>\n<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" "
		"href=\"/data/\">");
	html_msg(h, M_FOOTER_DATA);
	HTML(h, "</a></li>\n</ul>\n<div class=\"govuk-footer__meta-custom\"><p class=\"govuk-body-s\">");
	html_msg(h, M_FOOTER_EMERGENCY);
	HTML(h, "</p></div>\n<span class=\"govuk-footer__licence-description\">");
	html_msgv(h, M_FOOTER_LICENCE, (const char *const[]){ link.buf ? link.buf : "" }, 1);
	HTML(h, "</span>\n</div>\n</div>\n</div>\n</footer>\n</body>\n</html>\n");
	strbuf_release(&link);
}

void page_not_found(struct strbuf *out, const struct page_ctx *pc, enum msg_id why)
{
	struct html h = { out, pc->lang };

	layout_begin(&h, pc, msg_text(pc->lang, M_NOT_FOUND_TITLE));
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_NOT_FOUND_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, why);
	HTML(&h, "</p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">");
	html_msg(&h, M_NOT_FOUND_BACK);
	HTML(&h, "</a></p>\n");
	layout_end(&h, pc);
}
