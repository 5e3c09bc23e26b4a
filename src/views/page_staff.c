/*
 * page_staff.c - sign-in, forbidden and "My neighbourhoods" (see
 * page_staff.h).
 */
#include "views/page_staff.h"

#include "views/govuk.h"

void page_sign_in(struct strbuf *out, const struct page_ctx *pc, enum sign_in_problem problem,
		  const char *username, const char *next)
{
	struct html h = { out, pc->lang };
	static const enum msg_id messages[] = {
		[SIGN_IN_MISSING] = M_STAFF_ERR_MISSING,
		[SIGN_IN_WRONG] = M_STAFF_ERR_WRONG,
		[SIGN_IN_CROSS_SITE] = M_STAFF_ERR_CROSS_SITE,
		[SIGN_IN_TOO_MANY] = M_STAFF_ERR_TOO_MANY,
	};
	struct govuk_error err = { "username",
				   problem == SIGN_IN_OK ? M_STAFF_ERR_MISSING : messages[problem] };
	int on_user = problem != SIGN_IN_OK;

	layout_begin(&h, pc, msg_text(pc->lang, M_STAFF_SIGN_IN_TITLE));
	HTML(&h, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
	govuk_error_summary(&h, &err, problem != SIGN_IN_OK);
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_STAFF_SIGN_IN_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, M_STAFF_SIGN_IN_LEAD);
	HTML(&h, "</p>\n<form method=\"post\" action=\"/staff/sign-in\" novalidate>\n"
		 "<input type=\"hidden\" name=\"next\" value=\"");
	html_attr(&h, next && next[0] == '/' ? next : "/staff");
	HTML(&h, "\">\n");
	govuk_input_field(&h, &(struct govuk_input){ .id = "username", .label = M_STAFF_USERNAME,
						     .autocomplete = "username", .value = username },
			  on_user ? &err : NULL);
	govuk_input_field(&h, &(struct govuk_input){ .id = "password", .label = M_STAFF_PASSWORD,
						     .type = "password",
						     .autocomplete = "current-password" }, NULL);
	govuk_input_field(&h, &(struct govuk_input){ .id = "code", .label = M_STAFF_CODE,
						     .hint = M_STAFF_CODE_HINT, .has_hint = 1,
						     .autocomplete = "one-time-code",
						     .extra_class = "govuk-input--width-5" },
			  NULL);
	HTML(&h, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">");
	html_msg(&h, M_STAFF_SIGN_IN_BUTTON);
	HTML(&h, "</button>\n</form>\n</div></div>\n");
	layout_end(&h, pc);
}

void page_forbidden(struct strbuf *out, const struct page_ctx *pc)
{
	struct html h = { out, pc->lang };

	layout_begin(&h, pc, msg_text(pc->lang, M_STAFF_FORBIDDEN_TITLE));
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_STAFF_FORBIDDEN_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body\">");
	html_msg(&h, M_STAFF_FORBIDDEN_TEXT);
	HTML(&h, "</p>\n");
	layout_end(&h, pc);
}

static enum msg_id todo_label(enum todo_kind kind)
{
	switch (kind) {
	case TODO_FEEDBACK_OWED: return M_TODO_FEEDBACK_OWED;
	case TODO_ACTION_OVERDUE: return M_TODO_ACTION_OVERDUE;
	case TODO_PLAN_OVERDUE: return M_TODO_PLAN_OVERDUE;
	case TODO_REVIEW_DUE: return M_TODO_REVIEW_DUE;
	case TODO_MEETING_SOON: return M_TODO_MEETING_SOON;
	}
	return M_TODO_FEEDBACK_OWED;
}

static const struct govuk_col todo_cols[] = {
	{ M_TODO_COL_WHAT, 0 }, { M_TODO_COL_DETAIL, 0 }, { M_TODO_COL_WHEN, 0 },
};

void page_todo_table(struct html *h, const char *caption, const struct todo_item *items, size_t n)
{
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_text(h, caption);
	govuk_table_head(h, todo_cols, 3);
	for (size_t i = 0; i < n; i++) {
		const struct todo_item *t = &items[i];

		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
		html_msg(h, todo_label(t->kind));
		HTML(h, "</th>" GOVUK_TD);
		html_text(h, t->what);
		HTML(h, "</td><td class=\"govuk-table__cell engage-nowrap\">");
		html_text(h, t->when);
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
}

/* A card per neighbourhood: how many of each kind of task, so a sergeant
 * with a whole force sees the day at a glance; the list itself is on the
 * neighbourhood's own staff page.  Meetings this week are named. */
static void neighbourhood_card(struct html *h, const struct staff_neighbourhood *nb)
{
	static const enum todo_kind kinds[] = { TODO_MEETING_SOON, TODO_FEEDBACK_OWED,
						TODO_ACTION_OVERDUE, TODO_PLAN_OVERDUE,
						TODO_REVIEW_DUE };
	char count[32];

	HTML(h, "<div class=\"govuk-summary-card\">\n<div class=\"govuk-summary-card__title-wrapper\">"
		"<h2 class=\"govuk-summary-card__title\">");
	html_text(h, nb->name);
	HTML(h, "</h2><ul class=\"govuk-summary-card__actions\"><li class=\"govuk-summary-card__action\">"
		"<a class=\"govuk-link\" href=\"/staff/neighbourhoods/");
	html_url_arg(h, nb->force_id);
	HTML(h, "/");
	html_url_arg(h, nb->id);
	HTML(h, "\">");
	html_msg_args(h, M_STAFF_HOME_OPEN, nb->name, NULL);
	HTML(h, "</a></li></ul></div>\n<div class=\"govuk-summary-card__content\">\n");
	if (!nb->nitems) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_STAFF_HOME_NONE);
		HTML(h, "</p>\n</div></div>\n");
		return;
	}
	HTML(h, "<dl class=\"govuk-summary-list\">\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		int64_t n = 0;

		for (size_t i = 0; i < nb->nitems; i++)
			n += nb->items[i].kind == kinds[k];
		if (!n)
			continue;
		HTML(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
		html_msg(h, todo_label(kinds[k]));
		HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
		html_text(h, count_text(n, count));
		for (size_t i = 0; kinds[k] == TODO_MEETING_SOON && i < nb->nitems; i++) {
			if (nb->items[i].kind != TODO_MEETING_SOON)
				continue;
			HTML(h, "<br>");
			html_text(h, nb->items[i].when);
			HTML(h, ": ");
			html_text(h, nb->items[i].what);
		}
		HTML(h, "</dd></div>\n");
	}
	HTML(h, "</dl>\n</div></div>\n");
}

void page_staff_home(struct strbuf *out, const struct page_ctx *pc,
		     const struct staff_neighbourhood *nbhds, size_t n)
{
	struct html h = { out, pc->lang };

	layout_begin(&h, pc, msg_text(pc->lang, M_STAFF_HOME_TITLE));
	HTML(&h, "<h1 class=\"govuk-heading-l\">");
	html_msg(&h, M_STAFF_HOME_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body-l\">");
	html_msg(&h, n ? M_STAFF_HOME_LEAD : M_STAFF_HOME_NO_NEIGHBOURHOODS);
	HTML(&h, "</p>\n");
	for (size_t i = 0; i < n; i++)
		neighbourhood_card(&h, &nbhds[i]);
	layout_end(&h, pc);
}
