/*
 * page_staff_nbhd.c - one neighbourhood's staff page: what needs doing
 * there, and the way to every staff page about it (see
 * page_staff_entry.h).
 */
#include "views/page_staff_entry-internal.h"

#include <stdio.h>

#include "views/page_staff.h"

struct nbhd_link {
	const char *tail;
	enum msg_id label, hint;
};

static const struct nbhd_link record_links[] = {
	{ "/postcards", M_SN_LINK_POSTCARDS, M_SN_LINK_POSTCARDS_HINT },
	{ "/activities/new", M_SN_LINK_ACTIVITY, M_SN_LINK_ACTIVITY_HINT },
	{ "/profile", M_SN_LINK_PROFILE, M_SN_LINK_PROFILE_HINT },
	{ "/plan", M_SN_LINK_PLAN, M_SN_LINK_PLAN_HINT },
};

static const struct nbhd_link meeting_links[] = {
	{ "/pact", M_SN_LINK_PACT, M_SN_LINK_PACT_HINT },
	{ "/board", M_SN_LINK_BOARD, M_SN_LINK_BOARD_HINT },
	{ "/feedback", M_SN_LINK_FEEDBACK, M_SN_LINK_FEEDBACK_HINT },
	{ "/pack", M_SN_LINK_PACK, M_SN_LINK_PACK_HINT },
	{ "/impact-assessments", M_CIA_TITLE, M_SN_LINK_CIA_HINT },
	{ "/partner-data", M_PD_TITLE, M_SN_LINK_PD_HINT },
};

static void link_list(struct html *h, const struct entry_nbhd *nb, enum msg_id heading,
		      const struct nbhd_link *links, size_t n)
{
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, heading);
	HTML(h, "</h2>\n<ul class=\"govuk-list engage-task-links\">\n");
	for (size_t i = 0; i < n; i++) {
		HTML(h, "<li><a class=\"govuk-link govuk-link--no-visited-state govuk-!-font-weight-bold\" href=\"");
		entry_href(h, nb, links[i].tail);
		HTML(h, "\">");
		html_msg(h, links[i].label);
		HTML(h, "</a><br><span class=\"govuk-hint\">");
		html_msg(h, links[i].hint);
		HTML(h, "</span></li>\n");
	}
	HTML(h, "</ul>\n");
}

void page_staff_nbhd(struct strbuf *out, const struct page_ctx *pc,
		     const struct staff_nbhd_page *p)
{
	struct html h = { out, pc->lang };

	entry_begin(&h, pc, &p->nb, M_SN_TITLE);
	if (p->logged_activity) {
		char id[24];

		snprintf(id, sizeof(id), "%lld", (long long)p->logged_activity);
		entry_banner_begin(&h, M_SN_LOGGED, NULL);
		HTML(&h, "<p class=\"govuk-body\"><a class=\"govuk-notification-banner__link\" href=\"");
		entry_href(&h, &p->nb, "/postcards?from_activity=");
		html_url_arg(&h, id);
		HTML(&h, "\">");
		html_msg(&h, M_SN_LOGGED_NEXT);
		HTML(&h, "</a></p>\n");
		entry_banner_end(&h);
	}
	HTML(&h, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">\n");
	link_list(&h, &p->nb, M_SN_RECORD_HEADING, record_links,
		  sizeof(record_links) / sizeof(record_links[0]));
	HTML(&h, "</div><div class=\"govuk-grid-column-one-half\">\n");
	link_list(&h, &p->nb, M_SN_MEETINGS_HEADING, meeting_links,
		  sizeof(meeting_links) / sizeof(meeting_links[0]));
	HTML(&h, "</div></div>\n<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_SN_TODO_HEADING);
	HTML(&h, "</h2>\n");
	if (p->ntodo) {
		page_todo_table(&h, p->nb.name, p->todo, p->ntodo);
	} else {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, M_STAFF_HOME_NONE);
		HTML(&h, "</p>\n");
	}
	HTML(&h, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/neighbourhoods/");
	html_url_arg(&h, p->nb.force_id);
	HTML(&h, "/");
	html_url_arg(&h, p->nb.id);
	HTML(&h, "\">");
	html_msg(&h, M_SN_PUBLIC_PAGE);
	HTML(&h, "</a></p>\n");
	layout_end(&h, pc);
}
