/*
 * concern_form.c - checking the public concern form (see concern_form.h).
 */
#include "views/concern_form.h"

#include "base/xalloc.h"
#include "model/engagement.h"

#include <string.h>

const char *const concern_form_names[CF_COUNT] = {
	[CF_NEIGHBOURHOOD] = "neighbourhood", [CF_CATEGORY] = "category", [CF_TEXT] = "text",
	[CF_WHERE] = "where", [CF_CONTACT] = "contact", [CF_NAME] = "name", [CF_EMAIL] = "email",
	[CF_PHONE] = "phone", [CF_CONSENT] = "consent", [CF_AGE] = "age_band", [CF_SEX] = "sex",
	[CF_ETHNIC] = "ethnic_group",
};

/* What the consent covers, as staff read it beside the details. */
#define CF_CONSENT_PURPOSE "to contact them about this concern only: to ask about it and to tell them what happened"

void concern_form_init(struct concern_form *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < CF_COUNT; i++)
		f->error[i] = CF_NO_ERROR;
}

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int concern_form_set(struct concern_form *f, enum cf_field i, const char *value)
{
	const char *end;

	xfree(f->value[i]);
	f->value[i] = NULL;
	if (!value)
		return 0;
	while (space(*value))
		value++;
	end = value + strlen(value);
	while (end > value && space(end[-1]))
		end--;
	if (end == value)
		return 0;
	f->value[i] = xstrndup(value, (size_t)(end - value));
	return f->value[i] ? 0 : ERR_NOMEM;
}

void concern_form_release(struct concern_form *f)
{
	for (int i = 0; i < CF_COUNT; i++) {
		xfree(f->value[i]);
		f->value[i] = NULL;
	}
}

size_t concern_form_chars(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80 && !(s[0] == '\r' && s[1] == '\n'))
			n++;
	return n;
}

static void fail(struct concern_form *f, enum cf_field i, enum msg_id why)
{
	if (f->error[i] == CF_NO_ERROR)
		f->nerrors++;
	f->error[i] = why;
}

/* name@domain.tld: one @, something before it, a dot in the part after,
 * no spaces, short enough to store. */
static int email_ok(const char *s)
{
	const char *at = strchr(s, '@'), *dot;

	if (!at || at == s || strchr(at + 1, '@') || strlen(s) > 254 || strpbrk(s, " \t,;<>"))
		return 0;
	dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1];
}

/* Digits with the usual spaces, dashes, brackets and a leading +: 10 to
 * 15 digits (a UK number has 10 or 11, an international one at most 15). */
static int phone_ok(const char *s)
{
	int digits = 0;

	if (strlen(s) > 40)
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(*p == ' ' || *p == '-' || *p == '(' || *p == ')' || (*p == '+' && p == s)))
			return 0;
	}
	return digits >= 10 && digits <= 15;
}

static void check_neighbourhood(struct concern_form *f, const struct readmodel *rm)
{
	const char *v = f->value[CF_NEIGHBOURHOOD], *slash = v ? strchr(v, '/') : NULL;
	size_t flen = slash ? (size_t)(slash - v) : 0;

	f->force[0] = f->neighbourhood[0] = '\0';
	if (!slash || !flen || flen >= sizeof(f->force) || !slash[1] ||
	    strlen(slash + 1) >= sizeof(f->neighbourhood)) {
		fail(f, CF_NEIGHBOURHOOD, M_CF_ERR_NEIGHBOURHOOD);
		return;
	}
	memcpy(f->force, v, flen);
	f->force[flen] = '\0';
	memcpy(f->neighbourhood, slash + 1, strlen(slash + 1) + 1);
	if (rm && readmodel_neighbourhood(rm, f->force, f->neighbourhood) < 0)
		fail(f, CF_NEIGHBOURHOOD, M_CF_ERR_NEIGHBOURHOOD);
}

static void check_demographic(struct concern_form *f, enum cf_field i, const char *measure,
			      enum msg_id why)
{
	if (f->value[i] && demographic_valid(measure, f->value[i], NULL) < 0)
		fail(f, i, why);
}

static void check_contact(struct concern_form *f)
{
	const char *c = f->value[CF_CONTACT];
	const char *email = f->value[CF_EMAIL], *phone = f->value[CF_PHONE];

	if (!c || (strcmp(c, "anonymous") && strcmp(c, "contact"))) {
		fail(f, CF_CONTACT, M_CF_ERR_CONTACT);
		return;
	}
	if (!strcmp(c, "anonymous"))
		return;		/* whatever was typed in the hidden details is dropped */
	if (f->value[CF_NAME] && concern_form_chars(f->value[CF_NAME]) > CF_NAME_MAX)
		fail(f, CF_NAME, M_CF_ERR_NAME_LONG);
	if (!email && !phone)
		fail(f, CF_EMAIL, M_CF_ERR_REACH);
	if (email && !email_ok(email))
		fail(f, CF_EMAIL, M_CF_ERR_EMAIL);
	if (phone && !phone_ok(phone))
		fail(f, CF_PHONE, M_CF_ERR_PHONE);
	if (!f->value[CF_CONSENT] || strcmp(f->value[CF_CONSENT], "yes"))
		fail(f, CF_CONSENT, M_CF_ERR_CONSENT);
}

int concern_form_check(struct concern_form *f, const struct readmodel *rm)
{
	const char *cat = f->value[CF_CATEGORY];

	for (int i = 0; i < CF_COUNT; i++)
		f->error[i] = CF_NO_ERROR;
	f->nerrors = 0;
	check_neighbourhood(f, rm);
	if (!cat || (strcmp(cat, "unsure") &&
		     vocab_find(concern_categories, concern_category_count, cat) < 0))
		fail(f, CF_CATEGORY, M_CF_ERR_CATEGORY);
	if (!f->value[CF_TEXT])
		fail(f, CF_TEXT, M_CF_ERR_TEXT_MISSING);
	else if (concern_form_chars(f->value[CF_TEXT]) > CF_TEXT_MAX)
		fail(f, CF_TEXT, M_CF_ERR_TEXT_LONG);
	/* the store takes 200 bytes: 100 characters of Welsh fit */
	if (f->value[CF_WHERE] && (concern_form_chars(f->value[CF_WHERE]) > CF_WHERE_MAX ||
				   strlen(f->value[CF_WHERE]) > 200))
		fail(f, CF_WHERE, M_CF_ERR_WHERE_LONG);
	check_contact(f);
	check_demographic(f, CF_AGE, "age_band", M_CF_ERR_AGE);
	check_demographic(f, CF_SEX, "sex", M_CF_ERR_SEX);
	check_demographic(f, CF_ETHNIC, "ethnic_group", M_CF_ERR_ETHNIC);
	return f->nerrors;
}

void concern_form_input(const struct concern_form *f, enum lang lang, struct concern_input *in)
{
	static const struct { enum cf_field field; const char *measure; } dem[] = {
		{ CF_AGE, "age_band" }, { CF_SEX, "sex" }, { CF_ETHNIC, "ethnic_group" },
	};
	const char *cat = f->value[CF_CATEGORY];

	memset(in, 0, sizeof(*in));
	in->force_id = f->force;
	in->neighbourhood_id = f->neighbourhood;
	in->channel = "online-form";		/* the public cannot claim another */
	in->created_by = "online form";
	in->category = cat && strcmp(cat, "unsure") ? cat : NULL;	/* NULL: suggested */
	in->body = f->value[CF_TEXT];
	in->language = lang_code(lang);
	in->location_text = f->value[CF_WHERE];
	in->anonymous = !f->value[CF_CONTACT] || strcmp(f->value[CF_CONTACT], "contact");
	if (!in->anonymous) {
		in->name = f->value[CF_NAME];
		in->email = f->value[CF_EMAIL];
		in->phone = f->value[CF_PHONE];
		in->consent_contact = 1;
		in->consent_purpose = CF_CONSENT_PURPOSE;
	}
	for (size_t i = 0; i < sizeof(dem) / sizeof(dem[0]); i++) {
		if (!f->value[dem[i].field])
			continue;
		in->demographics[in->ndemographics].measure = dem[i].measure;
		in->demographics[in->ndemographics++].category = f->value[dem[i].field];
	}
}
