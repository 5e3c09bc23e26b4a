/*
 * i18n.h - Engage's user-facing text in English and Welsh.
 *
 * Every string a person reads on a page comes from one catalogue,
 * messages.def, where each message carries both languages side by side:
 *
 *	MSG(M_SKIP_LINK, "Skip to main content", "Neidio i'r prif gynnwys")
 *
 * Views never hold literal prose; they write a message through
 * html_msg(h, M_...), which escapes it like any other text.  A message may
 * hold numbered placeholders, {1} {2} ..., filled by html_msgv() with
 * already-escaped HTML pieces, so each language keeps its own word order.
 * A unit test checks that every message has both languages and that their
 * placeholders agree.
 */
#ifndef ENGAGE_I18N_H
#define ENGAGE_I18N_H

#include <stddef.h>

enum lang {
	LANG_EN,
	LANG_CY,
	LANG_COUNT
};

enum msg_id {
#define MSG(id, en, cy) id,
#include "views/messages.def"
#undef MSG
	MSG_COUNT
};

/* The text of message `id` in `lang` (never NULL). */
const char *msg_text(enum lang lang, enum msg_id id);
/* "en" or "cy": for lang attributes, cookies and links. */
const char *lang_code(enum lang lang);
/* The language a code names ("cy", "cy-GB", "CY" -> LANG_CY); `fallback`
 * for NULL or anything else. */
enum lang lang_from_code(const char *code, enum lang fallback);
/* The language an Accept-Language header prefers between English and
 * Welsh (by q value, first listed wins a tie); `fallback` when it names
 * neither. */
enum lang lang_from_accept(const char *accept_language, enum lang fallback);
/* A month "2025-07" as words, "July 2025" / "Gorffennaf 2025"; writes at
 * most 32 bytes.  An unreadable month is copied as it is. */
void month_words(enum lang lang, const char *yyyy_mm, char out[32]);
/* A day "2026-10-14" as words, "14 October 2026" / "14 Hydref 2026";
 * writes at most 48 bytes.  An unreadable day is copied as it is. */
void date_words(enum lang lang, const char *yyyy_mm_dd, char out[48]);
/* Message `id` as plain text with {1}..{n} filled by args (not escaped:
 * for formats that escape at their own sink, such as iCalendar). */
struct strbuf;
void msg_fill(enum lang lang, enum msg_id id, const char *const *args, size_t nargs,
	      struct strbuf *out);
/* The message naming police.uk crime category `cat` (enum crime_category). */
enum msg_id msg_crime_category(int cat);

#endif
