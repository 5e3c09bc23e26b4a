/*
 * page_accessibility.c - the accessibility statement (see
 * page_accessibility.h).  All of its prose is in messages.def; this file
 * only lays it out.
 */
#include "views/page_accessibility.h"

#include <stdio.h>
#include <string.h>

#define ABILITYNET_URL "https://mcmw.abilitynet.org.uk/"
#define EASS_URL "https://www.equalityadvisoryservice.com/"
#define ECNI_URL "https://www.equalityni.org/Home"
#define WCAG22_URL "https://www.w3.org/TR/WCAG22/"

static void heading(struct html *h, int level, enum msg_id id)
{
	if (level == 2)
		HTML(h, "<h2 class=\"govuk-heading-m\">");
	else
		HTML(h, "<h3 class=\"govuk-heading-s\">");
	html_msg(h, id);
	if (level == 2)
		HTML(h, "</h2>\n");
	else
		HTML(h, "</h3>\n");
}

static void para(struct html *h, enum msg_id id)
{
	HTML(h, "<p class=\"govuk-body\">");
	html_msg(h, id);
	HTML(h, "</p>\n");
}

static void bullets(struct html *h, const enum msg_id *ids, size_t n)
{
	HTML(h, "<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < n; i++) {
		HTML(h, "<li>");
		html_msg(h, ids[i]);
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n");
}

/* A paragraph whose {1} is a link to `url` (a constant above) with the
 * text of message `text`. */
static void para_link(struct html *h, enum msg_id id, const char *url, enum msg_id text)
{
	struct strbuf link = STRBUF_INIT;
	struct html lh = { &link, h->lang };

	HTML(&lh, "<a class=\"govuk-link\" href=\"");
	html_attr(&lh, url);
	HTML(&lh, "\">");
	html_msg(&lh, text);
	HTML(&lh, "</a>");
	HTML(h, "<p class=\"govuk-body\">");
	html_msgv(h, id, (const char *const[]){ strbuf_str(&link) }, 1);
	HTML(h, "</p>\n");
	strbuf_release(&link);
}

void page_accessibility(const struct page_ctx *pc, struct strbuf *out)
{
	static const enum msg_id can[] = {
		M_AX_CAN_COLOURS, M_AX_CAN_ZOOM, M_AX_CAN_KEYBOARD, M_AX_CAN_NOJS,
		M_AX_CAN_READER, M_AX_CAN_WELSH,
	};
	static const enum msg_id cannot[] = { M_AX_HOW_MAP, M_AX_HOW_CHART, M_AX_HOW_DATA };
	struct html h = { out, pc->lang };
	struct strbuf when = STRBUF_INIT;
	struct html wh = { &when, pc->lang };
	char month[32], ym[8];

	memcpy(ym, ACCESSIBILITY_PREPARED, 7);
	ym[7] = '\0';
	month_words(pc->lang, ym, month);
	html_int(&wh, (ACCESSIBILITY_PREPARED[8] - '0') * 10 + (ACCESSIBILITY_PREPARED[9] - '0'));
	HTML(&wh, " ");
	html_text(&wh, month);

	layout_begin(&h, pc, msg_text(pc->lang, M_AX_TITLE));
	HTML(&h, "<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n"
		"<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_AX_TITLE);
	HTML(&h, "</h1>\n");
	para(&h, M_AX_APPLIES);
	para(&h, M_AX_WANT);
	bullets(&h, can, sizeof(can) / sizeof(can[0]));
	para_link(&h, M_AX_SIMPLE, ABILITYNET_URL, M_AX_ABILITYNET);
	heading(&h, 2, M_AX_HOW_HEADING);
	para(&h, M_AX_HOW);
	bullets(&h, cannot, sizeof(cannot) / sizeof(cannot[0]));
	heading(&h, 2, M_AX_ACCESS_HEADING);
	para(&h, M_AX_ACCESS);
	para(&h, M_AX_ACCESS_REPLY);
	heading(&h, 2, M_AX_REPORT_HEADING);
	para(&h, M_AX_REPORT);
	heading(&h, 2, M_AX_ENFORCE_HEADING);
	para_link(&h, M_AX_ENFORCE, EASS_URL, M_AX_ENFORCE_EASS);
	para_link(&h, M_AX_ENFORCE_NI, ECNI_URL, M_AX_ENFORCE_ECNI);
	heading(&h, 2, M_AX_TECH_HEADING);
	para(&h, M_AX_TECH);
	heading(&h, 3, M_AX_STATUS_HEADING);
	para_link(&h, M_AX_STATUS, WCAG22_URL, M_AX_WCAG);
	heading(&h, 2, M_AX_NONACC_HEADING);
	para(&h, M_AX_NONACC_INTRO);
	heading(&h, 3, M_AX_NONCOMP_HEADING);
	para(&h, M_AX_NONCOMP_MAP);
	heading(&h, 3, M_AX_BURDEN_HEADING);
	para(&h, M_AX_BURDEN);
	heading(&h, 3, M_AX_SCOPE_HEADING);
	para(&h, M_AX_SCOPE);
	heading(&h, 2, M_AX_IMPROVE_HEADING);
	para(&h, M_AX_IMPROVE);
	heading(&h, 2, M_AX_TESTED_HEADING);
	para(&h, M_AX_TESTED_AUTO);
	para(&h, M_AX_TESTED_MANUAL);
	heading(&h, 2, M_AX_PREPARED_HEADING);
	HTML(&h, "<p class=\"govuk-body\">");
	html_msgv(&h, M_AX_PREPARED, (const char *const[]){ strbuf_str(&when) }, 1);
	HTML(&h, "</p>\n</div>\n</div>\n");
	layout_end(&h, pc);
	strbuf_release(&when);
}
