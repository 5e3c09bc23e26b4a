/*
 * page_postcards.c - typing in a stack of postcards or door-to-door
 * questionnaires, many rows at once, by keyboard (see page_staff_entry.h).
 *
 * Made for speed without a mouse: one row per card, Tab moving along the
 * row and on to the next, selects chosen by typing their first letters, and
 * Enter never sending half a batch (the form's first submit button is a
 * disabled one, so implicit submission does nothing).  Without JavaScript
 * there are ten empty rows a screen and "save and add more"; with it,
 * engage-bulk.mjs adds a row as the last is filled and lets Enter jump to
 * the next row.
 */
#include "views/page_staff_entry-internal.h"

#include <stdio.h>
#include <string.h>

const char *const postcard_fields[PC_FIELDS] = {
	[PC_TEXT] = "text", [PC_CATEGORY] = "category", [PC_WHERE] = "where",
	[PC_AGE] = "age", [PC_SEX] = "sex", [PC_ETHNIC] = "ethnic",
};

const char *const postcard_channels[POSTCARD_CHANNELS] = {
	"postcard", "door-to-door", "street", "meeting",
};

static const enum msg_id channel_labels[POSTCARD_CHANNELS] = {
	M_PC_CHANNEL_POSTCARD, M_PC_CHANNEL_DOOR, M_PC_CHANNEL_STREET, M_PC_CHANNEL_MEETING,
};

static const enum msg_id column_labels[PC_FIELDS] = {
	M_PC_COL_TEXT, M_PC_COL_CATEGORY, M_PC_COL_WHERE, M_SE_AGE, M_SE_SEX, M_SE_ETHNIC,
};

static void saved_banner(struct html *h, const struct postcards_page *p)
{
	char count[32];

	entry_banner_begin(h, M_PC_SAVED, count_text((int64_t)p->nsaved, count));
	HTML(h, "<p class=\"govuk-body\">");
	html_msg(h, M_PC_SAVED_REFS);
	HTML(h, "</p>\n<ol class=\"govuk-list govuk-list--number engage-refs\">");
	for (size_t i = 0; i < p->nsaved; i++) {
		HTML(h, "<li>");
		html_text(h, p->saved[i]);
		HTML(h, "</li>");
	}
	HTML(h, "</ol>\n");
	entry_banner_end(h);
}

static void keyboard_help(struct html *h)
{
	HTML(h, "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
		"<span class=\"govuk-details__summary-text\">");
	html_msg(h, M_PC_KEYS_TITLE);
	HTML(h, "</span></summary><div class=\"govuk-details__text\"><ul class=\"govuk-list govuk-list--bullet\">"
		"<li>");
	html_msg(h, M_PC_KEYS_TAB);
	HTML(h, "</li><li>");
	html_msg(h, M_PC_KEYS_SELECT);
	HTML(h, "</li><li>");
	html_msg(h, M_PC_KEYS_ENTER);
	HTML(h, "</li></ul></div></details>\n");
}

static void batch_fields(struct html *h, const struct postcards_page *p)
{
	struct entry_choice ch[POSTCARD_CHANNELS], lang[2] = {
		{ "en", msg_text(h->lang, M_PC_LANG_EN) }, { "cy", msg_text(h->lang, M_PC_LANG_CY) },
	};
	const char *channel = entry_value(&p->values, "channel");
	const char *language = entry_value(&p->values, "language");
	struct entry_field f = {
		.id = "channel", .label = M_PC_CHANNEL, .value = *channel ? channel : "postcard",
		ENTRY_ERROR(&p->errors, "channel"),
	};

	for (int i = 0; i < POSTCARD_CHANNELS; i++)
		ch[i] = (struct entry_choice){ postcard_channels[i], msg_text(h->lang, channel_labels[i]) };
	entry_radios(h, &f, ch, POSTCARD_CHANNELS, 1);

	f = (struct entry_field){ .id = "activity", .label = M_PC_ACTIVITY, .hint = M_PC_ACTIVITY_HINT,
				  .has_hint = 1, .value = entry_value(&p->values, "activity"),
				  ENTRY_ERROR(&p->errors, "activity") };
	entry_select_begin(h, &f);
	entry_option(h, &f, "", msg_text(h->lang, M_PC_ACTIVITY_NONE));
	for (size_t i = 0; i < p->nactivities; i++) {
		const struct record_activity *a = &p->activities[i];
		int k = vocab_find(activity_kinds, ACT_KIND_COUNT, a->kind);
		char id[24], day[48];
		struct strbuf label = STRBUF_INIT;

		snprintf(id, sizeof(id), "%lld", (long long)a->id);
		entry_day_words(h, a->starts_at, day);
		strbuf_addstr(&label, day);
		strbuf_addstr(&label, ": ");
		strbuf_addstr(&label, k >= 0 ? entry_vocab(h, &activity_kinds[k]) : a->kind);
		if (a->title && *a->title) {
			strbuf_addstr(&label, ", ");
			strbuf_addstr(&label, a->title);
		}
		entry_option(h, &f, id, label.buf ? label.buf : id);
		strbuf_release(&label);
	}
	entry_select_end(h);

	f = (struct entry_field){ .id = "language", .label = M_PC_LANGUAGE,
				  .value = *language ? language : lang_code(h->lang),
				  ENTRY_ERROR(&p->errors, "language") };
	entry_radios(h, &f, lang, 2, 1);
}

/* One row: a fieldset "Row n" of six fields, labels shown on a phone and
 * left to the column headings on a wider screen. */
static void row(struct html *h, const struct postcards_page *p, int n)
{
	char ids[PC_FIELDS][24], num[16];
	struct entry_field f[PC_FIELDS];

	snprintf(num, sizeof(num), "%d", n);
	for (int i = 0; i < PC_FIELDS; i++) {
		snprintf(ids[i], sizeof(ids[i]), "%s-%d", postcard_fields[i], n);
		f[i] = (struct entry_field){ .id = ids[i], .label = column_labels[i], .label_hidden = 1,
					     .value = entry_value(&p->values, ids[i]),
					     ENTRY_ERROR(&p->errors, ids[i]) };
	}
	HTML(h, "<fieldset class=\"govuk-fieldset engage-bulk__row\" data-bulk-row=\"");
	html_int(h, n);
	HTML(h, "\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s engage-bulk__legend\">");
	html_msg_args(h, M_PC_ROW, num, NULL);
	HTML(h, "</legend>\n");
	entry_textarea(h, &f[PC_TEXT], 2);
	entry_select_begin(h, &f[PC_CATEGORY]);
	entry_option(h, &f[PC_CATEGORY], "", msg_text(h->lang, M_PC_CATEGORY_SUGGEST));
	for (int c = 0; c < concern_category_count; c++)
		entry_option(h, &f[PC_CATEGORY], concern_categories[c].slug,
			     entry_vocab(h, &concern_categories[c]));
	entry_select_end(h);
	entry_input(h, &f[PC_WHERE], "text", NULL);
	for (int m = 0; m < ENTRY_DEMOG_MEASURES; m++) {
		const struct entry_demog *d = &entry_demogs[m];
		struct entry_field *df = &f[PC_AGE + m];

		entry_select_begin(h, df);
		entry_option(h, df, "", msg_text(h->lang, M_SE_NOT_GIVEN));
		for (int c = 0; c < d->n; c++)
			entry_option(h, df, d->cat[c].slug, msg_text(h->lang, d->cat[c].label));
		entry_select_end(h);
	}
	HTML(h, "</fieldset>\n");
}

void page_postcards(struct strbuf *out, const struct page_ctx *pc, const struct postcards_page *p)
{
	struct html h = { out, pc->lang };

	entry_begin(&h, pc, &p->nb, M_PC_TITLE);
	if (p->nsaved)
		saved_banner(&h, p);
	entry_error_summary(&h, &p->errors);
	if (p->errors.n) {
		HTML(&h, "<p class=\"govuk-body govuk-!-font-weight-bold\">");
		html_msg(&h, M_PC_NOTHING_SAVED);
		HTML(&h, "</p>\n");
	}
	HTML(&h, "<p class=\"govuk-body\">");
	html_msg(&h, M_PC_LEAD);
	HTML(&h, "</p>\n");
	keyboard_help(&h);
	entry_form_begin(&h, pc, &p->nb, "/postcards", 1);
	/* the default button: disabled, so Enter in a field sends nothing */
	HTML(&h, "<button type=\"submit\" class=\"engage-bulk__trap\" disabled hidden tabindex=\"-1\">"
		 "</button>\n<div class=\"engage-bulk__batch\">\n");
	batch_fields(&h, p);
	HTML(&h, "</div>\n<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_PC_ROWS_HEADING);
	HTML(&h, "</h2>\n<div class=\"engage-bulk__head\" aria-hidden=\"true\"><span></span>");
	for (int i = 0; i < PC_FIELDS; i++) {
		HTML(&h, "<span>");
		html_msg(&h, column_labels[i]);
		HTML(&h, "</span>");
	}
	HTML(&h, "</div>\n<div class=\"engage-bulk__rows\">\n");
	for (int n = 1; n <= p->nrows; n++)
		row(&h, p, n);
	HTML(&h, "</div>\n");
	entry_button(&h, M_PC_SAVE);
	HTML(&h, "</form>\n");
	layout_end(&h, pc);
}
