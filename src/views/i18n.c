/*
 * i18n.c - the message catalogue and language choice (see i18n.h).
 */
#include "views/i18n.h"

#include "base/strbuf.h"
#include "model/police.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const catalogue[MSG_COUNT][LANG_COUNT] = {
#define MSG(id, en, cy) [id] = { en, cy },
#include "views/messages.def"
#undef MSG
};

const char *msg_text(enum lang lang, enum msg_id id)
{
	if ((unsigned)id >= MSG_COUNT)
		return "";
	if ((unsigned)lang >= LANG_COUNT)
		lang = LANG_EN;
	return catalogue[id][lang];
}

const char *lang_code(enum lang lang)
{
	return lang == LANG_CY ? "cy" : "en";
}

enum lang lang_from_code(const char *code, enum lang fallback)
{
	if (!code)
		return fallback;
	if (!strncasecmp(code, "cy", 2) && (!code[2] || code[2] == '-' || code[2] == '_'))
		return LANG_CY;
	if (!strncasecmp(code, "en", 2) && (!code[2] || code[2] == '-' || code[2] == '_'))
		return LANG_EN;
	return fallback;
}

/* One Accept-Language entry: "cy-GB;q=0.8".  Returns its q in thousandths
 * (0 to 1000) and its language, or -1 for one that is neither. */
static int accept_entry(const char *s, size_t n, enum lang *lang)
{
	char tag[16];
	size_t t = 0;
	const char *q;
	int qv = 1000;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (t < n && t < sizeof(tag) - 1 && s[t] != ';' && s[t] != ' ')
		tag[t] = s[t], t++;
	tag[t] = '\0';
	if (lang_from_code(tag, LANG_COUNT) == LANG_COUNT)
		return -1;
	*lang = lang_from_code(tag, LANG_EN);
	q = memchr(s, ';', n);
	if (q) {
		const char *v = q + 1, *end = s + n;

		while (v < end && *v == ' ')
			v++;
		if (end - v >= 2 && v[0] == 'q' && v[1] == '=') {
			char num[8] = "";
			size_t k = 0;

			for (v += 2; v < end && k < sizeof(num) - 1 && (*v == '.' || (*v >= '0' && *v <= '9')); v++)
				num[k++] = *v;
			qv = (int)(strtod(num, NULL) * 1000.0 + 0.5);
			if (qv < 0 || qv > 1000)
				qv = 0;
		}
	}
	return qv;
}

enum lang lang_from_accept(const char *accept_language, enum lang fallback)
{
	enum lang best = fallback;
	int best_q = 0;
	const char *s = accept_language;

	while (s && *s) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		enum lang l;
		int q = accept_entry(s, n, &l);

		if (q > best_q) {
			best_q = q;
			best = l;
		}
		s = comma ? comma + 1 : NULL;
	}
	return best;
}

void month_words(enum lang lang, const char *yyyy_mm, char out[32])
{
	static const enum msg_id names[12] = {
		M_MONTH_1, M_MONTH_2, M_MONTH_3, M_MONTH_4, M_MONTH_5, M_MONTH_6,
		M_MONTH_7, M_MONTH_8, M_MONTH_9, M_MONTH_10, M_MONTH_11, M_MONTH_12,
	};
	int year, month;
	char tail;

	if (!yyyy_mm || sscanf(yyyy_mm, "%4d-%2d%c", &year, &month, &tail) != 2 || month < 1 ||
	    month > 12) {
		snprintf(out, 32, "%s", yyyy_mm ? yyyy_mm : "");
		return;
	}
	snprintf(out, 32, "%s %04d", msg_text(lang, names[month - 1]), year);
}

void date_words(enum lang lang, const char *yyyy_mm_dd, char out[48])
{
	char month[32], ym[8];
	int day;

	if (!yyyy_mm_dd || strlen(yyyy_mm_dd) != 10 || sscanf(yyyy_mm_dd + 8, "%2d", &day) != 1) {
		snprintf(out, 48, "%s", yyyy_mm_dd ? yyyy_mm_dd : "");
		return;
	}
	snprintf(ym, sizeof(ym), "%.7s", yyyy_mm_dd);
	month_words(lang, ym, month);
	snprintf(out, 48, "%d %s", day, month);
}

enum msg_id msg_crime_category(int cat)
{
	static const enum msg_id names[CAT_COUNT] = {
		[CAT_ASB] = M_CAT_ASB,
		[CAT_BICYCLE_THEFT] = M_CAT_BICYCLE_THEFT,
		[CAT_BURGLARY] = M_CAT_BURGLARY,
		[CAT_CRIMINAL_DAMAGE_ARSON] = M_CAT_CRIMINAL_DAMAGE_ARSON,
		[CAT_DRUGS] = M_CAT_DRUGS,
		[CAT_OTHER_THEFT] = M_CAT_OTHER_THEFT,
		[CAT_POSSESSION_OF_WEAPONS] = M_CAT_POSSESSION_OF_WEAPONS,
		[CAT_PUBLIC_ORDER] = M_CAT_PUBLIC_ORDER,
		[CAT_ROBBERY] = M_CAT_ROBBERY,
		[CAT_SHOPLIFTING] = M_CAT_SHOPLIFTING,
		[CAT_THEFT_FROM_THE_PERSON] = M_CAT_THEFT_FROM_THE_PERSON,
		[CAT_VEHICLE_CRIME] = M_CAT_VEHICLE_CRIME,
		[CAT_VIOLENT_CRIME] = M_CAT_VIOLENT_CRIME,
		[CAT_OTHER_CRIME] = M_CAT_OTHER_CRIME,
	};

	return cat >= 0 && cat < CAT_COUNT ? names[cat] : M_CAT_OTHER_CRIME;
}

void msg_fill(enum lang lang, enum msg_id id, const char *const *args, size_t nargs,
	      struct strbuf *out)
{
	for (const char *t = msg_text(lang, id); *t; t++) {
		size_t k = (size_t)(t[1] - '1');

		if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}') {
			if (k < nargs && args[k])
				strbuf_addstr(out, args[k]);
			t += 2;
		} else {
			strbuf_addch(out, *t);
		}
	}
}
