/*
 * hex.h - hex digits to bytes, for the 64-digit police.uk crime ids that
 * every street and outcome row carries (checked on import, stored as 32
 * bytes): many digits at a time, so six million ids cost little.
 */
#ifndef ENGAGE_HEX_H
#define ENGAGE_HEX_H

#include <stddef.h>
#include <stdint.h>

/* The n hex digits (either case) at s as n / 2 bytes at out, first digit
 * the high nibble: 0, or -1 when n is odd or any byte is not a hex digit
 * (out then holds garbage). */
int hex_decode(const char *s, size_t n, uint8_t *out);

#endif
