/*
 * page_yousaid.h - a neighbourhood's "you said, we did" as page sections,
 * from its published record (engage/record.h, no personal data): the
 * current priorities with their review dates, what was done about the ones
 * that ended, and the meetings to come.  The public neighbourhood page and
 * the printed meeting pack draw the same sections.
 */
#ifndef ENGAGE_PAGE_YOUSAID_H
#define ENGAGE_PAGE_YOUSAID_H

#include <stdint.h>

#include "engage/record.h"
#include "model/engagement.h"
#include "views/html.h"

/* A vocabulary label (model/engagement.h) in h's language; the slug when
 * unknown. */
const char *yousaid_label(const struct html *h, const struct vocab *table, int count,
			  const char *slug);
/* The Europe/London day of instant t in words ("14 October 2026"). */
void yousaid_day(enum lang lang, int64_t t, char out[48]);

/* <h2> "Priorities: you said, we did", the current priorities (when
 * `current`), then those resolved or closed with their published feedback,
 * newest first. */
void yousaid_section(struct html *h, const struct record *r, int current);
/* <h2> "Meetings to come" and a table of the activities from `now` on,
 * soonest first, at most `max`; a line saying none when there are none. */
void upcoming_section(struct html *h, const struct record *r, int64_t now, int max);

#endif
