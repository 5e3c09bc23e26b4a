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

/* The error summary: each error linking to its field, message i's {1}
 * filled from args[i] when given, and a service's own words (`detail`
 * inside `wrapper`) last. */
static void summary(struct html *h, const struct govuk_error *errors, const char *const *args,
		    size_t n, enum msg_id wrapper, const char *detail)
{
	if (!n && !detail)
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
	if (detail) {
		HTML(h, "<li>");
		html_msg_args(h, wrapper, detail, NULL);
		HTML(h, "</li>");
	}
	HTML(h, "</ul></div></div></div>\n");
}

void govuk_error_summary(struct html *h, const struct govuk_error *errors, size_t n)
{
	summary(h, errors, NULL, n, M_ERROR_PREFIX, NULL);
}

void govuk_error_summary_detail(struct html *h, const struct govuk_error *errors, size_t n,
				enum msg_id wrapper, const char *detail)
{
	summary(h, errors, NULL, n, wrapper, detail);
}

void govuk_error_summary_args(struct html *h, const struct govuk_error *errors,
			      const char *const *args, size_t n)
{
	summary(h, errors, args, n, M_ERROR_PREFIX, NULL);
}

const struct govuk_error *govuk_error_for(const struct govuk_error *errors, size_t n,
					 const char *field_id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(errors[i].field_id, field_id))
			return &errors[i];
	return NULL;
}

/* A field's hint and error message, with the ids aria-describedby names. */
static void field_hint_error(struct html *h, const char *id, int has_hint, enum msg_id hint,
			     const struct govuk_error *error)
{
	if (has_hint) {
		HTML(h, "<div class=\"govuk-hint\" id=\"");
		html_attr(h, id);
		HTML(h, "-hint\">");
		html_msg(h, hint);
		HTML(h, "</div>");
	}
	if (error) {
		HTML(h, "<p class=\"govuk-error-message\" id=\"");
		html_attr(h, id);
		HTML(h, "-error\"><span class=\"govuk-visually-hidden\">");
		html_msg(h, M_ERROR_PREFIX);
		HTML(h, "</span> ");
		html_msg(h, error->message);
		HTML(h, "</p>");
	}
}

/* The form group's opening, label, hint and error message. */
static void field_head(struct html *h, const char *id, enum msg_id label, int has_hint,
		       enum msg_id hint, const struct govuk_error *error)
{
	HTML(h, "<div class=\"govuk-form-group");
	if (error)
		HTML(h, " govuk-form-group--error");
	HTML(h, "\"><label class=\"govuk-label\" for=\"");
	html_attr(h, id);
	HTML(h, "\">");
	html_msg(h, label);
	HTML(h, "</label>");
	field_hint_error(h, id, has_hint, hint, error);
}

/* aria-describedby naming the hint and the error, when there are any. */
static void described_by(struct html *h, const char *id, int has_hint,
			 const struct govuk_error *error)
{
	if (!has_hint && !error)
		return;
	HTML(h, " aria-describedby=\"");
	if (has_hint) {
		html_attr(h, id);
		HTML(h, "-hint");
	}
	if (error) {
		if (has_hint)
			HTML(h, " ");
		html_attr(h, id);
		HTML(h, "-error");
	}
	HTML(h, "\"");
}

void govuk_input_field(struct html *h, const struct govuk_input *in,
		       const struct govuk_error *error)
{
	field_head(h, in->id, in->label, in->has_hint, in->hint, error);
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
	if (in->inputmode) {
		HTML(h, " inputmode=\"");
		html_attr(h, in->inputmode);
		HTML(h, "\"");
	}
	described_by(h, in->id, in->has_hint, error);
	if (in->value) {
		HTML(h, " value=\"");
		html_attr(h, in->value);
		HTML(h, "\"");
	}
	HTML(h, "></div>\n");
}

void govuk_textarea_field(struct html *h, const struct govuk_input *in, int rows,
			  const struct govuk_error *error)
{
	field_head(h, in->id, in->label, in->has_hint, in->hint, error);
	HTML(h, "<textarea class=\"govuk-textarea");
	if (error)
		HTML(h, " govuk-textarea--error");
	HTML(h, "\" id=\"");
	html_attr(h, in->id);
	HTML(h, "\" name=\"");
	html_attr(h, in->id);
	HTML(h, "\" rows=\"");
	html_int(h, rows);
	HTML(h, "\"");
	described_by(h, in->id, in->has_hint, error);
	HTML(h, ">");
	if (in->value)
		html_text(h, in->value);
	HTML(h, "</textarea></div>\n");
}

void govuk_radios_field(struct html *h, const struct govuk_radios *r,
			const struct govuk_error *error)
{
	HTML(h, "<div class=\"govuk-form-group");
	if (error)
		HTML(h, " govuk-form-group--error");
	HTML(h, "\"><fieldset class=\"govuk-fieldset\"");
	described_by(h, r->name, r->has_hint, error);
	HTML(h, "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
	html_msg(h, r->legend);
	HTML(h, "</legend>");
	field_hint_error(h, r->name, r->has_hint, r->hint, error);
	HTML(h, "<div class=\"govuk-radios govuk-radios--small");
	if (r->inline_)
		HTML(h, " govuk-radios--inline");
	HTML(h, "\" data-module=\"govuk-radios\">");
	for (size_t i = 0; i < r->n; i++) {
		HTML(h, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"");
		html_attr(h, r->name);
		if (i) {
			HTML(h, "-");
			html_int(h, (int64_t)i + 1);
		}
		HTML(h, "\" name=\"");
		html_attr(h, r->name);
		HTML(h, "\" type=\"radio\" value=\"");
		html_attr(h, r->items[i].value);
		HTML(h, "\"");
		if (r->checked && !strcmp(r->checked, r->items[i].value))
			HTML(h, " checked");
		HTML(h, "><label class=\"govuk-label govuk-radios__label\" for=\"");
		html_attr(h, r->name);
		if (i) {
			HTML(h, "-");
			html_int(h, (int64_t)i + 1);
		}
		HTML(h, "\">");
		html_text(h, r->items[i].label);
		HTML(h, "</label></div>");
	}
	HTML(h, "</div></fieldset></div>\n");
}

void govuk_hidden(struct html *h, const char *name, const char *value)
{
	HTML(h, "<input type=\"hidden\" name=\"");
	html_attr(h, name);
	HTML(h, "\" value=\"");
	html_attr(h, value ? value : "");
	HTML(h, "\">\n");
}
