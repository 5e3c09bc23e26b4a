/*
 * govuk.h - govuk-frontend's markup patterns as small writers, so every
 * page builds tables and form fields the same way (and the accessibility
 * details - captions, scope, aria-describedby, the error prefix - are
 * right once, here).
 *
 *	static const struct govuk_col cols[] = {
 *		{ M_NB_COL_MONTH, 0 }, { M_NB_COL_CRIMES, GOVUK_NUMERIC },
 *	};
 *	govuk_table_begin(h, GOVUK_CAPTION_S);
 *	html_msg_args(h, M_NB_CRIME_CAPTION, month, NULL);	(the caption)
 *	govuk_table_head(h, cols, 2);
 *	... rows: <tr class="govuk-table__row"> GOVUK_TH_ROW ... GOVUK_TD_NUM ...
 *	govuk_table_end(h);
 */
#ifndef ENGAGE_GOVUK_H
#define ENGAGE_GOVUK_H

#include <stddef.h>

#include "views/html.h"

#define GOVUK_TH_ROW "<th scope=\"row\" class=\"govuk-table__header\">"
#define GOVUK_TD "<td class=\"govuk-table__cell\">"
#define GOVUK_TD_NUM "<td class=\"govuk-table__cell govuk-table__cell--numeric\">"

enum govuk_col_flags {
	GOVUK_NUMERIC = 1,	/* right-aligned figures */
	GOVUK_WIDE_ONLY = 2,	/* hidden on a phone (engage-wide-only) */
};
struct govuk_col {
	enum msg_id label;
	unsigned flags;
};
enum govuk_caption {
	GOVUK_CAPTION_HIDDEN,	/* for screen readers only (a heading says it) */
	GOVUK_CAPTION_S,
	GOVUK_CAPTION_M,
};

/* <table> and the start of its caption: the caller writes the caption's
 * text, then govuk_table_head() closes it, writes the header row and opens
 * <tbody>. */
void govuk_table_begin(struct html *h, enum govuk_caption style);
void govuk_table_head(struct html *h, const struct govuk_col *cols, size_t ncols);
void govuk_table_end(struct html *h);

/* One field's problem, for the error summary and the field itself. */
struct govuk_error {
	const char *field_id;	/* the input the summary links to */
	enum msg_id message;
};
/* The error summary at the top of a form page; nothing when n is 0. */
void govuk_error_summary(struct html *h, const struct govuk_error *errors, size_t n);
/* The same with one more line, `detail` (plain text, may be NULL), when a
 * service refused in its own words rather than one field's: it is shown
 * inside `wrapper` (a message with {1}, "It was not saved: {1}"). */
void govuk_error_summary_detail(struct html *h, const struct govuk_error *errors, size_t n,
				enum msg_id wrapper, const char *detail);
/* The same where message i's {1} is filled from args[i] (escaped; args
 * or args[i] NULL for a message without one), as in "Row {1}: ...". */
void govuk_error_summary_args(struct html *h, const struct govuk_error *errors,
			      const char *const *args, size_t n);
/* One error's message, {1} filled from `arg` when not NULL. */
void govuk_error_text(struct html *h, const struct govuk_error *error, const char *arg);
/* The message for `field_id` among `errors`, or NULL. */
const struct govuk_error *govuk_error_for(const struct govuk_error *errors, size_t n,
					 const char *field_id);

/* A text input in its form group: label, optional hint, the error when
 * there is one, and the value typed before. */
struct govuk_input {
	const char *id;			/* also the name */
	enum msg_id label;
	enum msg_id hint;		/* used when has_hint */
	int has_hint;
	const char *type;		/* "text", "password", "email", "tel", "number" */
	const char *autocomplete;	/* "off", "username", "email", ... */
	const char *value;		/* may be NULL */
	const char *extra_class;	/* "govuk-input--width-10", or NULL */
	const char *inputmode;		/* "numeric" for counts, or NULL */
};
void govuk_input_field(struct html *h, const struct govuk_input *in,
		       const struct govuk_error *error);

/* A textarea in its form group, from the same description (type,
 * autocomplete and inputmode unused); `rows` high. */
void govuk_textarea_field(struct html *h, const struct govuk_input *in, int rows,
			  const struct govuk_error *error);

/* Radios in a fieldset whose legend is `legend`; the items' labels are
 * plain text (vocabulary labels in the page's language). */
struct govuk_radio {
	const char *value;
	const char *label;
};
struct govuk_radios {
	const char *name;		/* the first radio's id is the name */
	enum msg_id legend;
	enum msg_id hint;		/* used when has_hint */
	int has_hint;
	const struct govuk_radio *items;
	size_t n;
	const char *checked;		/* the value chosen before, or NULL */
	int inline_;			/* side by side (two or three short items) */
};
void govuk_radios_field(struct html *h, const struct govuk_radios *r,
			const struct govuk_error *error);

/* <input type="hidden">. */
void govuk_hidden(struct html *h, const char *name, const char *value);

#endif
