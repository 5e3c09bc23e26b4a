/*
 * page_neighbourhood.c - a neighbourhood's public page (see
 * page_neighbourhood.h).  Counts come from the read model's packed
 * force-months; nothing here touches the store.
 */
#include "views/page_neighbourhood.h"

#include "base/parse.h"
#include "views/layout.h"

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
	HTML(h, "<h2>Your neighbourhood team</h2>\n");
	if (!nb->nteam) {
		HTML(h, "<p>The team for this neighbourhood has not been published yet.</p>\n");
		return;
	}
	HTML(h, "<ul class=\"team\">\n");
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
			HTML(h, "<br><a href=\"mailto:");
			html_attr(h, p->email);
			HTML(h, "\">");
			html_text(h, p->email);
			HTML(h, "</a>");
		}
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n<p>In an emergency call 999. For anything else call 101.</p>\n");
}

static void crime_section(struct html *h, const struct readmodel *rm, const struct tallies *t)
{
	char month[8];
	int64_t total = 0;

	if (!rm->latest_month) {
		HTML(h, "<h2>Crime and anti-social behaviour</h2>\n<p>No police.uk data has been loaded yet.</p>\n");
		return;
	}
	format_month(rm->latest_month, month);
	for (int c = 0; c < CAT_COUNT; c++)
		total += t->by_category[c];
	HTML(h, "<h2>Crime and anti-social behaviour</h2>\n<table>\n<caption>Crimes and ASB recorded in ");
	html_text(h, month);
	HTML(h, " by type</caption>\n<thead><tr><th scope=\"col\">Type</th>"
		"<th scope=\"col\" class=\"num\">Number</th></tr></thead>\n<tbody>\n");
	for (int c = 0; c < CAT_COUNT; c++) {
		if (!t->by_category[c])
			continue;
		HTML(h, "<tr><th scope=\"row\">");
		html_text(h, crime_categories[c].csv_name);
		HTML(h, "</th><td class=\"num\">");
		html_count(h, t->by_category[c]);
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n<tfoot><tr><th scope=\"row\">All types</th><td class=\"num\">");
	html_count(h, total);
	HTML(h, "</td></tr></tfoot>\n</table>\n");

	HTML(h, "<table>\n<caption>The last 12 months</caption>\n<thead><tr><th scope=\"col\">Month</th>"
		"<th scope=\"col\" class=\"num\">Crimes and ASB</th>"
		"<th scope=\"col\" class=\"num\">Stop and search</th></tr></thead>\n<tbody>\n");
	for (int i = TREND_MONTHS - 1; i >= 0; i--) {
		int32_t m = rm->latest_month - (TREND_MONTHS - 1) + i;

		if (m < rm->first_month)
			continue;
		format_month(m, month);
		HTML(h, "<tr><th scope=\"row\">");
		html_text(h, month);
		HTML(h, "</th><td class=\"num\">");
		html_count(h, t->by_month[i]);
		HTML(h, "</td><td class=\"num\">");
		html_count(h, t->stops[i]);
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n<p class=\"note\">Locations are approximate: police.uk moves every crime "
		"to the nearest of a set of anonymous map points.</p>\n");
}

void page_neighbourhood(const struct readmodel *rm, size_t n, struct strbuf *out)
{
	const struct rm_neighbourhood *nb = &rm->nbhds[n];
	const struct rm_force *f = nb->force >= 0 ? &rm->forces[nb->force] : NULL;
	struct html h = { out };
	struct tallies t;

	tally(rm, n, &t);
	layout_begin(&h, nb->name);
	HTML(&h, "<p class=\"breadcrumb\"><a href=\"/\">All neighbourhoods</a></p>\n<h1>");
	html_text(&h, nb->name);
	HTML(&h, "</h1>\n<p class=\"lead\">");
	if (f) {
		html_text(&h, f->name);
		HTML(&h, ". ");
	}
	html_count(&h, nb->population);
	HTML(&h, " residents in ");
	html_count(&h, nb->households);
	HTML(&h, " households, across ");
	html_count(&h, (int64_t)nb->nlsoas);
	html_text(&h, nb->nlsoas == 1 ? " small area (LSOA)." : " small areas (LSOAs).");
	HTML(&h, "</p>\n");
	if (nb->description) {
		HTML(&h, "<p>");
		html_text(&h, nb->description);
		HTML(&h, "</p>\n");
	}
	team_section(&h, nb);
	crime_section(&h, rm, &t);
	layout_end(&h);
}
