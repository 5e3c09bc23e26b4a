/*
 * page_concern.c - raising and tracking a concern (see page_concern.h),
 * in govuk-frontend's form patterns: one question per form group, labels
 * and hints on every field, errors in a summary at the top and beside the
 * field, the typed values kept.
 */
#include "views/page_concern.h"
#include "views/page_yousaid.h"

#include "base/timeutil.h"
#include "model/engagement.h"

#include <stdio.h>
#include <string.h>

static const char *label_of(const struct html *h, const struct vocab *v)
{
	return h->lang == LANG_CY ? v->cy : v->en;
}

static const char *value_of(const struct concern_form *f, enum cf_field i)
{
	return f && f->value[i] ? f->value[i] : "";
}

static int has_error(const struct concern_form *f, enum cf_field i)
{
	return f && f->error[i] != CF_NO_ERROR;
}

/* --- pieces of govuk-frontend's form markup ---------------------------------- */

static void group_open(struct html *h, const struct concern_form *f, enum cf_field i)
{
	HTML(h, "<div class=\"govuk-form-group");
	if (has_error(f, i))
		HTML(h, " govuk-form-group--error");
	HTML(h, "\">\n");
}

static void hint(struct html *h, const char *id, enum msg_id text)
{
	HTML(h, "<div id=\"");
	html_attr(h, id);
	HTML(h, "-hint\" class=\"govuk-hint\">");
	html_msg(h, text);
	HTML(h, "</div>\n");
}

static void error_message(struct html *h, const struct concern_form *f, enum cf_field i)
{
	if (!has_error(f, i))
		return;
	HTML(h, "<p id=\"");
	html_attr(h, concern_form_names[i]);
	HTML(h, "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">");
	html_msg(h, M_CF_ERROR_PREFIX);
	HTML(h, "</span> ");
	html_msg(h, f->error[i]);
	HTML(h, "</p>\n");
}

/* aria-describedby naming the hint (when there is one), any extra id and
 * the error. */
static void described_by(struct html *h, const struct concern_form *f, enum cf_field i,
			 int with_hint, const char *extra)
{
	const char *name = concern_form_names[i];
	int any = 0;

	if (!with_hint && !extra && !has_error(f, i))
		return;
	HTML(h, " aria-describedby=\"");
	if (with_hint) {
		html_attr(h, name);
		HTML(h, "-hint");
		any = 1;
	}
	if (extra) {
		if (any)
			HTML(h, " ");
		html_attr(h, extra);
		any = 1;
	}
	if (has_error(f, i)) {
		if (any)
			HTML(h, " ");
		html_attr(h, name);
		HTML(h, "-error");
	}
	HTML(h, "\"");
}

static void label(struct html *h, enum cf_field i, enum msg_id text, int big)
{
	HTML(h, "<label class=\"govuk-label");
	if (big)
		HTML(h, " govuk-label--m");
	HTML(h, "\" for=\"");
	html_attr(h, concern_form_names[i]);
	HTML(h, "\">");
	html_msg(h, text);
	HTML(h, "</label>\n");
}

struct input_spec {
	enum cf_field field;
	enum msg_id label;
	enum msg_id hint;		/* CF_NO_ERROR: none */
	const char *type;		/* "text", "email", "tel" */
	const char *autocomplete;	/* NULL: "off" */
	const char *width;		/* a govuk-input--width-* or govuk-!-width-* class */
	int big;
};

static void text_input(struct html *h, const struct concern_form *f, const struct input_spec *s)
{
	const char *name = concern_form_names[s->field];

	group_open(h, f, s->field);
	label(h, s->field, s->label, s->big);
	if (s->hint != CF_NO_ERROR)
		hint(h, name, s->hint);
	error_message(h, f, s->field);
	HTML(h, "<input class=\"govuk-input ");
	html_attr(h, s->width);
	if (has_error(f, s->field))
		HTML(h, " govuk-input--error");
	HTML(h, "\" id=\"");
	html_attr(h, name);
	HTML(h, "\" name=\"");
	html_attr(h, name);
	HTML(h, "\" type=\"");
	html_attr(h, s->type);
	HTML(h, "\" autocomplete=\"");
	html_attr(h, s->autocomplete ? s->autocomplete : "off");
	HTML(h, "\" spellcheck=\"false\" value=\"");
	html_attr(h, value_of(f, s->field));
	HTML(h, "\"");
	described_by(h, f, s->field, s->hint != CF_NO_ERROR, NULL);
	HTML(h, ">\n</div>\n");
}

struct option {
	const char *value;
	enum msg_id label;
};

static void select_field(struct html *h, const struct concern_form *f, enum cf_field i,
			 enum msg_id text, const struct option *opts, size_t n)
{
	const char *name = concern_form_names[i], *v = value_of(f, i);

	group_open(h, f, i);
	label(h, i, text, 0);
	error_message(h, f, i);
	HTML(h, "<select class=\"govuk-select");
	if (has_error(f, i))
		HTML(h, " govuk-select--error");
	HTML(h, "\" id=\"");
	html_attr(h, name);
	HTML(h, "\" name=\"");
	html_attr(h, name);
	HTML(h, "\"");
	described_by(h, f, i, 0, NULL);
	HTML(h, ">\n");
	for (size_t k = 0; k < n; k++) {
		HTML(h, "<option value=\"");
		html_attr(h, opts[k].value);
		HTML(h, "\"");
		if (!strcmp(v, opts[k].value))
			HTML(h, " selected");
		HTML(h, ">");
		html_msg(h, opts[k].label);
		HTML(h, "</option>\n");
	}
	HTML(h, "</select>\n</div>\n");
}

/* One radio; the first of a group carries the group's id, so the error
 * summary can link to it. */
static void radio(struct html *h, const struct concern_form *f, enum cf_field i, int first,
		  const char *value, const char *text)
{
	const char *name = concern_form_names[i];

	HTML(h, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"");
	html_attr(h, name);
	if (!first) {
		HTML(h, "-");
		html_attr(h, value);
	}
	HTML(h, "\" name=\"");
	html_attr(h, name);
	HTML(h, "\" type=\"radio\" value=\"");
	html_attr(h, value);
	HTML(h, "\"");
	if (!strcmp(value_of(f, i), value))
		HTML(h, " checked");
	HTML(h, "><label class=\"govuk-label govuk-radios__label\" for=\"");
	html_attr(h, name);
	if (!first) {
		HTML(h, "-");
		html_attr(h, value);
	}
	HTML(h, "\">");
	html_text(h, text);
	HTML(h, "</label></div>\n");
}

static void fieldset_open(struct html *h, const struct concern_form *f, enum cf_field i,
			  enum msg_id legend, enum msg_id hint_text)
{
	group_open(h, f, i);
	HTML(h, "<fieldset class=\"govuk-fieldset\"");
	described_by(h, f, i, 1, NULL);
	HTML(h, ">\n<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">");
	html_msg(h, legend);
	HTML(h, "</legend>\n");
	hint(h, concern_form_names[i], hint_text);
	error_message(h, f, i);
}

/* --- the form ------------------------------------------------------------------ */

static void error_summary(struct html *h, const struct concern_form *f, enum msg_id general,
			  const char *general_arg)
{
	if (general == CF_NO_ERROR && !(f && f->nerrors))
		return;
	HTML(h, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n"
		"<div role=\"alert\">\n<h2 class=\"govuk-error-summary__title\">");
	html_msg(h, M_CF_ERROR_SUMMARY);
	HTML(h, "</h2>\n<div class=\"govuk-error-summary__body\">\n"
		"<ul class=\"govuk-list govuk-error-summary__list\">\n");
	if (general != CF_NO_ERROR) {
		HTML(h, "<li>");
		html_msg_args(h, general, general_arg ? general_arg : "", NULL);
		HTML(h, "</li>\n");
	}
	for (int i = 0; f && i < CF_COUNT; i++) {
		if (!has_error(f, i))
			continue;
		HTML(h, "<li><a href=\"#");
		html_attr(h, concern_form_names[i]);
		HTML(h, "\">");
		html_msg(h, f->error[i]);
		HTML(h, "</a></li>\n");
	}
	HTML(h, "</ul>\n</div>\n</div>\n</div>\n");
}

static void neighbourhood_field(struct html *h, const struct readmodel *rm,
				const struct concern_form *f)
{
	const char *v = value_of(f, CF_NEIGHBOURHOOD);
	struct strbuf key = STRBUF_INIT;

	group_open(h, f, CF_NEIGHBOURHOOD);
	label(h, CF_NEIGHBOURHOOD, M_CF_NEIGHBOURHOOD_LABEL, 1);
	hint(h, "neighbourhood", M_CF_NEIGHBOURHOOD_HINT);
	error_message(h, f, CF_NEIGHBOURHOOD);
	HTML(h, "<select class=\"govuk-select");
	if (has_error(f, CF_NEIGHBOURHOOD))
		HTML(h, " govuk-select--error");
	HTML(h, "\" id=\"neighbourhood\" name=\"neighbourhood\"");
	described_by(h, f, CF_NEIGHBOURHOOD, 1, NULL);
	HTML(h, ">\n<option value=\"\">");
	html_msg(h, M_CF_NEIGHBOURHOOD_CHOOSE);
	HTML(h, "</option>\n");
	for (size_t fo = 0; rm && fo < rm->nforces; fo++) {
		HTML(h, "<optgroup label=\"");
		html_attr(h, rm->forces[fo].name ? rm->forces[fo].name : rm->forces[fo].id);
		HTML(h, "\">\n");
		for (size_t n = 0; n < rm->nnbhds; n++) {
			const struct rm_neighbourhood *nb = &rm->nbhds[n];

			if (nb->force != (int32_t)fo)
				continue;
			strbuf_reset(&key);
			strbuf_addf(&key, "%s/%s", rm->forces[fo].id, nb->id);
			HTML(h, "<option value=\"");
			html_attr(h, strbuf_str(&key));
			HTML(h, "\"");
			if (!strcmp(v, strbuf_str(&key)))
				HTML(h, " selected");
			HTML(h, ">");
			html_text(h, nb->name ? nb->name : nb->id);
			HTML(h, "</option>\n");
		}
		HTML(h, "</optgroup>\n");
	}
	HTML(h, "</select>\n</div>\n");
	strbuf_release(&key);
}

/* The categories residents raise most are shown; the police.uk crime
 * categories sit behind "more" (open when one of them is chosen), then
 * "something else" and "I'm not sure".  One fieldset, one name. */
static const char *const common_categories[] = {
	"speeding", "parking", "anti-social-behaviour", "youth-asb", "drug-dealing",
	"noise", "litter", "dog-fouling", "street-drinking",
};
#define NCOMMON (sizeof(common_categories) / sizeof(common_categories[0]))

static int is_common(const char *slug)
{
	for (size_t k = 0; k < NCOMMON; k++)
		if (!strcmp(common_categories[k], slug))
			return 1;
	return !strcmp(slug, "other");
}

static void category_field(struct html *h, const struct concern_form *f)
{
	const char *chosen = value_of(f, CF_CATEGORY);
	int other = vocab_find(concern_categories, concern_category_count, "other");
	int more_open = *chosen && strcmp(chosen, "unsure") && !is_common(chosen);

	fieldset_open(h, f, CF_CATEGORY, M_CF_CATEGORY_LEGEND, M_CF_CATEGORY_HINT);
	HTML(h, "<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">\n");
	for (size_t k = 0; k < NCOMMON; k++) {
		int c = vocab_find(concern_categories, concern_category_count, common_categories[k]);

		if (c >= 0)
			radio(h, f, CF_CATEGORY, k == 0, common_categories[k],
			      label_of(h, &concern_categories[c]));
	}
	HTML(h, "<details class=\"govuk-details engage-more-choices\"");
	if (more_open)
		HTML(h, " open");
	HTML(h, "><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">");
	html_msg(h, M_CF_CATEGORY_MORE);
	HTML(h, "</span></summary>\n<div class=\"govuk-details__text\">\n");
	for (int c = 0; c < concern_category_count; c++)
		if (!is_common(concern_categories[c].slug))
			radio(h, f, CF_CATEGORY, 0, concern_categories[c].slug,
			      label_of(h, &concern_categories[c]));
	HTML(h, "</div>\n</details>\n");
	if (other >= 0)
		radio(h, f, CF_CATEGORY, 0, "other", label_of(h, &concern_categories[other]));
	HTML(h, "<div class=\"govuk-radios__divider\">");
	html_msg(h, M_CF_OR);
	HTML(h, "</div>\n");
	radio(h, f, CF_CATEGORY, 0, "unsure", msg_text(h->lang, M_CF_CATEGORY_UNSURE));
	HTML(h, "</div>\n</fieldset>\n</div>\n");
}

/* A data-i18n attribute; the names are plain ASCII, so html_attr writes
 * them unchanged. */
static void i18n_attr(struct html *h, const char *name, enum msg_id id)
{
	HTML(h, " ");
	html_attr(h, name);
	HTML(h, "=\"");
	html_attr(h, msg_text(h->lang, id));
	HTML(h, "\"");
}

/* govuk-frontend's character count; its messages in the page's language,
 * every plural form Welsh has (English uses "one" and "other"). */
static void text_field(struct html *h, const struct concern_form *f)
{
	static const char *const under[] = {
		"data-i18n.characters-under-limit.zero", "data-i18n.characters-under-limit.two",
		"data-i18n.characters-under-limit.few", "data-i18n.characters-under-limit.many",
		"data-i18n.characters-under-limit.other",
	};
	static const char *const over[] = {
		"data-i18n.characters-over-limit.zero", "data-i18n.characters-over-limit.two",
		"data-i18n.characters-over-limit.few", "data-i18n.characters-over-limit.many",
		"data-i18n.characters-over-limit.other",
	};
	char max[32];

	snprintf(max, sizeof(max), "%d", CF_TEXT_MAX);
	HTML(h, "<div class=\"govuk-form-group govuk-character-count");
	if (has_error(f, CF_TEXT))
		HTML(h, " govuk-form-group--error");
	HTML(h, "\" data-module=\"govuk-character-count\" data-maxlength=\"");
	html_attr(h, max);
	HTML(h, "\"");
	i18n_attr(h, "data-i18n.characters-under-limit.one", M_CF_COUNT_UNDER_ONE);
	for (size_t k = 0; k < sizeof(under) / sizeof(under[0]); k++)
		i18n_attr(h, under[k], M_CF_COUNT_UNDER);
	i18n_attr(h, "data-i18n.characters-at-limit", M_CF_COUNT_AT);
	i18n_attr(h, "data-i18n.characters-over-limit.one", M_CF_COUNT_OVER_ONE);
	for (size_t k = 0; k < sizeof(over) / sizeof(over[0]); k++)
		i18n_attr(h, over[k], M_CF_COUNT_OVER);
	i18n_attr(h, "data-i18n.textarea-description.other", M_CF_COUNT_JS_INFO);
	HTML(h, ">\n");
	label(h, CF_TEXT, M_CF_TEXT_LABEL, 1);
	hint(h, "text", M_CF_TEXT_HINT);
	error_message(h, f, CF_TEXT);
	HTML(h, "<textarea class=\"govuk-textarea govuk-js-character-count");
	if (has_error(f, CF_TEXT))
		HTML(h, " govuk-textarea--error");
	HTML(h, "\" id=\"text\" name=\"text\" rows=\"5\"");
	described_by(h, f, CF_TEXT, 1, "text-info");
	HTML(h, ">");
	html_text(h, value_of(f, CF_TEXT));
	HTML(h, "</textarea>\n<div id=\"text-info\" class=\"govuk-hint govuk-character-count__message\">");
	html_msg_args(h, M_CF_COUNT_INFO, count_text(CF_TEXT_MAX, max), NULL);
	HTML(h, "</div>\n</div>\n");
}

static void contact_field(struct html *h, const struct concern_form *f)
{
	static const struct input_spec name = {
		CF_NAME, M_CF_NAME_LABEL, CF_NO_ERROR, "text", "name", "govuk-!-width-three-quarters", 0
	};
	static const struct input_spec email = {
		CF_EMAIL, M_CF_EMAIL_LABEL, CF_NO_ERROR, "email", "email", "govuk-!-width-three-quarters", 0
	};
	static const struct input_spec phone = {
		CF_PHONE, M_CF_PHONE_LABEL, CF_NO_ERROR, "tel", "tel", "govuk-input--width-20", 0
	};
	int shown = !strcmp(value_of(f, CF_CONTACT), "contact");

	fieldset_open(h, f, CF_CONTACT, M_CF_CONTACT_LEGEND, M_CF_CONTACT_HINT);
	HTML(h, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">\n");
	radio(h, f, CF_CONTACT, 1, "anonymous", msg_text(h->lang, M_CF_ANONYMOUS));
	radio(h, f, CF_CONTACT, 0, "contact", msg_text(h->lang, M_CF_WITH_CONTACT));
	/* revealed by engage.mjs, not govuk-frontend: its aria-expanded on a
	 * radio is invalid ARIA (govuk-frontend#979) and axe refuses it */
	HTML(h, "<div class=\"govuk-radios__conditional");
	if (!shown)
		HTML(h, " govuk-radios__conditional--hidden");
	HTML(h, "\" id=\"conditional-contact\" data-reveal-when=\"contact=contact\">\n"
		"<p class=\"govuk-body\">");
	html_msg(h, M_CF_CONTACT_WAYS);
	HTML(h, "</p>\n");
	text_input(h, f, &name);
	text_input(h, f, &email);
	text_input(h, f, &phone);
	group_open(h, f, CF_CONSENT);
	error_message(h, f, CF_CONSENT);
	HTML(h, "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">\n"
		"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" "
		"id=\"consent\" name=\"consent\" type=\"checkbox\" value=\"yes\"");
	if (!strcmp(value_of(f, CF_CONSENT), "yes"))
		HTML(h, " checked");
	described_by(h, f, CF_CONSENT, 1, NULL);
	HTML(h, "><label class=\"govuk-label govuk-checkboxes__label\" for=\"consent\">");
	html_msg(h, M_CF_CONSENT);
	HTML(h, "</label><div id=\"consent-hint\" class=\"govuk-hint govuk-checkboxes__hint\">");
	html_msg(h, M_CF_CONSENT_HINT);
	HTML(h, "</div></div>\n</div>\n</div>\n</div>\n</div>\n</fieldset>\n</div>\n");
}

static void about_you(struct html *h, const struct concern_form *f)
{
	static const struct option age[] = {
		{ "", M_CF_NOT_ANSWERED }, { "0-15", M_CF_AGE_0_15 }, { "16-29", M_CF_AGE_16_29 },
		{ "30-44", M_CF_AGE_30_44 }, { "45-64", M_CF_AGE_45_64 }, { "65+", M_CF_AGE_65 },
		{ "prefer-not-to-say", M_CF_PREFER_NOT },
	};
	static const struct option sex[] = {
		{ "", M_CF_NOT_ANSWERED }, { "female", M_CF_SEX_FEMALE }, { "male", M_CF_SEX_MALE },
		{ "prefer-not-to-say", M_CF_PREFER_NOT },
	};
	static const struct option ethnic[] = {
		{ "", M_CF_NOT_ANSWERED }, { "asian", M_CF_ETHNIC_ASIAN }, { "black", M_CF_ETHNIC_BLACK },
		{ "mixed", M_CF_ETHNIC_MIXED }, { "white", M_CF_ETHNIC_WHITE },
		{ "other", M_CF_ETHNIC_OTHER }, { "prefer-not-to-say", M_CF_PREFER_NOT },
	};
	int open = f && (f->value[CF_AGE] || f->value[CF_SEX] || f->value[CF_ETHNIC]);

	HTML(h, "<details class=\"govuk-details\"");
	if (open)
		HTML(h, " open");
	HTML(h, ">\n<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">");
	html_msg(h, M_CF_ABOUT_SUMMARY);
	HTML(h, "</span></summary>\n<div class=\"govuk-details__text\">\n<p class=\"govuk-body\">");
	html_msg(h, M_CF_ABOUT_WHY);
	HTML(h, "</p>\n");
	select_field(h, f, CF_AGE, M_CF_AGE_LABEL, age, sizeof(age) / sizeof(age[0]));
	select_field(h, f, CF_SEX, M_CF_SEX_LABEL, sex, sizeof(sex) / sizeof(sex[0]));
	select_field(h, f, CF_ETHNIC, M_CF_ETHNIC_LABEL, ethnic, sizeof(ethnic) / sizeof(ethnic[0]));
	HTML(h, "</div>\n</details>\n");
}

static void two_thirds_open(struct html *h)
{
	HTML(h, "<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n");
}

static void two_thirds_close(struct html *h)
{
	HTML(h, "</div>\n</div>\n");
}

/* "Error: Raise a concern" in the tab when the page shows errors. */
static void begin(struct html *h, const struct page_ctx *pc, enum msg_id title, int errors)
{
	char t[200];

	if (errors)
		snprintf(t, sizeof(t), "%s %s", msg_text(pc->lang, M_CF_ERROR_PREFIX),
			 msg_text(pc->lang, title));
	else
		snprintf(t, sizeof(t), "%s", msg_text(pc->lang, title));
	layout_begin(h, pc, t);
	two_thirds_open(h);
}

static void end(struct html *h, const struct page_ctx *pc)
{
	two_thirds_close(h);
	layout_end(h, pc);
}

void page_concern_form(const struct readmodel *rm, const struct concern_form *f,
		       enum msg_id general, const char *general_arg, const struct page_ctx *pc,
		       struct strbuf *out)
{
	static const struct input_spec where = {
		CF_WHERE, M_CF_WHERE_LABEL, M_CF_WHERE_HINT, "text", NULL, "govuk-!-width-full", 1
	};
	struct html h = { out, pc->lang };

	begin(&h, pc, M_CF_TITLE, general != CF_NO_ERROR || (f && f->nerrors));
	error_summary(&h, f, general, general_arg);
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_CF_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, M_CF_LEAD);
	HTML(&h, "</p>\n<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
		"aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\">"
		"<span class=\"govuk-visually-hidden\">");
	html_msg(&h, M_CF_WARNING);
	HTML(&h, "</span> ");
	html_msg(&h, M_CF_EMERGENCY);
	HTML(&h, "</strong></div>\n<form method=\"post\" action=\"/concerns/new\" novalidate>\n");
	neighbourhood_field(&h, rm, f);
	category_field(&h, f);
	text_field(&h, f);
	text_input(&h, f, &where);
	contact_field(&h, f);
	about_you(&h, f);
	HTML(&h, "<p class=\"govuk-body\">");
	html_msg(&h, M_CF_PRIVACY);
	HTML(&h, "</p>\n<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\" "
		"data-prevent-double-click=\"true\">");
	html_msg(&h, M_CF_SUBMIT);
	HTML(&h, "</button>\n</form>\n");
	end(&h, pc);
}

/* --- after sending ------------------------------------------------------------- */

void page_concern_raised(const char *reference, const struct page_ctx *pc, struct strbuf *out)
{
	static const enum msg_id next[] = { M_CR_NEXT_READ, M_CR_NEXT_PACT, M_CR_NEXT_FEEDBACK };
	struct html h = { out, pc->lang };

	begin(&h, pc, M_CR_TITLE, 0);
	HTML(&h, "<div class=\"govuk-panel govuk-panel--confirmation\">\n<h1 class=\"govuk-panel__title\">");
	html_msg(&h, M_CR_TITLE);
	HTML(&h, "</h1>\n<div class=\"govuk-panel__body\">");
	html_msg(&h, M_CR_REF_LABEL);
	HTML(&h, "<br><strong class=\"engage-reference\">");
	html_text(&h, reference);
	HTML(&h, "</strong></div>\n</div>\n<p class=\"govuk-body\">");
	html_msg(&h, M_CR_KEEP);
	HTML(&h, "</p>\n<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_CR_NEXT_HEADING);
	HTML(&h, "</h2>\n");
	for (size_t i = 0; i < sizeof(next) / sizeof(next[0]); i++) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, next[i]);
		HTML(&h, "</p>\n");
	}
	HTML(&h, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/concerns/");
	html_url_arg(&h, reference);
	HTML(&h, "\">");
	html_msg(&h, M_CR_TRACK);
	HTML(&h, "</a></p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/concerns/new\">");
	html_msg(&h, M_CR_ANOTHER);
	HTML(&h, "</a></p>\n");
	end(&h, pc);
}

/* --- tracking ------------------------------------------------------------------ */

static void track_form(struct html *h, const char *typed, enum msg_id error)
{
	int bad = error != CF_NO_ERROR;

	HTML(h, "<form method=\"get\" action=\"/concerns/track\" novalidate>\n<div class=\"govuk-form-group");
	if (bad)
		HTML(h, " govuk-form-group--error");
	HTML(h, "\">\n<label class=\"govuk-label govuk-label--m\" for=\"reference\">");
	html_msg(h, M_TR_REF_LABEL);
	HTML(h, "</label>\n");
	hint(h, "reference", M_TR_REF_HINT);
	if (bad) {
		HTML(h, "<p id=\"reference-error\" class=\"govuk-error-message\">"
			"<span class=\"govuk-visually-hidden\">");
		html_msg(h, M_CF_ERROR_PREFIX);
		HTML(h, "</span> ");
		html_msg(h, error);
		HTML(h, "</p>\n");
	}
	HTML(h, "<input class=\"govuk-input govuk-input--width-20");
	if (bad)
		HTML(h, " govuk-input--error");
	HTML(h, "\" id=\"reference\" name=\"reference\" type=\"text\" autocomplete=\"off\" "
		"spellcheck=\"false\" autocapitalize=\"characters\" value=\"");
	html_attr(h, typed ? typed : "");
	HTML(h, "\" aria-describedby=\"reference-hint");
	if (bad)
		HTML(h, " reference-error");
	HTML(h, "\">\n</div>\n<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">");
	html_msg(h, M_TR_SUBMIT);
	HTML(h, "</button>\n</form>\n");
}

void page_concern_track(const char *typed, enum msg_id error, const struct page_ctx *pc,
			struct strbuf *out)
{
	struct html h = { out, pc->lang };

	begin(&h, pc, M_TR_TITLE, error != CF_NO_ERROR);
	if (error != CF_NO_ERROR) {
		HTML(&h, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n"
			"<div role=\"alert\">\n<h2 class=\"govuk-error-summary__title\">");
		html_msg(&h, M_CF_ERROR_SUMMARY);
		HTML(&h, "</h2>\n<div class=\"govuk-error-summary__body\">\n<ul class=\"govuk-list "
			"govuk-error-summary__list\">\n<li><a href=\"#reference\">");
		html_msg(&h, error);
		HTML(&h, "</a></li>\n</ul>\n</div>\n</div>\n</div>\n");
	}
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_TR_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, M_TR_LEAD);
	HTML(&h, "</p>\n");
	track_form(&h, typed, error);
	end(&h, pc);
}

void page_concern_not_found(const char *reference, const struct page_ctx *pc, struct strbuf *out)
{
	struct html h = { out, pc->lang };

	begin(&h, pc, M_TR_NOT_FOUND_TITLE, 0);
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_TR_NOT_FOUND_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg_args(&h, M_TR_NOT_FOUND, reference, NULL);
	HTML(&h, "</p>\n");
	track_form(&h, reference, CF_NO_ERROR);
	end(&h, pc);
}

/* "3 July 2025" in London's calendar. */

static void row_open(struct html *h, enum msg_id key)
{
	HTML(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_msg(h, key);
	HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
}

static void row_close(struct html *h)
{
	HTML(h, "</dd></div>\n");
}

static void public_summary(struct html *h, const struct readmodel *rm,
			   const struct concern_public *p)
{
	long n = rm ? readmodel_neighbourhood(rm, p->force_id, p->neighbourhood_id) : -1;
	int cat = vocab_find(concern_categories, concern_category_count, p->category);
	char when[48], a[32], b[32];

	HTML(h, "<dl class=\"govuk-summary-list\">\n");
	row_open(h, M_TR_STATUS);
	if (!strcmp(p->status, "answered")) {
		HTML(h, "<strong class=\"govuk-tag govuk-tag--green\">");
		html_msg(h, M_TR_STATUS_ANSWERED);
	} else {
		HTML(h, "<strong class=\"govuk-tag govuk-tag--blue\">");
		html_msg(h, M_TR_STATUS_OPEN);
	}
	HTML(h, "</strong>");
	row_close(h);
	row_open(h, M_TR_NEIGHBOURHOOD);
	HTML(h, "<a class=\"govuk-link\" href=\"/neighbourhoods/");
	html_url_arg(h, p->force_id);
	HTML(h, "/");
	html_url_arg(h, p->neighbourhood_id);
	HTML(h, "\">");
	html_text(h, n >= 0 && rm->nbhds[n].name ? rm->nbhds[n].name : p->neighbourhood_id);
	HTML(h, "</a>");
	row_close(h);
	row_open(h, M_TR_RAISED);
	yousaid_day(h->lang, p->raised_at, when);
	html_text(h, when);
	row_close(h);
	row_open(h, M_TR_ABOUT);
	html_text(h, cat >= 0 ? label_of(h, &concern_categories[cat]) : p->category);
	row_close(h);
	row_open(h, M_TR_PEOPLE);
	if (p->group_people > 1)
		html_msg_args(h, M_TR_PEOPLE_COUNT, count_text(p->group_people, a),
			      count_text(p->group_channels, b), NULL);
	else
		html_msg(h, M_TR_PEOPLE_ONE);
	row_close(h);
	HTML(h, "</dl>\n");
}

static void priority_section(struct html *h, const struct concern_public *p)
{
	int st = vocab_find(priority_statuses, PRI_STATUS_COUNT, p->priority_status);

	if (!p->priority_id)
		return;
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_TR_PRIORITY_HEADING);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(h, st == PRI_PROPOSED ? M_TR_PRIORITY_PROPOSED : M_TR_PRIORITY_JOINED);
	HTML(h, "</p>\n<div class=\"govuk-inset-text\"><p class=\"govuk-body\">");
	html_text(h, p->priority_title);
	HTML(h, "</p><strong class=\"govuk-tag govuk-tag--grey\">");
	html_text(h, st >= 0 ? label_of(h, &priority_statuses[st]) : p->priority_status);
	HTML(h, "</strong></div>\n");
}

static void feedback_section(struct html *h, const struct concern_public *p)
{
	int outcome = vocab_find(feedback_outcomes, feedback_outcome_count, p->feedback_outcome);
	int reason = vocab_find(no_action_reasons, no_action_reason_count, p->feedback_reason);
	char when[48];

	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_TR_FEEDBACK_HEADING);
	HTML(h, "</h2>\n");
	if (!p->feedback_outcome[0]) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_TR_FEEDBACK_NONE);
		HTML(h, "</p>\n");
		return;
	}
	HTML(h, "<div class=\"engage-we-did\">\n<p class=\"govuk-body govuk-!-font-weight-bold\">");
	html_text(h, outcome >= 0 ? label_of(h, &feedback_outcomes[outcome]) : p->feedback_outcome);
	HTML(h, "</p>\n");
	if (reason >= 0) {
		HTML(h, "<p class=\"govuk-body\">");
		html_text(h, label_of(h, &no_action_reasons[reason]));
		HTML(h, "</p>\n");
	}
	HTML(h, "<p class=\"govuk-body\">");
	html_text(h, p->feedback_text);
	HTML(h, "</p>\n<p class=\"govuk-body-s\">");
	yousaid_day(h->lang, p->feedback_at, when);
	html_msg_args(h, M_TR_FEEDBACK_DATE, when, NULL);
	HTML(h, "</p>\n</div>\n");
}

void page_concern_public(const struct readmodel *rm, const struct concern_public *p,
			 const struct page_ctx *pc, struct strbuf *out)
{
	struct html h = { out, pc->lang };

	begin(&h, pc, M_TR_TITLE, 0);
	HTML(&h, "<span class=\"govuk-caption-l\">");
	html_msg(&h, M_TR_TITLE);
	HTML(&h, "</span>\n<h1 class=\"govuk-heading-l engage-reference\">");
	html_text(&h, p->reference);
	HTML(&h, "</h1>\n");
	public_summary(&h, rm, p);
	priority_section(&h, p);
	feedback_section(&h, p);
	HTML(&h, "<p class=\"govuk-body-s\">");
	html_msg(&h, M_TR_PRIVATE);
	HTML(&h, "</p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/concerns/track\">");
	html_msg(&h, M_TR_ANOTHER);
	HTML(&h, "</a></p>\n");
	end(&h, pc);
}

void page_concern_cross_site(const struct page_ctx *pc, struct strbuf *out)
{
	struct html h = { out, pc->lang };

	begin(&h, pc, M_XS_TITLE, 0);
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_XS_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, M_XS_TEXT);
	HTML(&h, "</p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/concerns/new\">");
	html_msg(&h, M_XS_LINK);
	HTML(&h, "</a></p>\n");
	end(&h, pc);
}
