/*
 * page_activity_new.c - log an activity: what, when, where, how many came
 * and the demographics people chose to give, as counts (see
 * page_staff_entry.h).
 */
#include "views/page_staff_entry-internal.h"

#include <stdio.h>

/* A measure's counts: one small number box per category, in a fieldset. */
static void demog_counts(struct html *h, const struct activity_page *p, const struct entry_demog *d)
{
	HTML(h, "<fieldset class=\"govuk-fieldset engage-counts\"><legend class=\"govuk-fieldset__legend "
		"govuk-fieldset__legend--s\">");
	html_msg(h, d->legend);
	HTML(h, "</legend><div class=\"engage-counts__items\">");
	for (int c = 0; c < d->n; c++) {
		char id[24];
		struct entry_field f;

		snprintf(id, sizeof(id), "%s-%d", d->field, c);
		f = (struct entry_field){ .id = id, .label = d->cat[c].label,
					  .value = entry_value(&p->values, id), ENTRY_ERROR(&p->errors, id),
					  .extra_class = "govuk-input--width-3" };
		entry_input(h, &f, "text", "numeric");
	}
	HTML(h, "</div></fieldset>\n");
}

void page_activity_new(struct strbuf *out, const struct page_ctx *pc,
		       const struct activity_page *p)
{
	struct html h = { out, pc->lang };
	struct entry_choice modes[MODE_COUNT];
	const char *mode = entry_value(&p->values, "mode");
	struct entry_field f = { .id = "kind", .label = M_AC_KIND,
				 .value = entry_value(&p->values, "kind"), ENTRY_ERROR(&p->errors, "kind") };

	entry_begin(&h, pc, &p->nb, M_AC_TITLE);
	HTML(&h, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
	entry_error_summary(&h, &p->errors);
	entry_form_begin(&h, pc, &p->nb, "/activities/new", 0);
	entry_select_begin(&h, &f);
	entry_option(&h, &f, "", msg_text(h.lang, M_SE_CHOOSE));
	for (int k = 0; k < ACT_KIND_COUNT; k++)
		entry_option(&h, &f, activity_kinds[k].slug, entry_vocab(&h, &activity_kinds[k]));
	entry_select_end(&h);
	entry_input(&h, &(struct entry_field){ .id = "title", .label = M_AC_NAME, .hint = M_AC_NAME_HINT,
					       .has_hint = 1, .value = entry_value(&p->values, "title"),
					       ENTRY_ERROR(&p->errors, "title") }, "text", NULL);
	entry_date(&h, &(struct entry_field){ .id = "date", .label = M_AC_DATE, .hint = M_SE_DATE_HINT,
					      .has_hint = 1, ENTRY_ERROR(&p->errors, "date-day") },
		   &p->values);
	HTML(&h, "<div class=\"engage-times\">");
	entry_input(&h, &(struct entry_field){ .id = "start", .label = M_AC_START, .hint = M_AC_TIME_HINT,
					       .has_hint = 1, .value = entry_value(&p->values, "start"),
					       ENTRY_ERROR(&p->errors, "start"),
					       .extra_class = "govuk-input--width-5" }, "text", NULL);
	entry_input(&h, &(struct entry_field){ .id = "end", .label = M_AC_END,
					       .value = entry_value(&p->values, "end"),
					       ENTRY_ERROR(&p->errors, "end"),
					       .extra_class = "govuk-input--width-5" }, "text", NULL);
	HTML(&h, "</div>\n");
	for (int m = 0; m < MODE_COUNT; m++)
		modes[m] = (struct entry_choice){ activity_modes[m].slug, entry_vocab(&h, &activity_modes[m]) };
	entry_radios(&h, &(struct entry_field){ .id = "mode", .label = M_AC_MODE,
						.value = *mode ? mode : "in-person",
						ENTRY_ERROR(&p->errors, "mode") }, modes, MODE_COUNT, 1);
	entry_input(&h, &(struct entry_field){ .id = "venue", .label = M_AC_VENUE, .hint = M_AC_VENUE_HINT,
					       .has_hint = 1, .value = entry_value(&p->values, "venue"),
					       ENTRY_ERROR(&p->errors, "venue") }, "text", NULL);
	entry_input(&h, &(struct entry_field){ .id = "online", .label = M_AC_ONLINE, .hint = M_AC_ONLINE_HINT,
					       .has_hint = 1, .value = entry_value(&p->values, "online"),
					       ENTRY_ERROR(&p->errors, "online") }, "url", NULL);
	entry_input(&h, &(struct entry_field){ .id = "attendance", .label = M_AC_ATTENDANCE,
					       .hint = M_AC_ATTENDANCE_HINT, .has_hint = 1,
					       .value = entry_value(&p->values, "attendance"),
					       ENTRY_ERROR(&p->errors, "attendance"),
					       .extra_class = "govuk-input--width-4" }, "text", "numeric");
	HTML(&h, "<h2 class=\"govuk-heading-m\">");
	html_msg(&h, M_AC_DEMOG_HEADING);
	HTML(&h, "</h2>\n<p class=\"govuk-body\">");
	html_msg(&h, M_AC_DEMOG_LEAD);
	HTML(&h, "</p>\n");
	for (int m = 0; m < ENTRY_DEMOG_MEASURES; m++)
		demog_counts(&h, p, &entry_demogs[m]);
	entry_textarea(&h, &(struct entry_field){ .id = "notes", .label = M_AC_NOTES, .hint = M_AC_NOTES_HINT,
						  .has_hint = 1, .value = entry_value(&p->values, "notes"),
						  ENTRY_ERROR(&p->errors, "notes") }, 4);
	entry_button(&h, M_AC_SAVE);
	HTML(&h, "</form>\n</div></div>\n");
	layout_end(&h, pc);
}
