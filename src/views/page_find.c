/*
 * page_find.c - the "find your neighbourhood" page (see page_find.h).
 * The form follows govuk-frontend's patterns: a label, a hint, the error
 * summary and the error beside the field, and the typed value kept.
 */
#include "views/page_find.h"

#include <stdio.h>
#include <string.h>

static void search_form(struct html *h, const struct find_page *in)
{
	HTML(h, "<form action=\"/find\" method=\"get\" novalidate>\n<div class=\"govuk-form-group");
	if (in->empty)
		HTML(h, " govuk-form-group--error");
	HTML(h, "\">\n<h2 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--m\" for=\"q\">");
	html_msg(h, M_FIND_LABEL);
	HTML(h, "</label></h2>\n<div id=\"q-hint\" class=\"govuk-hint\">");
	html_msg(h, M_FIND_HINT);
	HTML(h, "</div>\n");
	if (in->empty) {
		HTML(h, "<p id=\"q-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">");
		html_msg(h, M_FIND_ERROR_PREFIX);
		HTML(h, "</span> ");
		html_msg(h, M_FIND_ERROR_EMPTY);
		HTML(h, "</p>\n");
	}
	HTML(h, "<input class=\"govuk-input govuk-!-width-two-thirds");
	if (in->empty)
		HTML(h, " govuk-input--error");
	HTML(h, "\" id=\"q\" name=\"q\" type=\"search\" autocomplete=\"address-level2\" spellcheck=\"false\" "
		"aria-describedby=\"q-hint");
	if (in->empty)
		HTML(h, " q-error");
	HTML(h, "\" value=\"");
	html_attr(h, in->query ? in->query : "");
	HTML(h, "\">\n</div>\n<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">");
	html_msg(h, M_FIND_BUTTON);
	HTML(h, "</button>\n</form>\n");
}

/* Shown by engage.mjs only where the browser can tell where it is. */
static void location_form(struct html *h)
{
	HTML(h, "<div class=\"engage-geolocate\" data-geolocate hidden>\n<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_FIND_LOCATION_HEADING);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(h, M_FIND_LOCATION_HINT);
	HTML(h, "</p>\n<p class=\"govuk-error-message\" data-geolocate-error hidden>");
	html_msg(h, M_FIND_LOCATION_FAILED);
	HTML(h, "</p>\n<form action=\"/find\" method=\"get\">\n"
		"<input type=\"hidden\" name=\"lat\" value=\"\"><input type=\"hidden\" name=\"lng\" value=\"\">\n"
		"<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">");
	html_msg(h, M_FIND_LOCATION_BUTTON);
	HTML(h, "</button>\n</form>\n</div>\n");
}

static void error_summary(struct html *h)
{
	HTML(h, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n"
		"<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">");
	html_msg(h, M_FIND_ERROR_TITLE);
	HTML(h, "</h2>\n<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">"
		"<li><a href=\"#q\">");
	html_msg(h, M_FIND_ERROR_EMPTY);
	HTML(h, "</a></li></ul></div>\n</div>\n</div>\n");
}

/* One entry per neighbourhood, with every name of it that matched. */
static void results(struct html *h, const struct find_page *in)
{
	const struct readmodel *rm = in->rm;
	char n[32];

	HTML(h, "<h2 class=\"govuk-heading-l\">");
	html_msg_args(h, M_FIND_RESULTS_HEADING, in->query, NULL);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(h, M_FIND_RESULTS_LEAD);
	HTML(h, "</p>\n<ul class=\"govuk-list engage-results\">\n");
	for (size_t i = 0; i < in->nmatches; i++) {
		const struct find_match *m = &in->matches[i];
		const struct rm_neighbourhood *nb = &rm->nbhds[m->nbhd];
		int seen = 0;

		for (size_t k = 0; k < i; k++)
			seen |= in->matches[k].nbhd == m->nbhd;
		if (seen)
			continue;
		HTML(h, "<li><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"/neighbourhoods/");
		html_url_arg(h, rm->forces[nb->force].id);
		HTML(h, "/");
		html_url_arg(h, nb->id);
		HTML(h, "\">");
		html_text(h, nb->name);
		HTML(h, "</a> <span class=\"govuk-body-s engage-secondary\">");
		html_text(h, rm->forces[nb->force].name);
		HTML(h, "</span>");
		for (size_t k = i; k < in->nmatches; k++) {
			const struct find_match *x = &in->matches[k];

			if (x->nbhd != m->nbhd || x->kind == FIND_NEIGHBOURHOOD)
				continue;
			HTML(h, "<br><span class=\"govuk-body-s\">");
			html_msg_args(h, x->kind == FIND_STREET ? M_FIND_MATCH_STREET : M_FIND_MATCH_AREA,
				      x->label, NULL);
			HTML(h, "</span>");
		}
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n");
	if (in->total > in->nmatches) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg_args(h, M_FIND_TOO_MANY, count_text((int64_t)in->nmatches, n), NULL);
		HTML(h, "</p>\n");
	}
}

static void nothing_found(struct html *h, const struct find_page *in)
{
	if (in->outside) {
		HTML(h, "<div class=\"govuk-inset-text\" role=\"status\">");
		html_msg(h, M_FIND_OUTSIDE);
		HTML(h, "</div>\n");
		return;
	}
	HTML(h, "<div role=\"status\"><h2 class=\"govuk-heading-m\">");
	html_msg_args(h, M_FIND_NONE_HEADING, in->query, NULL);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(h, M_FIND_NONE_HELP);
	HTML(h, "</p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">");
	html_msg(h, M_FIND_ALL_LINK);
	HTML(h, "</a></p></div>\n");
}

void page_find(const struct find_page *in, const struct page_ctx *pc, struct strbuf *out)
{
	struct html h = { out, pc->lang };
	char title[256];

	if (in->empty) {	/* GOV.UK pattern: "Error: " starts the title */
		snprintf(title, sizeof(title), "%s %s", msg_text(pc->lang, M_FIND_ERROR_PREFIX),
			 msg_text(pc->lang, M_FIND_TITLE));
	} else {
		snprintf(title, sizeof(title), "%s", msg_text(pc->lang, M_FIND_TITLE));
	}
	layout_begin(&h, pc, title);
	HTML(&h, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
	if (in->empty)
		error_summary(&h);
	HTML(&h, "<h1 class=\"govuk-heading-xl\">");
	html_msg(&h, M_FIND_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body-l\">");
	html_msg(&h, M_FIND_LEAD);
	HTML(&h, "</p>\n");
	search_form(&h, in);
	if (in->nmatches)
		results(&h, in);
	else if (!in->empty && ((in->query && in->query[0]) || in->outside))
		nothing_found(&h, in);
	location_form(&h);
	HTML(&h, "</div></div>\n");
	layout_end(&h, pc);
}
