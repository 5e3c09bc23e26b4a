/*
 * utf8.h - UTF-8 checks.  Engage's text is UTF-8 throughout (Welsh too:
 * ŵ, ŷ, â); input that is not valid UTF-8 is rejected at the door.
 */
#ifndef ENGAGE_UTF8_H
#define ENGAGE_UTF8_H

#include <stddef.h>

/* Length in bytes of the valid UTF-8 sequence starting at s (1-4), or 0 if
 * the bytes there are not valid UTF-8 (overlong forms and surrogates too). */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Returns the offset of the first invalid byte, or n if all of s is valid. */
size_t utf8_check(const char *s, size_t n);

#endif
