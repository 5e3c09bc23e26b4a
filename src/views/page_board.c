/*
 * page_board.c - the priorities and actions board (see page_pact.h): the
 * agreed and in-progress priorities, each action with its owner, partner,
 * due date, status and progress note, overdue ones marked; forms to add an
 * action, record progress, and start work on an agreed priority.
 */
#include "views/page_pact-internal.h"

#include <stdio.h>
#include <string.h>

static int may_update(const struct staff_may *may, const struct board_action *a)
{
	return may->update_actions && (!may->partner_org || !strcmp(a->partner_org, may->partner_org));
}

static int visible(const struct staff_may *may, const struct board_action *a)
{
	return !may->partner_org || !strcmp(a->partner_org, may->partner_org);
}

static enum msg_id action_status(const char *status)
{
	if (!strcmp(status, "done"))
		return M_BOARD_STATUS_DONE;
	if (!strcmp(status, "cancelled"))
		return M_BOARD_STATUS_CANCELLED;
	return M_BOARD_STATUS_OPEN;
}

static void summary_row(struct html *h, enum msg_id key)
{
	HTML(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_msg(h, key);
	HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
}

static void update_form(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			const struct board_action *a, const struct staff_form *f)
{
	char form[40], status[40], note[40], path[48], version[24];
	const struct govuk_radio items[] = {
		{ "open", msg_text(h->lang, M_BOARD_STATUS_OPEN) },
		{ "done", msg_text(h->lang, M_BOARD_STATUS_DONE) },
		{ "cancelled", msg_text(h->lang, M_BOARD_STATUS_CANCELLED) },
	};

	staff_field_id(form, sizeof(form), "update", NULL, a->id);
	staff_field_id(status, sizeof(status), "status", NULL, a->id);
	staff_field_id(note, sizeof(note), "result", NULL, a->id);
	snprintf(path, sizeof(path), "board/actions/%lld", (long long)a->id);
	snprintf(version, sizeof(version), "%lld", (long long)a->version);
	pact_details_begin(h, pc, nb, f, form, M_BOARD_UPDATE, path);
	govuk_hidden(h, "version", version);
	govuk_radios_field(h, &(struct govuk_radios){ .name = status, .legend = M_BOARD_STATUS,
		.items = items, .n = 3, .inline_ = 1,
		.checked = pact_typed(f, form, status, a->status) }, pact_error(f, form, status));
	govuk_textarea_field(h, &(struct govuk_input){ .id = note, .label = M_BOARD_RESULT,
		.hint = M_BOARD_RESULT_HINT, .has_hint = 1,
		.value = pact_typed(f, form, note, a->result) }, 3, pact_error(f, form, note));
	pact_button(h, M_BOARD_UPDATE_BUTTON, 0);
	pact_details_end(h);
}

static void action_block(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			 const struct board_action *a, const struct staff_may *may,
			 const struct staff_form *f)
{
	char due[48];

	date_words(h->lang, a->due_date, due);
	HTML(h, "<div class=\"engage-action");
	if (a->overdue)
		HTML(h, " engage-action--overdue");
	HTML(h, "\" id=\"action-");
	html_int(h, a->id);
	HTML(h, "\"><h4 class=\"govuk-heading-s\">");
	html_text(h, a->description);
	HTML(h, "</h4><dl class=\"govuk-summary-list govuk-summary-list--no-border\">");
	summary_row(h, M_BOARD_OWNER);
	html_text(h, a->owner_name);
	if (a->partner_org[0]) {
		HTML(h, "</dd></div>");
		summary_row(h, M_BOARD_PARTNER);
		html_text(h, a->partner_org);
	}
	HTML(h, "</dd></div>");
	summary_row(h, M_BOARD_DUE);
	html_text(h, due);
	if (a->overdue) {
		HTML(h, " <strong class=\"govuk-tag govuk-tag--red\">");
		html_msg(h, M_BOARD_OVERDUE);
		HTML(h, "</strong>");
	}
	HTML(h, "</dd></div>");
	summary_row(h, M_BOARD_STATUS);
	html_msg(h, action_status(a->status));
	HTML(h, "</dd></div>");
	if (a->result[0]) {
		summary_row(h, M_BOARD_RESULT);
		html_text(h, a->result);
		HTML(h, "</dd></div>");
	}
	HTML(h, "</dl>\n");
	if (may_update(may, a))
		update_form(h, pc, nb, a, f);
	HTML(h, "</div>\n");
}

static void add_form(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		     const struct board_priority *p, const struct staff_form *f)
{
	char form[40], id[24], owner[40], name[40], org[40], text[40], due[40];
	const struct govuk_radio items[] = {
		{ "officer", msg_text(h->lang, M_BOARD_OWNER_OFFICER) },
		{ "partner", msg_text(h->lang, M_BOARD_OWNER_PARTNER) },
	};

	staff_field_id(form, sizeof(form), "action", NULL, p->id);
	staff_field_id(owner, sizeof(owner), "owner", NULL, p->id);
	staff_field_id(name, sizeof(name), "owner_name", NULL, p->id);
	staff_field_id(org, sizeof(org), "partner_org", NULL, p->id);
	staff_field_id(text, sizeof(text), "text", NULL, p->id);
	staff_field_id(due, sizeof(due), "due", NULL, p->id);
	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	pact_details_begin(h, pc, nb, f, form, M_BOARD_ADD, "board/actions");
	govuk_hidden(h, "priority", id);
	govuk_textarea_field(h, &(struct govuk_input){ .id = text, .label = M_BOARD_ADD_TEXT,
		.value = pact_typed(f, form, text, NULL) }, 2, pact_error(f, form, text));
	govuk_radios_field(h, &(struct govuk_radios){ .name = owner, .legend = M_BOARD_ADD_OWNER,
		.items = items, .n = 2, .inline_ = 1,
		.checked = pact_typed(f, form, owner, "officer") }, pact_error(f, form, owner));
	govuk_input_field(h, &(struct govuk_input){ .id = name, .label = M_BOARD_ADD_NAME,
		.hint = M_BOARD_ADD_NAME_HINT, .has_hint = 1,
		.value = pact_typed(f, form, name, NULL) }, pact_error(f, form, name));
	govuk_input_field(h, &(struct govuk_input){ .id = org, .label = M_BOARD_ADD_ORG,
		.hint = M_BOARD_ADD_ORG_HINT, .has_hint = 1, .autocomplete = "organization",
		.value = pact_typed(f, form, org, NULL) }, pact_error(f, form, org));
	govuk_input_field(h, &(struct govuk_input){ .id = due, .label = M_BOARD_ADD_DUE,
		.type = "date",
		.extra_class = "govuk-input--width-10",
		.value = pact_typed(f, form, due, NULL) }, pact_error(f, form, due));
	pact_button(h, M_BOARD_ADD_BUTTON, 0);
	pact_details_end(h);
}

static void start_form(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		       const struct board_priority *p)
{
	char id[24], version[24];

	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	snprintf(version, sizeof(version), "%lld", (long long)p->version);
	pact_form_begin(h, pc, nb, "board/start");
	govuk_hidden(h, "priority", id);
	govuk_hidden(h, "version", version);
	HTML(h, "<div class=\"engage-no-print\">");
	pact_button(h, M_BOARD_START, 1);
	HTML(h, "</div></form>\n");
}

static void priority_card(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			  const struct board_priority *p, const struct staff_may *may,
			  const struct staff_form *f)
{
	char review[48], people[32], overdue[32];
	int shown = 0;

	HTML(h, "<div class=\"govuk-summary-card\" id=\"priority-");
	html_int(h, p->id);
	HTML(h, "\"><div class=\"govuk-summary-card__title-wrapper\"><h2 class=\"govuk-summary-card__title\">");
	html_text(h, p->title);
	HTML(h, " ");
	pact_status_tag(h, p->status);
	if (p->overdue) {
		HTML(h, " <strong class=\"govuk-tag govuk-tag--red\">");
		html_msg_args(h, M_BOARD_OVERDUE_COUNT, count_text(p->overdue, overdue), NULL);
		HTML(h, "</strong>");
	}
	HTML(h, "</h2></div><div class=\"govuk-summary-card__content\"><p class=\"govuk-body\">");
	html_text(h, p->public_text);
	HTML(h, "</p><p class=\"govuk-body-s\">");
	date_words(h->lang, p->review_date, review);
	html_msg_args(h, M_BOARD_REVIEW, review, count_text(p->concerns, people), NULL);
	HTML(h, "</p>\n<h3 class=\"govuk-heading-s\">");
	html_msg(h, M_BOARD_ACTIONS);
	HTML(h, "</h3>\n");
	for (size_t k = 0; k < p->nactions; k++) {
		if (!visible(may, &p->actions[k]))
			continue;
		action_block(h, pc, nb, &p->actions[k], may, f);
		shown++;
	}
	if (!shown) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_BOARD_NO_ACTIONS);
		HTML(h, "</p>\n");
	}
	if (may->agree) {
		add_form(h, pc, nb, p, f);
		if (p->status == PRI_AGREED)
			start_form(h, pc, nb, p);
	}
	HTML(h, "</div></div>\n");
}

void page_board(struct strbuf *out, const struct page_ctx *pc, const struct staff_nbhd *nb,
		const struct board *b, const struct staff_may *may, const struct staff_form *f)
{
	struct html h = { out, pc->lang };
	int any = 0;

	pact_frame_begin(&h, pc, nb, TAB_BOARD, M_BOARD_TITLE, f);
	HTML(&h, "<p class=\"govuk-body-l\">");
	html_msg(&h, may->partner_org ? M_BOARD_LEAD_PARTNER : M_BOARD_LEAD);
	HTML(&h, "</p>\n");
	for (size_t i = 0; i < b->n; i++) {
		if (b->v[i].status != PRI_AGREED && b->v[i].status != PRI_IN_PROGRESS)
			continue;
		priority_card(&h, pc, nb, &b->v[i], may, f);
		any = 1;
	}
	if (!any) {
		HTML(&h, "<p class=\"govuk-body\">");
		html_msg(&h, M_BOARD_NONE);
		HTML(&h, "</p>\n");
	}
	layout_end(&h, pc);
}
