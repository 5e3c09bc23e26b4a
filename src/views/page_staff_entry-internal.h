/*
 * page_staff_entry-internal.h - what the staff entry pages share: their
 * heading and breadcrumbs, the form's opening with its CSRF field, and
 * govuk-frontend's form fields (textarea, select, radios, date) with their
 * label, hint, error and aria-describedby written once.
 */
#ifndef ENGAGE_PAGE_STAFF_ENTRY_INTERNAL_H
#define ENGAGE_PAGE_STAFF_ENTRY_INTERNAL_H

#include "model/engagement.h"
#include "views/page_staff_entry.h"

/* The frame, breadcrumbs (My neighbourhoods > the neighbourhood) and an
 * h1 `title` under the neighbourhood's name; the tab reads "title: name". */
void entry_begin(struct html *h, const struct page_ctx *pc, const struct entry_nbhd *nb,
		 enum msg_id title);
/* The neighbourhood's staff path with `tail` ("/plan"), as an attribute. */
void entry_href(struct html *h, const struct entry_nbhd *nb, const char *tail);
/* <form method="post" action="...tail"> with the session's CSRF field;
 * `bulk` marks the postcards form for engage-bulk.mjs (rows added as the
 * last is filled, up to POSTCARD_MAX_ROWS). */
void entry_form_begin(struct html *h, const struct page_ctx *pc, const struct entry_nbhd *nb,
		      const char *tail, int bulk);
/* A green "done" banner whose heading is message `what` ({1} = arg). */
void entry_banner_begin(struct html *h, enum msg_id what, const char *arg);
void entry_banner_end(struct html *h);

/* The problem with field `id`, or NULL, and its {1}. */
const struct govuk_error *entry_error(const struct entry_errors *errs, const char *id);
const char *entry_error_arg(const struct entry_errors *errs, const char *id);
#define ENTRY_ERROR(errs, id) .error = entry_error((errs), (id)), .error_arg = entry_error_arg((errs), (id))
/* The error summary. */
void entry_error_summary(struct html *h, const struct entry_errors *errs);

/* The words of a vocab row in the page's language. */
const char *entry_vocab(const struct html *h, const struct vocab *v);
/* "3 March 2026" (Europe/London) in the page's language. */
void entry_day_words(const struct html *h, int64_t t, char out[48]);
/* The same for a day "2026-03-03" (copied as it is when unreadable). */
void entry_date_words(const struct html *h, const char *yyyy_mm_dd, char out[48]);

/* One form field. */
struct entry_field {
	const char *id;			/* its id and name */
	enum msg_id label;		/* or, with label_text, that text */
	const char *label_text;
	enum msg_id hint;
	int has_hint;
	int label_hidden;		/* for screen readers only (a column heading shows it) */
	const char *value;		/* typed before, or NULL */
	const struct govuk_error *error;
	const char *error_arg;		/* its {1} */
	const char *extra_class;	/* on the control: "govuk-input--width-4" */
};
void entry_textarea(struct html *h, const struct entry_field *f, int rows);
/* An input (type "text", "number"...; inputmode for number-like text). */
void entry_input(struct html *h, const struct entry_field *f, const char *type,
		 const char *inputmode);
/* A select: begin, options (selected when value matches f->value), end. */
void entry_select_begin(struct html *h, const struct entry_field *f);
void entry_option(struct html *h, const struct entry_field *f, const char *value,
		  const char *label);
void entry_select_end(struct html *h);
/* Radios in a fieldset with `f->label` as its legend; options as value and
 * label pairs. */
struct entry_choice {
	const char *value, *label;
};
void entry_radios(struct html *h, const struct entry_field *f, const struct entry_choice *c,
		  size_t n, int inline_);
/* govuk's date input: fields id-day, id-month, id-year in a fieldset. */
void entry_date(struct html *h, const struct entry_field *f, const struct entry_values *v);
/* The submit button. */
void entry_button(struct html *h, enum msg_id label);

#endif
