/*
 * activity.c - recording engagement activities (see activity.h).
 */
#include "engage/activity.h"
#include "engage/pii.h"

#include "base/timeutil.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <string.h>

static int check(struct store *s, const struct activity_input *in, int *mode, struct err *e)
{
	int rc;

	if ((rc = eng_require_neighbourhood(s, in->force_id, in->neighbourhood_id, e)) < 0 ||
	    (rc = eng_require_slug(activity_kinds, ACT_KIND_COUNT, "kind", in->kind, e)) < 0 ||
	    (rc = eng_require_text("title", in->title, 200, e)) < 0 ||
	    (rc = eng_optional_text("venue", in->venue, 200, e)) < 0 ||
	    (rc = eng_optional_text("address", in->address, 400, e)) < 0 ||
	    (rc = eng_optional_text("accessibility", in->accessibility, 1000, e)) < 0 ||
	    (rc = eng_optional_text("online link", in->online_url, 500, e)) < 0 ||
	    (rc = eng_optional_text("notes", in->public_notes, 4000, e)) < 0)
		return rc;
	*mode = in->mode ? eng_require_slug(activity_modes, MODE_COUNT, "mode", in->mode, e) : MODE_IN_PERSON;
	if (*mode < 0)
		return *mode;
	if (!in->starts_at)
		return err_set(e, ERR_INVALID, "starts: when it starts is required");
	if (in->ends_at && in->ends_at < in->starts_at)
		return err_set(e, ERR_INVALID, "ends: it cannot end before it starts");
	if (*mode != MODE_ONLINE && !(in->venue && *in->venue))
		return err_set(e, ERR_INVALID, "venue: an in-person activity needs a venue");
	if (in->online_url && strpbrk(in->online_url, " \t\r\n\"<>"))
		return err_set(e, ERR_INVALID, "online link: a web address has no spaces, quotes or line breaks");
	if (*mode != MODE_IN_PERSON &&
	    !(in->online_url && (!strncmp(in->online_url, "https://", 8) || !strncmp(in->online_url, "http://", 7))))
		return err_set(e, ERR_INVALID, "online link: an online or hybrid activity needs an http(s) link");
	if (in->attendance < -1 || in->attendance > 100000)
		return err_set(e, ERR_INVALID, "attendance: %d is not a head count", in->attendance);
	if (in->ndemographics < 0 || in->ndemographics > ACTIVITY_MAX_DEMOGRAPHICS)
		return err_set(e, ERR_INVALID, "demographics: at most %d rows", ACTIVITY_MAX_DEMOGRAPHICS);
	for (int i = 0; i < in->ndemographics; i++) {
		const char *why;

		if (demographic_valid(in->demographics[i].measure, in->demographics[i].category, &why) < 0)
			return err_set(e, ERR_INVALID, "demographics: \"%s\" \"%s\": %s",
				       in->demographics[i].measure ? in->demographics[i].measure : "",
				       in->demographics[i].category ? in->demographics[i].category : "", why);
		if (in->demographics[i].count < 0)
			return err_set(e, ERR_INVALID, "demographics: a count cannot be negative");
		if (in->attendance >= 0 && in->demographics[i].count > in->attendance)
			return err_set(e, ERR_INVALID,
				       "demographics: %d people said %s %s, but only %d attended",
				       in->demographics[i].count, in->demographics[i].measure,
				       in->demographics[i].category, in->attendance);
	}
	return 0;
}

int activity_add(struct store *s, const struct activity_input *in, int64_t *id, struct err *e)
{
	return activity_add_at(s, in, time_now(), id, e);
}

int activity_add_at(struct store *s, const struct activity_input *in, int64_t at, int64_t *id,
		    struct err *e)
{
	struct store_value v[ACTIVITY_NCOLS];
	struct pii_gate gate = { in->created_by, in->publish_anyway, in->force_id,
				 in->neighbourhood_id, "" };
	int mode, rc;

	/* the title and notes of an activity are public (police.uk events) */
	if ((rc = check(s, in, &mode, e)) < 0 ||
	    (rc = pii_gate_check(s, &gate, "title", in->title, e)) < 0 ||
	    (rc = pii_gate_check(s, &gate, "notes", in->public_notes, e)) < 0)
		return rc;
	v[ACTIVITY_FORCE_ID] = SV_TEXT(in->force_id);
	v[ACTIVITY_NEIGHBOURHOOD_ID] = SV_TEXT(in->neighbourhood_id);
	v[ACTIVITY_KIND] = SV_TEXT(in->kind);
	v[ACTIVITY_MODE] = SV_TEXT(activity_modes[mode].slug);
	v[ACTIVITY_TITLE] = SV_TEXT(in->title);
	v[ACTIVITY_STARTS_AT] = SV_INT(in->starts_at);
	v[ACTIVITY_ENDS_AT] = in->ends_at ? SV_INT(in->ends_at) : SV_NULL;
	v[ACTIVITY_VENUE] = SV_TEXT(in->venue && *in->venue ? in->venue : NULL);
	v[ACTIVITY_ADDRESS] = SV_TEXT(in->address && *in->address ? in->address : NULL);
	v[ACTIVITY_LAT] = in->has_location ? SV_REAL(in->lat) : SV_NULL;
	v[ACTIVITY_LNG] = in->has_location ? SV_REAL(in->lng) : SV_NULL;
	v[ACTIVITY_ACCESSIBILITY] = SV_TEXT(in->accessibility && *in->accessibility ? in->accessibility : NULL);
	v[ACTIVITY_ONLINE_URL] = SV_TEXT(in->online_url && *in->online_url ? in->online_url : NULL);
	v[ACTIVITY_ADJUSTMENTS] = SV_INT(in->adjustments);
	v[ACTIVITY_ATTENDANCE] = in->attendance >= 0 ? SV_INT(in->attendance) : SV_NULL;
	v[ACTIVITY_PUBLIC_NOTES] = SV_TEXT(in->public_notes && *in->public_notes ? in->public_notes : NULL);
	v[ACTIVITY_PLAN_ENTRY_ID] = in->plan_entry_id ? SV_INT(in->plan_entry_id) : SV_NULL;
	v[ACTIVITY_CREATED_AT] = SV_INT(at);
	v[ACTIVITY_CREATED_BY] = SV_TEXT(in->created_by ? in->created_by : "unknown");
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_insert(s, &store_activities, v, id, e)) < 0 ||
	    (rc = pii_gate_audit(s, &gate, "activity", *id, e)) < 0)
		goto fail;
	for (int i = 0; i < in->ndemographics; i++) {
		struct store_value d[ACTDEM_NCOLS] = {
			[ACTDEM_ACTIVITY_ID] = SV_INT(*id),
			[ACTDEM_MEASURE] = SV_TEXT(in->demographics[i].measure),
			[ACTDEM_CATEGORY] = SV_TEXT(in->demographics[i].category),
			[ACTDEM_COUNT] = SV_INT(in->demographics[i].count),
		};
		if ((rc = store_row_insert(s, &store_activity_demographics, d, NULL, e)) < 0)
			goto fail;
	}
	if ((rc = store_commit(s, e)) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return rc;
}
