/*
 * xalloc.h - the one place Engage allocates memory.
 *
 * Every allocation goes through these wrappers so tests can count them and
 * make the Nth one fail (curl's "torture" idea).  They return NULL on
 * failure like malloc; callers handle it.  xfree(NULL) is a no-op.
 */
#ifndef ENGAGE_XALLOC_H
#define ENGAGE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array: returns p resized to count*size, failing on overflow. */
void *xreallocarray(void *p, size_t count, size_t size);
/* Make the array at *pp hold at least `need` elements of `size` bytes,
 * doubling *cap as it grows: `if (xgrow(&v, &cap, n + 1, sizeof(*v))) ...`.
 * Returns 0, or -1 leaving the array as it was. */
int xgrow(void *pp, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void xfree(void *p);

/* Test hooks: fail the allocation numbered `n` (1-based) from now on, 0 to
 * disable.  xalloc_count() returns allocations made since the last reset. */
void xalloc_fail_at(unsigned long n);
unsigned long xalloc_count(void);

#endif
