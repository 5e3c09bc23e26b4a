/*
 * page_partner.c - partners' data on the staff pages (see page_partner.h).
 */
#include "views/page_partner.h"

#include <stdio.h>
#include <string.h>

#include "model/engagement.h"
#include "store/tables.h"
#include "views/govuk.h"
#include "views/page_staff_entry-internal.h"

static const struct {
	const char *slug;
	enum msg_id label;
} sources[] = {
	{ "environmental-health", M_PD_SOURCE_ENV_HEALTH }, { "trading-standards", M_PD_SOURCE_TRADING },
	{ "licensing", M_PD_SOURCE_LICENSING }, { "housing", M_PD_SOURCE_HOUSING },
	{ "park-rangers", M_PD_SOURCE_PARKS }, { "other", M_PD_SOURCE_OTHER },
};

static const struct govuk_col submission_cols[] = {
	{ M_PD_COL_WHEN, 0 }, { M_PD_COL_SOURCE, 0 }, { M_PD_COL_CATEGORY, GOVUK_WIDE_ONLY },
	{ M_PD_COL_WHERE, GOVUK_WIDE_ONLY }, { M_PD_COL_SUMMARY, 0 },
};
static const struct govuk_col concern_cols[] = {
	{ M_PD_COL_REFERENCE, 0 }, { M_PD_COL_CATEGORY, 0 }, { M_PD_COL_WHERE, GOVUK_WIDE_ONLY },
	{ M_PD_COL_SAID, 0 }, { M_PD_COL_STATUS, GOVUK_WIDE_ONLY },
};

static void category_cell(struct html *h, const char *slug)
{
	int i = vocab_find(concern_categories, concern_category_count, slug);

	html_text(h, i >= 0 ? entry_vocab(h, &concern_categories[i]) : slug);
}

void partner_submission_row(struct html *h, const struct store_value *v)
{
	char when[48];

	entry_day_words(h, v[PSUB_OCCURRED_AT].i, when);
	HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TD);
	html_text(h, when);
	HTML(h, "</td>" GOVUK_TD);
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		if (!strcmp(sources[i].slug, v[PSUB_SOURCE].s))
			html_msg(h, sources[i].label);
	HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
	category_cell(h, v[PSUB_CATEGORY].s);
	HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
	html_text(h, v[PSUB_LOCATION_TEXT].null ? "-" : v[PSUB_LOCATION_TEXT].s);
	HTML(h, "</td>" GOVUK_TD);
	html_text(h, v[PSUB_SUMMARY].s);
	HTML(h, "</td></tr>\n");
}

void partner_concern_row(struct html *h, const struct shared_concern *c)
{
	HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
	html_text(h, c->reference);
	HTML(h, "</th>" GOVUK_TD);
	category_cell(h, c->category);
	HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
	html_text(h, c->location ? c->location : "-");
	HTML(h, "</td>" GOVUK_TD);
	html_text(h, c->text);
	HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
	html_text(h, c->status);
	HTML(h, "</td></tr>\n");
}

static void table(struct html *h, enum msg_id caption, const struct govuk_col *cols, size_t ncols,
		  const char *rows, size_t n, enum msg_id none)
{
	if (!n) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, none);
		HTML(h, "</p>\n");
		return;
	}
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg(h, caption);
	govuk_table_head(h, cols, ncols);
	html_raw(h, rows);	/* rows written by the row writers above, escaped there */
	govuk_table_end(h);
}

static void submit_form(struct html *h, const struct page_ctx *pc, const struct partner_page *p)
{
	struct entry_choice choices[sizeof(sources) / sizeof(sources[0])];
	struct entry_field source = { .id = "source", .label = M_PD_F_SOURCE,
				      .value = entry_value(&p->typed, "source"),
				      ENTRY_ERROR(&p->errors, "source") };
	struct entry_field category = { .id = "category", .label = M_PD_F_CATEGORY,
					.hint = M_PD_F_CATEGORY_HINT, .has_hint = 1,
					.value = entry_value(&p->typed, "category"),
					ENTRY_ERROR(&p->errors, "category") };
	struct entry_field at = { .id = "at", .label = M_PD_F_AT, .hint = M_PD_F_AT_HINT,
				  .has_hint = 1, .value = entry_value(&p->typed, "at"),
				  ENTRY_ERROR(&p->errors, "at"), .extra_class = "govuk-input--width-20" };
	struct entry_field where = { .id = "location", .label = M_PD_F_WHERE,
				     .value = entry_value(&p->typed, "location"),
				     ENTRY_ERROR(&p->errors, "location") };
	struct entry_field summary = { .id = "summary", .label = M_PD_F_SUMMARY,
				       .hint = M_PD_F_SUMMARY_HINT, .has_hint = 1,
				       .value = entry_value(&p->typed, "summary"),
				       ENTRY_ERROR(&p->errors, "summary") };

	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		choices[i] = (struct entry_choice){ sources[i].slug, msg_text(pc->lang, sources[i].label) };
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PD_SUBMIT_HEADING);
	HTML(h, "</h2>\n");
	entry_form_begin(h, pc, &p->nb, "/partner-data", 0);
	entry_radios(h, &source, choices, sizeof(choices) / sizeof(choices[0]), 0);
	entry_select_begin(h, &category);
	for (int i = 0; i < concern_category_count; i++)
		entry_option(h, &category, concern_categories[i].slug, entry_vocab(h, &concern_categories[i]));
	entry_select_end(h);
	entry_input(h, &at, "text", NULL);
	entry_input(h, &where, "text", NULL);
	entry_textarea(h, &summary, 4);
	entry_button(h, M_PD_SUBMIT_BUTTON);
	HTML(h, "</form>\n");
}

void page_partner(struct strbuf *out, const struct page_ctx *pc, const struct partner_page *p)
{
	struct html h = { out, pc->lang };
	char id[24];

	entry_begin(&h, pc, &p->nb, M_PD_TITLE);
	if (p->submitted) {
		snprintf(id, sizeof(id), "%lld", (long long)p->submitted);
		entry_banner_begin(&h, M_PD_SUBMITTED, id);
		entry_banner_end(&h);
	}
	entry_error_summary(&h, &p->errors);
	if (!p->partner_org) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, M_PD_TEAM_LEAD);
		HTML(&h, "</p>\n");
		table(&h, M_PD_TITLE, submission_cols, 5, p->submission_rows, p->nsubmissions,
		      M_PD_NONE_SUBMITTED);
		layout_end(&h, pc);
		return;
	}
	HTML(&h, "<p class=\"govuk-body\">");
	html_msg_args(&h, M_PD_PARTNER_LEAD, p->partner_org, NULL);
	HTML(&h, "</p>\n");
	if (p->no_agreement) {
		HTML(&h, "<div class=\"govuk-inset-text\">");
		html_msg(&h, M_PD_NO_AGREEMENT);
		HTML(&h, "</div>\n");
	} else {
		HTML(&h, "<h2 class=\"govuk-heading-m\">");
		html_msg(&h, M_PD_CONCERNS_HEADING);
		HTML(&h, "</h2>\n<p class=\"govuk-body\">");
		html_msg(&h, M_PD_CONCERNS_LEAD);
		HTML(&h, "</p>\n");
		table(&h, M_PD_CONCERNS_HEADING, concern_cols, 5, p->concern_rows, p->nconcerns,
		      M_PD_NONE_CONCERNS);
	}
	submit_form(&h, pc, p);
	HTML(&h, "<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_PD_YOURS_HEADING);
	HTML(&h, "</h2>\n");
	table(&h, M_PD_YOURS_HEADING, submission_cols, 5, p->submission_rows, p->nsubmissions,
	      M_PD_NONE_SUBMITTED);
	layout_end(&h, pc);
}
