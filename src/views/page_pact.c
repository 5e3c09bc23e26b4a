/*
 * page_pact.c - PACT meeting mode (see page_pact.h), and the frame, forms
 * and words the staff pages for deciding and acting share
 * (page_pact-internal.h).
 */
#include "views/page_pact-internal.h"

#include <stdio.h>
#include <string.h>

#include "base/timeutil.h"

/* --- shared -------------------------------------------------------------------- */

void staff_field_id(char *buf, size_t size, const char *field, const char *kind, int64_t id)
{
	if (kind)
		snprintf(buf, size, "%s-%s-%lld", field, kind, (long long)id);
	else if (id)
		snprintf(buf, size, "%s-%lld", field, (long long)id);
	else
		snprintf(buf, size, "%s", field);
}

void pact_href(struct html *h, const struct staff_nbhd *nb, const char *path)
{
	HTML(h, "/staff/neighbourhoods/");
	html_url_arg(h, nb->force_id);
	HTML(h, "/");
	html_url_arg(h, nb->id);
	if (path && *path) {
		HTML(h, "/");
		html_attr(h, path);
	}
}

static const struct {
	const char *path;
	enum msg_id label;
} tabs[] = {
	[TAB_PACT] = { "pact", M_PACT_TAB_MEETING },
	[TAB_BOARD] = { "board", M_PACT_TAB_BOARD },
	[TAB_FEEDBACK] = { "feedback", M_PACT_TAB_FEEDBACK },
	[TAB_PACK] = { "pack", M_PACT_TAB_PACK },
};

static void saved_banner(struct html *h, const char *saved)
{
	static const struct {
		const char *slug;
		enum msg_id text;
	} banners[] = {
		{ "meeting", M_PACT_SAVED_MEETING }, { "proposed", M_PACT_SAVED_PROPOSED },
		{ "votes", M_PACT_SAVED_VOTES }, { "agreed", M_PACT_SAVED_AGREED },
		{ "action", M_PACT_SAVED_ACTION }, { "update", M_PACT_SAVED_UPDATE },
		{ "started", M_PACT_SAVED_STARTED }, { "feedback", M_PACT_SAVED_FEEDBACK },
	};

	for (size_t i = 0; saved && i < sizeof(banners) / sizeof(banners[0]); i++) {
		if (strcmp(saved, banners[i].slug))
			continue;
		HTML(h, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" "
			"role=\"alert\" aria-labelledby=\"saved-title\" data-module=\"govuk-notification-banner\">"
			"<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
			"id=\"saved-title\">");
		html_msg(h, M_PACT_SAVED_TITLE);
		HTML(h, "</h2></div><div class=\"govuk-notification-banner__content\">"
			"<p class=\"govuk-notification-banner__heading\">");
		html_msg(h, banners[i].text);
		HTML(h, "</p></div></div>\n");
	}
}

void pact_frame_begin(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		      enum pact_tab tab, enum msg_id title, const struct staff_form *f)
{
	char head[400];

	snprintf(head, sizeof(head), "%s: %s", msg_text(pc->lang, title), nb->name);
	layout_begin(h, pc, head);
	HTML(h, "<nav class=\"govuk-breadcrumbs engage-no-print\" aria-label=\"");
	html_msg(h, M_BREADCRUMB);
	HTML(h, "\"><ol class=\"govuk-breadcrumbs__list\"><li class=\"govuk-breadcrumbs__list-item\">"
		"<a class=\"govuk-breadcrumbs__link\" href=\"/staff\">");
	html_msg(h, M_STAFF_HOME_TITLE);
	HTML(h, "</a></li><li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"");
	pact_href(h, nb, NULL);
	HTML(h, "\">");
	html_text(h, nb->name);
	HTML(h, "</a></li></ol></nav>\n<span class=\"govuk-caption-l\">");
	html_text(h, nb->name);
	HTML(h, "</span><h1 class=\"govuk-heading-l\">");
	html_msg(h, title);
	HTML(h, "</h1>\n<nav class=\"engage-tabs engage-no-print\" aria-label=\"");
	html_msg(h, M_PACT_TABS_LABEL);
	HTML(h, "\"><ul class=\"engage-tabs__list\">");
	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		HTML(h, "<li class=\"engage-tabs__item\"><a class=\"govuk-link govuk-link--no-visited-state engage-tabs__link\" href=\"");
		pact_href(h, nb, tabs[i].path);
		HTML(h, "\"");
		if (i == tab)
			HTML(h, " aria-current=\"page\"");
		HTML(h, ">");
		html_msg(h, tabs[i].label);
		HTML(h, "</a></li>");
	}
	HTML(h, "</ul></nav>\n");
	if (f) {
		govuk_error_summary_detail(h, f->errors, f->nerrors, M_PACT_NOT_SAVED, f->detail);
		saved_banner(h, f->saved);
	}
}

void pact_form_begin(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		     const char *path)
{
	HTML(h, "<form method=\"post\" action=\"");
	pact_href(h, nb, path);
	HTML(h, "\" novalidate>\n");
	govuk_hidden(h, "csrf", pc->csrf);
}

void pact_details_begin(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			const struct staff_form *f, const char *form, enum msg_id label,
			const char *path)
{
	HTML(h, "<details class=\"govuk-details engage-no-print\"");
	if (f && f->form && !strcmp(f->form, form))
		HTML(h, " open");
	HTML(h, "><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">");
	html_msg(h, label);
	HTML(h, "</span></summary><div class=\"govuk-details__text\">\n");
	pact_form_begin(h, pc, nb, path);
}

void pact_details_end(struct html *h)
{
	HTML(h, "</form></div></details>\n");
}

void pact_button(struct html *h, enum msg_id label, int secondary)
{
	HTML(h, "<button type=\"submit\" class=\"govuk-button");
	if (secondary)
		HTML(h, " govuk-button--secondary");
	HTML(h, "\" data-module=\"govuk-button\">");
	html_msg(h, label);
	HTML(h, "</button>\n");
}

static int came_back(const struct staff_form *f, const char *form)
{
	return f && f->form && form && !strcmp(f->form, form);
}

const char *pact_typed(const struct staff_form *f, const char *form, const char *name,
		       const char *fallback)
{
	const char *v;

	if (!came_back(f, form) || !f->typed)
		return fallback;
	v = f->typed(f->typed_ctx, name);
	return v ? v : fallback;
}

const struct govuk_error *pact_error(const struct staff_form *f, const char *form,
				     const char *field_id)
{
	return came_back(f, form) ? govuk_error_for(f->errors, f->nerrors, field_id) : NULL;
}

void pact_status_tag(struct html *h, int status)
{
	static const char *const colour[PRI_STATUS_COUNT] = {
		[PRI_PROPOSED] = "govuk-tag--grey", [PRI_AGREED] = "govuk-tag--blue",
		[PRI_IN_PROGRESS] = "govuk-tag--light-blue", [PRI_RESOLVED] = "govuk-tag--green",
		[PRI_CLOSED] = "govuk-tag--grey",
	};
	int s = status >= 0 && status < PRI_STATUS_COUNT ? status : PRI_PROPOSED;

	HTML(h, "<strong class=\"govuk-tag ");
	html_attr(h, colour[s]);
	HTML(h, "\">");
	html_text(h, h->lang == LANG_CY ? priority_statuses[s].cy : priority_statuses[s].en);
	HTML(h, "</strong>");
}

/* --- the meeting ------------------------------------------------------------------- */

static void meeting_words(struct html *h, const struct board_meeting *m)
{
	char day[48], local[20];

	yousaid_day(h->lang, m->starts_at, day);
	time_format_london(m->starts_at, local);
	local[16] = '\0';
	html_msg_args(h, M_PACT_MEETING_LINE, m->title, day, local + 11,
		      m->venue[0] ? m->venue : "-", NULL);
}

static const struct govuk_col meeting_cols[] = {
	{ M_PACT_COL_MEETING, 0 }, { M_PACT_COL_RUN, 0 },
};

static void choose_meeting(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			   const struct pact_view *v, const struct staff_may *may,
			   const struct staff_form *f)
{
	size_t shown = v->meetings->n < 8 ? v->meetings->n : 8;

	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACT_MEETING_HEADING);
	HTML(h, "</h2>\n");
	if (v->meeting) {
		HTML(h, "<div class=\"govuk-inset-text\"><p class=\"govuk-body govuk-!-font-weight-bold\">");
		meeting_words(h, v->meeting);
		HTML(h, "</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"");
		pact_href(h, nb, "pact");
		HTML(h, "\">");
		html_msg(h, M_PACT_MEETING_OTHER);
		HTML(h, "</a></p></div>\n");
		return;
	}
	HTML(h, "<p class=\"govuk-body\">");
	html_msg(h, shown ? M_PACT_MEETING_CHOOSE : M_PACT_MEETING_NONE);
	HTML(h, "</p>\n");
	if (shown) {
		govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
		html_msg(h, M_PACT_MEETING_HEADING);
		govuk_table_head(h, meeting_cols, 2);
		for (size_t i = 0; i < shown; i++) {
			const struct board_meeting *m = &v->meetings->v[i];
			char id[24];

			snprintf(id, sizeof(id), "%lld", (long long)m->id);
			HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TD);
			meeting_words(h, m);
			HTML(h, "</td>" GOVUK_TD "<a class=\"govuk-link\" href=\"");
			pact_href(h, nb, "pact");
			HTML(h, "?meeting=");
			html_url_arg(h, id);
			HTML(h, "\">");
			html_msg(h, M_PACT_MEETING_RUN);
			HTML(h, "<span class=\"govuk-visually-hidden\"> ");
			html_text(h, m->title);
			HTML(h, "</span></a></td></tr>\n");
		}
		govuk_table_end(h);
	}
	if (!may->create_meeting)
		return;
	pact_details_begin(h, pc, nb, f, "meeting", M_PACT_MEETING_ADD, "pact/meeting");
	govuk_input_field(h, &(struct govuk_input){ .id = "title", .label = M_PACT_MEETING_TITLE,
		.value = pact_typed(f, "meeting", "title", msg_text(pc->lang, M_PACT_MEETING_TITLE_DEFAULT)) },
		pact_error(f, "meeting", "title"));
	govuk_input_field(h, &(struct govuk_input){ .id = "date", .label = M_PACT_MEETING_DATE,
		.type = "date",
		.value = pact_typed(f, "meeting", "date", v->today),
		.extra_class = "govuk-input--width-10" }, pact_error(f, "meeting", "date"));
	govuk_input_field(h, &(struct govuk_input){ .id = "time", .label = M_PACT_MEETING_TIME,
		.hint = M_PACT_TIME_HINT, .has_hint = 1, .type = "time",
		.value = pact_typed(f, "meeting", "time", "19:00"),
		.extra_class = "govuk-input--width-5" }, pact_error(f, "meeting", "time"));
	govuk_input_field(h, &(struct govuk_input){ .id = "venue", .label = M_PACT_MEETING_VENUE,
		.value = pact_typed(f, "meeting", "venue", NULL) }, pact_error(f, "meeting", "venue"));
	pact_button(h, M_PACT_MEETING_ADD_BUTTON, 0);
	pact_details_end(h);
}

/* --- proposed priorities: votes and agreeing ------------------------------------------ */

static void count_field(struct html *h, const struct staff_form *f, const char *form,
			const char *name, enum msg_id label, int64_t pid, int has, int value)
{
	char id[48], num[16];

	staff_field_id(id, sizeof(id), name, NULL, pid);
	snprintf(num, sizeof(num), "%d", value);
	HTML(h, "<div class=\"engage-count\">");
	govuk_input_field(h, &(struct govuk_input){ .id = id, .label = label, .inputmode = "numeric",
		.value = pact_typed(f, form, id, has ? num : NULL),
		.extra_class = "govuk-input--width-4" }, pact_error(f, form, id));
	HTML(h, "</div>");
}

static void evidence_line(struct html *h, int concerns, int nchannels)
{
	char people[32], ways[32];

	HTML(h, "<p class=\"govuk-body-s\">");
	html_msg_args(h, M_PACT_RAISED_BY, count_text(concerns, people), count_text(nchannels, ways), NULL);
	HTML(h, "</p>");
}

static void votes_form(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		       const struct pact_view *v, const struct board_priority *p,
		       const struct staff_form *f)
{
	char form[40], id[24], mid[24];

	staff_field_id(form, sizeof(form), "votes", NULL, p->id);
	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	snprintf(mid, sizeof(mid), "%lld", (long long)v->meeting->id);
	pact_form_begin(h, pc, nb, "pact/votes");
	govuk_hidden(h, "meeting", mid);
	govuk_hidden(h, "priority", id);
	HTML(h, "<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
	html_msg(h, M_PACT_VOTES_LEGEND);
	HTML(h, "</legend><div class=\"engage-counts\">");
	count_field(h, f, form, "for", M_PACT_VOTES_FOR, p->id, p->has_votes, p->votes_for);
	count_field(h, f, form, "against", M_PACT_VOTES_AGAINST, p->id, p->has_votes, p->votes_against);
	count_field(h, f, form, "abstain", M_PACT_VOTES_ABSTAIN, p->id, p->has_votes, p->abstentions);
	HTML(h, "</div></fieldset>\n");
	pact_button(h, M_PACT_VOTES_BUTTON, 1);
	HTML(h, "</form>\n");
}

static void agree_form(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		       const struct pact_view *v, const struct board_priority *p,
		       const struct staff_form *f)
{
	char form[40], field[40], id[24], mid[24], version[24];

	staff_field_id(form, sizeof(form), "agree", NULL, p->id);
	staff_field_id(field, sizeof(field), "review", NULL, p->id);
	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	snprintf(mid, sizeof(mid), "%lld", (long long)v->meeting->id);
	snprintf(version, sizeof(version), "%lld", (long long)p->version);
	pact_form_begin(h, pc, nb, "pact/agree");
	govuk_hidden(h, "meeting", mid);
	govuk_hidden(h, "priority", id);
	govuk_hidden(h, "version", version);
	govuk_input_field(h, &(struct govuk_input){ .id = field, .label = M_PACT_REVIEW_DATE,
		.hint = M_PACT_REVIEW_HINT, .has_hint = 1, .type = "date",
		.value = pact_typed(f, form, field, NULL), .extra_class = "govuk-input--width-10" },
		pact_error(f, form, field));
	pact_button(h, M_PACT_AGREE_BUTTON, 0);
	HTML(h, "</form>\n");
}

static void proposed_section(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			     const struct pact_view *v, const struct staff_may *may,
			     const struct staff_form *f)
{
	int any = 0;

	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACT_PROPOSED_HEADING);
	HTML(h, "</h2>\n");
	for (size_t i = 0; i < v->board->n; i++) {
		const struct board_priority *p = &v->board->v[i];

		if (p->status != PRI_PROPOSED)
			continue;
		any = 1;
		HTML(h, "<div class=\"govuk-summary-card\" id=\"priority-");
		html_int(h, p->id);
		HTML(h, "\"><div class=\"govuk-summary-card__title-wrapper\"><h3 class=\"govuk-summary-card__title\">");
		html_text(h, p->title);
		HTML(h, "</h3></div><div class=\"govuk-summary-card__content\"><p class=\"govuk-body\">");
		html_text(h, p->public_text);
		HTML(h, "</p>");
		if (p->group_id)
			evidence_line(h, p->concerns, p->channels);
		if (!v->meeting) {
			HTML(h, "<p class=\"govuk-body-s\">");
			html_msg(h, M_PACT_CHOOSE_FIRST);
			HTML(h, "</p>");
		} else {
			if (may->vote)
				votes_form(h, pc, nb, v, p, f);
			if (may->agree)
				agree_form(h, pc, nb, v, p, f);
		}
		HTML(h, "</div></div>\n");
	}
	if (!any) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_PACT_PROPOSED_NONE);
		HTML(h, "</p>\n");
	}
}

/* --- candidates ------------------------------------------------------------------------ */

static const struct govuk_col evidence_cols[] = {
	{ M_PACT_COL_EVIDENCE, 0 }, { M_PACT_COL_VALUE, GOVUK_NUMERIC },
};

static void evidence_row(struct html *h, enum msg_id what, int value)
{
	HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
	html_msg(h, what);
	HTML(h, "</th>" GOVUK_TD_NUM);
	html_count(h, value);
	HTML(h, "</td></tr>\n");
}

static void propose_fields(struct html *h, const struct pact_view *v, const struct staff_form *f,
			   const char *form, int64_t group, const char *title)
{
	char field[48];

	staff_field_id(field, sizeof(field), "public_text", NULL, group);
	if (v->meeting) {
		char mid[24];

		snprintf(mid, sizeof(mid), "%lld", (long long)v->meeting->id);
		govuk_hidden(h, "meeting", mid);
	}
	if (group) {
		char gid[24];

		snprintf(gid, sizeof(gid), "%lld", (long long)group);
		govuk_hidden(h, "group", gid);
		govuk_hidden(h, "title", title);
	} else {
		govuk_input_field(h, &(struct govuk_input){ .id = "title", .label = M_PACT_PROPOSE_TITLE,
			.hint = M_PACT_PROPOSE_TITLE_HINT, .has_hint = 1,
			.value = pact_typed(f, form, "title", NULL) }, pact_error(f, form, "title"));
	}
	govuk_textarea_field(h, &(struct govuk_input){ .id = field, .label = M_PACT_PROPOSE_TEXT,
		.hint = M_PACT_PROPOSE_TEXT_HINT, .has_hint = 1,
		.value = pact_typed(f, form, field, NULL) }, 3, pact_error(f, form, field));
	if (!group)
		govuk_textarea_field(h, &(struct govuk_input){ .id = "evidence",
			.label = M_PACT_PROPOSE_EVIDENCE, .hint = M_PACT_PROPOSE_EVIDENCE_HINT,
			.has_hint = 1, .value = pact_typed(f, form, "evidence", NULL) }, 3,
			pact_error(f, form, "evidence"));
	pact_button(h, M_PACT_PROPOSE_BUTTON, 1);
}

static void candidate_card(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			   const struct pact_view *v, const struct pact_candidate *c,
			   const struct staff_may *may, const struct staff_form *f)
{
	const struct priority_evidence *ev = &c->evidence;
	char form[40], score[16];

	snprintf(score, sizeof(score), "%.0f", c->score.total);
	HTML(h, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">"
		"<h3 class=\"govuk-summary-card__title\">");
	html_text(h, c->title);
	HTML(h, " <span class=\"govuk-tag govuk-tag--grey\">");
	html_msg_args(h, M_PACT_SCORE, score, NULL);
	HTML(h, "</span>");
	if (c->priority_id) {
		HTML(h, " <span class=\"govuk-tag govuk-tag--blue\">");
		html_msg(h, M_PACT_ALREADY);
		HTML(h, "</span>");
	}
	HTML(h, "</h3></div><div class=\"govuk-summary-card__content\">\n");
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg_args(h, M_PACT_EVIDENCE_CAPTION, c->title, NULL);
	govuk_table_head(h, evidence_cols, 2);
	evidence_row(h, M_PACT_EV_PEOPLE, ev->distinct_people);
	evidence_row(h, M_PACT_EV_CHANNELS, ev->channels);
	evidence_row(h, M_PACT_EV_GROUPS, ev->groups);
	evidence_row(h, M_PACT_EV_CRIME_NOW, ev->crime_now);
	evidence_row(h, M_PACT_EV_CRIME_BEFORE, ev->crime_before);
	govuk_table_end(h);
	HTML(h, "<p class=\"govuk-body-s\">");
	html_msg(h, ev->crime_now > ev->crime_before ? M_PACT_TREND_UP
		    : ev->crime_now < ev->crime_before ? M_PACT_TREND_DOWN : M_PACT_TREND_SAME);
	if (ev->recurring) {
		HTML(h, " ");
		html_msg(h, M_PACT_RECURRING);
	}
	HTML(h, "</p>\n");
	if (!c->priority_id && may->propose) {
		staff_field_id(form, sizeof(form), "propose", NULL, c->group_id);
		pact_details_begin(h, pc, nb, f, form, M_PACT_PROPOSE_THIS, "pact/propose");
		propose_fields(h, v, f, form, c->group_id, c->title);
		pact_details_end(h);
	}
	HTML(h, "</div></div>\n");
}

static void candidates_section(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			       const struct pact_view *v, const struct staff_may *may,
			       const struct staff_form *f)
{
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACT_CANDIDATES_HEADING);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(h, v->ncandidates ? M_PACT_CANDIDATES_LEAD : M_PACT_CANDIDATES_NONE);
	HTML(h, "</p>\n");
	for (int i = 0; i < v->ncandidates; i++)
		candidate_card(h, pc, nb, v, &v->candidates[i], may, f);
	if (!may->propose)
		return;
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACT_PROPOSE_NEW);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(h, M_PACT_PROPOSE_NEW_LEAD);
	HTML(h, "</p>\n");
	pact_form_begin(h, pc, nb, "pact/propose");
	propose_fields(h, v, f, "propose", 0, NULL);
	HTML(h, "</form>\n");
}

static void current_section(struct html *h, const struct staff_nbhd *nb, const struct board *b)
{
	int any = 0;

	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PACT_CURRENT_HEADING);
	HTML(h, "</h2>\n<ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < b->n; i++) {
		const struct board_priority *p = &b->v[i];

		if (p->status != PRI_AGREED && p->status != PRI_IN_PROGRESS)
			continue;
		any = 1;
		HTML(h, "<li>");
		html_text(h, p->title);
		HTML(h, " ");
		pact_status_tag(h, p->status);
		HTML(h, "</li>");
	}
	HTML(h, "</ul>\n<p class=\"govuk-body\">");
	if (!any)
		html_msg(h, M_PACT_CURRENT_NONE);
	HTML(h, " <a class=\"govuk-link\" href=\"");
	pact_href(h, nb, "board");
	HTML(h, "\">");
	html_msg(h, M_PACT_CURRENT_LINK);
	HTML(h, "</a></p>\n");
}

void page_pact(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
	       const struct pact_view *v, const struct staff_may *may, const struct staff_form *f)
{
	struct html h = { out, pc->lang };

	pact_frame_begin(&h, pc, nb, TAB_PACT, M_PACT_TITLE, f);
	HTML(&h, "<p class=\"govuk-body-l\">");
	html_msg(&h, M_PACT_LEAD);
	HTML(&h, "</p>\n");
	choose_meeting(&h, pc, nb, v, may, f);
	proposed_section(&h, pc, nb, v, may, f);
	candidates_section(&h, pc, nb, v, may, f);
	current_section(&h, nb, v->board);
	layout_end(&h, pc);
}
