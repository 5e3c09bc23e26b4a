/*
 * page_feedback.c - the feedback queue (see page_pact.h): concerns and
 * priorities owed "you said, we did", oldest first, and the form that
 * publishes it for the one chosen.
 */
#include "views/page_pact-internal.h"

#include <stdio.h>
#include <string.h>

#include "base/timeutil.h"

#define QUEUE_SHOWN 40

static void item_heading(struct html *h, const struct feedback_owed *o)
{
	if (!strcmp(o->kind, "concern"))
		html_msg_args(h, M_FB_CONCERN, o->reference, NULL);
	else
		html_msg(h, M_FB_PRIORITY);
}

static void item_href(struct html *h, const struct staff_nbhd *nb, const struct feedback_owed *o)
{
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)o->id);
	pact_href(h, nb, "feedback");
	HTML(h, "?");
	html_url_arg(h, o->kind);
	HTML(h, "=");
	html_url_arg(h, id);
	HTML(h, "#write");
}

static const struct govuk_col queue_cols[] = {
	{ M_FB_COL_WHAT, 0 }, { M_FB_COL_SAID, GOVUK_WIDE_ONLY }, { M_FB_COL_SINCE, 0 },
	{ M_FB_COL_WAITING, GOVUK_NUMERIC }, { M_FB_COL_ACTION, 0 },
};

static void queue_table(struct html *h, const struct staff_nbhd *nb, const struct feedback_queue *q,
			int64_t now)
{
	size_t shown = q->n < QUEUE_SHOWN ? q->n : QUEUE_SHOWN;

	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg(h, M_FB_TITLE);
	govuk_table_head(h, queue_cols, 5);
	for (size_t i = 0; i < shown; i++) {
		const struct feedback_owed *o = &q->v[i];
		char day[48];

		yousaid_day(h->lang, o->since, day);
		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
		item_heading(h, o);
		HTML(h, "<br><span class=\"govuk-body-s\">");
		html_text(h, yousaid_label(h, concern_categories, concern_category_count, o->category));
		HTML(h, "</span></th><td class=\"govuk-table__cell engage-wide-only\">");
		html_text(h, o->text);
		HTML(h, "</td>" GOVUK_TD);
		html_text(h, day);
		HTML(h, "</td>" GOVUK_TD_NUM);
		html_count(h, (now - o->since) / 86400);
		HTML(h, "</td>" GOVUK_TD "<a class=\"govuk-link\" href=\"");
		item_href(h, nb, o);
		HTML(h, "\">");
		html_msg(h, M_FB_WRITE);
		HTML(h, "<span class=\"govuk-visually-hidden\"> ");
		item_heading(h, o);
		HTML(h, "</span></a></td></tr>\n");
	}
	govuk_table_end(h);
	if (shown < q->n) {
		char a[32], b[32];

		HTML(h, "<p class=\"govuk-body\">");
		html_msg_args(h, M_FB_SHOWN, count_text((int64_t)shown, a), count_text((int64_t)q->n, b), NULL);
		HTML(h, "</p>\n");
	}
}

static void outcome_radios(struct html *h, const struct feedback_owed *o, const char *form,
			   const struct staff_form *f)
{
	struct govuk_radio items[8];
	size_t n = 0;
	int priority = !strcmp(o->kind, "priority");

	for (int i = 0; i < feedback_outcome_count && n < 8; i++) {
		const char *slug = feedback_outcomes[i].slug;

		/* a priority ends with what was done or why nothing was (feedback.h) */
		if (priority && strcmp(slug, "action-taken") && strcmp(slug, "partner-action") &&
		    strcmp(slug, "no-action"))
			continue;
		items[n++] = (struct govuk_radio){ slug, h->lang == LANG_CY ? feedback_outcomes[i].cy
									    : feedback_outcomes[i].en };
	}
	govuk_radios_field(h, &(struct govuk_radios){ .name = "outcome", .legend = M_FB_OUTCOME,
		.items = items, .n = n, .checked = pact_typed(f, form, "outcome", NULL) },
		pact_error(f, form, "outcome"));
}

static void reason_radios(struct html *h, const char *form, const struct staff_form *f)
{
	struct govuk_radio items[8];
	size_t n = 0;

	for (int i = 0; i < no_action_reason_count && n < 8; i++)
		items[n++] = (struct govuk_radio){ no_action_reasons[i].slug,
			h->lang == LANG_CY ? no_action_reasons[i].cy : no_action_reasons[i].en };
	govuk_radios_field(h, &(struct govuk_radios){ .name = "reason", .legend = M_FB_REASON,
		.hint = M_FB_REASON_HINT, .has_hint = 1, .items = items, .n = n,
		.checked = pact_typed(f, form, "reason", NULL) }, pact_error(f, form, "reason"));
}

static void write_form(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		       const struct feedback_owed *o, const struct staff_may *may,
		       const struct staff_form *f)
{
	char id[24], day[48];
	const char *form = "feedback";

	snprintf(id, sizeof(id), "%lld", (long long)o->id);
	yousaid_day(h->lang, o->since, day);
	HTML(h, "<div class=\"govuk-summary-card\" id=\"write\"><div class=\"govuk-summary-card__title-wrapper\">"
		"<h2 class=\"govuk-summary-card__title\">");
	item_heading(h, o);
	HTML(h, "</h2></div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">"
		"<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_msg(h, !strcmp(o->kind, "concern") ? M_FB_SAID : M_FB_AGREED_TEXT);
	HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
	html_text(h, o->text);
	HTML(h, "</dd></div><div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_msg(h, M_FB_COL_SINCE);
	HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
	html_text(h, day);
	if (o->channel[0]) {
		HTML(h, " (");
		html_text(h, yousaid_label(h, channels, CH_COUNT, o->channel));
		HTML(h, ")");
	}
	HTML(h, "</dd></div></dl>\n");
	if (o->priority_id) {
		HTML(h, "<div class=\"govuk-inset-text\">");
		html_msg(h, M_FB_IN_PRIORITY);
		HTML(h, "</div>\n");
	}
	if (!strcmp(o->kind, "priority") && !may->agree) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_FB_PRIORITY_NEEDS);
		HTML(h, "</p></div></div>\n");
		return;
	}
	pact_form_begin(h, pc, nb, "feedback");
	govuk_hidden(h, "kind", o->kind);
	govuk_hidden(h, "id", id);
	outcome_radios(h, o, form, f);
	reason_radios(h, form, f);
	govuk_textarea_field(h, &(struct govuk_input){ .id = "text", .label = M_FB_TEXT,
		.hint = M_FB_TEXT_HINT, .has_hint = 1,
		.value = pact_typed(f, form, "text", NULL) }, 5, pact_error(f, form, "text"));
	govuk_textarea_field(h, &(struct govuk_input){ .id = "note", .label = M_FB_NOTE,
		.hint = M_FB_NOTE_HINT, .has_hint = 1,
		.value = pact_typed(f, form, "note", NULL) }, 3, pact_error(f, form, "note"));
	pact_button(h, M_FB_PUBLISH, 0);
	HTML(h, "</form></div></div>\n");
}

void page_feedback(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
		   const struct feedback_queue *q, const struct feedback_owed *chosen,
		   const struct staff_may *may, const struct staff_form *f)
{
	struct html h = { out, pc->lang };
	int concerns = 0, priorities = 0;
	char a[32], b[32];

	for (size_t i = 0; i < q->n; i++)
		*(!strcmp(q->v[i].kind, "concern") ? &concerns : &priorities) += 1;
	pact_frame_begin(&h, pc, nb, TAB_FEEDBACK, M_FB_TITLE, f);
	HTML(&h, "<p class=\"govuk-body-l\">");
	html_msg(&h, M_FB_LEAD);
	HTML(&h, "</p>\n");
	if (chosen)
		write_form(&h, pc, nb, chosen, may, f);
	HTML(&h, "<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_FB_QUEUE_HEADING);
	HTML(&h, "</h2>\n<p class=\"govuk-body\">");
	if (q->n)
		html_msg_args(&h, M_FB_COUNTS, count_text(concerns, a), count_text(priorities, b), NULL);
	else
		html_msg(&h, M_FB_NONE);
	HTML(&h, "</p>\n");
	if (q->n)
		queue_table(&h, nb, q, time_now());
	layout_end(&h, pc);
}
