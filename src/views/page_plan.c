/*
 * page_plan.c - a neighbourhood's rolling 12-month engagement plan: its
 * entries with whether each was held or is overdue, the audiences the team
 * knows of with nothing planned, and a form to add an entry (see
 * page_staff_entry.h).
 */
#include "views/page_staff_entry-internal.h"

#include <stdio.h>
#include <string.h>

static const struct govuk_col plan_cols[] = {
	{ M_PL_COL_DATE, 0 }, { M_PL_COL_AUDIENCE, 0 }, { M_PL_COL_HOW, 0 },
	{ M_PL_COL_OWNER, GOVUK_WIDE_ONLY }, { M_PL_COL_STATUS, 0 },
};

static void entries(struct html *h, const struct plan_page *p)
{
	if (!p->nentries) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_PL_NONE);
		HTML(h, "</p>\n");
		return;
	}
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg(h, M_PL_TITLE);
	govuk_table_head(h, plan_cols, sizeof(plan_cols) / sizeof(plan_cols[0]));
	for (size_t i = 0; i < p->nentries; i++) {
		const struct plan_entry_view *v = &p->entries[i];
		int k = vocab_find(activity_kinds, ACT_KIND_COUNT, v->channel);

		char day[48];

		entry_date_words(h, v->planned_date, day);
		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
		html_text(h, day);
		HTML(h, "</th>" GOVUK_TD);
		html_text(h, v->audience);
		HTML(h, "</td>" GOVUK_TD);
		html_text(h, k >= 0 ? entry_vocab(h, &activity_kinds[k]) : v->channel);
		HTML(h, "</td><td class=\"govuk-table__cell engage-wide-only\">");
		html_text(h, v->owner);
		HTML(h, "</td>" GOVUK_TD);
		if (v->activity_id)
			HTML(h, "<strong class=\"govuk-tag govuk-tag--green\">");
		else if (v->overdue)
			HTML(h, "<strong class=\"govuk-tag govuk-tag--red\">");
		else
			HTML(h, "<strong class=\"govuk-tag govuk-tag--blue\">");
		html_msg(h, v->activity_id ? M_PL_HELD : v->overdue ? M_PL_OVERDUE : M_PL_PLANNED);
		HTML(h, "</strong></td></tr>\n");
	}
	govuk_table_end(h);
}

/* plan_unplanned_audiences says why in fixed English; these are its words. */
static enum msg_id why_words(const char *why)
{
	if (strstr(why, "seldom"))
		return M_PL_WHY_SELDOM;
	if (strstr(why, "interest"))
		return M_PL_WHY_INTEREST;
	return M_PL_WHY_GROUP;
}

static void gaps(struct html *h, const struct plan_page *p)
{
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PL_GAPS);
	HTML(h, "</h2>\n");
	if (!p->ngaps) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_PL_GAPS_NONE);
		HTML(h, "</p>\n");
		return;
	}
	HTML(h, "<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < p->ngaps; i++) {
		HTML(h, "<li><strong>");
		html_text(h, p->gaps[i].audience);
		HTML(h, "</strong>: ");
		html_msg(h, why_words(p->gaps[i].why));
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n");
}

static void adjustments_field(struct html *h, const struct plan_page *p)
{
	HTML(h, "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\">"
		"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
	html_msg(h, M_PL_ADJUSTMENTS);
	HTML(h, "</legend><div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">");
	for (int i = 0; i < adjustment_count; i++) {
		char id[48];

		snprintf(id, sizeof(id), "adj-%s", adjustments[i].slug);
		HTML(h, "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"");
		html_attr(h, id);
		HTML(h, "\" name=\"");
		html_attr(h, id);
		HTML(h, "\" type=\"checkbox\" value=\"1\"");
		if (*entry_value(&p->values, id))
			HTML(h, " checked");
		HTML(h, "><label class=\"govuk-label govuk-checkboxes__label\" for=\"");
		html_attr(h, id);
		HTML(h, "\">");
		html_text(h, entry_vocab(h, &adjustments[i]));
		HTML(h, "</label></div>");
	}
	HTML(h, "</div></fieldset></div>\n");
}

static void add_form(struct html *h, const struct page_ctx *pc, const struct plan_page *p)
{
	struct entry_field f = { .id = "channel", .label = M_PL_CHANNEL,
				 .value = entry_value(&p->values, "channel"),
				 ENTRY_ERROR(&p->errors, "channel") };

	HTML(h, "<h2 class=\"govuk-heading-m\" id=\"add\">");
	html_msg(h, M_PL_ADD);
	HTML(h, "</h2>\n");
	entry_form_begin(h, pc, &p->nb, "/plan", 0);
	entry_input(h, &(struct entry_field){ .id = "audience", .label = M_PL_AUDIENCE,
					      .hint = M_PL_AUDIENCE_HINT, .has_hint = 1,
					      .value = entry_value(&p->values, "audience"),
					      ENTRY_ERROR(&p->errors, "audience") },
		    "text", NULL);
	entry_select_begin(h, &f);
	entry_option(h, &f, "", msg_text(h->lang, M_SE_CHOOSE));
	for (int k = 0; k < ACT_KIND_COUNT; k++)
		entry_option(h, &f, activity_kinds[k].slug, entry_vocab(h, &activity_kinds[k]));
	entry_select_end(h);
	entry_textarea(h, &(struct entry_field){ .id = "message", .label = M_PL_MESSAGE,
						 .value = entry_value(&p->values, "message"),
						 ENTRY_ERROR(&p->errors, "message") }, 3);
	entry_textarea(h, &(struct entry_field){ .id = "aim", .label = M_PL_AIM,
						 .value = entry_value(&p->values, "aim"),
						 ENTRY_ERROR(&p->errors, "aim") }, 3);
	entry_date(h, &(struct entry_field){ .id = "date", .label = M_PL_DATE, .hint = M_SE_DATE_HINT,
					     .has_hint = 1,
					     ENTRY_ERROR(&p->errors, "date-day") },
		   &p->values);
	entry_input(h, &(struct entry_field){ .id = "owner", .label = M_PL_OWNER, .hint = M_PL_OWNER_HINT,
					      .has_hint = 1, .value = entry_value(&p->values, "owner"),
					      ENTRY_ERROR(&p->errors, "owner") },
		    "text", NULL);
	adjustments_field(h, p);
	entry_button(h, M_PL_SAVE);
	HTML(h, "</form>\n");
}

void page_plan(struct strbuf *out, const struct page_ctx *pc, const struct plan_page *p)
{
	struct html h = { out, pc->lang };

	entry_begin(&h, pc, &p->nb, M_PL_TITLE);
	if (p->added) {
		entry_banner_begin(&h, M_PL_ADDED, NULL);
		entry_banner_end(&h);
	}
	entry_error_summary(&h, &p->errors);
	HTML(&h, "<p class=\"govuk-body\">");
	html_msg(&h, M_PL_LEAD);
	HTML(&h, "</p>\n");
	entries(&h, p);
	HTML(&h, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
	gaps(&h, p);
	add_form(&h, pc, p);
	HTML(&h, "</div></div>\n");
	layout_end(&h, pc);
}
