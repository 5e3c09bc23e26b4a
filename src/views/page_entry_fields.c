/*
 * page_entry_fields.c - the pieces the staff entry pages share (see
 * page_staff_entry-internal.h), and the demographic categories with their
 * words.
 */
#include "views/page_staff_entry-internal.h"

#include <stdio.h>
#include <string.h>

#include "base/timeutil.h"

const struct entry_demog entry_demogs[ENTRY_DEMOG_MEASURES] = {
	{ "age_band", "age", M_SE_AGE, 6, {
		{ "0-15", M_SE_AGE_0_15 }, { "16-29", M_SE_AGE_16_29 }, { "30-44", M_SE_AGE_30_44 },
		{ "45-64", M_SE_AGE_45_64 }, { "65+", M_SE_AGE_65 },
		{ "prefer-not-to-say", M_SE_PREFER_NOT } } },
	{ "sex", "sex", M_SE_SEX, 3, {
		{ "female", M_SE_SEX_FEMALE }, { "male", M_SE_SEX_MALE },
		{ "prefer-not-to-say", M_SE_PREFER_NOT } } },
	{ "ethnic_group", "ethnic", M_SE_ETHNIC, 6, {
		{ "asian", M_SE_ETHNIC_ASIAN }, { "black", M_SE_ETHNIC_BLACK },
		{ "mixed", M_SE_ETHNIC_MIXED }, { "white", M_SE_ETHNIC_WHITE },
		{ "other", M_SE_ETHNIC_OTHER }, { "prefer-not-to-say", M_SE_PREFER_NOT } } },
};

const char *entry_value(const struct entry_values *v, const char *name)
{
	const char *s = v && v->get ? v->get(v->ctx, name) : NULL;

	return s ? s : "";
}

const struct govuk_error *entry_error(const struct entry_errors *errs, const char *id)
{
	return govuk_error_for(errs->e, errs->n, id);
}

const char *entry_error_arg(const struct entry_errors *errs, const char *id)
{
	const struct govuk_error *e = entry_error(errs, id);

	return e && errs->args ? errs->args[e - errs->e] : NULL;
}

void entry_error_summary(struct html *h, const struct entry_errors *errs)
{
	govuk_error_summary_args(h, errs->e, errs->args, errs->n);
}

const char *entry_vocab(const struct html *h, const struct vocab *v)
{
	return h->lang == LANG_CY ? v->cy : v->en;
}


void entry_date_words(const struct html *h, const char *yyyy_mm_dd, char out[48])
{
	char ym[8], month[32];
	int y, m, d;
	char tail;

	if (sscanf(yyyy_mm_dd, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
		snprintf(out, 48, "%s", yyyy_mm_dd);
		return;
	}
	snprintf(ym, sizeof(ym), "%04d-%02d", y, m);
	month_words(h->lang, ym, month);
	snprintf(out, 48, "%d %s", d, month);
}

void entry_day_words(const struct html *h, int64_t t, char out[48])
{
	char day[11];
	int y, m, d;

	civil_from_days((t + london_offset(t)) / 86400, &y, &m, &d);
	snprintf(day, sizeof(day), "%04d-%02d-%02d", y, m, d);
	entry_date_words(h, day, out);
}

void entry_href(struct html *h, const struct entry_nbhd *nb, const char *tail)
{
	HTML(h, "/staff/neighbourhoods/");
	html_url_arg(h, nb->force_id);
	HTML(h, "/");
	html_url_arg(h, nb->id);
	html_attr(h, tail);
}

void entry_begin(struct html *h, const struct page_ctx *pc, const struct entry_nbhd *nb,
		 enum msg_id title)
{
	struct strbuf tab = STRBUF_INIT;

	strbuf_addstr(&tab, msg_text(pc->lang, title));
	strbuf_addstr(&tab, ": ");
	strbuf_addstr(&tab, nb->name);
	layout_begin(h, pc, tab.buf ? tab.buf : nb->name);
	strbuf_release(&tab);
	HTML(h, "<nav class=\"govuk-breadcrumbs\" aria-label=\"");
	html_msg(h, M_BREADCRUMB);
	HTML(h, "\"><ol class=\"govuk-breadcrumbs__list\"><li class=\"govuk-breadcrumbs__list-item\">"
		"<a class=\"govuk-breadcrumbs__link\" href=\"/staff\">");
	html_msg(h, M_STAFF_HOME_TITLE);
	HTML(h, "</a></li>");
	if (title != M_SN_TITLE) {
		HTML(h, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"");
		entry_href(h, nb, "");
		HTML(h, "\">");
		html_text(h, nb->name);
		HTML(h, "</a></li>");
	}
	HTML(h, "</ol></nav>\n<span class=\"govuk-caption-l\">");
	html_text(h, nb->name);
	HTML(h, "</span>\n<h1 class=\"govuk-heading-l\">");
	html_msg(h, title);
	HTML(h, "</h1>\n");
}

void entry_form_begin(struct html *h, const struct page_ctx *pc, const struct entry_nbhd *nb,
		      const char *tail, int bulk)
{
	HTML(h, "<form method=\"post\" action=\"");
	entry_href(h, nb, tail);
	HTML(h, "\" novalidate");
	if (bulk) {
		HTML(h, " class=\"engage-bulk\" data-bulk-max=\"");
		html_int(h, POSTCARD_MAX_ROWS);
		HTML(h, "\"");
	}
	HTML(h, ">\n<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(h, pc->csrf ? pc->csrf : "");
	HTML(h, "\">\n");
}

void entry_banner_begin(struct html *h, enum msg_id what, const char *arg)
{
	HTML(h, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" "
		"role=\"alert\" aria-labelledby=\"done-title\" data-module=\"govuk-notification-banner\">"
		"<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
		"id=\"done-title\">");
	html_msg(h, M_SE_DONE);
	HTML(h, "</h2></div><div class=\"govuk-notification-banner__content\">"
		"<h3 class=\"govuk-notification-banner__heading\">");
	if (arg)
		html_msg_args(h, what, arg, NULL);
	else
		html_msg(h, what);
	HTML(h, "</h3>\n");
}

void entry_banner_end(struct html *h)
{
	HTML(h, "</div></div>\n");
}

/* --- fields ----------------------------------------------------------------- */

static void group_open(struct html *h, const struct entry_field *f)
{
	HTML(h, "<div class=\"govuk-form-group");
	if (f->error)
		HTML(h, " govuk-form-group--error");
	HTML(h, "\">");
}

static void label_text(struct html *h, const struct entry_field *f)
{
	if (f->label_text)
		html_text(h, f->label_text);
	else
		html_msg(h, f->label);
}

/* The hint and the error under a label or legend. */
static void hint_and_error(struct html *h, const struct entry_field *f)
{
	if (f->has_hint) {
		HTML(h, "<div class=\"govuk-hint\" id=\"");
		html_attr(h, f->id);
		HTML(h, "-hint\">");
		html_msg(h, f->hint);
		HTML(h, "</div>");
	}
	if (f->error) {
		HTML(h, "<p class=\"govuk-error-message\" id=\"");
		html_attr(h, f->id);
		HTML(h, "-error\"><span class=\"govuk-visually-hidden\">");
		html_msg(h, M_ERROR_PREFIX);
		HTML(h, "</span> ");
		govuk_error_text(h, f->error, f->error_arg);
		HTML(h, "</p>");
	}
}

static void field_head(struct html *h, const struct entry_field *f)
{
	group_open(h, f);
	HTML(h, "<label class=\"govuk-label");
	if (f->label_hidden)
		HTML(h, " engage-bulk__label");
	HTML(h, "\" for=\"");
	html_attr(h, f->id);
	HTML(h, "\">");
	label_text(h, f);
	HTML(h, "</label>");
	hint_and_error(h, f);
}

/* aria-describedby naming the field's hint and error, when it has them. */
static void describedby(struct html *h, const struct entry_field *f)
{
	if (f->has_hint || f->error) {
		HTML(h, " aria-describedby=\"");
		if (f->has_hint) {
			html_attr(h, f->id);
			HTML(h, "-hint");
		}
		if (f->error) {
			if (f->has_hint)
				HTML(h, " ");
			html_attr(h, f->id);
			HTML(h, "-error");
		}
		HTML(h, "\"");
	}
}

/* id, name, aria-describedby and the error class's tail on a control. */
static void control_attrs(struct html *h, const struct entry_field *f, const char *error_class)
{
	if (f->error)
		html_attr(h, error_class);
	if (f->extra_class) {
		HTML(h, " ");
		html_attr(h, f->extra_class);
	}
	HTML(h, "\" id=\"");
	html_attr(h, f->id);
	HTML(h, "\" name=\"");
	html_attr(h, f->id);
	HTML(h, "\"");
	describedby(h, f);
}

void entry_textarea(struct html *h, const struct entry_field *f, int rows)
{
	field_head(h, f);
	HTML(h, "<textarea class=\"govuk-textarea");
	control_attrs(h, f, " govuk-textarea--error");
	HTML(h, " rows=\"");
	html_int(h, rows);
	HTML(h, "\">");
	html_text(h, f->value ? f->value : "");
	HTML(h, "</textarea></div>\n");
}

void entry_input(struct html *h, const struct entry_field *f, const char *type,
		 const char *inputmode)
{
	field_head(h, f);
	HTML(h, "<input class=\"govuk-input");
	control_attrs(h, f, " govuk-input--error");
	HTML(h, " type=\"");
	html_attr(h, type ? type : "text");
	HTML(h, "\" autocomplete=\"off\"");
	if (inputmode) {
		HTML(h, " inputmode=\"");
		html_attr(h, inputmode);
		HTML(h, "\"");
	}
	if (f->value && *f->value) {
		HTML(h, " value=\"");
		html_attr(h, f->value);
		HTML(h, "\"");
	}
	HTML(h, "></div>\n");
}

void entry_select_begin(struct html *h, const struct entry_field *f)
{
	field_head(h, f);
	HTML(h, "<select class=\"govuk-select");
	control_attrs(h, f, " govuk-select--error");
	HTML(h, ">");
}

void entry_option(struct html *h, const struct entry_field *f, const char *value,
		  const char *label)
{
	HTML(h, "<option value=\"");
	html_attr(h, value);
	HTML(h, "\"");
	if (f->value && !strcmp(f->value, value))
		HTML(h, " selected");
	HTML(h, ">");
	html_text(h, label);
	HTML(h, "</option>");
}

void entry_select_end(struct html *h)
{
	HTML(h, "</select></div>\n");
}

/* <fieldset> with a legend, its hint and error. */
static void fieldset_open(struct html *h, const struct entry_field *f)
{
	group_open(h, f);
	HTML(h, "<fieldset class=\"govuk-fieldset\"");
	describedby(h, f);
	HTML(h, "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
	label_text(h, f);
	HTML(h, "</legend>");
	hint_and_error(h, f);
}

void entry_radios(struct html *h, const struct entry_field *f, const struct entry_choice *c,
		  size_t n, int inline_)
{
	fieldset_open(h, f);
	HTML(h, "<div class=\"govuk-radios govuk-radios--small");
	if (inline_)
		HTML(h, " govuk-radios--inline");
	HTML(h, "\" data-module=\"govuk-radios\">");
	for (size_t i = 0; i < n; i++) {
		char id[80];

		/* the first radio carries the field's id, for the error summary */
		snprintf(id, sizeof(id), i ? "%s-%zu" : "%s", f->id, i + 1);
		HTML(h, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"");
		html_attr(h, id);
		HTML(h, "\" name=\"");
		html_attr(h, f->id);
		HTML(h, "\" type=\"radio\" value=\"");
		html_attr(h, c[i].value);
		HTML(h, "\"");
		if (f->value && !strcmp(f->value, c[i].value))
			HTML(h, " checked");
		HTML(h, "><label class=\"govuk-label govuk-radios__label\" for=\"");
		html_attr(h, id);
		HTML(h, "\">");
		html_text(h, c[i].label);
		HTML(h, "</label></div>");
	}
	HTML(h, "</div></fieldset></div>\n");
}

void entry_date(struct html *h, const struct entry_field *f, const struct entry_values *v)
{
	static const struct {
		const char *suffix;
		enum msg_id label;
		const char *width;
	} parts[3] = {
		{ "-day", M_SE_DAY, "govuk-input--width-2" },
		{ "-month", M_SE_MONTH, "govuk-input--width-2" },
		{ "-year", M_SE_YEAR, "govuk-input--width-4" },
	};

	fieldset_open(h, f);
	HTML(h, "<div class=\"govuk-date-input\" id=\"");
	html_attr(h, f->id);
	HTML(h, "\">");
	for (int i = 0; i < 3; i++) {
		char id[80];
		const char *value;

		snprintf(id, sizeof(id), "%s%s", f->id, parts[i].suffix);
		value = entry_value(v, id);
		HTML(h, "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
			"<label class=\"govuk-label govuk-date-input__label\" for=\"");
		html_attr(h, id);
		HTML(h, "\">");
		html_msg(h, parts[i].label);
		HTML(h, "</label><input class=\"govuk-input govuk-date-input__input ");
		html_attr(h, parts[i].width);
		if (f->error)
			HTML(h, " govuk-input--error");
		HTML(h, "\" id=\"");
		html_attr(h, id);
		HTML(h, "\" name=\"");
		html_attr(h, id);
		HTML(h, "\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\"");
		if (*value) {
			HTML(h, " value=\"");
			html_attr(h, value);
			HTML(h, "\"");
		}
		HTML(h, "></div></div>");
	}
	HTML(h, "</div></fieldset></div>\n");
}

void entry_button(struct html *h, enum msg_id label)
{
	HTML(h, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">");
	html_msg(h, label);
	HTML(h, "</button>\n");
}
