/*
 * engage_api_body.c - reading JSON request bodies for the engagement API
 * with jansson.  Kept apart from the answers (engage_api.c), which are
 * written with base/json.h, whose names overlap jansson's.
 */
#include "api/engage_api-internal.h"
#include "api/engage_staff_api.h"
#include "base/timeutil.h"
#include "engage/place.h"

#include "base/xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* A string member, or NULL; ERR_INVALID when present but not a string. */
static int get_string(json_t *obj, const char *name, const char *field, const char **out,
		      struct err *e)
{
	json_t *v = json_object_get(obj, name);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, "%s: should be text", field);
	*out = json_string_value(v);
	return 0;
}

static int get_bool(json_t *obj, const char *name, const char *field, int *out, struct err *e)
{
	json_t *v = json_object_get(obj, name);

	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return err_set(e, ERR_INVALID, "%s: should be true or false", field);
	*out = json_is_true(v);
	return 0;
}

static int read_location(json_t *root, struct concern_input *in, struct err *e)
{
	json_t *loc = json_object_get(root, "location"), *lat, *lng;
	int rc;

	if (!loc || json_is_null(loc))
		return 0;
	if (!json_is_object(loc))
		return err_set(e, ERR_INVALID, "location: should be an object");
	if ((rc = get_string(loc, "description", "location.description", &in->location_text, e)) < 0)
		return rc;
	lat = json_object_get(loc, "latitude");
	lng = json_object_get(loc, "longitude");
	if (!lat && !lng)
		return 0;
	if (!json_is_number(lat) || !json_is_number(lng))
		return err_set(e, ERR_INVALID, "location: latitude and longitude should both be numbers");
	in->has_location = 1;
	in->lat = json_number_value(lat);
	in->lng = json_number_value(lng);
	return 0;
}

static int read_contact(json_t *root, struct concern_input *in, struct err *e)
{
	json_t *c = json_object_get(root, "contact");
	int rc;

	if ((rc = get_bool(root, "anonymous", "anonymous", &in->anonymous, e)) < 0)
		return rc;
	if (!c || json_is_null(c)) {
		in->anonymous = 1;
		return 0;
	}
	if (!json_is_object(c))
		return err_set(e, ERR_INVALID, "contact: should be an object");
	if (in->anonymous)
		return err_set(e, ERR_INVALID, "contact: an anonymous concern has no contact details");
	if ((rc = get_string(c, "name", "contact.name", &in->name, e)) < 0 ||
	    (rc = get_string(c, "email", "contact.email", &in->email, e)) < 0 ||
	    (rc = get_string(c, "phone", "contact.phone", &in->phone, e)) < 0 ||
	    (rc = get_bool(c, "consent", "contact.consent", &in->consent_contact, e)) < 0)
		return rc;
	return 0;
}

/* "demographics": {"age_band":"65+","sex":"female"}: what the raiser chose to say. */
static int read_demographics(json_t *root, struct concern_input *in, struct err *e)
{
	json_t *d = json_object_get(root, "demographics"), *v;
	const char *key;

	if (!d || json_is_null(d))
		return 0;
	if (!json_is_object(d))
		return err_set(e, ERR_INVALID, "demographics: should be an object");
	json_object_foreach(d, key, v) {
		if (!json_is_string(v))
			return err_set(e, ERR_INVALID, "demographics.%s: should be text", key);
		if (in->ndemographics == CONCERN_MAX_DEMOGRAPHICS)
			return err_set(e, ERR_INVALID, "demographics: at most %d", CONCERN_MAX_DEMOGRAPHICS);
		in->demographics[in->ndemographics].measure = key;
		in->demographics[in->ndemographics++].category = json_string_value(v);
	}
	return 0;
}

int api_parse_concern(const char *body, size_t len, struct concern_input *in, void **hold,
		      struct err *e)
{
	json_error_t jerr;
	json_t *root = json_loadb(body ? body : "", len, JSON_REJECT_DUPLICATES, &jerr);
	int rc;

	memset(in, 0, sizeof(*in));
	in->channel = "online-form";	/* the public cannot claim another channel */
	in->created_by = "online form";
	*hold = root;
	if (!root)
		return err_set(e, ERR_INVALID, "body: not JSON (%s at line %d, column %d)", jerr.text,
			       jerr.line, jerr.column);
	if (!json_is_object(root))
		return err_set(e, ERR_INVALID, "body: should be a JSON object");
	if ((rc = get_string(root, "force", "force", &in->force_id, e)) < 0 ||
	    (rc = get_string(root, "neighbourhood", "neighbourhood", &in->neighbourhood_id, e)) < 0 ||
	    (rc = get_string(root, "text", "text", &in->body, e)) < 0 ||
	    (rc = get_string(root, "category", "category", &in->category, e)) < 0 ||
	    (rc = get_string(root, "language", "language", &in->language, e)) < 0 ||
	    (rc = read_location(root, in, e)) < 0 || (rc = read_contact(root, in, e)) < 0 ||
	    (rc = read_demographics(root, in, e)) < 0)
		return rc;
	return 0;
}

int api_parse_staff_concern(const char *body, size_t len, const char *actor,
			    struct concern_input *in, void **hold, struct err *e)
{
	const char *channel = NULL;
	int rc = api_parse_concern(body, len, in, hold, e);

	if (rc < 0 || (rc = get_string(*hold, "channel", "channel", &channel, e)) < 0)
		return rc;
	if (channel)
		in->channel = channel;
	in->created_by = actor;
	return 0;
}

void api_parse_release(void *hold)
{
	json_decref(hold);
}

struct api_body {
	json_t *root;
};

int api_body_parse(const char *body, size_t len, struct api_body **out, struct err *e)
{
	json_error_t jerr;
	json_t *root = json_loadb(body ? body : "", len, JSON_REJECT_DUPLICATES, &jerr);
	struct api_body *b;

	*out = NULL;
	if (!root)
		return err_set(e, ERR_INVALID, "body: not JSON (%s at line %d, column %d)", jerr.text,
			       jerr.line, jerr.column);
	if (!json_is_object(root)) {
		json_decref(root);
		return err_set(e, ERR_INVALID, "body: should be a JSON object");
	}
	b = xcalloc(1, sizeof(*b));
	if (!b) {
		json_decref(root);
		return err_set(e, ERR_NOMEM, "out of memory reading the body");
	}
	b->root = root;
	*out = b;
	return 0;
}

void api_body_free(struct api_body *b)
{
	if (!b)
		return;
	json_decref(b->root);
	xfree(b);
}

int api_body_str(struct api_body *b, const char *name, const char **out, struct err *e)
{
	return get_string(b->root, name, name, out, e);
}

int api_body_int(struct api_body *b, const char *name, int64_t *out, int *present,
		 struct err *e)
{
	json_t *v = json_object_get(b->root, name);

	*present = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v))
		return err_set(e, ERR_INVALID, "%s: should be a whole number", name);
	*out = json_integer_value(v);
	*present = 1;
	return 0;
}

int api_body_bool(struct api_body *b, const char *name, int *out, struct err *e)
{
	json_t *v = json_object_get(b->root, name);

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return err_set(e, ERR_INVALID, "%s: should be true or false", name);
	*out = json_is_true(v);
	return 0;
}

int api_body_time(struct api_body *b, const char *name, int64_t *t, struct err *e)
{
	const char *s = NULL;
	int rc = api_body_str(b, name, &s, e);

	*t = 0;
	if (rc < 0 || !s)
		return rc;
	if (time_parse_iso(s, strlen(s), t) < 0)
		return err_set(e, ERR_INVALID, "%s: \"%s\" is not a date and time (2026-11-20T19:00)", name, s);
	return 0;
}

int api_answer_id(struct strbuf *out, int64_t id)
{
	strbuf_addf(out, "{\"id\":%lld}", (long long)id);
	return 0;
}

int api_body_place(struct store *s, const char *body, size_t len, struct record_place *out,
		   struct err *e)
{
	const char *force = NULL, *nbhd = NULL;
	int64_t concern = 0, priority = 0;
	int has_concern = 0, has_priority = 0, rc;
	struct api_body *b;

	memset(out, 0, sizeof(*out));
	if ((rc = api_body_parse(body, len, &b, e)) < 0)
		return rc;
	if ((rc = api_body_str(b, "force", &force, e)) < 0 ||
	    (rc = api_body_str(b, "neighbourhood", &nbhd, e)) < 0 ||
	    (rc = api_body_int(b, "concern", &concern, &has_concern, e)) < 0 ||
	    (rc = api_body_int(b, "priority", &priority, &has_priority, e)) < 0)
		goto done;
	/* a record the body names decides where the request acts: a force and
	 * neighbourhood beside it must agree, or they could hide its place */
	if (has_concern || has_priority) {
		rc = record_place(s, has_concern ? "concern" : "priority",
				  has_concern ? concern : priority, out, e);
		if (rc == 0 && ((force && strcmp(force, out->force_id)) ||
				(nbhd && strcmp(nbhd, out->nbhd_id))))
			rc = err_set(e, ERR_INVALID, "neighbourhood: the %s named belongs to another "
				     "neighbourhood", has_concern ? "concern" : "priority");
	} else if (force && nbhd) {
		snprintf(out->force_id, sizeof(out->force_id), "%s", force);
		snprintf(out->nbhd_id, sizeof(out->nbhd_id), "%s", nbhd);
	} else {
		rc = err_set(e, ERR_INVALID, "neighbourhood: say which (\"force\" and \"neighbourhood\")");
	}
done:
	api_body_free(b);
	return rc;
}

int api_body_has(const char *body, size_t len, const char *name)
{
	json_t *root = body ? json_loadb(body, len, 0, NULL) : NULL;
	json_t *v = json_is_object(root) ? json_object_get(root, name) : NULL;
	int has = v && !json_is_null(v);

	json_decref(root);
	return has;
}
