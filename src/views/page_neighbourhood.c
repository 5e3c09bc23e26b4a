/*
 * page_neighbourhood.c - a neighbourhood's public page (see
 * page_neighbourhood.h).  Counts come from the tallies made once from the
 * read model's packed force-months; Engage's own meetings and priorities
 * come from the record the caller loaded from the store.
 */
#include "views/page_neighbourhood.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "model/engagement.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TREND_MONTHS 12
#define TREND_TYPES 4		/* types with their own column; the rest are "other" */
#define STOP_KINDS 16		/* distinct objects (and outcomes) counted */
#define MEETINGS_SHOWN 5

struct stop_count {
	const char *what;	/* police.uk's words, "" when not recorded */
	int64_t n;
};

struct nb_tally {
	int64_t by_month[TREND_MONTHS][CAT_COUNT];	/* oldest first */
	int64_t stops;					/* latest month */
	struct stop_count objects[STOP_KINDS], outcomes[STOP_KINDS];
};

struct nb_tallies {
	struct nb_tally *v;	/* one per neighbourhood */
};

static void stop_add(struct stop_count *c, const char *what)
{
	int i;

	for (i = 0; i < STOP_KINDS - 1 && c[i].what && strcmp(c[i].what, what); i++)
		;
	c[i].what = what;	/* the last slot gathers any overflow */
	c[i].n++;
}

static void tally_month(const struct readmodel *rm, const struct rm_month *m, struct nb_tally *v)
{
	int slot = m->month - (rm->latest_month - TREND_MONTHS + 1);
	const struct monthpack *sp = &m->pack[MONTH_STREET], *st = &m->pack[MONTH_STOPS];

	for (size_t r = 0; m->has[MONTH_STREET] && r < sp->rows; r++) {
		int32_t n = readmodel_row_neighbourhood(rm, m, MONTH_STREET, r);
		uint8_t c = MP_U8(sp, SC_CATEGORY)[r];

		if (n >= 0)
			v[n].by_month[slot][c < CAT_COUNT ? c : CAT_OTHER_CRIME]++;
	}
	if (m->month != rm->latest_month)
		return;
	for (size_t r = 0; m->has[MONTH_STOPS] && r < st->rows; r++) {
		int32_t n = readmodel_row_neighbourhood(rm, m, MONTH_STOPS, r);

		if (n < 0)
			continue;
		v[n].stops++;
		stop_add(v[n].objects, monthpack_str(st, MP_STR(st, ST_OBJECT)[r]));
		stop_add(v[n].outcomes, monthpack_str(st, MP_STR(st, ST_OUTCOME)[r]));
	}
}

struct nb_tallies *nb_tallies_build(const struct readmodel *rm)
{
	struct nb_tallies *t = xcalloc(1, sizeof(*t));

	if (!t || !(t->v = xcalloc(rm->nnbhds ? rm->nnbhds : 1, sizeof(*t->v)))) {
		xfree(t);
		return NULL;
	}
	for (size_t i = 0; rm->latest_month && i < rm->nmonths; i++)
		if (rm->months[i].month > rm->latest_month - TREND_MONTHS &&
		    rm->months[i].month <= rm->latest_month)
			tally_month(rm, &rm->months[i], t->v);
	return t;
}

void nb_tallies_free(struct nb_tallies *t)
{
	if (t)
		xfree(t->v);
	xfree(t);
}

int nb_activity_public(const struct record_activity *a)
{
	static const char *const kinds[] = { "beat-meeting", "pact-meeting", "surgery",
					     "street-meeting", "community-event", "online-meeting" };

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(a->kind, kinds[i]))
			return 1;
	return 0;
}

/* --- dates and times in words, Europe/London ------------------------------ */

/* "7:30pm" / "7:30yh"; "7pm" on the hour. */
static void clock_words(enum lang lang, int64_t t, char out[16])
{
	int64_t local = t + london_offset(t), secs = ((local % 86400) + 86400) % 86400;
	int h = (int)(secs / 3600), m = (int)(secs % 3600 / 60), h12 = h % 12 ? h % 12 : 12;
	const char *half = msg_text(lang, h < 12 ? M_TIME_AM : M_TIME_PM);

	if (m)
		snprintf(out, 16, "%d:%02d%s", h12, m, half);
	else
		snprintf(out, 16, "%d%s", h12, half);
}

/* "14 October 2026" (with_day: "Wednesday 14 October 2026"). */
static void instant_words(enum lang lang, int64_t t, int with_day, char out[64])
{
	static const enum msg_id days[7] = { M_DAY_4, M_DAY_5, M_DAY_6, M_DAY_0,
					     M_DAY_1, M_DAY_2, M_DAY_3 };	/* 1970-01-01: Thursday */
	int64_t local = t + london_offset(t), day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	int y, mo, d;
	char ym[8], month[32];

	civil_from_days(day, &y, &mo, &d);
	snprintf(ym, sizeof(ym), "%04d-%02d", y, mo);
	month_words(lang, ym, month);
	snprintf(out, 64, "%s%s%d %s", with_day ? msg_text(lang, days[((day % 7) + 7) % 7]) : "",
		 with_day ? " " : "", d, month);
}

/* --- the sections --------------------------------------------------------- */

#define TH_COL "<th scope=\"col\" class=\"govuk-table__header\">"
#define TH_NUM "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">"
#define TH_ROW "<th scope=\"row\" class=\"govuk-table__header\">"
#define TD_NUM "<td class=\"govuk-table__cell govuk-table__cell--numeric\">"
#define SUMMARY_ROW "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">"
#define SUMMARY_VALUE "</dt><dd class=\"govuk-summary-list__value\">"

static void heading(struct html *h, const char *id, enum msg_id text)
{
	HTML(h, "<h2 class=\"govuk-heading-l engage-section\" id=\"");
	html_attr(h, id);
	HTML(h, "\">");
	html_msg(h, text);
	HTML(h, "</h2>\n");
}

static void paragraph(struct html *h, enum msg_id text)
{
	HTML(h, "<p class=\"govuk-body\">");
	html_msg(h, text);
	HTML(h, "</p>\n");
}

/* "/neighbourhoods/glanmor/GM01" */
static void nb_href(struct html *h, const struct readmodel *rm, const struct rm_neighbourhood *nb)
{
	HTML(h, "/neighbourhoods/");
	html_url_arg(h, rm->forces[nb->force].id);
	HTML(h, "/");
	html_url_arg(h, nb->id);
}

/* Opens a summary list row: its key, then the value's <dd>. */
static void summary_key(struct html *h, enum msg_id key)
{
	HTML(h, SUMMARY_ROW);
	html_msg(h, key);
	HTML(h, SUMMARY_VALUE);
}

/* A link's text, with what it is about for screen readers; closes the <a>. */
static void link_text(struct html *h, enum msg_id text, const char *about)
{
	html_msg(h, text);
	HTML(h, "<span class=\"govuk-visually-hidden\">: ");
	html_text(h, about);
	HTML(h, "</span></a>");
}

static int http_link(const char *url)
{
	return url && (!strncmp(url, "https://", 8) || !strncmp(url, "http://", 7));
}

static int by_start(const void *a, const void *b)
{
	const struct record_activity *x = *(const struct record_activity *const *)a;
	const struct record_activity *y = *(const struct record_activity *const *)b;

	return x->starts_at < y->starts_at ? -1 : x->starts_at > y->starts_at;
}

static void meeting(struct html *h, const struct nb_page *in, const struct record_activity *a)
{
	const struct rm_neighbourhood *nb = &in->rm->nbhds[in->n];
	char day[64], from[16], to[16];
	int k = vocab_find(activity_kinds, ACT_KIND_COUNT, a->kind);

	instant_words(h->lang, a->starts_at, 1, day);
	clock_words(h->lang, a->starts_at, from);
	HTML(h, "<li class=\"engage-meeting\">\n<h3 class=\"govuk-heading-m\">");
	html_text(h, a->title);
	HTML(h, "</h3>\n");
	if (k >= 0) {
		HTML(h, "<p class=\"govuk-body-s engage-meeting__kind\">");
		html_text(h, h->lang == LANG_CY ? activity_kinds[k].cy : activity_kinds[k].en);
		HTML(h, "</p>\n");
	}
	HTML(h, "<dl class=\"govuk-summary-list\">\n");
	summary_key(h, M_NB_MEETING_WHEN);
	html_text(h, day);
	HTML(h, "<br>");
	if (a->ends_at > a->starts_at) {
		clock_words(h->lang, a->ends_at, to);
		html_msg_args(h, M_TIME_RANGE, from, to, NULL);
	} else {
		html_text(h, from);
	}
	HTML(h, "</dd></div>\n");
	if (a->venue || a->address) {
		summary_key(h, M_NB_MEETING_WHERE);
		if (a->venue)
			html_text(h, a->venue);
		if (a->venue && a->address)
			HTML(h, "<br>");
		if (a->address)
			html_text(h, a->address);
		HTML(h, "</dd></div>\n");
	}
	if (a->accessibility || a->adjustments) {
		summary_key(h, M_NB_MEETING_ACCESS);
		if (a->accessibility) {
			html_text(h, a->accessibility);
			HTML(h, "<br>");
		}
		for (int j = 0, first = 1; j < adjustment_count; j++) {
			if (!(a->adjustments & (1 << j)))
				continue;
			if (!first)
				HTML(h, "; ");
			first = 0;
			html_text(h, h->lang == LANG_CY ? adjustments[j].cy : adjustments[j].en);
		}
		HTML(h, "</dd></div>\n");
	}
	if (http_link(a->online_url)) {
		summary_key(h, M_NB_MEETING_ONLINE);
		HTML(h, "<a class=\"govuk-link\" rel=\"nofollow\" href=\"");
		html_attr(h, a->online_url);
		HTML(h, "\">");
		link_text(h, M_NB_MEETING_JOIN, a->title);
		HTML(h, "</dd></div>\n");
	}
	HTML(h, "</dl>\n<p class=\"govuk-body\"><a class=\"govuk-link\" download href=\"");
	nb_href(h, in->rm, nb);
	HTML(h, "/meetings/");
	html_int(h, a->id);
	HTML(h, ".ics\">");
	link_text(h, M_NB_MEETING_ICS, a->title);
	HTML(h, " (.ics)</p>\n</li>\n");
}

static void meetings_section(struct html *h, const struct nb_page *in)
{
	const struct record_activity *next[MEETINGS_SHOWN * 4];
	size_t n = 0;

	heading(h, "meetings", M_NB_MEETINGS_HEADING);
	for (size_t i = 0; in->rec && i < in->rec->nactivities && n < sizeof(next) / sizeof(next[0]); i++) {
		const struct record_activity *a = &in->rec->activities[i];
		int64_t over = a->ends_at > a->starts_at ? a->ends_at : a->starts_at + 3600;

		if (nb_activity_public(a) && over > in->now)
			next[n++] = a;
	}
	qsort(next, n, sizeof(next[0]), by_start);
	if (!n)
		paragraph(h, M_NB_MEETINGS_NONE);
	else {
		HTML(h, "<ul class=\"govuk-list engage-meetings\">\n");
		for (size_t i = 0; i < n && i < MEETINGS_SHOWN; i++)
			meeting(h, in, next[i]);
		HTML(h, "</ul>\n");
	}
	HTML(h, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"");
	nb_href(h, in->rm, &in->rm->nbhds[in->n]);
	HTML(h, "/events.ics\">");
	html_msg(h, M_NB_CALENDAR_FEED);
	HTML(h, "</a> (.ics)</p>\n");
}

static void status_tag(struct html *h, const char *status)
{
	int s = vocab_find(priority_statuses, PRI_STATUS_COUNT, status);
	const char *colour = s == PRI_IN_PROGRESS ? " govuk-tag--blue" :
			     s == PRI_RESOLVED ? " govuk-tag--green" :
			     s == PRI_CLOSED ? " govuk-tag--grey" : " govuk-tag--yellow";

	HTML(h, "<strong class=\"govuk-tag");
	html_raw(h, colour);
	HTML(h, "\">");
	if (s >= 0)
		html_text(h, h->lang == LANG_CY ? priority_statuses[s].cy : priority_statuses[s].en);
	else
		html_text(h, status);
	HTML(h, "</strong>");
}

static void priority(struct html *h, const struct record_priority *p)
{
	char when[64], n1[32], n2[32];

	HTML(h, "<li class=\"engage-priority\">\n<h3 class=\"govuk-heading-m\">");
	html_text(h, p->public_text);
	HTML(h, "</h3>\n<dl class=\"govuk-summary-list\">\n");
	summary_key(h, M_NB_PRIORITY_STATUS);
	status_tag(h, p->status);
	HTML(h, "</dd></div>\n");
	summary_key(h, M_NB_PRIORITY_AGREED);
	instant_words(h->lang, p->agreed_at, 0, when);
	html_text(h, when);
	HTML(h, "</dd></div>\n");
	if (p->review_date[0]) {
		summary_key(h, M_NB_PRIORITY_REVIEW);
		date_words(h->lang, p->review_date, when);
		html_text(h, when);
		HTML(h, "</dd></div>\n");
	}
	if (p->concerns) {
		summary_key(h, M_NB_PRIORITY_CONCERNS);
		html_count(h, p->concerns);
		HTML(h, "</dd></div>\n");
	}
	if (p->actions) {
		summary_key(h, M_NB_PRIORITY_ACTIONS);
		html_msg_args(h, M_NB_PRIORITY_ACTIONS_DONE, count_text(p->actions_done, n1),
			      count_text(p->actions, n2), NULL);
		HTML(h, "</dd></div>\n");
	}
	HTML(h, "</dl>\n");
	if (p->feedback_text) {
		int o = vocab_find(feedback_outcomes, feedback_outcome_count, p->feedback_outcome);

		instant_words(h->lang, p->feedback_at, 0, when);
		HTML(h, "<div class=\"govuk-inset-text engage-we-did\"><h4 class=\"govuk-heading-s\">");
		html_msg(h, M_NB_YOU_SAID_WE_DID);
		HTML(h, "</h4><p class=\"govuk-body\"><strong>");
		html_msg_args(h, M_NB_WE_DID_ON,
			      o >= 0 ? (h->lang == LANG_CY ? feedback_outcomes[o].cy : feedback_outcomes[o].en)
				     : p->feedback_outcome, when, NULL);
		HTML(h, "</strong></p><p class=\"govuk-body\">");
		html_text(h, p->feedback_text);
		HTML(h, "</p></div>\n");
	}
	HTML(h, "</li>\n");
}

static void priorities_section(struct html *h, const struct nb_page *in)
{
	size_t shown = 0;

	heading(h, "priorities", M_NB_PRIORITIES_HEADING);
	paragraph(h, M_NB_PRIORITIES_LEAD);
	HTML(h, "<ul class=\"govuk-list engage-priorities\">\n");
	/* open ones first, then what was done; proposed ones are not public */
	for (int done = 0; done < 2; done++)
		for (size_t i = 0; in->rec && i < in->rec->npriorities; i++) {
			const struct record_priority *p = &in->rec->priorities[i];
			int closed = !strcmp(p->status, "resolved") || !strcmp(p->status, "closed");

			if (p->agreed_at && closed == done && shown < 8) {
				priority(h, p);
				shown++;
			}
		}
	HTML(h, "</ul>\n");
	if (!shown)
		paragraph(h, M_NB_PRIORITIES_NONE);
}

static void table_open(struct html *h, const char *id, const char *cls)
{
	HTML(h, "<table class=\"govuk-table");
	html_raw(h, cls);
	HTML(h, "\"");
	if (id) {
		HTML(h, " id=\"");
		html_attr(h, id);
		HTML(h, "\"");
	}
	HTML(h, ">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">");
}

static void head_two(struct html *h, enum msg_id what, enum msg_id number)
{
	HTML(h, "</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">" TH_COL);
	html_msg(h, what);
	HTML(h, "</th>" TH_NUM);
	html_msg(h, number);
	HTML(h, "</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
}

static void row_two(struct html *h, const char *label, int64_t n)
{
	HTML(h, "<tr class=\"govuk-table__row\">" TH_ROW);
	html_text(h, label);
	HTML(h, "</th>" TD_NUM);
	html_count(h, n);
	HTML(h, "</td></tr>\n");
}

static void latest_by_type(struct html *h, const struct nb_tally *t, const char *month)
{
	const int64_t *latest = t->by_month[TREND_MONTHS - 1];
	int64_t total = 0;

	table_open(h, NULL, "");
	html_msg_args(h, M_NB_CRIME_CAPTION, month, NULL);
	head_two(h, M_NB_COL_TYPE, M_NB_COL_NUMBER);
	for (int c = 0; c < CAT_COUNT; c++) {
		total += latest[c];
		if (latest[c])
			row_two(h, html_msg_plain(h, msg_crime_category(c)), latest[c]);
	}
	HTML(h, "</tbody>\n<tfoot><tr class=\"govuk-table__row\">" TH_ROW);
	html_msg(h, M_NB_ALL_TYPES);
	HTML(h, "</th>" TD_NUM);
	html_count(h, total);
	HTML(h, "</td></tr></tfoot>\n</table>\n");
}

/* The 12-month trend: the TREND_TYPES commonest types, the rest, and all;
 * the chart reads this table (data-chart-table), so it is always here. */
static void trend_table(struct html *h, const struct readmodel *rm, const struct nb_tally *t)
{
	int64_t sums[CAT_COUNT] = { 0 };
	int top[TREND_TYPES], ntop = 0;

	for (int i = 0; i < TREND_MONTHS; i++)
		for (int c = 0; c < CAT_COUNT; c++)
			sums[c] += t->by_month[i][c];
	while (ntop < TREND_TYPES) {
		int best = -1;

		for (int c = 0; c < CAT_COUNT; c++) {
			int taken = 0;

			for (int k = 0; k < ntop; k++)
				taken |= top[k] == c;
			if (!taken && sums[c] && (best < 0 || sums[c] > sums[best]))
				best = c;
		}
		if (best < 0)
			break;
		top[ntop++] = best;
	}
	HTML(h, "<div class=\"engage-chart\" data-chart-table=\"trend-table\" aria-hidden=\"true\"></div>\n");
	table_open(h, "trend-table", " engage-trend");
	html_msg(h, M_NB_TREND_BY_TYPE_CAPTION);
	HTML(h, "</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">" TH_COL);
	html_msg(h, M_NB_COL_MONTH);
	HTML(h, "</th>");
	for (int k = 0; k < ntop; k++) {
		if (k < 1)
			HTML(h, TH_NUM);
		else
			HTML(h, "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric engage-wide-only\">");
		html_msg(h, msg_crime_category(top[k]));
		HTML(h, "</th>");
	}
	HTML(h, "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric engage-wide-only\">");
	html_msg(h, M_NB_COL_OTHER_TYPES);
	HTML(h, "</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" data-chart-skip>");
	html_msg(h, M_NB_ALL_TYPES);
	HTML(h, "</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
	for (int i = 0; i < TREND_MONTHS; i++) {
		int32_t m = rm->latest_month - (TREND_MONTHS - 1) + i;
		int64_t all = 0, rest;
		char ym[8], month[32];

		if (m < rm->first_month)
			continue;
		for (int c = 0; c < CAT_COUNT; c++)
			all += t->by_month[i][c];
		rest = all;
		format_month(m, ym);
		month_words(h->lang, ym, month);
		HTML(h, "<tr class=\"govuk-table__row\" data-month=\"");
		html_attr(h, ym);
		HTML(h, "\">" TH_ROW);
		html_text(h, month);
		HTML(h, "</th>");
		for (int k = 0; k < ntop; k++) {
			if (k < 1)
				HTML(h, TD_NUM);
			else
				HTML(h, "<td class=\"govuk-table__cell govuk-table__cell--numeric engage-wide-only\">");
			html_count(h, t->by_month[i][top[k]]);
			HTML(h, "</td>");
			rest -= t->by_month[i][top[k]];
		}
		HTML(h, "<td class=\"govuk-table__cell govuk-table__cell--numeric engage-wide-only\">");
		html_count(h, rest);
		HTML(h, "</td>" TD_NUM);
		html_count(h, all);
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n");
}

static void crime_section(struct html *h, const struct nb_page *in, const struct nb_tally *t)
{
	const struct readmodel *rm = in->rm;
	const struct rm_neighbourhood *nb = &rm->nbhds[in->n];
	char ym[8], month[32];

	heading(h, "crime", M_NB_CRIME_HEADING);
	if (!rm->latest_month) {
		paragraph(h, M_NB_CRIME_NONE);
		return;
	}
	format_month(rm->latest_month, ym);
	month_words(h->lang, ym, month);
	HTML(h, "<div class=\"engage-map\" role=\"region\" aria-label=\"");
	html_msg_args(h, M_NB_MAP_LABEL, nb->name, month, NULL);
	HTML(h, "\" data-point-label=\"");
	html_attr(h, html_msg_plain(h, M_NB_MAP_POINT));
	HTML(h, "\" data-map-geojson=\"");
	nb_href(h, rm, nb);
	HTML(h, "/map.geojson\"></div>\n");
	latest_by_type(h, t, month);
	HTML(h, "<p class=\"govuk-body-s\">");
	html_msg(h, M_NB_LOCATIONS_NOTE);
	HTML(h, "</p>\n");
	trend_table(h, rm, t);
}

/* police.uk's stop and search words, in Welsh when asked. */
static const char *stop_words(const struct html *h, const char *what)
{
	static const struct { const char *en; enum msg_id id; } known[] = {
		{ "Controlled drugs", M_SS_CONTROLLED_DRUGS },
		{ "Offensive weapons", M_SS_OFFENSIVE_WEAPONS },
		{ "Stolen goods", M_SS_STOLEN_GOODS },
		{ "Article for use in theft", M_SS_THEFT_ARTICLE },
		{ "Articles for use in criminal damage", M_SS_DAMAGE_ARTICLES },
		{ "Firearms", M_SS_FIREARMS },
		{ "Fireworks", M_SS_FIREWORKS },
		{ "Anything to threaten or harm anyone", M_SS_THREATEN_HARM },
		{ "Evidence of offences under the Act", M_SS_EVIDENCE },
		{ "Psychoactive substances", M_SS_PSYCHOACTIVE },
		{ "A no further action disposal", M_SS_NFA },
		{ "Arrest", M_SS_ARREST },
		{ "Community resolution", M_SS_COMMUNITY_RESOLUTION },
		{ "Khat or Cannabis warning", M_SS_KHAT_CANNABIS },
		{ "Penalty Notice for Disorder", M_SS_PND },
		{ "Summons / charged by post", M_SS_SUMMONS },
		{ "Caution (simple or conditional)", M_SS_CAUTION },
	};

	if (!what || !*what)
		return html_msg_plain(h, M_NB_STOPS_NOT_RECORDED);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(what, known[i].en))
			return html_msg_plain(h, known[i].id);
	return what;
}

static void stop_table(struct html *h, enum msg_id caption, enum msg_id col,
		       const struct stop_count *c)
{
	struct stop_count sorted[STOP_KINDS];
	int n = 0;

	for (; n < STOP_KINDS && c[n].what; n++)
		sorted[n] = c[n];
	for (int i = 1; i < n; i++)	/* most first */
		for (int k = i; k > 0 && sorted[k].n > sorted[k - 1].n; k--) {
			struct stop_count x = sorted[k];

			sorted[k] = sorted[k - 1];
			sorted[k - 1] = x;
		}
	table_open(h, NULL, "");
	html_msg(h, caption);
	head_two(h, col, M_NB_COL_NUMBER);
	for (int i = 0; i < n; i++)
		row_two(h, stop_words(h, sorted[i].what), sorted[i].n);
	HTML(h, "</tbody>\n</table>\n");
}

static void stops_section(struct html *h, const struct readmodel *rm, const struct nb_tally *t)
{
	char ym[8], month[32], n[32];

	if (!rm->latest_month)
		return;
	heading(h, "stop-and-search", M_NB_STOPS_HEADING);
	format_month(rm->latest_month, ym);
	month_words(h->lang, ym, month);
	HTML(h, "<p class=\"govuk-body\">");
	if (!t->stops) {
		html_msg_args(h, M_NB_STOPS_NONE, month, NULL);
		HTML(h, "</p>\n");
		return;
	}
	html_msg_args(h, M_NB_STOPS_LEAD, month, count_text(t->stops, n), NULL);
	HTML(h, "</p>\n");
	stop_table(h, M_NB_STOPS_OBJECT_CAPTION, M_NB_COL_OBJECT, t->objects);
	stop_table(h, M_NB_STOPS_OUTCOME_CAPTION, M_NB_COL_OUTCOME, t->outcomes);
}

static void team_section(struct html *h, const struct rm_neighbourhood *nb)
{
	heading(h, "team", M_NB_TEAM_HEADING);
	if (!nb->nteam) {
		paragraph(h, M_NB_TEAM_NONE);
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
	HTML(h, "</ul>\n");
}

static void involved_section(struct html *h)
{
	static const struct { const char *href; enum msg_id text; } links[] = {
		{ "#meetings", M_NB_INVOLVED_MEETING },
		{ "/concerns/new", M_NB_INVOLVED_RAISE },
		{ "/concerns/track", M_NB_INVOLVED_TRACK },
		{ "#team", M_NB_INVOLVED_CONTACT },
	};

	heading(h, "get-involved", M_NB_INVOLVED_HEADING);
	paragraph(h, M_NB_INVOLVED_LEAD);
	HTML(h, "<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		HTML(h, "<li><a class=\"govuk-link\" href=\"");
		html_attr(h, links[i].href);
		HTML(h, "\">");
		html_msg(h, links[i].text);
		HTML(h, "</a></li>\n");
	}
	HTML(h, "</ul>\n<div class=\"govuk-inset-text\">");
	html_msg(h, M_FOOTER_EMERGENCY);
	HTML(h, "</div>\n");
}

void page_neighbourhood(const struct nb_page *in, const struct page_ctx *pc, struct strbuf *out)
{
	const struct readmodel *rm = in->rm;
	const struct rm_neighbourhood *nb = &rm->nbhds[in->n];
	const struct rm_force *f = nb->force >= 0 ? &rm->forces[nb->force] : NULL;
	static const struct nb_tally none;
	const struct nb_tally *t = in->tallies ? &in->tallies->v[in->n] : &none;
	struct html h = { out, pc->lang };
	char pop[32], homes[32], areas[32];

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
	meetings_section(&h, in);
	priorities_section(&h, in);
	crime_section(&h, in, t);
	stops_section(&h, rm, t);
	team_section(&h, nb);
	involved_section(&h);
	layout_end(&h, pc);
}
