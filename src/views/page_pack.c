/*
 * page_pack.c - the printable beat meeting pack (see page_pact.h): a cover,
 * the priorities and their progress, "you said, we did", what police.uk
 * recorded, the candidates for new priorities and the meetings to come.
 * engage.css's print rules drop the navigation and break pages between
 * the parts, so the browser's "Save as PDF" makes the pack.
 */
#include "views/page_pact-internal.h"

#include <stdio.h>
#include <string.h>

#include "base/parse.h"

static void cover(struct html *h, const struct staff_nbhd *nb, const struct meeting_pack *pk,
		  int64_t now)
{
	char day[48];

	yousaid_day(h->lang, now, day);
	HTML(h, "<section class=\"engage-pack-cover\"><p class=\"govuk-body-l\">");
	html_msg_args(h, M_PACK_COVER_FOR, nb->name, nb->force_name ? nb->force_name : pk->force, NULL);
	HTML(h, "</p><p class=\"govuk-body\">");
	html_msg_args(h, M_PACK_PREPARED, day, NULL);
	HTML(h, "</p><p class=\"govuk-body\">");
	html_msg(h, M_PACK_NO_PERSONAL);
	HTML(h, "</p><p class=\"govuk-body engage-no-print\">");
	html_msg(h, M_PACK_HOW_TO_PRINT);
	HTML(h, "</p>\n<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACK_CONTENTS);
	HTML(h, "</h2><ol class=\"govuk-list govuk-list--number\">");
	static const enum msg_id parts[] = { M_PACK_PRIORITIES, M_YS_HEADING, M_PACK_CRIME,
					     M_PACK_CANDIDATES, M_YS_MEETINGS };
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		HTML(h, "<li>");
		html_msg(h, parts[i]);
		HTML(h, "</li>");
	}
	HTML(h, "</ol></section>\n");
}

static const struct govuk_col action_cols[] = {
	{ M_BOARD_ADD_TEXT, 0 }, { M_BOARD_OWNER, 0 }, { M_BOARD_DUE, 0 }, { M_BOARD_STATUS, 0 },
};

static void priority_block(struct html *h, const struct pack_priority *pp)
{
	char review[48], people[32];

	HTML(h, "<div class=\"engage-pack-block\"><h3 class=\"govuk-heading-s\">");
	html_text(h, pp->text);
	HTML(h, "</h3><p class=\"govuk-body-s\"><strong class=\"govuk-tag govuk-tag--blue\">");
	html_text(h, yousaid_label(h, priority_statuses, PRI_STATUS_COUNT, pp->status));
	HTML(h, "</strong> ");
	date_words(h->lang, pp->review_date, review);
	html_msg_args(h, M_BOARD_REVIEW, review, count_text(pp->concerns, people), NULL);
	HTML(h, "</p>\n");
	if (!pp->nactions) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_BOARD_NO_ACTIONS);
		HTML(h, "</p></div>\n");
		return;
	}
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg(h, M_BOARD_ACTIONS);
	govuk_table_head(h, action_cols, 4);
	for (int k = 0; k < pp->nactions; k++) {
		const struct pack_action *a = &pp->actions[k];
		char due[48];

		date_words(h->lang, a->due_date, due);
		HTML(h, "<tr class=\"govuk-table__row");
		if (a->overdue)
			HTML(h, " engage-row--overdue");
		HTML(h, "\">" GOVUK_TD);
		html_text(h, a->description);
		if (a->result[0]) {
			HTML(h, "<br><span class=\"govuk-body-s\">");
			html_text(h, a->result);
			HTML(h, "</span>");
		}
		HTML(h, "</td>" GOVUK_TD);
		html_text(h, a->owner);
		HTML(h, "</td>" GOVUK_TD);
		html_text(h, due);
		HTML(h, "</td>" GOVUK_TD);
		html_msg(h, !strcmp(a->status, "done") ? M_BOARD_STATUS_DONE
			    : !strcmp(a->status, "cancelled") ? M_BOARD_STATUS_CANCELLED : M_BOARD_STATUS_OPEN);
		if (a->overdue) {
			HTML(h, " <strong class=\"govuk-tag govuk-tag--red\">");
			html_msg(h, M_BOARD_OVERDUE);
			HTML(h, "</strong>");
		}
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
	HTML(h, "</div>\n");
}

static const struct govuk_col crime_cols[] = {
	{ M_NB_COL_TYPE, 0 }, { M_PACK_COL_NOW, GOVUK_NUMERIC }, { M_PACK_COL_BEFORE, GOVUK_NUMERIC },
	{ M_PACK_COL_CHANGE, GOVUK_NUMERIC },
};

static void crime_row(struct html *h, enum msg_id what, int now, int before, int total)
{
	char change[16];

	snprintf(change, sizeof(change), "%+d", now - before);
	HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
	if (total)
		HTML(h, "<strong>");
	html_msg(h, what);
	if (total)
		HTML(h, "</strong>");
	HTML(h, "</th>" GOVUK_TD_NUM);
	html_count(h, now);
	HTML(h, "</td>" GOVUK_TD_NUM);
	html_count(h, before);
	HTML(h, "</td>" GOVUK_TD_NUM);
	html_text(h, now == before ? "0" : change);
	HTML(h, "</td></tr>\n");
}

static void crime_section(struct html *h, const struct meeting_pack *pk)
{
	char from[8], to[8], a[32], b[32];

	HTML(h, "<section class=\"engage-page-break\"><h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACK_CRIME);
	HTML(h, "</h2>\n");
	if (!pk->last_month) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_NB_CRIME_NONE);
		HTML(h, "</p></section>\n");
		return;
	}
	format_month(pk->first_month, from);
	format_month(pk->last_month, to);
	month_words(h->lang, from, a);
	month_words(h->lang, to, b);
	govuk_table_begin(h, GOVUK_CAPTION_S);
	html_msg_args(h, M_PACK_CRIME_CAPTION, a, b, NULL);
	govuk_table_head(h, crime_cols, 4);
	for (int c = 0; c < CAT_COUNT; c++)
		if (pk->crime_now[c] || pk->crime_before[c])
			crime_row(h, msg_crime_category(c), pk->crime_now[c], pk->crime_before[c], 0);
	crime_row(h, M_NB_ALL_TYPES, pk->total_now, pk->total_before, 1);
	govuk_table_end(h);
	HTML(h, "<p class=\"govuk-body-s\">");
	html_msg(h, M_NB_LOCATIONS_NOTE);
	HTML(h, "</p></section>\n");
}

static const struct govuk_col candidate_cols[] = {
	{ M_PACK_COL_ISSUE, 0 }, { M_PACT_EV_PEOPLE, GOVUK_NUMERIC },
	{ M_PACT_EV_CHANNELS, GOVUK_NUMERIC }, { M_PACT_EV_CRIME_NOW, GOVUK_NUMERIC },
	{ M_PACK_COL_SCORE, GOVUK_NUMERIC },
};

static void candidates_section(struct html *h, const struct meeting_pack *pk)
{
	HTML(h, "<section class=\"engage-pack-block\"><h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACK_CANDIDATES);
	HTML(h, "</h2>\n");
	if (!pk->ncandidates) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_PACT_CANDIDATES_NONE);
		HTML(h, "</p></section>\n");
		return;
	}
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg(h, M_PACK_CANDIDATES);
	govuk_table_head(h, candidate_cols, 5);
	for (int i = 0; i < pk->ncandidates; i++) {
		const struct pact_candidate *c = &pk->candidates[i];
		char score[16];

		snprintf(score, sizeof(score), "%.0f", c->score.total);
		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
		html_text(h, c->title);
		if (c->priority_id) {
			HTML(h, " <span class=\"govuk-body-s\">(");
			html_msg(h, M_PACT_ALREADY);
			HTML(h, ")</span>");
		}
		HTML(h, "</th>" GOVUK_TD_NUM);
		html_count(h, c->evidence.distinct_people);
		HTML(h, "</td>" GOVUK_TD_NUM);
		html_count(h, c->evidence.channels);
		HTML(h, "</td>" GOVUK_TD_NUM);
		html_count(h, c->evidence.crime_now);
		HTML(h, "</td>" GOVUK_TD_NUM);
		html_text(h, score);
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
	HTML(h, "</section>\n");
}

void page_pack(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
	       const struct meeting_pack *pk, const struct record *rec, int64_t now)
{
	struct html h = { out, pc->lang };

	pact_frame_begin(&h, pc, nb, TAB_PACK, M_PACK_TITLE, NULL);
	cover(&h, nb, pk, now);
	HTML(&h, "<section class=\"engage-page-break\"><h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_PACK_PRIORITIES);
	HTML(&h, "</h2>\n");
	for (int i = 0; i < pk->npriorities; i++)
		priority_block(&h, &pk->priorities[i]);
	if (!pk->npriorities) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, M_YS_CURRENT_NONE);
		HTML(&h, "</p>\n");
	}
	HTML(&h, "</section>\n<section class=\"engage-pack-block\">");
	yousaid_section(&h, rec, 0);
	HTML(&h, "</section>\n");
	crime_section(&h, pk);
	candidates_section(&h, pk);
	HTML(&h, "<section class=\"engage-pack-block\">");
	upcoming_section(&h, rec, now, 6);
	HTML(&h, "</section>\n");
	layout_end(&h, pc);
}
