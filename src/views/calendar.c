/*
 * calendar.c - meetings as iCalendar (see calendar.h).
 */
#include "views/calendar.h"

#include "base/ical.h"
#include "model/engagement.h"
#include "views/page_neighbourhood.h"

#include <stdio.h>
#include <string.h>

static void event(struct ical *ic, const struct readmodel *rm, size_t n,
		  const struct record_activity *a, int64_t now, enum lang lang)
{
	const char *force = rm->forces[rm->nbhds[n].force].id;
	struct strbuf v = STRBUF_INIT;
	char uid[160];

	snprintf(uid, sizeof(uid), "activity-%lld.%s@engage", (long long)a->id, force);
	ical_line(ic, "BEGIN", "VEVENT");
	ical_text(ic, "UID", uid);
	ical_time(ic, "DTSTAMP", now);
	ical_time(ic, "DTSTART", a->starts_at);
	if (a->ends_at > a->starts_at)
		ical_time(ic, "DTEND", a->ends_at);
	ical_text(ic, "SUMMARY", a->title);
	if (a->venue && a->address) {
		strbuf_addstr(&v, a->venue);
		strbuf_addstr(&v, ", ");
		strbuf_addstr(&v, a->address);
		ical_text(ic, "LOCATION", strbuf_str(&v));
	} else {
		ical_text(ic, "LOCATION", a->venue ? a->venue : a->address ? a->address : a->online_url);
	}
	strbuf_reset(&v);
	if (a->accessibility) {
		strbuf_addstr(&v, msg_text(lang, M_NB_MEETING_ACCESS));
		strbuf_addstr(&v, ": ");
		strbuf_addstr(&v, a->accessibility);
	}
	for (int k = 0; k < adjustment_count; k++)
		if (a->adjustments & (1 << k)) {
			strbuf_addstr(&v, v.len ? "\n" : "");
			strbuf_addstr(&v, lang == LANG_CY ? adjustments[k].cy : adjustments[k].en);
		}
	if (a->online_url) {
		strbuf_addstr(&v, v.len ? "\n" : "");
		strbuf_addstr(&v, msg_text(lang, M_NB_MEETING_JOIN));
		strbuf_addstr(&v, ": ");
		strbuf_addstr(&v, a->online_url);
		if (!strncmp(a->online_url, "https://", 8))
			ical_line(ic, "URL", a->online_url);
	}
	if (v.len)
		ical_text(ic, "DESCRIPTION", strbuf_str(&v));
	if (v.failed)
		ic->out->failed = v.failed;
	strbuf_release(&v);
	ical_line(ic, "END", "VEVENT");
}

int calendar_render(const struct readmodel *rm, size_t n, const struct record *rec,
		    int64_t only_id, int64_t now, enum lang lang, struct strbuf *out)
{
	struct ical ic;
	struct strbuf name = STRBUF_INIT;
	int count = 0;

	ical_init(&ic, out);
	ical_line(&ic, "BEGIN", "VCALENDAR");
	ical_line(&ic, "VERSION", "2.0");
	ical_line(&ic, "PRODID", "-//Engage//Neighbourhood meetings//EN");
	ical_line(&ic, "CALSCALE", "GREGORIAN");
	ical_line(&ic, "METHOD", "PUBLISH");
	msg_fill(lang, M_NB_CALENDAR_NAME, (const char *[]){ rm->nbhds[n].name }, 1, &name);
	ical_text(&ic, "X-WR-CALNAME", strbuf_str(&name));
	strbuf_release(&name);
	for (size_t i = rec->nactivities; i-- > 0;) {	/* oldest first */
		const struct record_activity *a = &rec->activities[i];

		if (!nb_activity_public(a) || (only_id && a->id != only_id))
			continue;
		event(&ic, rm, n, a, now, lang);
		count++;
	}
	ical_line(&ic, "END", "VCALENDAR");
	return count;
}
