/*
 * strtab.h - a string interning table: each distinct string gets a small
 * integer id, stored once.
 *
 * police.uk columns repeat a few thousand distinct values ("On or near High
 * Street", outcome texts, LSOA codes) millions of times; rows hold the
 * 4-byte id instead of the text.  Ids are dense, from 0, in first-seen
 * order, so a table built from the same input is the same every time.
 *
 * Ownership: the table owns copies of every string; strtab_release() frees
 * them.  strtab_get() pointers stay valid until the next strtab_intern()
 * (the storage may move) or the release.
 */
#ifndef ENGAGE_STRTAB_H
#define ENGAGE_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#define STRTAB_NONE UINT32_MAX

struct strtab {
	char *chars;		/* every string, NUL-terminated, back to back */
	size_t chars_len, chars_alloc;
	uint32_t *offsets;	/* id -> offset in chars */
	uint32_t count, offsets_alloc;
	uint32_t *slots;	/* open-addressed hash: id + 1, 0 = empty */
	uint32_t nslots;
};

#define STRTAB_INIT { 0 }

/* The id of s[0..n), adding it if new; STRTAB_NONE when out of memory. */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t n);
/* The id of s[0..n) if present, else STRTAB_NONE. */
uint32_t strtab_find(const struct strtab *t, const char *s, size_t n);
/* The string with this id ("" for STRTAB_NONE or an id out of range). */
const char *strtab_get(const struct strtab *t, uint32_t id);
void strtab_release(struct strtab *t);

#endif
