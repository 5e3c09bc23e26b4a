/*
 * page_staff_entry.h - the staff pages that get engagement into Engage,
 * for one neighbourhood: its staff page (what needs doing, and the way to
 * everything else), typing in a batch of postcards or questionnaires,
 * logging an activity, the profile with its assets and notes, and the
 * engagement plan.
 *
 * The form pages take what was typed through a getter (struct
 * entry_values), so a page shown again after an error keeps every value,
 * and a list of problems (govuk_error) each naming its field; a first
 * showing has neither.  Field names are the ids the error summary links to.
 */
#ifndef ENGAGE_PAGE_STAFF_ENTRY_H
#define ENGAGE_PAGE_STAFF_ENTRY_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "engage/plan.h"
#include "engage/profile.h"
#include "engage/record.h"
#include "views/govuk.h"
#include "views/layout.h"

/* The neighbourhood a page is about. */
struct entry_nbhd {
	const char *force_id, *id, *name;
};

/* What was typed: get(ctx, "name") is the field's value or NULL. */
struct entry_values {
	const char *(*get)(const void *ctx, const char *name);
	const void *ctx;
};
/* The value of `name` ("" when nothing was typed). */
const char *entry_value(const struct entry_values *v, const char *name);

/* The problems a form had: errors[i]'s message takes args[i] as its {1}
 * (a row number, a service's reason), or nothing when args or args[i] is
 * NULL. */
struct entry_errors {
	const struct govuk_error *e;
	const char *const *args;
	size_t n;
};

/* --- the demographics people may choose to give --------------------------
 * The census categories of model/engagement.h (demographic_valid), with
 * their words; a unit test checks the two lists agree. */
#define ENTRY_DEMOG_MAX 6
struct entry_demog {
	const char *measure;		/* "age_band", "sex", "ethnic_group" */
	const char *field;		/* the form's short name: "age", "sex", "ethnic" */
	enum msg_id legend;
	int n;
	struct { const char *slug; enum msg_id label; } cat[ENTRY_DEMOG_MAX];
};
#define ENTRY_DEMOG_MEASURES 3
extern const struct entry_demog entry_demogs[ENTRY_DEMOG_MEASURES];

/* --- the neighbourhood's staff page ---------------------------------------- */
struct staff_nbhd_page {
	struct entry_nbhd nb;
	const struct todo_item *todo;
	size_t ntodo;
	int64_t logged_activity;	/* just logged (a banner), or 0 */
};
void page_staff_nbhd(struct strbuf *out, const struct page_ctx *pc,
		     const struct staff_nbhd_page *p);

/* --- postcards and questionnaires, many at once ----------------------------- */
/* One row's fields, by their names in the form: "text-3", "category-3"... */
enum postcard_field { PC_TEXT, PC_CATEGORY, PC_WHERE, PC_AGE, PC_SEX, PC_ETHNIC, PC_FIELDS };
extern const char *const postcard_fields[PC_FIELDS];
/* Channels a batch can be: postcard, door-to-door, street, meeting. */
#define POSTCARD_CHANNELS 4
extern const char *const postcard_channels[POSTCARD_CHANNELS];
#define POSTCARD_ROWS_PER_SCREEN 10
#define POSTCARD_MAX_ROWS 100

struct postcards_page {
	struct entry_nbhd nb;
	const struct record_activity *activities;	/* to choose from, newest first */
	size_t nactivities;
	struct entry_values values;	/* channel, activity, language, rows */
	int nrows;			/* rows to show */
	struct entry_errors errors;
	const char (*saved)[REF_LEN + 1];	/* the references just made */
	size_t nsaved;
};
void page_postcards(struct strbuf *out, const struct page_ctx *pc, const struct postcards_page *p);

/* --- log an activity ---------------------------------------------------------- */
struct activity_page {
	struct entry_nbhd nb;
	struct entry_values values;
	struct entry_errors errors;
};
void page_activity_new(struct strbuf *out, const struct page_ctx *pc,
		       const struct activity_page *p);

/* --- profile and assets --------------------------------------------------------- */
struct profile_asset_row {
	const char *name, *type, *address;
	int group;			/* a community group (1) or a place (0) */
};
struct profile_page {
	struct entry_nbhd nb;
	const struct profile *profile;
	const struct profile_asset_row *assets;
	size_t nassets;
	const struct profile_note_view *notes;
	size_t nnotes;
	int added;			/* a note was just added (a banner) */
	struct entry_values values;	/* the note form */
	struct entry_errors errors;
};
void page_profile(struct strbuf *out, const struct page_ctx *pc, const struct profile_page *p);

/* --- the engagement plan ---------------------------------------------------------- */
struct plan_gap {
	const char *audience, *why;
};
struct plan_page {
	struct entry_nbhd nb;
	const struct plan_entry_view *entries;
	size_t nentries;
	const struct plan_gap *gaps;
	size_t ngaps;
	int added;
	struct entry_values values;
	struct entry_errors errors;
};
void page_plan(struct strbuf *out, const struct page_ctx *pc, const struct plan_page *p);

#endif
