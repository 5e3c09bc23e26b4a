/*
 * concern_form.h - the public "raise a concern" form: its fields, the
 * checks on what a resident typed, and the concern it becomes.
 *
 * The web layer copies each field's value out of the request (the names are
 * concern_form_names[]), concern_form_check() decides what to say beside
 * each field, and, when nothing is wrong, concern_form_input() fills the
 * struct concern_input that engage/concern.h records, as the JSON API does
 * (channel "online-form", the page's language).  Each error is a message
 * (messages.def) that names the field and says what to do; the numbers in
 * them are the limits below.  Nothing here logs or keeps what was typed.
 */
#ifndef ENGAGE_CONCERN_FORM_H
#define ENGAGE_CONCERN_FORM_H

#include "engage/concern.h"
#include "index/readmodel.h"
#include "views/i18n.h"

enum cf_field {
	CF_NEIGHBOURHOOD,	/* "force/id" */
	CF_CATEGORY,		/* a concern_categories[] slug, or "unsure" */
	CF_TEXT,
	CF_WHERE,
	CF_CONTACT,		/* "anonymous" or "contact" */
	CF_NAME,
	CF_EMAIL,
	CF_PHONE,
	CF_CONSENT,		/* "yes" when ticked */
	CF_AGE,			/* demographic_valid() categories, "" = not answered */
	CF_SEX,
	CF_ETHNIC,
	CF_COUNT
};

/* Limits in characters, as the messages state them. */
#define CF_TEXT_MAX 1000
#define CF_WHERE_MAX 100
#define CF_NAME_MAX 100
/* What the router lets through at most, in bytes, so that a long entry
 * still reaches the form's own friendly message. */
#define CF_TEXT_BYTES 16000
#define CF_FIELD_BYTES 1000

/* Form field names (the HTML name attributes), by enum cf_field. */
extern const char *const concern_form_names[CF_COUNT];

#define CF_NO_ERROR MSG_COUNT

struct concern_form {
	char *value[CF_COUNT];		/* trimmed copies; NULL when not sent or blank */
	enum msg_id error[CF_COUNT];	/* CF_NO_ERROR, or what to say beside the field */
	int nerrors;
	char force[65], neighbourhood[65];	/* from value[CF_NEIGHBOURHOOD] once checked */
};

void concern_form_init(struct concern_form *f);
/* Keep a copy of field i's value, trimmed of surrounding white space; NULL
 * or blank leaves it unset.  0, or ERR_NOMEM. */
int concern_form_set(struct concern_form *f, enum cf_field i, const char *value);
void concern_form_release(struct concern_form *f);

/* Check every field; fills f->error[] and returns f->nerrors.  The
 * neighbourhood must be one `rm` holds (any, when rm is NULL). */
int concern_form_check(struct concern_form *f, const struct readmodel *rm);

/* The concern a checked form (no errors) describes, written in `lang`.
 * Strings point into f, which must outlive `in`. */
void concern_form_input(const struct concern_form *f, enum lang lang, struct concern_input *in);

/* Characters in UTF-8 text, a CR LF pair counted once (as a browser's
 * character count does). */
size_t concern_form_chars(const char *s);

#endif
