/*
 * page_cia.c - community impact assessments on the staff pages (see
 * page_cia.h).
 */
#include "views/page_cia.h"

#include <stdio.h>

#include "store/tables.h"
#include "views/govuk.h"
#include "views/page_staff_entry-internal.h"

static const struct govuk_col list_cols[] = {
	{ M_CIA_COL_NUMBER, 0 }, { M_CIA_COL_STATUS, 0 }, { M_CIA_COL_CONFIDENCE, 0 },
	{ M_CIA_COL_NEXT_REVIEW, 0 }, { M_CIA_COL_DEADLINE, GOVUK_WIDE_ONLY },
	{ M_CIA_COL_OVERSEEN_BY, GOVUK_WIDE_ONLY },
};

static enum msg_id confidence_msg(const char *level)
{
	switch (level ? level[0] : 'u') {
	case 'h': return M_CIA_CONF_HIGH;
	case 'm': return M_CIA_CONF_MEDIUM;
	case 'l': return M_CIA_CONF_LOW;
	default: return M_CIA_CONF_UNKNOWN;
	}
}

static void date_cell(struct html *h, const char *ymd)
{
	char words[48];

	entry_date_words(h, ymd, words);
	html_text(h, words);
}

static void summary_row(struct html *h, const struct cia_summary *a)
{
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)a->id);
	HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW "<a class=\"govuk-link\" "
		"href=\"/staff/impact-assessments/");
	html_url_arg(h, id);
	HTML(h, "\">");
	html_msg_args(h, M_CIA_NUMBER, id, NULL);
	HTML(h, "</a></th>" GOVUK_TD);
	html_msg(h, a->status[0] == 'o' ? M_CIA_STATUS_OPEN : M_CIA_STATUS_CLOSED);
	HTML(h, "</td>" GOVUK_TD);
	html_msg(h, confidence_msg(a->confidence));
	HTML(h, "</td>" GOVUK_TD);
	date_cell(h, a->next_review);
	if (a->review_overdue) {
		HTML(h, " <strong class=\"govuk-tag govuk-tag--red\">");
		html_msg(h, M_CIA_OVERDUE);
		HTML(h, "</strong>");
	}
	HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
	date_cell(h, a->deadline);
	HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
	html_text(h, a->overseen_by);
	HTML(h, "</td></tr>\n");
}

static const struct entry_choice *confidence_choices(const struct html *h)
{
	static struct entry_choice c[2][4];
	static const char *const values[4] = { "high", "medium", "low", "unknown" };
	int l = h->lang == LANG_CY;

	for (int i = 0; i < 4; i++)
		c[l][i] = (struct entry_choice){ values[i], msg_text(h->lang, confidence_msg(values[i])) };
	return c[l];
}

static void record_form(struct html *h, const struct page_ctx *pc, const struct cia_list_page *p)
{
	static const struct {
		const char *id;
		enum msg_id label, hint;
		int textarea;
	} fields[] = {
		{ "incident", M_CIA_F_INCIDENT, M_CIA_F_INCIDENT_HINT, 1 },
		{ "incident_at", M_CIA_F_INCIDENT_AT, M_CIA_F_INCIDENT_AT_HINT, 0 },
		{ "communities", M_CIA_F_COMMUNITIES, M_CIA_F_COMMUNITIES_HINT, 1 },
		{ "information_needed", M_CIA_F_INFO_NEEDED, M_CIA_F_INFO_NEEDED_HINT, 1 },
		{ "information_from", M_CIA_F_INFO_FROM, M_CIA_F_INFO_FROM_HINT, 0 },
		{ "overseen_by", M_CIA_F_OVERSEEN_BY, M_CIA_F_OVERSEEN_BY_HINT, 0 },
		{ "deadline", M_CIA_F_DEADLINE, M_CIA_F_DATE_HINT, 0 },
		{ "vulnerable", M_CIA_F_VULNERABLE, M_CIA_F_VULNERABLE_HINT, 1 },
		{ "cross_border", M_CIA_F_CROSS_BORDER, M_CIA_F_CROSS_BORDER_HINT, 0 },
		{ "review_days", M_CIA_F_REVIEW_DAYS, M_CIA_F_REVIEW_DAYS_HINT, 0 },
	};

	HTML(h, "<h2 class=\"govuk-heading-m\" id=\"record\">");
	html_msg(h, M_CIA_RECORD_HEADING);
	HTML(h, "</h2>\n");
	entry_form_begin(h, pc, &p->nb, "/impact-assessments", 0);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		struct entry_field f = { .id = fields[i].id, .label = fields[i].label,
					 .hint = fields[i].hint, .has_hint = 1,
					 .value = entry_value(&p->typed, fields[i].id),
					 ENTRY_ERROR(&p->errors, fields[i].id) };

		if (fields[i].textarea)
			entry_textarea(h, &f, 3);
		else
			entry_input(h, &f, "text", NULL);
		if (i == 7) {	/* confidence after who is vulnerable */
			struct entry_field c = { .id = "confidence", .label = M_CIA_F_CONFIDENCE,
						 .value = entry_value(&p->typed, "confidence"),
						 ENTRY_ERROR(&p->errors, "confidence") };

			entry_radios(h, &c, confidence_choices(h), 4, 1);
		}
	}
	entry_button(h, M_CIA_RECORD_BUTTON);
	HTML(h, "</form>\n");
}

void page_cia_list(struct strbuf *out, const struct page_ctx *pc, const struct cia_list_page *p)
{
	struct html h = { out, pc->lang };
	char id[24];

	entry_begin(&h, pc, &p->nb, M_CIA_TITLE);
	if (p->recorded) {
		snprintf(id, sizeof(id), "%lld", (long long)p->recorded);
		entry_banner_begin(&h, M_CIA_RECORDED, id);
		entry_banner_end(&h);
	}
	entry_error_summary(&h, &p->errors);
	HTML(&h, "<div class=\"govuk-inset-text\">");
	html_msg(&h, M_CIA_RESTRICTED_NOTE);
	HTML(&h, "</div>\n");
	if (!p->n) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, M_CIA_NONE);
		HTML(&h, "</p>\n");
	} else {
		govuk_table_begin(&h, GOVUK_CAPTION_HIDDEN);
		html_msg(&h, M_CIA_TITLE);
		govuk_table_head(&h, list_cols, sizeof(list_cols) / sizeof(list_cols[0]));
		for (size_t i = 0; i < p->n; i++)
			summary_row(&h, &p->items[i]);
		govuk_table_end(&h);
	}
	if (p->may_record)
		record_form(&h, pc, p);
	layout_end(&h, pc);
}

void page_cia_purpose(struct strbuf *out, const struct page_ctx *pc, int64_t id, int missing,
		      int reviewed)
{
	struct html h = { out, pc->lang };
	struct govuk_error err = { "purpose", M_CIA_PURPOSE_MISSING };
	char num[24];

	snprintf(num, sizeof(num), "%lld", (long long)id);
	layout_begin(&h, pc, msg_text(pc->lang, M_CIA_PURPOSE_TITLE));
	HTML(&h, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
	govuk_error_summary(&h, &err, missing ? 1 : 0);
	if (reviewed) {
		entry_banner_begin(&h, M_CIA_REVIEW_SAVED, NULL);
		entry_banner_end(&h);
	}
	HTML(&h, "<span class=\"govuk-caption-l\">");
	html_msg_args(&h, M_CIA_NUMBER, num, NULL);
	HTML(&h, "</span><h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_CIA_PURPOSE_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, M_CIA_PURPOSE_LEAD);
	HTML(&h, "</p>\n<form method=\"post\" action=\"/staff/impact-assessments/");
	html_url_arg(&h, num);
	HTML(&h, "\" novalidate>\n");
	govuk_hidden(&h, "csrf", pc->csrf);
	govuk_input_field(&h, &(struct govuk_input){ .id = "purpose", .label = M_CIA_PURPOSE_LABEL,
						     .hint = M_CIA_PURPOSE_HINT, .has_hint = 1 },
			  missing ? &err : NULL);
	HTML(&h, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">");
	html_msg(&h, M_CIA_PURPOSE_BUTTON);
	HTML(&h, "</button>\n</form>\n</div></div>\n");
	layout_end(&h, pc);
}

static void row(struct html *h, enum msg_id key, const char *value)
{
	HTML(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_msg(h, key);
	HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
	html_text(h, value && *value ? value : "-");
	HTML(h, "</dd></div>\n");
}

void page_cia_record(struct strbuf *out, const struct page_ctx *pc,
		     const struct cia_record_page *p)
{
	struct html h = { out, pc->lang };
	const struct store_value *a = p->a;
	char num[24], days[24], when[48];

	snprintf(num, sizeof(num), "%lld", (long long)p->id);
	snprintf(days, sizeof(days), "%lld", (long long)a[CIA_REVIEW_DAYS].i);
	layout_begin(&h, pc, msg_text(pc->lang, M_CIA_TITLE));
	entry_error_summary(&h, &p->errors);
	HTML(&h, "<span class=\"govuk-caption-l\">");
	html_text(&h, p->nbhd_name);
	HTML(&h, "</span><h1 class=\"govuk-heading-l\">");
	html_msg_args(&h, M_CIA_NUMBER, num, NULL);
	HTML(&h, "</h1>\n");
	if (p->review_overdue) {
		HTML(&h, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
			 "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\">");
		html_msg(&h, M_CIA_OVERDUE_WARNING);
		HTML(&h, "</strong></div>\n");
	}
	entry_day_words(&h, a[CIA_INCIDENT_AT].i, when);
	HTML(&h, "<dl class=\"govuk-summary-list\">\n");
	row(&h, M_CIA_F_INCIDENT, a[CIA_INCIDENT].s);
	row(&h, M_CIA_F_INCIDENT_AT, when);
	row(&h, M_CIA_F_COMMUNITIES, a[CIA_COMMUNITIES].s);
	row(&h, M_CIA_F_INFO_NEEDED, a[CIA_INFORMATION_NEEDED].s);
	row(&h, M_CIA_F_INFO_FROM, a[CIA_INFORMATION_FROM].s);
	row(&h, M_CIA_F_OVERSEEN_BY, a[CIA_OVERSEEN_BY].s);
	entry_date_words(&h, a[CIA_DEADLINE].s, when);
	row(&h, M_CIA_F_DEADLINE, when);
	row(&h, M_CIA_F_VULNERABLE, a[CIA_VULNERABLE].null ? NULL : a[CIA_VULNERABLE].s);
	row(&h, M_CIA_F_CONFIDENCE, msg_text(pc->lang, confidence_msg(a[CIA_CONFIDENCE].s)));
	row(&h, M_CIA_F_REVIEW_DAYS, days);
	entry_date_words(&h, a[CIA_NEXT_REVIEW].s, when);
	row(&h, M_CIA_COL_NEXT_REVIEW, when);
	row(&h, M_CIA_F_CROSS_BORDER, a[CIA_CROSS_BORDER].null ? NULL : a[CIA_CROSS_BORDER].s);
	row(&h, M_CIA_COL_STATUS, msg_text(pc->lang, a[CIA_STATUS].s[0] == 'o' ? M_CIA_STATUS_OPEN
									     : M_CIA_STATUS_CLOSED));
	HTML(&h, "</dl>\n<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_CIA_REVIEWS_HEADING);
	HTML(&h, "</h2>\n");
	if (!p->nreviews) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, M_CIA_NO_REVIEWS);
		HTML(&h, "</p>\n");
	}
	for (size_t i = 0; i < p->nreviews; i++) {
		const struct store_value *r = p->reviews[i];

		entry_day_words(&h, r[CIAREV_REVIEWED_AT].i, when);
		HTML(&h, "<div class=\"govuk-inset-text\"><p class=\"govuk-body\"><strong>");
		html_text(&h, when);
		HTML(&h, "</strong>: ");
		html_msg(&h, confidence_msg(r[CIAREV_CONFIDENCE].s));
		HTML(&h, "</p><p class=\"govuk-body\">");
		html_text(&h, r[CIAREV_NOTES].s);
		HTML(&h, "</p></div>\n");
	}
	if (p->may_review && a[CIA_STATUS].s[0] == 'o') {
		struct entry_field notes = { .id = "notes", .label = M_CIA_F_NOTES, .hint = M_CIA_F_NOTES_HINT,
					     .has_hint = 1, .value = entry_value(&p->typed, "notes"),
					     ENTRY_ERROR(&p->errors, "notes") };
		struct entry_field conf = { .id = "confidence", .label = M_CIA_F_CONFIDENCE,
					    .value = entry_value(&p->typed, "confidence"),
					    ENTRY_ERROR(&p->errors, "confidence") };
		HTML(&h, "<h2 class=\"govuk-heading-m\">");
		html_msg(&h, M_CIA_REVIEW_HEADING);
		HTML(&h, "</h2>\n<form method=\"post\" action=\"/staff/impact-assessments/");
		html_url_arg(&h, num);
		HTML(&h, "/reviews\" novalidate>\n");
		govuk_hidden(&h, "csrf", pc->csrf);
		govuk_hidden(&h, "purpose", p->purpose);
		entry_radios(&h, &conf, confidence_choices(&h), 4, 1);
		entry_textarea(&h, &notes, 4);
		HTML(&h, "<div class=\"govuk-form-group\"><div class=\"govuk-checkboxes\" "
			 "data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">"
			 "<input class=\"govuk-checkboxes__input\" id=\"close\" name=\"close\" "
			 "type=\"checkbox\" value=\"1\"><label class=\"govuk-label "
			 "govuk-checkboxes__label\" for=\"close\">");
		html_msg(&h, M_CIA_F_CLOSE);
		HTML(&h, "</label></div></div></div>\n");
		entry_button(&h, M_CIA_REVIEW_BUTTON);
		HTML(&h, "</form>\n");
	}
	layout_end(&h, pc);
}
