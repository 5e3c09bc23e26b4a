/*
 * calendar.h - a neighbourhood's meetings as iCalendar (RFC 5545): the feed
 * a calendar subscribes to, and one meeting for an "add to calendar" link.
 *
 * Only activities residents can come to are written (nb_activity_public):
 * title, start and end in UTC, place, accessibility and the online link,
 * each escaped and folded by base/ical.h.  UIDs are stable
 * ("activity-42.glanmor@engage"), so a calendar updates a meeting that
 * moves rather than adding it twice.  Nothing personal is written.
 */
#ifndef ENGAGE_CALENDAR_H
#define ENGAGE_CALENDAR_H

#include <stdint.h>

#include "base/strbuf.h"
#include "engage/record.h"
#include "index/readmodel.h"
#include "views/i18n.h"

/* Appends a VCALENDAR with the public activities of `rec` (a record of
 * neighbourhood `n`), or only activity `only_id` when it is not 0.
 * `now` is the DTSTAMP.  Returns how many events it wrote. */
int calendar_render(const struct readmodel *rm, size_t n, const struct record *rec,
		    int64_t only_id, int64_t now, enum lang lang, struct strbuf *out);

#endif
