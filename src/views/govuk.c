/*
 * govuk.c - govuk-frontend markup patterns (see govuk.h).
 */
#include "views/govuk.h"

#include <string.h>

void govuk_table_begin(struct html *h, enum govuk_caption style)
{
	HTML(h, "<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption");
	if (style == GOVUK_CAPTION_HIDDEN)
		HTML(h, " govuk-visually-hidden");
	else if (style == GOVUK_CAPTION_S)
		HTML(h, " govuk-table__caption--s");
	else
		HTML(h, " govuk-table__caption--m");
	HTML(h, "\">");
}

void govuk_table_head(struct html *h, const struct govuk_col *cols, size_t ncols)
{
	HTML(h, "</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
	for (size_t i = 0; i < ncols; i++) {
		HTML(h, "<th scope=\"col\" class=\"govuk-table__header");
		if (cols[i].flags & GOVUK_NUMERIC)
			HTML(h, " govuk-table__header--numeric");
		if (cols[i].flags & GOVUK_WIDE_ONLY)
			HTML(h, " engage-wide-only");
		HTML(h, "\">");
		html_msg(h, cols[i].label);
		HTML(h, "</th>");
	}
	HTML(h, "</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
}

void govuk_table_end(struct html *h)
{
	HTML(h, "</tbody>\n</table>\n");
}

void govuk_error_text(struct html *h, const struct govuk_error *error, const char *arg)
{
	if (arg)
		html_msg_args(h, error->message, arg, NULL);
	else
		html_msg(h, error->message);
}

void govuk_error_summary(struct html *h, const struct govuk_error *errors, size_t n)
{
	govuk_error_summary_args(h, errors, NULL, n);
}

void govuk_error_summary_args(struct html *h, const struct govuk_error *errors,
			      const char *const *args, size_t n)
{
	if (!n)
		return;
	HTML(h, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
		"<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">");
	html_msg(h, M_ERROR_SUMMARY_TITLE);
	HTML(h, "</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
		"govuk-error-summary__list\">");
	for (size_t i = 0; i < n; i++) {
		HTML(h, "<li><a href=\"#");
		html_attr(h, errors[i].field_id);
		HTML(h, "\">");
		govuk_error_text(h, &errors[i], args ? args[i] : NULL);
		HTML(h, "</a></li>");
	}
	HTML(h, "</ul></div></div></div>\n");
}

const struct govuk_error *govuk_error_for(const struct govuk_error *errors, size_t n,
					 const char *field_id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(errors[i].field_id, field_id))
			return &errors[i];
	return NULL;
}

void govuk_input_field(struct html *h, const struct govuk_input *in,
		       const struct govuk_error *error)
{
	HTML(h, "<div class=\"govuk-form-group");
	if (error)
		HTML(h, " govuk-form-group--error");
	HTML(h, "\"><label class=\"govuk-label\" for=\"");
	html_attr(h, in->id);
	HTML(h, "\">");
	html_msg(h, in->label);
	HTML(h, "</label>");
	if (in->has_hint) {
		HTML(h, "<div class=\"govuk-hint\" id=\"");
		html_attr(h, in->id);
		HTML(h, "-hint\">");
		html_msg(h, in->hint);
		HTML(h, "</div>");
	}
	if (error) {
		HTML(h, "<p class=\"govuk-error-message\" id=\"");
		html_attr(h, in->id);
		HTML(h, "-error\"><span class=\"govuk-visually-hidden\">");
		html_msg(h, M_ERROR_PREFIX);
		HTML(h, "</span> ");
		html_msg(h, error->message);
		HTML(h, "</p>");
	}
	HTML(h, "<input class=\"govuk-input");
	if (error)
		HTML(h, " govuk-input--error");
	if (in->extra_class) {
		HTML(h, " ");
		html_attr(h, in->extra_class);
	}
	HTML(h, "\" id=\"");
	html_attr(h, in->id);
	HTML(h, "\" name=\"");
	html_attr(h, in->id);
	HTML(h, "\" type=\"");
	html_attr(h, in->type ? in->type : "text");
	HTML(h, "\" autocomplete=\"");
	html_attr(h, in->autocomplete ? in->autocomplete : "off");
	HTML(h, "\"");
	if (in->has_hint || error) {
		HTML(h, " aria-describedby=\"");
		if (in->has_hint) {
			html_attr(h, in->id);
			HTML(h, "-hint");
		}
		if (error) {
			if (in->has_hint)
				HTML(h, " ");
			html_attr(h, in->id);
			HTML(h, "-error");
		}
		HTML(h, "\"");
	}
	if (in->value) {
		HTML(h, " value=\"");
		html_attr(h, in->value);
		HTML(h, "\"");
	}
	HTML(h, "></div>\n");
}
