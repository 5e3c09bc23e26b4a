/*
 * page_home.c - the front page (see page_home.h).
 */
#include "views/page_home.h"

#include "base/parse.h"
#include "base/xalloc.h"
#include "views/layout.h"

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
	HTML(h, "<section class=\"force\">\n<h2>");
	html_text(h, rm->forces[f].name);
	HTML(h, "</h2>\n<table class=\"neighbourhoods\">\n<caption>Neighbourhoods of ");
	html_text(h, rm->forces[f].name);
	HTML(h, "</caption>\n<thead><tr><th scope=\"col\">Neighbourhood</th>"
		"<th scope=\"col\" class=\"num\">LSOAs</th><th scope=\"col\" class=\"num\">Population</th>"
		"<th scope=\"col\" class=\"num\">Crimes and ASB");
	if (month[0]) {
		HTML(h, " in ");
		html_text(h, month);
	}
	HTML(h, "</th><th scope=\"col\" class=\"num\">Team</th></tr></thead>\n<tbody>\n");
	for (size_t n = 0; n < rm->nnbhds; n++) {
		const struct rm_neighbourhood *nb = &rm->nbhds[n];

		if (nb->force != (int32_t)f)
			continue;
		HTML(h, "<tr><th scope=\"row\"><a href=\"/neighbourhoods/");
		html_url_arg(h, rm->forces[f].id);
		HTML(h, "/");
		html_url_arg(h, nb->id);
		HTML(h, "\">");
		html_text(h, nb->name);
		HTML(h, "</a></th><td class=\"num\">");
		html_count(h, (int64_t)nb->nlsoas);
		HTML(h, "</td><td class=\"num\">");
		html_count(h, nb->population);
		HTML(h, "</td><td class=\"num\">");
		html_count(h, crimes[n]);
		HTML(h, "</td><td class=\"num\">");
		html_count(h, (int64_t)nb->nteam);
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n</section>\n");
}

void page_home(const struct readmodel *rm, struct strbuf *out)
{
	struct html h = { out };
	int64_t *crimes = xcalloc(rm->nnbhds ? rm->nnbhds : 1, sizeof(*crimes));
	char latest[8] = "", first[8] = "";

	if (rm->latest_month) {
		format_month(rm->latest_month, latest);
		format_month(rm->first_month, first);
	}
	if (crimes && rm->latest_month)
		count_crimes(rm, rm->latest_month, crimes);
	layout_begin(&h, "Your neighbourhood");
	HTML(&h, "<h1>Neighbourhoods on this Engage</h1>\n<p class=\"lead\">");
	if (!rm->nnbhds) {
		HTML(&h, "No neighbourhoods yet. An administrator loads them with "
			 "<code>engage import town DIR</code> or <code>engage import registry neighbourhoods.csv</code>.</p>\n");
	} else {
		HTML(&h, "This Engage holds ");
		html_count(&h, (int64_t)rm->nnbhds);
		html_text(&h, rm->nnbhds == 1 ? " neighbourhood" : " neighbourhoods");
		HTML(&h, " in ");
		html_count(&h, (int64_t)rm->nforces);
		html_text(&h, rm->nforces == 1 ? " police force" : " police forces");
		if (rm->latest_month) {
			HTML(&h, ", with police.uk crime data from ");
			html_text(&h, first);
			HTML(&h, " to ");
			html_text(&h, latest);
		}
		HTML(&h, ".</p>\n");
		for (size_t f = 0; f < rm->nforces; f++)
			if (crimes)
				force_section(&h, rm, f, crimes, latest);
	}
	layout_end(&h);
	xfree(crimes);
}
