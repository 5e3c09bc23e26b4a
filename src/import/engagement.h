/*
 * engagement.h - the engagement history files (DIR/engagement/NAME.csv, laid
 * out in docs/engagement-files.md) read into memory, checked cell by cell.
 *
 * This layer only reads: it checks each file's header, that required
 * cells are present, and that instants, dates, counts, coordinates and
 * yes/no cells are well formed, with errors like
 *	concerns.csv: line 12: column "raised": "2026-13-01T10:00" is not a
 *	London date and time (YYYY-MM-DDTHH:MM)
 * Whether a slug, a key or a rule holds is the engagement services' call:
 * the replay (engage/history.h) runs each row through them and puts the
 * file and line in front of their message.
 *
 * Ownership: engagement_files_read() fills `out`; the caller frees it with
 * engagement_files_release(), also after a failure.  Cells are copied
 * strings, "" when empty.
 */
#ifndef ENGAGE_IMPORT_ENGAGEMENT_H
#define ENGAGE_IMPORT_ENGAGEMENT_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

enum engagement_file { EF_ACTIVITIES, EF_CONCERNS, EF_PRIORITIES, EF_ACTIONS, EF_FEEDBACK, EF_COUNT };

/* Columns of each file, in order (the header must be exactly these). */
enum { EA_KEY, EA_FORCE, EA_NBHD, EA_KIND, EA_MODE, EA_TITLE, EA_STARTS, EA_ENDS, EA_VENUE,
       EA_ADDRESS, EA_LAT, EA_LNG, EA_ACCESSIBILITY, EA_ONLINE_LINK, EA_ADJUSTMENTS,
       EA_ATTENDANCE, EA_DEMOGRAPHICS, EA_NOTES, EA_NCOLS };
enum { EC_REFERENCE, EC_FORCE, EC_NBHD, EC_RAISED, EC_CHANNEL, EC_CATEGORY, EC_LANGUAGE, EC_TEXT,
       EC_LOCATION, EC_LAT, EC_LNG, EC_ACTIVITY, EC_ANONYMOUS, EC_NAME, EC_EMAIL, EC_PHONE,
       EC_CONSENT, EC_NCOLS };
enum { EP_KEY, EP_FORCE, EP_NBHD, EP_CATEGORY, EP_TITLE, EP_PUBLIC_TEXT, EP_EVIDENCE_KIND,
       EP_EVIDENCE, EP_MEETING, EP_VOTES_FOR, EP_VOTES_AGAINST, EP_ABSTENTIONS, EP_REVIEW_DATE,
       EP_STATUS, EP_NCOLS };
enum { EX_KEY, EX_PRIORITY, EX_OWNER_KIND, EX_OWNER, EX_PARTNER_ORG, EX_DESCRIPTION, EX_CREATED,
       EX_DUE_DATE, EX_STATUS, EX_RESULT, EX_NCOLS };
enum { EB_SUBJECT_KIND, EB_SUBJECT, EB_GIVEN, EB_OUTCOME, EB_REASON, EB_PUBLIC_TEXT,
       EB_INTERNAL_NOTE, EB_GIVEN_BY, EB_NCOLS };

struct engagement_row {
	long line;		/* where it starts in its file */
	char **cell;		/* one per column */
};

struct engagement_table {
	const char *file;	/* "concerns.csv" */
	size_t ncols;
	struct engagement_row *rows;
	size_t nrows;
};

struct engagement_files {
	struct engagement_table t[EF_COUNT];
};

/* The file name of each kind ("activities.csv", ...). */
const char *engagement_file_name(enum engagement_file f);

/* Read DIR/activities.csv ... DIR/feedback.csv (all five must exist). */
int engagement_files_read(const char *dir, struct engagement_files *out, struct err *e);
void engagement_files_release(struct engagement_files *f);

/* Cell helpers for the replay; the reader has checked the shapes, so these
 * only fail on an empty optional cell. */
/* A London wall time "YYYY-MM-DDTHH:MM" as UTC seconds, 0 when empty. */
int64_t engagement_when(const char *cell);
/* "yes" -> 1, anything else 0. */
int engagement_yes(const char *cell);
/* A count, or `empty` when the cell is empty. */
long engagement_count(const char *cell, long empty);

#endif
