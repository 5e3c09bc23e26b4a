/*
 * page_neighbourhood.c - a neighbourhood's public page (see
 * page_neighbourhood.h).  Counts come from the read model's packed
 * force-months; nothing here touches the store.
 */
#include "views/page_neighbourhood.h"

#include "base/parse.h"
#include "views/govuk.h"
#include "views/page_yousaid.h"

#include <string.h>

#define TREND_MONTHS 12

struct tallies {
	int64_t by_category[CAT_COUNT];		/* latest month */
	int64_t by_month[TREND_MONTHS];		/* street rows, oldest first */
	int64_t stops[TREND_MONTHS];
};

static void tally(const struct readmodel *rm, size_t n, struct tallies *t)
{
	const struct rm_neighbourhood *nb = &rm->nbhds[n];
	int32_t first = rm->latest_month - TREND_MONTHS + 1;

	memset(t, 0, sizeof(*t));
	for (int32_t month = first; month <= rm->latest_month; month++) {
		const struct rm_month *m = readmodel_month(rm, nb->force, month);
		int slot = month - first;

		if (!m)
			continue;
		for (size_t r = 0; m->has[MONTH_STREET] && r < m->pack[MONTH_STREET].rows; r++) {
			if (readmodel_row_neighbourhood(rm, m, MONTH_STREET, r) != (int32_t)n)
				continue;
			t->by_month[slot]++;
			if (month == rm->latest_month) {
				uint8_t c = MP_U8(&m->pack[MONTH_STREET], SC_CATEGORY)[r];
				if (c < CAT_COUNT)
					t->by_category[c]++;
			}
		}
		for (size_t r = 0; m->has[MONTH_STOPS] && r < m->pack[MONTH_STOPS].rows; r++)
			if (readmodel_row_neighbourhood(rm, m, MONTH_STOPS, r) == (int32_t)n)
				t->stops[slot]++;
	}
}

static void team_section(struct html *h, const struct rm_neighbourhood *nb)
{
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_NB_TEAM_HEADING);
	HTML(h, "</h2>\n");
	if (!nb->nteam) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_NB_TEAM_NONE);
		HTML(h, "</p>\n");
		return;
	}
	HTML(h, "<ul class=\"govuk-list engage-team\">\n");
	for (size_t i = 0; i < nb->nteam; i++) {
		const struct rm_person *p = &nb->team[i];

		HTML(h, "<li><strong>");
		html_text(h, p->name);
		HTML(h, "</strong>");
		if (p->rank) {
			HTML(h, ", ");
			html_text(h, p->rank);
		}
		if (p->bio) {
			HTML(h, "<br>");
			html_text(h, p->bio);
		}
		if (p->email) {
			HTML(h, "<br><a class=\"govuk-link\" href=\"mailto:");
			html_attr(h, p->email);
			HTML(h, "\">");
			html_text(h, p->email);
			HTML(h, "</a>");
		}
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n<div class=\"govuk-inset-text\">");
	html_msg(h, M_FOOTER_EMERGENCY);
	HTML(h, "</div>\n");
}

#define TH_ROW GOVUK_TH_ROW
#define TD_NUM GOVUK_TD_NUM

static const struct govuk_col category_cols[] = {
	{ M_NB_COL_TYPE, 0 }, { M_NB_COL_NUMBER, GOVUK_NUMERIC },
};
static const struct govuk_col trend_cols[] = {
	{ M_NB_COL_MONTH, 0 }, { M_NB_COL_CRIMES, GOVUK_NUMERIC }, { M_NB_COL_STOPS, GOVUK_NUMERIC },
};

static void crime_section(struct html *h, const struct readmodel *rm, const struct tallies *t)
{
	char ym[8], month[32];
	int64_t total = 0;

	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_NB_CRIME_HEADING);
	HTML(h, "</h2>\n");
	if (!rm->latest_month) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_NB_CRIME_NONE);
		HTML(h, "</p>\n");
		return;
	}
	format_month(rm->latest_month, ym);
	month_words(h->lang, ym, month);
	for (int c = 0; c < CAT_COUNT; c++)
		total += t->by_category[c];
	govuk_table_begin(h, GOVUK_CAPTION_S);
	html_msg_args(h, M_NB_CRIME_CAPTION, month, NULL);
	govuk_table_head(h, category_cols, 2);
	for (int c = 0; c < CAT_COUNT; c++) {
		if (!t->by_category[c])
			continue;
		HTML(h, "<tr class=\"govuk-table__row\">" TH_ROW);
		html_msg(h, msg_crime_category(c));
		HTML(h, "</th>" TD_NUM);
		html_count(h, t->by_category[c]);
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n<tfoot><tr class=\"govuk-table__row\">" TH_ROW);
	html_msg(h, M_NB_ALL_TYPES);
	HTML(h, "</th>" TD_NUM);
	html_count(h, total);
	HTML(h, "</td></tr></tfoot>\n</table>\n");

	govuk_table_begin(h, GOVUK_CAPTION_S);
	html_msg(h, M_NB_TREND_CAPTION);
	govuk_table_head(h, trend_cols, 3);
	for (int i = TREND_MONTHS - 1; i >= 0; i--) {
		int32_t m = rm->latest_month - (TREND_MONTHS - 1) + i;

		if (m < rm->first_month)
			continue;
		format_month(m, ym);
		month_words(h->lang, ym, month);
		HTML(h, "<tr class=\"govuk-table__row\">" TH_ROW);
		html_text(h, month);
		HTML(h, "</th>" TD_NUM);
		html_count(h, t->by_month[i]);
		HTML(h, "</td>" TD_NUM);
		html_count(h, t->stops[i]);
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
	HTML(h, "<p class=\"govuk-body-s\">");
	html_msg(h, M_NB_LOCATIONS_NOTE);
	HTML(h, "</p>\n");
}

void page_neighbourhood(const struct readmodel *rm, size_t n, const struct page_ctx *pc,
			struct strbuf *out)
{
	page_neighbourhood_record(rm, n, pc, NULL, out);
}

void page_neighbourhood_record(const struct readmodel *rm, size_t n, const struct page_ctx *pc,
			       const struct record *rec, struct strbuf *out)
{
	const struct rm_neighbourhood *nb = &rm->nbhds[n];
	const struct rm_force *f = nb->force >= 0 ? &rm->forces[nb->force] : NULL;
	struct html h = { out, pc->lang };
	struct tallies t;
	char pop[32], homes[32], areas[32];

	tally(rm, n, &t);
	layout_begin(&h, pc, nb->name);
	HTML(&h, "<nav class=\"govuk-breadcrumbs\" aria-label=\"");
	html_msg(&h, M_BREADCRUMB);
	HTML(&h, "\"><ol class=\"govuk-breadcrumbs__list\"><li class=\"govuk-breadcrumbs__list-item\">"
		 "<a class=\"govuk-breadcrumbs__link\" href=\"/\">");
	html_msg(&h, M_NB_BREADCRUMB_ALL);
	HTML(&h, "</a></li></ol></nav>\n");
	if (f) {
		HTML(&h, "<span class=\"govuk-caption-l\">");
		html_text(&h, f->name);
		HTML(&h, "</span>");
	}
	HTML(&h, "<h1 class=\"govuk-heading-xl\">");
	html_text(&h, nb->name);
	HTML(&h, "</h1>\n<p class=\"govuk-body-l\">");
	html_msg_args(&h, M_NB_LEAD, count_text(nb->population, pop),
		      count_text(nb->households, homes), count_text((int64_t)nb->nlsoas, areas), NULL);
	HTML(&h, "</p>\n");
	if (nb->description) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_text(&h, nb->description);
		HTML(&h, "</p>\n");
	}
	team_section(&h, nb);
	if (rec)
		yousaid_section(&h, rec, 1);
	crime_section(&h, rm, &t);
	layout_end(&h, pc);
}
