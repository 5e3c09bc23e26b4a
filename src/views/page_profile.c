/*
 * page_profile.c - a neighbourhood's profile for its team: who lives there
 * (census), its assets (community groups and places people gather), the
 * team's notes, and a form to add a note (see page_staff_entry.h).
 */
#include "views/page_staff_entry-internal.h"

#include <stdio.h>
#include <stdio.h>
#include <string.h>

/* Words for profile_note_kinds[], in its order. */
static const enum msg_id note_kind_labels[] = {
	M_PR_KIND_INTEREST, M_PR_KIND_SELDOM, M_PR_KIND_TENSION, M_PR_KIND_INCOMING,
	M_PR_KIND_OUTGOING, M_PR_KIND_VULNERABILITY,
};

static enum msg_id note_kind_label(const char *kind)
{
	for (int i = 0; i < profile_note_kind_count && i < (int)(sizeof(note_kind_labels) /
								sizeof(note_kind_labels[0])); i++)
		if (!strcmp(profile_note_kinds[i], kind))
			return note_kind_labels[i];
	return M_PR_KIND_INTEREST;
}

static void summary_row(struct html *h, enum msg_id key, int64_t value)
{
	HTML(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_msg(h, key);
	HTML(h, "</dt><dd class=\"govuk-summary-list__value\">");
	html_count(h, value);
	HTML(h, "</dd></div>\n");
}

static const struct govuk_col census_cols[] = {
	{ M_PR_COL_GROUP, 0 }, { M_PR_COL_PEOPLE, GOVUK_NUMERIC }, { M_PR_COL_SHARE, GOVUK_NUMERIC },
};

/* One census measure as a table: each category's people and share. */
static void census_table(struct html *h, const struct profile *pr, const struct entry_demog *d)
{
	int64_t total = 0;
	int any = 0;

	for (int i = 0; i < pr->nfigures; i++)
		if (!strcmp(pr->figures[i].measure, d->measure)) {
			total += pr->figures[i].value;
			any = 1;
		}
	if (!any)
		return;
	HTML(h, "<div class=\"govuk-grid-column-one-third\">");
	govuk_table_begin(h, GOVUK_CAPTION_S);
	html_msg(h, d->legend);
	govuk_table_head(h, census_cols, 3);
	for (int i = 0; i < pr->nfigures; i++) {
		const struct profile_figure *fg = &pr->figures[i];
		const char *label = fg->category;
		char share[16];

		if (strcmp(fg->measure, d->measure))
			continue;
		for (int c = 0; c < d->n; c++)
			if (!strcmp(d->cat[c].slug, fg->category))
				label = msg_text(h->lang, d->cat[c].label);
		snprintf(share, sizeof(share), "%.0f%%", total ? 100.0 * (double)fg->value / (double)total : 0.0);
		HTML(h, "<tr class=\"govuk-table__row\">" GOVUK_TH_ROW);
		html_text(h, label);
		HTML(h, "</th>" GOVUK_TD_NUM);
		html_count(h, fg->value);
		HTML(h, "</td>" GOVUK_TD_NUM);
		html_text(h, share);
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
	HTML(h, "</div>\n");
}

static void people(struct html *h, const struct profile *pr)
{
	HTML(h, "<h2 class=\"govuk-heading-m\">");
	html_msg(h, M_PR_PEOPLE);
	HTML(h, "</h2>\n<dl class=\"govuk-summary-list\">\n");
	summary_row(h, M_PR_POPULATION, pr->population);
	summary_row(h, M_PR_HOUSEHOLDS, pr->households);
	summary_row(h, M_PR_LSOAS, pr->lsoas);
	summary_row(h, M_PR_KEY_CONTACTS, pr->key_contacts);
	HTML(h, "</dl>\n<div class=\"govuk-grid-row\">\n");
	for (int m = 0; m < ENTRY_DEMOG_MEASURES; m++)
		census_table(h, pr, &entry_demogs[m]);
	HTML(h, "</div>\n");
}

static void assets(struct html *h, const struct profile_page *p, int groups)
{
	int any = 0;

	HTML(h, "<h3 class=\"govuk-heading-s\">");
	html_msg(h, groups ? M_PR_GROUPS : M_PR_PLACES);
	HTML(h, "</h3>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < p->nassets; i++) {
		const struct profile_asset_row *a = &p->assets[i];

		if (a->group != groups)
			continue;
		any = 1;
		HTML(h, "<li><strong>");
		html_text(h, a->name);
		HTML(h, "</strong>");
		if (a->type && *a->type) {
			HTML(h, " (");
			html_text(h, a->type);
			HTML(h, ")");
		}
		if (a->address && *a->address) {
			HTML(h, ", ");
			html_text(h, a->address);
		}
		HTML(h, "</li>\n");
	}
	if (!any) {
		HTML(h, "<li>");
		html_msg(h, M_PR_NONE);
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n");
}

static void notes(struct html *h, const struct profile_page *p)
{
	HTML(h, "<h2 class=\"govuk-heading-m\" id=\"notes\">");
	html_msg(h, M_PR_NOTES);
	HTML(h, "</h2>\n");
	if (!p->nnotes) {
		HTML(h, "<p class=\"govuk-body\">");
		html_msg(h, M_PR_NONE);
		HTML(h, "</p>\n");
		return;
	}
	HTML(h, "<dl class=\"govuk-summary-list\">\n");
	for (size_t i = 0; i < p->nnotes; i++) {
		const struct profile_note_view *n = &p->notes[i];

		HTML(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
		html_text(h, n->title);
		HTML(h, "<br><span class=\"govuk-tag govuk-tag--grey\">");
		html_msg(h, note_kind_label(n->kind));
		HTML(h, "</span></dt><dd class=\"govuk-summary-list__value engage-pre\">");
		html_text(h, n->body);
		HTML(h, "</dd></div>\n");
	}
	HTML(h, "</dl>\n");
}

static void note_form(struct html *h, const struct page_ctx *pc, const struct profile_page *p)
{
	struct entry_field f = { .id = "kind", .label = M_PR_NOTE_KIND,
				 .value = entry_value(&p->values, "kind"),
				 ENTRY_ERROR(&p->errors, "kind") };

	HTML(h, "<h2 class=\"govuk-heading-m\" id=\"add-note\">");
	html_msg(h, M_PR_ADD_NOTE);
	HTML(h, "</h2>\n");
	entry_form_begin(h, pc, &p->nb, "/profile", 0);
	entry_select_begin(h, &f);
	entry_option(h, &f, "", msg_text(h->lang, M_SE_CHOOSE));
	for (int i = 0; i < profile_note_kind_count; i++)
		entry_option(h, &f, profile_note_kinds[i], msg_text(h->lang, note_kind_label(profile_note_kinds[i])));
	entry_select_end(h);
	entry_input(h, &(struct entry_field){ .id = "title", .label = M_PR_NOTE_TITLE,
					      .value = entry_value(&p->values, "title"),
					      ENTRY_ERROR(&p->errors, "title") },
		    "text", NULL);
	entry_textarea(h, &(struct entry_field){ .id = "note", .label = M_PR_NOTE_TEXT,
						 .hint = M_PR_NOTE_HINT, .has_hint = 1,
						 .value = entry_value(&p->values, "note"),
						 ENTRY_ERROR(&p->errors, "note") }, 5);
	entry_button(h, M_PR_NOTE_SAVE);
	HTML(h, "</form>\n");
}

void page_profile(struct strbuf *out, const struct page_ctx *pc, const struct profile_page *p)
{
	struct html h = { out, pc->lang };

	entry_begin(&h, pc, &p->nb, M_PR_TITLE);
	if (p->added) {
		entry_banner_begin(&h, M_PR_ADDED, NULL);
		entry_banner_end(&h);
	}
	entry_error_summary(&h, &p->errors);
	people(&h, p->profile);
	HTML(&h, "<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_PR_ASSETS);
	HTML(&h, "</h2>\n<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">\n");
	assets(&h, p, 1);
	HTML(&h, "</div><div class=\"govuk-grid-column-one-half\">\n");
	assets(&h, p, 0);
	HTML(&h, "</div></div>\n<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
	notes(&h, p);
	note_form(&h, pc, p);
	HTML(&h, "</div></div>\n");
	layout_end(&h, pc);
}
