/*
 * bulk.c - reading and checking a batch of postcards (see bulk.h).
 */
#include "web/bulk.h"

#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "base/timeutil.h"
#include "model/engagement.h"

#define WHERE_MAX 200

void bulk_error(struct bulk_batch *b, int row, const char *field, enum msg_id message)
{
	size_t i = b->nerrors;

	if (i == BULK_MAX_ERRORS)
		return;
	if (row)
		snprintf(b->ids[i], sizeof(b->ids[i]), "%s-%d", field, row);
	else
		snprintf(b->ids[i], sizeof(b->ids[i]), "%s", field);
	snprintf(b->rows[i], sizeof(b->rows[i]), "%d", row);
	b->errors[i] = (struct govuk_error){ b->ids[i], message };
	b->args[i] = row ? b->rows[i] : NULL;
	b->nerrors++;
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* The value of a row's field, or NULL when the form has no such field. */
static const char *cell(const struct web_form *f, int row, int field)
{
	char name[24];

	snprintf(name, sizeof(name), "%s-%d", postcard_fields[field], row);
	return web_form_get(f, name);
}

/* The batch's own fields: channel, language, activity. */
static void read_source(const struct web_form *f, const struct record_activity *acts,
			size_t nacts, struct concern_input *src, struct bulk_batch *b)
{
	const char *channel = web_form_get(f, "channel"), *language = web_form_get(f, "language");
	const char *activity = web_form_get(f, "activity");
	int64_t id;

	src->channel = NULL;
	for (int i = 0; channel && i < POSTCARD_CHANNELS; i++)
		if (!strcmp(channel, postcard_channels[i]))
			src->channel = postcard_channels[i];
	if (!src->channel)
		bulk_error(b, 0, "channel", M_PC_ERR_CHANNEL);
	if (!language || (strcmp(language, "en") && strcmp(language, "cy")))
		bulk_error(b, 0, "language", M_PC_ERR_LANGUAGE);
	else
		src->language = language;
	src->activity_id = 0;
	if (!activity || !*activity)
		return;
	if (parse_int64(activity, strlen(activity), &id) == 0)
		for (size_t i = 0; i < nacts; i++)
			if (acts[i].id == id) {
				src->activity_id = id;
				if (acts[i].starts_at <= time_now())
					src->raised_at = acts[i].starts_at;
			}
	if (!src->activity_id)
		bulk_error(b, 0, "activity", M_PC_ERR_ACTIVITY);
}

/* One row with something in it: checked, and added to b->in. */
static void read_row(const char *v[PC_FIELDS], int row, const struct concern_input *src,
		     struct bulk_batch *b)
{
	static const enum msg_id demog_errors[ENTRY_DEMOG_MEASURES] = {
		M_PC_ERR_AGE, M_PC_ERR_SEX, M_PC_ERR_ETHNIC,
	};
	struct concern_input *in = &b->in[b->n];
	size_t before = b->nerrors;

	*in = *src;
	in->ndemographics = 0;
	if (blank(v[PC_TEXT]))
		bulk_error(b, row, "text", M_PC_ERR_TEXT);
	else if (strlen(v[PC_TEXT]) > CONCERN_BODY_MAX)
		bulk_error(b, row, "text", M_PC_ERR_TEXT_LONG);
	in->body = v[PC_TEXT];
	in->category = NULL;
	if (*v[PC_CATEGORY] && vocab_find(concern_categories, concern_category_count, v[PC_CATEGORY]) < 0)
		bulk_error(b, row, "category", M_PC_ERR_CATEGORY);
	else if (*v[PC_CATEGORY])
		in->category = v[PC_CATEGORY];
	if (strlen(v[PC_WHERE]) > WHERE_MAX)
		bulk_error(b, row, "where", M_PC_ERR_WHERE);
	in->location_text = blank(v[PC_WHERE]) ? NULL : v[PC_WHERE];
	for (int m = 0; m < ENTRY_DEMOG_MEASURES; m++) {
		const char *value = v[PC_AGE + m];

		if (!*value)
			continue;
		if (demographic_valid(entry_demogs[m].measure, value, NULL) < 0) {
			bulk_error(b, row, postcard_fields[PC_AGE + m], demog_errors[m]);
			continue;
		}
		in->demographics[in->ndemographics].measure = entry_demogs[m].measure;
		in->demographics[in->ndemographics].category = value;
		in->ndemographics++;
	}
	if (b->nerrors == before && b->n < POSTCARD_MAX_ROWS)
		b->row_of[b->n++] = row;
}

size_t bulk_read(const struct web_form *f, const struct concern_input *base,
		 const struct record_activity *acts, size_t nacts, struct bulk_batch *b)
{
	struct concern_input src = *base;
	int filled = 0;

	b->n = 0;
	b->nerrors = 0;
	b->last_row = 0;
	read_source(f, acts, nacts, &src, b);
	for (int row = 1; row <= POSTCARD_MAX_ROWS + 1; row++) {
		const char *v[PC_FIELDS];
		int present = 0, typed = 0;

		for (int i = 0; i < PC_FIELDS; i++) {
			v[i] = cell(f, row, i);
			present |= v[i] != NULL;
			if (!v[i])
				v[i] = "";
			typed |= !blank(v[i]);
		}
		if (!present)
			break;
		if (!typed)
			continue;
		b->last_row = row;
		filled++;
		if (row > POSTCARD_MAX_ROWS) {
			bulk_error(b, 0, "text-1", M_PC_ERR_TOO_MANY);
			break;
		}
		read_row(v, row, &src, b);
	}
	if (!filled)
		bulk_error(b, 0, "text-1", M_PC_ERR_NONE);
	return b->nerrors;
}
