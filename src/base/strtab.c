/*
 * strtab.c - string interning with an open-addressed hash table
 * (see strtab.h).
 */
#include "base/strtab.h"

#include "base/xalloc.h"

#include <string.h>

/* Eight bytes at a time, each word folded in with a multiply, then mixed
 * (the finaliser of MurmurHash3's 64-bit variant).  Ids do not depend on
 * the hash, only on the order strings are first seen. */
static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	if (n) {
		w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return (uint32_t)h;
}

/* Length of string `id`: up to the next one's start, less its NUL. */
static size_t length_of(const struct strtab *t, uint32_t id)
{
	size_t end = id + 1 < t->count ? t->offsets[id + 1] : t->chars_len;

	return end - t->offsets[id] - 1;
}

static int same(const struct strtab *t, uint32_t id, const char *s, size_t n)
{
	return length_of(t, id) == n && !memcmp(t->chars + t->offsets[id], s, n);
}

uint32_t strtab_find(const struct strtab *t, const char *s, size_t n)
{
	uint32_t mask, i;

	if (!t->nslots)
		return STRTAB_NONE;
	mask = t->nslots - 1;
	for (i = hash(s, n) & mask; t->slots[i]; i = (i + 1) & mask)
		if (same(t, t->slots[i] - 1, s, n))
			return t->slots[i] - 1;
	return STRTAB_NONE;
}

static int rehash(struct strtab *t, uint32_t nslots)
{
	uint32_t *slots = xcalloc(nslots, sizeof(*slots));

	if (!slots)
		return -1;
	for (uint32_t id = 0; id < t->count; id++) {
		const char *p = t->chars + t->offsets[id];
		uint32_t i = hash(p, length_of(t, id)) & (nslots - 1);

		while (slots[i])
			i = (i + 1) & (nslots - 1);
		slots[i] = id + 1;
	}
	xfree(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return 0;
}

uint32_t strtab_intern(struct strtab *t, const char *s, size_t n)
{
	uint32_t id = strtab_find(t, s, n), i;

	if (id != STRTAB_NONE)
		return id;
	if (t->count + 1 >= STRTAB_NONE / 2 || n > UINT32_MAX / 2)
		return STRTAB_NONE;
	if ((t->count + 1) * 2 > t->nslots && rehash(t, t->nslots ? t->nslots * 2 : 64) < 0)
		return STRTAB_NONE;
	if (t->chars_len + n + 1 > t->chars_alloc) {
		size_t na = t->chars_alloc ? t->chars_alloc : 1024;
		char *p;

		while (na < t->chars_len + n + 1)
			na *= 2;
		if (na > UINT32_MAX || !(p = xrealloc(t->chars, na)))
			return STRTAB_NONE;
		t->chars = p;
		t->chars_alloc = na;
	}
	if (t->count == t->offsets_alloc) {
		uint32_t na = t->offsets_alloc ? t->offsets_alloc * 2 : 64;
		uint32_t *p = xreallocarray(t->offsets, na, sizeof(*p));

		if (!p)
			return STRTAB_NONE;
		t->offsets = p;
		t->offsets_alloc = na;
	}
	memcpy(t->chars + t->chars_len, s, n);
	t->chars[t->chars_len + n] = '\0';
	id = t->count++;
	t->offsets[id] = (uint32_t)t->chars_len;
	t->chars_len += n + 1;
	for (i = hash(s, n) & (t->nslots - 1); t->slots[i]; i = (i + 1) & (t->nslots - 1))
		;
	t->slots[i] = id + 1;
	return id;
}

const char *strtab_get(const struct strtab *t, uint32_t id)
{
	return id < t->count ? t->chars + t->offsets[id] : "";
}

void strtab_release(struct strtab *t)
{
	xfree(t->chars);
	xfree(t->offsets);
	xfree(t->slots);
	memset(t, 0, sizeof(*t));
}
