/*
 * page_home.c - the front page (see page_home.h).
 */
#include "views/page_home.h"

#include "base/parse.h"
#include "base/xalloc.h"
#include "views/govuk.h"

/* Crimes and ASB in `month` per neighbourhood; counts[] has rm->nnbhds slots. */
static void count_crimes(const struct readmodel *rm, int32_t month, int64_t *counts)
{
	for (size_t i = 0; i < rm->nmonths; i++) {
		const struct rm_month *m = &rm->months[i];

		if (m->month != month || !m->has[MONTH_STREET])
			continue;
		for (size_t r = 0; r < m->pack[MONTH_STREET].rows; r++) {
			int32_t n = readmodel_row_neighbourhood(rm, m, MONTH_STREET, r);
			if (n >= 0)
				counts[n]++;
		}
	}
}

static void force_section(struct html *h, const struct readmodel *rm, size_t f,
			  const int64_t *crimes, const char *month)
{
	struct govuk_col cols[] = {
		{ M_HOME_COL_NEIGHBOURHOOD, 0 }, { M_HOME_COL_POPULATION, GOVUK_NUMERIC | GOVUK_WIDE_ONLY },
		{ M_HOME_COL_TEAM, GOVUK_NUMERIC }, { M_HOME_COL_CRIMES, GOVUK_NUMERIC },
	};

	HTML(h, "<section class=\"engage-force\">\n<h2 class=\"govuk-heading-m\">");
	html_text(h, rm->forces[f].name);
	HTML(h, "</h2>\n");
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg_args(h, M_HOME_TABLE_CAPTION, rm->forces[f].name, NULL);
	govuk_table_head(h, cols, month[0] ? 4 : 3);
	for (size_t n = 0; n < rm->nnbhds; n++) {
		const struct rm_neighbourhood *nb = &rm->nbhds[n];

		if (nb->force != (int32_t)f)
			continue;
		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW "<a class=\"govuk-link\" "
			"href=\"/neighbourhoods/");
		html_url_arg(h, rm->forces[f].id);
		HTML(h, "/");
		html_url_arg(h, nb->id);
		HTML(h, "\">");
		html_text(h, nb->name);
		HTML(h, "</a></th><td class=\"govuk-table__cell govuk-table__cell--numeric "
			"engage-wide-only\">");
		html_count(h, nb->population);
		HTML(h, "</td>" GOVUK_TD_NUM);
		html_count(h, (int64_t)nb->nteam);
		if (month[0]) {
			HTML(h, "</td>" GOVUK_TD_NUM);
			html_count(h, crimes[n]);
		}
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
	HTML(h, "</section>\n");
}

void page_home(const struct readmodel *rm, const struct page_ctx *pc, struct strbuf *out)
{
	struct html h = { out, pc->lang };
	int64_t *crimes = xcalloc(rm->nnbhds ? rm->nnbhds : 1, sizeof(*crimes));
	char latest[32] = "", first[32] = "", n1[32], n2[32];

	if (rm->latest_month) {
		char ym[8];

		format_month(rm->latest_month, ym);
		month_words(pc->lang, ym, latest);
		format_month(rm->first_month, ym);
		month_words(pc->lang, ym, first);
	}
	if (crimes && rm->latest_month)
		count_crimes(rm, rm->latest_month, crimes);
	layout_begin(&h, pc, msg_text(pc->lang, M_HOME_TITLE));
	HTML(&h, "<h1 class=\"govuk-heading-xl\">");
	html_msg(&h, M_HOME_HEADING);
	HTML(&h, "</h1>\n<p class=\"govuk-body-l\">");
	if (!rm->nnbhds) {
		html_msg(&h, M_HOME_EMPTY);
		HTML(&h, "</p>\n");
	} else {
		if (rm->nforces == 1)
			html_msg_args(&h, M_HOME_SUMMARY_ONE_FORCE, count_text((int64_t)rm->nnbhds, n1),
				      rm->forces[0].name, NULL);
		else
			html_msg_args(&h, M_HOME_SUMMARY, count_text((int64_t)rm->nnbhds, n1),
				      count_text((int64_t)rm->nforces, n2), NULL);
		if (rm->latest_month) {
			HTML(&h, " ");
			html_msg_args(&h, M_HOME_SUMMARY_DATA, first, latest, NULL);
		}
		HTML(&h, "</p>\n<p class=\"govuk-body\"><a class=\"govuk-button govuk-button--start\" "
			 "href=\"/find\" role=\"button\" draggable=\"false\" data-module=\"govuk-button\">");
		html_msg(&h, M_NAV_FIND);
		HTML(&h, "</a></p>\n");
		for (size_t f = 0; f < rm->nforces; f++)
			if (crimes)
				force_section(&h, rm, f, crimes, latest);
	}
	layout_end(&h, pc);
	xfree(crimes);
}
