/*
 * public_text.c - finding email addresses and UK telephone numbers in text
 * meant for the public (see public_text.h).
 */
#include "model/public_text.h"

#include <string.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_local(char c)
{
	return is_alnum(c) || (c && strchr("._%+-'", c));
}

/* Whether the '@' at s[i] sits inside an address: a local part before it
 * and a domain after it with a dot and a top-level label of 2+ letters. */
static int email_at(const char *s, size_t i, size_t *start, size_t *stop)
{
	size_t b = i, end = i + 1, dot = 0;

	while (b > 0 && is_local(s[b - 1]))
		b--;
	if (b == i)
		return 0;
	while (is_alnum(s[end]) || s[end] == '-' || s[end] == '.')
		end++;
	while (end > i + 1 && s[end - 1] == '.')	/* the sentence's full stop */
		end--;
	for (size_t k = i + 1; k < end; k++)
		if (s[k] == '.')
			dot = k;
	if (!dot || dot == i + 1 || end - dot - 1 < 2)
		return 0;
	*start = b;
	*stop = end;
	return 1;
}

static int is_separator(char c)
{
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

/* Whether a telephone number starts at s[i]: its digits, with single
 * separators between them, make a UK number; *stop is where it ends. */
static int phone_at(const char *s, size_t i, size_t *stop)
{
	char digits[16];
	size_t nd = 0, k = i;
	int plus = s[k] == '+';

	if (plus)
		k++;
	if (!is_digit(s[k]))
		return 0;
	while (nd < sizeof(digits)) {
		if (is_digit(s[k])) {
			digits[nd++] = s[k++];
		} else if (is_separator(s[k]) && (is_digit(s[k + 1]) || (is_separator(s[k + 1]) &&
								       is_digit(s[k + 2])))) {
			k += is_separator(s[k + 1]) ? 2 : 1;
		} else {
			break;
		}
	}
	if (nd == sizeof(digits) || is_digit(s[k]))
		return 0;	/* a longer figure: not a telephone number */
	*stop = k;
	if (plus || (nd > 2 && digits[0] == '0' && digits[1] == '0')) {
		size_t skip = plus ? 2 : 4;
		if (nd < skip || digits[skip - 2] != '4' || digits[skip - 1] != '4')
			return 0;
		if (nd > skip && digits[skip] == '0')	/* +44 (0)1234 ... */
			skip++;
		return nd - skip >= 9 && nd - skip <= 10 && digits[skip] != '0';
	}
	return nd >= 10 && nd <= 11 && digits[0] == '0' && digits[1] != '0';
}

enum public_text_problem public_text_next(const char *text, size_t from, size_t *at,
					  size_t *len)
{
	size_t start, stop;

	for (size_t i = from; text && text[i]; i++) {
		if (text[i] == '@' && email_at(text, i, &start, &stop) && start >= from) {
			*at = start;
			*len = stop - start;
			return PUBLIC_TEXT_EMAIL;
		}
		if ((text[i] == '+' || is_digit(text[i])) && (i == 0 || !is_alnum(text[i - 1])) &&
		    (i == 0 || text[i - 1] != '+') && phone_at(text, i, &stop)) {
			*at = i;
			*len = stop - i;
			return PUBLIC_TEXT_PHONE;
		}
	}
	return PUBLIC_TEXT_OK;
}

enum public_text_problem public_text_check(const char *text, size_t *at)
{
	size_t where = 0, len;
	enum public_text_problem p = public_text_next(text, 0, &where, &len);

	if (at)
		*at = where;
	return p;
}

const char *public_text_problem_name(enum public_text_problem p)
{
	switch (p) {
	case PUBLIC_TEXT_EMAIL: return "an email address";
	case PUBLIC_TEXT_PHONE: return "a telephone number";
	case PUBLIC_TEXT_OK: break;
	}
	return "nothing";
}
