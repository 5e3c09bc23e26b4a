/*
 * page_yousaid.c - "you said, we did" and the meetings to come, as page
 * sections (see page_yousaid.h).
 */
#include "views/page_yousaid.h"

#include <stdio.h>
#include <string.h>

#include "base/timeutil.h"
#include "views/govuk.h"

const char *yousaid_label(const struct html *h, const struct vocab *table, int count,
			  const char *slug)
{
	int i = vocab_find(table, count, slug);

	if (i < 0)
		return slug ? slug : "";
	return h->lang == LANG_CY ? table[i].cy : table[i].en;
}

void yousaid_day(enum lang lang, int64_t t, char out[48])
{
	char local[20];

	time_format_london(t, local);
	local[10] = '\0';
	date_words(lang, local, out);
}

static void current(struct html *h, const struct record_priority *p)
{
	char review[48], people[32];

	HTML(h, "<li class=\"engage-yousaid__item\"><p class=\"govuk-body govuk-!-margin-bottom-1\">");
	html_text(h, p->public_text ? p->public_text : "");
	HTML(h, "</p><p class=\"govuk-body-s\"><strong class=\"govuk-tag govuk-tag--blue\">");
	html_text(h, yousaid_label(h, priority_statuses, PRI_STATUS_COUNT, p->status));
	HTML(h, "</strong> ");
	date_words(h->lang, p->review_date, review);
	if (p->concerns)
		html_msg_args(h, M_YS_REVIEW_RAISED, review, count_text(p->concerns, people), NULL);
	else
		html_msg_args(h, M_YS_REVIEW, review, NULL);
	HTML(h, "</p></li>\n");
}

static void ended(struct html *h, const struct record_priority *p)
{
	char day[48];

	yousaid_day(h->lang, p->feedback_at, day);
	HTML(h, "<div class=\"govuk-summary-card engage-yousaid\"><div class=\"govuk-summary-card__title-wrapper\">"
		"<h3 class=\"govuk-summary-card__title\">");
	html_msg(h, M_YS_YOU_SAID);
	HTML(h, "</h3></div><div class=\"govuk-summary-card__content\"><p class=\"govuk-body\">");
	html_text(h, p->public_text ? p->public_text : "");
	HTML(h, "</p><h4 class=\"govuk-heading-s govuk-!-margin-bottom-1\">");
	html_msg(h, M_YS_WE_DID);
	HTML(h, " <strong class=\"govuk-tag govuk-tag--green\">");
	html_text(h, yousaid_label(h, feedback_outcomes, feedback_outcome_count, p->feedback_outcome));
	HTML(h, "</strong></h4><p class=\"govuk-body\">");
	html_text(h, p->feedback_text);
	HTML(h, "</p><p class=\"govuk-body-s\">");
	html_msg_args(h, M_YS_PUBLISHED, day, NULL);
	HTML(h, "</p></div></div>\n");
}

static void current_list(struct html *h, const struct record *r)
{
	int n = 0;

	HTML(h, "<h3 class=\"govuk-heading-s\">");
	html_msg(h, M_YS_CURRENT);
	HTML(h, "</h3>\n");
	for (size_t i = 0; i < r->npriorities; i++) {
		const struct record_priority *p = &r->priorities[i];

		if (strcmp(p->status, "agreed") && strcmp(p->status, "in-progress"))
			continue;
		if (!n++)
			HTML(h, "<ul class=\"govuk-list\">");
		current(h, p);
	}
	if (n) {
		HTML(h, "</ul>\n");
	} else {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_YS_CURRENT_NONE);
		HTML(h, "</p>\n");
	}
}

void yousaid_section(struct html *h, const struct record *r, int with_current)
{
	int nended = 0;

	HTML(h, "<h2 class=\"govuk-heading-m\" id=\"you-said-we-did\">");
	html_msg(h, M_YS_HEADING);
	HTML(h, "</h2>\n");
	if (with_current)
		current_list(h, r);
	for (size_t i = 0; i < r->npriorities; i++) {
		const struct record_priority *p = &r->priorities[i];

		if (!p->feedback_text || (strcmp(p->status, "resolved") && strcmp(p->status, "closed")))
			continue;
		if (!nended++ && with_current) {
			HTML(h, "<h3 class=\"govuk-heading-s\">");
			html_msg(h, M_YS_ENDED);
			HTML(h, "</h3>\n");
		}
		ended(h, p);
	}
	if (!nended && !with_current) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_YS_ENDED_NONE);
		HTML(h, "</p>\n");
	}
}

static const struct govuk_col meeting_cols[] = {
	{ M_YS_COL_WHEN, 0 }, { M_YS_COL_WHAT, 0 }, { M_YS_COL_WHERE, 0 },
};

void upcoming_section(struct html *h, const struct record *r, int64_t now, int max)
{
	int shown = 0;

	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_YS_MEETINGS);
	HTML(h, "</h2>\n");
	/* activities are newest first: walk back for the soonest */
	for (size_t k = r->nactivities; k-- > 0 && shown < max;) {
		const struct record_activity *a = &r->activities[k];
		char local[20], day[48];

		if (a->starts_at < now)
			continue;
		if (!shown++) {
			govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
			html_msg(h, M_YS_MEETINGS);
			govuk_table_head(h, meeting_cols, 3);
		}
		time_format_london(a->starts_at, local);
		local[16] = '\0';
		yousaid_day(h->lang, a->starts_at, day);
		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TD);
		html_text(h, day);
		HTML(h, ", ");
		html_text(h, local + 11);
		HTML(h, "</td>" GOVUK_TD);
		html_text(h, a->title ? a->title : yousaid_label(h, activity_kinds, ACT_KIND_COUNT, a->kind));
		HTML(h, "</td>" GOVUK_TD);
		html_text(h, a->venue ? a->venue : yousaid_label(h, activity_modes, MODE_COUNT, a->mode));
		if (a->accessibility) {
			HTML(h, "<br><span class=\"govuk-body-s\">");
			html_text(h, a->accessibility);
			HTML(h, "</span>");
		}
		HTML(h, "</td></tr>\n");
	}
	if (shown) {
		govuk_table_end(h);
	} else {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_YS_MEETINGS_NONE);
		HTML(h, "</p>\n");
	}
}
