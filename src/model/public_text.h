/*
 * public_text.h - a guard for text Engage publishes ("you said, we did",
 * a priority's public wording): it must not carry personal data.
 *
 * Pure rules, no I/O.  The check finds the two kinds of personal data that
 * can be told from the text alone and turn up most often by mistake: an
 * email address, and a UK telephone number (0 followed by 9 or 10 more
 * digits, or +44 / 0044 followed by 9 or 10, with spaces, dashes, dots or
 * brackets between the digits).  Names and addresses cannot be told from
 * ordinary words, so staff are still asked not to write them; the check
 * catches what a machine can.  Short numbers (101, 999, 111) and dates pass.
 * engage/pii.h builds the whole check on public text on this, adding vehicle
 * registrations, addresses and the names held in Engage's records.
 */
#ifndef ENGAGE_MODEL_PUBLIC_TEXT_H
#define ENGAGE_MODEL_PUBLIC_TEXT_H

#include <stddef.h>

enum public_text_problem {
	PUBLIC_TEXT_OK,
	PUBLIC_TEXT_EMAIL,	/* something@somewhere.tld */
	PUBLIC_TEXT_PHONE,	/* a UK telephone number */
};

/* The first problem in `text` (NULL is fine), and in *at (may be NULL) the
 * byte offset where it starts.  Never quote what was found back in an error
 * message: it is personal data, and error messages may be logged. */
enum public_text_problem public_text_check(const char *text, size_t *at);
/* The first problem at or after byte `from`, with where it starts and how
 * many bytes it runs; PUBLIC_TEXT_OK (at and len untouched) when none. */
enum public_text_problem public_text_next(const char *text, size_t from, size_t *at,
					  size_t *len);
/* "an email address" / "a telephone number", for error messages. */
const char *public_text_problem_name(enum public_text_problem p);

#endif
